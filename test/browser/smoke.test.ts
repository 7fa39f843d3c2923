import { expect } from '@open-wc/testing';

it('runs in real Chromium', () => {
  expect(navigator.userAgent).to.contain('Chrome');
});
