// Find and compare rows, as progressive enhancement: without this script every table is a plain
// table in its published order. With it, each table marked `data-tabel-baris` (one <tbody> per
// program, kegiatan or sub kegiatan, with its indicators) or `data-urutkan` (one <tr> per row)
// gets tools above it: sort (also from the column headers, which carry aria-sort), and filters by
// program, by level and by "with findings". A polite live region says what is shown. Sort keys
// are plain numbers in data-* attributes written by the build; data-urutan is document order, so
// numbering is never compared as text.
(function () {
  "use strict";
  var LEVELS = { "program": "Program", "kegiatan": "Kegiatan", "sub-kegiatan": "Sub kegiatan" };
  var count = 0;

  function toArray(list) { return Array.prototype.slice.call(list); }

  function value(unit, key) {
    var v = unit.getAttribute("data-" + key);
    return v === null || v === "" ? null : Number(v);
  }

  // Header text without what scripts or marks add to it.
  function label(th) {
    var copy = th.cloneNode(true);
    toArray(copy.querySelectorAll(".kol-sub, .sr")).forEach(function (e) { e.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function rowName(unit) {
    var th = unit.querySelector("th");
    if (!th) return "";
    var copy = th.cloneNode(true);
    toArray(copy.querySelectorAll(".tingkat-kartu, .konteks, .penanda, .tautan-baris, .kunci, .status, .tingkat, .sr"))
      .forEach(function (e) { e.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function field(labelText, control) {
    var l = document.createElement("label");
    l.appendChild(document.createTextNode(labelText));
    l.appendChild(control);
    return l;
  }

  function option(select, val, text) {
    var o = document.createElement("option");
    o.value = val;
    o.textContent = text;
    select.appendChild(o);
  }

  function enhance(table) {
    count += 1;
    var grouped = table.hasAttribute("data-tabel-baris");
    var units = grouped ? toArray(table.querySelectorAll("tbody.butir")) : toArray(table.tBodies[0].rows);
    if (units.length < 2 || !table.tHead) return;
    var heads = toArray(table.tHead.rows[0].cells).filter(function (th) { return th.hasAttribute("data-kunci"); });
    var caption = table.caption ? table.caption.textContent.trim() : "tabel";
    var state = { key: "urutan", descending: false, program: "", level: "", findings: false };
    heads.forEach(function (th) {
      var s = th.getAttribute("aria-sort");
      if (s) { state.key = th.getAttribute("data-kunci"); state.descending = s === "descending"; }
    });

    var tools = document.createElement("div");
    tools.className = "alat-tabel";
    tools.setAttribute("role", "group");
    tools.setAttribute("aria-label", "Urutkan dan saring: " + caption);

    var sort = document.createElement("select");
    sort.id = "urut-" + count;
    heads.forEach(function (th) {
      var key = th.getAttribute("data-kunci"), name = label(th);
      if (key === "urutan") { option(sort, "urutan:naik", "Urutan dokumen"); return; }
      option(sort, key + ":turun", name + ": terbesar dulu");
      option(sort, key + ":naik", name + ": terkecil dulu");
    });
    tools.appendChild(field("Urutkan", sort));

    var programs = [];
    units.forEach(function (u) {
      var p = u.getAttribute("data-program");
      if (p && programs.every(function (x) { return x.key !== p; })) {
        programs.push({ key: p, name: u.getAttribute("data-tingkat") === "program" ? rowName(u) : p });
      }
    });
    var programSelect = null;
    if (programs.length > 1) {
      programSelect = document.createElement("select");
      option(programSelect, "", "Semua program");
      programs.forEach(function (p) { option(programSelect, p.key, p.name); });
      tools.appendChild(field("Program", programSelect));
    }

    var levels = [];
    units.forEach(function (u) {
      var l = u.getAttribute("data-tingkat");
      if (l && LEVELS[l] && levels.indexOf(l) < 0) levels.push(l);
    });
    var levelSelect = null;
    if (levels.length > 1) {
      levelSelect = document.createElement("select");
      option(levelSelect, "", "Semua tingkat");
      levels.forEach(function (l) { option(levelSelect, l, LEVELS[l] + " saja"); });
      tools.appendChild(field("Tingkat", levelSelect));
    }

    var findings = null;
    if (units.some(function (u) { return u.hasAttribute("data-temuan"); })) {
      findings = document.createElement("input");
      findings.type = "checkbox";
      var l = field("", findings);
      l.className = "centang";
      l.appendChild(document.createTextNode("Hanya baris dengan temuan"));
      tools.appendChild(l);
    }

    var status = document.createElement("p");
    status.className = "status-tabel";
    status.setAttribute("aria-live", "polite");
    status.id = "status-tabel-" + count;

    var anchor = table.closest(".tabel-wadah, .gulir-tabel") || table;
    anchor.parentNode.insertBefore(tools, anchor);
    anchor.parentNode.insertBefore(status, anchor);

    function apply(announce) {
      var key = state.key, desc = state.descending;
      var sorted = units.slice().sort(function (a, b) {
        var x = value(a, key), y = value(b, key);
        var c;
        if (x === null && y === null) c = 0;
        else if (x === null) return 1;
        else if (y === null) return -1;
        else c = desc ? y - x : x - y;
        return c !== 0 ? c : value(a, "urutan") - value(b, "urutan");
      });
      var parent = grouped ? table : table.tBodies[0];
      var before = grouped ? table.tFoot : null;
      sorted.forEach(function (u) { parent.insertBefore(u, before); });
      var shown = 0;
      units.forEach(function (u) {
        var ok = (!state.program || u.getAttribute("data-program") === state.program)
          && (!state.level || u.getAttribute("data-tingkat") === state.level)
          && (!state.findings || u.hasAttribute("data-temuan"));
        u.hidden = !ok;
        if (ok) shown += 1;
      });
      var rearranged = key !== "urutan" || state.program !== "" || state.level !== "" || state.findings;
      table.classList.toggle("tersusun", rearranged);
      var sortedBy = "";
      heads.forEach(function (th) {
        if (th.getAttribute("data-kunci") === key) {
          th.setAttribute("aria-sort", key === "urutan" ? "ascending" : desc ? "descending" : "ascending");
          sortedBy = key === "urutan" ? "urutan dokumen" : label(th) + (desc ? ", terbesar dulu" : ", terkecil dulu");
        } else {
          th.removeAttribute("aria-sort");
        }
      });
      sort.value = key + ":" + (key === "urutan" || !desc ? "naik" : "turun");
      if (announce) {
        status.textContent = "Menampilkan " + shown + " dari " + units.length + " baris, diurutkan menurut " + sortedBy + ".";
      }
    }

    sort.addEventListener("change", function () {
      var parts = sort.value.split(":");
      state.key = parts[0];
      state.descending = parts[1] === "turun";
      apply(true);
    });
    if (programSelect) programSelect.addEventListener("change", function () { state.program = programSelect.value; apply(true); });
    if (levelSelect) levelSelect.addEventListener("change", function () { state.level = levelSelect.value; apply(true); });
    if (findings) findings.addEventListener("change", function () { state.findings = findings.checked; apply(true); });

    heads.forEach(function (th) {
      var key = th.getAttribute("data-kunci");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "tombol-urut";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        if (key === "urutan") {
          state.key = "urutan";
          state.descending = false;
        } else {
          // First click: largest first; then toggle.
          state.descending = state.key === key ? !state.descending : true;
          state.key = key;
        }
        apply(true);
      });
    });
    // A row's # link is its permalink: following it puts the address in the address bar; where
    // the browser allows, the address is copied too, and the live region says so.
    toArray(table.querySelectorAll("a.tautan-baris")).forEach(function (a) {
      a.addEventListener("click", function () {
        if (!navigator.clipboard || !window.isSecureContext) return;
        navigator.clipboard.writeText(a.href).then(function () {
          status.textContent = "Tautan ke baris ini disalin: " + a.href;
        }, function () {});
      });
    });
    table.classList.add("dapat-diurutkan");
    apply(false);
    var filters = programSelect || levelSelect || findings;
    status.textContent = units.length + " baris. Gunakan pilihan di atas untuk mengurutkan" + (filters ? " atau menyaring." : ".");
  }

  toArray(document.querySelectorAll("table[data-tabel-baris], table[data-urutkan]")).forEach(enhance);
})();
