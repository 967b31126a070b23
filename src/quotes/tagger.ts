/**
 * The attribution tagger: a first-order linear-chain model over the tokens of a paragraph, tags
 * O / B-S / I-S / B-C / I-C / B-Q / I-Q (source, cue, content — PolNeAR's three span roles),
 * decoded with Viterbi under BIO constraints. Trained as a structured perceptron with averaged
 * weights (Collins 2002) by scripts/train-quotes.ts from PolNeAR train; features: features.ts.
 *
 * `predict` is pure (feature strings in, tags out); at inference the features are not built as
 * strings: `emissionSink` hashes them as features.ts `writeFeatures` writes them and sums the
 * weight rows into one array per document, and `decode` runs Viterbi over each paragraph of it
 * (same hashes and sums in the same order, so the same tags as `predict`). Turning tags into
 * quotes is attributions.ts.
 *
 * Model folder (models/quotes): `config.json` (tags, transition weights, feature count),
 * `weights.tsv` (one feature a line: `feature<TAB>tag:weight …`, weights rounded to 2 decimals,
 * weights below 1 in absolute value pruned), `meta.json` (data, date, scores, how to retrain), `README.md`
 * (model card).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import { fnvChar, fnvMore, type FeatureSink, type Prefix } from './features.js';

/** The tag set, in weight-column order. */
export const TAGS = ['O', 'B-S', 'I-S', 'B-C', 'I-C', 'B-Q', 'I-Q'] as const;
/** One tag. */
export type Tag = (typeof TAGS)[number];
const NT = TAGS.length;

/** Whether tag `b` may follow tag `a` (`a` = -1 at the start of a paragraph): I-X only after B-X or I-X. */
export function allowed(a: number, b: number): boolean {
  const tb = TAGS[b];
  if (!tb.startsWith('I-')) return true;
  if (a < 0) return false;
  return TAGS[a].slice(2) === tb.slice(2);
}

/** `allowed(a, b)` as a table: `ALLOWED[(a + 1) * NT + b]` (row 0 = start of a paragraph). */
const ALLOWED = Uint8Array.from({ length: (NT + 1) * NT }, (_, k) => (allowed(Math.floor(k / NT) - 1, k % NT) ? 1 : 0));

/** 32-bit FNV-1a hash of a string's UTF-16 code units, as a signed 32-bit integer (features.ts `fnvMore`). */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** 32-bit words per slot of `WeightTable`: the feature's hash, then its NT (7) tag weights. */
const SLOT = 8;

/**
 * The weight rows in an open-addressing table keyed by the feature's 32-bit hash, so that a
 * lookup hashes a feature string once and probes integers (a string-keyed Map was most of the
 * tagger's time). Two features of one model that share a hash keep the first row; a feature the
 * model does not know collides with a known one with probability (known features) / 2^32.
 * A slot holds the hash and the row itself (32 bytes, never across two 64-byte cache lines), so
 * that a lookup reads one cache line where a slot pointing to a row elsewhere read two. The table
 * is at most 61% full (a power of two: 262,144 slots, 8 MB, for the committed 159,830 features).
 * Hash 0 marks an empty slot; a feature whose hash is 0 gets a row of its own after the slots.
 */
class WeightTable {
  /** `keys[s * SLOT]`: the hash of slot s, 0 when empty (same memory as `data`). */
  readonly keys: Int32Array;
  /** The rows: `data[off + t]` is the weight of tag t (t < NT) of the row at offset `off` (`find`). */
  readonly data: Float32Array;
  readonly mask: number;
  /** Offset of the row of the feature whose hash is 0, or -1. */
  private zeroRow = -1;
  constructor(weights: Map<string, Float32Array>) {
    let size = 1024;
    while (size * 0.61 < weights.size) size *= 2;
    this.mask = size - 1;
    const buffer = new ArrayBuffer((size + 1) * SLOT * 4);
    this.keys = new Int32Array(buffer);
    this.data = new Float32Array(buffer);
    for (const [f, row] of weights) {
      const h = fnv1a(f);
      if (h === 0) {
        if (this.zeroRow < 0) { this.zeroRow = size * SLOT + 1; this.data.set(row, this.zeroRow); }
        continue;
      }
      let slot = h & this.mask;
      while (this.keys[slot * SLOT] !== 0 && this.keys[slot * SLOT] !== h) slot = (slot + 1) & this.mask;
      if (this.keys[slot * SLOT] === h) continue;
      this.keys[slot * SLOT] = h;
      this.data.set(row, slot * SLOT + 1);
    }
  }
  /** Row offset into `data` of a feature, or -1. */
  find(f: string): number {
    return this.findHash(fnv1a(f));
  }
  /** Row offset into `data` of the feature whose `fnv1a` hash is `h` (signed 32-bit), or -1. */
  findHash(h: number): number {
    if (h === 0) return this.zeroRow;
    const { keys, mask } = this;
    let slot = h & mask;
    for (;;) {
      const k = keys[slot * SLOT];
      if (k === h) return slot * SLOT + 1;
      if (k === 0) return -1;
      slot = (slot + 1) & mask;
    }
  }
}

