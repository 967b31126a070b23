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
 * Indirect quotes: an actor + a cue verb + a clause ("X said (that) …", "X told parliament (on
 * Monday) the …"), "according to X", and a sentence-final attribution ("…, the ministry said.",
 * `trailingAttributions`, speaker by speaker.ts as a tagged source). Spans hold whole quotations
 * (marks.ts `balancedRange`).
 * Cue words: data/quotes/cues.yaml.
 */
import type { AnnotatedText } from '../types.js';
import { HONORIFIC, type ActorResolution } from '../actors/resolve.js';
import type { FoundQuote } from './index.js';
import { balancedRange, closeEnd, regionContent, regionKind, type QuoteRegion } from './marks.js';
import { definiteAntecedent, resolvePronoun, speakerOfSource, type SpeakerHistory } from './speaker.js';

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

/**
 * A sentence-final attribution after a comma (`…, the ministry said.`, `…, Pashinyan told
 * parliament.`, `…, said the spokesman.`): the clause before the comma is the content, the noun
 * phrase the source, the reporting verb the cue. Token ranges / index into `doc.tokens`.
 */
export interface TrailingAttribution {
  content: { start: number; end: number };
  source: { start: number; end: number };
  cue: number;
  /** The second half of a clause the attribution interrupts ("A, X said, B."), after the second comma. */
  rest?: { start: number; end: number };
  /** The cue's last token + 1 when the cue is more than one token ("referring to"). */
  cueEnd?: number;
  /** No source phrase of its own: the speaker is the subject of the clause the cue's participle modifies. */
  sourceless?: boolean;
  /** Tokens that hold no content of this attribution (the source's appositions after "said X, …"). */
  clear?: { start: number; end: number };
}

/** Relative words that open a clause an attribution can interrupt ("which officials said will …"). */
const RELATIVE_OPENER = /^(?:which|that|what|who)$/i;

/** Parts of speech of a source noun phrase ("Lebanon's Health Ministry", "a spokesman for the group", "he"). */
const SOURCE_POS = /^(?:DET|ADJ|NOUN|PROPN|NUM|PRON|PART|CCONJ|ADP)$/;
/** Parts of speech after the cue ("told parliament", "said in a statement on Monday"). */
const TAIL_POS = /^(?:DET|ADJ|NOUN|PROPN|NUM|ADP|ADV|CCONJ|PART)$/;
/** Object pronouns: the addressee right after a reporting verb ("…, the president told her."). */
const OBJECT_PRONOUN = /^(?:her|him|them|us|me|you)$/i;
/** Relative words: a source phrase holds none ("a claim that the ministry denied"). */
const RELATIVE_WORD = /^(?:who|whom|which|that|what)$/i;
/** Nouns of what is said (lemmas): the object of the verb after them, not its source ("…, a charge he denied"). */
const CONTENT_NOUN = /^(?:accusation|allegation|claim|charge|assertion|suggestion|notion|idea|view|report|statement|account|version|story|argument|criticism|complaint|rumou?r|description|characterization|explanation|figure|estimate|assessment|conclusion|position)$/i;
/** A dateline's dash ("YEREVAN -- …", "WASHINGTON (Reuters) - …"). */
const DATELINE_DASH = /^(?:-{1,2}|—|–)$/;
/** Day and month names: the head of a time phrase between a subject and its cue ("X on Tuesday said"). */
const TIME_NAME = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december|jan|feb|aug|sept?|oct|nov|dec)\.?$/i;
/** Time nouns after "last", "next", "this", "earlier" ("last month", "earlier this week"). */
const TIME_UNIT = /^(?:week|weekend|month|year|night|morning|afternoon|evening|spring|summer|fall|autumn|winter)$/i;

/**
 * The first token of a time phrase that ends at token `j` ("on Tuesday", "Tuesday night", "last
 * month", "earlier this week", "on Dec. 3"), or -1: a day or month name (a date's number after it
 * allowed) with "on" or "last"/"next"/"this" before it, or a time noun after "last", "next",
 * "this" or "earlier". Held-out tenths of train (issue 6): "Clinton on Tuesday said …".
 */
export function timePhraseBefore(tokens: AnnotatedText['tokens'], j: number): number {
  let k = j;
  if (k >= 0 && /^\d{1,2}$/.test(tokens[k].text)) k--;
  if (k >= 0 && TIME_UNIT.test(tokens[k].text) && k > 0 && TIME_NAME.test(tokens[k - 1].text)) k--; // "Tuesday night"
  if (k >= 0 && TIME_NAME.test(tokens[k].text)) {
    if (k > 0 && /^(?:on|last|next|this)$/i.test(tokens[k - 1].text)) k--;
    return k;
  }
  if (k > 0 && TIME_UNIT.test(tokens[k].text) && /^(?:last|next|this|earlier|later)$/i.test(tokens[k - 1].text)) {
    k--;
    if (k > 0 && /^(?:earlier|later)$/i.test(tokens[k - 1].text)) k--;
    return k;
  }
  return -1;
}

