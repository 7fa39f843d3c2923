// "Production build" of a page with no bundler: the page, its script, and the package's script-tag files next to
// them, as README "Paste it into a page" says to self-host (the card's lazy parts load from the same folder).
import { cpSync, mkdirSync, rmSync } from 'node:fs';

const dist = new URL('dist/', import.meta.url);
const packageDist = new URL('node_modules/cx-feedback/dist/', import.meta.url);
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist);
cpSync(new URL('src/', import.meta.url), dist, { recursive: true });
for (const file of ['cx-feedback.iife.js', 'cx-feedback.popover.js', 'cx-feedback.core.js', 'cx-feedback.ui.js', 'cx-feedback.survey.js', 'locales']) {
  cpSync(new URL(file, packageDist), new URL(file, dist), { recursive: true });
}
