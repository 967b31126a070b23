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
 * three string values. Features are never built as strings when tagging: a prepared sentence is a
 * table of the two 32-bit hashes of every value the templates read (one row per token, one column
 * per kind of value, `C_WORD` … `NCOL`), computed once per distinct word (lexemes) or small value,
 * and a feature's key is the template's hashes mixed with its values' (two independent 32-bit
 * keys, so that a collision needs both to collide). Training keeps the readable name of each
 * feature that gets a weight (`prepareDocument(…, values = true)` keeps the values beside their
 * hashes), and the weights file lists features by template and values, so the model stays
 * readable text.
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

// ---------------------------------------------------------------- prepared sentences: columns

/**
 * Columns of a prepared sentence. A sentence of n tokens is a table of n + 4 rows (two padding
 * rows on each side: `<s2>`, `<s>` … `</s>`, `</s2>` in every column) and NCOL columns; token i is
 * row i + 2. Columns 0–12 come from the token's text (its lexeme); the others from its POS, the
 * gazetteer, the document, the capitalized run holding it and (second pass) the first pass.
 */
export const C_WORD = 0, C_LOWER = 1, C_SHAPE = 2, C_SHORT = 3, C_PRE = 4, C_SUF = 8, C_CAS = 12;
export const C_POS = 13, C_GAZ = 14, C_DC = 15, C_RF = 16, C_RL = 17, C_RP = 18, C_S1 = 19, C_AGG = 20;
export const NCOL = 21;
/** Lexeme columns: word (digits as 0), lower, long shape, short shape, prefixes 1–4, suffixes 1–4, casing. */
const LEX_COLS = 13;

const PADS = ['<s2>', '<s>', '</s>', '</s2>'];
const PAD_HA = Int32Array.from(PADS, hashA);
const PAD_HB = Int32Array.from(PADS, hashB);

/** Hashes of small-vocabulary values (POS, gazetteer classes, casings, tags…), by index (bounded memo). */
const SMALL = new Map<string, number>();
let SMALL_A = new Int32Array(1024);
let SMALL_B = new Int32Array(1024);
/** Index of value `v` in SMALL_A / SMALL_B, hashing it on first sight. Valid until the next call. */
function small(v: string): number {
  let i = SMALL.get(v);
  if (i === undefined) {
    if (SMALL.size >= 1 << 16) SMALL.clear();
    i = SMALL.size;
    if (i >= SMALL_A.length) {
      const a = new Int32Array(SMALL_A.length * 2); a.set(SMALL_A); SMALL_A = a;
      const b = new Int32Array(SMALL_B.length * 2); b.set(SMALL_B); SMALL_B = b;
    }
    SMALL_A[i] = hashA(v);
    SMALL_B[i] = hashB(v);
    SMALL.set(v, i);
  }
  return i;
}

/** What the features read of a token's text, with hashes, computed once per distinct text (bounded cache). */
interface Lexeme {
  norm: string;
  lower: string;
  cas: string;
  /** Whether the word holds '-' or '/'. */
  joined: boolean;
  /** The LEX_COLS column values. */
  vals: string[];
  ha: Int32Array;
  hb: Int32Array;
}
const LEXEMES = new Map<string, Lexeme>();

