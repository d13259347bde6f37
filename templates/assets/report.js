/*
 * The report page's script. It typesets the math of the notes with KaTeX (bundled in assets/katex, no
 * CDN): the notes were rendered from Markdown in Java, with each formula kept as TeX between \( \)
 * (inline) or \[ \] (display) inside <span class="math">; when done, <html data-math="done"> tells tests
 * and the PDF printer. And it loads every image now rather than when scrolled to (the galleries' lazy
 * loading), so a printed page, which is never scrolled, has all of them.
 */
(function () {
  'use strict';

  function typeset() {
    var notes = document.querySelectorAll('.notes');
    if (typeof renderMathInElement !== 'function') {
      console.error('Math needs assets/katex/katex.min.js and contrib/auto-render.min.js beside this page.');
      return;
    }
    notes.forEach(function (element) {
      renderMathInElement(element, {
        delimiters: [
          { left: '\\[', right: '\\]', display: true },
          { left: '\\(', right: '\\)', display: false }
        ],
        throwOnError: false // a formula KaTeX cannot read is shown in red as written, the rest still renders
      });
    });
    document.documentElement.dataset.math = 'done';
  }

  function loadImages() {
    document.querySelectorAll('img[loading="lazy"]').forEach(function (img) {
      img.loading = 'eager';
    });
  }

  function ready() {
    loadImages();
    typeset();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', ready);
  } else {
    ready();
  }
})();
