/* Poll the import's progress and move the bar; reload once it is finished
   so the page shows the rows that were not saved. */
(function () {
  "use strict";
  var panel = document.getElementById("import-progress");
  if (!panel || panel.getAttribute("data-finished") === "1") { return; }
  var url = panel.getAttribute("data-progress-url");
  var bar = panel.querySelector(".progress");
  var fill = bar.querySelector("span");
  var text = panel.querySelector("[data-progress-text]");

  function poll() {
    fetch(url, {headers: {"Accept": "application/json"}, credentials: "same-origin"})
      .then(function (response) { return response.json(); })
      .then(function (data) {
        fill.style.width = data.percent + "%";
        bar.setAttribute("aria-valuenow", data.percent);
        text.textContent = data.label;
        ["created", "updated", "failed"].forEach(function (key) {
          var cell = panel.querySelector("[data-count=" + key + "]");
          if (cell) { cell.textContent = data[key]; }
        });
        if (data.finished) { window.location.reload(); } else { window.setTimeout(poll, 1000); }
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 500);
}());
