/**
 * The dependency parser's model: a greedy, labelled arc-eager transition system (Nivre 2003) with
 * the artificial root at the end of the buffer (Ballesteros & Nivre 2013), Goldberg & Nivre
 * (2012)'s dynamic oracle, and an averaged perceptron with lazily averaged weights (Honnibal,
 * "Parsing English in 500 lines of Python"). Training and inference share the transition system
 * and the features (`features.ts`); only the weight store differs: training keeps a dense row of
 * class weights per feature, the trained model keeps a sparse, pruned and rounded row.
 *
 * A model is a folder (DESIGN.md, model 4): `config.json` (labels, templates, scale),
 * `weights.tsv` (one readable feature per line: template, atom values, `class:weight` pairs),
 * `meta.json` (data, date, scores, how to retrain) and `MODEL_CARD.md`.
 *
 * Transitions (class ids): 0 SHIFT, 1 REDUCE, 2+l LEFT-l (N0 becomes the head of S0, S0 is
 * popped), 2+L+l RIGHT-l (S0 becomes the head of N0, N0 is pushed). The root is token n: LEFT-root
 * is the only LEFT move once the buffer holds only the root, and the only one labelled `root`.
 */
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { FeatureExtractor, TaggerFeatures, encodeSentence, hashString, usesClusters, DEFAULT_TEMPLATES, TAGGER_TEMPLATES } from './features.js';
import { WordClusters } from './clusters.js';
import { ScoreKernel, MAX_FEATURES } from './kernel.js';

export const SHIFT = 0;
export const REDUCE = 1;
/** The label of the arc from the artificial root. */
export const ROOT_LABEL = 'root';

/** The configuration of an arc-eager parse: stack, buffer front, arcs so far, children summaries. */
export class ParseState {
  n: number;
  readonly stack: Int32Array;
  sp = 0;
  /** Buffer front: tokens b..n-1 then the root n. */
  b = 0;
  readonly head: Int32Array;
  readonly label: Int32Array;
  /** Leftmost and second-leftmost, rightmost and second-rightmost child (-1: none). */
  readonly l1: Int32Array;
  readonly l2: Int32Array;
  readonly r1: Int32Array;
  readonly r2: Int32Array;
  /** Number of left and right children. */
  readonly nl: Int32Array;
  readonly nr: Int32Array;
  /** Label sets of the left and right children as 64-bit masks in two halves. */
  readonly slLo: Int32Array;
  readonly slHi: Int32Array;
  readonly srLo: Int32Array;
  readonly srHi: Int32Array;

  constructor(n: number) {
    this.n = n;
    const m = n + 1;
    this.stack = new Int32Array(m);
    this.head = new Int32Array(m).fill(-1);
    this.label = new Int32Array(m).fill(-1);
    this.l1 = new Int32Array(m).fill(-1);
    this.l2 = new Int32Array(m).fill(-1);
    this.r1 = new Int32Array(m).fill(-1);
    this.r2 = new Int32Array(m).fill(-1);
    this.nl = new Int32Array(m);
    this.nr = new Int32Array(m);
    this.slLo = new Int32Array(m);
    this.slHi = new Int32Array(m);
    this.srLo = new Int32Array(m);
    this.srHi = new Int32Array(m);
  }

  /**
   * Start over for a sentence of n ≤ the constructor's n words, reusing the arrays (the parser
   * keeps one state for all sentences instead of allocating 13 arrays per sentence).
   */
  reset(n: number): this {
    if (n + 1 > this.head.length) throw new Error('parser: state too small');
    this.n = n;
    this.sp = 0;
    this.b = 0;
    const m = n + 1;
    this.head.fill(-1, 0, m);
    this.label.fill(-1, 0, m);
    this.l1.fill(-1, 0, m);
    this.l2.fill(-1, 0, m);
    this.r1.fill(-1, 0, m);
    this.r2.fill(-1, 0, m);
    this.nl.fill(0, 0, m);
    this.nr.fill(0, 0, m);
    this.slLo.fill(0, 0, m);
    this.slHi.fill(0, 0, m);
    this.srLo.fill(0, 0, m);
    this.srHi.fill(0, 0, m);
    return this;
  }

  get done(): boolean {
    return this.b === this.n && this.sp === 0;
  }

  private addArc(h: number, d: number, l: number): void {
    this.head[d] = h;
    this.label[d] = l;
    const bit = l & 63;
    if (d < h) {
      if (this.l1[h] === -1 || d < this.l1[h]) { this.l2[h] = this.l1[h]; this.l1[h] = d; }
      else if (this.l2[h] === -1 || d < this.l2[h]) this.l2[h] = d;
      this.nl[h]++;
      if (bit < 32) this.slLo[h] |= 1 << bit; else this.slHi[h] |= 1 << (bit - 32);
    } else {
      if (this.r1[h] === -1 || d > this.r1[h]) { this.r2[h] = this.r1[h]; this.r1[h] = d; }
      else if (this.r2[h] === -1 || d > this.r2[h]) this.r2[h] = d;
      this.nr[h]++;
      if (bit < 32) this.srLo[h] |= 1 << bit; else this.srHi[h] |= 1 << (bit - 32);
    }
  }

  /** Apply transition class `c` for a system with `L` labels. */
  apply(c: number, L: number): void {
    if (c === SHIFT) {
      this.stack[this.sp++] = this.b++;
    } else if (c === REDUCE) {
      this.sp--;
    } else if (c < 2 + L) {
      const s0 = this.stack[--this.sp];
      this.addArc(this.b, s0, c - 2);
    } else {
      const s0 = this.stack[this.sp - 1];
      this.addArc(s0, this.b, c - 2 - L);
      this.stack[this.sp++] = this.b++;
    }
  }
}

/** Which move types are legal in a state. */
function legalMoves(st: ParseState): { shift: boolean; reduce: boolean; left: boolean; right: boolean } {
  const hasS0 = st.sp > 0;
  const s0Headed = hasS0 && st.head[st.stack[st.sp - 1]] !== -1;
  return { shift: st.b < st.n, reduce: hasS0 && s0Headed, left: hasS0 && !s0Headed, right: hasS0 && st.b < st.n };
}

/**
 * The only legal class when there is no choice, else -1: SHIFT on an empty stack; once only the
 * root is left in the buffer, REDUCE for a headed S0 and LEFT-root for a headless one. About a
 * fifth of all states; they need no features.
 */
