// Wires the passkeys page to Spring Security's WebAuthn registration script (/login/webauthn.js).
document.addEventListener('DOMContentLoaded', function () {
  const form = document.getElementById('passkey-form');
  if (!form || !window.setupRegistration) {
    return;
  }
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  window.setupRegistration(window.openvrmCsrfHeaders(), '', {
    getRegisterButton: function () { return document.getElementById('register'); },
    getSuccess: function () { return document.getElementById('success'); },
    getError: function () { return document.getElementById('error'); },
    getLabelInput: function () { return document.getElementById('label'); },
    getDeleteForms: function () { return Array.from(document.getElementsByClassName('delete-form')); }
  });
});
