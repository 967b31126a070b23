/**
 * Features of the named-entity recognizer (issue 4). One module, shared by training and
 * prediction, so that the two can never drift apart (DESIGN.md, model 3).
 *
 * The recognizer reads *NER tokens*: CoNLL-2003-style tokens. wink-nlp splits hyphenated and
 * slashed words ("Qasym-Zhomart" → `Qasym` `-` `Zhomart`, "RFE/RL" → `RFE` `/` `RL`) where CoNLL
 * keeps them whole, so `mergeWinkTokens` joins such runs back before tagging; the trainer reads the
 * CoNLL tokens with wink and gives a token that wink splits the POS of its pieces by the same rule
 * (`mergedPos`).
 *
 * A feature is a *template* (e.g. `l-1|l`, the lower-case previous and current words) with up to
 * three string values. Features are never built as strings when tagging: each value's two 32-bit
 * hashes are computed once per token, and a feature's key is the template's hashes mixed with its
 * values' (two independent 32-bit keys, so that a collision needs both to collide). Training keeps
 * the readable name of each feature that gets a weight, and the weights file lists features by
 * template and values, so the model stays readable text.
 *
 * Templates of one token `i` are of three kinds:
 *  - static: bias; word (case kept, digits as 0), lower-case word, shapes, POS, prefixes and
 *    suffixes up to 4; gazetteer class; a ±2 window of words, shapes, POS and gazetteer classes;
 *    word, shape and POS bigrams; document features (the word's casing elsewhere in the document,
 *    ALL-CAPS headline sentence);
 *  - stage 2 (second pass only): the first pass's tags at i-1, i, i+1 and the types the first pass
 *    gave the same word across the whole document;
 *  - dynamic: the two previous predicted tags (alone, and with the word and shape) and the type
 *    given so far to the same word in the document (prediction history).
 */
import { fmix } from '../hash.js';

/** One input token of the recognizer: surface text and Universal POS tag (wink-nlp's). */
export interface NerToken {
  text: string;
  pos: string;
}

/** Entity types of the model (CoNLL-2003). */
export const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** BILOU tags used inside the model; the public API speaks BIO. */
export const BILOU_TAGS: string[] = ['O', ...ENTITY_TYPES.flatMap((t) => ['B', 'I', 'L', 'U'].map((p) => `${p}-${t}`))];

// ---------------------------------------------------------------- text helpers

/** Map typographic quotes, apostrophes and dashes to the ASCII forms CoNLL uses. */
export function normalizeText(s: string): string {
  if (/^[\x20-\x7e]*$/.test(s)) return s;
  return s
    .replace(/[\u2018\u2019\u201A\u201B\u02BC\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033]/g, '"')
    .replace(/[\u2010\u2011\u2012\u2013\u2212]/g, '-')
    .replace(/[\u2014\u2015]/g, '--');
}

function charClass(c: string): string {
  if (c >= 'a' && c <= 'z') return 'x';
  if (c >= 'A' && c <= 'Z') return 'X';
  if (c >= '0' && c <= '9') return 'd';
  if (c < '\u0080') return c;
  const l = c.toLowerCase();
  const u = c.toUpperCase();
  if (l !== u) return c === u ? 'X' : 'x';
  return c;
}

/** Word shape with runs of the same class collapsed: "Zhomart" → "Xx", "U.S." → "X.X.", "1996" → "d". */
export function shortShape(s: string): string {
  let out = '';
  let last = '';
  for (const c of s) {
    const k = charClass(c);
    if (k !== last) out += k;
    last = k;
  }
  return out;
}

/** Word shape keeping up to four repeats: "Zhomart" → "Xxxxx", "RFE" → "XXX". */
export function longShape(s: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (const c of s) {
    const k = charClass(c);
    run = k === last ? run + 1 : 1;
    last = k;
    if (run <= 4) out += k;
  }
  return out;
}

/** Casing class: `X` capitalized, `A` ALL-CAPS (two letters or more), `x` lower, `m` mixed, `-` no letter. */
export function casing(s: string): 'X' | 'A' | 'x' | '-' | 'm' {
  let up = 0;
  let low = 0;
  let firstUp = false;
  let seen = false;
  for (const c of s) {
    const k = charClass(c);
    if (k === 'X') { up++; if (!seen) firstUp = true; seen = true; } else if (k === 'x') { low++; seen = true; }
  }
  if (!seen) return '-';
  if (low === 0) return up >= 2 ? 'A' : 'X';
  if (up === 0) return 'x';
  return firstUp ? 'X' : 'm';
}

/** POS of a token that wink read as several pieces: PROPN if any piece is, else the last non-punctuation piece's. */
export function mergedPos(parts: string[]): string {
  if (parts.length === 1) return parts[0];
  if (parts.includes('PROPN')) return 'PROPN';
  for (let i = parts.length - 1; i >= 0; i--) if (parts[i] !== 'PUNCT' && parts[i] !== 'SYM') return parts[i];
  return parts[parts.length - 1] ?? 'X';
}

