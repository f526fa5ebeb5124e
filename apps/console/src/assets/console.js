// Light enhancement only: everything works without this file.
// A `data-confirm` button asks before its form is sent (rejections, sign-out of a checker).
document.addEventListener('submit', function (event) {
  var submitter = event.submitter;
  var message = submitter && submitter.getAttribute('data-confirm');
  if (message && !window.confirm(message)) event.preventDefault();
});
