/**
 * `npm run eval:quotes`: our quote finder (src/quotes) on PolNeAR dev, next to the simple baseline
 * (quotation marks + nearest actor mention, src/quotes/baseline.ts), in one table.
 *
 * Each dev text goes through the pipeline stages the product runs, on the raw text so that offsets
 * match the gold: `rawTextArticle` (the `--no-extract` path) → `createAnnotator` → actor
 * resolution (dictionary + resolver index) → `attributeQuotes` (findQuotes + source actors). Gold: one attribution per PolNeAR
 * event (source, cue, content), read by src/quotes/brat.ts; when an article has several
 * annotators the first annotator's file counts. Scoring rules (src/quotes/score.ts): content
 * spans match when their word-token Jaccard ratio is ≥ 0.5, one-to-one; kinds come from the spans
 * (quoted share of the words); speaker accuracy is on matched pairs whose gold has a source.
 *
 * Options: `--split train|dev` (default dev; rules are developed on train only), `--holdout`
 * (only the held-out tenth of train, brat.ts isHoldout; `--fold K` another tenth, for a model
 * trained with the same `--fold`), `--model DIR` (another tagger folder),
 * `--rules` (rules only, no tagger), `--no-source-actors` (`findQuotes`: speakers only among the
 * resolved actors, as before source actors; default `attributeQuotes`, src/quotes/sources.ts),
 * `--no-parse` (the document has no parse view, as when the pipeline runs without its parser;
 * a quote model with dependency features then parses with models/parser by itself, index.ts),
 * `--errors N` prints N misses and false alarms (train only: we never read dev sentences; a
 * speaker miss reads `SPK+` when our source phrase overlaps the gold source, `SPK` when not),
 * `--limit N` scores the first N articles. Skips with a notice when ../shared is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_DIR } from '../src/paths.js';
import { rawTextArticle } from '../src/extract/text.js';
import { createAnnotator } from '../src/nlp/annotate.js';
import { loadActorDictionary } from '../src/actors/dictionary.js';
import { buildResolverIndex, resolveActors } from '../src/actors/resolve.js';
import { attributeQuotes, findQuotes } from '../src/quotes/index.js';
import { baselineQuotes } from '../src/quotes/baseline.js';
import { readBratSplit, isHoldout } from '../src/quotes/brat.js';
import { loadTagger } from '../src/quotes/tagger.js';
import { loadParserModel, parseDocument } from '../src/nlp/parser/index.js';
import { matchUnits, speakerCorrect, scoreQuotes, unitsFromQuotes, MATCH_JACCARD, type QuoteScores, type ScoreDoc } from '../src/quotes/score.js';

const dir = join(SHARED_DIR, 'eval', 'quotes', 'polnear');
const argv = process.argv.slice(2);
const arg = (name: string) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const split = arg('--split') ?? 'dev';
const errors = Number(arg('--errors') ?? 0);
const limit = Number(arg('--limit') ?? Infinity);
const holdout = argv.includes('--holdout');
const noSourceActors = argv.includes('--no-source-actors');
const noParse = argv.includes('--no-parse');
const modelDir = arg('--model');
const model = argv.includes('--rules') ? null : modelDir ? loadTagger(modelDir) : undefined;
if (modelDir && !model) { console.error(`eval:quotes: no model in ${modelDir}`); process.exit(2); }
if (errors && split !== 'train') {
  console.error('eval:quotes: --errors prints sentences; use it with --split train only (dev is for reporting)');
  process.exit(2);
}
if (!existsSync(join(dir, split, 'attributions'))) {
  console.log(`eval:quotes: ${join(dir, split)} is absent (../shared is needed); nothing to evaluate`);
  process.exit(0);
}

// publication dates, for the actor tenures
const published = new Map<string, string>();
const metaFile = join(dir, 'metadata.tsv');
if (existsSync(metaFile)) {
  const [head, ...rows] = readFileSync(metaFile, 'utf8').split('\n');
  const cols = head.split('\t');
  const fi = cols.indexOf('filename');
  const di = cols.indexOf('publication_date');
  for (const r of rows) { const c = r.split('\t'); if (c[fi] && /^\d{4}-\d\d-\d\d$/.test(c[di] ?? '')) published.set(c[fi], c[di]); }
}

const fold = Number(arg('--fold') ?? 0);
const docs = readBratSplit(dir, split).filter((d) => !holdout || isHoldout(d.name, fold)).slice(0, limit);
const annotate = createAnnotator();
const index = buildResolverIndex(loadActorDictionary());
const ours: ScoreDoc[] = [];
const base: ScoreDoc[] = [];
let ms = 0;
const errorLines: string[] = [];
for (const d of docs) {
  const article = rawTextArticle(d.text, { source: d.name });
  article.published = published.get(d.name) ?? null;
  const t0 = performance.now();
  const doc = annotate(article);
  // the dependency parse as the pipeline gives it (a lazy view; src/pipeline.ts)
  let view: ReturnType<typeof parseDocument> | null = null;
  if (!noParse) doc.parse = () => (view ??= parseDocument(doc, loadParserModel()));
  const res0 = resolveActors(doc, index, { published: article.published });
  const tagger = model === undefined ? loadTagger() : model;
  const qopts = { model };
  const found = noSourceActors ? { quotes: findQuotes(doc, res0, qopts), res: res0 } : attributeQuotes(doc, res0, qopts);
  const { quotes, res } = found;
  ms += performance.now() - t0;
  const gold = d.attributions.map((a) => ({ content: a.content, source: a.source }));
  const predicted = unitsFromQuotes(quotes, res);
  ours.push({ text: d.text, paragraphs: article.paragraphs, predicted, gold });
  base.push({ text: d.text, paragraphs: article.paragraphs, predicted: unitsFromQuotes(baselineQuotes(doc, res0), res0), gold });
  if (errors && errorLines.length < errors * 2) {
    const m = matchUnits(d.text, predicted.map((p) => p.content), gold.map((g) => g.content));
    const show = (f: Array<[number, number]>) => f.map(([s, e]) => d.text.slice(s, e)).join(' … ').replace(/\s+/g, ' ').slice(0, 220);
    m.forEach((j, i) => { if (j < 0) errorLines.push(`FP  ${d.name}: ${show(predicted[i].content)}  [${predicted[i].speakerName ?? '-'}]`); });
    const hit = new Set(m);
    gold.forEach((g, j) => { if (!hit.has(j)) errorLines.push(`FN  ${d.name}: ${show(g.content)}  [${g.source ? show(g.source) : '-'}]`); });
    m.forEach((j, i) => {
      const g = gold[j];
      if (j < 0 || !g.source || speakerCorrect(d.text, predicted[i], g.source)[0]) return;
      const p = predicted[i];
      const ours = p.speakerSpans.length ? show([p.speakerSpans[0]]) : p.sourceSpans?.length ? `(${show(p.sourceSpans)})` : '-';
      const spanOk = (p.sourceSpans ?? []).some(([s, e]) => g.source!.some(([t, u]) => s < u && t < e));
      errorLines.push(`SPK${spanOk ? '+' : ' '} ${d.name}: gold [${show(g.source)}] ours [${ours}${p.speakerName ? ' = ' + p.speakerName : ''}] :: ${show(g.content).slice(0, 100)}`);
    });
  }
}

const ourScores = scoreQuotes(ours);
const baseScores = scoreQuotes(base);
const f3 = (x: number) => x.toFixed(3);
const g = ourScores.byKind;
console.log(`PolNeAR ${split}${holdout ? ' (held-out tenth)' : ''}: ${docs.length} articles, ${ourScores.overall.gold} gold attributions ` +
  `(direct ${g.direct.gold}, partial ${g.partial.gold}, indirect ${g.indirect.gold}); ${(ms / docs.length).toFixed(1)} ms per article (annotate + actors + quotes)`);
console.log(`Content match: word-token Jaccard ≥ ${MATCH_JACCARD}, one-to-one (greedy by Jaccard); quotes sharing a cue occurrence form one unit.`);
console.log('Per kind: P by the predicted unit\'s kind, R by the gold unit\'s kind (kinds from the spans: quoted share of the words); speaker columns by the gold kind.');
console.log('Speaker (on matched pairs whose gold has a source): headline = we name a speaker actor and its speaker mention or one of its mentions overlaps the gold Source;');
console.log('loose = headline or the actor\'s name word is in the Source; source span = headline or our source phrase overlaps the Source even when it is no actor; attributed = share with a speaker actor.');
console.log('');
console.log('| system | kind | P | R | F1 | predicted | gold | speaker acc | loose | source span | attributed |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
const rows = (name: string, s: QuoteScores) => {
  for (const k of ['direct', 'partial', 'indirect'] as const) {
    const x = s.byKind[k];
    const sk = s.speakerByKind[k];
    const acc = sk.pairs ? `${f3(sk.correct / sk.pairs)} (${sk.correct}/${sk.pairs})` : '';
    console.log(`| ${name} | ${k} | ${f3(x.p)} | ${f3(x.r)} | ${f3(x.f)} | ${x.predicted} | ${x.gold} | ${acc} | | ${sk.pairs ? f3(sk.span / sk.pairs) : ''} | |`);
  }
  const o = s.overall;
  console.log(`| ${name} | **all** | ${f3(o.p)} | ${f3(o.r)} | **${f3(o.f)}** | ${o.predicted} | ${o.gold} | **${f3(s.speaker)}** (${s.speakerCorrect}/${s.speakerPairs}) | ${f3(s.speakerLoose)} | ${f3(s.speakerSpan)} | ${f3(s.attributed)} |`);
};
rows('baseline', baseScores);
rows('steppe', ourScores);
console.log('');
console.log(`Matched pairs without a gold source: steppe ${ourScores.noSourcePairs} (no speaker given for ${f3(ourScores.noSourceAgree)}), baseline ${baseScores.noSourcePairs}.`);
if (errorLines.length) {
  console.log('');
  for (const l of errorLines) console.log(l);
}
