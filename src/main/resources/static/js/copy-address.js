// The copy buttons next to a relationship's e-mail addresses. Without JavaScript the address
// is still there to select in its read-only field.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('button.copy-address').forEach(function (button) {
    button.addEventListener('click', function () {
      const address = button.getAttribute('data-copy');
      if (navigator.clipboard) {
        navigator.clipboard.writeText(address);
      } else {
        const field = button.previousElementSibling;
        field.select();
        document.execCommand('copy');
      }
    });
  });
});
