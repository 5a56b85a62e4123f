// First-party, anonymous page statistics (P3.2.d). Loaded only after the visitor allowed
// analytics cookies; sends the page path and nothing that identifies the person.
(function () {
  var token = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
  fetch("/analytics/collect", {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json", "X-CSRFToken": token ? token[1] : "" },
    body: JSON.stringify({ path: location.pathname }),
  });
})();
