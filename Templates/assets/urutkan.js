// Sortable tables, as progressive enhancement: without this script the table is already sorted
// by the size of the change. Each header with data-kunci becomes a button; rows carry the sort
// values as plain integers in data-* attributes (data-urutan: document order).
(function () {
  "use strict";
  var collator = new Intl.Collator("id");
  function value(row, key) {
    if (key === "nama") return row.querySelector("th").textContent.trim();
    var v = row.getAttribute("data-" + key);
    return v === null || v === "" ? null : Number(v);
  }
  function sortTable(table, th, key, descending) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = value(a, key), y = value(b, key);
      if (x === null && y === null) return value(a, "urutan") - value(b, "urutan");
      if (x === null) return 1;
      if (y === null) return -1;
      var c = key === "nama" ? collator.compare(x, y) : x - y;
      if (descending) c = -c;
      return c !== 0 ? c : value(a, "urutan") - value(b, "urutan");
    });
    rows.forEach(function (r) { body.appendChild(r); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
      if (cell !== th) cell.removeAttribute("aria-sort");
    });
    th.setAttribute("aria-sort", descending ? "descending" : "ascending");
  }
  Array.prototype.forEach.call(document.querySelectorAll("table[data-urutkan]"), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      var key = th.getAttribute("data-kunci");
      if (!key) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "tombol-urut";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        // First click: largest first for numbers, A–Z for names; then toggle.
        var current = th.getAttribute("aria-sort");
        var descending = current ? current === "ascending" : key !== "nama";
        sortTable(table, th, key, descending);
      });
    });
    table.classList.add("dapat-diurutkan");
  });
})();
