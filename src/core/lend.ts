/**
 * What the core script lends the survey UI it loads (dist/cx-feedback.ui.js, built from src/embed.ts with the modules
 * below swapped for src/core/borrowed.ts). The UI then has no transport, triggers or frequency rules of its own: the
 * page keeps one outbox, one delivery loop, one stored state and one debug switch, and a page that shows a card
 * after the core loads about 5 KiB less (docs/size.md).
 */
import { ask } from '../frequency/ask.ts';
import { record } from '../frequency/rules.ts';
import { store } from '../frequency/store.ts';
import { matchesUrl, watchRoute } from '../placement/route.ts';
import { getDelivery } from '../transport/index.ts';
import { newId } from '../transport/uuid.ts';
import { explain, isDebug, setDebug, warn } from '../triggers/debug.ts';
import { startTrigger } from '../triggers/index.ts';
import { isProblem, parsePriority, parseRules, parseTrigger, parseUrl } from '../triggers/parse.ts';
import { deepActiveElement, whenQuiet } from '../triggers/quiet.ts';
import { warnOnce } from '../util/warn.ts';
import { givenScriptUrl, takeFired } from './handoff.ts';
import { LENT } from './lent-key.ts';

/**
 * The build both halves come from (a hash of src/, put in by scripts/build.mjs). The core pins the UI's URL to its
 * build, but a cache can still pair a core with a UI of another release: the UI checks this and refuses, and the core
 * loads the self-contained cx-feedback.iife.js instead.
 */
declare const __CX_BUILD__: string;

const lent = {
  build: __CX_BUILD__,
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
};

export type Lent = typeof lent;

/** Called by the core just before it imports the UI. */
export const lend = (): void => void ((globalThis as { [LENT]?: Lent })[LENT] = lent);
