/* Cascading province → kabupaten/kota → kecamatan selects and the
   postcode suggestions, filled from /join/regions/?parent=<code>. Without
   JavaScript the form still works: the server lists the options of what
   was chosen when the form comes back. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-regions-url]");
  if (!form) { return; }
  var url = form.getAttribute("data-regions-url");
  var selects = form.querySelectorAll("select[data-region-parent]");
  var postcodeList = document.getElementById("postcode-options");

  function fetchOptions(parent) {
    return fetch(url + "?parent=" + encodeURIComponent(parent), {headers: {"Accept": "application/json"}})
      .then(function (response) { return response.json(); });
  }

  function reset(select) {
    var placeholder = select.options[0];
    select.innerHTML = "";
    select.appendChild(placeholder);
    select.value = "";
    select.dispatchEvent(new Event("change"));
  }

  selects.forEach(function (select) {
    var parent = document.getElementById(select.getAttribute("data-region-parent"));
    parent.addEventListener("change", function () {
      reset(select);
      if (!parent.value) { return; }
      fetchOptions(parent.value).then(function (data) {
        data.regions.forEach(function (region) {
          select.appendChild(new Option(region.name, region.code));
        });
      });
    });
  });

  var district = form.querySelector("select[data-region-level=district]");
  var postcode = form.querySelector("input[name$=postcode]");
  if (district && postcode && postcodeList) {
    district.addEventListener("change", function () {
      postcodeList.innerHTML = "";
      if (!district.value) { return; }
      fetchOptions(district.value).then(function (data) {
        data.postcodes.forEach(function (code) { postcodeList.appendChild(new Option(code)); });
        if (data.postcodes.length === 1) { postcode.value = data.postcodes[0]; }
      });
    });
  }
}());