const JOINERS = new Set(['-', '/', '&', '\u2010', '\u2011']);
const WORDY_END = /[\p{L}\p{N}]$/u;
const WORDY_START = /^[\p{L}\p{N}]/u;

/** A wink token as the merger needs it. */
export interface OffsetToken {
  text: string;
  start: number;
  end: number;
}

/**
 * Group wink tokens into NER tokens: `word-word`, `word/word` and `word&word` written without
 * spaces become one token, as in CoNLL-2003. Returns `[first, last+1)` index ranges into `tokens`.
 */
export function mergeWinkTokens(tokens: readonly OffsetToken[]): Array<[number, number]> {
  const groups: Array<[number, number]> = [];
  let i = 0;
  while (i < tokens.length) {
    let j = i + 1;
    while (
      j + 1 < tokens.length &&
      JOINERS.has(tokens[j].text) &&
      tokens[j - 1].end === tokens[j].start &&
      tokens[j].end === tokens[j + 1].start &&
      WORDY_END.test(tokens[j - 1].text) &&
      WORDY_START.test(tokens[j + 1].text)
    ) j += 2;
    groups.push([i, j]);
    i = j;
  }
  return groups;
}

// ---------------------------------------------------------------- gazetteer

/** Split a gazetteer name the way NER tokens are split (on spaces), lower-cased, a leading "the" dropped. */
export function gazetteerWords(name: string): string[] {
  return normalizeText(name).replace(/^the\s+/i, '').toLowerCase().split(/\s+/).filter(Boolean);
}

/** Gazetteer: multi-word names with a class, matched case-insensitively over NER tokens. */
export class Gazetteer {
  private readonly byFirst = new Map<string, Array<{ words: string[]; cls: string }>>();
  readonly size: number;

  /** `entries`: [name, class] pairs, e.g. ["Kazakhstan", "state"]. */
  constructor(entries: Iterable<[string, string]>) {
    let n = 0;
    const seen = new Set<string>();
    for (const [name, cls] of entries) {
      const words = gazetteerWords(name);
      if (!words.length || /[\t\n]/.test(cls)) continue;
      const key = words.join(' ') + '\t' + cls;
      if (seen.has(key)) continue;
      seen.add(key);
      const list = this.byFirst.get(words[0]) ?? [];
      list.push({ words, cls });
      this.byFirst.set(words[0], list);
      n++;
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length || (a.cls < b.cls ? -1 : 1));
    this.size = n;
  }

  /** For each token, `B-cls`/`I-cls`/`L-cls`/`U-cls` of the longest match (left to right), or ''. */
  match(lower: readonly string[]): string[] {
    const out = new Array<string>(lower.length).fill('');
    let i = 0;
    while (i < lower.length) {
      const list = this.byFirst.get(lower[i]);
      let len = 0;
      let cls = '';
      if (list) {
        for (const e of list) {
          if (i + e.words.length > lower.length) continue;
          let ok = true;
          for (let k = 1; k < e.words.length; k++) if (e.words[k] !== lower[i + k]) { ok = false; break; }
          if (ok) { len = e.words.length; cls = e.cls; break; }
        }
      }
      if (!len) { i++; continue; }
      if (len === 1) out[i] = `U-${cls}`;
      else for (let k = 0; k < len; k++) out[i + k] = `${k === 0 ? 'B' : k === len - 1 ? 'L' : 'I'}-${cls}`;
      i += len;
    }
    return out;
  }

  /** The entries, sorted, as written to the model folder. */
  entries(): Array<[string, string]> {
    const out: Array<[string, string]> = [];
    for (const list of this.byFirst.values()) for (const e of list) out.push([e.words.join(' '), e.cls]);
    return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : 1));
  }
}

// ---------------------------------------------------------------- hashing


/** First 32-bit hash of a string (FNV-1a, finalized). */
export function hashA(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return fmix(h ^ s.length);
}

/** Second, independent 32-bit hash of a string. */
export function hashB(s: string): number {
  let h = 0x2545f491;
  for (let i = 0; i < s.length; i++) { h = Math.imul(h ^ s.charCodeAt(i), 0x5bd1e995); h ^= h >>> 15; }
  return fmix(h + s.length);
}

/** Mix a value hash into a feature key (a murmur3 round; order matters). Keys are finalized with `fmix`. */
export function mixA(h: number, v: number): number {
  let k = Math.imul(v, 0xcc9e2d51);
  k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}
