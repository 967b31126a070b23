/**
 * Features of the named-entity recognizer (issue 4). One module, shared by training and
 * prediction, so that the two can never drift apart (DESIGN.md, model 3).
 *
 * The recognizer reads *NER tokens*: CoNLL-2003-style tokens. wink-nlp splits hyphenated and
 * slashed words ("Qasym-Zhomart" → `Qasym` `-` `Zhomart`, "RFE/RL" → `RFE` `/` `RL`) where CoNLL
 * keeps them whole, so `mergeWinkTokens` joins such runs back before tagging, and the training
 * script does the same on the CoNLL side (`winkPosForTokens` in index.ts reads the CoNLL tokens
 * with wink and gives each token the POS of its pieces by the same rule, `mergedPos`).
 *
 * Features of one token are of two kinds:
 *  - static: the word, its lower-case and normalized forms, shape, prefixes and suffixes, POS,
 *    gazetteer match, a ±2 context window, word and POS bigrams, and two document-level features
 *    (the casing the word has elsewhere in the document; whether the sentence is an ALL-CAPS
 *    headline);
 *  - dynamic: the two previous predicted tags (alone and with the word and shape), and the
 *    *prediction history*: the entity type the model gave the same word earlier in the document.
 */

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

/** Map typographic quotes, apostrophes and dashes to the ASCII forms CoNLL uses. */
export function normalizeText(s: string): string {
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

/** Casing class of a word: `X` Title-case, `A` ALL-CAPS (two letters or more), `x` lower, `-` no letter. */
export function casing(s: string): 'X' | 'A' | 'x' | '-' | 'm' {
  let up = 0;
  let low = 0;
  let firstUp = false;
  let seen = false;
  for (const c of s) {
    const l = c.toLowerCase();
    const u = c.toUpperCase();
    if (l === u) continue;
    if (c === u) { up++; if (!seen) firstUp = true; } else low++;
    seen = true;
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

const JOINERS = new Set(['-', '/', '&', '\u2010', '\u2011', '\u2013']);
const WORDY = /[\p{L}\p{N}]$/u;
const WORDY_START = /^[\p{L}\p{N}]/u;

/** A wink token as the merger needs it. */
export interface OffsetToken {
  text: string;
  start: number;
  end: number;
  pos: string;
}

/**
 * Group wink tokens into NER tokens: `word-word`, `word/word` and `word&word` written without
 * spaces become one token, as in CoNLL-2003. Returns `[first, last+1)` index ranges into `tokens`.
 */
export function mergeWinkTokens(tokens: OffsetToken[]): Array<[number, number]> {
  const groups: Array<[number, number]> = [];
  let i = 0;
  while (i < tokens.length) {
    let j = i + 1;
    while (
      j + 1 < tokens.length &&
      JOINERS.has(tokens[j].text) &&
      tokens[j - 1].end === tokens[j].start &&
      tokens[j].end === tokens[j + 1].start &&
      WORDY.test(tokens[j - 1].text) &&
      WORDY_START.test(tokens[j + 1].text)
    ) j += 2;
    groups.push([i, j]);
    i = j;
  }
  return groups;
}

/** Gazetteer: multi-word names with a class, matched case-insensitively over NER tokens. */
export class Gazetteer {
  private readonly byFirst = new Map<string, Array<{ words: string[]; cls: string }>>();
  readonly size: number;

  /** `entries`: [name, class] pairs, e.g. ["Kazakhstan", "state"]. */
  constructor(entries: Array<[string, string]>) {
    let n = 0;
    const seen = new Set<string>();
    for (const [name, cls] of entries) {
      const words = gazetteerWords(name);
      if (!words.length) continue;
      const key = words.join(' ') + '\t' + cls;
      if (seen.has(key)) continue;
      seen.add(key);
      const list = this.byFirst.get(words[0]) ?? [];
      list.push({ words, cls });
      this.byFirst.set(words[0], list);
      n++;
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
    this.size = n;
  }

  /** For each token, `B-cls`/`I-cls`/`L-cls`/`U-cls` of the longest match starting leftmost, or '' . */
  match(lower: string[]): string[] {
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

  /** The entries as written to the model folder. */
  entries(): Array<[string, string]> {
    const out: Array<[string, string]> = [];
    for (const list of this.byFirst.values()) for (const e of list) out.push([e.words.join(' '), e.cls]);
    return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : 1));
  }
}

/** Split a gazetteer name the way NER tokens are split: on spaces, with a possessive or final period kept. */
export function gazetteerWords(name: string): string[] {
  return normalizeText(name).replace(/^the\s+/i, '').toLowerCase().split(/\s+/).filter(Boolean);
}

/** A sentence with everything the features read, computed once. */
export interface PreparedSentence {
  n: number;
  /** Normalized text with digits as 0 (case kept). */
  word: string[];
  lower: string[];
  shape: string[];
  short: string[];
  cas: string[];
  pos: string[];
  gaz: string[];
  /** Casing of the word elsewhere in the document ('' if not seen). */
  docCase: string[];
  /** Is the sentence an ALL-CAPS headline? */
  headline: boolean;
}

/** Per-document information shared by its sentences. */
export interface DocInfo {
  /** lower-case word → casing class seen most often at non-initial positions outside headlines. */
  casing: Map<string, string>;
}

function isHeadline(cas: string[]): boolean {
  let caps = 0;
  let letters = 0;
  for (const c of cas) {
    if (c === '-') continue;
    letters++;
    if (c === 'A') caps++;
  }
  return letters >= 2 && caps / letters >= 0.6 && caps >= 2;
}

/** Prepare the sentences of one document (NER tokens with POS) for feature extraction. */
export function prepareDocument(sentences: NerToken[][], gazetteer: Gazetteer | null): PreparedSentence[] {
  const prepared: PreparedSentence[] = sentences.map((toks) => {
    const norm = toks.map((t) => normalizeText(t.text));
    const lower = norm.map((w) => w.toLowerCase());
    const cas = norm.map((w) => casing(w));
    return {
      n: toks.length,
      word: norm.map((w) => w.replace(/[0-9]/g, '0')),
      lower,
      shape: norm.map(longShape),
      short: norm.map(shortShape),
      cas,
      pos: toks.map((t) => t.pos),
      gaz: gazetteer ? gazetteer.match(lower) : new Array<string>(toks.length).fill(''),
      docCase: new Array<string>(toks.length).fill(''),
      headline: isHeadline(cas),
    };
  });
  // Document casing: how each word is written where its casing tells something.
  const counts = new Map<string, Record<string, number>>();
  for (const s of prepared) {
    if (s.headline) continue;
    for (let i = 1; i < s.n; i++) {
      const c = s.cas[i];
      if (c === '-') continue;
      if (s.word[i - 1] === '"' || s.word[i - 1] === '(' || s.word[i - 1] === ':') continue;
      const r = counts.get(s.lower[i]) ?? {};
      r[c] = (r[c] ?? 0) + 1;
      counts.set(s.lower[i], r);
    }
  }
  const docCasing = new Map<string, string>();
  for (const [w, r] of counts) {
    let best = '';
    let n = 0;
    for (const [c, k] of Object.entries(r)) if (k > n) { best = c; n = k; }
    docCasing.set(w, best);
  }
  for (const s of prepared) for (let i = 0; i < s.n; i++) s.docCase[i] = docCasing.get(s.lower[i]) ?? '';
  return prepared;
}

const PAD_L = ['<s>', '<s2>'];
const PAD_R = ['</s>', '</s2>'];

/** Static features of token `i` (they do not depend on predicted tags). */
export function staticFeatures(s: PreparedSentence, i: number): string[] {
  const w = s.word[i];
  const l = s.lower[i];
  const at = (arr: string[], k: number): string => (k < 0 ? PAD_L[-k - 1] : k >= s.n ? PAD_R[k - s.n] : arr[k]);
  const lm1 = at(s.lower, i - 1);
  const lp1 = at(s.lower, i + 1);
  const pm1 = at(s.pos, i - 1);
  const pp1 = at(s.pos, i + 1);
  const sh = s.shape[i];
  const shm1 = at(s.short, i - 1);
  const shp1 = at(s.short, i + 1);
  const gm1 = i > 0 ? s.gaz[i - 1] : '<s>';
  const gp1 = i + 1 < s.n ? s.gaz[i + 1] : '</s>';
  const dc = s.docCase[i];
  const f: string[] = [
    'b',
    'w=' + w,
    'l=' + l,
    'sh=' + sh,
    'ss=' + s.short[i],
    'p=' + s.pos[i],
    'p=' + s.pos[i] + '|ss=' + s.short[i],
    'l-1=' + lm1,
    'l+1=' + lp1,
    'l-2=' + at(s.lower, i - 2),
    'l+2=' + at(s.lower, i + 2),
    'l-1|l=' + lm1 + '|' + l,
    'l|l+1=' + l + '|' + lp1,
    'p-1=' + pm1,
    'p+1=' + pp1,
    'p-2=' + at(s.pos, i - 2),
    'p+2=' + at(s.pos, i + 2),
    'p-1|p=' + pm1 + '|' + s.pos[i],
    'p|p+1=' + s.pos[i] + '|' + pp1,
    'ss-1=' + shm1,
    'ss+1=' + shp1,
    'ss-1|ss=' + shm1 + '|' + s.short[i],
    'ss|ss+1=' + s.short[i] + '|' + shp1,
    'g=' + s.gaz[i],
    'g-1=' + gm1,
    'g+1=' + gp1,
    'dc=' + dc,
    'dc|c=' + dc + '|' + s.cas[i],
  ];
  const n = l.length;
  for (let k = 1; k <= 4 && k <= n; k++) {
    f.push('pre' + k + '=' + l.slice(0, k));
    f.push('suf' + k + '=' + l.slice(n - k));
  }
  if (i === 0) f.push('first|ss=' + s.short[i]);
  if (s.headline) {
    f.push('H');
    f.push('H|dc=' + dc);
    f.push('H|g=' + s.gaz[i]);
  }
  if (s.word[i].includes('-')) f.push('hy|ss=' + s.short[i]);
  return f;
}

/** Per-document prediction history: the entity types given so far to each capitalized word. */
export class History {
  private readonly seen = new Map<string, Int32Array>();
  /** Feature value for word `lower`: the type most often given to it ('O' included), or ''. */
  feature(lower: string): string {
    const c = this.seen.get(lower);
    if (!c) return '';
    let best = 0;
    for (let k = 1; k < c.length; k++) if (c[k] > c[best]) best = k;
    return best === 0 ? 'O' : ENTITY_TYPES[best - 1];
  }
  /** Record that the word got `tag` (a BILOU tag). */
  add(lower: string, tag: string): void {
    let c = this.seen.get(lower);
    if (!c) { c = new Int32Array(ENTITY_TYPES.length + 1); this.seen.set(lower, c); }
    const k = tag === 'O' ? 0 : 1 + ENTITY_TYPES.indexOf(tag.slice(2) as EntityType);
    c[k]++;
  }
}

/** Dynamic features of token `i` given the two previous predicted tags and the history. */
export function dynamicFeatures(s: PreparedSentence, i: number, prev: string, prev2: string, history: string): string[] {
  return [
    't-1=' + prev,
    't-2|t-1=' + prev2 + '|' + prev,
    't-1|l=' + prev + '|' + s.lower[i],
    't-1|ss=' + prev + '|' + s.short[i],
    'ph=' + history,
    'ph|ss=' + history + '|' + s.short[i],
  ];
}

/** Whether a word takes part in the prediction history (it has a capital letter). */
export function historyWord(s: PreparedSentence, i: number): boolean {
  const c = s.cas[i];
  return c === 'X' || c === 'A' || c === 'm';
}
