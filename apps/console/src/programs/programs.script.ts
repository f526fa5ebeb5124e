/**
 * The program pages' enhancement, served from the console itself (`/programs/assets/programs.js`,
 * no CDN, no inline script): the quota recomputed as the operator types — the terms sent to
 * the console's quote endpoint, which asks contributions, so the figure is the service's — and
 * a running job's progress polled. Without it the "Compute the quota" button and the refresh
 * link do the same.
 */
export const PROGRAMS_SCRIPT_SOURCE = `(function () {
  'use strict';
  function debounce(fn, ms) {
    var timer = null;
    return function () {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(fn, ms);
    };
  }

  var quote = document.getElementById('quote-result');
  var form = quote && quote.closest('form');
  if (quote && form) {
    var sequence = 0;
    var refreshQuote = debounce(function () {
      var params = new URLSearchParams();
      ['budget', 'firstMonth', 'lastMonth', 'sponsorType', 'declaredIncome'].forEach(function (name) {
        var field = form.elements.namedItem(name);
        if (field && field.value) params.set(name, field.value);
      });
      var mine = ++sequence;
      fetch(quote.getAttribute('data-quote-url') + '?' + params.toString(), {
        credentials: 'same-origin',
        headers: { accept: 'application/json' },
      })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (answer) {
          if (answer === null || mine !== sequence) return;
          var parsed = new DOMParser().parseFromString(answer.html, 'text/html');
          var fresh = parsed.getElementById('quote-result');
          if (fresh) quote.replaceChildren.apply(quote, Array.from(fresh.childNodes));
        })
        .catch(function () { /* the button still computes it */ });
    }, 300);
    form.addEventListener('input', function (event) {
      var name = event.target && event.target.name;
      if (['budget', 'firstMonth', 'lastMonth', 'sponsorType', 'declaredIncome'].indexOf(name) >= 0) {
        refreshQuote();
      }
    });
    form.addEventListener('change', refreshQuote);
  }

  var section = document.querySelector('[data-progress-url]');
  var progress = document.getElementById('job-progress');
  if (section && progress && progress.getAttribute('data-finished') !== 'true') {
    var url = section.getAttribute('data-progress-url');
    var poll = function () {
      fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (answer) {
          if (answer === null) { setTimeout(poll, 5000); return; }
          var parsed = new DOMParser().parseFromString(answer.html, 'text/html');
          var fresh = parsed.getElementById('job-progress');
          var current = document.getElementById('job-progress');
          if (!fresh || !current) return;
          current.replaceWith(document.importNode(fresh, true));
          // Finished: the whole page again, for the rejected rows and the download.
          if (fresh.getAttribute('data-finished') === 'true') window.location.reload();
          else setTimeout(poll, 1500);
        })
        .catch(function () { setTimeout(poll, 5000); });
    };
    setTimeout(poll, 1500);
  }
})();
`;
