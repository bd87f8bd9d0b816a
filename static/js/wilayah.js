/* Cascading Kemendagri region lists: choosing a province loads its
   kabupaten/kota, and so on down to the kelurahan/desa, whose postcode is
   filled in. Without JavaScript the form reloads one level per submit. */
(function () {
  var levels = ["province", "regency", "district", "village"];
  var form = document.querySelector("[data-region-form]");
  if (!form) { return; }
  var url = form.getAttribute("data-region-url");
  var select = function (level) { return form.querySelector("[data-region-level='" + level + "']"); };
  var postcode = form.querySelector("input[name$='postcode']");

  function clear(fromIndex) {
    for (var i = fromIndex; i < levels.length; i++) {
      var s = select(levels[i]);
      if (s) { s.length = 1; s.value = ""; }
    }
  }

  function load(index, parent) {
    var target = select(levels[index]);
    if (!target) { return; }
    fetch(url + "?parent=" + encodeURIComponent(parent))
      .then(function (response) { return response.json(); })
      .then(function (data) {
        data.regions.forEach(function (region) {
          var option = new Option(region.name, region.code);
          if (region.postal_code) { option.setAttribute("data-postal-code", region.postal_code); }
          target.add(option);
        });
        target.dispatchEvent(new Event("regions-loaded"));
      });
  }

  levels.forEach(function (level, index) {
    var s = select(level);
    if (!s) { return; }
    s.addEventListener("change", function () {
      clear(index + 1);
      if (index + 1 < levels.length && s.value) { load(index + 1, s.value); }
      if (level === "village" && postcode) {
        var chosen = s.options[s.selectedIndex];
        var code = chosen && chosen.getAttribute("data-postal-code");
        if (code) { postcode.value = code; }
      }
    });
  });
})();