/**
 * The sentence-final attributions of a document (see `TrailingAttribution`): a sentence that
 * ends, after its last comma outside quotation marks, in a source noun phrase and a reporting
 * verb (a cue that introduces indirect speech, data/quotes/cues.yaml: said, told, added, …) or
 * the verb then the phrase, and then only the verb's object or adjuncts ("parliament", "on
 * Saturday", "in a statement") — no other verb; or in "according to" and a noun phrase, cut
 * before a relative clause ("…, according to exit polls.", "…, according to Republicans who
 * reviewed the speech."; a verb there only before a noun: "lobbying records"), whose cue token is
 * "according". On the held-out tenth of PolNeAR train the tagger often gave such a clause to a
 * verb inside it ("X drew support …, according to exit polls": X's "drew"), with X as speaker. The content is the clause from the sentence
 * start (after a dateline, "YEREVAN --") to that comma, of at least three tokens, not opening
 * with a quotation mark (a direct quote has its own rules).
 *
 * Also (held-out tenths of train, each shape below documented at its helper): a capitalised word
 * read as a verb inside the source name ("the Associated Press reported"), an object pronoun after
 * the verb ("told her"), a present-tense cue read as a noun ("… reports.", and the plain form
 * after a plural noun, "…, records show."), a name with an
 * apposition before the verb ("X, the undersecretary, wrote"); "As X said, CLAUSE." and
 * "According to X, CLAUSE." (the clause after the comma); "A, X said, B." (`rest` holds B);
 * "which officials said will …" (the relative word, `rest` the clause); and ", referring to Y"
 * (`sourceless`: the speaker is that of the clause the participle modifies; `cueEnd` after "to").
 */