/** A trained tagger: per-feature weight rows and transition weights. */
export class AttributionTagger {
  private readonly table: WeightTable;
  /**
   * `weights.get(feature)` is a row of NT weights; `transitions[(prev + 1) * NT + tag]`, prev = -1
   * at the start; `cues`: the cue lemmas the features were computed with (data/quotes/cues.yaml
   * plus lemmas that head gold cues often in the training data); `syntax`: the level of the
   * dependency features (features.ts `writeFeatures`: 0 none, 1 relation/head/cue ancestor/children,
   * 2 also the cue-ancestor transitions and the common ancestor with the nearest cue); from 1 on,
   * the tagger needs a parse; `syntaxCueSentences`: only the sentences holding a cue word get
   * dependency features (features.ts `cueSentences`), so only they need parsing. `outsideBias` is subtracted from the score of tag O at every token
   * when decoding (config.json `outsideBias`, chosen on the held-out tenth of train; 0 = plain
   * Viterbi): a larger value trades precision for recall.
   */
  constructor(readonly weights: Map<string, Float32Array>, readonly transitions: Float32Array, readonly cues: Set<string> = new Set(), readonly syntax = 0, readonly outsideBias = 0, readonly syntaxCueSentences = false) {
    this.table = new WeightTable(weights);
  }

  /** The best tag sequence (indices into TAGS) for one paragraph's token features. */
  predict(feats: string[][]): Uint8Array {
    const n = feats.length;
    const out = new Uint8Array(n);
    if (!n) return out;
    const emit = new Float64Array(n * NT);
    const { data } = this.table;
    for (let i = 0; i < n; i++) {
      for (const f of feats[i]) {
        const r = this.table.find(f);
        if (r < 0) continue;
        for (let t = 0; t < NT; t++) emit[i * NT + t] += data[r + t];
      }
      emit[i * NT] -= this.outsideBias;
    }
    return viterbi(emit, this.transitions, n);
  }

  /**
   * A feature sink (features.ts `writeFeatures`) for a document of `n` tokens that hashes each
   * feature as it comes (no string is built) and adds its weight row to `emit[i * NT + tag]`, in
   * the order `predict` does, so that `decode` gives exactly `predict`'s tags.
   */
  emissionSink(n: number): EmissionSink {
    return new EmissionSink(this.table, n);
  }

  /** The best tags of each token range `[start, end)` (a paragraph) under a sink's emissions; indexed like the document's tokens. */
  decode(sink: EmissionSink, ranges: Array<[number, number]>): Uint8Array {
    const tags = new Uint8Array(sink.emit.length / NT);
    if (this.outsideBias) for (let k = 0; k < sink.emit.length; k += NT) sink.emit[k] -= this.outsideBias;
    for (const [i, j] of ranges) if (j > i) tags.set(viterbi(sink.emit.subarray(i * NT, j * NT), this.transitions, j - i), i);
    return tags;
  }
}

/** Emission scores of a document's tokens, summed from hashed features (see `AttributionTagger.emissionSink`). */
export class EmissionSink implements FeatureSink {
  /** `emit[i * NT + t]`: the score of tag t at token i. */
  readonly emit: Float64Array;
  private base = 0;
  constructor(private readonly table: WeightTable, n: number) { this.emit = new Float64Array(n * NT); }
  /** Start token i. */
  token(i: number): void { this.base = i * NT; }
  private hit(h: number): void {
    const r = this.table.findHash(h);
    if (r < 0) return;
    const { emit } = this;
    const { data } = this.table;
    const b = this.base;
    for (let t = 0; t < NT; t++) emit[b + t] += data[r + t];
  }
  /** The feature `p.text`. */
  add(p: Prefix): void { this.hit(p.hash); }
  /** The feature `p.text + a`. */
  add1(p: Prefix, a: string): void { this.hit(fnvMore(p.hash, a)); }
  /** The feature `p.text + a + '|' + b`. */
  add2(p: Prefix, a: string, b: string): void { this.hit(fnvMore(fnvChar(fnvMore(p.hash, a), 124), b)); }
  /** The feature `p.text + a + '|' + b + '|' + c`. */
  add3(p: Prefix, a: string, b: string, c: string): void { this.hit(fnvMore(fnvChar(fnvMore(fnvChar(fnvMore(p.hash, a), 124), b), 124), c)); }
}