/** Empty the per-text lexeme cache and the small-value hash memo (benchmarks that start cold). Features do not change. */
export function resetFeatureCaches(): void {
  LEXEMES.clear();
  SMALL.clear();
}
function lexeme(text: string): Lexeme {
  let x = LEXEMES.get(text);
  if (x) return x;
  const norm = normalizeText(text);
  const lower = norm.toLowerCase();
  const cas = casing(norm);
  const vals = [
    /[0-9]/.test(norm) ? norm.replace(/[0-9]/g, '0') : norm, lower, longShape(norm), shortShape(norm),
    lower.slice(0, 1), lower.slice(0, 2), lower.slice(0, 3), lower.slice(0, 4),
    lower.slice(-1), lower.slice(-2), lower.slice(-3), lower.slice(-4), cas,
  ];
  const ha = new Int32Array(LEX_COLS);
  const hb = new Int32Array(LEX_COLS);
  for (let c = 0; c < LEX_COLS; c++) { ha[c] = hashA(vals[c]); hb[c] = hashB(vals[c]); }
  x = { norm, lower, cas, joined: vals[0].includes('-') || vals[0].includes('/'), vals, ha, hb };
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

/** Index of a template by name (throws on an unknown name). */
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

/**
 * A buffer of the features of one token: template ids, key pairs, and (for training) the value
 * strings. Extraction methods take a prepared sentence, column(s) and row(s) (`k` = token + 2).
 */
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
    if (k >= this.t.length) this.grow();
    this.t[k] = t; this.ka[k] = fmix(a); this.kb[k] = fmix(b);
    if (this.keepNames) { this.v1[k] = s1; this.v2[k] = s2; this.v3[k] = s3; }
  }
  private grow(): void {
    const m = this.t.length * 2;
    const t = new Int32Array(m); t.set(this.t); this.t = t;
    const a = new Int32Array(m); a.set(this.ka); this.ka = a;
    const b = new Int32Array(m); b.set(this.kb); this.kb = b;
    for (const v of [this.v1, this.v2, this.v3]) while (v.length < m) v.push('');
  }
  f0(t: number): void { if (this.mask[t]) this.push(t, TA[t], TB[t], '', '', ''); }
  /** Template `t` over column `c` of row `k`. */
  f1(t: number, s: PreparedSentence, c: number, k: number): void {
    if (!this.mask[t]) return;
    const x = k * NCOL + c;
    this.push(t, mixA(TA[t], s.ha[x]), mixB(TB[t], s.hb[x]), this.keepNames ? s.sv![x] : '', '', '');
  }
  /** Template `t` over column `c` of row `k` and column `d` of row `j`. */
  f2(t: number, s: PreparedSentence, c: number, k: number, d: number, j: number): void {
    if (!this.mask[t]) return;
    const x = k * NCOL + c;
    const y = j * NCOL + d;
    this.push(t, mixA(mixA(TA[t], s.ha[x]), s.ha[y]), mixB(mixB(TB[t], s.hb[x]), s.hb[y]), this.keepNames ? s.sv![x] : '', this.keepNames ? s.sv![y] : '', '');
  }
  /** Template `t` over one column at three rows. */
  f3(t: number, s: PreparedSentence, c: number, k: number, j: number, m: number): void {
    if (!this.mask[t]) return;
    const x = k * NCOL + c;
    const y = j * NCOL + c;
    const z = m * NCOL + c;
    this.push(t, mixA(mixA(mixA(TA[t], s.ha[x]), s.ha[y]), s.ha[z]), mixB(mixB(mixB(TB[t], s.hb[x]), s.hb[y]), s.hb[z]),
      this.keepNames ? s.sv![x] : '', this.keepNames ? s.sv![y] : '', this.keepNames ? s.sv![z] : '');
  }
  /** Template `t` over a value given by its hashes and text. */
  v(t: number, a: number, b: number, sv: string): void {
    if (this.mask[t]) this.push(t, mixA(TA[t], a), mixB(TB[t], b), sv, '', '');
  }
  /** Template `t` over a value given by its hashes and text, then column `c` of row `k`. */
  vc(t: number, a: number, b: number, sv: string, s: PreparedSentence, c: number, k: number): void {
    if (!this.mask[t]) return;
    const x = k * NCOL + c;
    this.push(t, mixA(mixA(TA[t], a), s.ha[x]), mixB(mixB(TB[t], b), s.hb[x]), sv, this.keepNames ? s.sv![x] : '', '');
  }
  /** Template `t` over two values given by their hashes and texts. */
  vv(t: number, a1: number, b1: number, s1: string, a2: number, b2: number, s2: string): void {
    if (this.mask[t]) this.push(t, mixA(mixA(TA[t], a1), a2), mixB(mixB(TB[t], b1), b2), s1, s2, '');
  }
  /** Readable name of feature k: template and values, tab-separated (the weights-file key). */
  name(k: number): string {
    const [tn, arity] = TEMPLATES[this.t[k]];
    return arity === 0 ? tn : arity === 1 ? `${tn}\t${this.v1[k]}` : arity === 2 ? `${tn}\t${this.v1[k]}\t${this.v2[k]}` : `${tn}\t${this.v1[k]}\t${this.v2[k]}\t${this.v3[k]}`;
  }
}

