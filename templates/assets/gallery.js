/*
 * Step sliders of image galleries. A gallery logged at several steps is rendered as one frame per
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

  function initAll() {
    document.querySelectorAll('.stepper').forEach(init);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', initAll);
  } else {
    initAll();
  }
})();