function forcedClass(st: ParseState, rootId: number): number {
  if (st.sp === 0) return SHIFT;
  if (st.b === st.n) return st.head[st.stack[st.sp - 1]] === -1 ? 2 + rootId : REDUCE;
  return -1;
}

/** The best-scoring legal class. */
function bestLegal(st: ParseState, scores: ArrayLike<number>, L: number, rootId: number): number {
  const m = legalMoves(st);
  let best = -1;
  let bestScore = -Infinity;
  if (m.shift && scores[SHIFT] > bestScore) { best = SHIFT; bestScore = scores[SHIFT]; }
  if (m.reduce && scores[REDUCE] > bestScore) { best = REDUCE; bestScore = scores[REDUCE]; }
  if (m.left) {
    if (st.b === st.n) {
      const c = 2 + rootId;
      if (scores[c] > bestScore || best < 0) { best = c; bestScore = scores[c]; }
    } else {
      for (let l = 0; l < L; l++) {
        if (l === rootId) continue;
        const c = 2 + l;
        if (scores[c] > bestScore) { best = c; bestScore = scores[c]; }
      }
    }
  }
  if (m.right) {
    for (let l = 0; l < L; l++) {
      if (l === rootId) continue;
      const c = 2 + L + l;
      if (scores[c] > bestScore) { best = c; bestScore = scores[c]; }
    }
  }
  return best;
}

/**
 * Dynamic-oracle costs (Goldberg & Nivre 2012): for every legal class, the number of gold arcs
 * (labelled) that become unreachable. `gh` holds gold heads (n for the root), `gl` gold label ids.
 * Illegal classes get Infinity.
 */
function oracleCosts(st: ParseState, gh: Int32Array, gl: Int32Array, L: number, rootId: number, out: Float64Array): void {
  out.fill(Infinity);
  const m = legalMoves(st);
  const n = st.n;
  const b = st.b;
  const s0 = st.sp > 0 ? st.stack[st.sp - 1] : -1;
  let push = 0; // cost of pushing b: arcs between b and the stack
  if (m.shift || m.right) {
    for (let i = 0; i < st.sp; i++) {
      const s = st.stack[i];
      if (gh[b] === s) push++;
      if (gh[s] === b && st.head[s] === -1) push++;
    }
  }
  if (m.shift) out[SHIFT] = push;
  if (m.right) {
    // b takes s0 as its head: its gold head, if in the stack (counted in push) or further in the buffer, is lost
    const base = push - (gh[b] === s0 ? 1 : 0) + (gh[b] > b ? 1 : 0);
    for (let l = 0; l < L; l++) {
      if (l === rootId) continue;
      out[2 + L + l] = base + (gh[b] === s0 && gl[b] !== l ? 1 : 0);
    }
  }
  if (m.reduce || m.left) {
    let pop = 0; // arcs between s0 and the buffer lost by popping s0
    for (let k = b; k < n; k++) if (gh[k] === s0) pop++;
    if (m.reduce) out[REDUCE] = pop;
    if (m.left) {
      let left = pop;
      if (gh[s0] > b) left++; // its gold head is further in the buffer (or the root)
      if (b === n) {
        out[2 + rootId] = left;
      } else {
        for (let l = 0; l < L; l++) {
          if (l === rootId) continue;
          out[2 + l] = left + (gh[s0] === b && gl[s0] !== l ? 1 : 0);
        }
      }
    }
  }
}

/** Open-addressing hash table from non-zero 32-bit keys to row ids. */
class KeyTable {
  keys: Int32Array;
  rows: Int32Array;
  mask: number;
  count = 0;
  constructor(capacity = 1 << 16) {
    let size = 16;
    while (size < capacity * 2) size <<= 1;
    this.keys = new Int32Array(size);
    this.rows = new Int32Array(size);
    this.mask = size - 1;
  }
  get(key: number): number {
    const keys = this.keys;
    const mask = this.mask;
    let i = (key ^ (key >>> 15)) & mask;
    for (;;) {
      const k = keys[i];
      if (k === key) return this.rows[i];
      if (k === 0) return -1;
      i = (i + 1) & mask;
    }
  }
  /** Insert a key that is not present. */
  add(key: number, row: number): void {
    if ((this.count + 1) * 2 > this.keys.length) this.grow();
    this.put(key, row);
    this.count++;
  }
  private put(key: number, row: number): void {
    const mask = this.mask;
    let i = (key ^ (key >>> 15)) & mask;
    while (this.keys[i] !== 0) i = (i + 1) & mask;
    this.keys[i] = key;
    this.rows[i] = row;
  }
  private grow(): void {
    const oldK = this.keys;
    const oldR = this.rows;
    this.keys = new Int32Array(oldK.length * 2);
    this.rows = new Int32Array(oldK.length * 2);
    this.mask = this.keys.length - 1;
    for (let i = 0; i < oldK.length; i++) if (oldK[i] !== 0) this.put(oldK[i], oldR[i]);
  }
}

/**
 * The weights of a trained model: per feature key, a sparse row of (class, integer weight).
 * Laid out for speed: an open-addressing table of (key, offset) pairs, and one arena where each
 * row is a header followed by entries packed as `weight << 8 | class`, sorted by class. The header
 * holds the number of entries in three class groups split at `bounds` (moves, LEFT labels, RIGHT
 * labels for the parser), so that a decision adds only the group it needs.
 */
export class SparseWeights {
  /** Whether `scoreGroups` and `kernelFor` use the WebAssembly kernel where available (default true; false for tests and measurements). */
  static kernelEnabled = true;
  private readonly slots: Int32Array;
  private readonly mask: number;
  readonly arena: Int32Array;
  /** Arena offset of each row, in insertion order. */
  readonly rowOffset: Int32Array;
  /** The class bounds of groups 1 and 2. */
  private readonly bounds: [number, number];
  /** The WebAssembly scoring kernel (kernel.ts), built on the first `scoreGroups`; null: none, the JavaScript loop scores. */
  private kernel: ScoreKernel | null | undefined;