// ---------------------------------------------------------------- prepared sentences

/** A sentence with every column the features read, hashed once (see C_WORD…NCOL). Token i is row `i + 2`. */
export interface PreparedSentence {
  n: number;
  lower: string[];
  cas: string[];
  headline: boolean;
  /** The two 32-bit hashes of each cell: row k, column c at `k * NCOL + c`. */
  ha: Int32Array;
  hb: Int32Array;
  /** The cell values, same layout (readable feature names for training); null unless asked for. */
  sv: string[] | null;
  /** Per token: FLAG_JOINED (the word holds '-' or '/'), FLAG_RUN (it is in a run of capitalized words). */
  flags: Uint8Array;
}

/** Token flags of PreparedSentence.flags. */
const FLAG_JOINED = 1, FLAG_RUN = 2;

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

/** Document casing classes in the order ties are broken (the code-point order of the class letters). */
const DC_VALUES = ['A', 'X', 'm', 'x'];
const DC_SLOT: Record<string, number> = { A: 0, X: 1, m: 2, x: 3 };
const DC_SKIP_AFTER = new Set(['"', '(', ':', '``', "'"]);

/**
 * Prepare the sentences of one document (NER tokens with POS) for feature extraction. `values`:
 * keep the cell values as well as their hashes (training needs them to name features).
 */
