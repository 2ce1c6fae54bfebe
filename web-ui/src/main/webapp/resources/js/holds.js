// Keeps the holds console current while it is open: every few seconds it fetches this same page
// and swaps in its #holds-region, so holds the expiry round has ended drop off and new ones appear.
// The countdowns (js/countdown.js) tick in between. Without scripts a reload shows the same.
(function () {
  "use strict";
  var status = document.getElementById("live-status");
  var region = document.getElementById("holds-region");
  if (!status || !region || !window.fetch || !window.DOMParser) {
    return;
  }
  var seconds = parseInt(status.getAttribute("data-refresh-seconds"), 10) || 3;
  var failures = 0;
  status.textContent = "Refreshed every " + seconds + " s.";
  function refresh() {
    fetch(location.pathname, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("holds-region");
        if (!fresh) {
          throw new Error("not the holds console (signed out?)");
        }
        if (fresh.innerHTML !== region.innerHTML) {
          region.innerHTML = fresh.innerHTML;
          if (window.seatLedgerLocalize) {
            window.seatLedgerLocalize(region);
          }
          if (window.seatLedgerCountdowns) {
            window.seatLedgerCountdowns();
          }
        }
        failures = 0;
        schedule();
      })
      .catch(function () {
        failures++;
        if (failures < 5) {
          schedule();
        } else {
          status.textContent = "Refresh stopped; reload the page to see the holds as they are now.";
        }
      });
  }
  function schedule() {
    setTimeout(refresh, seconds * 1000);
  }
  schedule();
})();
