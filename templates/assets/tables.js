/*
 * Sortable tables and the "show all params" switch of the experiment page. Plain DOM, no library,
 * so it works from file://.
 *
 * A table with class "sortable" sorts by a column when its header is clicked (again: the other
 * way). A cell's sort key is its data-v attribute if it has one, else its text; keys that are all
 * numbers sort as numbers, empty cells last. A checkbox with data-toggles="<table id>" adds the
 * class "show-all" to that table, which the stylesheet uses to show the params that do not vary.
 *
 * An input with data-filter="<selector>" hides the rows the selector finds whose text does not
 * contain every word typed (case-insensitive), with its section's heading. A button with data-compare="<table selector>" turns
 * on when two or more of the table's input.pick boxes are ticked, and opens its data-href with the
 * ticked runs: compare.html#runs=<id>,<id>.
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
        if (header.classList.contains('pick-col')) return;
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

  function initFilter(input) {
    var selector = input.getAttribute('data-filter');
    input.addEventListener('input', function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      document.querySelectorAll(selector).forEach(function (row) {
        // a row also matches its section's heading: on the index, the experiment's name
        var section = row.closest('section'), heading = section && section.querySelector('h2');
        var text = ((heading ? heading.textContent : '') + ' ' + row.textContent).toLowerCase();
        row.hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
      });
    });
  }

  function initCompare(button) {
    var table = document.querySelector(button.getAttribute('data-compare'));
    if (!table) return;
    var picked = function () {
      return Array.prototype.filter.call(table.querySelectorAll('input.pick'), function (b) { return b.checked; })
        .map(function (b) { return b.value; });
    };
    table.addEventListener('change', function () { button.disabled = picked().length < 2; });
    button.addEventListener('click', function () {
      location.href = button.getAttribute('data-href') + '#runs=' + picked().map(encodeURIComponent).join(',');
    });
    button.disabled = picked().length < 2; // a reload keeps ticked boxes
  }

  function initTools() {
    document.querySelectorAll('input[data-filter]').forEach(initFilter);
    document.querySelectorAll('button[data-compare]').forEach(initCompare);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', initTools);
  } else {
    initTools();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
