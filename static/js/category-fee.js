// Product form: show the platform fee (ujrah) of the category being chosen,
// and mark the legality numbers that category needs before publishing.
(function () {
  var line = document.getElementById("category-fee");
  var select = document.getElementById("id_category");
  if (!line || !select) return;
  var fees = JSON.parse(line.dataset.fees || "{}");
  var needs = JSON.parse(line.dataset.needs || "{}");
  var legal = ["halal_certificate_number", "pirt_number", "bpom_number"];
  var value = line.querySelector("strong");
  function update() {
    var fee = fees[select.value];
    line.hidden = !fee;
    value.textContent = fee || "";
    var needed = needs[select.value] || [];
    legal.forEach(function (name) {
      var mark = document.querySelector('label[for="id_' + name + '"] .optional');
      if (!mark) return;
      mark.textContent = needed.indexOf(name) >= 0
        ? line.dataset.neededLabel
        : line.dataset.optionalLabel;
    });
  }
  select.addEventListener("change", update);
})();
