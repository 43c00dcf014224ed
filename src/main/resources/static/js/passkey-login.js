// Wires the "sign in with a passkey" button to Spring Security's WebAuthn script (/login/webauthn.js).
document.addEventListener('DOMContentLoaded', function () {
  const button = document.getElementById('passkey-signin');
  if (!button || !window.setupLogin) {
    return;
  }
  if (!window.PublicKeyCredential) {
    button.disabled = true;
    return;
  }
  window.setupLogin(window.openvrmCsrfHeaders(), '', button);
});
