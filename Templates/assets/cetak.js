// The one-page print version: a button that opens the browser's print dialog (the page prints
// the same way from the browser's own menu; without this script the button stays hidden).
(function () {
  "use strict";
  var button = document.getElementById("tombol-cetak");
  if (!button || typeof window.print !== "function") return;
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
})();
