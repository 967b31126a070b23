/**
 * Quotes: direct, partial and indirect quotes with their speakers and cue words (DESIGN.md
 * "Quote"; issue 6). Pure function of the annotated text and the resolved actors.
 *
 * A quote is what PolNeAR calls an attribution: words, and also stances and intentions, that the
 * text attributes to a source ("X said …", "according to X", "X called for …", "X believes …").
 *
 * Two finders, combined:
 * 1. The attribution tagger (tagger.ts, features.ts, trained on PolNeAR train by
 *    scripts/train-quotes.ts; models/quotes) tags each paragraph's tokens as source / cue /
 *    content; attributions.ts groups the spans into attributions; speaker.ts names the speaker
 *    from the source span (the head actor mention; a pronoun or "who" resolved to an earlier
 *    compatible actor), or, when the tagger marks no source, from the subject of the cue by rule.
 *    A content span mostly inside quotation marks becomes exactly the quotation. Quotes of one
 *    attribution share `cueSpan` (`"A," she said. "B."`; a quote running over paragraphs).
 * 2. The rules (rules.ts): every quotation (marks.ts) with adjacent attribution patterns
 *    (`"…," X said`, `X said: "…"`, `NAME:` lines, same-paragraph and next-paragraph
 *    continuation, "according to X", pronouns), and cue-verb indirect quotes.
 * With a tagger, the rules add the direct quotes the tagger missed and the speaker of a
 * quotation the tagger left without one; without a tagger (`model: null`), the rules alone run.
 * Both finders read a sentence-final attribution (`…, the ministry said.`, `…, X told
 * parliament.`; rules.ts `trailingAttributions`): the clause before the comma is its content (in
 * place of an attribution nested in the clause, "Armenia agreed …, the ministry said"), also when
 * the tagger tagged only part of that clause. The same function reads the other fixed shapes of
 * reported speech: "As X said, CLAUSE.", "According to X, CLAUSE.", an attribution between commas
 * inside the clause it reports ("A, X said, B.": both halves are the content), one inside a
 * relative clause ("which officials said will …"), and "…," X said, referring to Y (Y is an
 * attribution of its own, the speaker that of the clause the participle modifies).
 * With a tagger, a label line of a headline or summary ("Advisers: Kowalski will rebound in
 * Ohio.") is one attribution whose content is the whole claim after the colon (`withLabelLines`);
 * when its label is an actor, the rules' transcript quote of the line (direct, to the line's end)
 * gives it its kind and end.
 *
 * A definite description as source ("the group said", "the ministry said", "the newspaper
 * reported", "the company said") names the nearest organization or group of that kind named
 * before it (speaker.ts `definiteAntecedent`), not a new actor "the group"; so does "it" resolved
 * to such a bare description (`descriptionAntecedent`). A document as source ("according to the
 * statement") speaks for its issuer named before it, else for no one (sources.ts `issuerOf`).
 * "Their …" after a coordination ("A, B and C …") names all its members as owners
 * (`coordinatedWith`; a quote still has one speaker). A passive of belief or rumour ("many of
 * them believed to be …", "are said to be …") names no speaker but its "by" agent
 * (`raisedPassive`); a negated saying ("did not say what …") is no reported quote
 * (`negatedVerb`, in `reportedSpeech`).
 *
 * Spans: a content span holds whole quotations (marks.ts `balancedRange`: it never ends after an
 * opening mark without the closing one); a quotation resumed after the attribution that interrupts
 * it (`"A," X said, "but b."`) is direct like its first half; a quotation left open at a paragraph
 * end and continued in the next paragraph is one quote (`joinRunOnQuotes`).
 *
 * When neither names a source, the subject of the cue verb (or of the verb governing the content)
 * in the dependency parse (`doc.parse`, `QuoteOptions.parse`) is the source phrase.
 *
 * Speakers beyond the resolved actors: `attributeQuotes` also gives a speaker to a source phrase
 * that names no actor of the resolution ("the spokesman", "Clinton aides", "her advisers", a
 * surname of a person of the text, "Mr. Welch", the named author of a poll or document: "the
 * Monmouth poll", a part of a group: "a number of attendees", a poll or document: "a new poll",
 * a bare quantifier: "some", "others") by building a source actor
 * (sources.ts) and returns the resolution extended by them; `findQuotes` keeps to the actors it
 * was given (speaker -1 and the `sourceMention` for such phrases). "I" or "we" as the source
 * outside quotation marks is the writer of the article (sources.ts `author`).
 *
 * Held-out tenths of train (issue 6) also gave these speaker rules: a cue that is the verb of a
 * relative clause ("Beck, who has in the past described Trump as …") is attributed through "who"
 * and its antecedent (`relativeOfCue`), and a cue opening a sentence the splitter cut after a name
 * ("Sen. Anna Berg (D-Vt.) | defended …") takes its subject from the sentence before
 * (`cutAfterName`; also after a participial phrase, ", facing …, noted", or as a conjoined verb,
 * "called … and accused …", or after a time phrase, "last month joked").
 *
 * More speaker rules from held-out tenths of train (issue 6): the agent of a passive cue is the
 * source ("was asked by the moderator whether …", `passiveAgent`; a means or a gerund after "by"
 * is none), and a passive cue with a "by" agent that the tagger missed is an attribution of its
 * own whose content is the passive subject (`withPassiveAttributions`); a time or a place the
 * tagger took for the source ("on Tuesday", "in Los Angeles") is dropped, so that the rules find
 * the subject (`timeOrPlace`); the antecedent of "who" that is no actor is a source actor ("even
 * his own supporters, who …", "those who …"); a focus adverb before a source phrase ("even",
 * "only") is no part of it.
 *
 * A short (≤ 4 words) paraphrase whose attribution names no source at all is dropped: on PolNeAR
 * train (held-out tenth) such spans were right about one time in five. With a tagger, so is any
 * paraphrase or partial quote with neither a cue nor a source (a content span the tagger tagged
 * alone): right about one time in eight there. A full quotation is kept, with `speaker: null`.
 *
 * Kinds: direct (a full quotation), partial (a quoted fragment inside the reporter's sentence, or
 * a paraphrase with quoted words), indirect (no quotation marks) — `spanKind` in marks.ts.
 * Confidence: the speaker rule's, not a model probability (0.9 named source or adjacent
 * attribution, 0.8 continuation, relative pronoun or passive agent, 0.7 cue subject / "according to" / a body
 * named after its actor / a definite description's antecedent, 0.6–0.7 pronoun, 0.6 a source actor,
 * the writer or "his campaign", 0.5 a pronoun
 * resolved beyond two paragraphs); a speaker below `minConfidence` is not assigned
 * (speaker -1), and a quote without a clear speaker keeps -1 (its `sourceMention` may still name
 * the source phrase, "a senior official").
 *
 * Measured by `npm run eval:quotes` on PolNeAR dev (models/quotes/README.md has the figures).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { DATA_DIR } from '../paths.js';
import type { AnnotatedText } from '../types.js';
import type { QuoteKind } from '../schema.js';
import type { ActorResolution } from '../actors/resolve.js';
import { balancedRange, quoteRegions, regionContent, regionIndex, spanKind, type QuoteRegion } from './marks.js';
import { cueSentences, isCueLemma, tagRanges, writeFeatures } from './features.js';
import { loadTagger, type AttributionTagger } from './tagger.js';
import { assembleAttributions, type TaggedAttribution } from './attributions.js';
import { speakerOfSource, possessedGeneric, resolvePronoun, recordSource, definiteAntecedent, NO_SPEAKER, POSSESSIVE, POSSESSIVE_PRONOUN, type SpeakerHistory, type SpeakerPick } from './speaker.js';
import { ruleHelpers, ruleQuotes, timePhraseBefore, tokenAt, trailingAttributions, type RuleContext, type TrailingAttribution } from './rules.js';
import { SourceActors, issuedDocument } from './sources.js';
import { SteppeError } from '../errors.js';
import { DEFAULT_PARSER_DIR, emptyParse, loadParserModel, parseDocument, parseSentencesInto } from '../nlp/parser/index.js';

/** A quote found in the text (internal form of the contract's quote). Offsets index `doc.text`. */
export interface FoundQuote {
  text: string;
  start: number;
  end: number;
  kind: QuoteKind;
  /** Index into `ActorResolution.actors`, or -1. */
  speaker: number;
  /** The mention of the speaker actor this quote is attributed through (a name or a pronoun); null when speaker is -1. */
  speakerMention: { start: number; end: number } | null;
  cue: string | null;
  /** Confidence of the speaker attribution in [0, 1] (the rule's, see the module doc); 0 when none. */
  confidence: number;
  /** Offsets of the cue occurrence (optional): quotes sharing one cue occurrence form one attribution. */
  cueSpan?: { start: number; end: number } | null;
  /**
   * The span that names the source in the text (optional), also when it is no actor ("a senior
   * official", an unresolved pronoun): equals speakerMention when there is a speaker.
   */
  sourceMention?: { start: number; end: number } | null;
  /** The speaker rule that named the source (speaker.ts `SpeakerPick.rule`: "source", "pronoun-speaker", "source-actor", …), for diagnosis; absent on quotes of the rules. */
  rule?: string;
}

/** Options of quote extraction. */
export interface QuoteOptions {
  /** Below this confidence a speaker is not assigned (default 0.5). */
  minConfidence?: number;
  /** The attribution tagger; default: the model in models/quotes when present; null = rules only. */
  model?: AttributionTagger | null;
  /**
   * The dependency parse of the document: read by a tagger trained with syntax features
   * (`scripts/train-quotes.ts --syntax`, config.json `syntax` ≥ 1, as the committed model is:
   * the whole document is parsed) and for the subject of a cue when no source is tagged; default:
   * `doc.parse()` when the annotator provides it (the pipeline does when models/parser is
   * installed), else, for a syntax tagger, the committed parser's parse (models/parser).
   */
  parse?: TokenParse | null;
}

/** A dependency parse over `doc.tokens`: head token index (-1 root) and UD relation per token. */
export interface TokenParse { head: ArrayLike<number>; relation: string[] }

const CueFile = z.array(z.object({ lemma: z.string(), indirect: z.boolean() }).strict());
/** The kinds of entry of data/quotes/cue-lexicon.yaml (see the file's header); `noun` entries are nouns, the others verbs. */
export const CUE_LEXICON_KINDS = ['speech', 'criticism', 'praise', 'stance', 'cognition', 'emotion', 'intention', 'request', 'noun'] as const;
const LexiconFile = z.object(Object.fromEntries(CUE_LEXICON_KINDS.map((k) => [k, z.array(z.string().regex(/^[a-z-]+$/))])) as Record<(typeof CUE_LEXICON_KINDS)[number], z.ZodArray<z.ZodString>>).strict();

/**
 * The tagger's cue lexicon (data/quotes/cue-lexicon.yaml): per kind, its words as `lemma/POS`
 * keys (`deride/VERB`, `advocacy/NOUN`; features.ts `isCueLemma` reads such keys as the lemma in
 * that part of speech).
 */
export function cueLexicon(): Map<(typeof CUE_LEXICON_KINDS)[number], string[]> {
  const file = LexiconFile.parse(parse(readFileSync(join(DATA_DIR, 'quotes', 'cue-lexicon.yaml'), 'utf8')));
  return new Map(CUE_LEXICON_KINDS.map((k) => [k, file[k].map((w) => `${w}/${k === 'noun' ? 'NOUN' : 'VERB'}`)]));
}

let cueCache: Map<string, boolean> | null = null;
/**
 * Cue words → whether the cue also introduces indirect quotes: the lemmas of data/quotes/cues.yaml
 * (read by the rules and the tagger), and the tagger's lexicon (`cueLexicon`) as `lemma/POS` keys
 * mapped to false, which the rules, looking up bare lemmas, never see. The tagger's cue set is
 * these keys (scripts/train-quotes.ts) plus the cues it learns from the data.
 */
export function cueVerbs(): Map<string, boolean> {
  if (!cueCache) {
    const list = CueFile.parse(parse(readFileSync(join(DATA_DIR, 'quotes', 'cues.yaml'), 'utf8')));
    cueCache = new Map(list.map((c) => [c.lemma, c.indirect]));
    for (const keys of cueLexicon().values()) for (const k of keys) if (!cueCache.has(k.slice(0, k.indexOf('/')))) cueCache.set(k, false);
  }
  return cueCache;
}

let cueSetCache: Set<string> | null = null;
/** The lemmas of data/quotes/cues.yaml as a set (the cue lemmas of a model that lists none). */
function cueLemmaSet(): Set<string> {
  return (cueSetCache ??= new Set(cueVerbs().keys()));
}

/**
 * The parse a tagger with dependency features reads when the caller gives none: the given
 * sentences (all when null) of the document's view (`doc.parseSentences`, `doc.parse`), else of
 * the committed parser (models/parser, loaded once), or null when there is no parser
 * (tagDocument then refuses the document).
 */
function taggerParse(doc: AnnotatedText, sentences: number[] | null): TokenParse | null {
  if (sentences && doc.parseSentences) return doc.parseSentences(sentences);
  if (doc.parse) return doc.parse();
  if (!existsSync(join(DEFAULT_PARSER_DIR, 'config.json'))) return null;
  if (!sentences) return parseDocument(doc, loadParserModel());
  const parse = emptyParse(doc.tokens.length);
  parseSentencesInto(doc, loadParserModel(), parse, sentences);
  return parse;
}

