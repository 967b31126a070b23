/**
 * Token features of the attribution tagger (tagger.ts), shared by training (scripts/train-quotes.ts)
 * and inference (index.ts), so that both see exactly the same features.
 *
 * One feature list per token of `AnnotatedText.tokens`; the tagger reads a paragraph at a time.
 * Templates (each a short prefix + values joined by `|`):
 * - the word (lower case, digits as 0), lemma, UPOS, shape; the neighbours' words and tags (±2);
 *   lemma and tag bigrams;
 * - `cue`: the lemma is in data/quotes/cues.yaml; `Lc`/`Rc`: distance bucket and lemma of the
 *   nearest cue word to the left / right in the sentence (outside quotation marks), and whether a
 *   "that" lies between; `pc`: the previous sentence of the paragraph ends with a colon;
 * - quotation state (marks.ts): outside, inside, on a mark; the quotation's kind; next to a mark;
 *   whether the sentence holds a quotation;
 * - the actor at the token (actors/resolve.ts): its type, or a pronoun;
 * - the sentence's index in its paragraph and the token's place in its sentence;
 * - with a dependency parse, level 1 (`syntax` ≥ 1): the token's relation, its head's lemma and
 *   tag, the relation under its nearest cue ancestor (`anc`: inside the cue's ccomp → content,
 *   its nsubj → source) with the cue's lemma and the distance, and a verb's children's relations;
 *   level 2 also: that `anc` relation of the previous and next token (`anc2`, `anc+1`: where a
 *   content clause starts and ends), and the lowest common ancestor of the token and the nearest
 *   cue of its sentence (`lca`: the relation of the token's branch and of the cue's branch under
 *   it, "self" for the token or the cue itself — "according to X, Y …" puts Y under the cue's head).
 *
 * Two sinks read the same `writeFeatures` pass: `tokenFeatures` builds the strings (training,
 * tests); the tagger (tagger.ts `EmissionSink`) hashes each feature as it is written, continuing
 * the FNV-1a state of the template's prefix over the values, with no string built, and adds its
 * weight row — the same hash, so the same tags as hashing the strings.
 */
import type { AnnotatedText } from '../types.js';
import type { ActorResolution } from '../actors/resolve.js';
import { regionKind, type QuoteRegion } from './marks.js';

