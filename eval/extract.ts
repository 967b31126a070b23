/**
 * `npm run eval:extract`: extraction quality on the sets in ../shared/eval/extraction, for our
 * extractor and for @mozilla/readability alone (linkedom DOM + `Readability.parse()`, its
 * `textContent`, `title`, `byline`, `publishedTime`), in the same run, printed as one table.
 *
 * Rows (scorers in src/extract/score.ts, readers in src/extract/benchmarks.ts):
 * - body P/R/F1 on aeb-dev with the benchmark's own metric (4-gram shingles of `\w+` tokens per
 *   document; precision and recall each averaged over documents; F1 of the two means). Our text
 *   is scored without its caption paragraphs, because the benchmark's gold bodies leave photo
 *   captions out; the row "captions kept" scores our full text. Readability's text is scored as
 *   it comes (captions inside its content included), as the benchmark scored it;
 * - word-level P/R/F1 and the "with" / "without" snippet rates on wcxb-dev (WCXB's metric; our
 *   full text, captions included, since WCXB gold keeps them);
 * - publish date, exact day: htmldate-dev pages with a reference date (the page's URL is given,
 *   as htmldate's evaluation does) and the readability test pages that have a `publishedTime`;
 * - byline, normalised name match (`bylineMatch`): readability test pages and wcxb-dev pages
 *   whose reference names an author;
 * - title, exact after whitespace/quote normalisation on wcxb-dev; on the readability test pages
 *   a title also counts when the reference only adds a site part ("Headline | Site"), which we
 *   drop on purpose;
 * - pages we refused as "not an article" (the sets are meant to hold articles, so each refusal is
 *   a false alarm unless the page is not one; its text counts as empty in the rows above).
 * The readability test pages' references are Readability's own output, so Readability scores
 * near 1 there by construction.
 *
 * `--misses` also lists our failures per page, `--ours-only` skips Readability (both for
 * development). Skips with a notice when ../shared is absent.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { SHARED_DIR } from '../src/paths.js';
import { SteppeError } from '../src/errors.js';
import { extractHtml } from '../src/extract/html.js';
import { normalizeDate } from '../src/extract/metadata.js';
import { readAeb, readHtmldate, readReadabilityPages, readWcxb, type EvalPage } from '../src/extract/benchmarks.js';
import {
  aebScore, bylineMatch, meanWordScore, referenceDay, sameDay, shingleCounts, snippetRate, titleMatch, wordScore,
  type Prf,
} from '../src/extract/score.js';

const DIR = join(SHARED_DIR, 'eval', 'extraction');
if (!existsSync(DIR)) {
  console.log(`eval:extract: ${DIR} is absent; nothing to evaluate`);
  process.exit(0);
}
const showMisses = process.argv.includes('--misses');
/** `--ours-only`: skip Readability (faster, for development); its column then shows "-". */
const oursOnly = process.argv.includes('--ours-only');

/** What one system says about one page. */
interface Prediction {
  text: string;
  /** The text without caption paragraphs (ours); Readability's text as is. */
  bodyText: string;
  title: string | null;
  byline: string | readonly string[] | null;
  published: string | null;
  /** Why the page was refused as not an article (ours only). */
  refused?: string;
  ms: number;
}

function ours(page: EvalPage): Prediction {
  const t0 = performance.now();
  try {
    const a = extractHtml(page.html, { source: page.id, url: page.url });
    const bodyText = a.paragraphs.filter((p) => p.kind !== 'caption').map((p) => a.text.slice(p.start, p.end)).join('\n\n');
    return { text: a.text, bodyText, title: a.title, byline: a.byline, published: a.published, ms: performance.now() - t0 };
  } catch (e) {
    if (!(e instanceof SteppeError) || e.code !== 'E_NO_ARTICLE') throw e;
    return { text: '', bodyText: '', title: null, byline: null, published: null, refused: e.message, ms: performance.now() - t0 };
  }
}

function readabilityAlone(page: EvalPage): Prediction {
  const t0 = performance.now();
  try {
    const { document } = parseHTML(page.html) as unknown as { document: Document };
    const r = new Readability(document).parse();
    const text = r?.textContent ?? '';
    return {
      text, bodyText: text, title: r?.title ?? null, byline: r?.byline ?? null,
      published: normalizeDate(r?.publishedTime ?? null), ms: performance.now() - t0,
    };
  } catch {
    return { text: '', bodyText: '', title: null, byline: null, published: null, ms: performance.now() - t0 };
  }
}

const sets = {
  aeb: readAeb(join(DIR, 'aeb-dev')),
  wcxb: readWcxb(join(DIR, 'wcxb-dev')),
  htmldate: readHtmldate(join(DIR, 'htmldate-dev')),
  readability: readReadabilityPages(join(DIR, 'readability-testpages')),
};