/** The cue lemmas a tagger's features were computed with (data/quotes/cues.yaml for a model that lists none). */
function taggerCues(tagger: AttributionTagger): Set<string> {
  return tagger.cues.size ? tagger.cues : cueLemmaSet();
}

/** Per-document context shared by the finders. */
function context(doc: AnnotatedText, res: ActorResolution): RuleContext & { at: Int32Array } {
  return { doc, res, ...quotedTokens(doc), cues: cueVerbs() };
}

/**
 * The document's quotation-mark regions (marks.ts), the region index of each character (`at`, -1
 * outside any) and a mask of the tokens inside a region's content (`quoted`, 1 inside).
 */
export function quotedTokens(doc: AnnotatedText): { regions: QuoteRegion[]; at: Int32Array; quoted: Uint8Array } {
  const regions = quoteRegions(doc.text, doc.article.paragraphs);
  const at = regionIndex(doc.text, regions);
  const quoted = new Uint8Array(doc.tokens.length);
  doc.tokens.forEach((t, i) => {
    const r = at[t.start];
    if (r >= 0) {
      const [s, e] = regionContent(doc.text, regions[r]);
      quoted[i] = t.start >= s && t.start < Math.max(e, s + 1) ? 1 : 0;
    }
  });
  return { regions, at, quoted };
}

/** Run the tagger over each paragraph (cut at line breaks, features.ts tagRanges); returns a tag index per document token. */
export function tagDocument(doc: AnnotatedText, res: ActorResolution, tagger: AttributionTagger, regions: QuoteRegion[], at: Int32Array, parse: TokenParse | null = null): Uint8Array {
  if (tagger.syntax && !parse) {
    throw new SteppeError('E_BAD_INPUT', doc.article.source, 'the quote model was trained with syntax features and needs a dependency parse (doc.parse or QuoteOptions.parse); load the parser or retrain the quote model without --syntax');
  }
  // features are hashed as they are written (no feature strings; same tags as tokenFeatures + predict)
  const sink = tagger.emissionSink(doc.tokens.length);
  writeFeatures(doc, res, regions, at, taggerCues(tagger), tagger.syntax ? parse : null, sink, tagger.syntax, tagger.syntaxCueSentences);
  return tagger.decode(sink, tagRanges(doc));
}

/** The cue word of a cue span: "according to", a lone colon, or the span's last verb. */
function cueText(doc: AnnotatedText, span: { start: number; end: number }): string {
  const toks = doc.tokens.slice(span.start, span.end);
  const low = toks.map((t) => t.text.toLowerCase());
  const acc = low.indexOf('according');
  if (acc >= 0 && low[acc + 1] === 'to') return `${toks[acc].text} ${toks[acc + 1].text}`;
  const verbs = toks.filter((t) => t.pos === 'VERB' && /\p{L}/u.test(t.text));
  if (verbs.length) return verbs[verbs.length - 1].text;
  const words = toks.filter((t) => /\p{L}/u.test(t.text));
  if (words.length) return words.map((t) => t.text).join(' ');
  return toks.map((t) => t.text).join('');
}

