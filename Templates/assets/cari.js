// Search page: starts Pagefind's UI over the indexes made at build time (the site's pagefind/,
// which holds the engine, and each group of documents' pagefind/kelompok-<n>/, merged into one
// search) and runs the query from the address (?q=…), which the search form in every page's
// header sends.
// The address follows the query typed here, so it can be shared or reloaded.
//
// Table rows: Pagefind makes sub-results only from h1–h6 headings, and a table row's name is a
// <th>. Every row name carries an id (`<row>-nama`), which Pagefind records as an anchor; a hit
// on a table page is given to the row whose name comes before it, and links to that row.
(function () {
  "use strict";
  var box = document.getElementById("pencarian");
  if (!box || typeof PagefindUI === "undefined") return;

  function escape(s) {
    return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  function rowResults(result) {
    var rows = (result.anchors || []).filter(function (a) {
      return a.element === "th" && a.id && a.text && /\S/.test(a.text);
    }).sort(function (a, b) { return a.location - b.location; });
    if (!rows.length) return result;
    // A row ends where the next row or heading begins (a findings section after the table is not
    // the last row's).
    var starts = (result.anchors || []).filter(function (a) {
      return (a.element === "th" || /^h\d$/i.test(a.element)) && a.text && /\S/.test(a.text);
    }).map(function (a) { return a.location; }).sort(function (a, b) { return a - b; });
    var words = (result.content || "").split(/[\r\n\s]+/g);
    var page = (result.meta && result.meta.url) || result.url;
    page = page.split("#")[0];
    var subs = [];
    rows.forEach(function (a) {
      var next = starts.filter(function (l) { return l > a.location; })[0];
      var end = next === undefined ? words.length : next;
      var hits = (result.locations || []).filter(function (l) { return l >= a.location && l < end; });
      if (!hits.length) return;
      var to = Math.min(end, a.location + 40);
      var excerpt = words.slice(a.location, to).map(function (w, k) {
        return hits.indexOf(a.location + k) >= 0 ? "<mark>" + escape(w) + "</mark>" : escape(w);
      }).join(" ") + (to < end ? " …" : "");
      subs.push({
        // The anchor's text is the whole cell: drop the permalink's and the finding mark's words.
        title: a.text.replace(/#?\s*Tautan ke baris ini/g, "").replace(/\s\d+ temuan(?=\s|$)/g, "").replace(/\s+/g, " ").trim(),
        url: page + "#" + a.id.replace(/-nama$/, ""),
        anchor: a,
        excerpt: excerpt,
        locations: hits,
        weighted_locations: hits.map(function (l) { return { location: l, weight: 1, balanced_score: 1 }; })
      });
    });
    // Hits outside any row (the page's introduction) keep Pagefind's own sub-results.
    if (subs.length) result.sub_results = subs;
    return result;
  }

  // The documents are indexed in a few groups, each with its own bundle (data-bundel-dokumen,
  // listed from the groups the site has), searched together with the site's (data-bundel, which
  // holds the engine). Pagefind gives a merged bundle's results relative to the folder above the
  // bundle by default; a group's bundle was made from its pages at their site paths, so its
  // results are relative to the site's root, as the site bundle's are.
  // The UI gives its own index an excerpt of 12 words when it shows sub-results; a merged index
  // takes only the options given here, so it is given the same length.
  var excerptLength = 12;
  var here = window.location.href;
  var siteRoot = new URL(box.getAttribute("data-bundel"), here).pathname.replace(/pagefind\/$/, "");
  var merged = (box.getAttribute("data-bundel-dokumen") || "").split(/\s+/).filter(Boolean).map(function (b) {
    return { bundlePath: new URL(b, here).pathname, baseUrl: siteRoot, excerptLength: excerptLength };
  });

  var ui = new PagefindUI({
    element: "#pencarian",
    bundlePath: box.getAttribute("data-bundel"),
    mergeIndex: merged,
    showSubResults: true,
    excerptLength: excerptLength,
    showImages: false,
    resetStyles: false,
    processResult: rowResults
  });
  // The UI's input is named only by its title; give it a proper accessible name.
  var input = box.querySelector("input");
  if (input) {
    input.setAttribute("aria-label", "Kata yang dicari");
    input.addEventListener("input", function () {
      var q = input.value.trim();
      var url = new URL(window.location.href);
      if (q) url.searchParams.set("q", q); else url.searchParams.delete("q");
      window.history.replaceState(null, "", url.pathname + url.search + url.hash);
    });
  }
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) ui.triggerSearch(q);
})();