/** Viterbi over emission scores `emit[i * NT + t]` and transitions (row 0 = start). */
export function viterbi(emit: ArrayLike<number>, trans: ArrayLike<number>, n: number): Uint8Array {
  const score = new Float64Array(n * NT).fill(-Infinity);
  const back = new Int8Array(n * NT);
  for (let t = 0; t < NT; t++) if (ALLOWED[t]) score[t] = emit[t] + trans[t];
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < NT; t++) {
      let best = -Infinity;
      let arg = 0;
      for (let a = 0; a < NT; a++) {
        if (!ALLOWED[(a + 1) * NT + t]) continue;
        const s = score[(i - 1) * NT + a] + trans[(a + 1) * NT + t];
        if (s > best) { best = s; arg = a; }
      }
      score[i * NT + t] = best + emit[i * NT + t];
      back[i * NT + t] = arg;
    }
  }
  const out = new Uint8Array(n);
  let best = -Infinity;
  for (let t = 0; t < NT; t++) if (score[(n - 1) * NT + t] > best) { best = score[(n - 1) * NT + t]; out[n - 1] = t; }
  for (let i = n - 1; i > 0; i--) out[i - 1] = back[i * NT + out[i]];
  return out;
}

/** Interns feature strings to ids while counting them (training keeps ids, not strings). */
export class FeatureInterner {
  readonly ids = new Map<string, number>();
  readonly names: string[] = [];
  readonly counts: number[] = [];
  /** The features of a sequence of tokens as one flat id array with per-token offsets. */
  intern(feats: string[][]): { offs: Int32Array; fids: Int32Array } {
    const offs = new Int32Array(feats.length + 1);
    const list: number[] = [];
    feats.forEach((fs, i) => {
      offs[i] = list.length;
      for (const f of fs) {
        let id = this.ids.get(f);
        if (id === undefined) { id = this.names.length; this.ids.set(f, id); this.names.push(f); this.counts.push(0); }
        this.counts[id]++;
        list.push(id);
      }
    });
    offs[feats.length] = list.length;
    return { offs, fids: Int32Array.from(list) };
  }
}

/** One training sequence (a paragraph): interned token features and gold tags. */
export interface TagSequence { offs: Int32Array; fids: Int32Array; gold: Uint8Array }

/** Training options. */
export interface TrainOptions {
  epochs: number;
  /** Ignore features seen fewer times than this in the training data (default 2). */
  minCount?: number;
  seed?: number;
  /** Called after each epoch with the token accuracy on the training data of that epoch. */
  onEpoch?: (epoch: number, accuracy: number) => void;
}

/**
 * Train a tagger with the averaged structured perceptron: for each sequence, Viterbi under the
 * current weights; where the guess differs from gold, +1 to the gold tag's features and
 * transitions, −1 to the guessed ones. Sequences are shuffled each epoch with a fixed seed.
 */
export function trainTagger(interner: FeatureInterner, seqs: TagSequence[], opts: TrainOptions, cues: Set<string> = new Set(), syntax = 0, syntaxCueSentences = false): AttributionTagger {
  const minCount = opts.minCount ?? 2;
  const F = interner.names.length;
  const keep = new Uint8Array(F);
  for (let f = 0; f < F; f++) keep[f] = interner.counts[f] >= minCount ? 1 : 0;
  const w = new Float32Array(F * NT);
  const u = new Float64Array(F * NT); // sum of c * update, for averaging
  const tw = new Float64Array((NT + 1) * NT);
  const tu = new Float64Array((NT + 1) * NT);
  let c = 1;
  let rng = opts.seed ?? 1;
  const rand = () => ((rng = (rng * 48271) % 2147483647) / 2147483647);
  const order = seqs.map((_, i) => i);
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
    let right = 0, total = 0;
    for (const si of order) {
      const s = seqs[si];
      const n = s.gold.length;
      if (!n) continue;
      const emit = new Float64Array(n * NT);
      for (let i = 0; i < n; i++) {
        for (let k = s.offs[i]; k < s.offs[i + 1]; k++) {
          const f = s.fids[k];
          if (!keep[f]) continue;
          const base = f * NT;
          for (let t = 0; t < NT; t++) emit[i * NT + t] += w[base + t];
        }
      }
      const guess = viterbi(emit, tw, n);
      for (let i = 0; i < n; i++) {
        total++;
        const g = s.gold[i], p = guess[i];
        const gp = i ? s.gold[i - 1] + 1 : 0, pp = i ? guess[i - 1] + 1 : 0;
        if (g === p) right++;
        if (g === p && gp === pp) continue;
        if (g !== p) {
          for (let k = s.offs[i]; k < s.offs[i + 1]; k++) {
            const f = s.fids[k];
            if (!keep[f]) continue;
            const base = f * NT;
            w[base + g] += 1; u[base + g] += c;
            w[base + p] -= 1; u[base + p] -= c;
          }
        }
        tw[gp * NT + g] += 1; tu[gp * NT + g] += c;
        tw[pp * NT + p] -= 1; tu[pp * NT + p] -= c;
      }
      c++;
    }
    opts.onEpoch?.(epoch, total ? right / total : 0);
  }
  const weights = new Map<string, Float32Array>();
  for (let f = 0; f < F; f++) {
    if (!keep[f]) continue;
    const row = new Float32Array(NT);
    let any = false;
    for (let t = 0; t < NT; t++) { row[t] = w[f * NT + t] - u[f * NT + t] / c; if (row[t] !== 0) any = true; }
    if (any) weights.set(interner.names[f], row);
  }
  const transitions = new Float32Array((NT + 1) * NT);
  for (let k = 0; k < transitions.length; k++) transitions[k] = tw[k] - tu[k] / c;
  return new AttributionTagger(weights, transitions, cues, syntax, 0, syntaxCueSentences);
}

