/**
 * Features of the dependency parser: Zhang & Nivre (2011)'s rich feature set for the arc-eager
 * system (words, UPOS tags, labels, distance, valency, label sets of the stack top S0 and the
 * buffer front N0 and of their heads and children), shared by training and inference.
 *
 * A feature template is a list of atoms such as `S0.w` (the normalised word of the stack top) or
 * `N0l.p` (the tag of the leftmost child of the buffer front). Every atom value is a string and is
 * hashed once per sentence or state (FNV-1a); a feature is the 32-bit mix of its template's name
 * and its atom hashes. The weights file stores each kept feature readably (template, atom
 * strings), and `keyOf` rebuilds the same 32-bit key when the model is loaded, so the file can be
 * read and grepped, and the hash function is the only contract between the two.
 */
import type { ParseState } from './model.js';
import type { WordClusters } from './clusters.js';
import { fmix } from '../hash.js';
export { fmix };

/** Positions a template can look at. `S0h2` is the head of the head of S0; `S0l2` its second leftmost child. */
export const POSITIONS = ['S0', 'S0h', 'S0h2', 'S0l', 'S0l2', 'S0r', 'S0r2', 'N0', 'N1', 'N2', 'N0l', 'N0l2', 'S1'] as const;
/**
 * Attributes of a position: w normalised word, p UPOS tag, l dependency label of its arc to its
 * head, s three-letter suffix, vl/vr number of left/right children, sl/sr the set of labels of its
 * left/right children, c the word's shape (see `shapeOf`). The pseudo-atom `d` is the distance from
 * S0 to N0. With word clusters (clusters.ts): k the word's full cluster path, k4 and k6 its first
 * 4 and 6 bits (`<unk>` for a word without a cluster).
 */
export const ATTRIBUTES = ['w', 'p', 'l', 's', 'vl', 'vr', 'sl', 'sr', 'c', 'k', 'k4', 'k6'] as const;

/**
 * Whether some template (of the parser, `S0.k4`, or of the retagger, `k4-1`) uses a cluster atom
 * (k, k4, k6): the model then needs word clusters.
 */
export function usesClusters(templates: string[]): boolean {
  return templates.some((t) => t.split(' ').some((atom) => /^k[46]?([+-]\d)?$/.test(atom.includes('.') ? atom.slice(atom.indexOf('.') + 1) : atom)));
}

/** The default templates (Zhang & Nivre 2011, Table 1 and 2, with S1, suffix, shape and word-pair additions). */
export const DEFAULT_TEMPLATES: string[] = [
  // single words
  'S0.w S0.p', 'S0.w', 'S0.p', 'N0.w N0.p', 'N0.w', 'N0.p', 'N1.w N1.p', 'N1.w', 'N1.p', 'N2.w', 'N2.p',
  // word pairs
  'S0.w S0.p N0.w N0.p', 'S0.w S0.p N0.w', 'S0.w N0.w N0.p', 'S0.w S0.p N0.p', 'S0.p N0.w N0.p', 'S0.w N0.w', 'S0.p N0.p', 'N0.p N1.p',
  // three words
  'N0.p N1.p N2.p', 'S0.p N0.p N1.p', 'S0h.p S0.p N0.p', 'S0.p S0l.p N0.p', 'S0.p S0r.p N0.p', 'S0.p N0.p N0l.p',
  // distance
  'S0.w d', 'S0.p d', 'N0.w d', 'N0.p d', 'S0.w N0.w d', 'S0.p N0.p d',
  // valency
  'S0.w S0.vr', 'S0.p S0.vr', 'S0.w S0.vl', 'S0.p S0.vl', 'N0.w N0.vl', 'N0.p N0.vl',
  // unigrams of heads and children
  'S0h.w', 'S0h.p', 'S0.l', 'S0l.w', 'S0l.p', 'S0l.l', 'S0r.w', 'S0r.p', 'S0r.l', 'N0l.w', 'N0l.p', 'N0l.l',
  // third order
  'S0h.l', 'S0l2.p', 'S0l2.l', 'S0r2.p', 'S0r2.l', 'N0l2.p', 'N0l2.l',
  'S0.p S0l.p S0l2.p', 'S0.p S0r.p S0r2.p', 'S0.p S0h.p S0h2.p', 'N0.p N0l.p N0l2.p',
  // label sets
  'S0.w S0.sr', 'S0.p S0.sr', 'S0.w S0.sl', 'S0.p S0.sl', 'N0.w N0.sl', 'N0.p N0.sl',
  // additions: the second stack item, suffixes (robust to tagger errors), lookahead with S0
  'S1.p S0.p N0.p', 'S1.w S1.p', 'S1.p S0.p', 'N0.s', 'S0.s', 'N1.s', 'N0.s N0.p', 'S0.p N0.p N0.s',
  'S0.p N1.w', 'S0.w N1.p', 'S0.p N0.p N1.w', 'S0.l S0.p N0.p',
  // issue 7: six tag-independent word and shape templates (for tagger errors) in place of six
  // third-order ones (S0h2.w, S0h2.p, S0l2.w, S0r2.w, N0l2.w, N2.w N2.p): +0.41 UAS with wink tags
  // on dev for the same number of templates (see MODEL_CARD.md)
  'N0.w N1.w', 'S0.w N0.p N1.p', 'S0.c', 'N0.c', 'N0.c N0.s', 'S1.w S0.p N0.p',
];

