// Search page: starts Pagefind's UI (the index is generated at build time into pagefind/) and
// runs the query from the address (?q=…), which the search form in every page's header sends.
(function () {
  "use strict";
  var box = document.getElementById("pencarian");
  if (!box || typeof PagefindUI === "undefined") return;
  var ui = new PagefindUI({
    element: "#pencarian",
    bundlePath: box.getAttribute("data-bundel"),
    showSubResults: true,
    showImages: false,
    resetStyles: false
  });
  // The UI's input is named only by its title; give it a proper accessible name.
  var input = box.querySelector("input");
  if (input) input.setAttribute("aria-label", "Kata yang dicari");
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) ui.triggerSearch(q);
})();