export function mixB(h: number, v: number): number {
  let k = Math.imul(v, 0x239b961b);
  k = Math.imul((k << 16) | (k >>> 16), 0xab0e9789);
  h ^= k;
  h = (h << 17) | (h >>> 15);
  return (Math.imul(h, 3) + 0x38b34ae5) | 0;
}

/** A column of string values for the tokens of a sentence, padded with 2 slots on each side, and their hashes. */
export class Field {
  readonly s: string[];
  readonly a: Int32Array;
  readonly b: Int32Array;
  constructor(values: readonly string[], padL = PAD_L, padR = PAD_R) {
    const n = padL.length + values.length + padR.length;
    this.s = new Array<string>(n);
    this.a = new Int32Array(n);
    this.b = new Int32Array(n);
    let k = 0;
    for (const v of padL) this.put(k++, v);
    for (const v of values) this.put(k++, v);
    for (const v of padR) this.put(k++, v);
  }
  private put(k: number, v: string): void {
    this.s[k] = v;
    let h = HASH_MEMO.get(v);
    if (h === undefined) {
      if (HASH_MEMO.size >= 1 << 16) HASH_MEMO.clear();
      h = [hashA(v), hashB(v)];
      HASH_MEMO.set(v, h);
    }
    this.a[k] = h[0];
    this.b[k] = h[1];
  }

  /** A column of lexeme values (`col`: one of the LEX_* columns) for tokens `lex[idx[i]]` (default: all in order). */
  static ofLexemes(lex: readonly Lexeme[], col: number, idx?: readonly number[]): Field {
    const m = idx ? idx.length : lex.length;
    const f = new Field([], [], []);
    const n = m + 4;
    const s = new Array<string>(n);
    const a = new Int32Array(n);
    const b = new Int32Array(n);
    for (let k = 0; k < 2; k++) {
      s[k] = PAD_L[k]; a[k] = PAD_HA[k]; b[k] = PAD_HB[k];
      s[n - 2 + k] = PAD_R[k]; a[n - 2 + k] = PAD_HA[2 + k]; b[n - 2 + k] = PAD_HB[2 + k];
    }
    for (let i = 0; i < m; i++) {
      const x = lex[idx ? idx[i] : i];
      s[i + 2] = x.vals[col]; a[i + 2] = x.ha[col]; b[i + 2] = x.hb[col];
    }
    (f as { s: string[] }).s = s;
    (f as { a: Int32Array }).a = a;
    (f as { b: Int32Array }).b = b;
    return f;
  }
}
const PAD_L = ['<s2>', '<s>'];
const PAD_R = ['</s>', '</s2>'];
const PAD_HA = Int32Array.from([...PAD_L, ...PAD_R], hashA);
const PAD_HB = Int32Array.from([...PAD_L, ...PAD_R], hashB);
/** Hashes of the small-vocabulary values (POS, gazetteer classes, shapes of casing…) seen lately (bounded). */
const HASH_MEMO = new Map<string, [number, number]>();

/** Lexeme columns: the values the features read of a token's text. */
const LEX_WORD = 0, LEX_LOWER = 1, LEX_SHAPE = 2, LEX_SHORT = 3, LEX_PRE = 4, LEX_SUF = 8;
const LEX_COLS = 12;

/** What the features read of a token's text, with hashes, computed once per distinct text (bounded cache). */
interface Lexeme {
  norm: string;
  lower: string;
  cas: string;
  /** word (digits as 0), lower, long shape, short shape, prefixes 1–4, suffixes 1–4. */
  vals: string[];
  ha: Int32Array;
  hb: Int32Array;
}
const LEXEMES = new Map<string, Lexeme>();
function lexeme(text: string): Lexeme {
  let x = LEXEMES.get(text);
  if (x) return x;
  const norm = normalizeText(text);
  const lower = norm.toLowerCase();
  const vals = [
    /[0-9]/.test(norm) ? norm.replace(/[0-9]/g, '0') : norm, lower, longShape(norm), shortShape(norm),
    lower.slice(0, 1), lower.slice(0, 2), lower.slice(0, 3), lower.slice(0, 4),
    lower.slice(-1), lower.slice(-2), lower.slice(-3), lower.slice(-4),
  ];
  const ha = new Int32Array(LEX_COLS);
  const hb = new Int32Array(LEX_COLS);
  for (let c = 0; c < LEX_COLS; c++) { ha[c] = hashA(vals[c]); hb[c] = hashB(vals[c]); }
  x = { norm, lower, cas: casing(norm), vals, ha, hb };
  if (LEXEMES.size >= 1 << 17) LEXEMES.clear();
  LEXEMES.set(text, x);
  return x;
}

// ---------------------------------------------------------------- templates