/** Atom value strings for what is absent and for the artificial root. */
export const NONE = '<none>';
export const ROOT_WORD = '<root>';
export const ROOT_TAG = 'ROOT';
const DIST_CAP = 10;
const VAL_CAP = 6;

/** FNV-1a over UTF-16 code units, 32-bit. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** MurmurHash3 round: fold `k` into `h`. */
export function mix(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}


/** The hash of a label set given as two 32-bit masks (bit i = label i; labels ≥ 64 wrap). */
function setHash(lo: number, hi: number): number {
  if (lo === 0 && hi === 0) return NONE_H;
  return fmix(mix(mix(0x5e7, lo), hi));
}

/** Lower case, digits to 0, whitespace to _ (so that atoms never hold a tab). */
export function normalizeWord(word: string): string {
  let w = word.toLowerCase().replace(/\d/g, '0').replace(/\s/g, '_');
  if (w.length > 40) w = w.slice(0, 40);
  return w || '_';
}

const NONE_H = hashString(NONE);
const DIST_H = Array.from({ length: DIST_CAP + 1 }, (_, i) => hashString(String(i)));
const VAL_H = Array.from({ length: VAL_CAP + 1 }, (_, i) => hashString(String(i)));

/** A sentence prepared for parsing: per-token atom hashes; index n is the artificial root. */
export interface EncodedSentence {
  n: number;
  words: string[];
  tags: string[];
  shapes: string[];
  wordH: Int32Array;
  tagH: Int32Array;
  sufH: Int32Array;
  shapeH: Int32Array;
  /** Cluster atoms (full path, 4-bit and 6-bit prefix) per token, when the model has clusters. */
  clusters: string[][] | null;
  clusterH: Int32Array[] | null;
}

