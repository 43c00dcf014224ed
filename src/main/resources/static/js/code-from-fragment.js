// Invitation and setup links carry their one-time code after '#', which browsers never send to a
// server. Copy it into the form, then drop it from the address bar and history.
document.addEventListener('DOMContentLoaded', function () {
  const code = decodeURIComponent(window.location.hash.slice(1));
  const input = document.querySelector('input.code-from-fragment');
  if (code && input && !input.value) {
    input.value = code;
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
});
