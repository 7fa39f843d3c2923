/**
 * The survey UI's stand-in for the modules the core script lends it (src/core/lend.ts): scripts/build.mjs resolves
 * their imports here when it builds dist/cx-feedback.ui.js. A UI never runs against a core it was not built with.
 */
import type { Lent } from './lend.ts';
import { LENT } from './lent-key.ts';

declare const __CX_BUILD__: string;

const lent = (globalThis as { [LENT]?: Lent })[LENT];

/** Lent by a core of this release: src/ui.ts starts the element only then. */
export const lentOk = lent?.build === __CX_BUILD__;

// Imported by a core of another release (a cache paired them): rejecting its import() makes it load the
// self-contained cx-feedback.iife.js instead. Without a core (the file pasted as a script tag) src/ui.ts says so.
if (lent && !lentOk) throw new Error('cx-feedback: cx-feedback.ui.js is from another release than cx-feedback.core.js');

// Without a core these are undefined: nothing calls them while modules evaluate, and src/ui.ts then starts nothing.
export const {
  ask,
  record,
  store,
  matchesUrl,
  watchRoute,
  getDelivery,
  newId,
  explain,
  isDebug,
  setDebug,
  warn,
  startTrigger,
  isProblem,
  parsePriority,
  parseRules,
  parseTrigger,
  parseUrl,
  deepActiveElement,
  whenQuiet,
  warnOnce,
  givenScriptUrl,
  takeFired,
} = lent ?? ({} as Lent);
