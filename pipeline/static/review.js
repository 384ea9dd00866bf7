// The review page's behaviour: light a fact's sentence, a check's figures, and filter.
// No network, no libraries; every text it shows comes from the page itself.
(function () {
  "use strict";
  function pieces(doc) { return Array.from(doc.querySelectorAll(".text span[data-s]")); }
  function clear(doc) {
    doc.querySelectorAll(".lit").forEach(function (el) { el.classList.remove("lit"); });
    doc.querySelectorAll("tr.fact.active").forEach(function (el) { el.classList.remove("active"); });
  }
  function light(doc, start, end) {
    var first = null;
    pieces(doc).forEach(function (p) {
      var s = +p.dataset.s, e = +p.dataset.e;
      if (s < end && e > start) { p.classList.add("lit"); if (!first) { first = p; } }
    });
    if (first) { first.scrollIntoView({ block: "center" }); }
  }
  document.querySelectorAll("article.doc").forEach(function (doc) {
    doc.querySelectorAll("tr.fact").forEach(function (row) {
      function show() {
        clear(doc);
        row.classList.add("active");
        light(doc, +row.dataset.s, +row.dataset.e);
        var box = doc.querySelector(".evidence-text");
        if (box) { box.textContent = row.dataset.evidence; }
      }
      row.addEventListener("click", show);
      row.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { show(); } });
    });
    doc.querySelectorAll("li.check").forEach(function (item) {
      item.addEventListener("click", function () {
        clear(doc);
        var starts = item.dataset.starts.split(" "), ends = item.dataset.ends.split(" ");
        starts.forEach(function (s, k) { if (s !== "") { light(doc, +s, +ends[k]); } });
      });
    });
  });
  var byIndicator = document.getElementById("filter-indicator");
  var byStatus = document.getElementById("filter-status");
  function filter() {
    var ind = byIndicator ? byIndicator.value : "", st = byStatus ? byStatus.value : "";
    document.querySelectorAll("article.doc").forEach(function (doc) {
      var show = (!ind || doc.dataset.indicators.split(" ").indexOf(ind) >= 0) &&
                 (!st || doc.dataset.statuses.split(" ").indexOf(st) >= 0);
      doc.classList.toggle("hidden", !show);
      doc.querySelectorAll("tr.fact").forEach(function (row) {
        row.classList.toggle("hidden", !!ind && row.dataset.indicator !== ind);
      });
      doc.querySelectorAll("li.check").forEach(function (item) {
        item.classList.toggle("hidden", !!st && item.dataset.status !== st);
      });
    });
  }
  if (byIndicator) { byIndicator.addEventListener("change", filter); }
  if (byStatus) { byStatus.addEventListener("change", filter); }
})();