const PRONOUN = new Set(['he', 'she', 'they', 'it', 'i', 'we', 'you']);
const QUOTE_CHAR = /^(?:["“”„«»‘’']|'')$/;

const bucket = (d: number) => (d <= 3 ? String(d) : d <= 6 ? '4-6' : d <= 12 ? '7-12' : '13+');

/**
 * The shape of a word for the `s=` feature: "XX" (two or more upper-case letters, `\p{Lu}`, and
 * nothing else), "Xx" (opens with one), "x" (opens with a lower-case letter), "d" (a digit), the
 * character itself (a one-character word), else "p". A word of ASCII letters is read with
 * character codes, the rest with the Unicode regular expressions (same answers; the regular
 * expressions made a string per token).
 */
export function shape(w: string): string {
  const c = w.charCodeAt(0);
  if (c >= 65 && c <= 90) {
    if (w.length === 1) return 'Xx';
    for (let i = 1; i < w.length; i++) {
      const d = w.charCodeAt(i);
      if (d >= 128) return /^\p{Lu}+$/u.test(w) ? 'XX' : 'Xx';
      if (d < 65 || d > 90) return 'Xx';
    }
    return 'XX';
  }
  if (c >= 128) return /^\p{Lu}+$/u.test(w) && w.length > 1 ? 'XX' : /^\p{Lu}/u.test(w) ? 'Xx' : /^\p{Ll}/u.test(w) ? 'x' : w.length === 1 ? w : 'p';
  if (c >= 97 && c <= 122) return 'x';
  if (c >= 48 && c <= 57) return 'd';
  return w.length === 1 ? w : 'p';
}

/**
 * The token ranges `[start, end)` the tagger reads one at a time: paragraphs, further cut where
 * a line break lies between two tokens (a headline or a list line glued to the next line).
 */
export function tagRanges(doc: AnnotatedText): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const { tokens, sentences, text } = doc;
  let start = 0;
  for (let i = 1; i <= tokens.length; i++) {
    const cut = i === tokens.length ||
      sentences[tokens[i].sentence].paragraph !== sentences[tokens[i - 1].sentence].paragraph ||
      text.slice(tokens[i - 1].end, tokens[i].start).includes('\n');
    if (cut) { if (i > start) out.push([start, i]); start = i; }
  }
  return out;
}

/** Per-token quotation state: region index at each token or -1, and whether the token is a mark. */
export function tokenQuoteState(doc: AnnotatedText, at: Int32Array): { region: Int32Array; mark: Uint8Array } {
  const region = new Int32Array(doc.tokens.length);
  const mark = new Uint8Array(doc.tokens.length);
  doc.tokens.forEach((t, i) => {
    region[i] = at[t.start] ?? -1;
    mark[i] = QUOTE_CHAR.test(t.text) ? 1 : 0;
  });
  return { region, mark };
}

/**
 * A feature template's fixed text (e.g. `w=`) with its FNV-1a state (tagger.ts `fnv1a`) after
 * that text, so that a feature's hash is computed by feeding only its values, with no string built.
 */
export interface Prefix { readonly text: string; readonly hash: number }

/**
 * FNV-1a (32-bit, tagger.ts `fnv1a`) state `h` continued over the UTF-16 code units of `s`. Like
 * every FNV value here it is returned as a signed 32-bit integer (the same 32 bits as the unsigned
 * value): V8 keeps such a number unboxed, where an unsigned one above 2^31 became a heap number
 * per feature.
 */
export function fnvMore(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** FNV-1a (32-bit) state continued over one UTF-16 code unit `c`; signed 32-bit (see `fnvMore`). */
export function fnvChar(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

/** The 32-bit FNV-1a offset basis (the hash of the empty string), signed 32-bit (see `fnvMore`). */
export const FNV_BASIS = 0x811c9dc5 | 0;

/** A template prefix (see `Prefix`). */
export function prefix(text: string): Prefix {
  return { text, hash: fnvMore(FNV_BASIS, text) };
}

/**
 * Where `writeFeatures` sends each token's features, in the order of the templates. A feature is
 * the prefix's text followed by the values, joined by `|` (`add2(p, a, b)` is `p.text + a + '|' + b`,
 * `add3` likewise with three values).
 * `token(i)` starts token i (document index); every token gets exactly one `token` call.
 */
export interface FeatureSink {
  /** Start token i; the features that follow are its. */
  token(i: number): void;
  /** The feature `p.text`. */
  add(p: Prefix): void;
  /** The feature `p.text + a`. */
  add1(p: Prefix, a: string): void;
  /** The feature `p.text + a + '|' + b`. */
  add2(p: Prefix, a: string, b: string): void;
  /** The feature `p.text + a + '|' + b + '|' + c`. */
  add3(p: Prefix, a: string, b: string, c: string): void;
}

/** A sink that keeps the feature strings (training and tests): `out[i]` is token i's list. */
class StringSink implements FeatureSink {
  readonly out: string[][];
  private cur: string[] = [];
  constructor(n: number) { this.out = new Array(n); }
  token(i: number): void { this.cur = this.out[i] = []; }
  add(p: Prefix): void { this.cur.push(p.text); }
  add1(p: Prefix, a: string): void { this.cur.push(p.text + a); }
  add2(p: Prefix, a: string, b: string): void { this.cur.push(p.text + a + '|' + b); }
  add3(p: Prefix, a: string, b: string, c: string): void { this.cur.push(p.text + a + '|' + b + '|' + c); }
}

// template prefixes (the feature strings are these texts followed by the values)
const X = {
  b: prefix('b'), w: prefix('w='), l: prefix('l='), p: prefix('p='), s: prefix('s='),
  wm1: prefix('w-1='), wp1: prefix('w+1='), wm2: prefix('w-2='), wp2: prefix('w+2='),
  pm1: prefix('p-1='), pp1: prefix('p+1='), pm2: prefix('p-2='), pp2: prefix('p+2='),
  pp: prefix('pp='), pn: prefix('pn='), ll: prefix('ll='), ln: prefix('ln='),
  q: prefix('q='), qp: prefix('qp='), si: prefix('si='),
  first: prefix('first'), last: prefix('last'), sq: prefix('sq|'), pc: prefix('pc|'), qk: prefix('qk='),
  qopen: prefix('qopen'), qclose: prefix('qclose'), cue: prefix('cue'), cueP: prefix('cue|'),
  Lc: prefix('Lc='), Lcl: prefix('Lcl='), Lcq: prefix('Lc|q='), Lct: prefix('Lct='), LcNone: prefix('Lc=none'),
  Rc: prefix('Rc='), Rcl: prefix('Rcl='), Rcq: prefix('Rc|q='), RcNone: prefix('Rc=none'),
  nc: prefix('nc|'), act: prefix('act='), pron: prefix('pron='), am1: prefix('a-1='), ap1: prefix('a+1='),
  se: prefix('se='), sb: prefix('sb='), LR: prefix('LR|q='), pq: prefix('pq|'), colon: prefix('colon|'), pstart: prefix('pstart'),
  rel: prefix('rel='), relq: prefix('relq='), hl: prefix('hl='), hrel: prefix('hrel='),
  anc: prefix('anc='), ancl: prefix('ancl='), ancq: prefix('ancq='), ancd: prefix('ancd='), ancNone: prefix('anc=none'),
  kid: prefix('kid='), kidc: prefix('kidc='),
  anc2: prefix('anc2='), ancn: prefix('anc+1='), lca: prefix('lca='), lcaq: prefix('lcaq='), lcad: prefix('lcad='),
} as const;
const DIGITS = ['0', '1', '2', '3'];

/** Feature strings of every token of the document (see the module doc for the templates). */
export function tokenFeatures(doc: AnnotatedText, res: ActorResolution, regions: QuoteRegion[], at: Int32Array, cues: Set<string>, parse?: { head: ArrayLike<number>; relation: string[] } | null, syntax = 1, cueSentencesOnly = false): string[][] {
  const sink = new StringSink(doc.tokens.length);
  writeFeatures(doc, res, regions, at, cues, parse ?? null, sink, syntax, cueSentencesOnly);
  return sink.out;
}

/**
 * Whether a lemma is a cue word of a model's cue list: the list holds lemmas ("say": any part of
 * speech) and lemmas of one part of speech ("point/VERB": the verb, not the noun "point").
 */
export function isCueLemma(cues: Set<string>, lemma: string, pos: string): boolean {
  const l = lemma.toLowerCase();
  return cues.has(l) || cues.has(`${l}/${pos}`);
}

/** Whether token i is a cue word for the features: its lemma is a cue lemma, it is a verb or noun (or "according"), and it lies outside quotation marks. */
function cueMask(doc: AnnotatedText, region: Int32Array, cues: Set<string>): Uint8Array {
  const { tokens } = doc;
  const isCue = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    isCue[i] = region[i] < 0 && isCueLemma(cues, t.lemma, t.pos) && (t.pos === 'VERB' || t.pos === 'NOUN' || t.text.toLowerCase() === 'according') ? 1 : 0;
  }
  return isCue;
}

/**
 * The sentences (indices, ascending) that hold a cue word outside quotation marks: with
 * `cueSentencesOnly`, the only sentences whose tokens get dependency features, so the only ones
 * the tagger needs parsed.
 */
export function cueSentences(doc: AnnotatedText, at: Int32Array, cues: Set<string>): number[] {
  const isCue = cueMask(doc, tokenQuoteState(doc, at).region, cues);
  const out: number[] = [];
  doc.sentences.forEach((s, k) => { for (let i = s.tokenStart; i < s.tokenEnd; i++) if (isCue[i]) { out.push(k); break; } });
  return out;
}

/**
 * The features of every token of the document, sent to `sink` (see the module doc for the
 * templates; `tokenFeatures` collects them as strings, the tagger hashes them as they come,
 * tagger.ts). Both see the same features in the same order. `syntax`: the level of the
 * dependency features (0 none; `parse` is read from 1 on); `cueSentencesOnly`: only the tokens of
 * `cueSentences` get them (other sentences need no parse; a token outside them counts as having
 * no cue ancestor for its neighbours' `anc2` / `anc+1`).
 */
export function writeFeatures(doc: AnnotatedText, res: ActorResolution, regions: QuoteRegion[], at: Int32Array, cues: Set<string>, parse: { head: ArrayLike<number>; relation: string[] } | null, sink: FeatureSink, syntax = 1, cueSentencesOnly = false): void {
  const { tokens, sentences, text } = doc;
  const n = tokens.length;
  const paras = doc.article.paragraphs;
  const { region, mark } = tokenQuoteState(doc, at);
  const kinds = regions.map((r) => regionKind(text, paras[r.paragraph]?.start ?? 0, r));
  const lower: string[] = new Array(n);
  const lemmaLow: string[] = new Array(n);
  const paraOf = new Int32Array(n);
  const isCue = cueMask(doc, region, cues);
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    const low = t.text.toLowerCase();
    lower[i] = /\d/.test(low) ? low.replace(/\d/g, '0') : low;
    lemmaLow[i] = t.lemma.toLowerCase();
    paraOf[i] = sentences[t.sentence]?.paragraph ?? -1;
  }
  // the sentences whose tokens get dependency features
  const synSent = new Uint8Array(sentences.length).fill(1);
  if (parse && cueSentencesOnly) {
    synSent.fill(0);
    for (const k of cueSentences(doc, at, cues)) synSent[k] = 1;
  }
  const done = new Uint8Array(n);
  // sentence index within its paragraph; whether the previous sentence ends with a colon
  const sentInPara = new Int32Array(sentences.length);
  const prevColon = new Uint8Array(sentences.length);
  const sentQuote = new Uint8Array(sentences.length);
  sentences.forEach((s, k) => {
    const prev = sentences[k - 1];
    sentInPara[k] = prev && prev.paragraph === s.paragraph ? sentInPara[k - 1] + 1 : 0;
    const prevEnd = prev ? tokens[prev.tokenEnd - 1]?.text : '';
    prevColon[k] = prev && prevEnd === ':' ? 1 : 0;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) if (region[i] >= 0) { sentQuote[k] = 1; break; }
  });
  const actorTag = (j: number) => {
    if (j < 0 || j >= n) return '-';
    const a = res.actorAtToken[j];
    return a >= 0 ? res.actors[a].type : PRONOUN.has(lower[j]) ? 'pron' : tokens[j].pos === 'PROPN' ? 'propn' : '-';
  };
  // dependency features (when a parse is given): relation, head, the path up to the nearest cue
  // ancestor (its top relation: inside the cue's ccomp → content, its nsubj → source), and the
  // relations of a verb's children
  const rel0: string[] = parse ? parse.relation.map((r) => { const c = r.indexOf(':'); return c < 0 ? r : r.slice(0, c); }) : [];
  // children as linked lists in token order: firstKid[h], nextKid[k] (-1 ends)
  const firstKid = parse ? new Int32Array(n).fill(-1) : null;
  const nextKid = parse ? new Int32Array(n).fill(-1) : null;
  if (parse) for (let i = n - 1; i >= 0; i--) { const h = parse.head[i]; if (h >= 0) { nextKid![i] = firstKid![h]; firstKid![h] = i; } }
  // level 2: the top relation under the nearest cue ancestor of every token (ancTop), and the
  // lowest common ancestor with the nearest cue of the sentence (left or right): the relation of
  // the token's branch and of the cue's branch under it ("self" when it is the token or the cue)
  const ancTop: string[] = [];
  if (parse && syntax >= 2) {
    for (let i = 0; i < n; i++) {
      let c = i;
      let steps = 0;
      while (parse.head[c] >= 0 && !isCue[parse.head[c]] && steps < 12) { c = parse.head[c]; steps++; }
      ancTop.push(synSent[tokens[i].sentence] && parse.head[c] >= 0 && isCue[parse.head[c]] ? rel0[c] : 'none');
    }
  }
  // the cue's ancestors (with the cue itself first): at most 20, in one buffer for the document
  const chain = new Int32Array(20);
  const chainIndex = (x: number, len: number) => { for (let k = 0; k < len; k++) if (chain[k] === x) return k; return -1; };
  const lcaFeatures = (i: number, cue: number, q: string) => {
    const P = parse!;
    let len = 0;
    for (let x = cue, d = 0; x >= 0 && d < 20; x = P.head[x], d++) chain[len++] = x;
    let x = i;
    let below = -1;
    let up = 0;
    while (x >= 0 && up < 20 && chainIndex(x, len) < 0) { below = x; x = P.head[x]; up++; }
    if (x < 0 || up >= 20) { sink.add2(X.lca, 'none', 'none'); return; }
    const k = chainIndex(x, len);
    const mine = below < 0 ? 'self' : rel0[below];
    const theirs = k === 0 ? 'self' : rel0[chain[k - 1]];
    sink.add2(X.lca, mine, theirs);
    sink.add3(X.lcaq, mine, theirs, q);
    sink.add2(X.lcad, mine, bucket(up));
  };
  const syntaxFeatures = (i: number, q: string, near: number) => {
    const P = parse!;
    const rel = rel0[i];
    const h = P.head[i];
    sink.add1(X.rel, rel);
    sink.add2(X.relq, rel, q);
    sink.add1(X.hl, h >= 0 ? lemmaLow[h] : 'ROOT');
    sink.add2(X.hrel, rel, h >= 0 ? tokens[h].pos : 'ROOT');
    let c = i;
    let steps = 0;
    while (P.head[c] >= 0 && !isCue[P.head[c]] && steps < 12) { c = P.head[c]; steps++; }
    const cue = P.head[c];
    if (cue >= 0 && isCue[cue]) {
      const top = rel0[c];
      sink.add1(X.anc, top);
      sink.add2(X.ancl, top, lemmaLow[cue]);
      sink.add2(X.ancq, top, q);
      sink.add2(X.ancd, top, bucket(steps));
    } else sink.add(X.ancNone);
    if (isCue[i] || tokens[i].pos === 'VERB') {
      for (let k = firstKid![i]; k >= 0; k = nextKid![k]) {
        const r = rel0[k];
        let seen = false; // each relation once, in first-seen order
        for (let e = firstKid![i]; e !== k; e = nextKid![e]) if (rel0[e] === r) { seen = true; break; }
        if (seen) continue;
        sink.add1(X.kid, r);
        sink.add2(X.kidc, r, isCue[i] ? '1' : '0');
      }
    }
    if (syntax >= 2) {
      sink.add2(X.anc2, paraOf[i - 1] === paraOf[i] && i > 0 ? ancTop[i - 1] : '<p>', ancTop[i]);
      sink.add1(X.ancn, i + 1 < n && paraOf[i + 1] === paraOf[i] ? ancTop[i + 1] : '</p>');
      if (near >= 0) lcaFeatures(i, near, q);
    }
  };
  // paragraphs that open with a quotation mark
  const paraQuote = paras.map((p) => /^(?:["“„«]|'')/.test(text.slice(p.start, p.start + 2)));
  // a colon earlier in the sentence, outside quotation marks
  const colonBefore = new Uint8Array(n);
  for (const s of sentences) {
    let seen = 0;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) { colonBefore[i] = seen; if (tokens[i].text === ':' && region[i] < 0) seen = 1; }
  }
  // the word, tag and lemma of token j seen from the current token `cur` of paragraph `sp`:
  // "<p>" / "</p>" beyond the paragraph's start / end (defined once, not per token)
  let sp = -1;
  let cur = 0;
  const inPara = (j: number) => j >= 0 && j < n && paraOf[j] === sp;
  const W = (j: number) => (inPara(j) ? lower[j] : j < cur ? '<p>' : '</p>');
  const P = (j: number) => (inPara(j) ? tokens[j].pos : j < cur ? '<p>' : '</p>');
  const L = (j: number) => (inPara(j) ? lemmaLow[j] : j < cur ? '<p>' : '</p>');
  let left = new Int32Array(64);
  let right = new Int32Array(64);
  let thatSince = new Uint8Array(64);
  for (const s of sentences) {
    // nearest cue to the left / right within the sentence
    const len = s.tokenEnd - s.tokenStart;
    if (len > left.length) { left = new Int32Array(len * 2); right = new Int32Array(len * 2); thatSince = new Uint8Array(len * 2); }
    let last = -1;
    let that = 0;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      left[i - s.tokenStart] = last;
      thatSince[i - s.tokenStart] = that;
      if (isCue[i]) { last = i; that = 0; }
      if (lower[i] === 'that' && last >= 0) that = 1;
    }
    last = -1;
    for (let i = s.tokenEnd - 1; i >= s.tokenStart; i--) {
      right[i - s.tokenStart] = last;
      if (isCue[i]) last = i;
    }
    const para = paras[s.paragraph];
    sp = s.paragraph;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const t = tokens[i];
      cur = i;
      const lemma = lemmaLow[i];
      const q = mark[i] ? 'mark' : region[i] >= 0 ? 'in' : 'out';
      done[i] = 1;
      sink.token(i);
      sink.add(X.b); sink.add1(X.w, lower[i]); sink.add1(X.l, lemma); sink.add1(X.p, t.pos); sink.add1(X.s, shape(t.text));
      sink.add1(X.wm1, W(i - 1)); sink.add1(X.wp1, W(i + 1)); sink.add1(X.wm2, W(i - 2)); sink.add1(X.wp2, W(i + 2));
      sink.add1(X.pm1, P(i - 1)); sink.add1(X.pp1, P(i + 1)); sink.add1(X.pm2, P(i - 2)); sink.add1(X.pp2, P(i + 2));
      sink.add2(X.pp, P(i - 1), t.pos); sink.add2(X.pn, t.pos, P(i + 1)); sink.add2(X.ll, L(i - 1), lemma); sink.add2(X.ln, lemma, W(i + 1));
      sink.add1(X.q, q); sink.add2(X.qp, q, t.pos); sink.add1(X.si, DIGITS[Math.min(sentInPara[t.sentence], 3)]);
      if (i === s.tokenStart) sink.add(X.first);
      if (i === s.tokenEnd - 1) sink.add(X.last);
      if (sentQuote[t.sentence]) sink.add1(X.sq, q);
      if (prevColon[t.sentence]) sink.add1(X.pc, q);
      if (region[i] >= 0) sink.add1(X.qk, kinds[region[i]]);
      if (mark[i] && region[i] >= 0) sink.add(t.start <= regions[region[i]].open ? X.qopen : X.qclose);
      if (isCue[i]) { sink.add(X.cue); sink.add2(X.cueP, t.pos, W(i + 1)); }
      const lc = left[i - s.tokenStart];
      const rc = right[i - s.tokenStart];
      if (lc >= 0) {
        const b = bucket(i - lc);
        sink.add1(X.Lc, b); sink.add1(X.Lcl, lemmaLow[lc]); sink.add2(X.Lcq, b, q); sink.add2(X.Lct, DIGITS[thatSince[i - s.tokenStart]], b);
      } else sink.add(X.LcNone);
      if (rc >= 0) {
        const b = bucket(rc - i);
        sink.add1(X.Rc, b); sink.add1(X.Rcl, lemmaLow[rc]); sink.add2(X.Rcq, b, q);
      } else sink.add(X.RcNone);
      if (lc < 0 && rc < 0) sink.add2(X.nc, q, t.pos);
      const a = res.actorAtToken[i];
      if (a >= 0) sink.add1(X.act, res.actors[a].type);
      else if (PRONOUN.has(lower[i])) sink.add1(X.pron, lower[i]);
      sink.add1(X.am1, actorTag(i - 1)); sink.add1(X.ap1, actorTag(i + 1));
      sink.add1(X.se, bucket(s.tokenEnd - 1 - i)); sink.add1(X.sb, bucket(i - s.tokenStart));
      if (lc >= 0 && rc >= 0) sink.add1(X.LR, q);
      if (paraQuote[s.paragraph]) sink.add1(X.pq, q);
      if (colonBefore[i]) sink.add1(X.colon, q);
      if (para && t.start === para.start) sink.add(X.pstart);
      if (parse && synSent[t.sentence]) syntaxFeatures(i, q, lc < 0 ? rc : rc < 0 || i - lc <= rc - i ? lc : rc);
    }
  }
  // tokens outside every sentence (none with wink) still get a bias
  for (let i = 0; i < n; i++) if (!done[i]) { sink.token(i); sink.add(X.b); }
}