  /** Build from flat arrays: row r has keys[r] and entries rowStart[r]..rowStart[r+1] of cls/q. */
  constructor(keys: ArrayLike<number>, rowStart: ArrayLike<number>, cls: ArrayLike<number>, q: ArrayLike<number>, bounds: [number, number] = [256, 256]) {
    const rows = keys.length;
    this.bounds = [bounds[0], bounds[1]];
    let size = 16;
    while (size < rows * 2) size <<= 1;
    this.slots = new Int32Array(size * 2);
    this.mask = size - 1;
    this.arena = new Int32Array(rows + cls.length);
    this.rowOffset = new Int32Array(rows);
    let at = 0;
    for (let r = 0; r < rows; r++) {
      this.rowOffset[r] = at;
      const from = rowStart[r];
      const to = rowStart[r + 1];
      let sorted = true;
      for (let j = from; j < to; j++) {
        if (cls[j] > 255 || cls[j] < 0 || Math.abs(q[j]) >= 1 << 23) throw new Error('parser: weight or class out of range');
        if (j > from && cls[j] <= cls[j - 1]) sorted = false;
      }
      let g0 = 0;
      let g1 = 0;
      let g2 = 0;
      for (let j = from; j < to; j++) { if (cls[j] < bounds[0]) g0++; else if (cls[j] < bounds[1]) g1++; else g2++; }
      if (g0 > 255 || g1 > 255 || g2 > 255) throw new Error('parser: too many classes in a row');
      this.arena[at++] = g0 | (g1 << 8) | (g2 << 16);
      if (sorted) {
        for (let j = from; j < to; j++) this.arena[at++] = (q[j] << 8) | cls[j];
      } else {
        const order = Array.from({ length: to - from }, (_, k) => from + k).sort((x, y) => cls[x] - cls[y]);
        for (const j of order) this.arena[at++] = (q[j] << 8) | cls[j];
      }
      const key = keys[r];
      let i = (key ^ (key >>> 15)) & this.mask;
      while (this.slots[2 * i] !== 0 && this.slots[2 * i] !== key) i = (i + 1) & this.mask;
      if (this.slots[2 * i] === key) continue; // a hash collision: the first row wins
      this.slots[2 * i] = key;
      this.slots[2 * i + 1] = this.rowOffset[r];
    }
  }

  get rows(): number {
    return this.rowOffset.length;
  }

  /** The arena offset of a key's row, or -1. */
  find(key: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let i = (key ^ (key >>> 15)) & mask;
    for (;;) {
      const k = slots[2 * i];
      if (k === key) return slots[2 * i + 1];
      if (k === 0) return -1;
      i = (i + 1) & mask;
    }
  }

  /** Slow path of `find` from slot i (a probe sequence longer than one). */
  private findFrom(key: number, i: number): number {
    const slots = this.slots;
    const mask = this.mask;
    for (;;) {
      i = (i + 1) & mask;
      const k = slots[2 * i];
      if (k === key) return slots[2 * i + 1];
      if (k === 0) return -1;
    }
  }

  /**
   * Zero `scores` and add, for the rows of the given (non-zero) keys, the entries of group 0 and of
   * groups 1 and/or 2. The scores of classes outside the requested groups are unspecified (the
   * WebAssembly kernel adds dense rows eight classes at a time); those of the requested groups are
   * exactly `scoreGroupsJs`'s. Runs the kernel of kernel.ts where WebAssembly is available (about
   * three times faster), else `scoreGroupsJs`. `offs` and `heads` are scratch arrays of length ≥ nf.
   */
  scoreGroups(feats: Int32Array, nf: number, scores: Int32Array, g1: boolean, g2: boolean, offs: Int32Array, heads: Int32Array): void {
    if (this.kernel === undefined && SparseWeights.kernelEnabled) this.kernel = ScoreKernel.build(this.slots, this.mask, this.arena, this.rowOffset, this.bounds);
    if (this.kernel && SparseWeights.kernelEnabled && nf <= MAX_FEATURES) this.kernel.score(feats, nf, scores, g1, g2);
    else this.scoreGroupsJs(feats, nf, scores, g1, g2, offs, heads);
  }

  /**
   * The WebAssembly kernel loaded with a feature extractor's template program
   * (`FeatureExtractor.program`), for `ScoreKernel.scoreAtoms`; null where WebAssembly is not
   * available (then: `FeatureExtractor.extract` and `scoreGroups`).
   */
  kernelFor(program: Int32Array, templates: number, atoms: number): ScoreKernel | null {
    if (!SparseWeights.kernelEnabled) return null;
    if (this.kernel === undefined) this.kernel = ScoreKernel.build(this.slots, this.mask, this.arena, this.rowOffset, this.bounds);
    return this.kernel && this.kernel.accepts(program, templates, atoms) ? this.kernel : null;
  }

  /**
   * `scoreGroups` in JavaScript (the reference of the kernel): zero `scores` and add, for the rows
   * of the given keys, the entries of group 0 and of groups 1 and/or 2. Three passes over the
   * features (find the rows; read their headers; add their entries), so that the memory loads of
   * a pass do not wait on each other (20% faster than one pass). `offs` and `heads` are scratch
   * arrays of length ≥ nf.
   */
  scoreGroupsJs(feats: Int32Array, nf: number, scores: Int32Array, g1: boolean, g2: boolean, offs: Int32Array, heads: Int32Array): void {
    scores.fill(0);
    const slots = this.slots;
    const mask = this.mask;
    const arena = this.arena;
    for (let f = 0; f < nf; f++) {
      const key = feats[f];
      const i = (key ^ (key >>> 15)) & mask;
      const k = slots[2 * i];
      offs[f] = k === key ? slots[2 * i + 1] : k === 0 ? -1 : this.findFrom(key, i);
    }
    for (let f = 0; f < nf; f++) {
      const off = offs[f];
      heads[f] = off < 0 ? 0 : arena[off];
    }
    for (let f = 0; f < nf; f++) {
      const off = offs[f];
      if (off < 0) continue;
      const h = heads[f];
      const e0 = off + 1 + (h & 255);
      const e1 = e0 + ((h >>> 8) & 255);
      for (let j = off + 1; j < e0; j++) { const e = arena[j]; scores[e & 255] += e >> 8; }
      if (g1) for (let j = e0; j < e1; j++) { const e = arena[j]; scores[e & 255] += e >> 8; }
      if (g2) {
        const e2 = e1 + (h >>> 16);
        for (let j = e1; j < e2; j++) { const e = arena[j]; scores[e & 255] += e >> 8; }
      }
    }
  }