/** The default model folder. */
export const QUOTE_MODEL_DIR = join(PACKAGE_ROOT, 'models', 'quotes');

/**
 * Write a tagger to a model folder: config.json and weights.tsv (weights whose absolute value is
 * below `prune` are dropped — averaged perceptron weights are in update counts, typically tens —
 * the rest rounded to 2 decimals). Returns the number of features kept.
 */
export function saveTagger(tagger: AttributionTagger, dir: string, prune = 1): number {
  mkdirSync(dir, { recursive: true });
  const lines: string[] = [];
  for (const f of [...tagger.weights.keys()].sort()) {
    const row = tagger.weights.get(f)!;
    const cells: string[] = [];
    for (let t = 0; t < NT; t++) if (Math.abs(row[t]) >= prune) cells.push(`${t}:${+row[t].toFixed(2)}`);
    if (cells.length) lines.push(`${f}\t${cells.join(' ')}`);
  }
  writeFileSync(join(dir, 'weights.tsv'), lines.join('\n') + '\n');
  const config = {
    kind: 'attribution-tagger', tags: TAGS, weights: 'weights.tsv', features: lines.length,
    transitions: Array.from(tagger.transitions, (x) => +x.toFixed(3)),
    cueLemmas: [...tagger.cues].sort(),
    syntax: tagger.syntax,
    outsideBias: tagger.outsideBias,
    syntaxCueSentences: tagger.syntaxCueSentences,
  };
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config, null, 2) + '\n');
  return lines.length;
}

const cache = new Map<string, AttributionTagger | null>();
/** Load a tagger from a model folder (memoized); null when the folder has no model. */
export function loadTagger(dir: string = QUOTE_MODEL_DIR): AttributionTagger | null {
  if (cache.has(dir)) return cache.get(dir)!;
  let tagger: AttributionTagger | null = null;
  const cfgFile = join(dir, 'config.json');
  if (existsSync(cfgFile)) {
    const cfg = JSON.parse(readFileSync(cfgFile, 'utf8')) as { tags: string[]; weights: string; transitions: number[]; cueLemmas?: string[]; syntax?: boolean | number; outsideBias?: number; syntaxCueSentences?: boolean };
    if (cfg.tags.join() !== TAGS.join()) throw new Error(`steppe: ${cfgFile}: tag set ${cfg.tags.join(',')} is not ${TAGS.join(',')}; retrain with scripts/train-quotes.ts`);
    const weights = new Map<string, Float32Array>();
    for (const line of readFileSync(join(dir, cfg.weights), 'utf8').split('\n')) {
      const tab = line.lastIndexOf('\t');
      if (tab < 0) continue;
      const row = new Float32Array(NT);
      for (const cell of line.slice(tab + 1).split(' ')) { const [t, v] = cell.split(':'); row[Number(t)] = Number(v); }
      weights.set(line.slice(0, tab), row);
    }
    tagger = new AttributionTagger(weights, Float32Array.from(cfg.transitions), new Set(cfg.cueLemmas ?? []), Number(cfg.syntax ?? 0), cfg.outsideBias ?? 0, cfg.syntaxCueSentences ?? false);
  }
  cache.set(dir, tagger);
  return tagger;
}
