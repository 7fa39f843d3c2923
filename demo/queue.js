// The documented queue snippet: safe to call cxFeedback() before the widget's script has loaded.
window.cxFeedback =
  window.cxFeedback ||
  function () {
    (cxFeedback.q = cxFeedback.q || []).push(arguments);
  };
