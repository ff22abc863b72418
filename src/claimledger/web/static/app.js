// claimledger workbench: progressive enhancements only (every page works without this file).
"use strict";

// Sortable tables: click a header button to sort the rows of its table by that column.
function sortTable(button) {
  const th = button.closest("th");
  const table = button.closest("table");
  const body = table.tBodies[0];
  if (!body) return;
  const column = Array.prototype.indexOf.call(th.parentNode.children, th);
  const numeric = button.dataset.sort === "number";
  const dir = button.dataset.dir === "asc" ? "desc" : "asc";
  table.querySelectorAll("th button").forEach(function (b) { delete b.dataset.dir; });
  button.dataset.dir = dir;
  const key = function (row) {
    const cell = row.children[column];
    if (!cell) return "";
    const raw = cell.dataset.value !== undefined ? cell.dataset.value : cell.textContent.trim();
    return numeric ? parseFloat(raw) || 0 : raw.toLowerCase();
  };
  const rows = Array.from(body.rows);
  rows.sort(function (a, b) {
    const ka = key(a), kb = key(b);
    const cmp = ka < kb ? -1 : ka > kb ? 1 : 0;
    return dir === "asc" ? cmp : -cmp;
  });
  rows.forEach(function (row) { body.appendChild(row); });
}

// API docs page: a search box that hides endpoints whose path does not contain the text.
function setupOpFilter() {
  const box = document.getElementById("op-filter");
  if (!box) return;
  box.hidden = false;
  box.addEventListener("input", function () {
    const needle = box.value.trim().toLowerCase();
    document.querySelectorAll("section.op").forEach(function (section) {
      section.hidden = needle !== "" && !section.dataset.path.toLowerCase().includes(needle);
    });
  });
}

document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("table.sortable th button[data-sort]").forEach(function (button) {
    button.addEventListener("click", function () { sortTable(button); });
  });
  setupOpFilter();
});