/** Feature templates: name and number of values. Order is part of the feature set. */
export const TEMPLATES: ReadonlyArray<readonly [string, number]> = [
  ['b', 0], ['w', 1], ['l', 1], ['sh', 1], ['ss', 1], ['p', 1], ['p|ss', 2],
  ['l-1', 1], ['l+1', 1], ['l-2', 1], ['l+2', 1], ['l-1|l', 2], ['l|l+1', 2], ['l-2|l-1', 2], ['l+1|l+2', 2], ['l-1|l+1', 2],
  ['p-1', 1], ['p+1', 1], ['p-2', 1], ['p+2', 1], ['p-1|p', 2], ['p|p+1', 2],
  ['ss-1', 1], ['ss+1', 1], ['ss-2', 1], ['ss+2', 1], ['ss-1|ss', 2], ['ss|ss+1', 2], ['l-1|ss', 2], ['ss|l+1', 2],
  ['c-1|c|c+1', 3],
  ['g', 1], ['g-1', 1], ['g+1', 1], ['g-2', 1], ['g+2', 1],
  ['dc', 1], ['dc|c', 2],
  ['pre1', 1], ['pre2', 1], ['pre3', 1], ['pre4', 1], ['suf1', 1], ['suf2', 1], ['suf3', 1], ['suf4', 1],
  ['first|ss', 1], ['H', 0], ['H|dc', 1], ['H|g', 1], ['hy|ss', 1],
  // the run of capitalized words holding the token: its first and last words, the token's place in it
  ['rf', 1], ['rl', 1], ['rp', 1], ['rp|rl', 2],
  // stage 2
  ['s1', 1], ['s1-1', 1], ['s1+1', 1], ['agg', 1], ['agg|ss', 2], ['agg|s1', 2],
  // dynamic
  ['t-1', 1], ['t-2|t-1', 2], ['t-1|l', 2], ['t-1|ss', 2], ['ph', 1], ['ph|ss', 2],
];
export const TEMPLATE_INDEX = new Map(TEMPLATES.map(([n], i) => [n, i]));
/** Templates that read the first pass (second pass only). */
export const STAGE2_TEMPLATES = ['s1', 's1-1', 's1+1', 'agg', 'agg|ss', 'agg|s1'];

/** A template mask from template names (throws on an unknown name). */
export function templateMask(names: readonly string[]): Uint8Array {
  const m = new Uint8Array(TEMPLATES.length);
  for (const n of names) {
    const i = TEMPLATE_INDEX.get(n);
    if (i === undefined) throw new Error(`unknown feature template "${n}"`);
    m[i] = 1;
  }
  return m;
}
const T = (name: string): number => {
  const i = TEMPLATE_INDEX.get(name);
  if (i === undefined) throw new Error(`unknown template ${name}`);
  return i;
};
const TA = Int32Array.from(TEMPLATES, ([n]) => hashA('T:' + n));
const TB = Int32Array.from(TEMPLATES, ([n]) => hashB('T:' + n));

/** The key pair of a feature given its template and values (used at load, and to check the sink). */
export function featureKey(template: number, values: readonly string[]): [number, number] {
  let a = TA[template];
  let b = TB[template];
  for (const v of values) { a = mixA(a, hashA(v)); b = mixB(b, hashB(v)); }
  return [fmix(a), fmix(b)];
}

/** A buffer of the features of one token: template ids, key pairs, and (for training) the value strings. */
export class FeatureSink {
  n = 0;
  /** Templates to extract (1) or skip (0); all by default. */
  mask: Uint8Array = new Uint8Array(TEMPLATES.length).fill(1);
  t = new Int32Array(128);
  ka = new Int32Array(128);
  kb = new Int32Array(128);
  v1: string[] = new Array<string>(128).fill('');
  v2: string[] = new Array<string>(128).fill('');
  v3: string[] = new Array<string>(128).fill('');

  reset(): void { this.n = 0; }

  /** Keep the value strings (for `name`): the trainer needs them, prediction does not. */
  keepNames = false;

  private push(t: number, a: number, b: number, s1: string, s2: string, s3: string): void {
    const k = this.n++;
    this.t[k] = t; this.ka[k] = fmix(a); this.kb[k] = fmix(b);
    if (this.keepNames) { this.v1[k] = s1; this.v2[k] = s2; this.v3[k] = s3; }
  }
  f0(t: number): void { if (this.mask[t]) this.push(t, TA[t], TB[t], '', '', ''); }
  f1(t: number, f: Field, i: number): void {
    if (this.mask[t]) this.push(t, mixA(TA[t], f.a[i]), mixB(TB[t], f.b[i]), f.s[i], '', '');
  }
  f2(t: number, f: Field, i: number, g: Field, j: number): void {
    if (this.mask[t]) this.push(t, mixA(mixA(TA[t], f.a[i]), g.a[j]), mixB(mixB(TB[t], f.b[i]), g.b[j]), f.s[i], g.s[j], '');
  }
  f3(t: number, f: Field, i: number, g: Field, j: number, h: Field, k: number): void {
    if (this.mask[t]) this.push(t, mixA(mixA(mixA(TA[t], f.a[i]), g.a[j]), h.a[k]), mixB(mixB(mixB(TB[t], f.b[i]), g.b[j]), h.b[k]), f.s[i], g.s[j], h.s[k]);
  }
  /** Readable name of feature k: template and values, tab-separated (the weights-file key). */
  name(k: number): string {
    const [tn, arity] = TEMPLATES[this.t[k]];
    return arity === 0 ? tn : arity === 1 ? `${tn}\t${this.v1[k]}` : arity === 2 ? `${tn}\t${this.v1[k]}\t${this.v2[k]}` : `${tn}\t${this.v1[k]}\t${this.v2[k]}\t${this.v3[k]}`;
  }
}

