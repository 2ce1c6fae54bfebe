// Every <time class="moment" datetime="…Z"> is written by the server in UTC with the zone named;
// this rewrites it into the browser's own time zone, named as well ("4 May 2027, 11:15:00 CEST").
(function () {
  "use strict";
  var format;
  try {
    format = new Intl.DateTimeFormat("en-GB", {
      day: "numeric", month: "short", year: "numeric",
      hour: "2-digit", minute: "2-digit", second: "2-digit", timeZoneName: "short"
    });
  } catch (e) {
    return;
  }
  function localize(root) {
    var times = (root || document).querySelectorAll("time.moment[datetime]");
    for (var i = 0; i < times.length; i++) {
      var when = new Date(times[i].getAttribute("datetime"));
      if (!isNaN(when.getTime())) {
        if (!times[i].title) {
          times[i].title = times[i].textContent.trim();
        }
        times[i].textContent = format.format(when);
      }
    }
  }
  window.seatLedgerLocalize = localize;
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { localize(document); });
  } else {
    localize(document);
  }
})();
