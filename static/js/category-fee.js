// Product form: show the platform fee (ujrah) of the category being chosen.
(function () {
  var line = document.getElementById("category-fee");
  var select = document.getElementById("id_category");
  if (!line || !select) return;
  var fees = JSON.parse(line.dataset.fees || "{}");
  var value = line.querySelector("strong");
  function update() {
    var fee = fees[select.value];
    line.hidden = !fee;
    value.textContent = fee || "";
  }
  select.addEventListener("change", update);
})();