// ---------------------------------------------------------------- prepared sentences

/** A sentence with every column the features read, hashed once. Index token i at `i + 2`. */
export interface PreparedSentence {
  n: number;
  lower: string[];
  cas: string[];
  word: Field; low: Field; shape: Field; short: Field; pos: Field; gaz: Field; casF: Field; dc: Field;
  pre: Field[]; suf: Field[];
  headline: boolean;
  /** Capitalized run of each token: first word, last word (lower case), place in the run (B/I/L/U, '-' outside). */
  runFirst: Field; runLast: Field; runPos: Field;
  /** Stage-1 tags and document aggregates (second pass only). */
  s1?: Field;
  agg?: Field;
}

function isHeadline(cas: string[]): boolean {
  let caps = 0;
  let letters = 0;
  for (const c of cas) {
    if (c === '-') continue;
    letters++;
    if (c === 'A') caps++;
  }
  return caps >= 2 && caps / letters >= 0.6;
}

/** Prepare the sentences of one document (NER tokens with POS) for feature extraction. */
export function prepareDocument(sentences: readonly (readonly NerToken[])[], gazetteer: Gazetteer | null): PreparedSentence[] {
  const base = sentences.map((toks) => {
    const lex = toks.map((t) => lexeme(t.text));
    const norm = lex.map((x) => x.norm);
    const lower = lex.map((x) => x.lower);
    const cas = lex.map((x) => x.cas);
    return { toks, lex, norm, lower, cas, headline: isHeadline(cas) };
  });
  // The casing a word has in the document where casing tells something: not sentence-initial,
  // not after an opening quote or parenthesis, not in an ALL-CAPS headline.
  const counts = new Map<string, Record<string, number>>();
  for (const s of base) {
    if (s.headline) continue;
    for (let i = 1; i < s.norm.length; i++) {
      const c = s.cas[i];
      if (c === '-') continue;
      const p = s.norm[i - 1];
      if (p === '"' || p === '(' || p === ':' || p === '``' || p === "'") continue;
      const r = counts.get(s.lower[i]) ?? {};
      r[c] = (r[c] ?? 0) + 1;
      counts.set(s.lower[i], r);
    }
  }
  const docCasing = new Map<string, string>();
  for (const [w, r] of counts) {
    let best = '';
    let n = 0;
    for (const c of Object.keys(r).sort()) if (r[c] > n) { best = c; n = r[c]; }
    docCasing.set(w, best);
  }
  return base.map((s) => {
    const low = s.lower;
    const n = low.length;
    const rf = new Array<number>(n).fill(-1);
    const rl = new Array<number>(n).fill(-1);
    const rp = new Array<string>(n).fill('-');
    if (!s.headline) {
      let i = 0;
      while (i < n) {
        if (!isCap(s.cas[i])) { i++; continue; }
        let j = i + 1;
        while (j < n && isCap(s.cas[j])) j++;
        for (let k = i; k < j; k++) {
          rf[k] = i;
          rl[k] = j - 1;
          rp[k] = j - i === 1 ? 'U' : k === i ? 'B' : k === j - 1 ? 'L' : 'I';
        }
        i = j;
      }
    }
    const lex = s.lex;
    return {
      runFirst: Field.ofLexemes([...s.lex, NO_RUN], LEX_LOWER, rf.map((k) => (k < 0 ? n : k))),
      runLast: Field.ofLexemes([...s.lex, NO_RUN], LEX_LOWER, rl.map((k) => (k < 0 ? n : k))),
      runPos: new Field(rp),
      n: s.toks.length,
      lower: low,
      cas: s.cas,
      word: Field.ofLexemes(s.lex, LEX_WORD),
      low: Field.ofLexemes(s.lex, LEX_LOWER),
      shape: Field.ofLexemes(lex, LEX_SHAPE),
      short: Field.ofLexemes(s.lex, LEX_SHORT),
      pos: new Field(s.toks.map((t) => t.pos)),
      gaz: new Field(gazetteer ? gazetteer.match(low) : low.map(() => '')),
      casF: new Field(s.cas),
      dc: new Field(low.map((l) => docCasing.get(l) ?? '')),
      pre: [0, 1, 2, 3].map((k) => Field.ofLexemes(lex, LEX_PRE + k)),
      suf: [0, 1, 2, 3].map((k) => Field.ofLexemes(lex, LEX_SUF + k)),
      headline: s.headline,
    };
  });
}

