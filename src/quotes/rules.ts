/**
 * The rule-based quote finder: quotations (marks.ts) and their speakers by adjacent attribution
 * patterns, plus indirect quotes led by a cue verb. It runs alone when no trained tagger is
 * installed, and beside the tagger for quotations the tagger leaves without an attribution.
 *
 * Speakers, with a confidence per rule (a quote whose best rule scores below `minConfidence`
 * keeps speaker -1):
 *   0.9  `"…," X said` / `"…," said X` / `X said: "…"` / `X, senior fellow at Y, told Z: "…"`;
 *        a transcript line `NAME: …` (the name is an actor, in capitals or not);
 *   0.8  a quote in the same paragraph as an attributed quote (`"…" Jakobowski said. "…"`), or a
 *        paragraph that is only a quotation right after a paragraph whose last quote or
 *        sentence was attributed ("Jakobowski said." then `"…"`);
 *   0.7  partial quotes: the subject of the nearest cue verb before them in the sentence;
 *        "according to X";
 *   0.6  pronouns (he, she, they, it) through speaker.ts.
 * Cue words: data/quotes/cues.yaml.
 */
import type { AnnotatedText } from '../types.js';
import { HONORIFIC, type ActorResolution } from '../actors/resolve.js';
import type { FoundQuote } from './index.js';
import { regionContent, regionKind, type QuoteRegion } from './marks.js';
import { resolvePronoun, type SpeakerHistory } from './speaker.js';

/** Everything the rules need about one document, computed once. */
export interface RuleContext {
  doc: AnnotatedText;
  res: ActorResolution;
  regions: QuoteRegion[];
  /** Per token: 1 when inside a quotation (marks excluded). */
  quoted: Uint8Array;
  /** Cue lemmas → whether the cue also introduces indirect quotes. */
  cues: Map<string, boolean>;
}

/** An attribution found by a rule: speaker, its mention (token range), cue token, confidence. */
export interface RuleAttr { speaker: number; mention: [number, number] | null; cue: string | null; conf: number; cueTok: number }

