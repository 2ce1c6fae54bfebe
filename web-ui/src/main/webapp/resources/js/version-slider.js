// The history page's version slider: moving it sets the version field beside it (and back), so
// an auditor can slide through a stream's versions and press Show. Without scripts the slider
// stays hidden and the number field works alone.
(function () {
  "use strict";
  var slider = document.getElementById("version-slider");
  var field = document.getElementById("version");
  if (!slider || !field) {
    return;
  }
  slider.hidden = false;
  if (document.getElementById("version-slider-label")) {
    document.getElementById("version-slider-label").hidden = false;
  }
  if (field.value !== "") {
    slider.value = field.value;
  }
  slider.addEventListener("input", function () { field.value = slider.value; });
  field.addEventListener("input", function () { if (field.value !== "") { slider.value = field.value; } });
})();
