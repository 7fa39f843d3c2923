// Debian's chromium, for every Chromium run of the project (browser and end-to-end tests, the benchmark, the
// screenshots), with the flags that work as root without network (../shared/TOOLCHAIN.md).
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
