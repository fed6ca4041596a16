// The share page: a "copy the link" button, shown only where the browser can copy.
(function () {
  var button = document.querySelector("[data-copy]");
  if (!button || !navigator.clipboard) { return; }
  var input = document.getElementById(button.getAttribute("data-copy"));
  var status = document.getElementById(button.getAttribute("data-status"));
  button.hidden = false;
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(input.value).then(function () {
      status.textContent = status.getAttribute("data-done");
    });
  });
})();
