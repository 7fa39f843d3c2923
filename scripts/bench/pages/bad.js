// The deliberately bad widget of the harness's self-test: after load it blocks the main thread with a ~55 ms busy
// loop and inserts a banner into the flow at the top of the page. The harness must flag it (CLS and CPU gates).
addEventListener('load', () => {
  setTimeout(() => {
    const end = performance.now() + 55;
    while (performance.now() < end);
    const banner = document.createElement('div');
    banner.className = 'bad-banner';
    banner.textContent = 'Tell us what you think! Take our 2-minute survey.';
    document.body.prepend(banner);
  }, 100);
});
