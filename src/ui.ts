/**
 * Entry of the survey UI (dist/cx-feedback.ui.js), which only the core script imports, when a widget will show: the
 * script-tag build without the modules the core lends it (src/core/lend.ts, borrowed.ts).
 */
import { lentOk } from './core/borrowed.ts';
import { startScript } from './start.ts';

if (lentOk) startScript();
else console.error('cx-feedback: cx-feedback.ui.js only runs when cx-feedback.core.js loads it; on a page of its own use <script src="…/cx-feedback.iife.js">');
