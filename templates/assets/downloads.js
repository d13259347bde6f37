/*
 * "Download SVG · PNG" beside every chart. A download redraws the chart's own Vega-Lite spec off screen,
 * with the chart's caption as its title (when the spec has none) on a white background, so the file
 * stands alone in a printed report: Vega's view.toSVG() and view.toImageURL('png', 2) (twice the
 * pixels, for print). The link then holds a data: URL, so it works from file:// and from `site serve`
 * alike, with no network. window.labkitChartExport(figure, 'svg'|'png') gives the same URL as a promise.
 * The table links (CSV, Markdown, LaTeX) are plain data: URLs made when the site was built.
 */
(function () {
  'use strict';

  function slug(text) {
    var s = String(text || '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
    return s.replace(/-$/, '') || 'chart';
  }

  function printSpec(figure) {
    var spec = JSON.parse(figure.querySelector('script.chart-spec').textContent);
    var caption = figure.querySelector('figcaption');
    if (!spec.title && caption) spec.title = caption.textContent.trim();
    if (!spec.background) spec.background = 'white';
    var drawn = figure.querySelector('.chart-view').vegaView;
    if (spec.width === 'container') spec.width = drawn ? drawn.width() : 600;
    if (spec.height === 'container') spec.height = drawn ? drawn.height() : 300;
    return spec;
  }

  function title(spec) {
    return typeof spec.title === 'string' ? spec.title : (spec.title && spec.title.text) || 'chart';
  }

  function exportChart(figure, format) {
    return new Promise(function (resolve) {
      var spec = printSpec(figure);
      var compiled = vegaLite.compile(spec).spec;
      var view = new vega.View(vega.parse(compiled), { renderer: 'none' });
      resolve(view.runAsync().then(function () {
        var out = format === 'svg' ? view.toSVG().then(function (svg) {
          return 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
        }) : view.toImageURL('png', 2);
        return out.then(function (url) { view.finalize(); return { url: url, name: slug(title(spec)) + '.' + format }; });
      }));
    });
  }

  function link(figure, format) {
    var a = document.createElement('a');
    a.href = '#';
    a.textContent = format.toUpperCase();
    a.setAttribute('data-format', format);
    a.addEventListener('click', function (event) {
      if (a.getAttribute('data-ready')) return; // the data: URL is in place: the browser saves it
      event.preventDefault();
      exportChart(figure, format).then(function (file) {
        a.href = file.url;
        a.download = file.name;
        a.setAttribute('data-ready', '1');
        a.click();
      }).catch(function (e) {
        a.textContent = format.toUpperCase() + ' (failed: ' + e.message + ')';
        console.error('chart export failed', e);
      });
    });
    return a;
  }

  function addLinks() {
    if (typeof vega === 'undefined' || typeof vegaLite === 'undefined') return;
    document.querySelectorAll('figure.chart').forEach(function (figure) {
      if (figure.querySelector('.chart-downloads') || !figure.querySelector('script.chart-spec')) return;
      var p = document.createElement('p');
      p.className = 'downloads chart-downloads';
      p.appendChild(document.createTextNode('Download '));
      p.appendChild(link(figure, 'svg'));
      p.appendChild(document.createTextNode(' '));
      p.appendChild(link(figure, 'png'));
      figure.appendChild(p);
    });
  }

  window.labkitChartDownloads = addLinks; // for charts drawn later (assets/compare.js)

  window.labkitChartExport = function (figure, format) {
    return exportChart(figure, format).then(function (file) { return file.url; });
  };

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', addLinks);
  } else {
    addLinks();
  }
})();
