/**
 * The NER model: averaged perceptrons over BILOU tags, decoded greedily left to right with the
 * two previous predicted tags as features and hard BILOU transition constraints (issue 4).
 *
 * Two passes (Ratinov & Roth 2009, "two-stage prediction aggregation"): the first pass tags the
 * document; the second reads the same features plus the first pass's tags around each token and
 * the types the first pass gave the same word anywhere in the document, so that "Brann" in a
 * sports table is tagged like the other mentions of Brann. The second pass is trained on
 * first-pass tags of documents the first pass did not see (jackknifed over folds of the training
 * set), so that it learns how far to trust them.
 *
 * Training is the decoder loop plus a perceptron update (DESIGN.md, model 3; Honnibal, "Parsing
 * English in 500 lines of Python"): `decode` is the one decoder, used for prediction and training;
 * in training it updates the weights whenever the greedy guess differs from the gold tag. Weights
 * are averaged lazily: each (feature, tag) weight keeps the step at which it last changed and a
 * running total, brought up to date only when it changes, and once at the end.
 *
 * Prediction looks weights up by the two 32-bit keys of each feature in a sparse table of both
 * passes, and caches per word type the summed weights of the templates that read one token
 * (`TYPE_TEMPLATES`); training keeps dense rows and the features' readable names.
 *
 * A model is a folder (DESIGN.md, model 4): `config.json` (tags, feature set, decoder, files),
 * `weights-1.tsv` and `weights-2.tsv` (one feature a line: `template<TAB>value…<TAB>tag:weight …`,
 * averaged, scaled so that the largest is 100, rounded to 3 decimals, near-zero weights pruned),
 * `gazetteer.tsv` (`name<TAB>class`) and `meta.json` (data, date, scores, how to retrain).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  BILOU_TAGS, FeatureSink, Gazetteer, History, HISTORY_UNTRACKED, START_TAG, STAGE2_TEMPLATES, TEMPLATES, TEMPLATE_INDEX,
  TYPE_MASK, TYPE_ROLES, addStage1, dynamicFeatures, featureKey, historyWord, prepareDocument, stage2Features,
  staticFeatures, templateMask, typeFeatures, typeKey,
  type NerToken, type PreparedSentence,
} from './features.js';

/** Version of the feature set; a model trained with another one is refused at load. */
export const FEATURE_SET = 'steppe-ner-features/3';

/** `config.json` of a model folder. */
export interface NerConfig {
  name: string;
  featureSet: string;
  decoder: 'greedy-bilou-2pass';
  tags: string[];
  /** Feature templates of the first and second pass. */
  templates: [string[], string[]];
  /** Weight files of the first and second pass. */
  weightsFiles: [string, string];
  gazetteerFile: string;
}

const NT = BILOU_TAGS.length;
const TAG_INDEX = new Map(BILOU_TAGS.map((t, i) => [t, i]));

/** allowed[prev * NT + next]: BILOU transition constraints; `prev` = NT is the sentence start. */
const ALLOWED = (() => {
  const a = new Uint8Array((NT + 1) * NT);
  for (let p = 0; p <= NT; p++) {
    const pt = p === NT ? 'O' : BILOU_TAGS[p];
    const open = pt[0] === 'B' || pt[0] === 'I';
    for (let n = 0; n < NT; n++) {
      const nt = BILOU_TAGS[n];
      const ok = open ? (nt[0] === 'I' || nt[0] === 'L') && nt.slice(2) === pt.slice(2) : nt === 'O' || nt[0] === 'B' || nt[0] === 'U';
      a[p * NT + n] = ok ? 1 : 0;
    }
  }
  return a;
})();
const CLOSES = Uint8Array.from(BILOU_TAGS, (t) => (t[0] === 'B' || t[0] === 'I' ? 0 : 1));

/** Open-addressing hash table from a feature's key pair to a row number; keys and row interleaved. */
export class FeatureTable {
  private mask: number;
  private slots: Int32Array;
  size = 0;

  constructor(capacity = 1 << 16) {
    let cap = 1024;
    while (cap < capacity * 2) cap <<= 1;
    this.mask = cap - 1;
    this.slots = FeatureTable.empty(cap);
  }

  private static empty(cap: number): Int32Array {
    const s = new Int32Array(cap * 3);
    for (let i = 2; i < s.length; i += 3) s[i] = -1;
    return s;
  }