  /** The entries of row r as [class, integer weight] pairs. */
  row(r: number): Array<[number, number]> {
    const off = this.rowOffset[r];
    const h = this.arena[off];
    const n = (h & 255) + ((h >>> 8) & 255) + (h >>> 16);
    const out: Array<[number, number]> = [];
    for (let j = off + 1; j <= off + n; j++) out.push([this.arena[j] & 255, this.arena[j] >> 8]);
    return out;
  }
}

/** A weights file: one readable feature per line, `template<TAB>atoms…<TAB>class:weight …`. */
function writeWeightsFile(file: string, header: string, names: string[], weights: SparseWeights): void {
  const lines: string[] = [`# ${header}`];
  for (let r = 0; r < names.length; r++) lines.push(`${names[r]}\t${weights.row(r).map(([c, q]) => `${c}:${q}`).join(' ')}`);
  writeFileSync(file, lines.join('\n') + '\n');
}

/** Read a weights file; `keyOf` rebuilds each feature's key from its template index and atoms. */
function readWeightsFile(file: string, templates: string[], arity: (t: number) => number, keyOf: (t: number, atoms: string[]) => number, bounds?: [number, number]): { weights: SparseWeights; names: string[] } {
  const tplIndex = new Map(templates.map((t, i) => [t, i]));
  const name = file.split(/[\\/]/).pop();
  const text = readFileSync(file, 'utf8');
  const keys: number[] = [];
  const rowStart: number[] = [0];
  const cls: number[] = [];
  const q: number[] = [];
  const names: string[] = [];
  const bad = (lineNo: number, why: string) => new Error(`parser: ${name} line ${lineNo}: ${why}`);
  let at = 0;
  let lineNo = 0;
  const atoms: string[] = [];
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    lineNo++;
    if (end === at || text.charCodeAt(at) === 35 /* # */) { at = end + 1; continue; }
    let tab = text.indexOf('\t', at);
    if (tab < 0 || tab > end) throw bad(lineNo, 'expected tab-separated columns');
    const t = tplIndex.get(text.slice(at, tab));
    if (t === undefined) throw bad(lineNo, `unknown template "${text.slice(at, tab)}"`);
    const ar = arity(t);
    atoms.length = ar;
    for (let k = 0; k < ar; k++) {
      const next = text.indexOf('\t', tab + 1);
      if (next < 0 || next > end) throw bad(lineNo, `expected ${ar + 2} columns`);
      atoms[k] = text.slice(tab + 1, next);
      tab = next;
    }
    keys.push(keyOf(t, atoms));
    names.push(text.slice(at, tab));
    // class:weight pairs, parsed by hand (no allocation per number)
    let c = 0;
    let v = 0;
    let neg = false;
    let inWeight = false;
    let digits = 0;
    for (let i = tab + 1; i <= end; i++) {
      const ch = i < end ? text.charCodeAt(i) : 32;
      if (ch >= 48 && ch <= 57) { if (inWeight) v = v * 10 + ch - 48; else c = c * 10 + ch - 48; digits++; }
      else if (ch === 58 /* : */ && !inWeight && digits) { inWeight = true; digits = 0; }
      else if (ch === 45 /* - */ && inWeight && !digits) neg = true;
      else if ((ch === 32 || ch === 13) && inWeight && digits) { cls.push(c); q.push(neg ? -v : v); c = v = digits = 0; neg = inWeight = false; }
      else if (ch === 13 && i === end - 1) continue;
      else throw bad(lineNo, 'weights must be class:weight pairs separated by spaces');
    }
    rowStart.push(cls.length);
    at = end + 1;
  }
  return { weights: new SparseWeights(keys, rowStart, cls, q, bounds), names };
}

/** The retagger's part of `config.json`. */
export interface TaggerConfig {
  /** UPOS tags; class i is tags[i]. */
  tags: string[];
  templates: string[];
  weightScale: number;
  weights: string;
}

/**
 * The UPOS retagger: a greedy left-to-right averaged-perceptron tagger whose features include
 * wink's tags (and the words, suffixes and shapes around them). The parser is trained on its
 * output for sentences it was not trained on (jackknifing), so it sees at run time what it saw
 * in training; wink's tags stay the input (DESIGN.md: POS come from the annotate stage).
 */
export class UposTagger {
  readonly config: TaggerConfig;
  readonly features: TaggerFeatures;
  readonly weights: SparseWeights;
  readonly rowNames: string[];
  private readonly feats: Int32Array;
  private readonly scores: Int32Array;
  private readonly offs: Int32Array;
  private readonly heads: Int32Array;
  private readonly tagHashes: Int32Array;

  /** `clusters`: the model's word clusters (needed when the templates use cluster atoms). */
  constructor(config: TaggerConfig, weights: SparseWeights, rowNames: string[], clusters: WordClusters | null = null) {
    this.config = config;
    this.features = new TaggerFeatures(config.templates, clusters);
    this.weights = weights;
    this.rowNames = rowNames;
    this.feats = new Int32Array(this.features.size);
    this.offs = new Int32Array(this.features.size);
    this.heads = new Int32Array(this.features.size);
    this.scores = new Int32Array(config.tags.length);
    this.tagHashes = Int32Array.from(config.tags, (t) => hashString(t));
  }

  /** UPOS tags for words given wink's tags. */
  tag(words: string[], upos: string[]): string[] {
    const s = this.features.prepare(words, upos, false);
    const out: string[] = new Array(words.length);
    const K = this.config.tags.length;
    const fx = this.features;
    // the WebAssembly kernel hashes the feature keys itself from the atom values (else: extract in JS)
    const kernel = this.weights.kernelFor(fx.program, fx.size, fx.atomCount);
    for (let i = 0; i < s.n; i++) {
      if (kernel) {
        kernel.scoreAtoms(fx.atomValues(s, i), fx.size, this.scores, false, false);
      } else {
        fx.extract(s, i, this.feats);
        this.weights.scoreGroups(this.feats, this.feats.length, this.scores, false, false, this.offs, this.heads);
      }
      let best = 0;
      for (let c = 1; c < K; c++) if (this.scores[c] > this.scores[best]) best = c;
      out[i] = s.tags[i] = this.config.tags[best];
      s.tagH[i] = this.tagHashes[best];
    }
    return out;
  }

