// The shop's own code: placing the order tells the widget that the touchpoint has been reached.
document.getElementById('place-order').addEventListener('click', () => {
  document.getElementById('order-state').textContent = 'Order #100235 placed — thank you!';
  window.cxFeedback('track', 'order-complete');
});
document.getElementById('reset').addEventListener('click', () => {
  window.cxFeedback('reset');
  location.reload();
});
