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
 * passes (behind a small Bloom filter, in batches so that cache misses overlap), and caches summed
 * weights: per word type for the templates that read one token (`TYPE_TEMPLATES`), and per value
 * combination for small-vocabulary template groups (POS/shape/casing n-grams, the second pass's
 * first-pass features, previous tags and history). The static features of a sentence are scored
 * before decoding; the decoder then looks up only `t-1|l` per token and pass. The caches never
 * change a prediction: `predictDocumentReference` looks every feature up and gives the same tags.
 * Training keeps dense rows and the features' readable names.
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
  TYPE_MASK, TYPE_ROLES, CONTEXT_TEMPLATES, DYNAMIC_GROUP_TEMPLATES, addStage1, contextKey, dynamicFeatures, dynamicKey,
  featureKey, historyWord, prepareDocument, stage2Features, stage2Key, staticFeatures, templateMask, typeFeatures, typeKey,
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
  /**
   * Add the scores of token `g` into `out`. `s`, `i`: its sentence and index there; `prev`,
   * `prev2`: the two previous tags (indices into TAG_VALUES); `history`: its history value (index
   * into HISTORY_VALUES) — for scorers that cache the dynamic templates instead of extracting them.
   */
  score(sink: FeatureSink, staticEnd: number, g: number, out: Float64Array, s: PreparedSentence, i: number, prev: number, prev2: number, history: number): void;
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
      const hv = hw ? history.value(s.lower[i]) : HISTORY_UNTRACKED;
      dynamicFeatures(s, i, prev, prev2, hv, sink);
      scores.fill(0);
      scorer.score(sink, staticEnd, g, scores, s, i, prev, prev2, hv);
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
  /**
   * A one-hash Bloom filter over the features' first keys (bit `a >>> 12`, 2^20 bits = 128 kB, so
   * that it stays in a core's cache): most features looked up at prediction are absent from the
   * model (word bigrams, rare words), and the filter turns most of those lookups into one cached
   * read instead of a probe of the large table. A set bit proves nothing; the table decides.
   */
  readonly filter = new Int32Array(1 << 15);

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
      this.filter[ka >>> 17] |= 1 << ((ka >>> 12) & 31);
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

  /** Per feature of the last `resolve`: offset of its entries in `entries`, or -1 when the model lacks it. */
  off = new Int32Array(256);
  /** Per feature of the last `resolve`: (pass-1 count << 8) | pass-2 count. */
  cnt = new Int32Array(256);
  /** Sink of the loads that only warm the cache (kept so that they are not optimized away). */
  private warm = 0;

  /**
   * Find the features `[0, n)` of key arrays `ka`, `kb` in the table: fills `off` and `cnt`. Weights
   * are read from memory that is mostly not in the CPU cache; the lookups are done in three sweeps
   * (filter and first slot, probes, first entry) so that the cache misses of different features
   * overlap instead of following one another.
   */
  resolve(ka: Int32Array, kb: Int32Array, n: number): void {
    if (n > this.off.length) { this.off = new Int32Array(n * 2); this.cnt = new Int32Array(n * 2); }
    const { mask, slots, entries, filter, off, cnt } = this;
    let warm = 0;
    for (let f = 0; f < n; f++) {
      const a = ka[f];
      if (((filter[a >>> 17] >>> ((a >>> 12) & 31)) & 1) === 0) { off[f] = -1; continue; }
      const i = a & mask;
      off[f] = i;
      warm ^= slots[(i << 2) + 2];
    }
    for (let f = 0; f < n; f++) {
      let i = off[f];
      if (i < 0) continue;
      const a = ka[f];
      const b = kb[f];
      let e = -1;
      for (;;) {
        const o = i << 2;
        const r = slots[o + 2];
        if (r < 0) break;
        if (slots[o] === a && slots[o + 1] === b) { e = r; cnt[f] = slots[o + 3]; break; }
        i = (i + 1) & mask;
      }
      off[f] = e;
      if (e >= 0) warm ^= entries[e];
    }
    this.warm ^= warm;
  }
}

/**
 * A cache of summed weights (both passes: a row is NT pass-1 sums, then NT pass-2 sums) of a group
 * of templates, keyed by the values the group reads. Rows are integer sums of weights × Q. When
 * full it starts over; an offset is valid until the next `create`.
 */
