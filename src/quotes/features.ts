/**
 * Token features of the attribution tagger (tagger.ts), shared by training (scripts/train-quotes.ts)
 * and inference (index.ts), so that both see exactly the same strings.
 *
 * One feature list per token of `AnnotatedText.tokens`; the tagger reads a paragraph at a time.
 * Templates (each a short prefix + value):
 * - the word (lower case, digits as 0), lemma, UPOS, shape; the neighbours' words and tags (±2);
 *   lemma and tag bigrams;
 * - `cue`: the lemma is in data/quotes/cues.yaml; `Lc`/`Rc`: distance bucket and lemma of the
 *   nearest cue word to the left / right in the sentence (outside quotation marks), and whether a
 *   "that" lies between; `pc`: the previous sentence of the paragraph ends with a colon;
 * - quotation state (marks.ts): outside, inside, on a mark; the quotation's kind; next to a mark;
 *   whether the sentence holds a quotation;
 * - the actor at the token (actors/resolve.ts): its type, or a pronoun;
 * - the sentence's index in its paragraph and the token's place in its sentence.
 */
import type { AnnotatedText } from '../types.js';
import type { ActorResolution } from '../actors/resolve.js';
import { regionKind, type QuoteRegion } from './marks.js';

const PRONOUN = new Set(['he', 'she', 'they', 'it', 'i', 'we', 'you']);
const QUOTE_CHAR = /^(?:["“”„«»‘’']|'')$/;

const bucket = (d: number) => (d <= 3 ? String(d) : d <= 6 ? '4-6' : d <= 12 ? '7-12' : '13+');
const shape = (w: string) =>
  /^\p{Lu}+$/u.test(w) && w.length > 1 ? 'XX' : /^\p{Lu}/u.test(w) ? 'Xx' : /^\p{Ll}/u.test(w) ? 'x' : /^\d/.test(w) ? 'd' : w.length === 1 ? w : 'p';

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

/** Feature strings of every token of the document (see the module doc for the templates). */
export function tokenFeatures(doc: AnnotatedText, res: ActorResolution, regions: QuoteRegion[], at: Int32Array, cues: Set<string>, parse?: { head: ArrayLike<number>; relation: string[] } | null): string[][] {
  const { tokens, sentences, text } = doc;
  const paras = doc.article.paragraphs;
  const { region, mark } = tokenQuoteState(doc, at);
  const kinds = regions.map((r) => regionKind(text, paras[r.paragraph]?.start ?? 0, r));
  const lower = tokens.map((t) => t.text.toLowerCase().replace(/\d/g, '0'));
  const isCue = tokens.map((t, i) => region[i] < 0 && cues.has(t.lemma.toLowerCase()) && (t.pos === 'VERB' || t.pos === 'NOUN' || t.text.toLowerCase() === 'according'));
  const out: string[][] = new Array(tokens.length);
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
    if (j < 0 || j >= tokens.length) return '-';
    const a = res.actorAtToken[j];
    return a >= 0 ? res.actors[a].type : PRONOUN.has(lower[j]) ? 'pron' : tokens[j].pos === 'PROPN' ? 'propn' : '-';
  };
  // dependency features (when a parse is given): relation, head, the path up to the nearest cue
  // ancestor (its top relation: inside the cue's ccomp → content, its nsubj → source), and the
  // relations of a verb's children
  const kids: string[][] = parse ? tokens.map(() => []) : [];
  if (parse) for (let i = 0; i < tokens.length; i++) { const h = parse.head[i]; if (h >= 0) kids[h].push(parse.relation[i].split(':')[0]); }
  const syntaxFeatures = (i: number, q: string, f: string[]) => {
    const P = parse!;
    const rel = P.relation[i].split(':')[0];
    const h = P.head[i];
    f.push(`rel=${rel}`, `relq=${rel}|${q}`, `hl=${h >= 0 ? tokens[h].lemma.toLowerCase() : 'ROOT'}`, `hrel=${rel}|${h >= 0 ? tokens[h].pos : 'ROOT'}`);
    let c = i;
    let steps = 0;
    while (P.head[c] >= 0 && !isCue[P.head[c]] && steps < 12) { c = P.head[c]; steps++; }
    const cue = P.head[c];
    if (cue >= 0 && isCue[cue]) {
      const top = P.relation[c].split(':')[0];
      f.push(`anc=${top}`, `ancl=${top}|${tokens[cue].lemma.toLowerCase()}`, `ancq=${top}|${q}`, `ancd=${top}|${bucket(steps)}`);
    } else f.push('anc=none');
    if (isCue[i] || t0pos(i) === 'VERB') for (const k of new Set(kids[i])) f.push(`kid=${k}`, `kidc=${k}|${isCue[i] ? 1 : 0}`);
  };
  const t0pos = (i: number) => tokens[i].pos;
  // paragraphs that open with a quotation mark
  const paraQuote = paras.map((p) => /^(?:["“„«]|'')/.test(text.slice(p.start, p.start + 2)));
  // a colon earlier in the sentence, outside quotation marks
  const colonBefore = new Uint8Array(tokens.length);
  for (const s of sentences) {
    let seen = 0;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) { colonBefore[i] = seen; if (tokens[i].text === ':' && region[i] < 0) seen = 1; }
  }
  for (const s of sentences) {
    // nearest cue to the left / right within the sentence
    const left = new Int32Array(s.tokenEnd - s.tokenStart).fill(-1);
    const right = new Int32Array(s.tokenEnd - s.tokenStart).fill(-1);
    const thatSince = new Uint8Array(s.tokenEnd - s.tokenStart);
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
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const t = tokens[i];
      const inPara = (j: number) => j >= 0 && j < tokens.length && doc.sentences[tokens[j].sentence].paragraph === s.paragraph;
      const W = (j: number) => (inPara(j) ? lower[j] : j < i ? '<p>' : '</p>');
      const P = (j: number) => (inPara(j) ? tokens[j].pos : j < i ? '<p>' : '</p>');
      const L = (j: number) => (inPara(j) ? tokens[j].lemma.toLowerCase() : j < i ? '<p>' : '</p>');
      const lemma = t.lemma.toLowerCase();
      const q = mark[i] ? 'mark' : region[i] >= 0 ? 'in' : 'out';
      const f = [
        'b', `w=${lower[i]}`, `l=${lemma}`, `p=${t.pos}`, `s=${shape(t.text)}`,
        `w-1=${W(i - 1)}`, `w+1=${W(i + 1)}`, `w-2=${W(i - 2)}`, `w+2=${W(i + 2)}`,
        `p-1=${P(i - 1)}`, `p+1=${P(i + 1)}`, `p-2=${P(i - 2)}`, `p+2=${P(i + 2)}`,
        `pp=${P(i - 1)}|${t.pos}`, `pn=${t.pos}|${P(i + 1)}`, `ll=${L(i - 1)}|${lemma}`, `ln=${lemma}|${W(i + 1)}`,
        `q=${q}`, `qp=${q}|${t.pos}`, `si=${Math.min(sentInPara[t.sentence], 3)}`,
      ];
      if (i === s.tokenStart) f.push('first');
      if (i === s.tokenEnd - 1) f.push('last');
      if (sentQuote[t.sentence]) f.push(`sq|${q}`);
      if (prevColon[t.sentence]) f.push(`pc|${q}`);
      if (region[i] >= 0) f.push(`qk=${kinds[region[i]]}`);
      if (mark[i] && region[i] >= 0) {
        const r = regions[region[i]];
        f.push(t.start <= r.open ? 'qopen' : 'qclose');
      }
      if (isCue[i]) f.push('cue', `cue|${t.pos}|${W(i + 1)}`);
      const lc = left[i - s.tokenStart];
      const rc = right[i - s.tokenStart];
      if (lc >= 0) {
        const b = bucket(i - lc);
        f.push(`Lc=${b}`, `Lcl=${tokens[lc].lemma.toLowerCase()}`, `Lc|q=${b}|${q}`, `Lct=${thatSince[i - s.tokenStart]}|${b}`);
      } else f.push('Lc=none');
      if (rc >= 0) {
        const b = bucket(rc - i);
        f.push(`Rc=${b}`, `Rcl=${tokens[rc].lemma.toLowerCase()}`, `Rc|q=${b}|${q}`);
      } else f.push('Rc=none');
      if (lc < 0 && rc < 0) f.push(`nc|${q}|${t.pos}`);
      const a = res.actorAtToken[i];
      if (a >= 0) f.push(`act=${res.actors[a].type}`);
      else if (PRONOUN.has(lower[i])) f.push(`pron=${lower[i]}`);
      f.push(`a-1=${actorTag(i - 1)}`, `a+1=${actorTag(i + 1)}`, `se=${bucket(s.tokenEnd - 1 - i)}`, `sb=${bucket(i - s.tokenStart)}`);
      if (lc >= 0 && rc >= 0) f.push(`LR|q=${q}`);
      if (paraQuote[s.paragraph]) f.push(`pq|${q}`);
      if (colonBefore[i]) f.push(`colon|${q}`);
      if (para && t.start === para.start) f.push('pstart');
      if (parse) syntaxFeatures(i, q, f);
      out[i] = f;
    }
  }
  // tokens outside every sentence (none with wink) still get a bias
  for (let i = 0; i < tokens.length; i++) if (!out[i]) out[i] = ['b'];
  return out;
}