  /** The row of a key pair, or -1. */
  get(a: number, b: number): number {
    const { mask, slots } = this;
    let i = a & mask;
    for (;;) {
      const o = i * 3;
      const r = slots[o + 2];
      if (r < 0) return -1;
      if (slots[o] === a && slots[o + 1] === b) return r;
      i = (i + 1) & mask;
    }
  }

  /** Set the row of a key pair. */
  set(a: number, b: number, row: number): void {
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    const { mask, slots } = this;
    let i = a & mask;
    for (;;) {
      const o = i * 3;
      if (slots[o + 2] < 0) { slots[o] = a; slots[o + 1] = b; slots[o + 2] = row; this.size++; return; }
      if (slots[o] === a && slots[o + 1] === b) { slots[o + 2] = row; return; }
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    const cap = (this.mask + 1) * 2;
    this.mask = cap - 1;
    this.slots = FeatureTable.empty(cap);
    this.size = 0;
    for (let o = 0; o < old.length; o += 3) if (old[o + 2] >= 0) this.set(old[o], old[o + 1], old[o + 2]);
  }
}

/** The weights of one pass: feature names, their key pairs, and a row of NT weights per feature. */
export class PassWeights {
  constructor(readonly names: string[], readonly ka: Int32Array, readonly kb: Int32Array, readonly weights: Float32Array) {}

  /** The weights file text: features sorted by name. */
  toTsv(): string {
    const order = this.names.map((_, i) => i).sort((x, y) => (this.names[x] < this.names[y] ? -1 : this.names[x] > this.names[y] ? 1 : 0));
    const lines: string[] = [];
    for (const r of order) {
      const parts: string[] = [];
      for (let t = 0; t < NT; t++) {
        const v = Math.round(this.weights[r * NT + t] * 1000) / 1000;
        if (v !== 0) parts.push(`${t}:${v}`);
      }
      if (parts.length) lines.push(`${this.names[r]}\t${parts.join(' ')}`);
    }
    return lines.join('\n') + '\n';
  }