interface Row { metric: string; data: string; n: number; ours: string; readability: string; bar: string }
const rows: Row[] = [];
const misses: string[] = [];
const f3 = (x: number) => x.toFixed(3);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

type System = (p: EvalPage) => Prediction;
const none: System = () => ({ text: '', bodyText: '', title: null, byline: null, published: null, ms: 0 });
const systems: Array<[string, System]> = [['ours', ours], ['readability', oursOnly ? none : readabilityAlone]];
const predictions = new Map<string, Map<string, Prediction>>();
const timing = new Map<string, { ms: number; n: number }>();
for (const [name, fn] of systems) {
  const out = new Map<string, Prediction>();
  let ms = 0;
  for (const list of Object.values(sets)) {
    for (const page of list) {
      const p = fn(page);
      ms += p.ms;
      out.set(page.id, p);
    }
  }
  predictions.set(name, out);
  timing.set(name, { ms, n: out.size });
}
const pred = (system: string, page: EvalPage): Prediction => predictions.get(system)!.get(page.id)!;

// body: AEB
const aebOf = (system: string, field: 'bodyText' | 'text'): Prf =>
  aebScore(sets.aeb.map((p) => shingleCounts(p.body ?? '', pred(system, p)[field])));
{
  const o = aebOf('ours', 'bodyText');
  const r = aebOf('readability', 'bodyText');
  const n = sets.aeb.length;
  rows.push({ metric: 'body precision (AEB shingles)', data: 'aeb-dev', n, ours: f3(o.precision), readability: f3(r.precision), bar: '' });
  rows.push({ metric: 'body recall (AEB shingles)', data: 'aeb-dev', n, ours: f3(o.recall), readability: f3(r.recall), bar: '' });
  rows.push({ metric: 'body F1 (AEB shingles), captions out', data: 'aeb-dev', n, ours: f3(o.f1), readability: f3(r.f1), bar: '>= 0.970' });
  rows.push({ metric: 'body F1 (AEB shingles), captions kept', data: 'aeb-dev', n, ours: f3(aebOf('ours', 'text').f1), readability: f3(r.f1), bar: '' });
  if (showMisses) {
    for (const p of sets.aeb) {
      const s = aebScore([shingleCounts(p.body ?? '', pred('ours', p).bodyText)]);
      if (s.f1 < 0.9) misses.push(`body ${p.id}: P=${f3(s.precision)} R=${f3(s.recall)} ${pred('ours', p).refused ?? ''}`);
    }
  }
}

// body: WCXB
{
  const scores = (system: string) => meanWordScore(sets.wcxb.map((p) => wordScore(pred(system, p).text, p.body ?? '')));
  const rate = (system: string, key: 'with' | 'without') => {
    const xs = sets.wcxb.map((p) => snippetRate(pred(system, p).text, p[key] ?? []));
    return xs.reduce((a, b) => a + b, 0) / (xs.length || 1);
  };
  const o = scores('ours');
  const r = scores('readability');
  const n = sets.wcxb.length;
  rows.push({ metric: 'word P / R (WCXB)', data: 'wcxb-dev', n, ours: `${f3(o.precision)} / ${f3(o.recall)}`, readability: `${f3(r.precision)} / ${f3(r.recall)}`, bar: '' });
  rows.push({ metric: 'word F1 (WCXB)', data: 'wcxb-dev', n, ours: f3(o.f1), readability: f3(r.f1), bar: '' });
  rows.push({ metric: 'must-have snippets found (higher better)', data: 'wcxb-dev', n, ours: pct(rate('ours', 'with')), readability: pct(rate('readability', 'with')), bar: '' });
  rows.push({ metric: 'must-not snippets found (lower better)', data: 'wcxb-dev', n, ours: pct(rate('ours', 'without')), readability: pct(rate('readability', 'without')), bar: '' });
}

// accuracy rows
function accuracy(metric: string, data: string, pages: EvalPage[], ok: (p: Prediction, page: EvalPage) => boolean, bar = '', kind = ''): { o: number; r: number; n: number } {
  const count = (system: string) => pages.filter((p) => ok(pred(system, p), p)).length;
  const n = pages.length;
  const o = count('ours');
  const r = count('readability');
  rows.push({ metric, data, n, ours: n ? f3(o / n) : '-', readability: n ? f3(r / n) : '-', bar });
  if (showMisses && kind) {
    for (const p of pages) if (!ok(pred('ours', p), p)) misses.push(`${kind} ${p.id}: want ${JSON.stringify(kind === 'date' ? p.published : kind === 'byline' ? p.byline : p.title)} got ${JSON.stringify(kind === 'date' ? pred('ours', p).published : kind === 'byline' ? pred('ours', p).byline : pred('ours', p).title)}`);
  }
  return { o, r, n };
}

