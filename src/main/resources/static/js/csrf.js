// The CSRF header for fetch() calls, from the meta tags every page carries.
window.openvrmCsrfHeaders = function () {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  return token && header ? { [header.content]: token.content } : {};
};