export function trailingAttributions(doc: AnnotatedText, quoted: Uint8Array, cues: Map<string, boolean>): TrailingAttribution[] {
  const { tokens } = doc;
  /** A hyphen glued to words on both sides ("PORT-AU-PRINCE"): part of a word, no dateline's dash. */
  const gluedDash = (k: number) => k > 0 && tokens[k].start === tokens[k - 1].end && tokens[k + 1]?.start === tokens[k].end;
  const out: TrailingAttribution[] = [];
  const isReport = (k: number) => tokens[k].pos === 'VERB' && cues.get(tokens[k].lemma.toLowerCase()) === true;
  const word = (k: number) => /[\p{L}\p{N}]/u.test(tokens[k].text);
  /** The end of a source phrase from token `a`: the first preposition other than "of"/"for" (its adjunct: "said X in a statement"), or `limit`. */
  const phraseEnd = (a: number, limit: number) => {
    let e = a;
    while (e < limit && !(tokens[e].pos === 'ADP' && !/^(?:of|for)$/i.test(tokens[e].text))) e++;
    return e;
  };
  // `according`: the phrase after "according to", where a noun of what is said is the source
  // ("according to the statement", "according to his account")
  const nounPhrase = (a: number, b: number, allowed: (k: number) => boolean = () => false, according = false) => {
    if (b <= a || b - a > 10) return false;
    let head = false;
    for (let k = a; k < b; k++) {
      const t = tokens[k];
      if (quoted[k] || RELATIVE_WORD.test(t.text)) return false;
      // "…, an accusation Paris denied": the verb's object and a relative clause, not a source
      if (CONTENT_NOUN.test(t.lemma) && t.pos === 'NOUN' && !according) return false;
      if (!word(k) && !/^(?:\.|-|'s|’s|'|’)$/.test(t.text)) return false;
      // an apostrophe only as a plural possessive ("the voters' group"), not a quotation mark
      if (/^['’]$/.test(t.text) && !(k > a && /s$/i.test(tokens[k - 1].text) && tokens[k - 1].end === t.start)) return false;
      if (word(k) && !SOURCE_POS.test(t.pos) && !allowed(k)) return false;
      if (/^(?:ADP|CCONJ)$/.test(t.pos) && !head) return false;
      if (/^(?:NOUN|PROPN|PRON)$/.test(t.pos)) head = true;
    }
    return head && !/^(?:ADP|CCONJ|DET)$/.test(tokens[b - 1].pos);
  };
  /** A capitalised word tagged as a verb inside a name ("the Associated Press"). */
  const nameVerb = (k: number) => tokens[k].pos === 'VERB' && /^\p{Lu}\p{Ll}/u.test(tokens[k].text) && /^(?:PROPN|NOUN)$/.test(tokens[k + 1]?.pos ?? '') && /^\p{Lu}/u.test(tokens[k + 1]?.text ?? '');
  /** "reports", "says" tagged as a noun: a cue verb's third-person form (lower case). */
  const presentCue = (k: number) => tokens[k].pos === 'NOUN' && /^\p{Ll}+s$/u.test(tokens[k].text) &&
    cues.get(tokens[k].text.toLowerCase().replace(/(?:(?<=[sxz]|[cs]h)es|s)$/, '')) === true && /^(?:NOUN|PROPN)$/.test(tokens[k - 1].pos) ||
    // the plain form after a plural noun ("…, records show.", "…, polls suggest.")
    tokens[k].pos === 'NOUN' && /^\p{Ll}+$/u.test(tokens[k].text) && cues.get(tokens[k].text.toLowerCase()) === true &&
    tokens[k - 1].pos === 'NOUN' && /\p{Ll}s$/u.test(tokens[k - 1].text);
  /** The first token of a sentence's clause: after a dateline ("YEREVAN --", "PORTLAND, Maine -"), else its first token. */
  const clauseStart = (s0: number, limit: number): number => {
    for (let k = s0; k < Math.min(limit, s0 + 16); k++) {
      if (!DATELINE_DASH.test(tokens[k].text) || gluedDash(k)) continue;
      if (k - s0 <= 14 && /^\p{Lu}{2,}$/u.test(tokens[s0].text.replace(/[^\p{L}]/gu, ''))) return k + 1;
      break;
    }
    return s0;
  };
  /**
   * An attribution set between commas inside the clause it reports ("The plan, an aide said, is to
   * wait.", "After two years, the budget office said, deficits will rise."): the source phrase and
   * a reporting verb (or the verb then the phrase, "said an aide"), with only adjuncts after them,
   * between the first pair of commas outside quotation marks; the content is the clause before the
   * first comma (from the sentence start, after a dateline) and the rest of the sentence after the
   * second, which must hold a verb. Neither half opens with a quotation mark (interrupted direct
   * quotes have their own rules, marks.ts). Held-out tenths of PolNeAR train: a quarter of the
   * missed indirect attributions with the cue "said" had this shape. A second half opened by a
   * conjunction and a reporting verb ("A, X said, though Y said B.") is no part of A but Y's
   * attribution of B (a second element of the array).
   */
  const interrupted = (sent: AnnotatedText['sentences'][number], b: number): TrailingAttribution[] | null => {
    const s = clauseStart(sent.tokenStart, b);
    let c1 = -1;
    for (let k = s + 1; k < b; k++) {
      if (quoted[k]) return null;
      if (tokens[k].text === ',') { c1 = k; break; }
    }
    if (c1 < 0 || /^["“„«‘']/.test(doc.text[tokens[s].start])) return null;
    let c2 = -1;
    for (let k = c1 + 1; k < b && k <= c1 + 16; k++) {
      if (quoted[k]) return null;
      if (tokens[k].text === ',') { c2 = k; break; }
    }
    if (c2 < 0 || b - c2 < 4 || quoted[c2 + 1] || /^["“„«‘']/.test(tokens[c2 + 1].text)) return null;
    // "A, X said, adding …": the participle opens an attribution of its own, no second half of A
    const participleNext = tokens[c2 + 1].pos === 'VERB' && /\p{L}ing$/u.test(tokens[c2 + 1].text);
    let c = -1;
    for (let k = c1 + 1; k < c2; k++) if ((tokens[k].pos === 'VERB' || tokens[k].pos === 'AUX') && !(k > c1 + 1 && nameVerb(k))) { c = k; break; }
    if (c < 0 || !isReport(c)) return null;
    let source: { start: number; end: number } | null = null;
    let tail = c + 1;
    if (c > c1 + 1) {
      if (nounPhrase(c1 + 1, c, nameVerb)) source = { start: c1 + 1, end: c };
    } else if (!/ing$/i.test(tokens[c].text)) {
      // "said an aide"; a participle is not inverted: ", fearing the attention," is no attribution
      const e = phraseEnd(c + 1, c2);
      if (nounPhrase(c + 1, e)) { source = { start: c + 1, end: e }; tail = e; }
    }
    if (!source) return null;
    for (let k = tail; k < c2; k++) if (!(TAIL_POS.test(tokens[k].pos) || k === c + 1 && OBJECT_PRONOUN.test(tokens[k].text))) return null;
    // the second half: a clause (a verb outside quotation marks)
    let verb = false;
    for (let k = c2 + 1; k < b && !verb; k++) verb = !quoted[k] && (tokens[k].pos === 'VERB' || tokens[k].pos === 'AUX');
    if (!verb) return null;
    // "A, X said, though Y said B.": a clause opened by a conjunction whose first verb reports is
    // another attribution (Y's, when Y is a noun phrase), no second half of A ("A, X said, and had
    // passed …" is one); a first-time user's report
    let v2 = c2 + 2;
    while (v2 < b && (quoted[v2] || !/^(?:VERB|AUX)$/.test(tokens[v2].pos))) v2++;
    // ("as" read as a preposition opens such a clause too: "A, X said, as Y warned that B.")
    if ((/^(?:CCONJ|SCONJ)$/.test(tokens[c2 + 1].pos) || /^(?:as|while|whereas)$/i.test(tokens[c2 + 1].text)) && v2 < b && isReport(v2)) {
      const first: TrailingAttribution = { content: { start: s, end: c1 }, source, cue: c };
      const from = /^that$/i.test(tokens[v2 + 1]?.text ?? '') ? v2 + 2 : v2 + 1;
      return nounPhrase(c2 + 2, v2, nameVerb) && b - from >= 3 && !quoted[from]
        ? [first, { content: { start: from, end: b }, source: { start: c2 + 2, end: v2 }, cue: v2 }] : [first];
    }
    if (participleNext) return [{ content: { start: s, end: c1 }, source, cue: c }];
    return [{ content: { start: s, end: c1 }, source, cue: c, rest: { start: c2 + 1, end: b } }];
  };
  /**
   * Attributions inside a relative clause ("the changes, which officials said will start in May,",
   * "what many analysts said was a sign of …"): a relative word, a source noun phrase, a reporting
   * verb and right after it the clause's own verb; the content is the relative word and the clause
   * from that verb to the next comma outside quotation marks (or the sentence end), as PolNeAR
   * annotates it (held-out tenths of train).
   */
  const relativeAttributions = (sent: AnnotatedText['sentences'][number], b: number): TrailingAttribution[] => {
    const found: TrailingAttribution[] = [];
    for (let r = sent.tokenStart + 1; r < b - 3; r++) {
      if (quoted[r] || !RELATIVE_OPENER.test(tokens[r].text)) continue;
      let c = -1;
      for (let k = r + 2; k < Math.min(b, r + 8); k++) if (tokens[k].pos === 'VERB' || tokens[k].pos === 'AUX') { c = k; break; }
      if (c < 0 || !isReport(c) || quoted[c] || !nounPhrase(r + 1, c, nameVerb)) continue;
      const v = c + 1;
      if (v >= b || quoted[v] || !/^(?:VERB|AUX)$/.test(tokens[v].pos)) continue;
      let e = v + 1;
      while (e < b && !(tokens[e].text === ',' && !quoted[e])) e++;
      found.push({ content: { start: r, end: r + 1 }, source: { start: r + 1, end: c }, cue: c, rest: { start: v, end: e } });
    }
    return found;
  };
  /**
   * "CLAUSE, said NAME, APPOSITION[, who …]." — the sentence-final attribution whose source is
   * followed by appositions (noun phrases between commas) and at most a relative clause about it
   * ("…, said Ann Lee, a professor of economics at the university, who studies trade."): the
   * clause before "said" is the content, the name the source. The last comma is then not the
   * attribution's, so the rule above misses it (held-out tenths of train).
   */
  const saidThenApposition = (sent: AnnotatedText['sentences'][number], b: number): TrailingAttribution | null => {
    const commas: number[] = [];
    for (let k = sent.tokenStart + 3; k < b; k++) if (tokens[k].text === ',' && !quoted[k]) commas.push(k);
    for (let i = commas.length - 2; i >= 0 && i >= commas.length - 4; i--) {
      const p = commas[i], c = p + 1;
      if (!isReport(c) || quoted[c]) continue;
      const e = commas[i + 1];
      if (!nounPhrase(c + 1, e)) return null;
      // after the name: appositions, and a relative clause last
      for (let j = i + 1; j < commas.length; j++) {
        const a = commas[j] + 1, z = j + 1 < commas.length ? commas[j + 1] : b;
        if (/^(?:who|whose)$/i.test(tokens[a]?.text ?? '')) break;
        // an apposition, possibly ending in a relative clause ("an Orlando Republican who founded …")
        let r = a;
        while (r < z && !/^(?:who|whose)$/i.test(tokens[r].text)) r++;
        if (!nounPhrase(a, r)) return null;
        if (r < z) break;
      }
      const s = clauseStart(sent.tokenStart, p);
      if (p - s < 3 || quoted[s] || /^["“„«‘']/.test(doc.text[tokens[s].start])) return null;
      let verb = false;
      for (let k = s; k < p && !verb; k++) verb = !quoted[k] && (tokens[k].pos === 'VERB' || tokens[k].pos === 'AUX');
      return verb ? { content: { start: s, end: p }, source: { start: c + 1, end: e }, cue: c, clear: { start: c + 1, end: b } } : null;
    }
    return null;
  };
  /** A past participle right after a noun, modifying it ("a poll taken last week"). */
  const participle = (k: number) => tokens[k].pos === 'VERB' && /^\p{Ll}+(?:ed|en|wn|ne|un)$/u.test(tokens[k].text) && k > 0 && /^(?:NOUN|PROPN)$/.test(tokens[k - 1].pos);
  /**
   * "According to X, CLAUSE." at a sentence's start (after a dateline): the clause after the first
   * comma outside quotation marks is X's (X a noun phrase, a participle allowed after its noun:
   * "the schedule published Thursday"); the clause must hold a verb.
   */
  const accordingFirst = (sent: AnnotatedText['sentences'][number], b: number): TrailingAttribution | null => {
    const s = clauseStart(sent.tokenStart, b);
    if (s + 3 >= b || !/^according$/i.test(tokens[s].text) || !/^to$/i.test(tokens[s + 1].text) || quoted[s]) return null;
    let c1 = -1;
    for (let k = s + 2; k < Math.min(b, s + 16); k++) {
      if (quoted[k]) return null;
      if (tokens[k].text === ',') { c1 = k; break; }
    }
    const modifier = (k: number) => tokens[k].pos === 'VERB' && (/^(?:NOUN|PROPN)$/.test(tokens[k + 1]?.pos ?? '') || participle(k));
    if (c1 < 0 || b - c1 < 4 || quoted[c1 + 1] || /^["“„«‘']/.test(tokens[c1 + 1].text) || !nounPhrase(s + 2, c1, modifier, true)) return null;
    let verb = false;
    for (let k = c1 + 1; k < b && !verb; k++) verb = !quoted[k] && (tokens[k].pos === 'VERB' || tokens[k].pos === 'AUX');
    return verb ? { content: { start: c1 + 1, end: b }, source: { start: s + 2, end: c1 }, cue: s } : null;
  };
  /**
   * "…," X said, referring to Y[, an apposition].": PolNeAR annotates the reference as an
   * attribution of its own (cue "referring to", content the noun phrase Y, up to a comma, dash or
   * the sentence end, outside quotation marks), with the speaker of the clause the participle
   * modifies (found by the caller: `sourceless`, the source field holds the cue). Held-out tenths
   * of train: the tagger gave Y to the quotation's attribution, which then missed its own match too.
   */
  const referenceAttributions = (sent: AnnotatedText['sentences'][number], b: number): TrailingAttribution[] => {
    const found: TrailingAttribution[] = [];
    for (let r = sent.tokenStart + 2; r < b - 2; r++) {
      if (quoted[r] || tokens[r - 1].text !== ',' || !/^(?:referring|alluding)$/i.test(tokens[r].text) || !/^to$/i.test(tokens[r + 1].text)) continue;
      let e = r + 2;
      while (e < b && !quoted[e] && !/^(?:,|;|:|-{1,2}|—|–|\(|who|which|where|whose)$/i.test(tokens[e].text)) e++;
      if (e - (r + 2) < 1 || quoted[r + 2]) continue;
      found.push({ content: { start: r + 2, end: e }, source: { start: r, end: r + 1 }, cue: r, cueEnd: r + 2, sourceless: true });
    }
    return found;
  };
  for (const sent of doc.sentences) {
    let b = sent.tokenEnd;
    // the sentence must end with a stop, also inside a closing quotation mark ('… "far too many years."')
    let z = b;
    while (z > sent.tokenStart + 1 && /^["”'’]$/.test(tokens[z - 1].text) && quoted[z - 2]) z--;
    if (z < b && /^[.!?]$/.test(tokens[z - 1].text)) b = z;
    while (b > sent.tokenStart && /^[.!?]$/.test(tokens[b - 1].text)) b--;
    if (b === sent.tokenEnd || b === z || b <= sent.tokenStart) continue;
    // "As X said (in May), CLAUSE.": the clause after the comma is X's
    const a0 = sent.tokenStart;
    if (/^as$/i.test(tokens[a0].text) && !quoted[a0]) {
      let c = -1;
      for (let k = a0 + 2; k < Math.min(b, a0 + 12) && c < 0; k++) if (tokens[k].pos === 'VERB' && !nameVerb(k)) c = k;
      let q = c + 1;
      while (c > 0 && q < Math.min(b, c + 7) && tokens[q].text !== ',' && !quoted[q] && TAIL_POS.test(tokens[q].pos)) q++;
      if (c > 0 && isReport(c) && tokens[q]?.text === ',' && nounPhrase(a0 + 1, c, nameVerb) && b - q > 4) {
        let verb = false;
        for (let k = q + 1; k < b && !verb; k++) verb = !quoted[k] && (tokens[k].pos === 'VERB' || tokens[k].pos === 'AUX');
        if (verb && !quoted[q + 1]) { out.push({ content: { start: q + 1, end: b }, source: { start: a0 + 1, end: c }, cue: c }); continue; }
      }
    }
    out.push(...relativeAttributions(sent, b), ...referenceAttributions(sent, b));
    const leading = accordingFirst(sent, b);
    if (leading) { out.push(leading); continue; }
    const apposed = saidThenApposition(sent, b);
    const medial = apposed ? [apposed] : interrupted(sent, b);
    if (medial) { out.push(...medial); continue; }
    let p = b - 1;
    while (p > sent.tokenStart && tokens[p].text !== ',' && !quoted[p] && b - p <= 30) p--;
    if (tokens[p].text !== ',' || quoted[p]) continue;
    /**
     * The comma before a name and its apposition that end at comma `p` ("…, NAME, the
     * undersecretary for management, wrote"): the comma's token, or -1. The name: capitalised
     * words; the apposition: a noun phrase opening with a determiner or a lower-case word.
     */
    const apposition = (p: number): number => {
      let q = p - 1;
      while (q > sent.tokenStart && tokens[q].text !== ',' && !quoted[q] && p - q <= 12) q--;
      if (tokens[q].text !== ',' || quoted[q] || q === p - 1 || !nounPhrase(q + 1, p) || !/^(?:DET|ADJ|NOUN)$/.test(tokens[q + 1].pos)) return -1;
      let r = q - 1;
      while (r > sent.tokenStart && tokens[r].text !== ',' && !quoted[r] && q - r <= 5) r--;
      if (tokens[r].text !== ',' || quoted[r] || r === q - 1) return -1;
      for (let k = r + 1; k < q; k++) if (!(/^\p{Lu}/u.test(tokens[k].text) || tokens[k].text === '.' || tokens[k].text === '-')) return -1;
      return r;
    };
    // "…, according to X, an apposition (who …)." ("…, according to Ann Lee, a pollster who …",
    // "…, according to Ann Lee, director of the institute, which …"): the last comma is the
    // apposition's; the attribution's comma is the one before "according"
    const modifierAt = (k: number) => tokens[k].pos === 'VERB' && (/^(?:NOUN|PROPN)$/.test(tokens[k + 1]?.pos ?? '') || participle(k));
    let accAppos = -1;
    let accEnd = -1;
    for (let q = b - 4; q > sent.tokenStart && b - q <= 40 && accAppos < 0; q--) {
      if (tokens[q].text !== ',' || quoted[q] || !/^according$/i.test(tokens[q + 1].text) || !/^to$/i.test(tokens[q + 2].text)) continue;
      let e = q + 3;
      while (e < b && tokens[e].text !== ',' && !quoted[e]) e++;
      if (e >= b || tokens[e].text !== ',' || !nounPhrase(q + 3, e, modifierAt, true)) break;
      // the apposition: a noun phrase up to a relative word or a comma
      let r = e + 1;
      while (r < b && !RELATIVE_WORD.test(tokens[r].text) && tokens[r].text !== ',') r++;
      if (/^(?:DET|ADJ|NOUN|PROPN|NUM)$/.test(tokens[e + 1].pos) && nounPhrase(e + 1, r)) { accAppos = q; accEnd = e; }
      break;
    }
    // a longer tail only after such an apposition (its relative clause)
    if (b - p > 16 && accAppos < 0) continue;
    // the reporting verb: the first verb after the comma, with the source before it or right after
    // it; a capitalised "verb" after the first word is part of a name ("the Associated Press"), and a
    // present-tense cue the tagger read as a plural noun is the verb when a phrase precedes it and
    // only adjuncts follow ("…, Portuguese newspaper Correio de Manha reports.")
    let c = -1;
    for (let k = p + 1; k < b; k++) {
      if ((tokens[k].pos === 'VERB' || tokens[k].pos === 'AUX') && !(k > p + 1 && nameVerb(k))) { c = k; break; }
    }
    if (c < 0) {
      for (let k = p + 2; k < b; k++) if (presentCue(k)) { c = k; break; }
    }
    let source: { start: number; end: number } | null = null;
    let tail = c + 1;
    if (accAppos >= 0) {
      source = { start: accAppos + 3, end: accEnd };
      c = accAppos + 1;
      p = accAppos;
      tail = b;
    } else if (c === p + 1 && /^according$/i.test(tokens[c].text) && /^to$/i.test(tokens[c + 1]?.text ?? '')) {
      // "…, according to exit polls.": the phrase after "to", cut before a relative clause
      // ("…, according to Republicans who critiqued the speech.")
      // a verb before a noun modifies it there ("exit polls", "lobbying records")
      let e = c + 2;
      while (e < b && !RELATIVE_WORD.test(tokens[e].text)) e++;
      // a participle after a noun too ("a poll taken last week", "data released on Monday")
      const modifierVerb = (k: number) => tokens[k].pos === 'VERB' && (k + 1 < e && /^(?:NOUN|PROPN)$/.test(tokens[k + 1].pos) || participle(k));
      let verbs = true;
      for (let k = c + 2; k < e; k++) if (tokens[k].pos === 'VERB' && !modifierVerb(k)) verbs = false;
      // (a noun of what is said is a source, "according to the report", but not one a relative
      // clause follows: "according to the figures that the ministry published" reads as a clause)
      if (verbs && nounPhrase(c + 2, e, modifierVerb, e === b)) { source = { start: c + 2, end: e }; tail = b; }
      if (!source) continue;
    } else if (c < 0 || !isReport(c) && !presentCue(c)) continue;
    else if (c > p + 1) {
      if (nounPhrase(p + 1, c, nameVerb)) source = { start: p + 1, end: c };
    } else if (apposition(p) >= 0 && /^\p{Ll}/u.test(tokens[p - 1].text)) {
      // "…, Jan Kowalski, the undersecretary for management, wrote in a memo.": the name and its
      // apposition are the source, the clause before the name the content
      const q = apposition(p);
      source = { start: q + 1, end: p };
      p = q;
    } else if (ADDRESSEE_AFTER.has(tokens[c].lemma.toLowerCase())) {
      // "…, NATO's commander, General X, told a briefing.": the phrase after "told" is the
      // addressee, never the source; the source is the name between the commas before the verb
      // (after an apposition before it, which is left out of the content too; a first-time user's
      // report)
      let q = p - 1;
      while (q > sent.tokenStart && tokens[q].text !== ',' && !quoted[q] && p - q <= 10) q--;
      if (tokens[q].text !== ',' || quoted[q] || !nounPhrase(q + 1, p, nameVerb)) continue;
      source = { start: q + 1, end: p };
      let r = q - 1;
      while (r > sent.tokenStart && tokens[r].text !== ',' && !quoted[r] && q - r <= 8) r--;
      p = tokens[r].text === ',' && !quoted[r] && r < q - 1 && nounPhrase(r + 1, q) && /^(?:DET|ADJ|NOUN|PROPN)$/.test(tokens[r + 1].pos) ? r : q;
    } else {
      // "…, said the spokesman": the phrase up to a preposition (its adjunct) or the end
      const e = phraseEnd(c + 1, b);
      if (nounPhrase(c + 1, e)) { source = { start: c + 1, end: e }; tail = e; }
    }
    if (!source || b - tail > 10) continue;
    let ok = true;
    // the tail: adjuncts, and an object pronoun right after the verb ("the president told her")
    for (let k = tail; k < b && ok; k++) ok = !quoted[k] && (!word(k) ? tokens[k].text === '.' : TAIL_POS.test(tokens[k].pos) || k === c + 1 && OBJECT_PRONOUN.test(tokens[k].text));
    if (!ok) continue;
    // the content: the clause from the sentence start, after a dateline; a sentence that opens
    // with a comma or a small letter was cut after an abbreviation ("Sen. Bill Nelson (D-Fla.), …")
    // and starts with the sentence before it in the paragraph
    let si = tokens[sent.tokenStart].sentence;
    while (si > 0 && doc.sentences[si - 1].paragraph === sent.paragraph && /^(?:,|;|\p{Ll})/u.test(tokens[doc.sentences[si].tokenStart].text)) si--;
    const s0 = doc.sentences[si].tokenStart;
    let s = s0;
    for (let k = s0; k < Math.min(p, s0 + 16); k++) {
      if (!DATELINE_DASH.test(tokens[k].text) || gluedDash(k)) continue;
      // a dateline: a place name in capitals first ("YEREVAN --", "PORTLAND, Maine -", "KYIV (Reuters) -")
      if (k - s0 <= 14 && /^\p{Lu}{2,}$/u.test(tokens[s0].text.replace(/[^\p{L}]/gu, ''))) s = k + 1;
      break;
    }
    if (p - s < 3 || /^["“„«‘']/.test(doc.text[tokens[s].start]) || quoted[s]) continue;
    // a clause, not a phrase ("On Friday morning, …, X told a joke")
    let verb = false;
    for (let k = s; k < p && !verb; k++) verb = !quoted[k] && (tokens[k].pos === 'VERB' || tokens[k].pos === 'AUX');
    if (!verb) continue;
    out.push({ content: { start: s, end: p }, source, cue: c });
  }
  return out;
}

export { closeEnd } from './marks.js';

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
  /**
   * The actor mention covering token k0 (an honorific before it skipped; also "the" before a
   * mention that is a definite description, "the ministry", whose antecedent `toQuote` finds).
   */
  const actorSpanAt = (k0: number): [number, number] | null => {
    let k = k0;
    if (k + 1 < tokens.length && /^the$/i.test(tokens[k].text) && res.actorAtToken[k] < 0 && res.actorAtToken[k + 1] >= 0 &&
      definiteAntecedent(doc, res, { start: k, end: k + 2 }, quoted) >= 0) return [k, k + 2];
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
  /** Speaker of a subject position ending before token `k` (skipping an apposition in commas, a party label in parentheses and a time phrase: "X on Tuesday said"). */
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
    // a time phrase between the subject and the cue ("Clinton on Tuesday said")
    const time = j >= 0 && tokens[j].sentence === sentence ? timePhraseBefore(tokens, j) : -1;
    if (time > 0 && tokens[time - 1].sentence === sentence && res.actorAtToken[j] < 0) {
      j = time - 1;
      while (j >= 0 && (tokens[j].pos === 'ADV' || tokens[j].text === ',') && tokens[j].sentence === sentence) j--;
    }
    if (j < 0 || tokens[j].sentence !== sentence) return NONE;
    const span = actorSpanAt(j);
    // "Holger Brandt of Lindqvist Bank(, an apposition,) warned": the person before "of"/"at" and a
    // name (an actor or not) is the subject, not the firm
    let a0 = span ? span[0] : j;
    if (!span) while (a0 > 0 && tokens[a0 - 1].pos === 'PROPN' && tokens[a0 - 1].sentence === sentence && j - a0 < 5) a0--;
    if ((span || tokens[j].pos === 'PROPN') && a0 >= 2 && /^(?:of|at)$/i.test(tokens[a0 - 1].text) && tokens[a0 - 1].sentence === sentence) {
      const person = actorSpanAt(a0 - 2);
      const idx = person ? res.actorAtToken[a0 - 2] : -1;
      if (person && idx >= 0 && res.actors[idx]?.type === 'person') return { speaker: idx, mention: person, cue: null, conf: 0.9, cueTok: -1 };
    }
    if (span) return { speaker: res.actorAtToken[j], mention: span, cue: null, conf: 0.9, cueTok: -1 };
    if (PRONOUNS.has(tokens[j].text.toLowerCase())) return pronounAt(j);
    return NONE;
  };
  /** The speaker after token k: "said X", "X said", "X, desc, told". */
  const after = (k: number, sentence: number): RuleAttr => {
    if (k >= tokens.length || tokens[k].sentence !== sentence) return NONE;
    if (OPEN_TOKEN.test(tokens[k].text) || /^[.!?]$/.test(tokens[k].text)) return NONE;
    // "said X" / "said he": X is the source unless a verb follows it, which makes it the subject of
    // the reported clause ("X said he would wait", "said Y will play a role")
    const clauseSubject = (e: number) => e < tokens.length && tokens[e].sentence === sentence && /^(?:VERB|AUX)$/.test(tokens[e].pos) && !quoted[e];
    if (isCue(k) && k + 1 < tokens.length && !RECIPIENT_CUES.has(tokens[k].lemma.toLowerCase())) {
      const span = actorSpanAt(k + 1);
      if (span && !clauseSubject(span[1])) return { speaker: res.actorAtToken[span[1] - 1], mention: span, cue: tokens[k].text, conf: 0.9, cueTok: k };
      if (PRONOUNS.has(tokens[k + 1].text.toLowerCase()) && !clauseSubject(k + 2)) {
        const p = pronounAt(k + 1);
        if (p.speaker >= 0) return { ...p, cue: tokens[k].text, cueTok: k };
      }
    }
    const named = actorSpanAt(k);
    const span = named ?? (PRONOUNS.has(tokens[k].text.toLowerCase()) ? [k, k + 1] as [number, number] : null);
    if (!span) return NONE;
    let attr: RuleAttr = named ? { speaker: res.actorAtToken[named[1] - 1], mention: named, cue: null, conf: 0.9, cueTok: -1 } : pronounAt(k);
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
        if (span) return { speaker: res.actorAtToken[span[1] - 1], mention: span, cue: 'according to', conf: 0.7, cueTok: j };
      }
    }
    return NONE;
  };
  return { isCue, actorSpanAt, subjectBefore, after, before, cueInSentence, accordingTo, pronounAt };
}

/** Reporting verbs whose object is the addressee ("…, X told a briefing"), never the source after the verb. */
const ADDRESSEE_AFTER = new Set(['tell', 'inform', 'assure', 'remind', 'brief', 'notify']);
/** Cues whose first object is the addressee, and then the content clause ("told parliament the truce …"). */
const ADDRESSEE_CUES = new Set(['tell', 'inform', 'assure', 'remind', 'warn', 'promise']);

/** The rule-based quotes of a document (see the module doc). */
export function ruleQuotes(ctx: RuleContext, minConf: number): FoundQuote[] {
  const { doc, res, regions, quoted, cues } = ctx;
  const { tokens, text } = doc;
  /**
   * The token after the addressee that starts at `k` (a pronoun, or a noun phrase up to its first
   * noun and the name words right after it: "parliament", "the Associated Press"), and after an
   * adjunct of a preposition and one noun ("on Monday", "in Kyiv", "in a speech"); -1 when there is none.
   */
  const addresseeEnd = (k: number, end: number): number => {
    let j = k;
    if (j < end && tokens[j].pos === 'PRON' && !quoted[j]) j++;
    else {
      // determiners and modifiers ("the", "Russian", a capitalised word read as a verb: "the Associated Press")
      while (j < end && j < k + 3 && !quoted[j] && (/^(?:DET|ADJ|NUM)$/.test(tokens[j].pos) || /^\p{Lu}/u.test(tokens[j].text) && tokens[j + 1]?.pos === 'PROPN')) j++;
      if (j >= end || quoted[j] || !/^(?:NOUN|PROPN)$/.test(tokens[j].pos)) return -1;
      const name = tokens[j].pos === 'PROPN';
      j++;
      while (name && j < end && tokens[j].pos === 'PROPN' && !quoted[j]) j++;
    }
    if (j + 1 < end && tokens[j].pos === 'ADP' && /^(?:on|in|at)$/i.test(tokens[j].text)) {
      let m = j + 1;
      if (tokens[m].pos === 'DET') m++;
      if (m < end && /^(?:NOUN|PROPN)$/.test(tokens[m].pos) && !quoted[m]) j = m + 1;
    }
    return j > k && j < end ? j : -1;
  };
  const history: SpeakerHistory = [];
  const h = ruleHelpers(ctx, history);
  const usedCues = new Set<number>();
  const out: FoundQuote[] = [];
  const direct: Array<{ q: FoundQuote; para: number; r: QuoteRegion }> = [];
  const toQuote = (start0: number, end0: number, kind: FoundQuote['kind'], attr0: RuleAttr): FoundQuote => {
    let attr = attr0;
    if (attr.speaker >= 0 && attr.mention) {
      // "the group said": the organization of that kind named before (speaker.ts definiteAntecedent)
      const ante = definiteAntecedent(doc, res, { start: attr.mention[0], end: attr.mention[1] }, quoted);
      if (ante >= 0) attr = { ...attr, speaker: ante, conf: Math.min(attr.conf, 0.7) };
    }
    // whole quotations only (a quotation's own content is left as it is)
    const [start, end] = balancedRange(text, regions, start0, end0);
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
  for (const [n, r] of regions.entries()) {
    const [start, end] = regionContent(text, r);
    if (end <= start) continue;
    const para = r.paragraph;
    const kind = regionKind(text, doc.article.paragraphs[para]?.start ?? 0, r, regions[n - 1]);
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
    // a line of words, not a tally ("Clinton: 547.", "Carson: A miracle." in a list of forecasts)
    if (ps.end - s < 2 || (text.slice(s, ps.end).match(/\p{L}[\p{L}'’-]*/gu)?.length ?? 0) < 3) continue;
    const attr: RuleAttr = { speaker: res.actorAtToken[span[1] - 1], mention: span, cue: ':', conf: 0.9, cueTok: colon };
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
    if (!sawThat && (lemma === 'ask' || lemma === 'urge')) continue;
    if (!sawThat && ADDRESSEE_CUES.has(lemma)) {
      // "X told parliament (on Monday) the truce …": the addressee, then the clause
      const o = addresseeEnd(k + 1, sent.tokenEnd);
      if (o < 0) continue;
      c = o;
    }
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
  // sentence-final attributions ("…, the ministry said."): the clause before the comma, in place of
  // an indirect quote found inside it ("Armenia and Azerbaijan agreed …, the ministry said")
  for (const t of trailingAttributions(doc, quoted, cues)) {
    if (t.sourceless) continue;
    const parts = [t.content, ...(t.rest ? [t.rest] : [])].map((c) => ({ c, r: balancedRange(text, regions, tokens[c.start].start, tokens[c.end - 1].end) }));
    if (parts.some(({ r: [a, b] }) => b <= a || out.some((q) => q.kind !== 'indirect' && q.start < b && a < q.end && q.cueSpan?.start === tokens[t.cue].start))) continue;
    const pick = speakerOfSource(doc, res, t.source, quoted, history);
    if (pick.speaker < 0 || !pick.mention) continue;
    // the cue "according to" is both words, as in the "according to X" quotes below
    const cueWords = /^according$/i.test(tokens[t.cue].text) && /^to$/i.test(tokens[t.cue + 1]?.text ?? '') ? `${tokens[t.cue].text} ${tokens[t.cue + 1].text}` : tokens[t.cue].text;
    const attr: RuleAttr = { speaker: pick.speaker, mention: [pick.mention.start, pick.mention.end], cue: cueWords, conf: Math.min(pick.conf, 0.9), cueTok: t.cue };
    for (const { c, r: [a, b] } of parts) {
      for (let i = out.length - 1; i >= 0; i--) if (out[i].kind === 'indirect' && out[i].start < b && a < out[i].end) out.splice(i, 1);
      let kind: FoundQuote['kind'] = 'indirect';
      for (let k = c.start; k < c.end; k++) if (quoted[k]) kind = 'partial';
      out.push(toQuote(a, b, kind, attr));
    }
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