  /** Write the retagger's weights file into `dir`. */
  save(dir: string): void {
    writeWeightsFile(join(dir, this.config.weights), `steppe UPOS retagger weights: template<TAB>atom values<TAB>class:weight … (weight × ${this.config.weightScale}; class i is tagger.tags[i] in config.json)`, this.rowNames, this.weights);
  }

  /** Load the retagger described by `config` from `dir` (with the parser model's word clusters, if any). */
  static load(dir: string, config: TaggerConfig, clusters: WordClusters | null = null): UposTagger {
    const fx = new TaggerFeatures(config.templates, clusters);
    const { weights, names } = readWeightsFile(join(dir, config.weights), config.templates, (t) => fx.arity(t), (t, a) => fx.keyOf(t, a));
    return new UposTagger(config, weights, names, clusters);
  }
}

/** A sentence for the retagger's training: words, wink's tags, gold tags. */
export interface TaggerSentence {
  words: string[];
  upos: string[];
  gold: string[];
}

/** Train the retagger (deterministic for a seed). */
export function trainTagger(sents: TaggerSentence[], opts: { epochs?: number; seed?: number; prune?: number; weightScale?: number; templates?: string[]; clusters?: WordClusters | null } = {}): UposTagger {
  const epochs = opts.epochs ?? 5;
  const weightScale = opts.weightScale ?? 0.1;
  const tagSet = new Set<string>();
  for (const s of sents) for (const t of s.gold) tagSet.add(t);
  const tags = [...tagSet].sort();
  const tagIndex = new Map(tags.map((t, i) => [t, i]));
  const tagHashes = Int32Array.from(tags, (t) => hashString(t));
  const config: TaggerConfig = { tags, templates: opts.templates ?? TAGGER_TEMPLATES, weightScale, weights: 'tagger.tsv' };
  const clusters = opts.clusters ?? null;
  const fx = new TaggerFeatures(config.templates, clusters);
  const dense = new DenseWeights(tags.length);
  const feats = new Int32Array(fx.size);
  const scores = new Float64Array(tags.length);
  const random = rng(opts.seed ?? 1);
  const order = sents.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const idx of order) {
      const sent = sents[idx];
      const s = fx.prepare(sent.words, sent.upos);
      for (let i = 0; i < s.n; i++) {
        fx.extract(s, i, feats);
        dense.score(feats, scores);
        let guess = 0;
        for (let c = 1; c < tags.length; c++) if (scores[c] > scores[guess]) guess = c;
        const truth = tagIndex.get(sent.gold[i]) ?? guess;
        dense.time++;
        if (guess !== truth) dense.update(truth, guess, feats, (f) => `${fx.templates[f]}${fx.arity(f) ? '\t' : ''}${fx.describe(s, i, f).join('\t')}`);
        s.tags[i] = tags[guess];
        s.tagH[i] = tagHashes[guess];
      }
    }
  }
  const { weights, names } = dense.average(opts.prune ?? 1, weightScale);
  return new UposTagger(config, weights, names, clusters);
}

/** The contents of `config.json`. */
export interface ParserConfig {
  name: string;
  version: string;
  system: 'arc-eager';
  /** Dependency labels; class ids are 0 SHIFT, 1 REDUCE, 2+i LEFT-labels[i], 2+L+i RIGHT-labels[i]. */
  labels: string[];
  /** Feature templates (see features.ts). */
  templates: string[];
  /** Weights in the weights file are integers; multiply by this to get the perceptron weight. */
  weightScale: number;
  /** How a sentence with several root attachments is repaired: the leftmost stays root. */
  multipleRoots: 'leftmost';
  /** The weights file name inside the model folder. */
  weights: string;
  /** The UPOS retagger run on wink's tags before parsing, or null. */
  tagger: TaggerConfig | null;
  /** The word clusters file inside the model folder (clusters.ts), used by the parser's and the retagger's cluster templates; absent: none. */
  clusters?: string;
}

/** Options of `ParserModel.parse`. */
export interface ParseOptions {
  /** Run the retagger on the given tags (default true when the model has one; false for gold tags). */
  retag?: boolean;
}

/** A trained parser: configuration, feature extractor, sparse weights, optional retagger. */
export class ParserModel {
  readonly config: ParserConfig;
  readonly features: FeatureExtractor;
  readonly weights: SparseWeights;
  readonly tagger: UposTagger | null;
  /** Word clusters of the cluster templates, or null. */
  readonly clusters: WordClusters | null;
  /** Readable name (template + atoms, tab-separated) of each weights row, for saving. */
  readonly rowNames: string[];
  private readonly L: number;
  private readonly rootId: number;
  private feats: Int32Array;
  private scores: Int32Array;
  private offs: Int32Array;
  private heads: Int32Array;
  /** The parse state, reused from sentence to sentence (grown when needed). */
  private state: ParseState | null = null;
  /** The clusters when the parser's own templates use them (else null: no cluster atoms to compute). */
  private readonly encClusters: WordClusters | null;

  /** `clusters` is needed when the parser's or the retagger's templates use cluster atoms. */
  constructor(config: ParserConfig, weights: SparseWeights, rowNames: string[], tagger: UposTagger | null = null, clusters: WordClusters | null = null) {
    this.config = { ...config, tagger: tagger ? tagger.config : null };
    if (!clusters) delete this.config.clusters;
    else this.config.clusters ??= 'clusters.tsv';
    if (usesClusters(config.templates) && !clusters) throw new Error('parser: the templates use word clusters but the model has none');
    this.clusters = clusters;
    this.encClusters = usesClusters(config.templates) ? clusters : null;
    this.features = new FeatureExtractor(config.templates, config.labels);
    this.weights = weights;
    this.rowNames = rowNames;
    this.tagger = tagger;
    this.L = config.labels.length;
    this.rootId = config.labels.indexOf(ROOT_LABEL);
    if (this.rootId < 0) throw new Error('parser: the label list has no "root"');
    this.feats = new Int32Array(this.features.size);
    this.offs = new Int32Array(this.features.size);
    this.heads = new Int32Array(this.features.size);
    this.scores = new Int32Array(2 + 2 * this.L);
  }

  /** Number of transition classes. */
  get classes(): number {
    return 2 + 2 * this.L;
  }

  /** The tags the parser works with: the retagger's for the given (wink) tags, or the given ones. */
  tagsFor(words: string[], upos: string[], opts: ParseOptions = {}): string[] {
    return this.tagger && opts.retag !== false ? this.tagger.tag(words, upos) : upos;
  }

