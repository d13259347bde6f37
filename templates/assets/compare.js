/*
 * The compare page. The runs to compare come from the address: compare.html#runs=<id>,<id> (or
 * ?runs=…). Their data.js scripts (written beside each run page) are loaded by adding <script>
 * elements, which works from file:// where fetch() does not. Then four sections are filled: a
 * param diff (only what differs), the final metrics with the best marked, one overlaid chart per
 * metric (from the Vega-Lite spec the page embeds), and each run's images at one step, side by side.
 * Every value from a run goes into the page as text (textContent), never as markup.
 */
(function () {
  'use strict';

  var byId = function (id) { return document.getElementById(id); };
  // the site root from this page: an experiment's compare page is two deep, a saved comparison one
  var ROOT = (byId('compare-root') || byId('compare-index')).getAttribute('data-root') || '../../';
  // a saved comparison across experiments (site/compare/<name>.html): its runs are fixed by the page,
  // its tables made at build time, and only the metrics every run logged are overlaid
  var FIXED = byId('compare-index').hasAttribute('data-fixed');

  function selection() {
    var m = /[#?&]runs=([^&]*)/.exec(location.hash + '&' + location.search);
    return m ? decodeURIComponent(m[1]).split(',').filter(Boolean) : [];
  }

  function element(tag, text, className) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (className) e.className = className;
    return e;
  }

  function say(message) {
    byId('compare-status').textContent = message;
    byId('compare-status').hidden = false;
  }

  /** Loads the data.js of each entry that is not loaded yet, then calls done(ids that failed). */
  function load(entries, done) {
    var pending = entries.length, failed = [];
    var finish = function () { if (--pending === 0) done(failed); };
    entries.forEach(function (entry) {
      if (window.labkitRuns && window.labkitRuns[entry.id]) { finish(); return; }
      var script = document.createElement('script');
      script.src = entry.data;
      script.onload = finish;
      script.onerror = function () { failed.push(entry.id); finish(); };
      document.body.appendChild(script);
    });
  }

  /** A table: a header row of run names, then one row per key with a cell per run. */
  function fill(table, runs, rows) {
    var head = element('tr');
    head.appendChild(element('th', ''));
    runs.forEach(function (run) {
      var th = element('th');
      var link = element('a', run.label);
      link.href = ROOT + run.page;
      th.appendChild(link);
      head.appendChild(th);
    });
    table.tHead.appendChild(head);
    rows.forEach(function (row) {
      var tr = element('tr');
      tr.appendChild(element('th', row.key)).setAttribute('scope', 'row');
      row.cells.forEach(function (cell) { tr.appendChild(cell); });
      table.tBodies[0].appendChild(tr);
    });
  }

  function showRuns(runs) {
    var statuses = { key: 'status', cells: runs.map(function (r) { return element('td', r.status); }) };
    fill(byId('compare-runs'), runs, [statuses]);
    byId('compare-runs-section').hidden = false;
  }

  function showParams(runs) {
    var keys = [], values = runs.map(function (run) {
      var map = {};
      run.params.forEach(function (p) { map[p[0]] = p[1]; if (keys.indexOf(p[0]) < 0) keys.push(p[0]); });
      return map;
    });
    var differing = keys.filter(function (k) {
      return values.some(function (v) { return v[k] !== values[0][k]; });
    });
    fill(byId('compare-params'), runs, differing.map(function (k) {
      return { key: k, cells: values.map(function (v) { return element('td', k in v ? v[k] : '—'); }) };
    }));
    byId('compare-params-same').hidden = differing.length > 0;
    byId('compare-params-section').hidden = false;
  }

  function showMetrics(runs) {
    var names = [], lower = {};
    runs.forEach(function (run) {
      Object.keys(run.metrics).forEach(function (n) { if (names.indexOf(n) < 0) names.push(n); });
      run.lower.forEach(function (n) { lower[n] = true; });
    });
    names.sort();
    fill(byId('compare-metrics'), runs, names.map(function (n) {
      var vals = runs.map(function (r) { return n in r.metrics ? r.metrics[n] : null; });
      var present = vals.filter(function (v) { return v !== null; });
      var best = lower[n] ? Math.min.apply(null, present) : Math.max.apply(null, present);
      var tied = present.every(function (v) { return v === present[0]; }); // nothing to mark
      return { key: n, cells: vals.map(function (v) {
        var td = element('td', v === null ? '—' : Number(v.toPrecision(6)), 'num');
        if (v !== null && v === best && present.length > 1 && !tied) { td.classList.add('best'); td.title = 'best'; }
        return td;
      }) };
    }));
    byId('compare-metrics-section').hidden = names.length === 0;
  }

  function showCurves(runs) {
    var names = [];
    runs.forEach(function (run) {
      Object.keys(run.curves).forEach(function (n) { if (names.indexOf(n) < 0) names.push(n); });
    });
    if (FIXED) names = names.filter(function (n) { return runs.every(function (r) { return n in r.curves; }); });
    names.sort();
    var box = byId('compare-curves'), log = byId('compare-log');
    var draw = function () {
      box.textContent = '';
      names.forEach(function (name) { drawCurve(box, runs, name, log.checked); });
    };
    log.addEventListener('change', draw);
    draw();
    byId('compare-curves-section').hidden = names.length === 0;
  }

  function drawCurve(box, runs, name, log) {
    var rows = [], positive = true;
    runs.forEach(function (run) {
      (run.curves[name] || []).forEach(function (p) {
        if (p[1] === null) return;
        positive = positive && p[1] > 0;
        rows.push({ step: p[0], value: p[1], run: run.label });
      });
    });
    // a log axis cannot show zero or negative values: those charts stay linear
    var spec = JSON.parse(byId(log && positive ? 'compare-curve-log' : 'compare-curve').textContent);
    spec.title = name;
    spec.data = { values: rows };
    var view = element('div', null, 'chart-view');
    var figure = element('figure', null, 'chart');
    figure.appendChild(view);
    var source = element('script', JSON.stringify(spec), 'chart-spec'); // what the SVG/PNG downloads redraw
    source.type = 'application/json';
    figure.appendChild(source);
    box.appendChild(figure);
    if (window.labkitChartDownloads) window.labkitChartDownloads();
    var options = { renderer: 'svg', actions: { export: true, source: false, compiled: false, editor: false } };
    vegaEmbed(view, spec, options).then(function (result) {
      view.vegaView = result.view; // the drawn chart, for tests and the console (as charts.js does)
    }).catch(function (e) {
      view.textContent = 'This chart could not be drawn: ' + e.message;
      console.error(e);
    });
  }

  /** Per image group: a slider over the steps any run logged, and each run's images at that step. */
  function showImages(runs) {
    var groups = [];
    runs.forEach(function (run) {
      run.images.forEach(function (i) { if (groups.indexOf(i.group) < 0) groups.push(i.group); });
    });
    var box = byId('compare-images');
    groups.forEach(function (g) { box.appendChild(imageGroup(runs, g)); });
    byId('compare-images-section').hidden = groups.length === 0;
  }

  function imageGroup(runs, group) {
    var section = element('section', null, 'panel compare-group');
    section.appendChild(element('h3', group));
    var steps = [];
    runs.forEach(function (run) {
      run.images.forEach(function (i) {
        if (i.group === group && i.step !== null && steps.indexOf(i.step) < 0) steps.push(i.step);
      });
    });
    steps.sort(function (a, b) { return a - b; });
    var grid = element('div', null, 'compare-grid');
    grid.style.gridTemplateColumns = 'repeat(' + runs.length + ', minmax(0, 1fr))';
    var show = function (step) {
      grid.textContent = '';
      runs.forEach(function (run) { grid.appendChild(imagesAt(run, group, step)); });
    };
    if (steps.length > 1) section.appendChild(slider(steps, show));
    section.appendChild(grid);
    show(steps.length ? steps[steps.length - 1] : null);
    if (FIXED) onceLoaded(grid, function () { oneScale(grid); });
    return section;
  }

  /** Calls done when every image in box has loaded (or failed). */
  function onceLoaded(box, done) {
    var images = Array.prototype.slice.call(box.querySelectorAll('img'));
    var pending = images.filter(function (i) { return !i.complete; });
    if (!pending.length) { done(); return; }
    var left = pending.length;
    pending.forEach(function (i) {
      var finish = function () { if (--left === 0) done(); };
      i.addEventListener('load', finish);
      i.addEventListener('error', finish);
    });
  }

  /**
   * Every image of a side-by-side group at one integer pixel scale (crisp, pixelated): the largest
   * that fits each run's column, at most 3x unless the images are small; a click enlarges one.
   */
  function oneScale(grid) {
    var images = Array.prototype.slice.call(grid.querySelectorAll('.tile img')).filter(function (i) { return i.naturalWidth; });
    if (!images.length) return;
    var widest = Math.max.apply(null, images.map(function (i) { return i.naturalWidth; }));
    var room = Math.min.apply(null, Array.prototype.map.call(grid.children, function (c) { return c.clientWidth - 14; }));
    var factor = Math.max(1, Math.min(Math.floor(room / widest), Math.max(3, Math.floor(140 / widest))));
    images.forEach(function (img) {
      img.closest('.tile').classList.add('large');
      img.style.width = (img.naturalWidth * factor) + 'px';
      img.setAttribute('data-scale', String(factor));
    });
  }

  function slider(steps, show) {
    var label = element('label', null, 'stepper-control');
    var input = element('input');
    input.type = 'range';
    input.min = 0;
    input.max = steps.length - 1;
    input.value = steps.length - 1;
    var output = element('output', 'step ' + steps[steps.length - 1]);
    input.addEventListener('input', function () {
      var step = steps[Number(input.value)];
      output.textContent = 'step ' + step;
      show(step);
    });
    label.appendChild(input);
    label.appendChild(output);
    return label;
  }

  /** A run's images of a group: those with no step, and those of the latest step not after {@code step}. */
  function imagesAt(run, group, step) {
    var column = element('div', null, 'compare-column');
    column.appendChild(element('div', run.label, 'compare-run'));
    var mine = run.images.filter(function (i) { return i.group === group; });
    var at = null;
    mine.forEach(function (i) { if (i.step !== null && i.step <= step && (at === null || i.step > at)) at = i.step; });
    var gallery = element('div', null, 'gallery');
    mine.filter(function (i) { return i.step === null || i.step === at; }).forEach(function (i) {
      var tile = element('figure', null, 'tile');
      var img = element('img');
      img.src = ROOT + i.src;
      img.alt = i.title;
      if (window.labkitEnlarge) {
        img.title = 'click to enlarge';
        img.addEventListener('click', function () { window.labkitEnlarge(img); });
      }
      tile.appendChild(img);
      tile.appendChild(element('figcaption', i.step === null ? i.title : i.title + ' · step ' + i.step));
      gallery.appendChild(tile);
    });
    column.appendChild(gallery);
    return column;
  }

  function init() {
    var index = JSON.parse(byId('compare-index').textContent);
    var known = {};
    index.forEach(function (e) { known[e.id] = e; });
    var ids = FIXED ? index.map(function (e) { return e.id; }) : selection();
    var unknown = ids.filter(function (id) { return !known[id]; });
    var chosen = ids.filter(function (id) { return known[id]; }).map(function (id) { return known[id]; });
    if (unknown.length) { say('No such run here: ' + unknown.join(', ')); return; }
    if (chosen.length < 2) return; // the page's own text says how to pick runs
    say('Loading ' + chosen.length + ' runs…');
    load(chosen, function (failed) {
      if (failed.length) { say('Could not load the data of: ' + failed.join(', ')); return; }
      var runs = chosen.map(function (e) {
        // the page's label names the experiment too (legends and headers of a comparison across experiments)
        var run = Object.assign({}, window.labkitRuns[e.id]);
        run.label = e.label || run.label;
        return run;
      });
      if (FIXED) byId('compare-status').hidden = true; // the page's own text says what it compares
      if (!FIXED) {
        say('Comparing ' + runs.length + ' runs.');
        showRuns(runs);
        showParams(runs);
        showMetrics(runs);
      }
      showCurves(runs);
      showImages(runs);
      document.body.setAttribute('data-compared', String(runs.length));
    });
  }

  if (!FIXED) window.addEventListener('hashchange', function () { location.reload(); });
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
