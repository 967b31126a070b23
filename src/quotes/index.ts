/**
 * Quote extraction and speaker attribution (first cut, rule-based).
 *
 * - Direct quotes: text between straight (") or curly (“ ”) double quotation marks; an open quote
 *   at the end of a paragraph runs on into the next paragraph when that one opens with a mark.
 * - Partial quotes: a quoted fragment inside the reporter's sentence (it opens mid-sentence or
 *   starts in lower case): what China deemed a "color revolution".
 * - Indirect quotes: an actor + a cue verb + a clause ("Ma says this is unlikely …",
 *   "Zhang … told the Global Times that China planned …"), outside quotation marks.
 *
 * Speakers, with a confidence per rule (a quote whose best rule scores below
 * `minConfidence` keeps `speaker: null`):
 *   0.9  `"…," X said` / `said X` / `X said: "…"` / `X, senior fellow at Y, told Z` (adjacent attribution);
 *   0.8  a quote in the same paragraph as an attributed quote ("…" Jakobowski said. "…");
 *   0.7  subject of the nearest preceding cue verb in the sentence (partial and indirect quotes);
 *   0.6  pronoun ("he said") resolved to the nearest preceding person.
 * Cue verbs: data/quotes/cues.yaml.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { DATA_DIR } from '../paths.js';
import type { AnnotatedText } from '../types.js';
import type { QuoteKind } from '../schema.js';
import type { ActorResolution } from '../actors/resolve.js';

/** A quote found in the text (internal form of the contract's quote). */
export interface FoundQuote {
  text: string;
  start: number;
  end: number;
  kind: QuoteKind;
  /** Index into `ActorResolution.actors`, or -1. */
  speaker: number;
  speakerMention: { start: number; end: number } | null;
  cue: string | null;
  confidence: number;
  /** Offsets of the cue occurrence (optional): quotes sharing one cue occurrence form one attribution. */
  cueSpan?: { start: number; end: number } | null;
}

/** Options of quote extraction. */
export interface QuoteOptions {
  /** Below this confidence a speaker is not assigned (default 0.5). */
  minConfidence?: number;
}

const CueFile = z.array(z.object({ lemma: z.string(), indirect: z.boolean() }).strict());
let cueCache: Map<string, boolean> | null = null;
/** Cue verbs by lemma → whether the verb also introduces indirect quotes. */
export function cueVerbs(): Map<string, boolean> {
  if (!cueCache) {
    const list = CueFile.parse(parse(readFileSync(join(DATA_DIR, 'quotes', 'cues.yaml'), 'utf8')));
    cueCache = new Map(list.map((c) => [c.lemma, c.indirect]));
  }
  return cueCache;
}

const PRONOUNS = new Set(['he', 'she']);
const OPEN = new Set(['"', '“']);
const CLOSE = new Set(['"', '”']);

interface Span { open: number; close: number } // offsets of the marks; close = end of paragraph when unclosed

/** Find quotation-mark spans in the text, paragraph by paragraph, with run-on quotes across paragraphs. */
function quoteSpans(doc: AnnotatedText): Span[] {
  const out: Span[] = [];
  const { text } = doc;
  let carry = false;
  for (const p of doc.article.paragraphs) {
    let open = -1;
    let i = p.start;
    if (carry && OPEN.has(text[p.start])) { open = p.start; i = p.start + 1; }
    carry = false;
    for (; i < p.end; i++) {
      const ch = text[i];
      if (open < 0 && OPEN.has(ch)) {
        // a straight quote right after a letter is more likely an inch mark or typo; still treat as open
        open = i;
      } else if (open >= 0 && CLOSE.has(ch) && i > open + 1) {
        out.push({ open, close: i });
        open = -1;
      }
    }
    if (open >= 0) {
      out.push({ open, close: p.end });
      carry = true;
    }
  }
  return out;
}

/**
 * Find the quotes of a document and attribute their speakers. Pure function of its inputs.
 */