  /** Parse one sentence: 0-based heads (-1 for the root) and labels. */
  parse(words: string[], upos: string[], opts: ParseOptions = {}): { head: number[]; relation: string[] } {
    const n = words.length;
    if (n === 0) return { head: [], relation: [] };
    const enc = encodeSentence(words, this.tagsFor(words, upos, opts), this.encClusters);
    if (!this.state || this.state.head.length < n + 1) this.state = new ParseState(Math.max(n, 2 * ((this.state?.head.length ?? 33) - 1)));
    const st = this.state.reset(n);
    const L = this.L;
    const fx = this.features;
    // the WebAssembly kernel hashes the feature keys itself from the atom values (else: extract in JS)
    const kernel = this.weights.kernelFor(fx.program, fx.size, fx.atomCount);
    while (!st.done) {
      const forced = forcedClass(st, this.rootId);
      if (forced >= 0) { st.apply(forced, L); continue; }
      // only the label groups of legal arc moves are scored: LEFT needs a headless S0, RIGHT a buffer word
      const hasS0 = st.sp > 0;
      const s0Headless = hasS0 && st.head[st.stack[st.sp - 1]] === -1;
      if (kernel) {
        kernel.scoreAtoms(fx.atomValues(st, enc), fx.size, this.scores, s0Headless, hasS0 && st.b < n);
      } else {
        fx.extract(st, enc, this.feats);
        this.weights.scoreGroups(this.feats, this.feats.length, this.scores, s0Headless, hasS0 && st.b < n, this.offs, this.heads);
      }
      st.apply(bestLegal(st, this.scores, L, this.rootId), L);
    }
    return finishParse(st, this.config.labels, this.rootId);
  }

  /** Save `config.json`, the weights file and the retagger's into `dir` (created if needed). */
  save(dir: string): void {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'config.json'), JSON.stringify(this.config, null, 2) + '\n');
    writeWeightsFile(join(dir, this.config.weights), `steppe dependency parser weights: template<TAB>atom values<TAB>class:weight … (weight × ${this.config.weightScale}; classes: 0 SHIFT, 1 REDUCE, 2+i LEFT-labels[i], 2+${this.L}+i RIGHT-labels[i], labels in config.json)`, this.rowNames, this.weights);
    this.tagger?.save(dir);
    if (this.clusters && this.config.clusters) this.clusters.save(join(dir, this.config.clusters));
  }

  /** Load a model folder written by `save`. */
  static load(dir: string): ParserModel {
    const cfgFile = join(dir, 'config.json');
    if (!existsSync(cfgFile)) throw new Error(`parser: no model at ${dir} (config.json missing); run npm run train:parser`);
    const config = JSON.parse(readFileSync(cfgFile, 'utf8')) as ParserConfig;
    const fx = new FeatureExtractor(config.templates, config.labels);
    const L = config.labels.length;
    const { weights, names } = readWeightsFile(join(dir, config.weights), config.templates, (t) => fx.arity(t), (t, a) => fx.keyOf(t, a), [2, 2 + L]);
    const clusters = config.clusters ? WordClusters.load(join(dir, config.clusters)) : null;
    const tagger = config.tagger ? UposTagger.load(dir, config.tagger, clusters) : null;
    return new ParserModel(config, weights, names, tagger, clusters);
  }
}

/** Heads (-1 root) and labels from a final state; extra root attachments go to the leftmost root. */
function finishParse(st: ParseState, labels: string[], rootId: number): { head: number[]; relation: string[] } {
  const n = st.n;
  const head: number[] = new Array(n);
  const relation: string[] = new Array(n);
  let root = -1;
  for (let i = 0; i < n; i++) {
    const h = st.head[i];
    if (h === n || h < 0) {
      if (root < 0) { root = i; head[i] = -1; relation[i] = ROOT_LABEL; }
      else { head[i] = root; relation[i] = 'parataxis'; }
    } else {
      head[i] = h;
      relation[i] = st.label[i] >= 0 && st.label[i] !== rootId ? labels[st.label[i]] : 'dep';
    }
  }
  return { head, relation };
}

/** A training sentence: words, UPOS tags, 0-based gold heads (-1 root) and relations. */
export interface TrainSentence {
  words: string[];
  /** The tags the parser is given at run time (wink's). */
  upos: string[];
  /** Gold UPOS, needed to train the retagger. */
  goldUpos?: string[];
  head: ArrayLike<number>;
  relation: string[];
}

/** Options of `trainParser`. */
export interface TrainOptions {
  /** Passes over the data (default 15). */
  epochs?: number;
  /** Seed of the shuffling and exploration (default 1). */
  seed?: number;
  /** From this epoch (0-based) on, follow the model's own move with this probability (default 0.9 from epoch 1). */
  explore?: number;
  exploreFrom?: number;
  templates?: string[];
  /** Drop averaged weights with |w| below this when saving (default 1; in perceptron update units). */
  prune?: number;
  /**
   * Feature selection during training: after epoch `selectAfter` (1-based; default 5), keep only
   * the features whose averaged weight reaches `select` (default 3; 0: off) for some class, and
   * train on with them: a much smaller and faster model for a small loss.
   */
  select?: number;
  selectAfter?: number;
  /** Rounding step of the saved weights (default 0.1). */
  weightScale?: number;
  name?: string;
  /**
   * Train a UPOS retagger on (wink tag → gold tag) and parse its output; the parser is trained on
   * tags from `folds` taggers each trained without the sentences they tag (default false; needs
   * `goldUpos`).
   */
  retag?: boolean;
  folds?: number;
  taggerEpochs?: number;
  /** Retagger templates (default TAGGER_TEMPLATES). */
  taggerTemplates?: string[];
  /** Word clusters for cluster templates (kept in the model folder as clusters.tsv). */
  clusters?: WordClusters | null;
  /** Progress messages. */
  log?: (line: string) => void;
  /** Called after every epoch with the averaged model of that epoch (e.g. to print a dev score). */
  onEpoch?: (epoch: number, model: () => ParserModel) => void;
}

/** The defaults of `trainParser` (the committed model's settings; see TrainOptions). */
export const TRAIN_DEFAULTS = { epochs: 15, seed: 1, explore: 0.9, exploreFrom: 1, prune: 1, select: 3, selectAfter: 5, weightScale: 0.1, folds: 5, taggerEpochs: 8 };

