// Keeps the dashboard's figures current while it is open: every few seconds it fetches this same
// page and swaps in its #availability. Without scripts the page shows the figures as of its
// loading, and says when that was.
(function () {
  "use strict";
  var status = document.getElementById("live-status");
  var region = document.getElementById("availability");
  if (!status || !region || !window.fetch || !window.DOMParser) {
    return;
  }
  var seconds = parseInt(status.getAttribute("data-refresh-seconds"), 10) || 5;
  var address = location.pathname; // without ?at=: no need to wait for an old position again
  var failures = 0;
  function refresh() {
    fetch(address, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var fresh = page.getElementById("availability");
        if (!fresh) {
          throw new Error("not the dashboard (signed out?)");
        }
        region.innerHTML = fresh.innerHTML;
        if (window.seatLedgerLocalize) {
          window.seatLedgerLocalize(region);
        }
        failures = 0;
        schedule();
      })
      .catch(function () {
        failures++;
        if (failures < 5) {
          schedule();
        } else {
          status.textContent = "Live refresh stopped; reload the page to see new figures.";
        }
      });
  }
  function schedule() {
    setTimeout(refresh, seconds * 1000);
  }
  schedule();
})();
