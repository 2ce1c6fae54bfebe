// While a verification runs, asks the API how far it has come once a second and shows it (events
// checked of the total); when the result is kept, loads the page again so the server renders the
// result and the list of kept verifications. Without scripts the page offers a Refresh link.
(function () {
  "use strict";
  var PERIOD = 1000;
  var card = document.getElementById("verification-progress");
  if (!card) {
    return;
  }
  var meter = document.getElementById("verification-meter");
  var checked = document.getElementById("checked-events");
  var total = document.getElementById("total-events");
  var count = new Intl.NumberFormat();

  function show(run) {
    // events appended while the whole log is walked are checked too: the total only grows
    var max = Math.max(run.totalEvents, run.checkedEvents, 1);
    meter.max = max;
    meter.value = run.checkedEvents;
    checked.textContent = count.format(run.checkedEvents);
    total.textContent = count.format(Math.max(run.totalEvents, run.checkedEvents));
  }

  function poll() {
    fetch(card.getAttribute("data-status"), {
      credentials: "same-origin",
      headers: { "Accept": "application/json" }
    })
      .then(function (response) {
        if (response.status === 404) {
          // the run ended without a result: the page says so
          window.location.reload();
          return null;
        }
        return response.ok ? response.json() : Promise.reject(response.status);
      })
      .then(function (run) {
        if (!run) {
          return;
        }
        if (run.result) {
          window.location.reload();
          return;
        }
        show(run);
        window.setTimeout(poll, PERIOD);
      })
      .catch(function () { window.setTimeout(poll, PERIOD * 3); });
  }

  window.setTimeout(poll, PERIOD);
})();
