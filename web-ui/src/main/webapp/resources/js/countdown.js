// Runs every countdown to a hold's expiry on the page: <span class="countdown" data-until="…Z">,
// written by the server as of the page's loading ("14 min 5 s left"). The deadline itself stays on
// the page as a <time> with its zone, which is what counts without scripts.
// window.seatLedgerCountdowns(root) starts the countdowns of content swapped in later.
(function () {
  "use strict";
  var OVER = "Hold ended; releasing the seats";
  function text(ms) {
    var seconds = Math.floor(ms / 1000);
    if (seconds <= 0) {
      return OVER;
    }
    var hours = Math.floor(seconds / 3600);
    var minutes = Math.floor((seconds % 3600) / 60);
    var rest = seconds % 60;
    if (hours > 0) {
      return hours + " h " + minutes + " min left";
    }
    return minutes > 0 ? minutes + " min " + rest + " s left" : rest + " s left";
  }
  function tick() {
    var now = Date.now();
    var all = document.querySelectorAll(".countdown[data-until]");
    for (var i = 0; i < all.length; i++) {
      var until = Date.parse(all[i].getAttribute("data-until"));
      if (isNaN(until)) {
        continue;
      }
      var left = until - now;
      var shown = text(left);
      if (all[i].textContent !== shown) {
        all[i].textContent = shown;
      }
      all[i].classList.toggle("soon", left > 0 && left < 60000);
      all[i].classList.toggle("over", left <= 0);
    }
  }
  window.seatLedgerCountdowns = tick;
  tick();
  setInterval(tick, 1000);
})();