export function findQuotes(doc: AnnotatedText, res: ActorResolution, opts: QuoteOptions = {}): FoundQuote[] {
  const minConf = opts.minConfidence ?? 0.5;
  const cues = cueVerbs();
  const { tokens, text } = doc;
  const tokenAt = (offset: number): number => {
    // first token starting at or after offset
    let lo = 0, hi = tokens.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (tokens[mid].start < offset) lo = mid + 1; else hi = mid; }
    return lo;
  };
  const isCue = (k: number) => tokens[k].pos === 'VERB' && cues.has(tokens[k].lemma.toLowerCase());
  const HONORIFIC = /^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame)\.?$/;
  const actorSpanAt = (k0: number): [number, number] | null => {
    // "said Mr. Reeves": the honorific is not part of the mention
    let k = k0;
    while (k < tokens.length && (HONORIFIC.test(tokens[k].text) || (tokens[k].text === '.' && k > k0))) k++;
    if (k >= tokens.length) return null;
    const a = res.actorAtToken[k];
    if (a < 0) return null;
    let s = k, e = k + 1;
    while (s > 0 && res.actorAtToken[s - 1] === a && tokens[s - 1].end >= tokens[s].start - 1) s--;
    while (e < tokens.length && res.actorAtToken[e] === a && tokens[e].start <= tokens[e - 1].end + 1) e++;
    return [s, e];
  };
  /** Nearest person actor mentioned before token k (for pronouns). */
  const personBefore = (k: number): [number, number] | null => {
    for (let j = k - 1; j >= 0; j--) {
      const a = res.actorAtToken[j];
      if (a >= 0 && res.actors[a].type === 'person') return [a, j];
      // an unnamed speaker in between ("The Turkish transport minister … told reporters") is the
      // likelier antecedent: then the pronoun has no named speaker
      if (isCue(j) && !quoted[j]) {
        let m = j - 1;
        while (m > 0 && !/\p{L}/u.test(tokens[m].text)) m--; // emoji, symbols
        if (m >= 0 && res.actorAtToken[m] < 0 && tokens[m].pos === 'NOUN') return null;
      }
    }
    return null;
  };
  const quoted = new Uint8Array(tokens.length);
  const spans = quoteSpans(doc);
  for (const s of spans) for (let k = tokenAt(s.open + 1); k < tokens.length && tokens[k].start < s.close; k++) quoted[k] = 1;

  interface Attr { speaker: number; mention: [number, number] | null; cue: string | null; conf: number; cueTok: number }
  const none: Attr = { speaker: -1, mention: null, cue: null, conf: 0, cueTok: -1 };
  const usedCues = new Set<number>();

  /** Speaker of a subject position ending before token `k` (skipping an apposition in commas). */
  const subjectBefore = (k: number, sentence: number): Attr => {
    let j = k - 1;
    // skip an apposition ", …," or a relative "who"
    if (j >= 0 && tokens[j].text === 'who') j--;
    if (j >= 0 && tokens[j].text === ',') {
      let m = j - 1;
      while (m >= 0 && tokens[m].sentence === sentence && tokens[m].text !== ',' && !quoted[m] && j - m < 25) m--;
      if (m >= 0 && tokens[m].text === ',') j = m - 1;
    }
    // skip a parenthesis: "(SCO)"
    if (j >= 0 && tokens[j].text === ')') {
      let m = j - 1;
      while (m >= 0 && tokens[m].sentence === sentence && tokens[m].text !== '(' && j - m < 12) m--;
      if (m >= 0 && tokens[m].text === '(') j = m - 1;
    }
    // skip adverbs ("also", "later")
    while (j >= 0 && tokens[j].pos === 'ADV' && tokens[j].sentence === sentence) j--;
    if (j < 0 || tokens[j].sentence !== sentence) return none;
    const span = actorSpanAt(j);
    if (span) return { speaker: res.actorAtToken[j], mention: span, cue: null, conf: 0.9, cueTok: -1 };
    if (PRONOUNS.has(tokens[j].text.toLowerCase())) {
      const p = personBefore(j);
      if (p) return { speaker: p[0], mention: [j, j + 1], cue: null, conf: 0.6, cueTok: -1 };
    }
    return none;
  };

  /** Attribution after a closing mark: `"…," X said`, `"…," said X`, `"…," X, desc, told Y`. */
  const after = (closeOffset: number): Attr => {
    let k = tokenAt(closeOffset + 1);
    const sentence = tokens[k]?.sentence;
    if (k >= tokens.length) return none;
    // the attribution stands in the quote's own paragraph
    if (doc.sentences[sentence].paragraph !== doc.sentences[tokens[Math.max(0, tokenAt(closeOffset) - 1)].sentence].paragraph) return none;
    if (OPEN.has(tokens[k].text) || /^[.!?]$/.test(tokens[k].text)) return none;
    // "said X"
    if (isCue(k) && k + 1 < tokens.length) {
      const span = actorSpanAt(k + 1);
      if (span) return { speaker: res.actorAtToken[span[0]], mention: span, cue: tokens[k].text, conf: 0.9, cueTok: k };
    }
    const named = actorSpanAt(k);
    const span = named ?? (PRONOUNS.has(tokens[k].text.toLowerCase()) ? [k, k + 1] as [number, number] : null);
    if (!span) return none;
    let speaker = named ? res.actorAtToken[named[0]] : -1;
    let conf = 0.9;
    if (speaker < 0) {
      const p = personBefore(k);
      if (!p) return none;
      speaker = p[0];
      conf = 0.6;
    }
    // find the cue within the next tokens of the sentence, skipping an apposition
    for (let j = span[1]; j < Math.min(tokens.length, span[1] + 30) && tokens[j].sentence === sentence && !quoted[j]; j++) {
      if (isCue(j)) return { speaker, mention: span, cue: tokens[j].text, conf, cueTok: j };
      if (/^[.!?]$/.test(tokens[j].text)) break;
    }
    return none;
  };

  /** Attribution before an opening mark: `X said: "…"` / `X said, "…"`. */
  const before = (openOffset: number): Attr => {
    let k = tokenAt(openOffset) - 1;
    if (k < 0) return none;
    if (tokens[k].text !== ':' && tokens[k].text !== ',') return none;
    k--;
    if (k >= 0 && isCue(k)) {
      const s = subjectBefore(k, tokens[k].sentence);
      if (s.speaker >= 0) return { ...s, cue: tokens[k].text, cueTok: k };
    }
    return none;
  };

  /** Subject of the nearest cue verb before token k in its sentence (partial quotes). */
  const cueInSentence = (k: number): Attr => {
    const sentence = tokens[k].sentence;
    for (let j = k - 1; j >= doc.sentences[sentence].tokenStart; j--) {
      if (quoted[j] || !isCue(j)) continue;
      const s = subjectBefore(j, sentence);
      if (s.speaker >= 0) return { ...s, cue: tokens[j].text, conf: Math.min(s.conf, 0.7), cueTok: j };
      return { ...none, cue: tokens[j].text, cueTok: j };
    }
    // "according to X"
    for (let j = doc.sentences[sentence].tokenStart; j < doc.sentences[sentence].tokenEnd - 2; j++) {
      if (tokens[j].text.toLowerCase() === 'according' && tokens[j + 1].text === 'to') {
        const span = actorSpanAt(j + 2);
        if (span) return { speaker: res.actorAtToken[span[0]], mention: span, cue: 'according to', conf: 0.7, cueTok: j };
      }
    }
    return none;
  };

  const out: FoundQuote[] = [];
  const direct: Array<{ q: FoundQuote; para: number; attr: Attr }> = [];
  for (const s of spans) {
    let start = s.open + 1;
    let end = s.close;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /[\s,]/.test(text[end - 1])) end--;
    if (end <= start) continue;
    const content = text.slice(start, end);
    const para = doc.article.paragraphs.findIndex((p) => p.start <= s.open && s.open < p.end);
    const paraStart = doc.article.paragraphs[para]?.start ?? 0;
    const lead = text.slice(paraStart, s.open);
    const opensSentence = lead.trim() === '' || /[.!?]["”]?\s*$/.test(lead) || /[:,]\s*$/.test(lead) && /^\p{Lu}/u.test(content);
    const words = content.split(/\s+/).length;
    const kind: QuoteKind = opensSentence && /^\p{Lu}/u.test(content) && words >= 4 ? 'direct' : 'partial';
    let attr: Attr = none;
    if (kind === 'direct') {
      attr = after(s.close);
      if (attr.speaker < 0) attr = before(s.open);
    } else {
      attr = cueInSentence(tokenAt(s.open));
    }
    if (attr.cueTok >= 0 && kind === 'direct') usedCues.add(attr.cueTok);
    const q: FoundQuote = { text: content, start, end, kind, speaker: -1, speakerMention: null, cue: attr.cue, confidence: attr.conf, cueSpan: attr.cueTok >= 0 ? { start: tokens[attr.cueTok].start, end: tokens[attr.cueTok].end } : null };
    if (attr.speaker >= 0 && attr.conf >= minConf) {
      q.speaker = attr.speaker;
      q.speakerMention = attr.mention ? { start: tokens[attr.mention[0]].start, end: tokens[attr.mention[1] - 1].end } : null;
    }
    out.push(q);
    if (kind === 'direct') direct.push({ q, para, attr });
  }
  // same-paragraph continuation: "A," Jakobowski said. "B."
  for (const d of direct) {
    if (d.q.speaker >= 0) continue;
    const sib = direct.find((o) => o !== d && o.para === d.para && o.q.speaker >= 0) ??
      // a quote paragraph that runs on from the previous paragraph's attributed quote
      direct.find((o) => o.para === d.para - 1 && o.q.speaker >= 0 && doc.text[doc.article.paragraphs[d.para].start] !== undefined && OPEN.has(doc.text[doc.article.paragraphs[d.para].start]) && o.q.end >= doc.article.paragraphs[o.para].end - 2);
    if (sib) {
      d.q.speaker = sib.q.speaker;
      d.q.speakerMention = sib.q.speakerMention;
      d.q.cue = sib.q.cue;
      d.q.cueSpan = sib.q.cueSpan;
      d.q.confidence = 0.8;
    }
  }
  // indirect quotes: actor + cue verb + clause, outside quotation marks
  for (let k = 0; k < tokens.length; k++) {
    if (quoted[k] || usedCues.has(k) || !isCue(k) || tokens[k].pos !== 'VERB' || !cues.get(tokens[k].lemma.toLowerCase())) continue;
    const sentence = tokens[k].sentence;
    const sent = doc.sentences[sentence];
    const subj = subjectBefore(k, sentence);
    // the clause: after "that", or right after the verb (skipping a recipient before "that")
    let c = k + 1;
    let sawThat = false;
    for (let j = k + 1; j < Math.min(sent.tokenEnd, k + 12); j++) {
      if (tokens[j].text.toLowerCase() === 'that' && !quoted[j]) { c = j + 1; sawThat = true; break; }
      if (quoted[j] || /^[.,;:!?]$/.test(tokens[j].text)) break;
    }
    const lemma = tokens[k].lemma.toLowerCase();
    if (!sawThat && (lemma === 'tell' || lemma === 'ask' || lemma === 'urge')) continue; // "told RFE/RL" needs "that"
    if (c >= sent.tokenEnd) continue;
    const first = tokens[c];
    if (!sawThat && !(first.pos === 'PROPN' || first.pos === 'NOUN' || first.pos === 'PRON' || first.pos === 'DET' || first.pos === 'ADJ' || first.pos === 'NUM')) continue;
    if (!sawThat) {
      // without "that", the clause needs its own finite verb within a few words ("Ma says this is unlikely")
      let verb = false;
      for (let j = c + 1; j < Math.min(sent.tokenEnd, c + 7); j++) {
        if (quoted[j] || /^[,;:]$/.test(tokens[j].text)) break;
        if (tokens[j].pos === 'VERB' || tokens[j].pos === 'AUX') { verb = true; break; }
      }
      if (!verb) continue;
    }
    let endTok = sent.tokenEnd - 1;
    while (endTok > c && /^[.!?"”]$/.test(tokens[endTok].text)) endTok--;
    // stop a clause at a following direct-quote attribution boundary
    const start = first.start;
    const end = tokens[endTok].end;
    if (end - start < 12) continue;
    const conf = subj.speaker >= 0 ? Math.min(subj.conf, 0.8) : 0;
    const q: FoundQuote = { text: text.slice(start, end), start, end, kind: 'indirect', speaker: -1, speakerMention: null, cue: tokens[k].text, confidence: conf, cueSpan: { start: tokens[k].start, end: tokens[k].end } };
    if (subj.speaker >= 0 && conf >= minConf && subj.mention) {
      q.speaker = subj.speaker;
      q.speakerMention = { start: tokens[subj.mention[0]].start, end: tokens[subj.mention[1] - 1].end };
    }
    if (q.speaker < 0) continue; // an indirect quote without a speaker is just a sentence
    out.push(q);
  }
  return out.sort((a, b) => a.start - b.start);
}
