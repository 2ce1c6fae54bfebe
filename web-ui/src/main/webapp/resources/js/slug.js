// Suggests a slug from the name while the slug field has not been typed in: the same rule as the
// server's default (NewConferenceForm.slugOf).
(function () {
  "use strict";
  var name = document.getElementById("name");
  var slug = document.getElementById("slug");
  if (!name || !slug) {
    return;
  }
  var touched = slug.value !== "";
  function slugOf(text) {
    var plain = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    if (plain.length > 60) {
      plain = plain.substring(0, 60).replace(/-+$/, "");
    }
    return plain;
  }
  slug.addEventListener("input", function () { touched = slug.value !== ""; });
  name.addEventListener("input", function () {
    if (!touched) {
      slug.value = slugOf(name.value);
    }
  });
})();
