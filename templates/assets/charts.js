/*
 * Draws the page's charts. Each <script type="application/json" class="chart-spec"> holds a Vega-Lite
 * spec made by labkit; vega-embed (bundled in this folder) renders it as SVG into the element just
 * before the script. No network: the data is inline and the scripts are local, so this works from
 * file:// as well as from `site serve`.
 */
(function () {
  'use strict';

  function fail(view, message, error) {
    view.textContent = message;
    view.classList.add('chart-error');
    console.error(message, error || '');
  }

  function draw(block) {
    var view = block.previousElementSibling;
    var spec;
    try {
      spec = JSON.parse(block.textContent);
    } catch (e) {
      fail(view, 'This chart\'s spec is not valid JSON: ' + e.message, e);
      return;
    }
    if (typeof vegaEmbed !== 'function') {
      fail(view, 'Charts need assets/vega.min.js, vega-lite.min.js and vega-embed.min.js beside this page.');
      return;
    }
    view.textContent = '';
    // export as PNG/SVG stays; "open in the Vega editor" and the source views would leave the page
    var options = { renderer: 'svg', actions: { export: true, source: false, compiled: false, editor: false } };
    vegaEmbed(view, spec, options).then(function (result) {
      view.vegaView = result.view; // the drawn chart's data and scales, for tests and the console
    }).catch(function (e) {
      fail(view, 'This chart could not be drawn: ' + e.message, e);
    });
  }

  function drawAll() {
    document.querySelectorAll('script.chart-spec').forEach(draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', drawAll);
  } else {
    drawAll();
  }
})();