export function prepareDocument(sentences: readonly (readonly NerToken[])[], gazetteer: Gazetteer | null, values = false): PreparedSentence[] {
  const nS = sentences.length;
  const lexes: Lexeme[][] = new Array(nS);
  const lowers: string[][] = new Array(nS);
  const cases: string[][] = new Array(nS);
  const heads: boolean[] = new Array(nS);
  for (let si = 0; si < nS; si++) {
    const toks = sentences[si];
    const n = toks.length;
    const lex: Lexeme[] = new Array(n);
    const lower: string[] = new Array(n);
    const cas: string[] = new Array(n);
    for (let i = 0; i < n; i++) { const x = lexeme(toks[i].text); lex[i] = x; lower[i] = x.lower; cas[i] = x.cas; }
    lexes[si] = lex; lowers[si] = lower; cases[si] = cas; heads[si] = isHeadline(cas);
  }
  // The casing a word has in the document where casing tells something: not sentence-initial,
  // not after an opening quote or parenthesis, not in an ALL-CAPS headline.
  const words = new Map<string, number>();
  let counts = new Int32Array(4 * 256);
  for (let si = 0; si < nS; si++) {
    if (heads[si]) continue;
    const lex = lexes[si];
    for (let i = 1; i < lex.length; i++) {
      const slot = DC_SLOT[lex[i].cas];
      if (slot === undefined) continue;
      if (DC_SKIP_AFTER.has(lex[i - 1].norm)) continue;
      let w = words.get(lex[i].lower);
      if (w === undefined) {
        w = words.size;
        words.set(lex[i].lower, w);
        if (4 * (w + 1) > counts.length) { const c2 = new Int32Array(counts.length * 2); c2.set(counts); counts = c2; }
      }
      counts[4 * w + slot]++;
    }
  }
  const dcOf = (lower: string): string => {
    const w = words.get(lower);
    if (w === undefined) return '';
    let best = 0;
    for (let c = 1; c < 4; c++) if (counts[4 * w + c] > counts[4 * w + best]) best = c;
    return DC_VALUES[best];
  };
  const out: PreparedSentence[] = new Array(nS);
  // one buffer per document for the hashes of all its sentences (each sentence holds a view)
  let cells = 0;
  for (let si = 0; si < nS; si++) cells += (sentences[si].length + 4) * NCOL;
  const docA = new Int32Array(cells);
  const docB = new Int32Array(cells);
  let at = 0;
  for (let si = 0; si < nS; si++) {
    const toks = sentences[si];
    const lex = lexes[si];
    const low = lowers[si];
    const cas = cases[si];
    const n = toks.length;
    const rows = n + 4;
    const ha = docA.subarray(at, at + rows * NCOL);
    const hb = docB.subarray(at, at + rows * NCOL);
    at += rows * NCOL;
    const sv = values ? new Array<string>(rows * NCOL).fill('') : null;
    const flags = new Uint8Array(n);
    for (let p = 0; p < 4; p++) {
      const o = (p < 2 ? p : n + p) * NCOL;
      for (let c = 0; c < NCOL; c++) { ha[o + c] = PAD_HA[p]; hb[o + c] = PAD_HB[p]; }
      if (sv) for (let c = 0; c < NCOL; c++) sv[o + c] = PADS[p];
    }
    const gaz = gazetteer ? gazetteer.match(low) : null;
    for (let i = 0; i < n; i++) {
      const o = (i + 2) * NCOL;
      const x = lex[i];
      const xa = x.ha;
      const xb = x.hb;
      for (let c = 0; c < LEX_COLS; c++) { ha[o + c] = xa[c]; hb[o + c] = xb[c]; }
      if (x.joined) flags[i] = FLAG_JOINED;
      const pos = toks[i].pos;
      let h = small(pos);
      ha[o + C_POS] = SMALL_A[h]; hb[o + C_POS] = SMALL_B[h];
      const g = gaz ? gaz[i] : '';
      h = small(g);
      ha[o + C_GAZ] = SMALL_A[h]; hb[o + C_GAZ] = SMALL_B[h];
      const dc = dcOf(low[i]);
      h = small(dc);
      ha[o + C_DC] = SMALL_A[h]; hb[o + C_DC] = SMALL_B[h];
      ha[o + C_RF] = NO_RUN_A; hb[o + C_RF] = NO_RUN_B;
      ha[o + C_RL] = NO_RUN_A; hb[o + C_RL] = NO_RUN_B;
      ha[o + C_RP] = NO_RUN_A; hb[o + C_RP] = NO_RUN_B;
      if (sv) {
        for (let c = 0; c < LEX_COLS; c++) sv[o + c] = x.vals[c];
        sv[o + C_POS] = pos; sv[o + C_GAZ] = g; sv[o + C_DC] = dc;
        sv[o + C_RF] = '-'; sv[o + C_RL] = '-'; sv[o + C_RP] = '-';
      }
    }
    if (!heads[si]) {
      // capitalized runs: first and last word (lower case), the place in the run (B/I/L/U; '-' outside)
      let i = 0;
      while (i < n) {
        if (!isCap(cas[i])) { i++; continue; }
        let j = i + 1;
        while (j < n && isCap(cas[j])) j++;
        const f = lex[i];
        const l = lex[j - 1];
        for (let k = i; k < j; k++) {
          const o = (k + 2) * NCOL;
          const p = j - i === 1 ? 3 : k === i ? 0 : k === j - 1 ? 2 : 1;
          ha[o + C_RF] = f.ha[C_LOWER]; hb[o + C_RF] = f.hb[C_LOWER];
          ha[o + C_RL] = l.ha[C_LOWER]; hb[o + C_RL] = l.hb[C_LOWER];
          ha[o + C_RP] = RUN_A[p]; hb[o + C_RP] = RUN_B[p];
          flags[k] |= FLAG_RUN;
          if (sv) { sv[o + C_RF] = f.lower; sv[o + C_RL] = l.lower; sv[o + C_RP] = RUN_PLACES[p]; }
        }
        i = j;
      }
    }
    out[si] = { n, lower: low, cas, headline: heads[si], ha, hb, sv, flags };
  }
  return out;
}

/** Place in a capitalized run. */
const RUN_PLACES = ['B', 'I', 'L', 'U'];
const RUN_A = Int32Array.from(RUN_PLACES, hashA);
const RUN_B = Int32Array.from(RUN_PLACES, hashB);
/** Hashes of '-', the value of the run columns outside a capitalized run. */
const NO_RUN_A = hashA('-');
const NO_RUN_B = hashB('-');

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
    const { ha, hb, sv } = s;
    for (let i = 0; i < s.n; i++) {
      const o = (i + 2) * NCOL;
      let v = stage1[si][i];
      let h = small(v);
      ha[o + C_S1] = SMALL_A[h]; hb[o + C_S1] = SMALL_B[h];
      if (sv) sv[o + C_S1] = v;
      if (!historyWord(s, i)) v = '-';
      else {
        const c = counts.get(s.lower[i])!;
        let total = 0;
        let best = 0;
        for (let k = 0; k < c.length; k++) { total += c[k]; if (c[k] > c[best]) best = k; }
        v = total === 1 ? 'one' : (best === 0 ? 'O' : ENTITY_TYPES[best - 1]) + (c[best] === total ? '!' : '');
      }
      h = small(v);
      ha[o + C_AGG] = SMALL_A[h]; hb[o + C_AGG] = SMALL_B[h];
      if (sv) sv[o + C_AGG] = v;
    }
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