  /** Parse a weights file. */
  static fromTsv(text: string, file: string): PassWeights {
    const names: string[] = [];
    let ka = new Int32Array(1 << 16);
    let kb = new Int32Array(1 << 16);
    let weights = new Float32Array(NT << 16);
    let pos = 0;
    let line = 0;
    while (pos < text.length) {
      let nl = text.indexOf('\n', pos);
      if (nl < 0) nl = text.length;
      line++;
      if (nl > pos) {
        const cols = text.slice(pos, nl).split('\t');
        const t = TEMPLATE_INDEX.get(cols[0]);
        if (t === undefined || cols.length !== TEMPLATES[t][1] + 2) throw new Error(`${file}: line ${line}: not a feature line of ${FEATURE_SET}`);
        const r = names.length;
        names.push(cols.slice(0, -1).join('\t'));
        if (r >= ka.length) {
          const a2 = new Int32Array(ka.length * 2); a2.set(ka); ka = a2;
          const b2 = new Int32Array(kb.length * 2); b2.set(kb); kb = b2;
          const w2 = new Float32Array(weights.length * 2); w2.set(weights); weights = w2;
        }
        [ka[r], kb[r]] = featureKey(t, cols.slice(1, -1));
        for (const p of cols[cols.length - 1].split(' ')) {
          const c = p.indexOf(':');
          const tag = Number(p.slice(0, c));
          const v = Number(p.slice(c + 1));
          if (!(tag >= 0 && tag < NT) || !Number.isFinite(v)) throw new Error(`${file}: line ${line}: bad weight "${p}"`);
          weights[r * NT + tag] = v;
        }
      }
      pos = nl + 1;
    }
    const n = names.length;
    return new PassWeights(names, ka.slice(0, n), kb.slice(0, n), weights.slice(0, n * NT));
  }
}

/** Learner hooks for the decoder: the gold tags, and the update called on every token (trainer only). */
interface Learner {
  gold: readonly (readonly string[])[];
  step(sink: FeatureSink, staticEnd: number, gold: number, guess: number): void;
}

/**
 * Scores the features in a sink for token `g` (its index in the document). `staticEnd`: the
 * static features are `[0, staticEnd)` of the sink (none when the decoder was told to skip them).
 */
interface Scorer {
  score(sink: FeatureSink, staticEnd: number, g: number, out: Float64Array): void;
}

/**
 * The one decoder: tag every sentence of a prepared document in order, greedily, under BILOU
 * constraints, with the second-pass features when `pass2`, and the static features unless
 * `skipStatic` (the scorer then knows their scores already). With a learner, each token's
 * features, gold tag and guess go to `learner.step` (which updates the weights); the guess is
 * kept as history, as at prediction time.
 */
function decode(doc: PreparedSentence[], pass2: boolean, skipStatic: boolean, scorer: Scorer, learner: Learner | null, sink: FeatureSink): string[][] {
  const history = new History();
  const scores = new Float64Array(NT);
  const out: string[][] = [];
  let g = 0;
  for (let si = 0; si < doc.length; si++) {
    const s = doc[si];
    const tags = new Array<string>(s.n);
    let prev = START_TAG;
    let prev2 = START_TAG;
    for (let i = 0; i < s.n; i++, g++) {
      sink.reset();
      if (!skipStatic) staticFeatures(s, i, sink);
      const staticEnd = sink.n;
      if (pass2) stage2Features(s, i, sink);
      const hw = historyWord(s, i);
      dynamicFeatures(s, i, prev, prev2, hw ? history.value(s.lower[i]) : HISTORY_UNTRACKED, sink);
      scores.fill(0);
      scorer.score(sink, staticEnd, g, scores);
      const last = i === s.n - 1;
      const base = (prev === START_TAG ? NT : prev) * NT;
      let best = -1;
      let bestScore = -Infinity;
      for (let t = 0; t < NT; t++) {
        if (!ALLOWED[base + t] || (last && !CLOSES[t])) continue;
        if (scores[t] > bestScore) { bestScore = scores[t]; best = t; }
      }
      if (learner) {
        const gold = TAG_INDEX.get(learner.gold[si][i]);
        if (gold === undefined) throw new Error(`unknown tag ${learner.gold[si][i]}`);
        learner.step(sink, staticEnd, gold, best);
      }
      tags[i] = BILOU_TAGS[best];
      if (hw) history.add(s.lower[i], tags[i]);
      prev2 = prev;
      prev = best;
    }
    out.push(tags);
  }
  return out;
}

const DYNAMIC = templateMask(['t-1', 't-2|t-1', 't-1|l', 't-1|ss', 'ph', 'ph|ss']);

const ALL = TEMPLATES.map(([n]) => n);
/** Default templates: pass 1 all but the stage-2 ones; pass 2 all. */
export const DEFAULT_TEMPLATES: [string[], string[]] = [ALL.filter((n) => !STAGE2_TEMPLATES.includes(n)), ALL];

/** A trained model: two passes of weights, the gazetteer, the config. */
/**
 * The weights of both passes for prediction, laid out for few cache misses: an open-addressing
 * table whose slot holds the feature's two keys, the offset of its weights and the counts of its
 * pass-1 and pass-2 weights; the weights are (tag, value) pairs side by side in one array.
 */
/** One type-cache row: TYPE_ROLES roles × both passes × NT tags. */
const TYPE_BLOCK = TYPE_ROLES * 2 * NT;
/** Word types kept in the type cache before it starts over. */
const TYPE_CACHE_MAX = 1 << 15;

/** Weights (scaled so that the largest is 100, 3 decimals) are held as 16-bit integers: weight × Q. */
const Q = 300;

class SparseWeights {
  readonly mask: number;
  /** Slots of 4: key a, key b, entry offset (-1: empty), (pass-1 count << 8) | pass-2 count. */
  readonly slots: Int32Array;
  /**
   * Entries, one 32-bit word each: tag index in the high 16 bits, weight × Q as a signed 16-bit
   * integer in the low 16 bits; a feature's pass-1 entries first, then its pass-2 entries.
   */
  readonly entries: Int32Array;