/** Char range of a content span: the whole quotation when its words lie inside one, else trimmed of edge punctuation. */
function contentRange(ctx: ReturnType<typeof context>, s: number, e: number): [number, number] {
  const { doc, regions, at } = ctx;
  const { text, tokens } = doc;
  let start = tokens[s].start;
  let end = tokens[e - 1].end;
  // words inside quotation marks
  let words = 0;
  const inRegion = new Map<number, number>();
  const re = /[\p{L}\p{N}]+/gu;
  re.lastIndex = start;
  for (let m = re.exec(text); m && m.index < end; m = re.exec(text)) {
    words++;
    const r = at[m.index];
    if (r >= 0) inRegion.set(r, (inRegion.get(r) ?? 0) + 1);
  }
  if (inRegion.size === 1) {
    const [r, n] = [...inRegion][0];
    if (n / Math.max(1, words) >= 0.8) return regionContent(text, regions[r]);
  }
  const trimmable = /[\s,;:—–-]/;
  while (end > start && trimmable.test(text[end - 1])) end--;
  while (start < end && /[\s,;:—–-]/.test(text[start])) start++;
  // an unmatched mark at either edge
  const opens = (x: string) => /["“„«]/.test(x);
  const closes = (x: string) => /["”»]/.test(x);
  const inner = text.slice(start, end);
  if (opens(text[start]) && ![...inner.slice(1)].some((c) => closes(c) || c === '"')) start++;
  if (closes(text[end - 1]) && ![...text.slice(start, end - 1)].some((c) => opens(c) || c === '"')) end--;
  while (end > start && trimmable.test(text[end - 1])) end--;
  return balancedRange(text, regions, start, end);
}

/** Quotes from the tagger's attributions (see the module doc). */
function modelQuotes(ctx: ReturnType<typeof context>, tagger: AttributionTagger, minConf: number, parse: TokenParse | null, srcActors: SourceActors, syntax: (sentences: number[]) => TokenParse | null, ruleSources: SpeakerHistory = []): FoundQuote[] {
  const { doc, regions, at, quoted } = ctx;
  // speakers are resolved against the resolution extended by the source actors (sources.ts);
  // the tagger's features read the original one, as in training
  const res = srcActors.res;
  const { tokens, text } = doc;
  const tags = tagDocument(doc, ctx.res, tagger, regions, at, tagger.syntax ? parse : null);
  const atts0: TaggedAttribution[] = withTrailingAttributions(doc, assembleAttributions(doc, tags), trailingAttributions(doc, quoted, ctx.cues));
  const cueLemmas = taggerCues(tagger);
  const atts1 = withLabelLines(doc, ctx.res, atts0, quoted);
  const atts = parse ? withPassiveAttributions(doc, ctx.res, atts1, parse, quoted, cueLemmas) : atts1;
  // the sources the rules found are sources for later pronouns too, also where the tagger missed
  // their quote ("The minister told reporters that …. "…," he said.")
  const history: SpeakerHistory = [...ruleSources].sort((x, y) => x.token - y.token);
  const h = ruleHelpers({ ...ctx, res }, history);
  const out: FoundQuote[] = [];
  for (const a0 of atts) {
    // "said in a statement carried by X": the participle modifies the statement, no part of the cue
    const a = a0.cue ? { ...a0, cue: withoutParticipleModifier(doc, a0.cue, quoted) } : a0;
    // "…, a charge X denied": the clause before is the allegation's, not what X said
    const allegation = a.cue ? allegationRelative(doc, a.cue, quoted) : -1;
    if (allegation >= 0) a.contents = a.contents.filter((c) => c.start > allegation);
    if (allegation >= 0 && !a.contents.length) continue;
    // "The bloc ended its mission in July, and the EU said it would …": a clause joined by "and" or
    // "but" right before the source of a cue that has its own complement is narration, not what the
    // source said (the conjunction ends the clause, or follows it, and the source comes after it)
    if (a.cue && a.contents.some((c) => c.start >= a.cue!.end)) {
      const cue = a.cue;
      const joined = (c: (typeof a.contents)[number]): boolean => {
        if (c.end > cue.start) return false;
        let j = cue.start - 1;
        while (j > c.start && !(tokens[j].pos === 'CCONJ' && /^(?:and|but)$/i.test(tokens[j].text))) j--;
        if (!(j > c.start && j >= c.end - 4)) return false;
        // (a source after the conjunction: tagged, or an actor the tagger took into the content)
        for (let x = j + 1; x < cue.start; x++) if (res.actorAtToken[x] >= 0 || a.sources.some((y) => y.start <= x && x < y.end)) return true;
        return false;
      };
      a.contents = a.contents.filter((c) => !joined(c));
    }
    // a cue span must hold a verb, a cue word or a colon ("a freight rail" is no cue)
    if (a.cue) {
      const toks = tokens.slice(a.cue.start, a.cue.end);
      if (!toks.some((t) => t.pos === 'VERB' || t.pos === 'AUX' || t.text === ':' || isCueLemma(cueLemmas, t.lemma, t.pos))) continue;
    }
    let pick: SpeakerPick = NO_SPEAKER;
    // "many of them believed to be …", "The fighters are said to be …": nobody named says it (only
    // a "by" agent, below)
    const raised = !!a.cue && raisedPassive(doc, a.cue, quoted);
    // the source nearest to the cue first
    // a time or a place the tagger took for the source ("said on Tuesday", "Saturday", "last
    // month", "said in Los Angeles, recalling …") is none: the rules below look for the subject
    const sources0 = a.sources.filter((x) => !raised && !timeOrPlace(doc, x)).map((x) => withoutAgentModifier(doc, x, a.cue, quoted)).sort((x, y) => (a.cue ? Math.abs(x.start - a.cue.start) - Math.abs(y.start - a.cue.start) : 0));
    // a source phrase inside the attribution's own content ("X aired her concerns …, according to a
    // source on the call") is the subject of the reported clause, not its source, when the
    // tagger also tagged one outside it
    const insideOwn = (x: { start: number; end: number }) => a.contents.some((c) => c.start <= x.start && x.end <= c.end);
    const sources = sources0.some((x) => !insideOwn(x)) ? sources0.filter((x) => !insideOwn(x)) : sources0;
    for (const s of sources) {
      const p = speakerOfSource(doc, res, s, quoted, history);
      if (p.speaker >= 0 || (pick.speaker < 0 && !pick.mention)) pick = p;
      if (p.speaker >= 0) break;
    }
    if (pick.speaker < 0 && !pick.mention && a.cue && !raised) {
      // no source tagged: the cue's subject, or "said X" after it, by rule
      const c = a.cue.start;
      const sentence = tokens[c].sentence;
      let r = h.subjectBefore(c, sentence);
      if (r.speaker < 0) r = h.after(c, sentence);
      if (r.speaker < 0 && tokens[c].text.toLowerCase() === 'according') r = h.accordingTo(sentence);
      if (r.speaker < 0 && cutAfterName(doc, c)) r = h.subjectBefore(doc.sentences[sentence].tokenStart, sentence - 1);
      if (r.speaker >= 0 && r.mention) pick = { speaker: r.speaker, mention: { start: r.mention[0], end: r.mention[1] }, conf: Math.min(r.conf, 0.7), rule: 'cue-subject' };
    }
    const tree = pick.speaker < 0 && !pick.mention && !raised
      ? syntax([...(a.cue ? [tokens[a.cue.start].sentence] : []), ...(a.contents.length ? [tokens[a.contents[0].start].sentence] : [])])
      : null;
    if (pick.speaker < 0 && !pick.mention && tree) {
      // the subject of the cue verb in the dependency parse ("The two candidates said …", "she
      // told …"); with no cue (or no subject of it), of the verb that governs the content
      let subj = a.cue ? cueSubject(doc, tree, a.cue, quoted) : null;
      const gov = !subj && a.contents.length ? governor(tree, a.contents[0]) : -1;
      if (gov >= 0 && !quoted[gov] && tokens[gov].pos === 'VERB') subj = cueSubject(doc, tree, { start: gov, end: gov + 1 }, quoted);
      // the place of a dateline read as the subject ("City (AFP) – Vice President X on Monday
      // toured …"): the names after the dash
      const d = subj ? datelineEnd(doc, subj) : -1;
      if (d >= 0) {
        let e = d;
        while (e < tokens.length && tokens[e].sentence === tokens[d].sentence && (/^(?:PROPN|NOUN)$/.test(tokens[e].pos) || res.actorAtToken[e] >= 0)) e++;
        subj = e > d ? { start: d, end: e } : null;
      }
      if (subj) {
        const p = speakerOfSource(doc, res, subj, quoted, history);
        if (p.mention) pick = { ...p, conf: Math.min(p.conf, 0.7), rule: p.speaker >= 0 ? 'cue-subject-parse' : p.rule };
      }
    }
    if (pick.speaker < 0 && !pick.mention && a.cue && !raised) {
      // a name that is no actor right before the cue ("Crowley said")
      let k = a.cue.start - 1;
      while (k >= 0 && tokens[k].pos === 'ADV' && tokens[k].sentence === tokens[a.cue.start].sentence) k--;
      if (k >= 0 && tokens[k].pos === 'PROPN' && !quoted[k] && tokens[k].sentence === tokens[a.cue.start].sentence) {
        let s = k;
        while (s > 0 && tokens[s - 1].pos === 'PROPN' && tokens[s - 1].sentence === tokens[k].sentence && !quoted[s - 1]) s--;
        pick = { speaker: -1, mention: { start: s, end: k + 1 }, conf: 0, rule: 'cue-name' };
      }
    }
    if (pick.mention && pick.rule !== 'pronoun-unresolved') {
      // "the group said", "the ministry said": the organization of that kind named before (speaker.ts)
      const ante = definiteAntecedent(doc, res, pick.mention, quoted);
      if (ante >= 0) pick = { ...pick, speaker: ante, conf: DEFINITE_CONF, rule: 'definite' };
      else if (pick.speaker >= 0 && pick.rule.startsWith('pronoun')) {
        // "it" resolved to a bare description ("The company had resumed work …, it said"): the body
        // that description names before it (a first-time user's report)
        const d = descriptionAntecedent(doc, res, pick.speaker, pick.mention.start, quoted);
        if (d >= 0) pick = { ...pick, speaker: d };
      }
    }
    if (pick.speaker < 0 && pick.mention && pick.rule !== 'pronoun-unresolved') {
      // a source phrase that is no resolved actor: a source actor (sources.ts)
      const actor = sourceActorOf(doc, srcActors, pick.mention, quoted, history);
      if (actor >= 0) pick = { ...pick, speaker: actor, conf: SOURCE_ACTOR_CONF, rule: 'source-actor' };
    }
    if (pick.speaker < 0 && pick.mention && pick.rule === 'pronoun-unresolved' && FIRST_PERSON_WRITER.test(tokens[pick.mention.start].text) && !quoted[pick.mention.start]) {
      // "I think …" outside quotation marks: the writer (sources.ts `author`)
      pick = { ...pick, speaker: srcActors.author(pick.mention), conf: AUTHOR_CONF, rule: 'author' };
    } else if (pick.speaker < 0 && pick.mention && pick.rule === 'pronoun-unresolved' && SECOND_PERSON.test(tokens[pick.mention.start].text) && !quoted[pick.mention.start]) {
      // "If you prefer …", "Q: Do you think …" outside quotation marks: the one addressed
      pick = { ...pick, speaker: srcActors.addressee(pick.mention), conf: AUTHOR_CONF, rule: 'addressee' };
    }
    if (a.cue && !raised && !(pick.mention && pick.mention.end - pick.mention.start === 1 && /^who$/i.test(tokens[pick.mention.start].text))) {
      // "Beck, who has in the past described Trump as …": the cue is the verb of a relative
      // clause, so the attribution goes through "who" and its antecedent: the actor named before
      // it (speaker.ts, over an apposition), but a common noun right before it is the antecedent
      // itself, a source actor ("his own supporters, who are offering …")
      const who = relativeOfCue(doc, a.cue.start, quoted);
      if (who >= 0) {
        const before = who - (tokens[who - 1]?.text === ',' ? 2 : 1);
        const p = before >= 0 && (res.actorAtToken[before] >= 0 && !possessedGeneric(doc, res, before) || res.actorAtToken[before] < 0 && tokens[before].pos !== 'NOUN') ? speakerOfSource(doc, res, { start: who, end: who + 1 }, quoted, history) : NO_SPEAKER;
        pick = p.speaker >= 0 ? p : { speaker: -1, mention: { start: who, end: who + 1 }, conf: 0, rule: 'source-unresolved' };
        if (p.speaker < 0) {
          // the antecedent that is no actor: a source actor built from it ("his own supporters, who
          // are offering …", "those who view …"; sourceActorOf)
          const actor = sourceActorOf(doc, srcActors, pick.mention!, quoted, history);
          if (actor >= 0) pick = { ...pick, speaker: actor, conf: SOURCE_ACTOR_CONF, rule: 'source-actor' };
        }
      }
    }
    if (pick.mention && a.cue && colonCue(doc, a.cue)) {
      // "X heckles Y's supporters: '…'", "X delivered a blunt message to Y: '…'",
      // "X on Y: '…'": the phrase before a colon is the object; the speaker is the phrase that
      // opens the sentence (an actor, else a source actor built from it)
      const m = openingPhrase(doc, res, pick.mention, quoted);
      if (m) {
        let p = speakerOfSource(doc, res, m, quoted, history);
        if (p.speaker < 0 && p.mention && p.rule !== 'pronoun-unresolved') {
          const actor = sourceActorOf(doc, srcActors, p.mention, quoted, history);
          if (actor >= 0) p = { ...p, speaker: actor, conf: SOURCE_ACTOR_CONF, rule: 'source-actor' };
        }
        if (p.speaker >= 0) pick = p;
      }
    }
    // "Rubio was asked by the moderator whether …", "the plan, first reported by the Post, …": the
    // agent of a passive cue is the source, not the subject the tagger or the rules took
    const agent = a.cue ? passiveAgent(doc, res, a.cue, quoted) : null;
    if (agent && !(pick.mention && pick.mention.start < agent.end && agent.start < pick.mention.end)) {
      let p = speakerOfSource(doc, res, agent, quoted, history);
      if (p.speaker < 0 && p.mention) {
        const ante = definiteAntecedent(doc, res, p.mention, quoted);
        const actor = ante >= 0 ? ante : sourceActorOf(doc, srcActors, p.mention, quoted, history);
        if (actor >= 0) p = { ...p, speaker: actor, conf: ante >= 0 ? DEFINITE_CONF : SOURCE_ACTOR_CONF };
      }
      if (p.mention) pick = { ...p, conf: Math.min(p.conf, 0.8), rule: 'passive-agent' };
    }
    if (a.cue && parse && noClauseCue(doc, a.cue, a.contents, quoted, parse)) continue;
    const speaker = pick.speaker >= 0 && pick.conf >= minConf ? pick.speaker : -1;
    const source = pick.mention ? { start: tokens[pick.mention.start].start, end: tokens[pick.mention.end - 1].end } : null;
    const mention = speaker >= 0 ? source : null;
    // (a document that names no issuer is no one: it does not block a later pronoun)
    if (pick.mention && !(speaker < 0 && issuedDocument(doc, pick.mention))) recordSource(doc, history, pick.mention, speaker);
    const cue = a.cue ? cueText(doc, a.cue) : null;
    const cueSpan = a.cue ? { start: tokens[a.cue.start].start, end: tokens[a.cue.end - 1].end } : null;
    const seen = new Set<string>();
    // each content, and the speaker's own act conjoined to the cue as an attribution of its own
    // with the same source ("… and called Poland 'a partner'": cue "called")
    const parts: Array<{ c: { start: number; end: number }; cue: string | null; cueSpan: typeof cueSpan }> = [];
    for (const c00 of a.contents) {
      const c0 = throughClause(doc, c00, a.cue, quoted, tags, parse);
      const { span, act } = withoutOwnAction(doc, withAsComplement(doc, withoutWhichClause(doc, c0, quoted), a.cue, quoted), a.cue, quoted, parse);
      parts.push({ c: span, cue, cueSpan });
      if (act >= 0) parts.push({ c: { start: act + 1, end: c0.end }, cue: tokens[act].text, cueSpan: { start: tokens[act].start, end: tokens[act].end } });
    }
    for (const { c, cue, cueSpan } of parts) {
      const [start, end] = contentRange(ctx, c.start, c.end);
      if (end <= start || seen.has(`${start}:${end}`)) continue;
      seen.add(`${start}:${end}`);
      const kind = spanKind(text, doc.article.paragraphs, regions, at, [[start, end]]);
      // a short paraphrase with no source at all is more often a tagging slip than a quote
      // (the subject of a raised passive is part of what is said: "The bank … is expected to act")
      if (!source && !raised && kind === 'indirect' && (text.slice(start, end).match(/[\p{L}\p{N}]+/gu)?.length ?? 0) <= 4) continue;
      out.push({
        text: text.slice(start, end), start, end, kind, speaker, speakerMention: mention, cue,
        confidence: speaker >= 0 ? pick.conf : 0, cueSpan, sourceMention: source, rule: pick.rule,
      });
    }
  }
  return out;
}

/**
 * A cue span (token range) cut before a past participle that modifies a noun inside it ("said in a
 * statement carried by the Tasnim news agency" → "said in a statement"; a first-time user's
 * report): the participle's "by" phrase names the outlet, neither the cue's verb nor the source.
 * The span must hold a verb before the noun; otherwise it is returned unchanged.
 */
function withoutParticipleModifier(doc: AnnotatedText, cue: { start: number; end: number }, quoted: Uint8Array): { start: number; end: number } {
  const { tokens } = doc;
  for (let k = cue.start + 2; k < cue.end; k++) {
    const t = tokens[k];
    if (t.pos !== 'VERB' || quoted[k] || !/^\p{Ll}+(?:ed|en|wn|ne)$/u.test(t.text) || tokens[k - 1].pos !== 'NOUN') continue;
    for (let j = cue.start; j < k - 1; j++) if (tokens[j].pos === 'VERB') return { start: cue.start, end: k };
    return cue;
  }
  return cue;
}

/** Nouns of a charge or claim that a relative clause can deny ("a charge Caracas denied"). */
const ALLEGATION_NOUN = /^(?:accusation|allegation|claim|charge|assertion|suggestion|report|rumou?r)s?$/i;

/**
 * Whether a cue is the verb of a relative clause on a noun of a charge or claim after a comma
 * ("…, a charge Caracas denied.", "…, an accusation that Moscow has rejected", "…, claims the
 * ministry dismissed"; a first-time user's report): the clause before the comma is the charge,
 * not the content of the denial. Returns the comma's token (contents after it may still be the
 * cue's), or -1. Between the noun and the cue: "that"/"which", then a source of names, nouns and
 * determiners (at most six tokens), then auxiliaries or adverbs.
 */
function allegationRelative(doc: AnnotatedText, cue: { start: number; end: number }, quoted: Uint8Array): number {
  const { tokens } = doc;
  let k = cue.start - 1;
  const sentence = tokens[cue.start].sentence;
  const inSentence = (j: number) => j >= 0 && tokens[j].sentence === sentence && !quoted[j];
  while (inSentence(k) && /^(?:AUX|ADV|PART)$/.test(tokens[k].pos)) k--;
  const end = k;
  while (inSentence(k) && end - k < 6 && /^(?:PROPN|NOUN|DET|ADJ)$/.test(tokens[k].pos) && !ALLEGATION_NOUN.test(tokens[k].text) || inSentence(k) && POSSESSIVE.has(tokens[k].text)) k--;
  if (k === end || !inSentence(k)) return -1;
  if (/^(?:that|which)$/i.test(tokens[k].text)) k--;
  if (!inSentence(k) || !ALLEGATION_NOUN.test(tokens[k].text) || tokens[k].pos !== 'NOUN') return -1;
  k--;
  while (inSentence(k) && tokens[k].pos === 'ADJ') k--;
  if (inSentence(k) && /^(?:a|an|the|this|that|these|those)$/i.test(tokens[k].text)) k--;
  return inSentence(k) && tokens[k].text === ',' ? k : -1;
}

/**
 * Whether a cue span (token range) is a colon alone, with no word in it ("X on Y: '…'"), as the
 * tagger tags the cue of a headline quotation; `openingPhrase` then looks for its speaker.
 */
export function colonCue(doc: AnnotatedText, cue: { start: number; end: number }): boolean {
  const { tokens } = doc;
  for (let k = cue.start; k < cue.end; k++) if (tokens[k].text !== ':' && /[\p{L}\p{N}]/u.test(tokens[k].text)) return false;
  return tokens.slice(cue.start, cue.end).some((t) => t.text === ':');
}

/**
 * The phrase that opens the sentence of the source phrase `source` (token spans in and out; a
 * run of actor mentions, names and nouns: "Senate Leader Karl Jensen", "Party Chairman"), when
 * `source` comes after it as an object or complement: the phrase is followed by a verb or a
 * preposition ("X heckles Y's supporters:", "Party Chairman on Y:", "X delivered a blunt
 * message to Y:"), possibly after an apposition between commas ("X, R-Ky., delivered …"),
 * with no dash, semicolon, colon or quotation between it and `source`; else null. For a colon
 * cue (`colonCue`): in headlines and leads of PolNeAR train (held-out tenths 0, 3, 5) the tagger
 * took the phrase before the colon for the source.
 */
export function openingPhrase(doc: AnnotatedText, res: ActorResolution, source: { start: number; end: number }, quoted: Uint8Array): { start: number; end: number } | null {
  const { tokens } = doc;
  const s0 = doc.sentences[tokens[source.start].sentence].tokenStart;
  if (quoted[s0] || source.start <= s0) return null;
  // names, nouns and actor mentions ("Senate Leader Karl Jensen", "Party Chairman")
  const part = (k: number) => res.actorAtToken[k] >= 0 || /^(?:PROPN|NOUN)$/.test(tokens[k].pos) || tokens[k].text === '.' && k > s0 && /^\p{Lu}/u.test(tokens[k - 1].text);
  if (!part(s0)) return null;
  let e = s0 + 1;
  while (e < source.start && part(e)) e++;
  if (e >= source.start) return null;
  let k = e;
  if (tokens[k].text === ',') {
    // an apposition or a party label between commas
    k++;
    while (k < source.start && tokens[k].text !== ',' && k - e <= 8) k++;
    if (tokens[k]?.text !== ',') return null;
    k++;
  }
  if (k >= source.start || !/^(?:VERB|ADP|AUX)$/.test(tokens[k].pos)) return null;
  // a dash or a semicolon closes the sentence's first part ("Estimates … are unreliable - X:")
  for (let j = k; j < source.start; j++) if (quoted[j] || /^(?:[;:—–]|-{1,2})$/.test(tokens[j].text)) return null;
  return { start: s0, end: e };
}

/** Verbs of regarding whose object takes an "as" complement ("see X as Y", "cast X as Y"). */
const AS_VERBS = /^(?:see|view|regard|portray|paint|cast|describe|depict|characterize|characterise|brand|label|frame|present|perceive|consider|dismiss|tout|hail|praise|criticize|attack|denounce)$/;

/**
 * A content that is the object of a verb of regarding and stops right before "as" ("voters
 * see [X] as an agent of change", "who see [Y] as the candidate …"): PolNeAR
 * annotates the object and its "as" complement as one content, up to the next comma, semicolon,
 * dash or the sentence end outside quotation marks (held-out tenths 0, 3, 5 of train). Token
 * span in, token span out; other contents are returned unchanged.
 */
function withAsComplement(doc: AnnotatedText, span: { start: number; end: number }, cue: { start: number; end: number } | null, quoted: Uint8Array): { start: number; end: number } {
  const { tokens } = doc;
  const e = span.end;
  if (!cue || e >= tokens.length || quoted[e] || !/^as$/i.test(tokens[e].text) || cue.end > span.start) return span;
  if (!tokens.slice(cue.start, cue.end).some((t) => t.pos === 'VERB' && AS_VERBS.test(t.lemma.toLowerCase()))) return span;
  // "as" opening a clause ("praising X as he promised …") is a conjunction, no complement
  for (let k = e + 1; k <= e + 2 && k < tokens.length; k++) if (/^(?:PRON|VERB|AUX|SCONJ)$/.test(tokens[k].pos) && !/^(?:both|either|one)$/i.test(tokens[k].text)) return span;
  const sentence = tokens[e].sentence;
  let z = e + 1;
  while (z < tokens.length && tokens[z].sentence === sentence && !(!quoted[z] && /^(?:[,;.!?:—–]|-{1,2})$/.test(tokens[z].text))) z++;
  return z > e + 1 ? { start: span.start, end: z } : span;
}

/** Participles whose "by" agent leads, backs or accompanies the phrase they modify, which speaks for itself. */
const LED_BY = /^(?:led|headed|chaired|run|founded|commanded|backed|supported|funded|sponsored|controlled|owned|joined|accompanied|flanked)$/i;
/** Participles whose "by" agent only saw or cited a document, of which it is no author. */
const SEEN_BY = /^(?:seen|obtained|reviewed|viewed|read|received|acquired|examined|cited|quoted|heard)$/i;

/**
 * A source span (token range) without the agent of a participle that modifies the source (a
 * first-time user's report, issue 6): "a letter seen by Reuters" → "a letter" (Reuters saw the
 * letter, it did not write it); and a span that is only that agent, set between commas after the
 * phrase it modifies, gives way to that phrase ("The RSF, led by X, said" → "The RSF"; X leads the
 * speaker). Only the participles of `LED_BY` and `SEEN_BY` (an author's "written by", "conducted
 * by" keeps its agent), never the cue itself (a passive cue's agent is its speaker). Returns the
 * span itself when neither applies.
 */
function withoutAgentModifier(doc: AnnotatedText, span: { start: number; end: number }, cue: { start: number; end: number } | null, quoted: Uint8Array): { start: number; end: number } {
  const { tokens } = doc;
  const modifier = (k: number) => !quoted[k] && !(cue && cue.start <= k && k < cue.end) && /^\p{Ll}/u.test(tokens[k].text) &&
    (LED_BY.test(tokens[k].text) || SEEN_BY.test(tokens[k].text)) && /^by$/i.test(tokens[k + 1]?.text ?? '');
  // the participle inside the span, after the noun it modifies (or a comma after it)
  for (let k = span.start + 1; k + 1 < span.end; k++) {
    if (!modifier(k) || !/^(?:NOUN|PROPN)$/.test(tokens[k - 1].pos) && tokens[k - 1].text !== ',') continue;
    let e = k;
    while (e > span.start && tokens[e - 1].text === ',') e--;
    return e > span.start ? { start: span.start, end: e } : span;
  }
  // the span is the agent: ", led by X," after the phrase
  const p = span.start - 2;
  if (p < 2 || !modifier(p) || tokens[p - 1].text !== ',' || quoted[p - 1]) return span;
  const sent = tokens[p].sentence;
  const end = p - 1;
  let s = end;
  while (s > 0 && end - s < 8 && tokens[s - 1].sentence === sent && !quoted[s - 1] && /^(?:DET|ADJ|NOUN|PROPN|NUM|PART)$/.test(tokens[s - 1].pos)) s--;
  return s < end && /^(?:NOUN|PROPN)$/.test(tokens[end - 1].pos) ? { start: s, end } : span;
}

/**
 * The tagger's attributions with the sentence-final attributions (`…, the ministry said.`; rules.ts
 * `trailingAttributions`) the tagger left without their content: the clause before the comma
 * becomes the content of the reporting verb's attribution (a new one with the rule's source when
 * the tagger made none), and leaves any other attribution that held part of it, also one whose
 * cue lies in the clause ("Armenia and Azerbaijan agreed …, the ministry said": the ministry
 * reports the agreement). An attribution whose cue is the reporting verb and that already holds
 * content in the clause keeps its content as the tagger made it, but takes the rule's source in
 * place of any source phrase the tagger tagged inside the reported clause ("Former Mayor X, Novak
 * said, had been …": X; held-out tenths 0, 3, 5 of train). Token spans in and out; returns new
 * attributions (the input is not changed) in text order.
 */
export function withTrailingAttributions(doc: AnnotatedText, atts: TaggedAttribution[], trailing: TrailingAttribution[]): TaggedAttribution[] {
  if (!trailing.length) return atts;
  const overlaps = (x: { start: number; end: number }, y: { start: number; end: number }) => x.start < y.end && y.start < x.end;
  const out = atts.map((a) => ({ ...a, sources: [...a.sources], contents: [...a.contents] }));
  for (const t of trailing) {
    let own = out.find((a) => a.cue && a.cue.start <= t.cue && t.cue < a.cue.end);
    // an interrupted clause's attribution holds its two parts and no other content of the sentence
    // ("The policy changes … which" of "The policy changes, which officials said will …")
    if (own && t.rest) {
      const lo = Math.min(t.content.start, t.rest.start), hi = Math.max(t.content.end, t.rest.end);
      const sentence = (x: { start: number }) => x.start >= lo - 40 && x.start < hi;
      own.contents = own.contents.filter((x) => !sentence(x) || overlaps(x, t.content) || overlaps(x, t.rest!));
    }
    // "…, said X, a professor at …": the source's appositions are no content of it
    for (const a of t.clear ? out : []) a.contents = a.contents.filter((x) => !overlaps(x, t.clear!));
    // each part: the clause before the comma, and the rest of an interrupted clause ("A, X said, B.")
    if (own && t.sourceless) {
      // a reference ("…," X said, referring to Y) holds Y alone: the tagger's other contents of its
      // cue go to the attribution of the cue before it in the paragraph (the quotation's "said"),
      // except a phrase after Y in its sentence (Y's apposition)
      const sent = doc.sentences[doc.tokens[t.cue].sentence];
      const prev = out.filter((a) => a !== own && a.cue && a.cue.end <= t.cue && doc.sentences[doc.tokens[a.cue.start].sentence].paragraph === sent.paragraph).pop();
      for (const x of own.contents) {
        if (overlaps(x, t.content) || x.start >= t.content.end && x.start < sent.tokenEnd) continue;
        if (prev) prev.contents.push(x);
      }
      own.contents = own.contents.filter((x) => overlaps(x, t.content));
      if (prev) prev.contents.sort((x, y) => x.start - y.start);
      if (own.cue && t.cueEnd) own.cue = { start: Math.min(own.cue.start, t.cue), end: Math.max(own.cue.end, t.cueEnd) };
    }
    if (own && !t.sourceless) {
      // the rule's source is the reporting verb's: a phrase the tagger took for the source inside
      // the reported clause ("Vice President X, Rubio said, had been …": X; "…, according to a
      // source on the call": the clause's subject) is none
      const inClause = (x: { start: number; end: number }) => overlaps(x, t.content) || !!t.rest && overlaps(x, t.rest);
      own.sources = own.sources.filter((x) => !inClause(x));
      if (!own.sources.some((x) => overlaps(x, t.source))) own.sources.unshift(t.source);
    }
    for (const part of [t.content, ...(t.rest ? [t.rest] : [])]) {
      if (own && own.contents.some((x) => overlaps(x, part))) {
        own.contents = own.contents.map((x) => (x.start >= part.start && x.end <= part.end ? { ...part } : x));
        continue;
      }
      for (const a of out) if (a !== own) a.contents = a.contents.filter((x) => !overlaps(x, part));
      if (own) {
        own.contents.push(part);
        if (!own.sources.length && !t.sourceless) own.sources.push(t.source);
      } else {
        own = { cue: { start: t.cue, end: t.cueEnd ?? t.cue + 1 }, sources: t.sourceless ? [] : [t.source], contents: [part] };
        out.push(own);
      }
    }
    // the same span once (a tagged content the part replaced)
    if (own) own.contents = own.contents.filter((x, i, all) => all.findIndex((y) => y.start === x.start && y.end === x.end) === i).sort((x, y) => x.start - y.start);
  }
  return out.filter((a) => a.contents.length).sort((a, b) => a.contents[0].start - b.contents[0].start);
}

/** Parts of speech of the words of a label before a colon ("WSJ editorial:", "Democrats' new warning:", "Clinton to Planned Parenthood:"). */
const LABEL_POS = /^(?:PROPN|NOUN|ADJ|DET|ADP|NUM|CCONJ|PART)$/;
/** Words of a page's own labels, which name no source ("Editor's note:", "Correction:", "Related:", "Watch:", a live page's "The Latest:"). */
const PAGE_LABEL = /^(?:latest|note|notes|update|updated|updates|correction|clarification|related|read|more|watch|video|videos|photo|photos|image|images|source|sources|byline|advertisement|editor|breaking|live|listen|subscribe|share|recommended|transcript)$/i;
/** The longest label (tokens before the colon) and the longest claim (words) of a label line. */
const LABEL_MAX_TOKENS = 5;
const LABEL_CLAIM_MAX_WORDS = 20;

/**
 * The tagger's attributions with the label lines of headlines and summaries read whole ("Insiders:
 * Trump will rebound in Ohio.", "WSJ editorial: 'Deport the governor.'", "Senator Lee: Taxes must
 * fall"): a line (features.ts `tagRanges`: a paragraph cut at line breaks) that opens, outside
 * quotation marks and in upper case, with a label of at most LABEL_MAX_TOKENS tokens — names,
 * nouns, adjectives, determiners, prepositions or actor mentions (no verb, no pronoun), with a
 * name or an actor among them and no word of the page's own labels (`PAGE_LABEL`: "Editor's
 * note", "Correction", "The Latest") — then a colon, then one sentence of three to
 * LABEL_CLAIM_MAX_WORDS words (no sentence end or semicolon before its last token). The label is
 * the source, the colon the cue and the whole rest of the line the content: it replaces the
 * contents the tagger gave the colon (often one word of the claim, "Insiders: [Trump] will …") and
 * any other content inside the claim (a content that runs on into the next lines keeps its part
 * there), also when the claim reports another's words ("Senator Lee: Ann thinks taxes must fall":
 * PolNeAR gives the whole claim to the label). A one-letter label ("Q:", "A:" of an interview) is
 * left alone: PolNeAR annotates interview transcripts either as one attribution per answer or
 * clause by clause. A longer line after a label is a section heading ("Superdelegates: Clinton is
 * backed by …"), no claim. Held-out tenths 0, 3 and 5 of PolNeAR train: every gold attribution
 * with a colon cue after a label at a line start (41) took the whole rest of the line as its
 * content; the tagger matched 16 of them. Token spans in and out; returns new attributions (the
 * input is not changed) in text order.
 */
export function withLabelLines(doc: AnnotatedText, res: ActorResolution, atts: TaggedAttribution[], quoted: Uint8Array): TaggedAttribution[] {
  const { tokens } = doc;
  let out: TaggedAttribution[] | null = null;
  for (const [i, j] of tagRanges(doc)) {
    if (quoted[i] || !/^\p{Lu}/u.test(tokens[i].text)) continue;
    let c = i;
    let named = false;
    while (c < j && c - i < LABEL_MAX_TOKENS && tokens[c].text !== ':' && !quoted[c] && !PAGE_LABEL.test(tokens[c].text) &&
      (LABEL_POS.test(tokens[c].pos) || res.actorAtToken[c] >= 0 || POSSESSIVE.has(tokens[c].text))) {
      if (tokens[c].pos === 'PROPN' || res.actorAtToken[c] >= 0) named = true;
      c++;
    }
    if (c >= j || c === i || tokens[c].text !== ':' || quoted[c] || !named || c === i + 1 && tokens[i].text.length === 1) continue;
    // the claim: the rest of the line without its closing punctuation, one sentence
    let e = j;
    while (e > c + 1 && tokens[e - 1].pos === 'PUNCT' && !quoted[e - 1]) e--;
    let words = 0;
    let ends = false;
    for (let k = c + 1; k < e; k++) {
      if (/\p{L}/u.test(tokens[k].text)) words++;
      if (!quoted[k] && /^[.!?;]$/.test(tokens[k].text)) ends = true;
    }
    if (ends || words < 3 || words > LABEL_CLAIM_MAX_WORDS) continue;
    const claim = { start: c + 1, end: e };
    out ??= atts.map((a) => ({ ...a, sources: [...a.sources], contents: [...a.contents] }));
    const inClaim = (x: { start: number; end: number }) => x.start < claim.end && claim.start < x.end;
    let own = out.find((a) => a.cue && a.cue.start <= c && c < a.cue.end);
    // another attribution's content keeps its part on the next lines ("Historians: A; \n B, analyst says.": B)
    for (const a of out) if (a !== own) a.contents = a.contents.flatMap((x) => (!inClaim(x) ? [x] : x.end > j ? [{ start: j, end: x.end }] : []));
    if (!own) {
      own = { cue: { start: c, end: c + 1 }, sources: [], contents: [] };
      out.push(own);
    }
    own.contents = [claim];
    own.sources = [{ start: i, end: c }];
  }
  return out ? out.filter((a) => a.contents.length).sort((a, b) => a.contents[0].start - b.contents[0].start) : atts;
}

/**
 * Cue verbs in a sense that reports no speech, by the head noun of their object: "recalled its
 * ambassador" (withdrew), "claimed responsibility" (our table, after a first-time user's report;
 * PolNeAR does count "claimed momentum", "recalled weekly breakfasts" as attributions).
 */
const NOT_SPEECH_OBJECT: ReadonlyMap<string, RegExp> = new Map([
  ['recall', /^(?:ambassador|envoy|diplomat|consul|troop|soldier|force|staff|delegation)s?$/i],
  ['claim', /^(?:responsibility|credit)$/i],
]);

/**
 * Whether a cue introduces no quote (a first-time user's report, issue 6): a participle in a
 * reduced relative clause ("measures announced by the United States": `acl` in the parse, a noun
 * before it and "by" after it), or a cue whose object names no content (`NOT_SPEECH_OBJECT`: the
 * first noun of the first content span right after the cue, outside quotation marks).
 */
function noClauseCue(doc: AnnotatedText, cue: { start: number; end: number }, contents: Array<{ start: number; end: number }>, quoted: Uint8Array, parse: TokenParse): boolean {
  const { tokens } = doc;
  const v = cueVerb(doc, cue);
  if (v < 0) return false;
  if (parse.relation[v] === 'acl' && /^by$/i.test(tokens[v + 1]?.text ?? '') && /^(?:NOUN|PROPN)$/.test(tokens[v - 1]?.pos ?? '')) return true;
  const object = NOT_SPEECH_OBJECT.get(tokens[v].lemma.toLowerCase());
  const c = contents[0];
  if (!object || !c || c.start <= v || c.start > v + 3 || quoted[c.start]) return false;
  for (let k = c.start; k < c.end; k++) if (tokens[k].pos === 'NOUN') return object.test(tokens[k].text);
  return false;
}

/**
 * A content span (token range) after its cue, outside quotation marks, run on to the end of its
 * clause when the tagger stopped inside it ("said Guyana would continue to rely | on the
 * International Court of Justice to settle the dispute": a first-time user's report): the tokens
 * after the span that the tagger tagged O, up to a comma, semicolon, colon, dash, parenthesis,
 * quotation mark or the sentence end, each of which the parse attaches (through later tokens)
 * to a token of the span or already added, never by `conj` or `parataxis` (a conjoined clause may
 * be another's). Unchanged without a parse or a cue before it.
 */
function throughClause(doc: AnnotatedText, span: { start: number; end: number }, cue: { start: number; end: number } | null, quoted: Uint8Array, tags: Uint8Array, parse: TokenParse | null): { start: number; end: number } {
  if (!cue || !parse || span.start < cue.end || span.end <= span.start) return span;
  const { tokens } = doc;
  const sentence = tokens[span.end - 1].sentence;
  for (let k = span.start; k < span.end; k++) if (quoted[k]) return span;
  let e = span.end;
  const inside = (j: number) => j >= span.start && j < e;
  while (e < tokens.length && tokens[e].sentence === sentence && tags[e] === 0 && !quoted[e] && tokens[e].pos !== 'PUNCT') {
    let j = e, ok = false;
    for (let step = 0; step < 12; step++) {
      if (/^(?:conj|parataxis|punct)$/.test(parse.relation[j])) break;
      const h = parse.head[j];
      if (h < 0) break;
      if (inside(h)) { ok = true; break; }
      if (h <= e || tokens[h].sentence !== sentence) break;
      j = h;
    }
    if (!ok) break;
    e++;
  }
  return e === span.end ? span : { start: span.start, end: e };
}

/**
 * A content span (token range) after its cue, cut before a clause conjoined to the cue verb that is
 * the speaker's own next act ("Salam warned that new operations could drag Lebanon into war, and
 * instructed the army to …" → "new operations could drag Lebanon into war"; a first-time user's
 * report, issue 6). The parse attaches such a verb to the content's verb; it is the cue's when
 * it is in the past tense (-ed), has no subject or auxiliary of its own, and the content's verb,
 * which the cue governs, has a modal (a past form can share no modal). Returns the span (kept at
 * least 3 tokens) and the conjoined verb's token, which opens an attribution of its own (-1 when
 * no cut, or without a parse).
 */
function withoutOwnAction(doc: AnnotatedText, span: { start: number; end: number }, cue: { start: number; end: number } | null, quoted: Uint8Array, parse: TokenParse | null): { span: { start: number; end: number }; act: number } {
  const none = { span, act: -1 };
  if (!cue || !parse || span.start < cue.end) return none;
  const { tokens } = doc;
  const v = cueVerb(doc, cue);
  if (v < 0) return none;
  const child = (h: number, rel: RegExp, word = /./) => {
    for (let j = span.start; j < span.end; j++) if (parse.head[j] === h && rel.test(parse.relation[j]) && word.test(tokens[j].text)) return true;
    return false;
  };
  // (or, a first-time user's report, the content is a predicate with "be" — "that Belgrade was
  // involved", "the ship was seized" — and the conjoined verb takes an object: an active verb
  // shares no "was involved", "denied that X was involved and accused Y of …")
  const ownAct = (k: number) => tokens[k].pos === 'VERB' && /\p{L}ed$/iu.test(tokens[k].text) && parse.head[parse.head[k]] === v &&
    (child(parse.head[k], /^aux/, /^(?:would|could|will|can|may|might|shall|should|must)$/i) ||
      child(parse.head[k], /^(?:cop|aux:pass)$/) && child(k, /^obj$/)) && !child(k, /^(?:nsubj|aux)/);
  for (let k = span.start + 3; k < span.end - 1; k++) {
    if (quoted[k] || parse.relation[k] !== 'conj' || !ownAct(k)) continue;
    let e = k;
    while (e > span.start + 3 && !quoted[e - 1] && /^(?:CCONJ|PUNCT)$/.test(tokens[e - 1].pos)) e--;
    return { span: { start: span.start, end: e }, act: k };
  }
  return none;
}

/**
 * A content span (token range) without a non-restrictive relative clause that ends it, outside
 * quotation marks ("… a ban on travel, which the court struck down" → "… a ban on travel"):
 * PolNeAR annotators mostly leave such a reporter's aside out of the content (held-out tenth of
 * train: 4–6 more of the 2,023 gold attributions matched, with three tagger runs; cutting at
 * ", because", ", while", ", following", ", who" and the like lost as many as it gained, so those
 * stay). The span keeps at least 3 tokens.
 */
function withoutWhichClause(doc: AnnotatedText, span: { start: number; end: number }, quoted: Uint8Array): { start: number; end: number } {
  const { tokens } = doc;
  for (let k = span.start + 3; k < span.end - 1; k++) {
    if (tokens[k].text === ',' && !quoted[k] && tokens[k + 1].text.toLowerCase() === 'which') return { start: span.start, end: k };
  }
  return span;
}

/**
 * The tagger's attributions with the passive ones it missed ("His comments were quickly derided by
 * Anna Berg", "News of the move was first reported by the Miami Herald"): a cue lemma as a past
 * participle after a form of "be" or "get" with a "by" agent (`passiveAgent`), whose token no
 * attribution holds, is a cue; the agent is the source and the participle's passive subject in
 * the parse (its contiguous subtree, outside quotation marks; a relative pronoun alone) the
 * content. PolNeAR annotates the subject as the content of such an attribution (held-out tenths of
 * train, issue 6: 47 passive attributions with a "by" agent in tenths 0, 3 and 5, 36 of them missed).
 * Returns attributions in text order.
 */
function withPassiveAttributions(doc: AnnotatedText, res: ActorResolution, atts: TaggedAttribution[], parse: TokenParse, quoted: Uint8Array, cues: Set<string>): TaggedAttribution[] {
  const { tokens } = doc;
  const taken = new Uint8Array(tokens.length);
  for (const a of atts) for (const x of [...(a.cue ? [a.cue] : []), ...a.sources, ...a.contents]) for (let k = x.start; k < x.end; k++) taken[k] = 1;
  const out = [...atts];
  for (let v = 1; v < tokens.length; v++) {
    if (taken[v] || quoted[v] || tokens[v].pos !== 'VERB' || !isCueLemma(cues, tokens[v].lemma, tokens[v].pos)) continue;
    const agent = passiveAgent(doc, res, { start: v, end: v + 1 }, quoted);
    if (!agent) continue;
    let j = v - 1;
    while (j >= 0 && tokens[j].pos === 'ADV') j--;
    if (j < 0 || !PASSIVE_AUX.test(tokens[j].text)) continue;
    // the passive subject and its subtree
    const sent = doc.sentences[tokens[v].sentence];
    let subj = -1;
    for (let k = sent.tokenStart; k < v; k++) if (parse.head[k] === v && /^nsubj/.test(parse.relation[k])) subj = k;
    if (subj < 0 || quoted[subj] || taken[subj]) continue;
    const inTree = (k: number) => { for (let x = k, d = 0; x >= 0 && d < 30; x = parse.head[x], d++) if (x === subj) return true; return false; };
    let s = subj, e = subj + 1;
    if (!/^(?:which|who|that)$/i.test(tokens[subj].text)) {
      while (s > sent.tokenStart && inTree(s - 1) && !quoted[s - 1]) s--;
      while (e < v && inTree(e) && !quoted[e]) e++;
    }
    while (e > s && tokens[e - 1].pos === 'PUNCT') e--;
    if (e <= s) continue;
    out.push({ cue: { start: v, end: v + 1 }, sources: [agent], contents: [{ start: s, end: e }] });
    for (let k = s; k < e; k++) taken[k] = 1;
  }
  return out.length === atts.length ? atts : out.sort((a, b) => a.contents[0].start - b.contents[0].start);
}

/** Words of a time phrase (lower case): weekdays, months, relative time words, parts of the day. */
const TIME_PHRASE_WORD = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|last|next|this|that|early|earlier|late|later|week|weeks|month|months|year|years|day|days|morning|afternoon|evening|night|tonight|today|yesterday|tomorrow|weekend|the|a|on|in|at|during|since|ago|\d+|,|\.)$/i;
/** The head of a time phrase: a day or month name, a time noun, "today" (not "early" alone: "Early" may be a name). */
const TIME_HEAD = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december|week|weeks|month|months|year|years|day|days|morning|afternoon|evening|night|tonight|today|yesterday|tomorrow|weekend)$/i;
/** Prepositions that open a place or time phrase the tagger may take for a source (lower case only). */
const PLACE_PREPOSITION = /^(?:in|on|at|from|during|after|before|with|into|over|through|since|until|near|outside|inside|across)$/;