const dated = sets.readability.filter((p) => referenceDay(p.published));
const dateOk = (p: Prediction, page: EvalPage) => sameDay(p.published, page.published);
const d1 = accuracy('publish date, exact day', 'htmldate-dev pages with a date', sets.htmldate.filter((p) => referenceDay(p.published)), dateOk, '', 'date');
const d2 = accuracy('publish date, exact day', 'readability pages with a date', dated, dateOk, '', 'date');
rows.push({ metric: 'publish date, exact day', data: 'both', n: d1.n + d2.n, ours: f3((d1.o + d2.o) / (d1.n + d2.n)), readability: f3((d1.r + d2.r) / (d1.n + d2.n)), bar: '>= 0.90' });

const bylineOk = (p: Prediction, page: EvalPage) => bylineMatch(p.byline, page.byline);
const b1 = accuracy('byline, normalised names', 'readability pages with an author', sets.readability.filter((p) => p.byline), bylineOk, '', 'byline');
const b2 = accuracy('byline, normalised names', 'wcxb-dev pages with an author', sets.wcxb.filter((p) => p.byline), bylineOk, '', 'byline');
rows.push({ metric: 'byline, normalised names', data: 'both', n: b1.n + b2.n, ours: f3((b1.o + b2.o) / (b1.n + b2.n)), readability: f3((b1.r + b2.r) / (b1.n + b2.n)), bar: '>= 0.85' });

const titleOk = (p: Prediction, page: EvalPage) => titleMatch(p.title, page.title);
accuracy('title, exact', 'wcxb-dev', sets.wcxb.filter((p) => p.title), titleOk, '', 'title');
// Readability's reference titles often keep the site ("Headline | Site"); we drop it on purpose.
const titleSiteOk = (p: Prediction, page: EvalPage) => titleMatch(p.title, page.title, { ignoreSiteSuffix: true });
accuracy('title, site suffix ignored', 'readability pages', sets.readability.filter((p) => p.title), titleSiteOk, '', 'title');

{
  const all = Object.values(sets).flat();
  const refused = all.filter((p) => pred('ours', p).refused);
  rows.push({ metric: 'refused as "not an article"', data: 'all four sets', n: all.length, ours: String(refused.length), readability: '-', bar: '' });
  if (showMisses) for (const p of refused) misses.push(`refused ${p.id}: ${pred('ours', p).refused}`);
  const speed = (s: string) => { const t = timing.get(s)!; return (t.n / (t.ms / 1000)).toFixed(1); };
  rows.push({ metric: 'pages per second (this run, one core)', data: 'all four sets', n: all.length, ours: speed('ours'), readability: speed('readability'), bar: '>= 30' });
}

const widths = {
  metric: Math.max(6, ...rows.map((r) => r.metric.length)),
  data: Math.max(4, ...rows.map((r) => r.data.length)),
  n: 5,
  ours: Math.max(4, ...rows.map((r) => r.ours.length)),
  readability: Math.max(14, ...rows.map((r) => r.readability.length)),
  bar: Math.max(3, ...rows.map((r) => r.bar.length)),
};
const line = (c: Record<keyof typeof widths, string>) =>
  `| ${c.metric.padEnd(widths.metric)} | ${c.data.padEnd(widths.data)} | ${c.n.padStart(widths.n)} | ${c.ours.padStart(widths.ours)} | ${c.readability.padStart(widths.readability)} | ${c.bar.padEnd(widths.bar)} |`;
console.log(`Extraction (node ${process.version}; ours = steppe extractHtml, Readability.js = @mozilla/readability on linkedom)\n`);
console.log(line({ metric: 'metric', data: 'data', n: 'n', ours: 'ours', readability: 'Readability.js', bar: 'bar' }));
console.log(`|${'-'.repeat(widths.metric + 2)}|${'-'.repeat(widths.data + 2)}|${'-'.repeat(widths.n + 1)}:|${'-'.repeat(widths.ours + 1)}:|${'-'.repeat(widths.readability + 1)}:|${'-'.repeat(widths.bar + 2)}|`);
for (const r of rows) console.log(line({ ...r, n: String(r.n) }));
console.log('\nAEB body rows leave our caption paragraphs out (the benchmark\'s gold bodies omit captions); Readability\'s text is scored as it comes.');
console.log('Readability-testpage references are Readability\'s own output (its titles keep the site part: that row ignores it).');
console.log('Byline references are normalised as person names (score.ts referenceNames): organisations, job titles, credentials,');
console.log('user names ("q_admin") and editor/reviewer credits are not author names; a reference with none expects an empty byline.');
console.log('Every page of these sets is meant to be an article, so each refusal is a false alarm unless the page is not one.');
if (showMisses) console.log(`\nOur misses:\n${misses.map((m) => `  ${m}`).join('\n')}`);