  constructor(pass1: PassWeights, pass2: PassWeights | null) {
    const n2 = pass2?.names.length ?? 0;
    const index = new FeatureTable(pass1.names.length + n2);
    const src: Array<[number, number]> = [];
    for (let r = 0; r < pass1.names.length; r++) { index.set(pass1.ka[r], pass1.kb[r], src.length); src.push([r, -1]); }
    const keys: Array<[number, number]> = src.map(([r]) => [pass1.ka[r], pass1.kb[r]]);
    for (let r = 0; r < n2; r++) {
      const p2 = pass2!;
      let row = index.get(p2.ka[r], p2.kb[r]);
      if (row < 0) { row = src.length; index.set(p2.ka[r], p2.kb[r], row); src.push([-1, -1]); keys.push([p2.ka[r], p2.kb[r]]); }
      src[row][1] = r;
    }
    let cap = 1024;
    while (cap * 0.6 < src.length) cap <<= 1;
    this.mask = cap - 1;
    this.slots = new Int32Array(cap * 4);
    for (let i = 2; i < this.slots.length; i += 4) this.slots[i] = -1;
    const nz = (p: PassWeights | null, r: number): number[] => {
      const out: number[] = [];
      if (p && r >= 0) {
        for (let t = 0; t < NT; t++) {
          const q = Math.max(-32767, Math.min(32767, Math.round(p.weights[r * NT + t] * Q)));
          if (q !== 0) out.push((t << 16) | (q & 0xffff));
        }
      }
      return out;
    };
    const all: number[] = [];
    src.forEach(([r1, r2], row) => {
      const e1 = nz(pass1, r1);
      const e2 = nz(pass2, r2);
      const [ka, kb] = keys[row];
      let i = ka & this.mask;
      while (this.slots[i * 4 + 2] >= 0) i = (i + 1) & this.mask;
      this.slots[i * 4] = ka;
      this.slots[i * 4 + 1] = kb;
      this.slots[i * 4 + 2] = all.length;
      this.slots[i * 4 + 3] = (e1.length << 8) | e2.length;
      for (const v of e1) all.push(v);
      for (const v of e2) all.push(v);
    });
    this.entries = Int32Array.from(all);
  }
}

/** A trained model: two passes of weights, the gazetteer, the config. */
export class NerModel {
  private readonly sink = new FeatureSink();
  private readonly sparse: SparseWeights;
  private staticCache = new Float64Array(NT * 4096);
  /** Summed weights of the single-token templates, per word type and role (both passes): see TYPE_TEMPLATES. */
  private types = new FeatureTable(1 << 12);
  private typeBlocks = new Float32Array(TYPE_BLOCK * 1024);
  private typeSink = new FeatureSink();
  private typeStatic = new Float64Array(2 * NT * 4096);
  /** Pass 1 extracts the static features of both passes; pass 2 only its own others. */
  private readonly mask1: Uint8Array;
  private readonly mask2: Uint8Array;

  constructor(
    readonly config: NerConfig,
    readonly gazetteer: Gazetteer,
    readonly pass1: PassWeights,
    readonly pass2: PassWeights | null,
  ) {
    const m1 = templateMask(config.templates[0]);
    const m2 = templateMask(config.templates[1]);
    const s2 = templateMask(STAGE2_TEMPLATES);
    this.mask1 = m1.map((v, t) => (v || (m2[t] && !s2[t] && !DYNAMIC[t]) ? 1 : 0));
    this.mask2 = m2.map((v, t) => (v && (s2[t] || DYNAMIC[t]) ? 1 : 0));
    this.sparse = new SparseWeights(pass1, pass2);
    this.typeSink.mask = this.mask1.map((v, t) => (v && TYPE_MASK[t] ? 1 : 0));
    this.mask1 = this.mask1.map((v, t) => (v && !TYPE_MASK[t] ? 1 : 0));
  }

  /** Empty the per-word-type score cache (benchmarks start cold with it). Predictions do not change. */
  resetCache(): void {
    this.types = new FeatureTable(1 << 12);
  }

  /** Add the weights (both passes) of the features in `sink` into `block` at `o` (pass 1) and `o + NT` (pass 2). */
  private addSink(sink: FeatureSink, block: Float32Array, o: number): void {
    const { mask, slots, entries } = this.sparse;
    for (let f = 0; f < sink.n; f++) {
      const a = sink.ka[f];
      const b = sink.kb[f];
      let i = a & mask;
      for (;;) {
        const q = i << 2;
        const e = slots[q + 2];
        if (e < 0) break;
        if (slots[q] === a && slots[q + 1] === b) {
          const counts = slots[q + 3];
          const m = e + (counts >>> 8);
          const end = m + (counts & 0xff);
          for (let k = e; k < m; k++) { const x = entries[k]; block[o + (x >>> 16)] += (x << 16) >> 16; }
          for (let k = m; k < end; k++) { const x = entries[k]; block[o + NT + (x >>> 16)] += (x << 16) >> 16; }
          break;
        }
        i = (i + 1) & mask;
      }
    }
  }

  /** The row of the word type at column `k` of `s` in the type cache, computed on first sight. */
  private typeRow(s: PreparedSentence, k: number): number {
    const [a, b] = typeKey(s, k);
    let r = this.types.get(a, b);
    if (r >= 0) return r;
    r = this.types.size;
    this.types.set(a, b, r);
    if ((r + 1) * TYPE_BLOCK > this.typeBlocks.length) {
      const grown = new Float32Array((r + 1) * 2 * TYPE_BLOCK);
      grown.set(this.typeBlocks);
      this.typeBlocks = grown;
    }
    const o = r * TYPE_BLOCK;
    this.typeBlocks.fill(0, o, o + TYPE_BLOCK);
    for (let role = 0; role < TYPE_ROLES; role++) {
      this.typeSink.reset();
      typeFeatures(s, k, role, this.typeSink);
      this.addSink(this.typeSink, this.typeBlocks, o + role * 2 * NT);
    }
    return r;
  }

