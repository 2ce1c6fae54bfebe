// While a rebuild runs, reloads the read-model table every two seconds (the page itself, so the
// server renders it), and says so when a rebuild has finished and the new rows took over.
(function () {
  "use strict";
  var PERIOD = 2000;
  var news = document.getElementById("read-models-news");

  function rebuilding(root) {
    var names = [];
    var rows = root.querySelectorAll("tr[data-status]");
    for (var i = 0; i < rows.length; i++) {
      if (rows[i].getAttribute("data-status") === "REBUILDING") {
        names.push(rows[i].id);
      }
    }
    return names;
  }

  function refresh() {
    var current = document.getElementById("read-models");
    if (!current || current.getAttribute("data-rebuilding") !== "true") {
      return;
    }
    var before = rebuilding(current);
    fetch(window.location.pathname, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, "text/html").getElementById("read-models");
        if (!next) {
          return;
        }
        current.replaceWith(next);
        var after = rebuilding(next);
        var finished = before.filter(function (id) { return after.indexOf(id) < 0; });
        if (finished.length > 0) {
          var names = finished.map(function (id) { return id.substring(3); }).join(", ");
          news.textContent = "Rebuild finished: " + names + " now serves the rebuilt rows.";
          news.className = "note";
        }
        if (window.seatLedgerLocalize) {
          window.seatLedgerLocalize(next);
        }
        window.setTimeout(refresh, PERIOD);
      })
      .catch(function () { window.setTimeout(refresh, PERIOD * 2); });
  }

  window.setTimeout(refresh, PERIOD);
})();
