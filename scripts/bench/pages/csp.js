// First script of the strict-CSP page (no inline script is allowed there): records every CSP violation before the
// widget's script runs, and which responses the widget acknowledged.
window.__csp = [];
window.__sent = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile });
});
document.addEventListener('cx-sent', (e) => window.__sent.push(e.detail));