/** Key of the word type at row `k` (pads included), everything TYPE_TEMPLATES read: writes the two 32-bit halves to `out[0]`, `out[1]`. */
export function typeKey(s: PreparedSentence, k: number, out: Int32Array): void {
  const o = k * NCOL;
  const { ha, hb } = s;
  out[0] = fmix(mixA(mixA(mixA(mixA(ha[o + C_WORD], ha[o + C_LOWER]), ha[o + C_POS]), ha[o + C_GAZ]), ha[o + C_DC]));
  out[1] = fmix(mixB(mixB(mixB(mixB(hb[o + C_WORD], hb[o + C_LOWER]), hb[o + C_POS]), hb[o + C_GAZ]), hb[o + C_DC]));
}

/** Templates of the CONTEXT group: they read only the POS, short shape and casing of rows k-1, k, k+1 (`contextKey`). */
export const CONTEXT_TEMPLATES = ['b', 'p-1|p', 'p|p+1', 'ss-1|ss', 'ss|ss+1', 'c-1|c|c+1'];

/** Key of everything CONTEXT_TEMPLATES read at row `k`: POS, short shape and casing of rows k-1, k, k+1 (into `out[0]`, `out[1]`). */
export function contextKey(s: PreparedSentence, k: number, out: Int32Array): void {
  const { ha, hb } = s;
  let a = 0x1b873593;
  let b = 0x2545f491;
  for (let o = (k - 1) * NCOL, end = (k + 2) * NCOL; o < end; o += NCOL) {
    a = mixA(mixA(mixA(a, ha[o + C_POS]), ha[o + C_SHORT]), ha[o + C_CAS]);
    b = mixB(mixB(mixB(b, hb[o + C_POS]), hb[o + C_SHORT]), hb[o + C_CAS]);
  }
  out[0] = fmix(a);
  out[1] = fmix(b);
}

/** Key of everything STAGE2_TEMPLATES read at row `k`: first-pass tags of rows k-1, k, k+1, the aggregate and short shape of row k. */
export function stage2Key(s: PreparedSentence, k: number, out: Int32Array): void {
  const { ha, hb } = s;
  const o = k * NCOL;
  out[0] = fmix(mixA(mixA(mixA(mixA(mixA(0x3c6ef372, ha[o - NCOL + C_S1]), ha[o + C_S1]), ha[o + NCOL + C_S1]), ha[o + C_AGG]), ha[o + C_SHORT]));
  out[1] = fmix(mixB(mixB(mixB(mixB(mixB(0x5be0cd19, hb[o - NCOL + C_S1]), hb[o + C_S1]), hb[o + NCOL + C_S1]), hb[o + C_AGG]), hb[o + C_SHORT]));
}

/** Templates of the dynamic group cached at prediction: the previous tags and the history value, alone and with the short shape (`dynamicKey`). */
export const DYNAMIC_GROUP_TEMPLATES = ['t-1', 't-2|t-1', 't-1|ss', 'ph', 'ph|ss'];

/** Key of everything DYNAMIC_GROUP_TEMPLATES read at row `k` given the previous tags and the history value (indices). */
export function dynamicKey(s: PreparedSentence, k: number, prev: number, prev2: number, history: number, out: Int32Array): void {
  const o = k * NCOL + C_SHORT;
  out[0] = fmix(mixA(mixA(mixA(s.ha[o], prev + 1), prev2 + 0x100), history + 0x10000));
  out[1] = fmix(mixB(mixB(mixB(s.hb[o], prev + 1), prev2 + 0x100), history + 0x10000));
}

