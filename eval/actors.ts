/**
 * `npm run eval:actors`: our actor dictionary and lookups (src/actors) on NGEC's actor-resolution
 * cases (../shared/eval/events/ngec/ngec_actor_resolution_cases.tsv). Prints one row per NGEC
 * function with passed/total (query_wiki also in-scope: cases whose entity our dictionary holds),
 * the overall rate, how many cases no CAMEO v1.1b3 coder can pass as written, and the first failing
 * cases. Scoring rules: src/actors/score.ts. Every case is coded on one date (`--date`, default
 * 2022-03-01, the date most dated NGEC tests use) because the TSV has no date column.
 * Options: `--date YYYY-MM-DD`, `--failures N` (default 20). Skips with a notice when ../shared is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_DIR } from '../src/paths.js';
import { loadActorDictionary } from '../src/actors/dictionary.js';
import { buildResolverIndex } from '../src/actors/lexicon.js';
import { parseNgecCases, scoreNgecCases } from '../src/actors/score.js';

const file = join(SHARED_DIR, 'eval', 'events', 'ngec', 'ngec_actor_resolution_cases.tsv');
const argv = process.argv.slice(2);
const arg = (name: string) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const date = arg('--date') ?? '2022-03-01';
const showFailures = Number(arg('--failures') ?? 20);
if (!existsSync(file)) {
  console.log(`eval:actors: ${file} is absent (../shared is needed); nothing to evaluate`);
  process.exit(0);
}

const cases = parseNgecCases(readFileSync(file, 'utf8'));
const index = buildResolverIndex(loadActorDictionary(), { ner: null });
const s = scoreNgecCases(cases, index, date);
const pct = (p: number, t: number) => (t ? `${((100 * p) / t).toFixed(1)}%` : '-');

console.log(`NGEC actor-resolution cases, coded on ${date} (${s.total} cases)\n`);
console.log('| function            | passed | total | rate   | in scope (query_wiki)  |');
console.log('|---------------------|-------:|------:|-------:|------------------------|');
for (const [fn, r] of [...s.byFunction].sort()) {
  const scope = r.inScope ? `${r.inScope.passed}/${r.inScope.total} = ${pct(r.inScope.passed, r.inScope.total)}` : '';
  console.log(`| ${fn.padEnd(19)} | ${String(r.passed).padStart(6)} | ${String(r.total).padStart(5)} | ${pct(r.passed, r.total).padStart(6)} | ${scope.padEnd(22)} |`);
}
console.log(`| ${'all'.padEnd(19)} | ${String(s.passed).padStart(6)} | ${String(s.total).padStart(5)} | ${pct(s.passed, s.total).padStart(6)} | ${''.padEnd(22)} |`);

const flagged = new Map<string, number>();
for (const r of s.results) if (r.flag) flagged.set(r.flag, (flagged.get(r.flag) ?? 0) + 1);
const flaggedTotal = [...flagged.values()].reduce((a, b) => a + b, 0);
const flaggedPassed = s.results.filter((r) => r.flag && r.passed).length;
console.log(`\nflagged cases (counted above): ${[...flagged].map(([k, v]) => `${v} ${k}`).join(', ') || 'none'}`);
console.log(`  conflicting: the same input with different expectations (the TSV lost the tests' date or context argument)`);
console.log(`  non-CAMEO code: the expectation uses an NGEC code outside CAMEO v1.1b3's agent list (PRM, JRN, UNK, ...)`);
console.log(`  contradictory: one field expected to equal two values`);
console.log(`without them: ${s.passed - flaggedPassed}/${s.total - flaggedTotal} = ${pct(s.passed - flaggedPassed, s.total - flaggedTotal)}`);

const failed = s.results.filter((r) => !r.passed);
console.log(`\nfailing cases (first ${Math.min(showFailures, failed.length)} of ${failed.length}):`);
for (const r of failed.slice(0, showFailures)) {
  const why = r.failures.map((f) => `${f.field} ${f.op} "${f.value}" (got "${f.got}")`).join('; ');
  const tags = [r.flag, r.inScope === false ? 'out of scope' : null].filter(Boolean).join(', ');
  console.log(`  ${r.case.test} ${r.case.fn}("${r.case.input}")${tags ? ` [${tags}]` : ''}: ${why}`);
}