/** The lexeme standing for "no capitalized run" (its lower form is '-'). */
const NO_RUN: Lexeme = (() => {
  const vals = new Array<string>(LEX_COLS).fill('-');
  return { norm: '-', lower: '-', cas: '-', vals, ha: Int32Array.from(vals, hashA), hb: Int32Array.from(vals, hashB) };
})();

function isCap(c: string): boolean {
  return c === 'X' || c === 'A' || c === 'm';
}

/** Whether token i takes part in document aggregates and the prediction history (it has a capital letter). */
export function historyWord(s: PreparedSentence, i: number): boolean {
  const c = s.cas[i];
  return c === 'X' || c === 'A' || c === 'm';
}

function typeIndex(tag: string): number {
  return tag === 'O' ? 0 : 1 + ENTITY_TYPES.indexOf(tag.slice(2) as EntityType);
}

/** Add the stage-1 columns to a prepared document: first-pass tags, and per-word type aggregates. */
export function addStage1(doc: PreparedSentence[], stage1: readonly (readonly string[])[]): void {
  const counts = new Map<string, Int32Array>();
  doc.forEach((s, si) => {
    for (let i = 0; i < s.n; i++) {
      if (!historyWord(s, i)) continue;
      let c = counts.get(s.lower[i]);
      if (!c) { c = new Int32Array(ENTITY_TYPES.length + 1); counts.set(s.lower[i], c); }
      c[typeIndex(stage1[si][i])]++;
    }
  });
  doc.forEach((s, si) => {
    s.s1 = new Field(stage1[si]);
    s.agg = new Field(s.lower.map((l, i) => {
      if (!historyWord(s, i)) return '-';
      const c = counts.get(l)!;
      let total = 0;
      let best = 0;
      for (let k = 0; k < c.length; k++) { total += c[k]; if (c[k] > c[best]) best = k; }
      if (total === 1) return 'one';
      return (best === 0 ? 'O' : ENTITY_TYPES[best - 1]) + (c[best] === total ? '!' : '');
    }));
  });
}

const T_B = T('b'), T_W = T('w'), T_L = T('l'), T_SH = T('sh'), T_SS = T('ss'), T_P = T('p'), T_PSS = T('p|ss');
const T_LM1 = T('l-1'), T_LP1 = T('l+1'), T_LM2 = T('l-2'), T_LP2 = T('l+2');
const T_LM1L = T('l-1|l'), T_LLP1 = T('l|l+1'), T_LM2LM1 = T('l-2|l-1'), T_LP1LP2 = T('l+1|l+2'), T_LM1LP1 = T('l-1|l+1');
const T_PM1 = T('p-1'), T_PP1 = T('p+1'), T_PM2 = T('p-2'), T_PP2 = T('p+2'), T_PM1P = T('p-1|p'), T_PPP1 = T('p|p+1');
const T_SM1 = T('ss-1'), T_SP1 = T('ss+1'), T_SM2 = T('ss-2'), T_SP2 = T('ss+2'), T_SM1S = T('ss-1|ss'), T_SSP1 = T('ss|ss+1');
const T_LM1S = T('l-1|ss'), T_SLP1 = T('ss|l+1'), T_C3 = T('c-1|c|c+1');
const T_G = T('g'), T_GM1 = T('g-1'), T_GP1 = T('g+1'), T_GM2 = T('g-2'), T_GP2 = T('g+2');
const T_DC = T('dc'), T_DCC = T('dc|c');
const T_PRE = [T('pre1'), T('pre2'), T('pre3'), T('pre4')], T_SUF = [T('suf1'), T('suf2'), T('suf3'), T('suf4')];
const T_RF = T('rf'), T_RL = T('rl'), T_RP = T('rp'), T_RPRL = T('rp|rl');
const T_FIRST = T('first|ss'), T_H = T('H'), T_HDC = T('H|dc'), T_HG = T('H|g'), T_HY = T('hy|ss');
const T_S1 = T('s1'), T_S1M1 = T('s1-1'), T_S1P1 = T('s1+1'), T_AGG = T('agg'), T_AGGSS = T('agg|ss'), T_AGGS1 = T('agg|s1');
const T_TM1 = T('t-1'), T_TM2TM1 = T('t-2|t-1'), T_TM1L = T('t-1|l'), T_TM1SS = T('t-1|ss'), T_PH = T('ph'), T_PHSS = T('ph|ss');