  /** Scores (both passes, 2·NT per token) of the single-token templates for every token of a document. */
  private typeScores(doc: PreparedSentence[], n: number): Float64Array {
    if (this.typeStatic.length < n * 2 * NT) this.typeStatic = new Float64Array(n * 4 * NT);
    const out = this.typeStatic;
    const W = 2 * NT;
    // Start the cache over between documents when it is full (never inside one: rows must stay put).
    if (this.types.size + n + 4 * doc.length > TYPE_CACHE_MAX) this.types = new FeatureTable(1 << 12);
    let g = 0;
    const rows = new Int32Array(256);
    for (const s of doc) {
      let rowsOf = rows;
      if (s.n + 4 > rowsOf.length) rowsOf = new Int32Array(s.n + 4);
      for (let k = 0; k < s.n + 4; k++) rowsOf[k] = this.typeRow(s, k);
      const blocks = this.typeBlocks;
      for (let i = 0; i < s.n; i++, g++) {
        const k = i + 2;
        const o = g * W;
        const self = rowsOf[k] * TYPE_BLOCK;
        const l1 = rowsOf[k - 1] * TYPE_BLOCK + W;
        const l2 = rowsOf[k - 2] * TYPE_BLOCK + 2 * W;
        const r1 = rowsOf[k + 1] * TYPE_BLOCK + 3 * W;
        const r2 = rowsOf[k + 2] * TYPE_BLOCK + 4 * W;
        for (let t = 0; t < W; t++) out[o + t] = blocks[self + t] + blocks[l1 + t] + blocks[l2 + t] + blocks[r1 + t] + blocks[r2 + t];
      }
    }
    return out;
  }

  /**
   * The same model without its second pass: about 1.4 times faster, about 0.2 F1 points lower on
   * CoNLL dev (see models/ner/MODEL_CARD.md). For throughput-bound runs.
   */
  firstPassOnly(): NerModel {
    // (a new model object: its own caches)
    return this.pass2 ? new NerModel(this.config, this.gazetteer, this.pass1, null) : this;
  }

  /** Number of weighted features (both passes). */
  get featureCount(): number {
    return this.pass1.names.length + (this.pass2?.names.length ?? 0);
  }

  /** Predict BILOU tags for the sentences (NER tokens with POS) of one document. Pure. */
  predictDocument(sentences: readonly (readonly NerToken[])[]): string[][] {
    const doc = prepareDocument(sentences, this.gazetteer);
    let n = 0;
    for (const s of doc) n += s.n;
    if (this.staticCache.length < n * NT) this.staticCache = new Float64Array(n * NT * 2);
    const cache = this.staticCache;
    const { mask, slots, entries } = this.sparse;
    const two = this.pass2 !== null;
    const pre = this.typeScores(doc, n);
    // Pass 1 scores the static features of both passes, keeping pass 2's for later.
    const pass1: Scorer = {
      score(sink, staticEnd, g, out) {
        const c = g * NT;
        const p = 2 * g * NT;
        for (let t = 0; t < NT; t++) out[t] += pre[p + t];
        if (two) for (let t = 0; t < NT; t++) cache[c + t] = pre[p + NT + t];
        const ka = sink.ka;
        const kb = sink.kb;
        for (let f = 0; f < sink.n; f++) {
          const a = ka[f];
          const b = kb[f];
          let i = a & mask;
          for (;;) {
            const o = i << 2;
            const e = slots[o + 2];
            if (e < 0) break;
            if (slots[o] === a && slots[o + 1] === b) {
              const counts = slots[o + 3];
              const m = e + (counts >>> 8);
              for (let k = e; k < m; k++) { const x = entries[k]; out[x >>> 16] += (x << 16) >> 16; }
              if (two && f < staticEnd) {
                const end = m + (counts & 0xff);
                for (let k = m; k < end; k++) { const x = entries[k]; cache[c + (x >>> 16)] += (x << 16) >> 16; }
              }
              break;
            }
            i = (i + 1) & mask;
          }
        }
      },
    };
    this.sink.mask = this.mask1;
    const first = decode(doc, false, false, pass1, null, this.sink);
    if (!two) return first;
    addStage1(doc, first);
    const pass2: Scorer = {
      score(sink, _staticEnd, g, out) {
        const c = g * NT;
        for (let t = 0; t < NT; t++) out[t] += cache[c + t];
        const ka = sink.ka;
        const kb = sink.kb;
        for (let f = 0; f < sink.n; f++) {
          const a = ka[f];
          const b = kb[f];
          let i = a & mask;
          for (;;) {
            const o = i << 2;
            const e = slots[o + 2];
            if (e < 0) break;
            if (slots[o] === a && slots[o + 1] === b) {
              const counts = slots[o + 3];
              const m = e + (counts >>> 8);
              const end = m + (counts & 0xff);
              for (let k = m; k < end; k++) { const x = entries[k]; out[x >>> 16] += (x << 16) >> 16; }
              break;
            }
            i = (i + 1) & mask;
          }
        }
      },
    };
    this.sink.mask = this.mask2;
    return decode(doc, true, true, pass2, null, this.sink);
  }

