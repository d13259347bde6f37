/*
 * Pixel images at a readable scale, a click to enlarge, and step sliders of image galleries.
 * Pixel scale: an image whose 3x size is wider than its 140 px tile (a GAN's 8x8 sample grid, an
 * interpolation strip) is shown at 3x its pixels or more (an integer multiple, crisp with
 * image-rendering: pixelated), never wider than the content column. A click on any tile's image opens it
 * as large as the window allows, at an integer multiple; a click or Escape closes it.
 * Step sliders: A gallery logged at several steps is rendered as one frame per
 * step (div.frame[data-step]), all but the last hidden; moving the slider shows the frame at its
 * position and writes its step beside it. Plain DOM, works from file://.
 */
(function () {
  'use strict';

  function init(stepper) {
    var slider = stepper.querySelector('input[type=range]');
    var label = stepper.querySelector('output');
    var frames = stepper.querySelectorAll('.frame');
    slider.addEventListener('input', function () {
      var shown = Number(slider.value);
      frames.forEach(function (frame, i) { frame.hidden = i !== shown; });
      label.textContent = 'step ' + frames[shown].getAttribute('data-step');
    });
  }

  var MIN_SCALE = 3;

  function column(img) {
    var main = img.closest('main') || document.body;
    var style = getComputedStyle(main);
    return main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  }

  function scale(img) {
    var natural = img.naturalWidth;
    if (!natural || natural * MIN_SCALE <= 140) {
      return; // small images (a weight heatmap) already show at 5x in their tile
    }
    var room = column(img) - 4;
    var factor = Math.max(1, Math.min(Math.floor(room / natural), Math.max(MIN_SCALE, Math.floor(420 / natural))));
    img.closest('.tile').classList.add('large');
    img.style.width = (natural * factor) + 'px';
    img.setAttribute('data-scale', String(factor));
  }

  function enlarge(img) {
    var overlay = document.createElement('div');
    overlay.className = 'zoom';
    overlay.setAttribute('role', 'dialog');
    overlay.setAttribute('aria-label', img.alt + ' (enlarged; click or Escape to close)');
    var big = img.cloneNode(false);
    big.removeAttribute('loading');
    var w = img.naturalWidth || img.width;
    var h = img.naturalHeight || img.height;
    var factor = Math.max(1, Math.floor(Math.min((window.innerWidth - 40) / w, (window.innerHeight - 40) / h)));
    big.style.width = (w * factor) + 'px';
    big.style.height = 'auto';
    overlay.appendChild(big);
    function close() {
      overlay.remove();
      document.removeEventListener('keydown', onKey);
    }
    function onKey(e) {
      if (e.key === 'Escape') {
        close();
      }
    }
    overlay.addEventListener('click', close);
    document.addEventListener('keydown', onKey);
    document.body.appendChild(overlay);
  }

  function initImage(img) {
    img.title = 'click to enlarge';
    img.addEventListener('click', function () { enlarge(img); });
    if (img.complete) {
      scale(img);
    } else {
      img.addEventListener('load', function () { scale(img); });
    }
  }

  window.labkitEnlarge = enlarge; // for images added later (assets/compare.js)

  function initAll() {
    document.querySelectorAll('.tile img').forEach(initImage);
    document.querySelectorAll('.stepper').forEach(init);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', initAll);
  } else {
    initAll();
  }
})();
