// Filter of the Validasi page by severity and program, as progressive enhancement: without this
// script the page is the full list grouped by program. The controls are made here (so a page
// without script shows none), and a polite live region says how many entries are shown.
(function () {
  "use strict";
  var box = document.getElementById("saring-temuan");
  if (!box) return;
  var entries = Array.prototype.slice.call(document.querySelectorAll(".kelompok-temuan .temuan"));
  var groups = Array.prototype.slice.call(document.querySelectorAll(".kelompok-temuan"));
  if (entries.length === 0) return;

  function select(id, label, options) {
    var wrap = document.createElement("div");
    wrap.className = "saring-isian";
    var l = document.createElement("label");
    l.htmlFor = id;
    l.textContent = label;
    var s = document.createElement("select");
    s.id = id;
    options.forEach(function (o) {
      var opt = document.createElement("option");
      opt.value = o[0];
      opt.textContent = o[1];
      s.appendChild(opt);
    });
    wrap.appendChild(l);
    wrap.appendChild(s);
    return { wrap: wrap, select: s };
  }

  function count(attr, value) {
    return entries.filter(function (e) { return e.getAttribute(attr) === value; }).length;
  }

  var severities = [["", "Semua tingkat (" + entries.length + ")"]];
  [["galat", "Galat"], ["peringatan", "Peringatan"], ["info", "Info"]].forEach(function (s) {
    var n = count("data-tingkat", s[0]);
    if (n > 0) severities.push([s[0], s[1] + " (" + n + ")"]);
  });
  var programs = [["", "Semua program dan narasi"]];
  groups.forEach(function (g) {
    var h = g.querySelector("h2");
    var title = h.firstChild && h.firstChild.textContent ? h.firstChild.textContent.trim() : h.textContent.trim();
    programs.push([g.getAttribute("data-program"), title]);
  });

  var form = document.createElement("form");
  form.className = "saring";
  form.setAttribute("role", "search");
  form.setAttribute("aria-label", "Saring hasil validasi");
  var heading = document.createElement("p");
  heading.className = "saring-judul";
  heading.textContent = "Saring hasil validasi";
  var bySeverity = select("saring-tingkat", "Tingkat", severities);
  var byProgram = select("saring-program", "Program", programs);
  var status = document.createElement("p");
  status.id = "saring-status";
  status.className = "saring-status";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  form.appendChild(heading);
  form.appendChild(bySeverity.wrap);
  form.appendChild(byProgram.wrap);
  box.appendChild(form);
  box.appendChild(status);
  form.addEventListener("submit", function (e) { e.preventDefault(); });

  function apply() {
    var s = bySeverity.select.value, p = byProgram.select.value, shown = 0;
    entries.forEach(function (e) {
      var ok = (!s || e.getAttribute("data-tingkat") === s) && (!p || e.getAttribute("data-program") === p);
      e.hidden = !ok;
      if (ok) shown += 1;
    });
    groups.forEach(function (g) {
      g.hidden = !g.querySelector(".temuan:not([hidden])");
    });
    status.textContent = shown === entries.length
      ? "Menampilkan semua " + entries.length + " hasil validasi."
      : "Menampilkan " + shown + " dari " + entries.length + " hasil validasi.";
  }
  bySeverity.select.addEventListener("change", apply);
  byProgram.select.addEventListener("change", apply);
  apply();
})();