/**
 * The token after the dash of a dateline whose place is `span` (token range), else -1: the place
 * opens a paragraph and is followed by "(AFP)", "(Reuters)" and a dash, or by a dash alone
 * ("City (AFP) – President X will …"; held-out tenth 5 of train, where the parse made
 * the place the subject of the sentence's verb).
 */
export function datelineEnd(doc: AnnotatedText, span: { start: number; end: number }): number {
  const { tokens } = doc;
  const s0 = doc.sentences[tokens[span.start].sentence];
  if (span.start !== s0.tokenStart || s0.tokenStart > 0 && doc.sentences[tokens[s0.tokenStart - 1].sentence].paragraph === s0.paragraph) return -1;
  let k = span.end;
  if (tokens[k]?.text === '(' && tokens[k + 2]?.text === ')' && /^\p{Lu}/u.test(tokens[k + 1]?.text ?? '')) k += 3;
  return /^(?:—|–|-{1,2})$/.test(tokens[k]?.text ?? '') && k + 1 < s0.tokenEnd ? k + 1 : -1;
}

/**
 * Whether a source span (token range) the tagger tagged is a time or a place, no source: a time
 * phrase alone ("Saturday", "on Tuesday", "last month"), or a phrase opened by a preposition in
 * lower case ("in Los Angeles"; "at least 21,000" is a source), or the place of a dateline that
 * opens a paragraph ("City (AFP) –"). Held-out tenths of train, issue 6: with the span
 * dropped, the cue's subject is found by the rules.
 */