/** A seeded PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHUNK_BITS = 14;
const CHUNK = 1 << CHUNK_BITS;

/** Training weights: per feature a dense row of C class weights, with lazy averaging per row. */
class DenseWeights {
  readonly C: number;
  readonly table = new KeyTable(1 << 20);
  private W: Float32Array[] = [];
  private T: Float64Array[] = [];
  private ts: Float64Array[] = [];
  readonly names: string[] = [];
  rows = 0;
  /** Number of training instances seen (the perceptron clock). */
  time = 0;
  /** After `compact`, no new feature rows are made. */
  frozen = false;
  constructor(C: number) {
    this.C = C;
  }
  /**
   * A copy holding only the rows whose averaged weights reach `minAbs` for some class, frozen:
   * training goes on with this feature set, so the kept weights adapt to the dropped ones.
   */
  compact(minAbs: number): DenseWeights {
    const C = this.C;
    const out = new DenseWeights(C);
    out.time = this.time;
    const keyOfRow = this.keyOfRow();
    const avg = new Float64Array(C);
    for (let r = 0; r < this.rows; r++) {
      const k = r >>> CHUNK_BITS;
      const i = r & (CHUNK - 1);
      const base = i * C;
      this.averagedRow(r, avg);
      if (!avg.some((a) => Math.abs(a) >= minAbs)) continue;
      const r2 = out.newRow(keyOfRow[r], this.names[r]);
      const k2 = r2 >>> CHUNK_BITS;
      const base2 = (r2 & (CHUNK - 1)) * C;
      for (let c = 0; c < C; c++) {
        out.W[k2][base2 + c] = this.W[k][base + c];
        out.T[k2][base2 + c] = this.T[k][base + c];
      }
      out.ts[k2][r2 & (CHUNK - 1)] = this.ts[k][i];
    }
    out.frozen = true;
    return out;
  }
  score(feats: Int32Array, scores: Float64Array): void {
    scores.fill(0);
    const C = this.C;
    for (let f = 0; f < feats.length; f++) {
      const r = this.table.get(feats[f]);
      if (r < 0) continue;
      const W = this.W[r >>> CHUNK_BITS];
      const base = (r & (CHUNK - 1)) * C;
      for (let c = 0; c < C; c++) scores[c] += W[base + c];
    }
  }
  private newRow(key: number, name: string): number {
    const r = this.rows++;
    if ((r >>> CHUNK_BITS) >= this.W.length) {
      this.W.push(new Float32Array(CHUNK * this.C));
      this.T.push(new Float64Array(CHUNK * this.C));
      this.ts.push(new Float64Array(CHUNK));
    }
    this.table.add(key, r);
    this.names.push(name);
    this.ts[r >>> CHUNK_BITS][r & (CHUNK - 1)] = this.time;
    return r;
  }
  /** Perceptron update: +1 for `truth`, -1 for `guess`, on every feature. */
  update(truth: number, guess: number, feats: Int32Array, name: (f: number) => string): void {
    const C = this.C;
    for (let f = 0; f < feats.length; f++) {
      let r = this.table.get(feats[f]);
      if (r < 0) {
        if (this.frozen) continue;
        r = this.newRow(feats[f], name(f));
      }
      const k = r >>> CHUNK_BITS;
      const W = this.W[k];
      const T = this.T[k];
      const i = r & (CHUNK - 1);
      const base = i * C;
      const dt = this.time - this.ts[k][i];
      if (dt > 0) {
        for (let c = 0; c < C; c++) T[base + c] += dt * W[base + c];
        this.ts[k][i] = this.time;
      }
      W[base + truth] += 1;
      W[base + guess] -= 1;
    }
  }
  /** The feature key of each row (the inverse of the hash table). */
  private keyOfRow(): Int32Array {
    const out = new Int32Array(this.rows);
    const { keys, rows } = this.table;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) out[rows[i]] = keys[i];
    return out;
  }
  /** Row `r`'s averaged weights (Collins 2002; lazy totals caught up to the current time) into `out`. */
  private averagedRow(r: number, out: Float64Array): void {
    const C = this.C;
    const k = r >>> CHUNK_BITS;
    const base = (r & (CHUNK - 1)) * C;
    const dt = this.time - this.ts[k][r & (CHUNK - 1)];
    const now = Math.max(1, this.time);
    for (let c = 0; c < C; c++) out[c] = (this.T[k][base + c] + dt * this.W[k][base + c]) / now;
  }
  /** The averaged weights, pruned (|w| < prune dropped) and rounded to multiples of `scale`. */
  average(prune: number, scale: number, bounds?: [number, number]): { weights: SparseWeights; names: string[] } {
    const C = this.C;
    const keys: number[] = [];
    const names: string[] = [];
    const rowStart: number[] = [0];
    const cls: number[] = [];
    const w: number[] = [];
    const keyOfRow = this.keyOfRow();
    const avg = new Float64Array(C);
    for (let r = 0; r < this.rows; r++) {
      this.averagedRow(r, avg);
      const start = cls.length;
      for (let c = 0; c < C; c++) {
        if (Math.abs(avg[c]) < prune) continue;
        const q = Math.round(avg[c] / scale);
        if (q === 0) continue;
        cls.push(c);
        w.push(q);
      }
      if (cls.length === start) continue;
      keys.push(keyOfRow[r]);
      names.push(this.names[r]);
      rowStart.push(cls.length);
    }
    return { weights: new SparseWeights(keys, rowStart, cls, w, bounds), names };
  }
}

/** The label list of a training set: `root` first, then by frequency (ties by name). */
export function collectLabels(sents: TrainSentence[]): string[] {
  const freq = new Map<string, number>();
  for (const s of sents) for (const r of s.relation) freq.set(r, (freq.get(r) ?? 0) + 1);
  freq.delete(ROOT_LABEL);
  const rest = [...freq.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([l]) => l);
  return [ROOT_LABEL, ...rest].slice(0, 250);
}

/**
 * Train a parser with the dynamic oracle and the averaged perceptron. Deterministic for a given
 * seed, data and options.
 */
