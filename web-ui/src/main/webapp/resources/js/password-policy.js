// Shows the password policy (ul.policy, see WEB-INF/includes/password-policy.xhtml) being met as a
// new password is typed. The server (security.PasswordPolicy) applies the same rules and decides.
(function () {
  "use strict";
  var COMMON = ["password1234", "passwordpassword", "123456789012", "qwertyuiopas",
    "administrator", "letmeinletmein", "changemechangeme", "seatledger123", "welcome12345"];

  function distinct(text) {
    var seen = {};
    var count = 0;
    for (var i = 0; i < text.length; i++) {
      if (!seen[text.charAt(i)]) {
        seen[text.charAt(i)] = true;
        count++;
      }
    }
    return count;
  }

  function watch(list) {
    var field = document.getElementById(list.getAttribute("data-field"));
    if (!field) {
      return;
    }
    var nameField = list.getAttribute("data-username-field")
      ? document.getElementById(list.getAttribute("data-username-field")) : null;
    var items = list.querySelectorAll("li[data-rule]");
    var state = document.createElement("span");
    state.className = "visually-hidden";
    state.setAttribute("aria-live", "polite");
    list.parentNode.insertBefore(state, list.nextSibling);

    function check() {
      var password = field.value;
      var lower = password.toLowerCase();
      var name = (nameField ? nameField.value : list.getAttribute("data-username") || "")
        .trim().toLowerCase();
      var rules = {
        length: password.length >= 12 && password.length <= 128,
        variety: distinct(password) >= 4,
        username: password.length > 0 && (name === "" || lower.indexOf(name) < 0),
        common: password.length > 0 && COMMON.indexOf(lower) < 0
      };
      var met = 0;
      for (var i = 0; i < items.length; i++) {
        var ok = rules[items[i].getAttribute("data-rule")] === true;
        items[i].className = password.length === 0 ? "" : (ok ? "met" : "unmet");
        if (ok) {
          met++;
        }
      }
      state.textContent = password.length === 0 ? ""
        : met === items.length ? "The password meets the policy."
          : (items.length - met) + " of the password rules not met yet.";
    }
    field.addEventListener("input", check);
    if (nameField) {
      nameField.addEventListener("input", check);
    }
    check();
  }

  var lists = document.querySelectorAll("ul.policy[data-field]");
  for (var i = 0; i < lists.length; i++) {
    watch(lists[i]);
  }
})();
