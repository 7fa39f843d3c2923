// "Production build" of pages with no bundler: the pages, their scripts, and the package's script-tag files next to
// them, as README "Paste it into a page" says to self-host (the widget's lazy parts load from the same folder).
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

/**
 * The file a page pastes, in one place: the pages say %CX_SCRIPT% and get this name here. Every other script-tag file
 * of the package is copied too (whatever its name), so a renamed or split script needs only this line changed.
 */
export const SCRIPT = 'cx-feedback.js';

const dist = new URL('dist/', import.meta.url);
const src = new URL('src/', import.meta.url);
const packageDist = new URL('node_modules/cx-feedback/dist/', import.meta.url);
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist);
for (const file of readdirSync(src)) {
  if (file.endsWith('.html')) writeFileSync(new URL(file, dist), readFileSync(new URL(file, src), 'utf8').replaceAll('%CX_SCRIPT%', SCRIPT));
  else cpSync(new URL(file, src), new URL(file, dist), { recursive: true });
}
const scriptFiles = readdirSync(packageDist).filter((file) => file.startsWith('cx-feedback') && file.endsWith('.js'));
if (!scriptFiles.includes(SCRIPT)) throw new Error(`build: the package has no dist/${SCRIPT}; it has ${scriptFiles.join(', ')}`);
for (const file of [...scriptFiles, 'locales']) cpSync(new URL(file, packageDist), new URL(file, dist), { recursive: true });