  /** Write config.json, the weights files and gazetteer.tsv into `dir` (meta.json is the trainer's). */
  save(dir: string): { weightsBytes: number } {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'config.json'), JSON.stringify(this.config, null, 2) + '\n');
    let bytes = 0;
    [this.pass1, this.pass2].forEach((p, k) => {
      const text = p ? p.toTsv() : '';
      bytes += Buffer.byteLength(text);
      writeFileSync(join(dir, this.config.weightsFiles[k]), text);
    });
    writeFileSync(join(dir, this.config.gazetteerFile), this.gazetteer.entries().map(([n, c]) => `${n}\t${c}`).join('\n') + '\n');
    return { weightsBytes: bytes };
  }

  /** Read a model folder written by `save`. Throws an Error naming the file and the fix. */
  static load(dir: string): NerModel {
    const read = (f: string): string => {
      try {
        return readFileSync(join(dir, f), 'utf8');
      } catch (e) {
        throw new Error(`${join(dir, f)}: cannot read NER model file (${(e as NodeJS.ErrnoException).code ?? e}); train one with \`npm run train:ner\``);
      }
    };
    let config: NerConfig;
    try {
      config = JSON.parse(read('config.json')) as NerConfig;
    } catch (e) {
      throw new Error(`${join(dir, 'config.json')}: not valid JSON (${(e as Error).message})`);
    }
    if (config.featureSet !== FEATURE_SET) throw new Error(`${join(dir, 'config.json')}: feature set ${config.featureSet}, this code reads ${FEATURE_SET}; retrain with \`npm run train:ner\``);
    if (config.tags?.join(' ') !== BILOU_TAGS.join(' ')) throw new Error(`${join(dir, 'config.json')}: unexpected tag set`);
    const gazetteer = new Gazetteer(read(config.gazetteerFile).split('\n').filter(Boolean).map((l) => {
      const tab = l.indexOf('\t');
      return [l.slice(0, tab), l.slice(tab + 1)] as [string, string];
    }));
    const pass1 = PassWeights.fromTsv(read(config.weightsFiles[0]), join(dir, config.weightsFiles[0]));
    const t2 = read(config.weightsFiles[1]);
    const pass2 = t2.trim() ? PassWeights.fromTsv(t2, join(dir, config.weightsFiles[1])) : null;
    return new NerModel(config, gazetteer, pass1, pass2);
  }
}

/** Decode a prepared document with one pass's weights (used for the jackknifed first-pass tags). */
function decodeWith(doc: PreparedSentence[], p: PassWeights, mask: Uint8Array): string[][] {
  const table = new FeatureTable(p.names.length);
  for (let r = 0; r < p.names.length; r++) table.set(p.ka[r], p.kb[r], r);
  const scorer: Scorer = {
    score(sink, _e, _g, out) {
      for (let f = 0; f < sink.n; f++) {
        const r = table.get(sink.ka[f], sink.kb[f]);
        if (r < 0) continue;
        for (let t = 0; t < NT; t++) out[t] += p.weights[r * NT + t];
      }
    },
  };
  const sink = new FeatureSink();
  sink.mask = mask;
  return decode(doc, false, false, scorer, null, sink);
}

// ---------------------------------------------------------------- training

/** One training document: sentences of NER tokens with their gold BILOU tags. */
export interface TrainDocument {
  sentences: NerToken[][];
  tags: string[][];
}

