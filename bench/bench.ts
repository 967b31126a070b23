/**
 * `npm run bench`: end-to-end speed and memory, printed as one table.
 *
 * Rows: the seed article (scraped text) through the whole pipeline, then the same article through
 * parts of it to show where the time goes: extract + annotate; the same plus a dependency parse of
 * every sentence; the pipeline without the classifier calibration; actor resolution, quote
 * attribution and event coding each alone, given the stages before them (parsed once
 * beforehand), to show what event coding itself costs; the four real HTML pages
 * (readability-testpages nytimes-1, wapo-1, wapo-2, telegraph) through the whole pipeline and
 * through extraction only; and @mozilla/readability alone (linkedom DOM + Readability.parse) on
 * the same HTML, as the reference tool. The models are loaded first (one analysis of every
 * input) and the pipeline warmed up for `STEPPE_BENCH_WARMUP` CPU-seconds (default 12), then each row runs for at least `STEPPE_BENCH_SECONDS` (default 3) after a one-second
 * warm-up, on one core (this process). Peak RSS is sampled every iteration. Next to the wall-clock
 * figures, `cpu ms/article` is the process's CPU time (user + system, `process.cpuUsage`) per
 * article: other processes sharing the cores slow the wall clock, not this (GC threads count in it).
 * Needs ../shared; exits 0 with a notice when it is absent.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism, loadavg } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { createPipeline } from '../src/pipeline.js';
import { SHARED_DIR } from '../src/paths.js';
import type { RawDocument } from '../src/types.js';
import { loadActorDictionary } from '../src/actors/dictionary.js';
import { buildResolverIndex, resolveActors } from '../src/actors/resolve.js';
import { attributeQuotes, reportedSpeech } from '../src/quotes/index.js';
import { createEventCoder, findEvents } from '../src/events/index.js';
import { ploverProbabilities } from '../src/events/confidence.js';
import { calibrateEvents } from '../src/pipeline.js';

const SECONDS = Number(process.env.STEPPE_BENCH_SECONDS ?? 3);
const seedFile = join(SHARED_DIR, 'corpus', 'rferl-kazakhstan-china-russia.txt');
if (!existsSync(seedFile)) {
  console.log('bench: ../shared is absent; nothing to measure');
  process.exit(0);
}
const pages = ['nytimes-1', 'wapo-1', 'wapo-2', 'telegraph'].map((name) => ({
  name,
  html: gunzipSync(readFileSync(join(SHARED_DIR, 'eval/extraction/readability-testpages', name, 'source.html.gz'))).toString('utf8'),
}));
const seed: RawDocument = { source: seedFile, format: 'text', content: readFileSync(seedFile, 'utf8'), published: '2022-01-20' };
const htmlDocs: RawDocument[] = pages.map((p) => ({ source: p.name, format: 'html', content: p.html, published: '2022-01-20' }));

let peak = 0;
const sample = () => { const r = process.memoryUsage().rss; if (r > peak) peak = r; };

interface Row { name: string; docs: number; seconds: number; perSec: number; peakMb: number; kchars: number; cpuMs: number }
function measure(name: string, docs: RawDocument[], fn: (d: RawDocument) => unknown): Row {
  const w0 = Date.now();
  while (Date.now() - w0 < 1000) for (const d of docs) fn(d); // warm-up: let the JIT settle
  peak = 0;
  sample();
  let n = 0;
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < SECONDS) {
    for (const d of docs) { fn(d); n++; sample(); }
    elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
  }
  const cpu = process.cpuUsage(c0);
  const kchars = docs.reduce((a, d) => a + d.content.length, 0) / docs.length / 1000;
  return { name, docs: n, seconds: elapsed, perSec: n / elapsed, peakMb: peak / 1048576, kchars, cpuMs: (cpu.user + cpu.system) / 1000 / n };
}

const pipeline = createPipeline();
/** The same pipeline without the classifier-based calibration of event confidence. */
const uncalibrated = createPipeline({ eventCalibration: false });
// the models load lazily on first use (parser, NER, quote tagger, event classifier): load them all
// before the first row, so that no row pays the one-time loading (seconds) of the process
pipeline.analyze(seed);
uncalibrated.analyze(seed);
for (const d of htmlDocs) pipeline.analyze(d);
// then let V8 finish optimizing the pipeline: a one-second warm-up left the first row measuring that
// (the seed fell from about 140 to 40 CPU-ms per article over the first 10-14 s of CPU); the
// warm-up is CPU time, so that a loaded machine does not cut it short
const WARMUP = Number(process.env.STEPPE_BENCH_WARMUP ?? 12);
for (const c0 = process.cpuUsage(); (process.cpuUsage(c0).user + process.cpuUsage(c0).system) / 1e6 < WARMUP;) {
  pipeline.analyze(seed);
  for (const d of htmlDocs) pipeline.analyze(d);
}
const readabilityOnly = (d: RawDocument) => {
  const { document } = parseHTML(d.content);
  return new Readability(document as unknown as Document).parse();
};
const rows: Row[] = [
  measure('steppe analyze, seed (text)', [seed], (d) => pipeline.analyze(d)),
  // where the seed's time goes: each row adds one stage to the one above it
  measure('  seed: extract + annotate (wink) only', [seed], (d) => pipeline.annotate(d)),
  measure('  seed: + parse of every sentence', [seed], (d) => pipeline.annotate(d).parse?.()),
  measure('  seed: + actors, quotes, events (raw scores)', [seed], (d) => uncalibrated.analyze(d)),
  measure('steppe analyze, 4 HTML pages', htmlDocs, (d) => pipeline.analyze(d)),
  measure('steppe extract, 4 HTML pages', htmlDocs, (d) => pipeline.extract(d)),
  measure('@mozilla/readability alone, same 4 HTML pages', htmlDocs, readabilityOnly),
];
// each stage alone on the seed, given the stages before it (the parse of every sentence done once,
// beforehand): what event coding itself costs, next to actor resolution and quote attribution
{
  const doc = pipeline.annotate(seed);
  doc.parse?.();
  const index = buildResolverIndex(loadActorDictionary());
  const coder = createEventCoder();
  const res = resolveActors(doc, index, { published: '2022-01-20' });
  const found = attributeQuotes(doc, res);
  const quotes = reportedSpeech(doc, found.res, found.quotes);
  const stage = (name: string, fn: () => unknown) => ({ ...measure(name, [seed], fn), kchars: seed.content.length / 1000 });
  rows.splice(4, 0,
    stage('  seed stage alone: actor resolution', () => resolveActors(doc, index, { published: '2022-01-20' })),
    stage('  seed stage alone: quote attribution', () => reportedSpeech(doc, found.res, attributeQuotes(doc, res).quotes)),
    stage('  seed stage alone: event coding + calibration', () => {
      const events = findEvents(doc, res, quotes, coder, { published: '2022-01-20', classify: (sentence) => ploverProbabilities(sentence) });
      calibrateEvents(events, doc.text);
    }),
  );
}
const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);
console.log(`Steppe bench (one core, node ${process.version}, ${SECONDS}s per row)\n`);
console.log(`| ${pad('workload', 46)} | ${lpad('input kchars', 12)} | ${lpad('docs', 6)} | ${lpad('articles/s', 10)} | ${lpad('ms/article', 10)} | ${lpad('cpu ms/article', 14)} | ${lpad('peak RSS MB', 11)} |`);
console.log(`|${'-'.repeat(48)}|${'-'.repeat(14)}|${'-'.repeat(8)}|${'-'.repeat(12)}|${'-'.repeat(12)}|${'-'.repeat(16)}|${'-'.repeat(13)}|`);
for (const r of rows) {
  console.log(`| ${pad(r.name, 46)} | ${lpad(r.kchars.toFixed(1), 12)} | ${lpad(String(r.docs), 6)} | ${lpad(r.perSec.toFixed(1), 10)} | ${lpad((1000 / r.perSec).toFixed(2), 10)} | ${lpad(r.cpuMs.toFixed(2), 14)} | ${lpad(r.peakMb.toFixed(0), 11)} |`);
}
console.log(`\nLoad average (1, 5, 15 min): ${loadavg().map((x) => x.toFixed(2)).join(', ')} on ${availableParallelism()} cores: with other processes running, compare the cpu ms column.`);
console.log('\nBars (DESIGN.md): >= 100 articles/s per core from text, >= 30 from HTML.');
