// Roer's own behaviour: small, progressive enhancements only. Every page works without it.
document.addEventListener("DOMContentLoaded", () => {
  // htmx requests carry the CSRF token, read once from the body (no inline script: strict CSP).
  const token = document.body.dataset.csrfToken;
  document.body.addEventListener("htmx:configRequest", (event) => {
    if (token) {
      event.detail.headers["X-CSRFToken"] = token;
    }
  });
  // Selects marked data-autosubmit submit their form when changed, for the filter bars.
  document.querySelectorAll("form[data-autosubmit] select").forEach((select) => {
    select.addEventListener("change", () => select.form.requestSubmit());
  });
});