/** Options of `trainNerModel`. */
export interface TrainOptions {
  /** Epochs of each pass. */
  epochs: number;
  /** Seed of the document shuffle: the same data, options and seed give the same model. */
  seed: number;
  gazetteer: Gazetteer;
  /** Train the second pass (default true). */
  twoPass?: boolean;
  /** Folds for the jackknifed first-pass tags the second pass learns from (default 4). */
  folds?: number;
  /** Feature templates of the two passes (default DEFAULT_TEMPLATES). */
  templates?: [string[], string[]];
  /** Static features seen fewer times than this in the training documents get no weight (default 1: all). */
  minCount?: number;
  /** Weights whose absolute value (after scaling the largest to 100) is below this are dropped (default 0.01). */
  prune?: number;
  /** Progress: called after each epoch; `model()` gives the averaged model of that moment. */
  onEpoch?: (info: { phase: string; epoch: number; errors: number; tokens: number; model: () => NerModel }) => void;
}

/** Mulberry32: a small seeded PRNG for a reproducible shuffle. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CONFIG = (templates: [string[], string[]]): NerConfig => ({
  name: 'steppe-ner-conll03-en',
  featureSet: FEATURE_SET,
  decoder: 'greedy-bilou-2pass',
  tags: BILOU_TAGS,
  templates,
  weightsFiles: ['weights-1.tsv', 'weights-2.tsv'],
  gazetteerFile: 'gazetteer.tsv',
});

/** Train one pass (an averaged perceptron) on prepared documents. */
function trainPass(
  docs: PreparedSentence[][], gold: TrainDocument[], pass2: boolean, mask: Uint8Array, opts: TrainOptions, phase: string,
  wrap: (p: PassWeights) => NerModel,
): PassWeights {
  const table = new FeatureTable(1 << 18);
  const names: string[] = [];
  // How often each static feature occurs in the training documents (for the frequency cut-off).
  const minCount = opts.minCount ?? 1;
  const counted = new FeatureTable(1 << 20);
  let counts = new Int32Array(1 << 20);
  if (minCount > 1) {
    const sk = new FeatureSink();
    sk.mask = mask;
    let n = 0;
    for (const doc of docs) {
      for (const s of doc) {
        for (let i = 0; i < s.n; i++) {
          sk.reset();
          staticFeatures(s, i, sk);
          if (pass2) stage2Features(s, i, sk);
          for (let f = 0; f < sk.n; f++) {
            let c = counted.get(sk.ka[f], sk.kb[f]);
            if (c < 0) {
              c = n++;
              counted.set(sk.ka[f], sk.kb[f], c);
              if (c >= counts.length) { const c2 = new Int32Array(counts.length * 2); c2.set(counts); counts = c2; }
            }
            counts[c]++;
          }
        }
      }
    }
  }
  let cap = 1 << 16;
  let w: Float64Array = new Float64Array(cap * NT);
  let tot: Float64Array = new Float64Array(cap * NT);
  let ts: Float64Array = new Float64Array(cap * NT);
  let step = 0;
  const live: Scorer = {
    score(sink, _staticEnd, _g, out) {
      for (let f = 0; f < sink.n; f++) {
        const r = table.get(sink.ka[f], sink.kb[f]);
        if (r < 0) continue;
        const o = r * NT;
        for (let t = 0; t < NT; t++) out[t] += w[o + t];
      }
    },
  };
  const bump = (k: number, d: number): void => {
    tot[k] += (step - ts[k]) * w[k];
    ts[k] = step;
    w[k] += d;
  };
  const learner = (g: TrainDocument): Learner => ({
    gold: g.tags,
    step(sink, staticEnd, goldTag, guess) {
      step++;
      stats.tokens++;
      if (goldTag === guess) return;
      stats.errors++;
      for (let f = 0; f < sink.n; f++) {
        let r = table.get(sink.ka[f], sink.kb[f]);
        if (r < 0) {
          if (f < staticEnd && minCount > 1) {
            const c = counted.get(sink.ka[f], sink.kb[f]);
            if (c < 0 || counts[c] < minCount) continue;
          }
          r = names.length;
          names.push(sink.name(f));
          table.set(sink.ka[f], sink.kb[f], r);
          if (names.length > cap) {
            cap *= 2;
            const grow = (a: Float64Array): Float64Array => { const b = new Float64Array(cap * NT); b.set(a); return b; };
            w = grow(w); tot = grow(tot); ts = grow(ts);
          }
        }
        bump(r * NT + goldTag, 1);
        bump(r * NT + guess, -1);
      }
    },
  });

  const averaged = (): PassWeights => {
    const n = names.length;
    const T = Math.max(1, step);
    const avg = new Float64Array(n * NT);
    let max = 0;
    for (let k = 0; k < n * NT; k++) {
      const v = (tot[k] + (step - ts[k]) * w[k]) / T;
      avg[k] = v;
      if (Math.abs(v) > max) max = Math.abs(v);
    }
    const scale = max > 0 ? 100 / max : 1;
    const prune = opts.prune ?? 0.01;
    const keptNames: string[] = [];
    const out = new Table2();
    const vals = new Float64Array(NT);
    for (let r = 0; r < n; r++) {
      let any = false;
      for (let t = 0; t < NT; t++) {
        let v = Math.round(avg[r * NT + t] * scale * 1000) / 1000;
        if (Math.abs(v) < prune) v = 0;
        vals[t] = v;
        if (v !== 0) any = true;
      }
      if (!any || /[\n\r]/.test(names[r])) continue;
      keptNames.push(names[r]);
      out.push(vals);
    }
    const ka = new Int32Array(keptNames.length);
    const kb = new Int32Array(keptNames.length);
    keptNames.forEach((nm, r) => {
      const cols = nm.split('\t');
      [ka[r], kb[r]] = featureKey(TEMPLATE_INDEX.get(cols[0])!, cols.slice(1));
    });
    return new PassWeights(keptNames, ka, kb, out.array());
  };

  const stats = { errors: 0, tokens: 0 };
  const random = rng(opts.seed);
  const order = docs.map((_, i) => i);
  const sink = new FeatureSink();
  sink.mask = mask;
  sink.keepNames = true;
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    stats.errors = 0;
    stats.tokens = 0;
    for (const di of order) decode(docs[di], pass2, false, live, learner(gold[di]), sink);
    opts.onEpoch?.({ phase, epoch, errors: stats.errors, tokens: stats.tokens, model: () => wrap(averaged()) });
  }
  return averaged();
}