class RowCache {
  private table = new FeatureTable(1 << 10);
  rows = new Int32Array(2 * NT * 1024);
  private size = 0;
  constructor(private readonly max: number) {}

  /** Offset in `rows` of the row of key (a, b), or -1. */
  find(a: number, b: number): number {
    const r = this.table.get(a, b);
    return r < 0 ? -1 : r * 2 * NT;
  }

  /** A new zeroed row for key (a, b): its offset in `rows` (which this may reallocate). */
  create(a: number, b: number): number {
    if (this.size >= this.max) this.reset();
    const r = this.size++;
    this.table.set(a, b, r);
    if ((r + 1) * 2 * NT > this.rows.length) {
      const grown = new Int32Array(this.rows.length * 2);
      grown.set(this.rows);
      this.rows = grown;
    }
    const o = r * 2 * NT;
    this.rows.fill(0, o, o + 2 * NT);
    return o;
  }

  reset(): void {
    this.table = new FeatureTable(1 << 10);
    this.size = 0;
  }
}

/**
 * Template groups whose summed weights prediction caches by the values they read (the same sums
 * as looking each feature up; see `contextKey`, `stage2Key`, `dynamicKey`):
 *  - CONTEXT: bias and the POS, shape and casing n-grams around the token (static, both passes);
 *  - STAGE2: the second pass's first-pass tags and document aggregates;
 *  - DYNAMIC_GROUP: the previous tags and prediction history, alone and with the token's shape
 *    (`t-1|l`, which reads the word, is looked up at every token).
 */
const CONTEXT = templateMask(CONTEXT_TEMPLATES);
const STAGE2 = templateMask(STAGE2_TEMPLATES);
const DYNAMIC_GROUP = templateMask(DYNAMIC_GROUP_TEMPLATES);
/** Entries kept in each group cache before it starts over. */
const GROUP_CACHE_MAX = 1 << 14;

