/**
 * `npm run eval`: runs every evaluation script in eval/ (each prints its own table of precision,
 * recall and F1 against the gold data in ../shared/eval) one after the other, and exits non-zero
 * if any of them failed. Each script skips with a notice when ../shared is absent.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const here = dirname(fileURLToPath(import.meta.url));
const scripts = readdirSync(here).filter((f) => f.endsWith('.js') && f !== 'eval.js' && !f.startsWith('_')).sort();
let failed = 0;
for (const s of scripts) {
  console.log(`\n=== eval/${s.replace(/\.js$/, '.ts')} ===`);
  const r = spawnSync(process.execPath, [join(here, s)], { stdio: 'inherit' });
  if (r.status !== 0) { failed++; console.log(`eval/${s}: exited with ${r.status ?? r.signal}`); }
}
console.log(`\n${scripts.length - failed} of ${scripts.length} evaluations ran`);
process.exit(failed ? 1 : 0);
