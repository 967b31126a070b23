/**
 * `npm run eval:parser`: the committed dependency parser (models/parser) on UD English EWT dev,
 * with wink-nlp's UPOS tags (the headline figure: what the parser sees at run time) and with the
 * gold UPOS, next to two baselines in the same run, and its speed in sentences per second on one
 * core (parse only, and wink tagging + parse). Scores are CoNLL 2018 UAS/LAS over all words,
 * punctuation included (see src/nlp/parser/score.ts). Skips with a notice when ../shared is absent.
 * `STEPPE_PARSER_DIR=DIR npm run eval:parser` evaluates the model in DIR instead (a candidate).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_DIR } from '../src/paths.js';
import {
  loadParserModel, readConlluFile, tagWithWink, scoreParses, type ConlluSentence, type AttachmentScores, type ParserModel,
} from '../src/nlp/parser/index.js';
import { previousWordBaseline, nearestVerbBaseline } from '../src/nlp/parser/score.js';

const devFile = join(SHARED_DIR, 'train', 'ud', 'en_ewt-ud-dev.conllu');
if (!existsSync(devFile)) {
  console.log(`eval:parser: ${devFile} is absent (../shared is needed); nothing to evaluate`);
  process.exit(0);
}

const SECONDS = Number(process.env.STEPPE_BENCH_SECONDS ?? 3);
const dev = readConlluFile(devFile);
const reference = (s: ConlluSentence) => ({ head: s.words.map((w) => w.head), relation: s.words.map((w) => w.deprel) });
const words = dev.map((s) => s.words.map((w) => w.form));
const goldTags = dev.map((s) => s.words.map((w) => w.upos));

const tLoad = performance.now();
const model = loadParserModel();
const loadMs = performance.now() - tLoad;
const winkTags = tagWithWink(dev);

function score(parse: (i: number) => { head: ArrayLike<number>; relation: string[] }): AttachmentScores {
  return scoreParses(dev.map((s, i) => ({ predicted: parse(i), reference: reference(s) })));
}

/**
 * Sentences per second of `fn` over the dev sentences, after a warm-up, for at least SECONDS:
 * per second of CPU time of this process (one core; robust to other processes on the machine)
 * and per second of wall-clock time.
 */
function rate(fn: (i: number) => unknown): { cpu: number; wall: number } {
  for (let i = 0; i < Math.min(500, dev.length); i++) fn(i);
  let n = 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  while (performance.now() - t0 < SECONDS * 1000) {
    for (let i = 0; i < dev.length; i++) fn(i);
    n += dev.length;
  }
  const c = process.cpuUsage(c0);
  return { cpu: n / ((c.user + c.system) / 1e6), wall: n / ((performance.now() - t0) / 1000) };
}

const parseWith = (m: ParserModel, tags: string[][], retag = true) => (i: number) => m.parse(words[i], tags[i], { retag });
let tagOk = 0;
let tagAll = 0;
dev.forEach((s, i) => s.words.forEach((w, k) => { tagAll++; if (w.upos === winkTags[i][k]) tagOk++; }));

const rows: Array<[string, AttachmentScores]> = [
  ['steppe parser, wink UPOS', score(parseWith(model, winkTags))],
  ['steppe parser, gold UPOS (no retag)', score(parseWith(model, goldTags, false))],
  ['baseline: nearest verb, wink UPOS', score((i) => nearestVerbBaseline(winkTags[i]))],
  ['baseline: previous word', score((i) => previousWordBaseline(winkTags[i]))],
];
const pct = (x: number) => (100 * x).toFixed(2).padStart(6);
console.log(`UD English EWT dev: ${dev.length} sentences, ${rows[0][1].words} words; wink UPOS accuracy ${(100 * tagOk / tagAll).toFixed(2)}%`);
console.log('CoNLL 2018 UAS/LAS: all words incl. punctuation; LAS on universal relations (LAS+sub: subtypes must match too)\n');
console.log(`${'system'.padEnd(36)}   UAS    LAS  LAS+sub`);
for (const [name, s] of rows) console.log(`${name.padEnd(36)} ${pct(s.uas)} ${pct(s.las)}  ${pct(s.lasFull)}`);

const parseOnly = rate(parseWith(model, winkTags));
const texts = dev.map((s) => s.text);
const winkOnly = rate((i) => tagWithWink([{ words: dev[i].words, text: texts[i], spans: dev[i].spans }]));
const withPos = rate((i) => { const t = tagWithWink([{ words: dev[i].words, text: texts[i], spans: dev[i].spans }]); return model.parse(words[i], t[0]); });
let retagOk = 0;
if (model.tagger) dev.forEach((s, i) => { const t = model.tagsFor(words[i], winkTags[i]); s.words.forEach((w, k) => { if (w.upos === t[k]) retagOk++; }); });
console.log(`\nmodel: ${model.weights.rows} parser features${model.tagger ? ` + ${model.tagger.weights.rows} retagger features (retagged UPOS accuracy ${(100 * retagOk / tagAll).toFixed(2)}%)` : ''}, loaded in ${loadMs.toFixed(0)} ms`);
const r = (x: { cpu: number; wall: number }) => `${Math.round(x.cpu)} sentences per CPU second (${Math.round(x.wall)} per wall-clock second)`;
console.log(`speed, one core: given wink's tags (retag + parse): ${r(parseOnly)}`);
console.log(`                 from the sentence text (wink tokenizing and tagging + retag + parse): ${r(withPos)}`);
console.log(`                 wink tokenizing and tagging alone, for comparison: ${r(winkOnly)}`);