export function trainParser(sents: TrainSentence[], opts: TrainOptions = {}): ParserModel {
  const epochs = opts.epochs ?? TRAIN_DEFAULTS.epochs;
  const seed = opts.seed ?? TRAIN_DEFAULTS.seed;
  const explore = opts.explore ?? TRAIN_DEFAULTS.explore;
  const exploreFrom = opts.exploreFrom ?? TRAIN_DEFAULTS.exploreFrom;
  const prune = opts.prune ?? TRAIN_DEFAULTS.prune;
  const select = opts.select ?? TRAIN_DEFAULTS.select;
  const selectAfter = opts.selectAfter ?? Math.min(TRAIN_DEFAULTS.selectAfter, epochs - 1);
  const weightScale = opts.weightScale ?? TRAIN_DEFAULTS.weightScale;
  const labels = collectLabels(sents);
  const L = labels.length;
  const C = 2 + 2 * L;
  const rootId = 0;
  const config: ParserConfig = {
    name: opts.name ?? 'steppe-parser',
    version: '1',
    system: 'arc-eager',
    labels,
    templates: opts.templates ?? DEFAULT_TEMPLATES,
    weightScale,
    multipleRoots: 'leftmost',
    weights: 'weights.tsv',
    tagger: null,
  };
  let tagger: UposTagger | null = null;
  let parserTags = sents.map((s) => s.upos);
  if (opts.retag) {
    const t0 = Date.now();
    const tsents = sents.map((s) => {
      if (!s.goldUpos) throw new Error('parser: retag needs goldUpos on every training sentence');
      return { words: s.words, upos: s.upos, gold: s.goldUpos };
    });
    const folds = opts.folds ?? TRAIN_DEFAULTS.folds;
    const topts = { epochs: opts.taggerEpochs ?? TRAIN_DEFAULTS.taggerEpochs, seed, templates: opts.taggerTemplates, clusters: opts.clusters ?? null };
    parserTags = new Array(sents.length);
    let right = 0;
    let all = 0;
    for (let f = 0; f < folds; f++) {
      const tg = trainTagger(tsents.filter((_, i) => i % folds !== f), topts);
      tsents.forEach((s, i) => {
        if (i % folds !== f) return;
        parserTags[i] = tg.tag(s.words, s.upos);
        parserTags[i].forEach((t, k) => { all++; if (t === s.gold[k]) right++; });
      });
    }
    tagger = trainTagger(tsents, topts);
    opts.log?.(`retagger: ${folds}-fold tags for the parser ${(100 * right / Math.max(1, all)).toFixed(2)}% right; final tagger ${tagger.weights.rows} features; ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
  const fx = new FeatureExtractor(config.templates, labels);
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  let dense = new DenseWeights(C);
  const random = rng(seed);
  const data = sents
    .map((s, si) => ({ s, si }))
    .filter(({ s }) => s.words.length > 0)
    .map(({ s, si }) => {
      const n = s.words.length;
      const gh = new Int32Array(n);
      const gl = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        gh[i] = s.head[i] < 0 ? n : s.head[i];
        gl[i] = s.head[i] < 0 ? rootId : labelIndex.get(s.relation[i]) ?? -1;
      }
      return { enc: encodeSentence(s.words, parserTags[si], usesClusters(config.templates) ? opts.clusters ?? null : null), gh, gl };
    });
  const order = data.map((_, i) => i);
  const feats = new Int32Array(fx.size);
  const scores = new Float64Array(C);
  const costs = new Float64Array(C);
  const averaged = () => {
    const { weights, names } = dense.average(prune, weightScale, [2, 2 + L]);
    return new ParserModel(config, weights, names, tagger, opts.clusters ?? null);
  };
  for (let epoch = 0; epoch < epochs; epoch++) {
    const t0 = Date.now();
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let right = 0;
    let total = 0;
    for (const idx of order) {
      const { enc, gh, gl } = data[idx];
      const st = new ParseState(enc.n);
      while (!st.done) {
        const forced = forcedClass(st, rootId);
        if (forced >= 0) { st.apply(forced, L); continue; }
        fx.extract(st, enc, feats);
        dense.score(feats, scores);
        const guess = bestLegal(st, scores, L, rootId);
        oracleCosts(st, gh, gl, L, rootId, costs);
        let minCost = Infinity;
        for (let c = 0; c < C; c++) if (costs[c] < minCost) minCost = costs[c];
        let best = -1;
        for (let c = 0; c < C; c++) if (costs[c] === minCost && (best < 0 || scores[c] > scores[best])) best = c;
        dense.time++;
        total++;
        if (costs[guess] === minCost) right++;
        else dense.update(best, guess, feats, (f) => `${fx.templates[f]}\t${fx.describe(st, enc, f).join('\t')}`);
        const follow = epoch >= exploreFrom && costs[guess] !== minCost && random() < explore ? guess : costs[guess] === minCost ? guess : best;
        st.apply(follow, L);
      }
    }
    opts.log?.(`epoch ${epoch + 1}/${epochs}: ${(100 * right / Math.max(1, total)).toFixed(2)}% moves right, ${dense.rows} feature rows, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    if (select > 0 && selectAfter === epoch + 1) {
      dense = dense.compact(select);
      opts.log?.(`feature selection: ${dense.rows} feature rows kept (averaged |w| ≥ ${select})`);
    }
    opts.onEpoch?.(epoch, averaged);
  }
  return averaged();
}

/**
 * Follow the dynamic oracle alone (no model) from the initial state: for a projective gold tree
 * this reproduces it exactly. Used by tests as a check of the transition system and the oracle.
 */
export function oracleParse(gold: TrainSentence, labels: string[]): { head: number[]; relation: string[] } {
  const n = gold.words.length;
  const L = labels.length;
  const rootId = labels.indexOf(ROOT_LABEL);
  const index = new Map(labels.map((l, i) => [l, i]));
  const gh = new Int32Array(n);
  const gl = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    gh[i] = gold.head[i] < 0 ? n : gold.head[i];
    gl[i] = gold.head[i] < 0 ? rootId : index.get(gold.relation[i]) ?? -1;
  }
  const st = new ParseState(n);
  const costs = new Float64Array(2 + 2 * L);
  const zero = new Float64Array(2 + 2 * L);
  while (!st.done) {
    oracleCosts(st, gh, gl, L, rootId, costs);
    let best = -1;
    for (let c = 0; c < costs.length; c++) if (costs[c] !== Infinity && (best < 0 || costs[c] < costs[best])) best = c;
    st.apply(best >= 0 ? best : bestLegal(st, zero, L, rootId), L);
  }
  return finishParse(st, labels, rootId);
}
