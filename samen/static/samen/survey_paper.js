// Paper entry: in a row of radio buttons, a digit ticks that answer and moves to the next row
// (1–5 for the scale or the n-th band, 0 for "empty"). Without this script Tab and the arrow
// keys do the same, one step at a time.
(function () {
  var form = document.getElementById("paper-entry");
  if (!form) return;
  form.addEventListener("keydown", function (event) {
    var target = event.target;
    if (!target || target.type !== "radio" || !/^[0-9]$/.test(event.key)) return;
    var row = target.closest("fieldset");
    var radios = Array.prototype.slice.call(row.querySelectorAll("input[type=radio]"));
    var digit = parseInt(event.key, 10);
    var choice = digit === 0 ? radios[radios.length - 1] : radios[digit - 1];
    if (!choice) return;
    event.preventDefault();
    choice.checked = true;
    var rows = Array.prototype.slice.call(form.querySelectorAll("fieldset.paper-row"));
    var next = rows[rows.indexOf(row) + 1];
    if (next) {
      var checked = next.querySelector("input[type=radio]:checked");
      (checked || next.querySelector("input[type=radio]")).focus();
    } else {
      form.querySelector("button[type=submit]").focus();
    }
  });
})();