/** A growable Float32 matrix of NT columns. */
class Table2 {
  private data = new Float32Array(NT * 1024);
  private rows = 0;
  push(vals: Float64Array): void {
    if ((this.rows + 1) * NT > this.data.length) { const d = new Float32Array(this.data.length * 2); d.set(this.data); this.data = d; }
    this.data.set(vals, this.rows * NT);
    this.rows++;
  }
  array(): Float32Array { return this.data.slice(0, this.rows * NT); }
}

/** Train the model (first pass, and by default the second) on documents; deterministic for a seed. */
export function trainNerModel(docs: TrainDocument[], opts: TrainOptions): NerModel {
  const twoPass = opts.twoPass ?? true;
  const templates = opts.templates ?? DEFAULT_TEMPLATES;
  const config = CONFIG([templates[0].slice(), templates[1].slice()]);
  const mask1 = templateMask(templates[0]);
  const mask2 = templateMask(templates[1]);
  const prepared = docs.map((d) => prepareDocument(d.sentences, opts.gazetteer));
  if (!twoPass) {
    const p1 = trainPass(prepared, docs, false, mask1, opts, 'pass 1', (p) => new NerModel(config, opts.gazetteer, p, null));
    return new NerModel(config, opts.gazetteer, p1, null);
  }
  // Jackknife: first-pass tags of each fold from a first pass trained on the other folds.
  const folds = Math.max(2, opts.folds ?? 4);
  const stage1: string[][][] = new Array(docs.length);
  for (let k = 0; k < folds; k++) {
    const idx = docs.map((_, i) => i).filter((i) => i % folds !== k);
    const p = trainPass(idx.map((i) => prepared[i]), idx.map((i) => docs[i]), false, mask1, { ...opts, onEpoch: undefined }, `fold ${k + 1}/${folds}`, () => { throw new Error('unused'); });
    for (let i = k; i < docs.length; i += folds) stage1[i] = decodeWith(prepared[i], p, mask1);
    opts.onEpoch?.({ phase: `fold ${k + 1}/${folds}`, epoch: opts.epochs, errors: 0, tokens: 0, model: () => { throw new Error('fold models are not kept'); } });
  }
  const pass1 = trainPass(prepared, docs, false, mask1, opts, 'pass 1', (p) => new NerModel(config, opts.gazetteer, p, null));
  prepared.forEach((doc, i) => addStage1(doc, stage1[i]));
  const pass2 = trainPass(prepared, docs, true, mask2, opts, 'pass 2', (p) => new NerModel(config, opts.gazetteer, pass1, p));
  return new NerModel(config, opts.gazetteer, pass1, pass2);
}
