// Types for the lead's engine modules (plain .mjs, shared with web-test-runner.config.mjs), imported by the drivers.
declare module '*/support/engines/webkit-driver.mjs' {
  export function startWebKitDriver(): Promise<{ port: number; display: number; stop(): void }>;
}
declare module '*/support/engines/webkit-launcher.mjs' {
  export const MINIBROWSER: string;
}
declare module '*/support/engines/firefox-launcher.mjs' {
  export const FIREFOX: string;
}