const NONE: RuleAttr = { speaker: -1, mention: null, cue: null, conf: 0, cueTok: -1 };
const PRONOUNS = new Set(['he', 'she', 'they', 'it']);
const OPEN_TOKEN = /^(?:["“„«‘]|'')$/;
/** Cues whose object is the addressee, not the speaker ("told reporters"). */
const RECIPIENT_CUES = new Set(['tell', 'ask', 'urge', 'inform', 'assure', 'remind', 'warn', 'brief', 'advise', 'promise', 'call', 'accuse', 'criticize', 'praise', 'thank']);

/** Offset just after a region's closing mark. */
export function closeEnd(text: string, r: QuoteRegion): number {
  if (!r.closed) return r.close;
  return text.startsWith("''", r.close) ? r.close + 2 : r.close + 1;
}

/** First token starting at or after `offset`. */
export function tokenAt(doc: AnnotatedText, offset: number): number {
  const { tokens } = doc;
  let lo = 0, hi = tokens.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (tokens[mid].start < offset) lo = mid + 1; else hi = mid; }
  return lo;
}

/** Attribution helpers over one document (closures over the context). */
export function ruleHelpers(ctx: RuleContext, history: SpeakerHistory) {
  const { doc, res, quoted, cues } = ctx;
  const { tokens } = doc;
  const isCue = (k: number) => (tokens[k].pos === 'VERB' || tokens[k].pos === 'NOUN' && tokens[k].lemma === 'accord') && cues.has(tokens[k].lemma.toLowerCase());
  /** The actor mention covering token k0 (an honorific before it skipped). */
  const actorSpanAt = (k0: number): [number, number] | null => {
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
  /** A pronoun at k, with the unnamed-speaker guard: "The minister … told reporters" before it blocks. */
  const pronounAt = (k: number): RuleAttr => {
    for (let j = k - 1; j >= 0 && j > k - 80; j--) {
      if (res.actorAtToken[j] >= 0 && !quoted[j]) break;
      if (isCue(j) && !quoted[j]) {
        let m = j - 1;
        while (m > 0 && !/\p{L}/u.test(tokens[m].text)) m--;
        if (m >= 0 && res.actorAtToken[m] < 0 && tokens[m].pos === 'NOUN') return NONE;
      }
    }
    const p = resolvePronoun(doc, res, k, quoted, history);
    return p.speaker >= 0 ? { speaker: p.speaker, mention: [k, k + 1], cue: null, conf: 0.6, cueTok: -1 } : NONE;
  };
  /** Speaker of a subject position ending before token `k` (skipping an apposition in commas). */
  const subjectBefore = (k: number, sentence: number): RuleAttr => {
    let j = k - 1;
    if (j >= 0 && tokens[j].text === 'who') j--;
    if (j >= 0 && tokens[j].text === ',') {
      let m = j - 1;
      while (m >= 0 && tokens[m].sentence === sentence && tokens[m].text !== ',' && !quoted[m] && j - m < 25) m--;
      if (m >= 0 && tokens[m].text === ',') j = m - 1;
    }
    if (j >= 0 && tokens[j].text === ')') {
      let m = j - 1;
      while (m >= 0 && tokens[m].sentence === sentence && tokens[m].text !== '(' && j - m < 12) m--;
      if (m >= 0 && tokens[m].text === '(') j = m - 1;
    }
    while (j >= 0 && (tokens[j].pos === 'ADV' || tokens[j].pos === 'AUX' || !/[\p{L}\p{N}]/u.test(tokens[j].text)) && tokens[j].sentence === sentence) j--;
    if (j < 0 || tokens[j].sentence !== sentence) return NONE;
    const span = actorSpanAt(j);
    if (span) return { speaker: res.actorAtToken[j], mention: span, cue: null, conf: 0.9, cueTok: -1 };
    if (PRONOUNS.has(tokens[j].text.toLowerCase())) return pronounAt(j);
    return NONE;
  };
  /** The speaker after token k: "said X", "X said", "X, desc, told". */
  const after = (k: number, sentence: number): RuleAttr => {
    if (k >= tokens.length || tokens[k].sentence !== sentence) return NONE;
    if (OPEN_TOKEN.test(tokens[k].text) || /^[.!?]$/.test(tokens[k].text)) return NONE;
    if (isCue(k) && k + 1 < tokens.length && !RECIPIENT_CUES.has(tokens[k].lemma.toLowerCase())) {
      const span = actorSpanAt(k + 1);
      if (span) return { speaker: res.actorAtToken[span[0]], mention: span, cue: tokens[k].text, conf: 0.9, cueTok: k };
      if (PRONOUNS.has(tokens[k + 1].text.toLowerCase())) {
        const p = pronounAt(k + 1);
        if (p.speaker >= 0) return { ...p, cue: tokens[k].text, cueTok: k };
      }
    }
    const named = actorSpanAt(k);
    const span = named ?? (PRONOUNS.has(tokens[k].text.toLowerCase()) ? [k, k + 1] as [number, number] : null);
    if (!span) return NONE;
    let attr: RuleAttr = named ? { speaker: res.actorAtToken[named[0]], mention: named, cue: null, conf: 0.9, cueTok: -1 } : pronounAt(k);
    if (attr.speaker < 0) return NONE;
    for (let j = span[1]; j < Math.min(tokens.length, span[1] + 30) && tokens[j].sentence === sentence && !quoted[j]; j++) {
      if (isCue(j)) return { ...attr, cue: tokens[j].text, cueTok: j };
      if (/^[.!?]$/.test(tokens[j].text)) break;
    }
    attr = NONE;
    return attr;
  };
  /** `X said: "…"` / `X said, "…"` / `X told RFE/RL: "…"` / `NAME: …` before token k (the opening mark or the line's text). */
  const before = (k: number): RuleAttr => {
    let j = k - 1;
    if (j < 0) return NONE;
    if (tokens[j].text !== ':' && tokens[j].text !== ',') return NONE;
    const punct = tokens[j].text;
    j--;
    // the cue, possibly followed by its addressee ("told RFE/RL:", "said in a statement:")
    for (let c = j; c >= 0 && c >= j - 6 && tokens[c].sentence === tokens[j].sentence; c--) {
      if (/^[,;:.!?"“”]$/.test(tokens[c].text)) break;
      if (!isCue(c)) continue;
      const s = subjectBefore(c, tokens[c].sentence);
      if (s.speaker >= 0) return { ...s, cue: tokens[c].text, cueTok: c };
      return NONE;
    }
    // "NAME: …" at the start of a paragraph
    if (punct === ':' && j >= 0) {
      const span = actorSpanAt(j);
      const para = doc.sentences[tokens[j].sentence].paragraph;
      const paraStart = doc.article.paragraphs[para]?.start ?? -1;
      if (span && tokens[span[0]].start === paraStart) return { speaker: res.actorAtToken[j], mention: span, cue: ':', conf: 0.9, cueTok: j + 1 };
    }
    return NONE;
  };
  /** Subject of the nearest cue verb before token k in its sentence, or "according to X" (partial quotes). */
  const cueInSentence = (k: number): RuleAttr => {
    const sentence = tokens[k].sentence;
    const sent = doc.sentences[sentence];
    for (let j = k - 1; j >= sent.tokenStart; j--) {
      if (quoted[j] || !isCue(j)) continue;
      const s = subjectBefore(j, sentence);
      if (s.speaker >= 0) return { ...s, cue: tokens[j].text, conf: Math.min(s.conf, 0.7), cueTok: j };
      return { ...NONE, cue: tokens[j].text, cueTok: j };
    }
    return accordingTo(sentence);
  };
  /** "according to X" anywhere in the sentence. */
  const accordingTo = (sentence: number): RuleAttr => {
    const sent = doc.sentences[sentence];
    for (let j = sent.tokenStart; j < sent.tokenEnd - 2; j++) {
      if (tokens[j].text.toLowerCase() === 'according' && tokens[j + 1].text === 'to' && !quoted[j]) {
        let k = j + 2;
        while (k < sent.tokenEnd && (tokens[k].pos === 'DET' || (tokens[k].pos === 'ADJ' && res.actorAtToken[k] < 0))) k++;
        const span = actorSpanAt(k);
        if (span) return { speaker: res.actorAtToken[span[0]], mention: span, cue: 'according to', conf: 0.7, cueTok: j };
      }
    }
    return NONE;
  };
  return { isCue, actorSpanAt, subjectBefore, after, before, cueInSentence, accordingTo, pronounAt };
}

/** The rule-based quotes of a document (see the module doc). */
export function ruleQuotes(ctx: RuleContext, minConf: number): FoundQuote[] {
  const { doc, res, regions, quoted, cues } = ctx;
  const { tokens, text } = doc;
  const history: SpeakerHistory = [];
  const h = ruleHelpers(ctx, history);
  const usedCues = new Set<number>();
  const out: FoundQuote[] = [];
  const direct: Array<{ q: FoundQuote; para: number; r: QuoteRegion }> = [];
  const toQuote = (start: number, end: number, kind: FoundQuote['kind'], attr: RuleAttr): FoundQuote => {
    const q: FoundQuote = {
      text: text.slice(start, end), start, end, kind, speaker: -1, speakerMention: null, cue: attr.cue, confidence: attr.conf,
      cueSpan: attr.cueTok >= 0 ? { start: tokens[attr.cueTok].start, end: tokens[attr.cueTok].end } : null,
    };
    if (attr.speaker >= 0 && attr.conf >= minConf) {
      q.speaker = attr.speaker;
      q.speakerMention = attr.mention ? { start: tokens[attr.mention[0]].start, end: tokens[attr.mention[1] - 1].end } : null;
      q.sourceMention = q.speakerMention;
      if (attr.mention) history.push({ actor: attr.speaker, token: attr.mention[0] });
    }
    return q;
  };
  for (const r of regions) {
    const [start, end] = regionContent(text, r);
    if (end <= start) continue;
    const para = r.paragraph;
    const kind = regionKind(text, doc.article.paragraphs[para]?.start ?? 0, r);
    let attr: RuleAttr = NONE;
    const openTok = tokenAt(doc, r.open);
    if (kind === 'direct') {
      const k = tokenAt(doc, closeEnd(text, r));
      if (k < tokens.length && doc.sentences[tokens[k].sentence].paragraph === para) attr = h.after(k, tokens[k].sentence);
      if (attr.speaker < 0) attr = h.before(openTok);
    } else if (openTok < tokens.length) {
      attr = h.cueInSentence(openTok);
    }
    if (attr.cueTok >= 0 && kind === 'direct') usedCues.add(attr.cueTok);
    const q = toQuote(start, end, kind, attr);
    out.push(q);
    if (kind === 'direct') direct.push({ q, para, r });
  }
  // "NAME: …" transcript lines without quotation marks
  for (const p of doc.article.paragraphs.keys()) {
    const ps = doc.article.paragraphs[p];
    const k0 = tokenAt(doc, ps.start);
    if (k0 >= tokens.length || tokens[k0].start !== ps.start) continue;
    const span = h.actorSpanAt(k0);
    const colon = span ? span[1] : -1;
    if (!span || colon >= tokens.length || tokens[colon].text !== ':' || tokens[colon].start >= ps.end) continue;
    if (out.some((q) => q.start >= ps.start && q.start < ps.end)) continue;
    let s = tokens[colon].end;
    while (s < ps.end && /\s/.test(text[s])) s++;
    if (ps.end - s < 2) continue;
    const attr: RuleAttr = { speaker: res.actorAtToken[span[0]], mention: span, cue: ':', conf: 0.9, cueTok: colon };
    out.push(toQuote(s, ps.end, 'direct', attr));
  }
  // same-paragraph continuation, and a quotation paragraph after an attributed one
  for (const d of direct) {
    if (d.q.speaker >= 0) continue;
    const sib = direct.find((o) => o !== d && o.para === d.para && o.q.speaker >= 0 && o.q.start < d.q.start) ??
      direct.find((o) => o !== d && o.para === d.para && o.q.speaker >= 0) ??
      (d.r.runOn || text.slice(doc.article.paragraphs[d.para].start, d.r.open).trim() === '' ? direct.filter((o) => o.para === d.para - 1 && o.q.speaker >= 0).pop() : undefined);
    if (sib) {
      d.q.speaker = sib.q.speaker;
      d.q.speakerMention = sib.q.speakerMention;
      d.q.sourceMention = sib.q.sourceMention;
      d.q.cue = sib.q.cue;
      d.q.cueSpan = sib.q.cueSpan;
      d.q.confidence = 0.8;
    }
  }
  // indirect quotes: actor + cue verb + clause, outside quotation marks
  for (let k = 0; k < tokens.length; k++) {
    if (quoted[k] || usedCues.has(k) || !h.isCue(k) || tokens[k].pos !== 'VERB' || !cues.get(tokens[k].lemma.toLowerCase())) continue;
    const sentence = tokens[k].sentence;
    const sent = doc.sentences[sentence];
    const subj = h.subjectBefore(k, sentence);
    if (subj.speaker < 0 || !subj.mention) continue; // an indirect quote without a speaker is just a sentence
    let c = k + 1;
    let sawThat = false;
    for (let j = k + 1; j < Math.min(sent.tokenEnd, k + 12); j++) {
      if (tokens[j].text.toLowerCase() === 'that' && !quoted[j]) { c = j + 1; sawThat = true; break; }
      if (quoted[j] || /^[.,;:!?]$/.test(tokens[j].text)) break;
    }
    const lemma = tokens[k].lemma.toLowerCase();
    if (!sawThat && (lemma === 'tell' || lemma === 'ask' || lemma === 'urge')) continue;
    if (c >= sent.tokenEnd) continue;
    const first = tokens[c];
    if (!sawThat && !['PROPN', 'NOUN', 'PRON', 'DET', 'ADJ', 'NUM'].includes(first.pos)) continue;
    if (!sawThat) {
      let verb = false;
      for (let j = c + 1; j < Math.min(sent.tokenEnd, c + 7); j++) {
        if (quoted[j] || /^[,;:]$/.test(tokens[j].text)) break;
        if (tokens[j].pos === 'VERB' || tokens[j].pos === 'AUX') { verb = true; break; }
      }
      if (!verb) continue;
    }
    let endTok = sent.tokenEnd - 1;
    while (endTok > c && /^[.!?"”]$/.test(tokens[endTok].text)) endTok--;
    const start = first.start;
    const end = tokens[endTok].end;
    if (end - start < 12) continue;
    const attr = { ...subj, cue: tokens[k].text, conf: Math.min(subj.conf, 0.8), cueTok: k };
    const q = toQuote(start, end, 'indirect', attr);
    if (q.speaker >= 0) out.push(q);
  }
  // "…, according to X" / "According to X, …": the rest of the sentence, outside quotation marks
  for (let k = 0; k < tokens.length - 2; k++) {
    if (quoted[k] || tokens[k].text.toLowerCase() !== 'according' || tokens[k + 1].text !== 'to') continue;
    const sentence = tokens[k].sentence;
    const sent = doc.sentences[sentence];
    const attr = h.accordingTo(sentence);
    if (attr.speaker < 0 || attr.cueTok !== k || !attr.mention) continue;
    // the source phrase runs to the next comma or the sentence end
    let srcEnd = attr.mention[1];
    while (srcEnd < sent.tokenEnd && tokens[srcEnd].text !== ',' && !/^[.!?]$/.test(tokens[srcEnd].text)) srcEnd++;
    let a: number, b: number;
    if (k > sent.tokenStart + 2) { a = sent.tokenStart; b = k; } else { a = srcEnd + 1; b = sent.tokenEnd; }
    while (b > a && /^[.,;:!?"”]$/.test(tokens[b - 1].text)) b--;
    if (b - a < 3 || out.some((q) => q.start < tokens[b - 1].end && tokens[a].start < q.end)) continue;
    out.push(toQuote(tokens[a].start, tokens[b - 1].end, 'indirect', attr));
  }
  return out.sort((a, b) => a.start - b.start);
}