/** The TYPE_TEMPLATES features of the token at row `k` in one role (0 itself; 1, 2: it is the word at -1, -2; 3, 4: at +1, +2). */
export function typeFeatures(s: PreparedSentence, k: number, role: number, sink: FeatureSink): void {
  switch (role) {
    case 0:
      sink.f1(T_W, s, C_WORD, k);
      sink.f1(T_L, s, C_LOWER, k);
      sink.f1(T_SH, s, C_SHAPE, k);
      sink.f1(T_SS, s, C_SHORT, k);
      sink.f1(T_P, s, C_POS, k);
      sink.f2(T_PSS, s, C_POS, k, C_SHORT, k);
      sink.f1(T_G, s, C_GAZ, k);
      sink.f1(T_DC, s, C_DC, k);
      sink.f2(T_DCC, s, C_DC, k, C_CAS, k);
      for (let p = 0; p < 4; p++) { sink.f1(T_PRE[p], s, C_PRE + p, k); sink.f1(T_SUF[p], s, C_SUF + p, k); }
      return;
    case 1: sink.f1(T_LM1, s, C_LOWER, k); sink.f1(T_PM1, s, C_POS, k); sink.f1(T_SM1, s, C_SHORT, k); sink.f1(T_GM1, s, C_GAZ, k); return;
    case 2: sink.f1(T_LM2, s, C_LOWER, k); sink.f1(T_PM2, s, C_POS, k); sink.f1(T_SM2, s, C_SHORT, k); sink.f1(T_GM2, s, C_GAZ, k); return;
    case 3: sink.f1(T_LP1, s, C_LOWER, k); sink.f1(T_PP1, s, C_POS, k); sink.f1(T_SP1, s, C_SHORT, k); sink.f1(T_GP1, s, C_GAZ, k); return;
    default: sink.f1(T_LP2, s, C_LOWER, k); sink.f1(T_PP2, s, C_POS, k); sink.f1(T_SP2, s, C_SHORT, k); sink.f1(T_GP2, s, C_GAZ, k);
  }
}

/** Static features of token `i` (they do not depend on predicted tags), appended to `sink`. */
export function staticFeatures(s: PreparedSentence, i: number, sink: FeatureSink): void {
  const k = i + 2;
  sink.f0(T_B);
  sink.f1(T_W, s, C_WORD, k);
  sink.f1(T_L, s, C_LOWER, k);
  sink.f1(T_SH, s, C_SHAPE, k);
  sink.f1(T_SS, s, C_SHORT, k);
  sink.f1(T_P, s, C_POS, k);
  sink.f2(T_PSS, s, C_POS, k, C_SHORT, k);
  sink.f1(T_LM1, s, C_LOWER, k - 1);
  sink.f1(T_LP1, s, C_LOWER, k + 1);
  sink.f1(T_LM2, s, C_LOWER, k - 2);
  sink.f1(T_LP2, s, C_LOWER, k + 2);
  sink.f2(T_LM1L, s, C_LOWER, k - 1, C_LOWER, k);
  sink.f2(T_LLP1, s, C_LOWER, k, C_LOWER, k + 1);
  sink.f2(T_LM2LM1, s, C_LOWER, k - 2, C_LOWER, k - 1);
  sink.f2(T_LP1LP2, s, C_LOWER, k + 1, C_LOWER, k + 2);
  sink.f2(T_LM1LP1, s, C_LOWER, k - 1, C_LOWER, k + 1);
  sink.f1(T_PM1, s, C_POS, k - 1);
  sink.f1(T_PP1, s, C_POS, k + 1);
  sink.f1(T_PM2, s, C_POS, k - 2);
  sink.f1(T_PP2, s, C_POS, k + 2);
  sink.f2(T_PM1P, s, C_POS, k - 1, C_POS, k);
  sink.f2(T_PPP1, s, C_POS, k, C_POS, k + 1);
  sink.f1(T_SM1, s, C_SHORT, k - 1);
  sink.f1(T_SP1, s, C_SHORT, k + 1);
  sink.f1(T_SM2, s, C_SHORT, k - 2);
  sink.f1(T_SP2, s, C_SHORT, k + 2);
  sink.f2(T_SM1S, s, C_SHORT, k - 1, C_SHORT, k);
  sink.f2(T_SSP1, s, C_SHORT, k, C_SHORT, k + 1);
  sink.f2(T_LM1S, s, C_LOWER, k - 1, C_SHORT, k);
  sink.f2(T_SLP1, s, C_SHORT, k, C_LOWER, k + 1);
  sink.f3(T_C3, s, C_CAS, k - 1, k, k + 1);
  sink.f1(T_G, s, C_GAZ, k);
  sink.f1(T_GM1, s, C_GAZ, k - 1);
  sink.f1(T_GP1, s, C_GAZ, k + 1);
  sink.f1(T_GM2, s, C_GAZ, k - 2);
  sink.f1(T_GP2, s, C_GAZ, k + 2);
  sink.f1(T_DC, s, C_DC, k);
  sink.f2(T_DCC, s, C_DC, k, C_CAS, k);
  for (let p = 0; p < 4; p++) { sink.f1(T_PRE[p], s, C_PRE + p, k); sink.f1(T_SUF[p], s, C_SUF + p, k); }
  if (i === 0) sink.f1(T_FIRST, s, C_SHORT, k);
  if (s.headline) {
    sink.f0(T_H);
    sink.f1(T_HDC, s, C_DC, k);
    sink.f1(T_HG, s, C_GAZ, k);
  }
  const flags = s.flags[i];
  if (flags & FLAG_JOINED) sink.f1(T_HY, s, C_SHORT, k);
  if (flags & FLAG_RUN) {
    sink.f1(T_RF, s, C_RF, k);
    sink.f1(T_RL, s, C_RL, k);
    sink.f1(T_RP, s, C_RP, k);
    sink.f2(T_RPRL, s, C_RP, k, C_RL, k);
  }
}

