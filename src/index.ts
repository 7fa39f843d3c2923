// Side-effect-free entry: importing it registers nothing (import 'cx-feedback/define' for that).
export { CxFeedback } from './element/cx-feedback.ts';
export type { CxEventMap, CxEventName, CxEvent } from './element/events.ts';
export * from './schema/index.ts';
export { installGlobalApi } from './api/global.ts';
