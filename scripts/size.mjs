// Size is a tested feature: fails when a built file exceeds its gzip budget in size-budget.json, or when the output
// contains code a strict CSP or our no-HTML-injection rule forbids (eval, new Function, innerHTML writes).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const budget = JSON.parse(readFileSync(new URL('../size-budget.json', import.meta.url), 'utf8'));
let failed = 0;
for (const [file, { gzip, hardCap }] of Object.entries(budget.files)) {
  const source = readFileSync(file);
  const size = gzipSync(source, { level: 9 }).length;
  const ok = size <= gzip;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${file}: ${(size / 1024).toFixed(2)} KiB gzip (${size} B; budget ${(gzip / 1024).toFixed(1)} KiB, hard cap ${(hardCap / 1024).toFixed(1)} KiB; ${(source.length / 1024).toFixed(1)} KiB minified)`);
  if (!ok) failed++;
  const text = source.toString('utf8').replace(/\s+/g, '');
  for (const bad of budget.forbidden) {
    if (text.includes(bad.replace(/\s+/g, ''))) {
      console.log(`FAIL ${file} contains forbidden code: ${bad}`);
      failed++;
    }
  }
}
if (failed) process.exit(1);
