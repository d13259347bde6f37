/*
 * Typesets the math of the report page's notes with KaTeX (bundled in assets/katex, no CDN): the notes
 * were rendered from Markdown in Java, with each formula kept as TeX between \( \) (inline) or \[ \]
 * (display) inside <span class="math">. When done, <html data-math="done"> tells tests and the PDF printer.
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

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', typeset);
  } else {
    typeset();
  }
})();