/**
 * Templates that read a single token's columns (its own, or one neighbour's). Prediction caches
 * their summed weights per *word type* (`typeKey`: text, POS, gazetteer class, document casing)
 * and per role, so that a frequent word's features are looked up once, not at every occurrence.
 */
export const TYPE_TEMPLATES = [
  'w', 'l', 'sh', 'ss', 'p', 'p|ss', 'g', 'dc', 'dc|c', 'pre1', 'pre2', 'pre3', 'pre4', 'suf1', 'suf2', 'suf3', 'suf4',
  'l-1', 'p-1', 'ss-1', 'g-1', 'l-2', 'p-2', 'ss-2', 'g-2', 'l+1', 'p+1', 'ss+1', 'g+1', 'l+2', 'p+2', 'ss+2', 'g+2',
];
export const TYPE_MASK = templateMask(TYPE_TEMPLATES);
/** Roles of a token in TYPE_TEMPLATES: itself, left neighbour at -1 and -2, right neighbour at +1 and +2. */
export const TYPE_ROLES = 5;

/** Key pair of the word type at column index `k` (pads included): everything TYPE_TEMPLATES read. */
export function typeKey(s: PreparedSentence, k: number): [number, number] {
  const a = mixA(mixA(mixA(mixA(s.word.a[k], s.low.a[k]), s.pos.a[k]), s.gaz.a[k]), s.dc.a[k]);
  const b = mixB(mixB(mixB(mixB(s.word.b[k], s.low.b[k]), s.pos.b[k]), s.gaz.b[k]), s.dc.b[k]);
  return [fmix(a), fmix(b)];
}

/** The TYPE_TEMPLATES features of the token at column index `k` in one role (0 itself; 1, 2: it is the word at -1, -2; 3, 4: at +1, +2). */
export function typeFeatures(s: PreparedSentence, k: number, role: number, sink: FeatureSink): void {
  switch (role) {
    case 0:
      sink.f1(T_W, s.word, k);
      sink.f1(T_L, s.low, k);
      sink.f1(T_SH, s.shape, k);
      sink.f1(T_SS, s.short, k);
      sink.f1(T_P, s.pos, k);
      sink.f2(T_PSS, s.pos, k, s.short, k);
      sink.f1(T_G, s.gaz, k);
      sink.f1(T_DC, s.dc, k);
      sink.f2(T_DCC, s.dc, k, s.casF, k);
      for (let p = 0; p < 4; p++) { sink.f1(T_PRE[p], s.pre[p], k); sink.f1(T_SUF[p], s.suf[p], k); }
      return;
    case 1: sink.f1(T_LM1, s.low, k); sink.f1(T_PM1, s.pos, k); sink.f1(T_SM1, s.short, k); sink.f1(T_GM1, s.gaz, k); return;
    case 2: sink.f1(T_LM2, s.low, k); sink.f1(T_PM2, s.pos, k); sink.f1(T_SM2, s.short, k); sink.f1(T_GM2, s.gaz, k); return;
    case 3: sink.f1(T_LP1, s.low, k); sink.f1(T_PP1, s.pos, k); sink.f1(T_SP1, s.short, k); sink.f1(T_GP1, s.gaz, k); return;
    default: sink.f1(T_LP2, s.low, k); sink.f1(T_PP2, s.pos, k); sink.f1(T_SP2, s.short, k); sink.f1(T_GP2, s.gaz, k);
  }
}

