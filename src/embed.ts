/**
 * Entry of the script-tag build (dist/cx-feedback.iife.js): everything in one classic script. It defines the element,
 * installs the global `cxFeedback(command, …)` API and, on every page carrying the script, drains responses left in
 * the outbox by earlier visits, even where no widget shows (src/start.ts).
 */
import { startScript } from './start.ts';

startScript();
