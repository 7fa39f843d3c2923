// The shop's own code: the parcel-tracking page tells the widget when the delivery touchpoint is reached.
document.getElementById('delivered').addEventListener('click', () => {
  document.getElementById('parcel-state').textContent = 'Delivered at 14:32.';
  window.cxFeedback('track', 'delivered');
});
document.getElementById('reset').addEventListener('click', () => {
  window.cxFeedback('reset');
  location.reload();
});