function timeOrPlace(doc: AnnotatedText, span: { start: number; end: number }): boolean {
  const { tokens } = doc;
  if (datelineEnd(doc, span) >= 0) return true;
  const words = tokens.slice(span.start, span.end);
  if (words.every((t) => TIME_PHRASE_WORD.test(t.text)) && words.some((t) => TIME_HEAD.test(t.text))) return true;
  return tokens[span.start].pos === 'ADP' && PLACE_PREPOSITION.test(tokens[span.start].text) && !/^(?:least|most)$/i.test(tokens[span.start + 1]?.text ?? '');
}

/** Verbs of saying, believing and knowing whose passive with "to" raises the subject of what is said ("is believed to be", "are said to have"; lemmas). */
const RAISING_CUE = /^(?:believe|think|say|report|allege|rumou?r|know|understand|estimate|suspect|fear|expect|consider|presume|assume|deem|reckon|suppose|claim|feel|hold|reveal|show|find|see|describe|portray|view|regard|judge|confirm|tip|predict|project)$/;
/** Forms of "be" before a passive participle that reports a belief or rumour ("is believed", "were said"). */
const BE_FORM = /^(?:is|are|was|were|be|been|being|'s|’s)$/i;

/**
 * Whether a cue (token range) is a passive of saying or believing that attributes nothing to its
 * subject (a first-time user's report: "many of them believed to be linked to the group" gave a
 * quote of "many of them"): the cue's verb is a past participle of a verb of saying, believing or
 * knowing (`RAISING_CUE`) followed (adverbs between) by
 * "to" and a verb — after a form of "be" ("The fighters are said to be …", "is thought to control
 * …"), or in a reduced clause after a noun, an object pronoun or a comma with "be" or "have"
 * after "to" ("many of them believed to be …", "the militants, thought to have fled, …") — or
 * the participle after "it" and a form of "be" ("It is believed that …", "it was reported that
 * …"). Someone unnamed believes or says it; the subject is what is said, not who says it. The
 * agent of such a passive ("is believed by analysts to be …") is still its source
 * (`passiveAgent`). `quoted`: 1 for tokens inside quotation marks, which are never the cue. The
 * event coder uses it too: an act someone "is said to" have done is reported. Our rule.
 */
export function raisedPassive(doc: AnnotatedText, cue: { start: number; end: number }, quoted: Uint8Array): boolean {
  const { tokens } = doc;
  const v = cueVerb(doc, cue);
  if (v < 1 || quoted[v]) return false;
  const t = tokens[v];
  // a past participle ("said", "believed", "thought", "known"), no plain form
  if (!/^\p{Ll}/u.test(t.text) || /ing$/i.test(t.text) || t.text.toLowerCase() === t.lemma.toLowerCase() && !/(?:ed|[^e]wn|ld|ght)$/i.test(t.text)) return false;
  if (!RAISING_CUE.test(t.lemma.toLowerCase())) return false;
  const sentence = t.sentence;
  const inSentence = (j: number) => j >= 0 && j < tokens.length && tokens[j].sentence === sentence && !quoted[j];
  let b = v - 1;
  while (inSentence(b) && tokens[b].pos === 'ADV') b--;
  const be = inSentence(b) && BE_FORM.test(tokens[b].text);
  // "It is believed that …", "it has been reported that …"
  if (be) {
    let i = b - 1;
    while (inSentence(i) && (tokens[i].pos === 'ADV' || tokens[i].pos === 'AUX')) i--;
    if (inSentence(i) && /^it$/i.test(tokens[i].text) && inSentence(v + 1) && /^that$/i.test(tokens[v + 1].text)) return true;
  }
  let k = v + 1;
  while (inSentence(k) && tokens[k].pos === 'ADV') k++;
  // "to" before a verb's plain form ("opposed to electing" has a preposition)
  if (!inSentence(k + 1) || !/^to$/i.test(tokens[k].text) || !/^(?:VERB|AUX)$/.test(tokens[k + 1].pos) || /ing$/i.test(tokens[k + 1].text)) return false;
  if (be) return true;
  // the reduced clause: after a noun, an object pronoun or a comma, "to be" / "to have"
  const before = inSentence(b) ? tokens[b] : null;
  const reduced = !!before && (/^(?:NOUN|PROPN)$/.test(before.pos) || before.text === ',' || /^(?:them|him|her|us|whom|which)$/i.test(before.text));
  return reduced && /^(?:be|have)$/.test(tokens[k + 1].lemma.toLowerCase());
}

/** Forms of "be" and "get" before a passive participle. */
const PASSIVE_AUX = /^(?:is|are|was|were|be|been|being|'s|’s|get|gets|got|gotten|getting)$/i;

/**
 * The agent of a passive cue (token range), the source of its attribution ("Rubio was asked by
 * Fox moderator Gerard Baker whether …", "His comments were quickly derided by Armin Laschet",
 * "Asked by a reporter if …", "as first reported by the Miami Herald"): the cue's verb is a past
 * participle after a form of "be" or "get" (adverbs between), or opens its clause (at the
 * sentence start or after a comma, "when", "as", "if" or "after"), and "by" follows it (adverbs
 * between); the agent is the noun phrase after "by" (actor mentions, determiners, adjectives,
 * nouns, numbers, possessive marks), up to a comma or any other word. Null when the cue is no such
 * passive, or "by" introduces a means, a measure or a time ("said by telephone", "by Friday":
 * `NOT_AGENT`) or a gerund ("responded by first saying"). PolNeAR takes the agent as the source
 * (held-out tenths of train, issue 6: 47 passive attributions with a "by" agent in tenths 0, 3
 * and 5; of those we matched, the speaker was the subject in about half).
 */
function passiveAgent(doc: AnnotatedText, res: ActorResolution, cue: { start: number; end: number }, quoted: Uint8Array): { start: number; end: number } | null {
  const { tokens } = doc;
  const v = cueVerb(doc, cue);
  if (v < 0 || quoted[v] || /ing$/i.test(tokens[v].text) || tokens[v].text.toLowerCase() === tokens[v].lemma.toLowerCase() && !/(?:ed|[^e]wn|ld|ght)$/i.test(tokens[v].text)) return null;
  const sent = doc.sentences[tokens[v].sentence];
  let b = v + 1;
  while (b < sent.tokenEnd && tokens[b].pos === 'ADV') b++;
  if (b >= sent.tokenEnd - 1 || !/^by$/i.test(tokens[b].text) || quoted[b]) return null;
  let j = v - 1;
  while (j >= sent.tokenStart && (tokens[j].pos === 'ADV' || /^(?:not|n't|never)$/i.test(tokens[j].text))) j--;
  const passive = j >= sent.tokenStart && PASSIVE_AUX.test(tokens[j].text) ||
    j < sent.tokenStart || /^(?:,|when|as|if|after|once|while|before)$/i.test(tokens[j].text);
  if (!passive) return null;
  let e = b + 1;
  const nominal = (k: number) => res.actorAtToken[k] >= 0 || /^(?:DET|ADJ|NOUN|PROPN|NUM)$/.test(tokens[k].pos) || POSSESSIVE.has(tokens[k].text) ||
    (tokens[k].text === '-' || tokens[k].text === '.') && tokens[k].start === tokens[k - 1].end;
  while (e < sent.tokenEnd && e - b <= 10 && !quoted[e] && nominal(e)) e++;
  while (e > b + 1 && !/[\p{L}\p{N}]/u.test(tokens[e - 1].text)) e--;
  // "responded by first saying …": a gerund names a means, no agent
  for (let k = b + 1; k < Math.min(e + 1, sent.tokenEnd); k++) if (res.actorAtToken[k] < 0 && /^\p{Ll}+ing$/u.test(tokens[k].text)) return null;
  for (let k = b + 1; k < e; k++) {
    if (res.actorAtToken[k] < 0 && !/^(?:NOUN|PROPN)$/.test(tokens[k].pos)) continue;
    // "said by telephone", "announced by Friday": a means or a time, no agent
    if (res.actorAtToken[k] < 0 && NOT_AGENT.test(tokens[k].text)) return null;
    return { start: b + 1, end: e };
  }
  return null;
}

/** Nouns after "by" that name a means, a measure or a time, not an agent ("said by telephone", "by Friday"). */
const NOT_AGENT = /^(?:tele)?phone$|^(?:e-?mail|text|letter|video|videoconference|video-link|satellite|mail|fax|radio|post|hand|far|contrast|comparison|way|default|design|law|name|margin|percent|points?|half|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|end|time|then|now|noon|midnight|morning|evening|night|week|month|year|day|today|tomorrow)$/i;

/** The token of a cue's verb (its last VERB token: "said", "told reporters"'s "told"), or -1. */
function cueVerb(doc: AnnotatedText, cue: { start: number; end: number }): number {
  for (let k = cue.end - 1; k >= cue.start; k--) if (doc.tokens[k].pos === 'VERB') return k;
  return -1;
}

/**
 * The subject phrase of a cue (token range) in the dependency parse: the `nsubj` of the cue's
 * verb, or of the verb it is an `xcomp`/`conj` of ("declined to say", "smiled and said") or, for
 * a participle (-ing) that is an `advcl`, of the clause it modifies ("X opposed it, saying …"); the
 * phrase is the subject's contiguous left part up to its head (determiners, modifiers, compounds,
 * possessives), cut at a comma. Null when there is none, it is quoted, or it is not before the cue.
 */
function cueSubject(doc: AnnotatedText, parse: TokenParse, cue: { start: number; end: number }, quoted: Uint8Array): { start: number; end: number } | null {
  const { tokens } = doc;
  const v = cueVerb(doc, cue);
  if (v < 0) return null;
  const sent = doc.sentences[tokens[v].sentence];
  const childOf = (h: number, rel: RegExp) => {
    for (let k = sent.tokenStart; k < sent.tokenEnd; k++) if (parse.head[k] === h && rel.test(parse.relation[k])) return k;
    return -1;
  };
  let subj = -1;
  for (let depth = 0, x = v; depth < 3 && x >= 0; depth++) {
    subj = childOf(x, /^nsubj/);
    if (subj >= 0) break;
    // "X opposed it, saying …": a participle's subject is that of the clause it modifies
    const participle = parse.relation[x] === 'advcl' && /ing$/i.test(tokens[x].text);
    if (!/^(?:xcomp|conj)$/.test(parse.relation[x]) && !participle) break;
    x = parse.head[x];
  }
  if (subj < 0 || quoted[subj]) return null;
  // after the verb only right after it ("said the spokesman")
  if (subj > v && (subj - v > 4 || [...Array(subj - v).keys()].some((i) => quoted[v + 1 + i] || tokens[v + 1 + i].text === ','))) return null;
  // the left part of the subject's subtree, up to the head
  const inTree = (k: number) => { for (let x = k, d = 0; x >= 0 && d < 20; x = parse.head[x], d++) if (x === subj) return true; return false; };
  let s = subj;
  while (s > sent.tokenStart && inTree(s - 1) && tokens[s - 1].text !== ',' && !quoted[s - 1]) s--;
  return { start: s, end: subj + 1 };
}

/** The head of a content span (token range) outside it in the parse: the verb it is the complement of; -1 when none. */
function governor(parse: TokenParse, span: { start: number; end: number }): number {
  for (let k = span.start; k < span.end; k++) {
    const h = parse.head[k];
    if (h >= 0 && (h < span.start || h >= span.end) && parse.relation[k] !== 'punct') return h;
  }
  return -1;
}

/**
 * Whether the cue at token `c` opens a sentence that the sentence splitter cut from its subject
 * after an abbreviation ("Sen. Anna Berg (D-Vt.) | defended her call …"): the sentence starts in
 * lower case or with a comma, with only adverbs, auxiliaries and commas before the cue, or a
 * clause without a subject joined to the cue by a comma or a conjunction ("… (R-Mo.) | , facing a
 * tough race, noted …", "… (I-Vt.) | called him divisive and accused him …"; held-out tenths of
 * train, issue 6), and the sentence before it, in the
 * same paragraph, ends with a parenthesis or an abbreviation's period. Its subject is then the end
 * of that sentence (rules.ts `subjectBefore`).
 */
function cutAfterName(doc: AnnotatedText, c: number): boolean {
  const { tokens, sentences } = doc;
  const si = tokens[c].sentence;
  const sent = sentences[si];
  if (si === 0 || sentences[si - 1].paragraph !== sent.paragraph || !/^(?:\p{Ll}|,)/u.test(tokens[sent.tokenStart].text)) return false;
  let k = sent.tokenStart;
  // (a time phrase may open it: "… (D-Calif.) | last month joked …")
  for (let t = Math.min(c - 1, sent.tokenStart + 3); t > sent.tokenStart; t--) if (timePhraseBefore(tokens, t) === sent.tokenStart) { k = t + 1; break; }
  while (k < c && (/^(?:ADV|AUX)$/.test(tokens[k].pos) || tokens[k].text === ',')) k++;
  if (k < c) {
    // a clause with no subject of its own before the cue, which it joins with a comma or a
    // conjunction (", facing a tough race, noted", "called him reckless and accused him")
    if (tokens[k].pos !== 'VERB' || !/^(?:,|and|but|or)$/i.test(tokens[c - 1].text)) return false;
    for (let j = k + 1; j < c; j++) if (/^(?:i|he|she|we|they|who|which)$/i.test(tokens[j].text) || tokens[j].text === ';') return false;
  }
  const last = tokens[sentences[si - 1].tokenEnd - 1];
  return last.text === ')' || last.text === '.' && /\p{Lu}\.?$/u.test(tokens[sentences[si - 1].tokenEnd - 2]?.text ?? '');
}

/**
 * The "who" whose relative clause has the cue at token `cue` as its verb ("Beck, who has in the
 * past described Trump as …", "Clinton, who is looking to …"): the nearest "who" before the cue in
 * its sentence, outside quotation marks, with at most six tokens between them and no verb (an
 * auxiliary allowed), comma or other relative word there; its token index, or -1. PolNeAR takes the
 * relative pronoun as the source of such an attribution.
 */
function relativeOfCue(doc: AnnotatedText, cue: number, quoted: Uint8Array): number {
  const { tokens } = doc;
  for (let k = cue - 1; k >= 0 && k >= cue - 7 && tokens[k].sentence === tokens[cue].sentence; k--) {
    if (quoted[k]) return -1;
    if (/^who$/i.test(tokens[k].text)) return k;
    if (tokens[k].pos === 'VERB' || /^(?:PUNCT|SCONJ|CCONJ|PRON)$/.test(tokens[k].pos) || /^(?:,|that|which)$/i.test(tokens[k].text)) return -1;
  }
  return -1;
}

/** Confidence of a speaker that a definite description names ("the group said"; speaker.ts `definiteAntecedent`). */
export const DEFINITE_CONF = 0.7;

/** Confidence of a speaker that is a source actor (sources.ts): the source phrase itself, not a resolved name. */
const SOURCE_ACTOR_CONF = 0.6;

/** First-person pronouns that, outside quotation marks, name the article's writer ("I", "we"; sources.ts `author`). */
const FIRST_PERSON_WRITER = /^(?:i|we|me|us)$/i;
/** A second-person source pronoun: the one the article addresses (sources.ts `addressee`). */
const SECOND_PERSON = /^you$/i;
/** Confidence of the writer as the speaker of a first-person source. */
const AUTHOR_CONF = 0.6;

/**
 * The source actor of a source mention (token range): for a relative pronoun ("a woman who
 * said"), the noun phrase before it; for a possessive pronoun ("his advisers"), a phrase owned by
 * the actor the pronoun resolves to; else the mention itself (sources.ts `actorFor`).
 */
function sourceActorOf(doc: AnnotatedText, sources: SourceActors, m: { start: number; end: number }, quoted: Uint8Array, history: SpeakerHistory): number {
  const { tokens } = doc;
  // a focus adverb before the phrase ("even his own supporters", "only some Republicans")
  if (m.end - m.start > 1 && /^(?:even|only|also|just|mostly|mainly|especially|particularly)$/i.test(tokens[m.start].text)) {
    return sourceActorOf(doc, sources, { start: m.start + 1, end: m.end }, quoted, history);
  }
  // a relative pronoun ("a woman who said"), not the determiner of a noun phrase ("That person said")
  const determiner = /^that$/i.test(tokens[m.start].text) && m.end - m.start > 1 && /^(?:NOUN|PROPN|ADJ)$/.test(tokens[m.start + 1].pos);
  if (/^(?:who|which|that)$/i.test(tokens[m.start].text) && !determiner) {
    let e = m.start;
    if (e > 0 && tokens[e - 1].text === ',') e--;
    let s = e;
    const sent = tokens[m.start].sentence;
    while (s > 0 && e - s < 6 && tokens[s - 1].sentence === sent && /^(?:NOUN|PROPN|ADJ|DET|NUM)$/.test(tokens[s - 1].pos)) s--;
    // a possessive pronoun opens the phrase ("his own supporters, who …")
    if (s > 0 && s < e && tokens[s - 1].sentence === sent && POSSESSIVE_PRONOUN.has(tokens[s - 1].text.toLowerCase())) s--;
    // a quantifier pronoun as antecedent ("those who …", "someone who …"): a group or person of its own
    if (e > 0 && tokens[e - 1].sentence === sent && /^(?:those|someone|somebody|anyone|anybody|others|many|some|everyone|everybody)$/i.test(tokens[e - 1].text)) {
      return sources.actorFor({ start: e - 1, end: e });
    }
    if (s === e || !/^(?:NOUN|PROPN)$/.test(tokens[e - 1].pos)) return -1;
    return sourceActorOf(doc, sources, { start: s, end: e }, quoted, history);
  }
  const poss = POSSESSIVE_PRONOUN.get(tokens[m.start].text.toLowerCase());
  if (poss) {
    const p = resolvePronoun(doc, sources.res, m.start, quoted, history, poss);
    // "Brazil, Colombia and Mexico … Their foreign ministers": the owners are the coordination
    const owners = poss === 'they' && p.speaker >= 0 ? coordinatedWith(doc, sources.res, p.speaker, m.start, quoted) : [];
    const ownerName = owners.length > 1 ? joinNames(owners.map((x) => sources.res.actors[x].name)) : undefined;
    return sources.actorFor(m, p.speaker, history, ownerName);
  }
  return sources.actorFor(m, -1, history);
}

/**
 * The antecedent of a pronoun's actor that is only a definite description (no name, dictionary
 * entry or country: the resolver's bare "company" of "The company …"): its last mention before
 * token `before`, read as a definite description (speaker.ts `definiteAntecedent`), names the
 * body it refers to ("Yara said …. The company had resumed work …, it said." → Yara). Returns
 * that actor, or -1.
 */
function descriptionAntecedent(doc: AnnotatedText, res: ActorResolution, actor: number, before: number, quoted: Uint8Array): number {
  const a = res.actors[actor];
  if (a.dictId !== null || a.country !== null || a.mentions.some((m) => m.kind === 'name')) return -1;
  const m = a.mentions.filter((x) => x.tokenStart < before && !quoted[x.tokenStart]).pop();
  return m ? definiteAntecedent(doc, res, { start: m.tokenStart, end: m.tokenEnd }, quoted) : -1;
}

/** Names joined as an English list: "A", "A and B", "A, B and C". */
function joinNames(names: string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * The actors coordinated with `actor` at its last mention before token `before`, outside quotation
 * marks ("Brazil, Colombia and Mexico urged …": Brazil → [Brazil, Colombia, Mexico]): actor
 * mentions of speaking types (not places) joined by commas and "and"/"or" (", and" too) in one
 * sentence, in text order; `[actor]` alone when the mention is in no coordination. A plural
 * pronoun resolved to one of them (resolvePronoun gives one actor) refers to them all (a
 * first-time user's report: "Their foreign ministers said …" after three states became "Brazil's
 * foreign ministers"). Our rule.
 */
export function coordinatedWith(doc: AnnotatedText, res: ActorResolution, actor: number, before: number, quoted: Uint8Array): number[] {
  const { tokens } = doc;
  let at = -1;
  for (let k = before - 1; k >= 0; k--) if (res.actorAtToken[k] === actor && !quoted[k]) { at = k; break; }
  if (at < 0) return [actor];
  const sentence = tokens[at].sentence;
  const speaks = (x: number) => x >= 0 && res.actors[x].type !== 'location';
  const startOf = (k: number) => { while (k > 0 && res.actorAtToken[k - 1] === res.actorAtToken[k] && tokens[k - 1].sentence === sentence) k--; return k; };
  const endOf = (k: number) => { while (k + 1 < tokens.length && res.actorAtToken[k + 1] === res.actorAtToken[k] && tokens[k + 1].sentence === sentence) k++; return k + 1; };
  const joiner = (k: number) => /^(?:,|and|or)$/i.test(tokens[k]?.text ?? '') && tokens[k].sentence === sentence && !quoted[k];
  // the members after the mention, then before it
  const out = [actor];
  let e = endOf(at);
  for (;;) {
    let k = e;
    if (!joiner(k)) break;
    const last = !/^,$/.test(tokens[k].text);
    k++;
    if (!last && /^(?:and|or)$/i.test(tokens[k]?.text ?? '')) k++;
    const x = res.actorAtToken[k];
    if (!speaks(x) || tokens[k].sentence !== sentence || out.includes(x)) break;
    out.push(x);
    e = endOf(k);
    if (last || /^(?:and|or)$/i.test(tokens[k - 1].text)) break;
  }
  let s = startOf(at);
  for (;;) {
    let k = s - 1;
    if (!joiner(k) || /^(?:or)$/i.test(tokens[k].text)) break;
    if (/^(?:and)$/i.test(tokens[k].text) && tokens[k - 1]?.text === ',') k--;
    const x = res.actorAtToken[k - 1];
    if (!speaks(x) || tokens[k - 1].sentence !== sentence || out.includes(x)) break;
    out.unshift(x);
    s = startOf(k - 1);
  }
  return out;
}

/** Quotes with their speakers, and the actor resolution extended by the source actors they name. */
export interface AttributedQuotes {
  quotes: FoundQuote[];
  /**
   * `res` with the source actors appended (sources.ts): speakers index this resolution. The
   * original actors keep their indices.
   */
  res: ActorResolution;
}

/**
 * Find the quotes of a document and attribute their speakers, also to source actors built from
 * source phrases that name no resolved actor ("the spokesman", "Clinton aides", "Mr. Khan";
 * sources.ts). Pure: `res` is not changed; the returned resolution is a new one. Quotes in text order.
 */
export function attributeQuotes(doc: AnnotatedText, res: ActorResolution, opts: QuoteOptions = {}): AttributedQuotes {
  const minConf = opts.minConfidence ?? 0.5;
  const ctx = context(doc, res);
  const tagger = opts.model === undefined ? loadTagger() : opts.model;
  const rules = ruleQuotes(ctx, minConf);
  const sources = new SourceActors(doc, res);
  if (!tagger) return { quotes: joinRunOnQuotes(doc.text, ctx.regions, rules), res: sources.res };
  // a tagger with dependency features reads the parse of the document (or of its sentences that
  // hold a cue word): the caller's, the document's view (shared with the later stages), else the
  // committed parser's
  const parse = tagger.syntax
    ? opts.parse ?? taggerParse(doc, tagger.syntaxCueSentences ? cueSentences(doc, ctx.at, taggerCues(tagger)) : null)
    : null;
  // the parse is built only when a cue subject is looked for (doc.parse is lazy)
  let parsed: TokenParse | null | undefined = opts.parse;
  // only the sentences of the attribution are parsed when the document parses sentence by sentence
  const syntax = (sentences: number[]) => (parsed !== undefined ? parsed
    : doc.parseSentences ? doc.parseSentences(sentences) : (parsed = doc.parse?.() ?? null));
  const ruleSources: SpeakerHistory = rules.filter((r) => r.speaker >= 0 && r.speakerMention).map((r) => ({ actor: r.speaker, token: tokenAt(doc, r.speakerMention!.start) }));
  const out = modelQuotes(ctx, tagger, minConf, parse, sources, syntax, ruleSources);
  const overlaps = (a: FoundQuote, b: FoundQuote) => a.start < b.end && b.start < a.end;
  for (const r of rules) {
    if (r.kind === 'indirect') continue;
    const over = out.filter((q) => overlaps(q, r));
    if (!over.length) {
      if (r.kind === 'direct' || r.speaker >= 0) out.push(r);
      continue;
    }
    // a transcript line ("NAME: …", rules.ts) that a label line (`withLabelLines`) also read is
    // the rule's quote: the speaker's own words (direct), to the line's end
    for (const q of over) {
      if (r.kind !== 'direct' || r.cue !== ':' || q.cue !== ':' || q.start !== r.start || q.end > r.end) continue;
      q.kind = r.kind;
      q.end = r.end;
      q.text = r.text;
    }
    // a quotation the tagger found without a speaker takes the rule's
    for (const q of over) {
      if (q.speaker >= 0 || r.speaker < 0 || q.sourceMention) continue;
      q.speaker = r.speaker;
      q.speakerMention = r.speakerMention;
      q.sourceMention = r.speakerMention;
      q.confidence = r.confidence;
      q.cue = q.cue ?? r.cue;
      q.cueSpan = q.cueSpan ?? r.cueSpan;
    }
  }
  // a paraphrase with neither a cue nor a source is dropped: on the held-out tenth of PolNeAR train
  // such spans (a content the tagger left alone) matched a gold attribution about one time in
  // eight; a full quotation stays, with no speaker (issue 6: a quote with no clear speaker keeps
  // `speaker: null`)
  const kept = out.filter((q) => q.kind === 'direct' || q.cueSpan || q.cue || q.sourceMention || q.speaker >= 0);
  return { quotes: joinRunOnQuotes(doc.text, ctx.regions, kept.sort((a, b) => a.start - b.start || a.end - b.end)), res: sources.res };
}

/**
 * One quote for a quotation that runs over paragraphs: a direct quote that ends where a quotation
 * is left open at a paragraph end, and the direct quote that opens the next paragraph with a mark
 * (`runOn`, marks.ts), become one quote from the first one's start to the second one's end (its
 * text then holds the paragraph break and the continuation's opening mark, as the article prints
 * them). They join when they have the same speaker or only one of them has a speaker (the joined
 * quote takes that one's attribution). `quotes` in text order; returns a new array in text order.
 */
export function joinRunOnQuotes(text: string, regions: QuoteRegion[], quotes: FoundQuote[]): FoundQuote[] {
  const out = [...quotes];
  regions.forEach((r, n) => {
    const prev = regions[n - 1];
    if (!r.runOn || !prev || prev.closed || prev.paragraph !== r.paragraph - 1) return;
    const [, prevEnd] = regionContent(text, prev);
    const [curStart, curEnd] = regionContent(text, r);
    const i = out.findIndex((q) => q.kind === 'direct' && q.end === prevEnd && q.start >= prev.open && q.start < prevEnd);
    const j = out.findIndex((q) => q.kind === 'direct' && q.start === curStart && q.end <= curEnd);
    if (i < 0 || j < 0 || i === j) return;
    const [a, b] = [out[i], out[j]];
    if (a.speaker >= 0 && b.speaker >= 0 && a.speaker !== b.speaker) return;
    const attr = a.speaker >= 0 || b.speaker < 0 && (a.cueSpan || a.sourceMention) ? a : b;
    out[i] = { ...attr, kind: 'direct', start: a.start, end: b.end, text: text.slice(a.start, b.end) };
    out.splice(j, 1);
  });
  return out;
}

/**
 * Find the quotes of a document and attribute their speakers among the actors of `res` (a
 * source phrase that is no actor of `res` keeps speaker -1 and its `sourceMention`; see
 * `attributeQuotes` for speakers built from such phrases). Pure function of its inputs;
 * quotes are returned in text order.
 */
export function findQuotes(doc: AnnotatedText, res: ActorResolution, opts: QuoteOptions = {}): FoundQuote[] {
  const n = res.actors.length;
  return attributeQuotes(doc, res, opts).quotes.map((q) => (q.speaker < n ? q : { ...q, speaker: -1, speakerMention: null, confidence: 0 }));
}

/**
 * Cue lemmas that, before a to-infinitive ("agreed to set up a commission", "decided to act"),
 * report an act, not words: no reported speech. "pledged to", "vowed to", "promised to" stay: on
 * the held-out tenths 0, 3 and 5 of PolNeAR train the annotators took "vowed to" 12 times in 14 and
 * "promised to" 9 in 11 as attributions, "agreed to" 7 in 16 and "decided to" 6 in 14.
 */
const COMMITMENT_ACT = /^(?:agree|decide)$/;
/** Words that give the reason a source is unnamed ("on condition of anonymity", "asked not to be named"). */
const ANONYMITY = /\banonymity\b|\bnot to be (?:named|identified|quoted)\b|\bwithout being (?:named|identified)\b/i;
/** Such a phrase opening a content, up to its comma ("on condition of anonymity, that …"). */
const LEADING_ANONYMITY = /^(?:speaking |talking )?(?:on (?:the )?condition (?:of|that they not be named)|anonymously)[^,]{0,40},\s*/i;
/** The last word of such a phrase, right before the reason it gives ("anonymity because …"). */
const ANONYMOUS_WORD = /^(?:anonymity|named|identified)$/i;

/** Words that negate the verb after them (lemmas: "not" also of "n't", "never"). */
const NEGATOR_LEMMA = /^(?:not|never)$/;
/** Words that, before "to", leave the act after it undone ("declined to say", "refused to comment", "was unable to confirm"; lemmas). */
const REFUSAL_LEMMA = /^(?:decline|refuse|fail|unable|unwilling|reluctant|hesitant|loath|loth)$/;
/** Words between which and "to" a negation reaches the verb after "to" ("did not want to say", "was not able to confirm"; lemmas). */
const RAISING_LEMMA = /^(?:want|wish|care|able|willing|prepared|ready|be|have|need|try|seek)$/;

/**
 * Whether the verb at token `v` is negated, so that it reports no content (a first-time user's
 * report: "It did not say what those measures would be." gave a quote "what those measures would
 * be"): a negation right before it, past auxiliaries and adverbs ("did not say", "would not
 * comment on", "has never said", "can't confirm"; "not only said" is no negation); a refusal before
 * its "to" ("declined to say", "refused to immediately comment", "was unable to confirm"), also
 * through a negated verb or adjective of wanting or ability ("did not want to say", "was not able
 * to confirm"); or "without" before its gerund ("without saying whether …"). A negated subject
 * ("No one said …") is not read. Our rule; PolNeAR annotates negated attributions too, so it
 * applies to the reported quotes (`reportedSpeech`), not to the attributions scored on it.
 */
export function negatedVerb(doc: AnnotatedText, v: number): boolean {
  const { tokens } = doc;
  const sentence = tokens[v].sentence;
  const inSentence = (j: number) => j >= 0 && tokens[j].sentence === sentence;
  const negated = (x: number, depth: number): boolean => {
    let j = x - 1;
    // "without saying"
    if (/ing$/i.test(tokens[x].text) && inSentence(j) && /^without$/i.test(tokens[j].text)) return true;
    while (inSentence(j) && (tokens[j].pos === 'ADV' || tokens[j].pos === 'AUX' || tokens[j].pos === 'PART')) {
      const lemma = tokens[j].lemma.toLowerCase();
      if (NEGATOR_LEMMA.test(lemma) && !/^only$/i.test(tokens[j + 1]?.text ?? '')) return true;
      if (/^to$/i.test(tokens[j].text)) {
        // "declined to say", "did not want to say"
        let k = j - 1;
        while (inSentence(k) && tokens[k].pos === 'ADV' && !NEGATOR_LEMMA.test(tokens[k].lemma.toLowerCase())) k--;
        if (!inSentence(k)) return false;
        const head = tokens[k].lemma.toLowerCase();
        if (REFUSAL_LEMMA.test(head) || REFUSAL_LEMMA.test(tokens[k].text.toLowerCase())) return true;
        return depth < 2 && (RAISING_LEMMA.test(head) || RAISING_LEMMA.test(tokens[k].text.toLowerCase())) && negated(k, depth + 1);
      }
      j--;
    }
    return false;
  };
  return negated(v, 0);
}

let speakingCache: Set<string> | null = null;
/** The lemmas of the cue lexicon's speech, criticism and praise words (read once per process). */
function speakingLexicon(): Set<string> {
  return (speakingCache ??= new Set([...cueLexicon()].filter(([kind]) => kind === 'speech' || kind === 'criticism' || kind === 'praise').flatMap(([, keys]) => keys.map((k) => k.slice(0, k.indexOf('/'))))));
}

/**
 * The quotes an analyst reads as "who said what" (the pipeline's output): every direct and partial
 * quote, and the indirect quotes that have a speaker who is not a place and whose cue is a verb of
 * saying or believing (a cue with `indirect: true` in data/quotes/cues.yaml: "says", "told …
 * that", "according to", "believes"). PolNeAR-style attributions of stance ("viewed as",
 * "echoed", "pledged support") stay available from `findQuotes` for evaluation, but are not
 * reported as quotes; nor is an indirect content with no verb outside quotation marks (the cue's
 * plain object: "declared Ruto the winner", "recalling him in March"), nor a partial quote whose
 * cue holds no word of saying (scare quotes: "protesting against a law to register "foreign
 * agents""). The cue's word is the first cue word of its span ("had said in an interview").
 * Also left out (a first-time user's report): an act of commitment with a to-infinitive ("agreed
 * to set up a commission", `COMMITMENT_ACT`), the reason a source gives for being unnamed
 * ("speaking on condition of anonymity because they were not authorized …", `ANONYMITY`; a
 * leading "on condition of anonymity," is cut from a content), and indirect contents under three
 * words, or of three words that do not open with a subject and a verb ("Minsk would retaliate"
 * is kept). And (a later report) an indirect or partial quote whose cue is negated ("did not say
 * what …", "declined to say whether …", "would not comment on …"; `negatedVerb`): it reports no
 * content. Pure: returns a new array.
 */
export function reportedSpeech(doc: AnnotatedText, res: ActorResolution, quotes: FoundQuote[]): FoundQuote[] {
  const cues = cueVerbs();
  // words of speaking in the lexicon (a stance, belief or intention takes no one's words in quotation marks)
  const lexicon = speakingLexicon();
  // the cue's lemma: the first word of the cue span that is a cue ("had said in an interview" →
  // "say"), else its first word's
  /** the tokens inside a character span (binary search for the first) */
  const tokensIn = (span: { start: number; end: number }) => {
    const toks = [];
    for (let k = tokenAt(doc, span.start); k < doc.tokens.length && doc.tokens[k].start < span.end; k++) if (doc.tokens[k].end <= span.end) toks.push(doc.tokens[k]);
    return toks;
  };
  // a verb of the cue span is negated ("did not say", "declined to say", "would not comment on"): no content
  const negatedCue = (q: FoundQuote): boolean => {
    const span = q.cueSpan;
    if (!span) return false;
    for (let k = tokenAt(doc, span.start); k < doc.tokens.length && doc.tokens[k].start < span.end; k++) {
      const t = doc.tokens[k];
      if ((t.pos === 'VERB' || cues.has(t.lemma.toLowerCase())) && !NEGATOR_LEMMA.test(t.lemma.toLowerCase()) && negatedVerb(doc, k)) return true;
    }
    return false;
  };
  const cueLemma = (q: FoundQuote): string | null => {
    const span = q.cueSpan;
    if (!span) return q.cue ? q.cue.toLowerCase() : null;
    const toks = tokensIn(span);
    const cue = toks.find((x) => cues.has(x.lemma.toLowerCase()));
    return (cue ?? toks[0])?.lemma.toLowerCase() ?? null;
  };
  // a cue span with no word of saying (data/quotes/cues.yaml; the speech, criticism and praise
  // words of cue-lexicon.yaml): "were demonstrating against", "were protesting against"
  const noSpeechCue = (q: FoundQuote): boolean => {
    const span = q.cueSpan;
    if (!span) return false;
    const toks = tokensIn(span);
    return toks.length > 0 && !toks.some((x) => cues.has(x.lemma.toLowerCase()) || lexicon.has(x.lemma.toLowerCase()) || x.text === ':');
  };
  // a content with no verb outside quotation marks: the cue's plain object ("declared X the
  // winner on Aug. 15", "after recalling him in March"), no reported clause
  const clause = (q: FoundQuote): boolean => {
    let inQuote = false;
    // (from the last token that ends after the content's start)
    let k = tokenAt(doc, q.start);
    while (k > 0 && doc.tokens[k - 1].end > q.start) k--;
    for (; k < doc.tokens.length; k++) {
      const t = doc.tokens[k];
      if (t.end <= q.start) continue;
      if (t.start >= q.end) break;
      if (/^["“”]$/.test(t.text)) { inQuote = !inQuote; continue; }
      if (!inQuote && (t.pos === 'VERB' || t.pos === 'AUX')) return true;
    }
    return false;
  };
  // a three-word content is a clause when it opens with its subject and a verb follows ("Minsk
  // would retaliate", "prices will rise"); shorter ones and other three-word spans are tagging slips
  const subjectClause = (q: FoundQuote): boolean => {
    const toks = tokensIn(q);
    return toks.length >= 2 && /^(?:NOUN|PROPN|PRON)$/.test(toks[0].pos) && toks.slice(1).some((t) => t.pos === 'VERB' || t.pos === 'AUX');
  };
  // the reason a source gives for being unnamed ("…, speaking on condition of anonymity because
  // they were not authorized to …", "requesting anonymity to discuss …", "who asked not to be
  // named because …"): the content names the anonymity, or follows it with at most a conjunction
  // between ("…, on condition of anonymity, that …" stays)
  const anonymityAside = (q: FoundQuote): boolean => {
    if (ANONYMITY.test(q.text)) return true;
    const k = tokenAt(doc, q.start);
    const t1 = doc.tokens[k - 1], t2 = doc.tokens[k - 2];
    if (!t1 || t1.sentence !== doc.tokens[k]?.sentence) return false;
    return ANONYMOUS_WORD.test(t1.text) || !!t2 && t2.sentence === t1.sentence && /^(?:SCONJ|PART|ADP)$/.test(t1.pos) && t1.text !== ',' && ANONYMOUS_WORD.test(t2.text);
  };
  // A "partial" content that is mostly the reporter's words with quoted fragments inside is an
  // indirect quote; each quoted fragment in it is a partial quote of the same speaker.
  const split: FoundQuote[] = [];
  for (const q0 of quotes) {
    // "said, on condition of anonymity, that …": the aside is no part of the content
    const aside = q0.kind === 'indirect' ? LEADING_ANONYMITY.exec(q0.text) : null;
    const q = aside ? { ...q0, start: q0.start + aside[0].length, text: q0.text.slice(aside[0].length) } : q0;
    const inner = q.kind === 'partial' ? fragments(doc.text, q.start, q.end) : [];
    const covered = inner.reduce((n, f) => n + (f.end - f.start), 0);
    if (!inner.length || covered >= (q.end - q.start) * 0.8) { split.push(q); continue; }
    const { start, end } = trimMarks(doc.text, q.start, q.end);
    split.push({ ...q, kind: 'indirect', start, end, text: doc.text.slice(start, end) });
    for (const f of inner) split.push({ ...q, kind: 'partial', start: f.start, end: f.end, text: doc.text.slice(f.start, f.end) });
  }
  return split.sort((a, b) => a.start - b.start || a.end - b.end).filter((q) => {
    // a negated saying reports nothing of its speaker ("did not say what …", "declined to say whether …")
    if (q.kind !== 'direct' && negatedCue(q)) return false;
    // scare quotes: a quoted term whose cue is no word of saying is no one's quote
    if (q.kind === 'partial') return !noSpeechCue(q);
    if (q.kind !== 'indirect') return true;
    if (q.speaker < 0 || res.actors[q.speaker]?.type === 'location') return false;
    const words = q.text.split(/\s+/).length;
    if (words < 3 || words === 3 && !subjectClause(q)) return false;
    if (!clause(q)) return false;
    if (anonymityAside(q)) return false;
    const lemma = cueLemma(q);
    if (lemma !== null && COMMITMENT_ACT.test(lemma) && /^to\s/i.test(q.text)) return false;
    return lemma !== null && cues.get(lemma) === true;
  });
}

/** Quoted fragments (between straight or curly double quotes) inside `[start, end)`, without the marks. */
function fragments(text: string, start: number, end: number): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let open = -1;
  for (let i = start; i < end; i++) {
    const ch = text[i];
    if (open < 0 && (ch === '"' || ch === '“')) open = i;
    else if (open >= 0 && (ch === '"' || ch === '”') && i > open + 1) {
      let a = open + 1, b = i;
      while (a < b && /\s/.test(text[a])) a++;
      while (b > a && /[\s,]/.test(text[b - 1])) b--;
      if (b > a) out.push({ start: a, end: b });
      open = -1;
    }
  }
  return out;
}

/**
 * `[start, end)` without surrounding spaces and a trailing comma, and without a quotation mark at
 * either edge that has no partner inside the span (a mark that opens or closes a quoted fragment
 * of the span stays: `… respond "in kind."` keeps both marks).
 */
function trimMarks(text: string, start: number, end: number): { start: number; end: number } {
  let a = start, b = end;
  const trim = () => {
    while (a < b && /\s/.test(text[a])) a++;
    while (b > a && /[\s,]/.test(text[b - 1])) b--;
  };
  const odd = () => ((text.slice(a, b).match(/["“”]/g)?.length ?? 0) % 2 === 1);
  trim();
  if (a < b && /["“”]/.test(text[a]) && odd()) { a++; trim(); }
  if (b > a && /["“”]/.test(text[b - 1]) && odd()) { b--; trim(); }
  return { start: a, end: b };
}