/** Stage-2 features of token `i` (the document has been through `addStage1`). */
export function stage2Features(s: PreparedSentence, i: number, sink: FeatureSink): void {
  const k = i + 2;
  sink.f1(T_S1, s, C_S1, k);
  sink.f1(T_S1M1, s, C_S1, k - 1);
  sink.f1(T_S1P1, s, C_S1, k + 1);
  sink.f1(T_AGG, s, C_AGG, k);
  sink.f2(T_AGGSS, s, C_AGG, k, C_SHORT, k);
  sink.f2(T_AGGS1, s, C_AGG, k, C_S1, k);
}

/** Tag values of the dynamic templates: index = tag index in BILOU_TAGS, `<s>` (START_TAG) last. */
export const TAG_VALUES = [...BILOU_TAGS, '<s>'];
export const START_TAG = BILOU_TAGS.length;
const TAG_A = Int32Array.from(TAG_VALUES, hashA);
const TAG_B = Int32Array.from(TAG_VALUES, hashB);
/** History values: index 0 none, 1 'O', 2.. entity types, last: word not tracked. */
export const HISTORY_VALUES = ['', 'O', ...ENTITY_TYPES, '-'];
export const HISTORY_UNTRACKED = ENTITY_TYPES.length + 2;
const HIST_A = Int32Array.from(HISTORY_VALUES, hashA);
const HIST_B = Int32Array.from(HISTORY_VALUES, hashB);

/** Per-document prediction history: the entity types given so far to each capitalized word. */
export class History {
  private readonly seen = new Map<string, Int32Array>();
  /** Index into HISTORY_VALUES for word `lower`: the type most often given to it so far. */
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

/** Templates of `dynamicFeatures`. */
export const DYNAMIC_TEMPLATES = ['t-1', 't-2|t-1', 't-1|l', 't-1|ss', 'ph', 'ph|ss'];

/** Dynamic features of token `i` given the two previous tags (indices into TAG_VALUES) and the history value (index into HISTORY_VALUES). */
export function dynamicFeatures(s: PreparedSentence, i: number, prev: number, prev2: number, history: number, sink: FeatureSink): void {
  const k = i + 2;
  const pa = TAG_A[prev];
  const pb = TAG_B[prev];
  const ps = TAG_VALUES[prev];
  sink.v(T_TM1, pa, pb, ps);
  sink.vv(T_TM2TM1, TAG_A[prev2], TAG_B[prev2], TAG_VALUES[prev2], pa, pb, ps);
  sink.vc(T_TM1L, pa, pb, ps, s, C_LOWER, k);
  sink.vc(T_TM1SS, pa, pb, ps, s, C_SHORT, k);
  sink.v(T_PH, HIST_A[history], HIST_B[history], HISTORY_VALUES[history]);
  sink.vc(T_PHSS, HIST_A[history], HIST_B[history], HISTORY_VALUES[history], s, C_SHORT, k);
}