/** Shape class of a surface form: Xx title case, X upper, x lower, 0 digits, . punctuation, * other. */
export function shapeOf(word: string): string {
  if (/^\p{Lu}[\p{Ll}\p{M}'’.-]*$/u.test(word)) return word.length > 1 ? 'Xx' : 'X';
  if (/^\p{Lu}[\p{Lu}\p{M}'’.&-]*$/u.test(word)) return 'X';
  if (/^[\p{Ll}\p{M}'’.-]+$/u.test(word)) return 'x';
  if (/^\d[\d.,:/-]*$/.test(word)) return '0';
  if (/^[\p{P}\p{S}]+$/u.test(word)) return '.';
  if (/\p{Lu}/u.test(word)) return 'X*';
  return '*';
}

/** Normalised word, its hash, suffix hash and shape hash, memoized per surface form (bounded). */
const wordCache = new Map<string, { w: string; h: number; suf: number; shape: string; shapeH: number }>();
const tagCache = new Map<string, number>();
function wordAtoms(word: string): { w: string; h: number; suf: number; shape: string; shapeH: number } {
  let e = wordCache.get(word);
  if (!e) {
    const w = normalizeWord(word);
    const shape = shapeOf(word);
    e = { w, h: hashString(w), suf: hashString(w.length > 3 ? w.slice(-3) : w), shape, shapeH: hashString(shape) };
    if (wordCache.size > 200_000) wordCache.clear();
    wordCache.set(word, e);
  }
  return e;
}

function tagHash(tag: string): number {
  let th = tagCache.get(tag);
  if (th === undefined) { th = hashString(tag); if (tagCache.size < 1000) tagCache.set(tag, th); }
  return th;
}

/** Prepare a sentence (words and UPOS tags; word clusters if the model has them) for the feature extractor. */
export function encodeSentence(words: string[], upos: string[], wordClusters: WordClusters | null = null): EncodedSentence {
  const n = words.length;
  const nw: string[] = new Array(n + 1);
  const tags: string[] = new Array(n + 1);
  const wordH = new Int32Array(n + 1);
  const tagH = new Int32Array(n + 1);
  const sufH = new Int32Array(n + 1);
  const shapes: string[] = new Array(n + 1);
  const shapeH = new Int32Array(n + 1);
  const clusters: string[][] | null = wordClusters ? [new Array(n + 1), new Array(n + 1), new Array(n + 1)] : null;
  const clusterH: Int32Array[] | null = wordClusters ? [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)] : null;
  for (let i = 0; i < n; i++) {
    const a = wordAtoms(words[i]);
    if (wordClusters && clusters && clusterH) {
      const k = wordClusters.of(a.w);
      for (let j = 0; j < 3; j++) { clusters[j][i] = k.s[j]; clusterH[j][i] = k.h[j]; }
    }
    nw[i] = a.w;
    const tag = upos[i] || 'X';
    tags[i] = tag;
    wordH[i] = a.h;
    tagH[i] = tagHash(tag);
    sufH[i] = a.suf;
    shapes[i] = a.shape;
    shapeH[i] = a.shapeH;
  }
  nw[n] = ROOT_WORD;
  tags[n] = ROOT_TAG;
  wordH[n] = hashString(ROOT_WORD);
  tagH[n] = hashString(ROOT_TAG);
  sufH[n] = wordH[n];
  shapes[n] = ROOT_WORD;
  shapeH[n] = wordH[n];
  if (clusters && clusterH) for (let j = 0; j < 3; j++) { clusters[j][n] = ROOT_WORD; clusterH[j][n] = wordH[n]; }
  return { n, words: nw, tags, shapes, wordH, tagH, sufH, shapeH, clusters, clusterH };
}

const P = Object.fromEntries(POSITIONS.map((p, i) => [p, i])) as Record<string, number>;
const A = Object.fromEntries(ATTRIBUTES.map((a, i) => [a, i])) as Record<string, number>;
const A_D: number = ATTRIBUTES.length; // the distance pseudo-attribute

/**
 * Feature extraction for a fixed list of templates. `extract` writes one 32-bit key per template;
 * `describe` gives the readable form of one of them (for the weights file); `keyOf` turns a
 * readable form back into the key.
 */
export class FeatureExtractor {
  readonly templates: string[];
  readonly size: number;
  /** The labels of the transition system (label sets are bit masks over these ids). */
  readonly labels: string[];
  private readonly labelH: Int32Array;
  private readonly labelIndex: Map<string, number>;
  /** Distinct atoms used by any template: position id and attribute id. */
  private readonly atomPos: Int32Array;
  private readonly atomAttr: Int32Array;
  /** Per template: start in `tplAtoms`, and the atoms (indices into the distinct-atom list). */
  private readonly tplStart: Int32Array;
  private readonly tplAtoms: Int32Array;
  private readonly tplSeed: Int32Array;
  private readonly atomVals: Int32Array;
  private readonly pos = new Int32Array(POSITIONS.length);
  /**
   * For `extract`: the templates by number of atoms, as flat lists of (template, its atoms' ids):
   * one atom, two, three; `tplOther` lists the templates of any other arity.
   */
  private readonly tpl1: Int32Array;
  private readonly tpl2: Int32Array;
  private readonly tpl3: Int32Array;
  private readonly tplOther: Int32Array;
  /**
   * The templates as a program for the WebAssembly kernel (kernel.ts `hashKeys`): per template its
   * seed, its number of atoms, and for each atom 4 × its index in `atomValues`.
   */
  readonly program: Int32Array;
  /** Number of distinct atoms (the length of `atomValues`). */
  readonly atomCount: number;

  constructor(templates: string[], labels: string[]) {
    this.templates = templates.slice();
    this.size = templates.length;
    this.labels = labels.slice();
    this.labelH = Int32Array.from(labels, (l) => hashString(l));
    this.labelIndex = new Map(labels.map((l, i) => [l, i]));
    const atomIds = new Map<string, number>();
    const atomPos: number[] = [];
    const atomAttr: number[] = [];
    const tplStart: number[] = [0];
    const tplAtoms: number[] = [];
    for (const t of templates) {
      for (const atom of t.split(' ')) {
        let id = atomIds.get(atom);
        if (id === undefined) {
          let p = 0;
          let a = A_D;
          if (atom !== 'd') {
            const [ps, as] = atom.split('.');
            if (!(ps in P) || !(as in A)) throw new Error(`parser: unknown feature atom "${atom}" in template "${t}"`);
            p = P[ps];
            a = A[as];
          }
          id = atomPos.length;
          atomIds.set(atom, id);
          atomPos.push(p);
          atomAttr.push(a);
        }
        tplAtoms.push(id);
      }
      tplStart.push(tplAtoms.length);
    }
    this.atomPos = Int32Array.from(atomPos);
    this.atomAttr = Int32Array.from(atomAttr);
    this.tplStart = Int32Array.from(tplStart);
    this.tplAtoms = Int32Array.from(tplAtoms);
    this.tplSeed = Int32Array.from(templates, (t) => hashString(t));
    this.atomVals = new Int32Array(atomPos.length);
    const by: number[][] = [[], [], [], []];
    const other: number[] = [];
    for (let t = 0; t < templates.length; t++) {
      const arity = tplStart[t + 1] - tplStart[t];
      if (arity >= 1 && arity <= 3) by[arity].push(t, ...tplAtoms.slice(tplStart[t], tplStart[t + 1]));
      else other.push(t);
    }
    this.tpl1 = Int32Array.from(by[1]);
    this.tpl2 = Int32Array.from(by[2]);
    this.tpl3 = Int32Array.from(by[3]);
    this.tplOther = Int32Array.from(other);
    const program: number[] = [];
    for (let t = 0; t < templates.length; t++) {
      program.push(this.tplSeed[t], tplStart[t + 1] - tplStart[t]);
      for (let j = tplStart[t]; j < tplStart[t + 1]; j++) program.push(4 * tplAtoms[j]);
    }
    this.program = Int32Array.from(program);
    this.atomCount = atomPos.length;
  }

  /** Fill `this.pos` with the token index at each position of the state (-1: absent; n: root). */
  private positions(st: ParseState): void {
    const pos = this.pos;
    const n = st.n;
    const s0 = st.sp > 0 ? st.stack[st.sp - 1] : -1;
    const b = st.b;
    pos[0] = s0;
    const s0h = s0 >= 0 ? st.head[s0] : -1;
    pos[1] = s0h;
    pos[2] = s0h >= 0 && s0h < n ? st.head[s0h] : -1;
    pos[3] = s0 >= 0 ? st.l1[s0] : -1;
    pos[4] = s0 >= 0 ? st.l2[s0] : -1;
    pos[5] = s0 >= 0 ? st.r1[s0] : -1;
    pos[6] = s0 >= 0 ? st.r2[s0] : -1;
    pos[7] = b;
    pos[8] = b + 1 <= n ? b + 1 : -1;
    pos[9] = b + 2 <= n ? b + 2 : -1;
    pos[10] = st.l1[b];
    pos[11] = st.l2[b];
    pos[12] = st.sp > 1 ? st.stack[st.sp - 2] : -1;
  }

  private atomValue(st: ParseState, enc: EncodedSentence, p: number, a: number): number {
    if (a === A_D) {
      const s0 = this.pos[0];
      if (s0 < 0) return NONE_H;
      const d = st.b - s0;
      return DIST_H[d > DIST_CAP ? DIST_CAP : d];
    }
    const i = this.pos[p];
    if (i < 0) return NONE_H;
    switch (a) {
      case 0: return enc.wordH[i];
      case 1: return enc.tagH[i];
      case 2: { const l = st.label[i]; return l >= 0 ? this.labelH[l] : NONE_H; }
      case 3: return enc.sufH[i];
      case 4: { const v = st.nl[i]; return VAL_H[v > VAL_CAP ? VAL_CAP : v]; }
      case 5: { const v = st.nr[i]; return VAL_H[v > VAL_CAP ? VAL_CAP : v]; }
      case 6: return setHash(st.slLo[i], st.slHi[i]);
      case 7: return setHash(st.srLo[i], st.srHi[i]);
      case 8: return enc.shapeH[i];
      default: return enc.clusterH ? enc.clusterH[a - 9][i] : NONE_H;
    }
  }

  /**
   * The hash of every distinct atom in this state (`atomCount` values; a buffer reused from call to
   * call), from which `program` makes the keys.
   */
  atomValues(st: ParseState, enc: EncodedSentence): Int32Array {
    this.positions(st);
    const vals = this.atomVals;
    const atomPos = this.atomPos;
    const atomAttr = this.atomAttr;
    for (let k = 0; k < vals.length; k++) vals[k] = this.atomValue(st, enc, atomPos[k], atomAttr[k]);
    return vals;
  }

  /** Write the key of every template for this state into `out` (length ≥ size). */
  extract(st: ParseState, enc: EncodedSentence, out: Int32Array): void {
    const vals = this.atomValues(st, enc);
    // the same keys as `keyOf`: seed, then the atoms in template order, then fmix; by arity, so that
    // the loops have no inner loop
    const seed = this.tplSeed;
    const t1 = this.tpl1;
    for (let x = 0; x < t1.length; x += 2) {
      const t = t1[x];
      const h = fmix(mix(seed[t], vals[t1[x + 1]]));
      out[t] = h === 0 ? 1 : h;
    }
    const t2 = this.tpl2;
    for (let x = 0; x < t2.length; x += 3) {
      const t = t2[x];
      const h = fmix(mix(mix(seed[t], vals[t2[x + 1]]), vals[t2[x + 2]]));
      out[t] = h === 0 ? 1 : h;
    }
    const t3 = this.tpl3;
    for (let x = 0; x < t3.length; x += 4) {
      const t = t3[x];
      const h = fmix(mix(mix(mix(seed[t], vals[t3[x + 1]]), vals[t3[x + 2]]), vals[t3[x + 3]]));
      out[t] = h === 0 ? 1 : h;
    }
    const ts = this.tplStart;
    const ta = this.tplAtoms;
    const to = this.tplOther;
    for (let x = 0; x < to.length; x++) {
      const t = to[x];
      let h = seed[t];
      for (let j = ts[t]; j < ts[t + 1]; j++) h = mix(h, vals[ta[j]]);
      h = fmix(h);
      out[t] = h === 0 ? 1 : h;
    }
  }

  private atomString(st: ParseState, enc: EncodedSentence, p: number, a: number): string {
    if (a === A_D) {
      const s0 = this.pos[0];
      if (s0 < 0) return NONE;
      return String(Math.min(DIST_CAP, st.b - s0));
    }
    const i = this.pos[p];
    if (i < 0) return NONE;
    switch (a) {
      case 0: return enc.words[i];
      case 1: return enc.tags[i];
      case 2: return st.label[i] >= 0 ? this.labels[st.label[i]] : NONE;
      case 3: { const w = enc.words[i]; return i === enc.n ? w : w.length > 3 ? w.slice(-3) : w; }
      case 4: return String(Math.min(VAL_CAP, st.nl[i]));
      case 5: return String(Math.min(VAL_CAP, st.nr[i]));
      case 6: return this.setString(st.slLo[i], st.slHi[i]);
      case 7: return this.setString(st.srLo[i], st.srHi[i]);
      case 8: return enc.shapes[i];
      default: return enc.clusters ? enc.clusters[a - 9][i] : NONE;
    }
  }

  private setString(lo: number, hi: number): string {
    if (lo === 0 && hi === 0) return NONE;
    const out: string[] = [];
    for (let i = 0; i < this.labels.length && i < 64; i++) {
      if (i < 32 ? (lo >>> i) & 1 : (hi >>> (i - 32)) & 1) out.push(this.labels[i]);
    }
    return out.join(',');
  }

  /** The readable atom values of template `t` in this state (call right after `extract`). */
  describe(st: ParseState, enc: EncodedSentence, t: number): string[] {
    const out: string[] = [];
    for (let j = this.tplStart[t]; j < this.tplStart[t + 1]; j++) {
      const k = this.tplAtoms[j];
      out.push(this.atomString(st, enc, this.atomPos[k], this.atomAttr[k]));
    }
    return out;
  }

  /** Number of atoms of template `t`. */
  arity(t: number): number {
    return this.tplStart[t + 1] - this.tplStart[t];
  }

  /** The key of template `t` with the given readable atom values (the inverse of `describe`). */
  keyOf(t: number, atoms: string[]): number {
    let h = this.tplSeed[t];
    for (let j = this.tplStart[t], m = 0; j < this.tplStart[t + 1]; j++, m++) {
      const a = this.atomAttr[this.tplAtoms[j]];
      const s = atoms[m];
      let v: number;
      if ((a === 6 || a === 7) && s !== NONE) {
        let lo = 0;
        let hi = 0;
        for (const name of s.split(',')) {
          const id = this.labelIndex.get(name);
          if (id === undefined) continue;
          if (id < 32) lo |= 1 << id;
          else hi |= 1 << ((id - 32) & 31);
        }
        v = setHash(lo, hi);
      } else {
        v = hashString(s);
      }
      h = mix(h, v);
    }
    h = fmix(h);
    return h === 0 ? 1 : h;
  }
}

// ---------------------------------------------------------------------------------------------
// Features of the UPOS retagger

/**
 * Templates of the retagger (a greedy left-to-right UPOS tagger that reads wink's tags; see
 * `UposTagger` in model.ts). Atoms: `w` normalised word, `s1`/`s2`/`s3` suffixes, `p1` first
 * letter (`p2`, `p3`: two, three), `s4` four-letter suffix, `c` shape, `wt` wink's tag, `t` the retagger's own tag (left context only),
 * `k`, `k4`, `k6` the word's cluster path and its 4- and 6-bit prefixes (models with clusters); an offset
 * such as `-1` looks at a neighbour. `bias` is the template with no atom.
 */
export const TAGGER_TEMPLATES: string[] = [
  'bias', 'w', 's1', 's3', 'p1', 'c', 'wt', 'w wt', 'wt-1 wt', 'wt wt+1', 'wt-1 wt wt+1', 't-1', 't-2 t-1', 't-1 w', 't-1 wt',
  'w-1', 'w+1', 's3+1', 'w+2', 'wt-1 w', 'w wt+1', 's3 wt',
  // Honnibal's tagger templates not above; chosen on 2,000 held-out train sentences (95.42% -> 95.67%)
  'w-2', 's3-1', 't-2', 'p3', 's4', 's2',
];

const TAG_ATTRS = ['w', 's1', 's2', 's3', 'p1', 'c', 'wt', 't', 's4', 'p2', 'p3', 'k', 'k4', 'k6'] as const;
/** Per retagger attribute (TAG_ATTRS), its index in the word atoms of `taggerAtoms` (-1: not a word atom). */
const WORD_ATOM = [0, 1, 2, 3, 4, 5, -1, -1, 6, 7, 8, -1, -1, -1];
/** Index in TAG_ATTRS of the first cluster attribute (k; then k4, k6). */
const TAG_K = 11;
const BOS = '<s>';
const EOS = '</s>';
const BOS_H = hashString(BOS);
const winkTagHashes = new Map<string, number>();
const EOS_H = hashString(EOS);

/** The word atoms of the retagger (w, s1, s2, s3, p1, c, s4, p2, p3) as strings and hashes, memoized per surface form (bounded). */
const taggerCache = new Map<string, { s: string[]; h: number[] }>();
function taggerAtoms(word: string): { s: string[]; h: number[] } {
  let e = taggerCache.get(word);
  if (!e) {
    const w = normalizeWord(word);
    const s = [w, w.slice(-1), w.slice(-2), w.slice(-3), w.slice(0, 1), shapeOf(word), w.slice(-4), w.slice(0, 2), w.slice(0, 3)];
    e = { s, h: s.map(hashString) };
    if (taggerCache.size > 200_000) taggerCache.clear();
    taggerCache.set(word, e);
  }
  return e;
}

/** A sentence prepared for the retagger: per attribute, per token, the atom string and hash. */
export interface TaggerSentence {
  n: number;
  strings: string[][];
  hashes: Int32Array[];
  /** The retagger's tags so far (strings and hashes), filled left to right. */
  tags: string[];
  tagH: Int32Array;
}

/** Features of the retagger for a fixed list of templates (see `FeatureExtractor` for the scheme). */
export class TaggerFeatures {
  readonly templates: string[];
  readonly size: number;
  private readonly tplStart: Int32Array;
  private readonly atomAttr: Int32Array;
  private readonly atomOff: Int32Array;
  private readonly tplSeed: Int32Array;
  /** Per attribute of TAG_ATTRS: whether some template uses it. */
  private readonly used: boolean[];
  private readonly clusters: WordClusters | null;
  /** The used word atoms as pairs (attribute index in TAG_ATTRS, index in `taggerAtoms`). */
  private readonly wordAttrs: Int32Array;
  /** The sentence `prepare` fills without strings (at prediction), reused from call to call. */
  private scratch: TaggerSentence | null = null;
  /** Distinct atoms of the templates: attribute (index in TAG_ATTRS) and offset of each. */
  private readonly distinctAttr: Int32Array;
  private readonly distinctOff: Int32Array;
  private readonly atomVals: Int32Array;
  /**
   * The templates as a program for the WebAssembly kernel (kernel.ts `hashKeys`), as
   * `FeatureExtractor.program`: per template its seed, its number of atoms, and for each atom 4 × its
   * index in `atomValues`.
   */
  readonly program: Int32Array;
  /** Number of distinct atoms (the length of `atomValues`). */
  readonly atomCount: number;

  /** `clusters` is needed when a template uses a cluster atom. */
  constructor(templates: string[], clusters: WordClusters | null = null) {
    if (usesClusters(templates) && !clusters) throw new Error('parser: the retagger templates use word clusters but the model has none');
    this.clusters = clusters;
    this.templates = templates.slice();
    this.size = templates.length;
    const start: number[] = [0];
    const attr: number[] = [];
    const off: number[] = [];
    for (const t of templates) {
      if (t !== 'bias') {
        for (const atom of t.split(' ')) {
          const m = /^(w|s1|s2|s3|s4|p1|p2|p3|c|wt|t|k|k4|k6)([+-]\d)?$/.exec(atom);
          if (!m) throw new Error(`parser: unknown tagger atom "${atom}" in template "${t}"`);
          const o = m[2] ? Number(m[2]) : 0;
          if (m[1] === 't' && o >= 0) throw new Error(`parser: tagger template "${t}" looks at its own tag of a word not yet tagged`);
          attr.push(TAG_ATTRS.indexOf(m[1] as (typeof TAG_ATTRS)[number]));
          off.push(o);
        }
      }
      start.push(attr.length);
    }
    this.tplStart = Int32Array.from(start);
    this.atomAttr = Int32Array.from(attr);
    this.atomOff = Int32Array.from(off);
    this.tplSeed = Int32Array.from(templates, (t) => hashString(`tagger ${t}`));
    this.used = TAG_ATTRS.map((_, k) => attr.includes(k));
    this.wordAttrs = Int32Array.from(TAG_ATTRS.flatMap((_, k) => (WORD_ATOM[k] >= 0 && this.used[k] ? [k, WORD_ATOM[k]] : [])));
    const ids = new Map<string, number>();
    const program: number[] = [];
    for (let t = 0; t < templates.length; t++) {
      program.push(this.tplSeed[t], start[t + 1] - start[t]);
      for (let j = start[t]; j < start[t + 1]; j++) {
        const name = `${attr[j]} ${off[j]}`;
        if (!ids.has(name)) ids.set(name, ids.size);
        program.push(4 * ids.get(name)!);
      }
    }
    this.program = Int32Array.from(program);
    this.atomCount = ids.size;
    this.distinctAttr = Int32Array.from(ids.keys(), (k) => Number(k.split(' ')[0]));
    this.distinctOff = Int32Array.from(ids.keys(), (k) => Number(k.split(' ')[1]));
    this.atomVals = new Int32Array(ids.size);
  }

  /**
   * The hash of every distinct atom at token i (`atomCount` values; a buffer reused from call to
   * call), from which `program` makes the keys `extract` would write.
   */
  atomValues(s: TaggerSentence, i: number): Int32Array {
    const vals = this.atomVals;
    for (let a = 0; a < vals.length; a++) {
      const k = i + this.distinctOff[a];
      vals[a] = k < 0 ? BOS_H : k >= s.n ? EOS_H : s.hashes[this.distinctAttr[a]][k];
    }
    return vals;
  }

  /**
   * Prepare words with wink's tags. Only the attributes the templates use are filled, and their
   * strings (needed by `describe`, in training) only when `withStrings`.
   */
  prepare(words: string[], upos: string[], withStrings = true): TaggerSentence {
    if (!withStrings) return this.prepareHashes(words, upos);
    const n = words.length;
    const used = this.used;
    const strings: string[][] = TAG_ATTRS.map((_, k) => (withStrings && used[k]) || k === 7 ? new Array(n) : []);
    const hashes: Int32Array[] = TAG_ATTRS.map((_, k) => new Int32Array(used[k] || k === 7 ? n : 0));
    for (let i = 0; i < n; i++) {
      const a = taggerAtoms(words[i]);
      for (let k = 0; k < TAG_ATTRS.length; k++) {
        const m = WORD_ATOM[k];
        if (m < 0 || !used[k]) continue;
        hashes[k][i] = a.h[m];
        if (withStrings) strings[k][i] = a.s[m];
      }
      if (used[6]) {
        const tag = upos[i] || 'X';
        let th = winkTagHashes.get(tag);
        if (th === undefined) { th = hashString(tag); if (winkTagHashes.size < 1000) winkTagHashes.set(tag, th); }
        hashes[6][i] = th;
        if (withStrings) strings[6][i] = tag;
      }
      strings[7][i] = NONE;
      hashes[7][i] = NONE_H;
      if (this.clusters && (used[TAG_K] || used[TAG_K + 1] || used[TAG_K + 2])) {
        const k = this.clusters.of(a.s[0]);
        for (let j = 0; j < 3; j++) {
          if (!used[TAG_K + j]) continue;
          hashes[TAG_K + j][i] = k.h[j];
          if (withStrings) strings[TAG_K + j][i] = k.s[j];
        }
      }
    }
    return { n, strings, hashes, tags: strings[7], tagH: hashes[7] };
  }

  /**
   * `prepare` without strings, for prediction: the same hashes (and `tags`, `tagH` for the tagger's
   * own tags) in buffers reused from call to call (valid until the next call; longer than `n`).
   */
  private prepareHashes(words: string[], upos: string[]): TaggerSentence {
    const n = words.length;
    let s = this.scratch;
    if (!s || s.tagH.length < n) {
      const cap = Math.max(n, 2 * (s?.tagH.length ?? 32));
      const strings: string[][] = TAG_ATTRS.map(() => []);
      strings[7] = new Array<string>(cap);
      const hashes = TAG_ATTRS.map((_, k) => new Int32Array(this.used[k] || k === 7 ? cap : 0));
      s = this.scratch = { n, strings, hashes, tags: strings[7], tagH: hashes[7] };
    }
    s.n = n;
    const { hashes, tags, tagH } = s;
    const wa = this.wordAttrs;
    const useTag = this.used[6];
    const clusters = this.clusters && (this.used[TAG_K] || this.used[TAG_K + 1] || this.used[TAG_K + 2]) ? this.clusters : null;
    for (let i = 0; i < n; i++) {
      const a = taggerAtoms(words[i]);
      for (let x = 0; x < wa.length; x += 2) hashes[wa[x]][i] = a.h[wa[x + 1]];
      if (useTag) {
        const tag = upos[i] || 'X';
        let th = winkTagHashes.get(tag);
        if (th === undefined) { th = hashString(tag); if (winkTagHashes.size < 1000) winkTagHashes.set(tag, th); }
        hashes[6][i] = th;
      }
      tags[i] = NONE;
      tagH[i] = NONE_H;
      if (clusters) {
        const k = clusters.of(a.s[0]);
        for (let j = 0; j < 3; j++) if (this.used[TAG_K + j]) hashes[TAG_K + j][i] = k.h[j];
      }
    }
    return s;
  }

  /** Write the key of every template for token i into `out`. */
  extract(s: TaggerSentence, i: number, out: Int32Array): void {
    for (let t = 0; t < this.size; t++) {
      let h = this.tplSeed[t];
      for (let j = this.tplStart[t]; j < this.tplStart[t + 1]; j++) {
        const k = i + this.atomOff[j];
        h = mix(h, k < 0 ? BOS_H : k >= s.n ? EOS_H : s.hashes[this.atomAttr[j]][k]);
      }
      h = fmix(h);
      out[t] = h === 0 ? 1 : h;
    }
  }

  /** The readable atom values of template t at token i. */
  describe(s: TaggerSentence, i: number, t: number): string[] {
    const out: string[] = [];
    for (let j = this.tplStart[t]; j < this.tplStart[t + 1]; j++) {
      const k = i + this.atomOff[j];
      out.push(k < 0 ? BOS : k >= s.n ? EOS : s.strings[this.atomAttr[j]][k]);
    }
    return out;
  }

  /** Number of atoms of template t. */
  arity(t: number): number {
    return this.tplStart[t + 1] - this.tplStart[t];
  }

  /** The key of template t with the given readable atom values. */
  keyOf(t: number, atoms: string[]): number {
    let h = this.tplSeed[t];
    for (let m = 0; m < atoms.length; m++) h = mix(h, hashString(atoms[m]));
    h = fmix(h);
    return h === 0 ? 1 : h;
  }
}