/** A trained model: two passes of weights, the gazetteer, the config. */
export class NerModel {
  private readonly sink = new FeatureSink();
  private readonly sparse: SparseWeights;
  /** Pass-2 static scores of each token of the document being tagged (NT per token). */
  private staticCache = new Float64Array(NT * 4096);
  /** Summed weights of the single-token templates, per word type and role (both passes): see TYPE_TEMPLATES. */
  private types = new FeatureTable(1 << 12);
  private typeBlocks = new Int32Array(TYPE_BLOCK * 1024);
  private readonly typeSink = new FeatureSink();
  private readonly key = new Int32Array(2);
  /** Scratch: per new word type, the sink offsets of its roles and its row (typeRows); per token, its first feature (staticScores). */
  private bounds = new Int32Array(64 * (TYPE_ROLES + 1));
  private starts = new Int32Array(256);
  private rowsOf = new Int32Array(256);
  /** Static scores (type rows and CONTEXT group) of each token, both passes (2·NT per token). */
  private typeStatic = new Float64Array(2 * NT * 4096);
  private readonly context = new RowCache(GROUP_CACHE_MAX);
  private readonly contextSink = new FeatureSink();
  private readonly stage2 = new RowCache(GROUP_CACHE_MAX);
  private readonly stage2Sink = new FeatureSink();
  private readonly dynamic = new RowCache(GROUP_CACHE_MAX);
  private readonly dynamicSink = new FeatureSink();
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
    const static1 = m1.map((v, t) => (v || (m2[t] && !s2[t] && !DYNAMIC[t]) ? 1 : 0));
    this.sparse = new SparseWeights(pass1, pass2);
    this.typeSink.mask = static1.map((v, t) => (v && TYPE_MASK[t] ? 1 : 0));
    this.contextSink.mask = static1.map((v, t) => (v && CONTEXT[t] ? 1 : 0));
    this.stage2Sink.mask = m2.map((v, t) => (v && STAGE2[t] ? 1 : 0));
    this.dynamicSink.mask = m1.map((v, t) => ((v || m2[t]) && DYNAMIC_GROUP[t] ? 1 : 0));
    this.mask1 = static1.map((v, t) => (v && !TYPE_MASK[t] && !CONTEXT[t] && !DYNAMIC_GROUP[t] ? 1 : 0));
    this.mask2 = m2.map((v, t) => (v && (s2[t] || DYNAMIC[t]) && !STAGE2[t] && !DYNAMIC_GROUP[t] ? 1 : 0));
  }

  /** Empty the per-word-type and template-group score caches (benchmarks start cold with them). Predictions do not change. */
  resetCache(): void {
    this.types = new FeatureTable(1 << 12);
    this.context.reset();
    this.stage2.reset();
    this.dynamic.reset();
  }

  /** Add the weights (both passes) of the features in `sink` into `block` at `o` (pass 1) and `o + NT` (pass 2). */
  private addSink(sink: FeatureSink, block: Int32Array, o: number): void {
    this.sparse.resolve(sink.ka, sink.kb, sink.n);
    this.addResolved(0, sink.n, block, o);
  }

  /**
   * Add the weights of the resolved features `[from, to)` (the last `sparse.resolve` batch) into
   * `block`: pass-1 weights at `o`, pass-2 weights at `o + NT`.
   */
  private addResolved(from: number, to: number, block: Int32Array, o: number): void {
    const { entries, off, cnt } = this.sparse;
    for (let f = from; f < to; f++) {
      const e = off[f];
      if (e < 0) continue;
      const counts = cnt[f];
      const m = e + (counts >>> 8);
      const end = m + (counts & 0xff);
      for (let k = e; k < m; k++) { const x = entries[k]; block[o + (x >>> 16)] += (x << 16) >> 16; }
      for (let k = m; k < end; k++) { const x = entries[k]; block[o + NT + (x >>> 16)] += (x << 16) >> 16; }
    }
  }

  /**
   * The type-cache rows of rows 0 … n+3 of sentence `s` into `rows`. Word types not seen before get
   * a row; their features are looked up together (one batch for the sentence).
   */
  private typeRows(s: PreparedSentence, rows: Int32Array): void {
    const sink = this.typeSink;
    sink.reset();
    let pending = 0;
    for (let k = 0; k < s.n + 4; k++) {
      typeKey(s, k, this.key);
      const a = this.key[0];
      const b = this.key[1];
      let r = this.types.get(a, b);
      if (r < 0) {
        r = this.types.size;
        this.types.set(a, b, r);
        if ((r + 1) * TYPE_BLOCK > this.typeBlocks.length) {
          const grown = new Int32Array((r + 1) * 2 * TYPE_BLOCK);
          grown.set(this.typeBlocks);
          this.typeBlocks = grown;
        }
        this.typeBlocks.fill(0, r * TYPE_BLOCK, (r + 1) * TYPE_BLOCK);
        if ((pending + 1) * (TYPE_ROLES + 1) > this.bounds.length) {
          const grown = new Int32Array(this.bounds.length * 2);
          grown.set(this.bounds);
          this.bounds = grown;
        }
        for (let role = 0; role < TYPE_ROLES; role++) {
          this.bounds[pending * (TYPE_ROLES + 1) + role] = sink.n;
          typeFeatures(s, k, role, sink);
        }
        this.bounds[pending * (TYPE_ROLES + 1) + TYPE_ROLES] = r;
        pending++;
      }
      rows[k] = r;
    }
    if (!pending) return;
    this.sparse.resolve(sink.ka, sink.kb, sink.n);
    const block = this.typeBlocks;
    const bd = this.bounds;
    for (let p = 0; p < pending; p++) {
      const base = bd[p * (TYPE_ROLES + 1) + TYPE_ROLES] * TYPE_BLOCK;
      for (let role = 0; role < TYPE_ROLES; role++) {
        const from = bd[p * (TYPE_ROLES + 1) + role];
        const to = role + 1 < TYPE_ROLES ? bd[p * (TYPE_ROLES + 1) + role + 1] : p + 1 < pending ? bd[(p + 1) * (TYPE_ROLES + 1)] : sink.n;
        this.addResolved(from, to, block, base + role * 2 * NT);
      }
    }
  }

  /** Offset in `this.context.rows` of the CONTEXT row of token `i` of `s`, computed on first sight. */
  private contextRow(s: PreparedSentence, i: number): number {
    contextKey(s, i + 2, this.key);
    let o = this.context.find(this.key[0], this.key[1]);
    if (o >= 0) return o;
    o = this.context.create(this.key[0], this.key[1]);
    this.contextSink.reset();
    staticFeatures(s, i, this.contextSink);
    this.addSink(this.contextSink, this.context.rows, o);
    return o;
  }

  /**
   * Static scores (both passes, 2·NT per token) of every token of a document: the single-token
   * templates from the word-type cache, the CONTEXT group from its cache, and the other static
   * features looked up one sentence at a time.
   */
  private staticScores(doc: PreparedSentence[], n: number): Float64Array {
    if (this.typeStatic.length < n * 2 * NT) this.typeStatic = new Float64Array(n * 4 * NT);
    const out = this.typeStatic;
    const W = 2 * NT;
    // Start the cache over between documents when it is full (never inside one: rows must stay put).
    if (this.types.size + n + 4 * doc.length > TYPE_CACHE_MAX) this.types = new FeatureTable(1 << 12);
    let g = 0;
    let rowsOf = this.rowsOf;
    const sink = this.sink;
    sink.mask = this.mask1;
    const sp = this.sparse;
    const entries = sp.entries;
    for (const s of doc) {
      if (s.n + 4 > rowsOf.length) rowsOf = this.rowsOf = new Int32Array(s.n * 2 + 4);
      this.typeRows(s, rowsOf);
      const blocks = this.typeBlocks;
      const g0 = g;
      for (let i = 0; i < s.n; i++, g++) {
        const k = i + 2;
        const o = g * W;
        const self = rowsOf[k] * TYPE_BLOCK;
        const l1 = rowsOf[k - 1] * TYPE_BLOCK + W;
        const l2 = rowsOf[k - 2] * TYPE_BLOCK + 2 * W;
        const r1 = rowsOf[k + 1] * TYPE_BLOCK + 3 * W;
        const r2 = rowsOf[k + 2] * TYPE_BLOCK + 4 * W;
        const c = this.contextRow(s, i);
        const crows = this.context.rows;
        for (let t = 0; t < W; t++) out[o + t] = blocks[self + t] + blocks[l1 + t] + blocks[l2 + t] + blocks[r1 + t] + blocks[r2 + t] + crows[c + t];
      }
      // the other static features of the sentence, in one batch
      sink.reset();
      const starts = this.starts.length > s.n ? this.starts : (this.starts = new Int32Array(s.n * 2 + 1));
      for (let i = 0; i < s.n; i++) { starts[i] = sink.n; staticFeatures(s, i, sink); }
      starts[s.n] = sink.n;
      sp.resolve(sink.ka, sink.kb, sink.n);
      const { off, cnt } = sp;
      for (let i = 0; i < s.n; i++) {
        const o = (g0 + i) * W;
        for (let f = starts[i]; f < starts[i + 1]; f++) {
          const e = off[f];
          if (e < 0) continue;
          const counts = cnt[f];
          const m = e + (counts >>> 8);
          const end = m + (counts & 0xff);
          for (let k = e; k < m; k++) { const x = entries[k]; out[o + (x >>> 16)] += (x << 16) >> 16; }
          for (let k = m; k < end; k++) { const x = entries[k]; out[o + NT + (x >>> 16)] += (x << 16) >> 16; }
        }
      }
    }
    return out;
  }

  /** Add the STAGE2 group's scores of every token (the document has been through `addStage1`) to `cache` (NT per token). */
  private stage2Scores(doc: PreparedSentence[], cache: Float64Array): void {
    let g = 0;
    for (const s of doc) {
      for (let i = 0; i < s.n; i++, g++) {
        stage2Key(s, i + 2, this.key);
        let o = this.stage2.find(this.key[0], this.key[1]);
        if (o < 0) {
          o = this.stage2.create(this.key[0], this.key[1]);
          this.stage2Sink.reset();
          stage2Features(s, i, this.stage2Sink);
          this.addSink(this.stage2Sink, this.stage2.rows, o);
        }
        const rows = this.stage2.rows;
        const c = g * NT;
        for (let t = 0; t < NT; t++) cache[c + t] += rows[o + NT + t];
      }
    }
  }

  /** Offset in `this.dynamic.rows` of the DYNAMIC_GROUP row of token `i` given the previous tags and history value. */
  private dynamicRow(s: PreparedSentence, i: number, prev: number, prev2: number, history: number): number {
    dynamicKey(s, i + 2, prev, prev2, history, this.key);
    let o = this.dynamic.find(this.key[0], this.key[1]);
    if (o >= 0) return o;
    o = this.dynamic.create(this.key[0], this.key[1]);
    this.dynamicSink.reset();
    dynamicFeatures(s, i, prev, prev2, history, this.dynamicSink);
    this.addSink(this.dynamicSink, this.dynamic.rows, o);
    return o;
  }

  /**
   * The same model without its second pass: faster, slightly lower F1 on CoNLL dev (see
   * models/ner/MODEL_CARD.md). For throughput-bound runs.
   */
  firstPassOnly(): NerModel {
    // (a new model object: its own caches)
    return this.pass2 ? new NerModel(this.config, this.gazetteer, this.pass1, null) : this;
  }

  /**
   * Reference prediction for tests: the same decoder and weights as `predictDocument`, but every
   * feature of every token is extracted and looked up, with no cache, filter or batching. Slow.
   * Gives the same tags as `predictDocument`.
   */
  predictDocumentReference(sentences: readonly (readonly NerToken[])[]): string[][] {
    const doc = prepareDocument(sentences, this.gazetteer);
    const { mask, slots, entries } = this.sparse;
    const scorer = (pass: 1 | 2): Scorer => ({
      score(sink, _staticEnd, _g, out) {
        for (let f = 0; f < sink.n; f++) {
          const a = sink.ka[f];
          const b = sink.kb[f];
          for (let i = a & mask; slots[(i << 2) + 2] >= 0; i = (i + 1) & mask) {
            const o = i << 2;
            if (slots[o] !== a || slots[o + 1] !== b) continue;
            const e = slots[o + 2];
            const counts = slots[o + 3];
            const from = pass === 1 ? e : e + (counts >>> 8);
            const to = pass === 1 ? e + (counts >>> 8) : from + (counts & 0xff);
            for (let k = from; k < to; k++) { const x = entries[k]; out[x >>> 16] += (x << 16) >> 16; }
            break;
          }
        }
      },
    });
    const sink = new FeatureSink();
    sink.mask = templateMask(this.config.templates[0]);
    const first = decode(doc, false, false, scorer(1), null, sink);
    if (!this.pass2) return first;
    addStage1(doc, first);
    sink.mask = templateMask(this.config.templates[1]);
    return decode(doc, true, false, scorer(2), null, sink);
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
    const sparse = this.sparse;
    const entries = sparse.entries;
    const two = this.pass2 !== null;
    const pre = this.staticScores(doc, n);
    const dynamic = this.dynamic;
    const dynamicRow = (s: PreparedSentence, i: number, prev: number, prev2: number, hv: number): number => this.dynamicRow(s, i, prev, prev2, hv);
    // Pass 1: static scores (both passes, computed above; pass 2's kept for later) and the dynamic features.
    const pass1: Scorer = {
      score(sink, _staticEnd, g, out, s, i, prev, prev2, hv) {
        const c = g * NT;
        const p = 2 * g * NT;
        const d = dynamicRow(s, i, prev, prev2, hv);
        const rows = dynamic.rows;
        for (let t = 0; t < NT; t++) out[t] += pre[p + t] + rows[d + t];
        if (two) for (let t = 0; t < NT; t++) cache[c + t] = pre[p + NT + t];
        sparse.resolve(sink.ka, sink.kb, sink.n);
        const { off, cnt } = sparse;
        for (let f = 0; f < sink.n; f++) {
          const e = off[f];
          if (e < 0) continue;
          const m = e + (cnt[f] >>> 8);
          for (let k = e; k < m; k++) { const x = entries[k]; out[x >>> 16] += (x << 16) >> 16; }
        }
      },
    };
    this.sink.mask = this.mask1;
    const first = decode(doc, false, true, pass1, null, this.sink);
    if (!two) return first;
    addStage1(doc, first);
    this.stage2Scores(doc, cache);
    const pass2: Scorer = {
      score(sink, _staticEnd, g, out, s, i, prev, prev2, hv) {
        const c = g * NT;
        const d = dynamicRow(s, i, prev, prev2, hv) + NT;
        const rows = dynamic.rows;
        for (let t = 0; t < NT; t++) out[t] += cache[c + t] + rows[d + t];
        sparse.resolve(sink.ka, sink.kb, sink.n);
        const { off, cnt } = sparse;
        for (let f = 0; f < sink.n; f++) {
          const e = off[f];
          if (e < 0) continue;
          const counts = cnt[f];
          const m = e + (counts >>> 8);
          const end = m + (counts & 0xff);
          for (let k = m; k < end; k++) { const x = entries[k]; out[x >>> 16] += (x << 16) >> 16; }
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
  const prepared = docs.map((d) => prepareDocument(d.sentences, opts.gazetteer, true));
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
