/*
 * Follows a running run. Served pages only (a page opened from file:// has no server to ask): once
 * a second it fetches live.json beside the page (see Server and LiveData), and when the run folder
 * changed it redraws the curves from the new specs and refills the "last logged values" table. When
 * the run stops running, it reloads the page once, which then shows the final metrics and stops.
 */
(function () {
  'use strict';

  var INTERVAL_MS = 1000;
  var version = null;

  function drawCurves(specs) {
    var views = document.querySelectorAll('#curves .chart-view');
    if (views.length !== specs.length) { location.reload(); return; } // a new metric: a new layout
    var options = { renderer: 'svg', actions: { export: true, source: false, compiled: false, editor: false } };
    specs.forEach(function (spec, i) {
      vegaEmbed(views[i], spec, options).then(function () {
        views[i].setAttribute('data-points', String(spec.data.values.length));
      }).catch(function (e) { console.error('could not redraw a curve', e); });
    });
  }

  function fillLast(last) {
    var body = document.querySelector('#last-logged tbody');
    if (!body) return;
    body.textContent = '';
    last.forEach(function (l) {
      var tr = document.createElement('tr');
      var name = document.createElement('td');
      name.appendChild(document.createElement('code')).textContent = l.name;
      tr.appendChild(name);
      [String(l.step), l.value].forEach(function (text) {
        var td = document.createElement('td');
        td.className = 'num';
        td.textContent = text;
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
  }

  function poll() {
    fetch('live.json', { cache: 'no-store' }).then(function (r) {
      if (!r.ok) throw new Error('live.json: HTTP ' + r.status);
      return r.json();
    }).then(function (live) {
      if (live.status !== 'running') { location.reload(); return; }
      if (live.version !== version) {
        if (version !== null) { drawCurves(live.curves); fillLast(live.last); }
        version = live.version;
        document.body.setAttribute('data-live-version', version);
      }
      setTimeout(poll, INTERVAL_MS);
    }).catch(function (e) {
      console.warn('live updates paused: ' + e.message);
      setTimeout(poll, 5 * INTERVAL_MS);
    });
  }

  if (location.protocol === 'http:' || location.protocol === 'https:') poll();
})();