/** Static features of token `i` (they do not depend on predicted tags), appended to `sink`. */
export function staticFeatures(s: PreparedSentence, i: number, sink: FeatureSink): void {
  const k = i + 2;
  sink.f0(T_B);
  sink.f1(T_W, s.word, k);
  sink.f1(T_L, s.low, k);
  sink.f1(T_SH, s.shape, k);
  sink.f1(T_SS, s.short, k);
  sink.f1(T_P, s.pos, k);
  sink.f2(T_PSS, s.pos, k, s.short, k);
  sink.f1(T_LM1, s.low, k - 1);
  sink.f1(T_LP1, s.low, k + 1);
  sink.f1(T_LM2, s.low, k - 2);
  sink.f1(T_LP2, s.low, k + 2);
  sink.f2(T_LM1L, s.low, k - 1, s.low, k);
  sink.f2(T_LLP1, s.low, k, s.low, k + 1);
  sink.f2(T_LM2LM1, s.low, k - 2, s.low, k - 1);
  sink.f2(T_LP1LP2, s.low, k + 1, s.low, k + 2);
  sink.f2(T_LM1LP1, s.low, k - 1, s.low, k + 1);
  sink.f1(T_PM1, s.pos, k - 1);
  sink.f1(T_PP1, s.pos, k + 1);
  sink.f1(T_PM2, s.pos, k - 2);
  sink.f1(T_PP2, s.pos, k + 2);
  sink.f2(T_PM1P, s.pos, k - 1, s.pos, k);
  sink.f2(T_PPP1, s.pos, k, s.pos, k + 1);
  sink.f1(T_SM1, s.short, k - 1);
  sink.f1(T_SP1, s.short, k + 1);
  sink.f1(T_SM2, s.short, k - 2);
  sink.f1(T_SP2, s.short, k + 2);
  sink.f2(T_SM1S, s.short, k - 1, s.short, k);
  sink.f2(T_SSP1, s.short, k, s.short, k + 1);
  sink.f2(T_LM1S, s.low, k - 1, s.short, k);
  sink.f2(T_SLP1, s.short, k, s.low, k + 1);
  sink.f3(T_C3, s.casF, k - 1, s.casF, k, s.casF, k + 1);
  sink.f1(T_G, s.gaz, k);
  sink.f1(T_GM1, s.gaz, k - 1);
  sink.f1(T_GP1, s.gaz, k + 1);
  sink.f1(T_GM2, s.gaz, k - 2);
  sink.f1(T_GP2, s.gaz, k + 2);
  sink.f1(T_DC, s.dc, k);
  sink.f2(T_DCC, s.dc, k, s.casF, k);
  for (let p = 0; p < 4; p++) { sink.f1(T_PRE[p], s.pre[p], k); sink.f1(T_SUF[p], s.suf[p], k); }
  if (i === 0) sink.f1(T_FIRST, s.short, k);
  if (s.headline) {
    sink.f0(T_H);
    sink.f1(T_HDC, s.dc, k);
    sink.f1(T_HG, s.gaz, k);
  }
  if (s.word.s[k].includes('-') || s.word.s[k].includes('/')) sink.f1(T_HY, s.short, k);
  if (s.runPos.s[k] !== '-') {
    sink.f1(T_RF, s.runFirst, k);
    sink.f1(T_RL, s.runLast, k);
    sink.f1(T_RP, s.runPos, k);
    sink.f2(T_RPRL, s.runPos, k, s.runLast, k);
  }
}

/** Stage-2 features of token `i` (the document has been through `addStage1`). */
export function stage2Features(s: PreparedSentence, i: number, sink: FeatureSink): void {
  const k = i + 2;
  const s1 = s.s1!;
  const agg = s.agg!;
  sink.f1(T_S1, s1, k);
  sink.f1(T_S1M1, s1, k - 1);
  sink.f1(T_S1P1, s1, k + 1);
  sink.f1(T_AGG, agg, k);
  sink.f2(T_AGGSS, agg, k, s.short, k);
  sink.f2(T_AGGS1, agg, k, s1, k);
}

/** Tags and history values as fields (index = tag index; `<s>` last). */
export const TAG_FIELD = new Field([...BILOU_TAGS, '<s>'], [], []);
export const START_TAG = BILOU_TAGS.length;
/** History values: index 0 none, 1 'O', 2.. entity types, last: word not tracked. */
export const HISTORY_FIELD = new Field(['', 'O', ...ENTITY_TYPES, '-'], [], []);
export const HISTORY_UNTRACKED = ENTITY_TYPES.length + 2;

/** Per-document prediction history: the entity types given so far to each capitalized word. */
export class History {
  private readonly seen = new Map<string, Int32Array>();
  /** Index into HISTORY_FIELD for word `lower`: the type most often given to it so far. */
  value(lower: string): number {
    const c = this.seen.get(lower);
    if (!c) return 0;
    let best = 0;
    for (let k = 1; k < c.length; k++) if (c[k] > c[best]) best = k;
    return best + 1;
  }
  /** Record that the word got `tag` (a BILOU tag). */
  add(lower: string, tag: string): void {
    let c = this.seen.get(lower);
    if (!c) { c = new Int32Array(ENTITY_TYPES.length + 1); this.seen.set(lower, c); }
    c[typeIndex(tag)]++;
  }
}

/** Dynamic features of token `i` given the two previous tags (indices into TAG_FIELD) and the history value. */
export function dynamicFeatures(s: PreparedSentence, i: number, prev: number, prev2: number, history: number, sink: FeatureSink): void {
  const k = i + 2;
  sink.f1(T_TM1, TAG_FIELD, prev);
  sink.f2(T_TM2TM1, TAG_FIELD, prev2, TAG_FIELD, prev);
  sink.f2(T_TM1L, TAG_FIELD, prev, s.low, k);
  sink.f2(T_TM1SS, TAG_FIELD, prev, s.short, k);
  sink.f1(T_PH, HISTORY_FIELD, history);
  sink.f2(T_PHSS, HISTORY_FIELD, history, s.short, k);
}
