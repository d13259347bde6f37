/*
 * Sortable tables and the "show all params" switch of the experiment page. Plain DOM, no library,
 * so it works from file://.
 *
 * A table with class "sortable" sorts by a column when its header is clicked (again: the other
 * way). A cell's sort key is its data-v attribute if it has one, else its text; keys that are all
 * numbers sort as numbers, empty cells last. A checkbox with data-toggles="<table id>" adds the
 * class "show-all" to that table, which the stylesheet uses to show the params that do not vary.
 */
(function () {
  'use strict';

  function key(row, column) {
    var cell = row.cells[column];
    if (!cell) return '';
    return cell.hasAttribute('data-v') ? cell.getAttribute('data-v') : cell.textContent.trim();
  }

  function sort(table, column, header) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var descending = header.getAttribute('aria-sort') === 'ascending';
    var numeric = rows.every(function (r) {
      var k = key(r, column);
      return k === '' || !isNaN(Number(k));
    });
    rows.sort(function (a, b) {
      var x = key(a, column), y = key(b, column);
      if (x === '' || y === '') return x === y ? 0 : (x === '' ? 1 : -1); // empty cells last either way
      var c = numeric ? Number(x) - Number(y) : x.localeCompare(y);
      return descending ? -c : c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
    Array.prototype.forEach.call(header.parentNode.cells, function (h) { h.removeAttribute('aria-sort'); });
    header.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
  }

  function init() {
    document.querySelectorAll('table.sortable').forEach(function (table) {
      var headers = table.tHead ? table.tHead.rows[0].cells : [];
      Array.prototype.forEach.call(headers, function (header, column) {
        header.classList.add('sort');
        header.setAttribute('title', 'sort by this column');
        header.addEventListener('click', function () { sort(table, column, header); });
      });
    });
    document.querySelectorAll('input[data-toggles]').forEach(function (box) {
      var table = document.getElementById(box.getAttribute('data-toggles'));
      if (!table) return;
      var apply = function () { table.classList.toggle('show-all', box.checked); };
      box.addEventListener('change', apply);
      apply();
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
