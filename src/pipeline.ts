/**
 * The pipeline: extract → annotate → resolve actors → quotes → events, composed into one pure
 * function `RawDocument → SteppeDocument` (DESIGN.md, "The pipeline"). Models and dictionaries
 * are loaded once in `createPipeline`, so a worker thread or a distributed worker builds the
 * pipeline once and analyses many documents. The pipeline knows nothing of the CLI or the store.
 *
 * Errors (SteppeError, naming the document's source): E_NO_ARTICLE when no article text
 * remains after extraction; E_LANGUAGE when the article is not in English (later stages are
 * English-only for now).
 */
import { createHash } from 'node:crypto';
import type { AnnotatedText, Article, RawDocument } from './types.js';
import { DocumentSchema, SCHEMA_ID, type SteppeDocument } from './schema.js';
import { SteppeError } from './errors.js';
import { extractHtml } from './extract/html.js';
import { extractText, rawTextArticle } from './extract/text.js';
import { createAnnotator } from './nlp/annotate.js';
import { knownNameEnd } from './actors/known-names.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadParserModel, emptyParse, parseSentencesInto, DEFAULT_PARSER_DIR } from './nlp/parser/index.js';
import { loadActorDictionary } from './actors/dictionary.js';
import { buildResolverIndex, resolveActors, type ActorResolution } from './actors/resolve.js';
import { attributeQuotes, reportedSpeech, type FoundQuote } from './quotes/index.js';
import { createEventCoder, findEvents, type FoundEvent } from './events/index.js';
import { calibratedConfidence, ploverProbabilities } from './events/confidence.js';
import type { PloverVersion } from './events/codebook.js';

/** Options of the pipeline. */
export interface PipelineOptions {
  /** Publication date YYYY-MM-DD used when the page does not give one. */
  published?: string | null;
  /** The page's URL when it came from a file. */
  url?: string | null;
  /** The input is clean article text: no boilerplate removal; offsets refer to the input as given. */
  noExtract?: boolean;
  /** Extra actor dictionaries (YAML) added to data/actors. */
  actorFiles?: string[];
  /** Events below this rule confidence are dropped (default 0.35; 0 keeps every trigger, for evaluation). */
  eventMinConfidence?: number;
  /** Load the dependency parser and expose `AnnotatedText.parse` (default true; false when the model is absent). */
  parser?: boolean;
  /** Event source and target from the dependency parse (default true); false keeps the word-order rules only, for evaluation. */
  eventSyntax?: boolean;
  /**
   * Event confidence calibrated with the PLOVER classifier (default true; src/events/confidence.ts).
   * false leaves the raw rule score in `confidence`, as the calibration is fitted on it
   * (scripts/train-events.ts, eval/events.ts).
   */
  eventCalibration?: boolean;
  /**
   * Events from the PLOVER classifier for sentences no pattern matches (default true when
   * models/events holds a classifier; src/events/index.ts `EventOptions.classify`). false codes
   * with the patterns alone.
   */
  eventClassifier?: boolean;
  /**
   * The PLOVER definitions for event types (src/events/codebook.ts `PloverVersion`): "2025" (the
   * default: the 2025 structured codebook's REQUEST and CONCEDE) or "2021" (the OEDA conversion table).
   */
  ploverVersion?: PloverVersion;
  /**
   * The longest input (UTF-16 units of the page or text as given) and the longest article text
   * analysed; a longer document is refused with E_TOO_LARGE before any work. Defaults
   * `MAX_INPUT_CHARS` and `MAX_TEXT_CHARS`: annotation and parsing take memory in proportion to the
   * text (measured: a 4.6-million-character text took 2.4 GB), and no news article comes near.
   */
  maxInputChars?: number;
  maxTextChars?: number;
  /** Languages the later stages accept (default ['en']); 'any' skips the check (evaluation on short sentences). */
  languages?: string[] | 'any';
}

/** A built pipeline: `analyze` is pure and may be called concurrently from one thread. */
export interface Pipeline {
  analyze(raw: RawDocument): SteppeDocument;
  /** Only extraction (for `steppe extract`): the article part of the contract. */
  extract(raw: RawDocument): SteppeDocument['article'];
  /** Extraction and annotation: tokens, sentences and the lazy dependency-parse view, for library users. */
  annotate(raw: RawDocument): AnnotatedText;
}

/** Default largest input, in UTF-16 units (20 million: a heavy news page is 1–3 million). */
export const MAX_INPUT_CHARS = 20_000_000;
/** Default largest article text, in UTF-16 units (500,000: about 80,000 words, a short book). */
export const MAX_TEXT_CHARS = 500_000;

/** Languages written in the Latin script (ISO 639-1), for the script check of `analyze`. */
const LATIN_SCRIPT_LANGUAGES = new Set(['en', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'pl', 'tr', 'uz', 'tk', 'az', 'ro', 'cs', 'sv', 'da', 'no', 'fi', 'id', 'ms', 'vi', 'sw']);

/** Texts shorter than this (UTF-16 units) are never refused for their detected language (the script check applies to all). */
export const MIN_LANGUAGE_TEXT = 250;

/** Article id: sha256 of the normalized text (NFC, whitespace collapsed, trimmed), first 16 hex digits. */
export function articleId(text: string): string {
  const norm = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(norm).digest('hex').slice(0, 16);
}

const LETTER_RE = /\p{L}/u;
const LATIN_RE = /\p{Script=Latin}/u;
/** Per non-ASCII code point seen: 0 not a letter, 1 a letter of another script, 2 a Latin letter. */
const letterClass = new Map<number, number>();

/**
 * The letters (`\p{L}`, counted by code point) of a text and how many of them are in the Latin
 * script (`\p{Script=Latin}`): the counts of `text.match(/\p{L}/gu)` and of its Latin part,
 * without making a string per letter (ASCII is classified inline, other code points once each).
 */
export function countLetters(text: string): { letters: number; latin: number } {
  let letters = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      const l = c | 32;
      if (l >= 97 && l <= 122) { letters++; latin++; }
      continue;
    }
    let cp = c;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000; i++; }
    }
    let k = letterClass.get(cp);
    if (k === undefined) {
      const ch = String.fromCodePoint(cp);
      k = LETTER_RE.test(ch) ? (LATIN_RE.test(ch) ? 2 : 1) : 0;
      if (letterClass.size < 100_000) letterClass.set(cp, k);
    }
    if (k) { letters++; if (k === 2) latin++; }
  }
  return { letters, latin };
}

/** Build the pipeline: loads the NLP model, the actor dictionary, the codebook and the patterns once. */
export function createPipeline(opts: PipelineOptions = {}): Pipeline {
  const resolverIndex = buildResolverIndex(loadActorDictionary({ extraFiles: opts.actorFiles }));
  // (Title Case headlines are read again in lower case but for the names the dictionary knows)
  const annotate = createAnnotator({ nameEnd: (text, start) => knownNameEnd(resolverIndex, text, start) });
  const coder = createEventCoder(opts.ploverVersion);
  // the parser model loads on the first parse() call, so a run whose stages never walk the syntax
  // does not pay for it; no model on disk → no view
  const parserWanted = opts.parser !== false && existsSync(join(DEFAULT_PARSER_DIR, 'config.json'));
  let parserModel: ReturnType<typeof loadParserModel> | null = null;
  const parser = parserWanted ? () => (parserModel ??= loadParserModel()) : null;
  const languages = opts.languages ?? ['en'];

  const maxInput = opts.maxInputChars ?? MAX_INPUT_CHARS;
  const maxText = opts.maxTextChars ?? MAX_TEXT_CHARS;
  const extractArticle = (raw: RawDocument): Article => {
    if (raw.content.length > maxInput) {
      throw new SteppeError('E_TOO_LARGE', raw.source, `the input has ${raw.content.length.toLocaleString('en-US')} characters; the limit is ${maxInput.toLocaleString('en-US')}`);
    }
    const url = raw.url ?? opts.url ?? null;
    const eopts = { source: raw.source, url, title: raw.title ?? null };
    let article: Article;
    if (opts.noExtract) article = rawTextArticle(raw.content, eopts);
    else if (raw.format === 'html') article = extractHtml(raw.content, { source: raw.source, url });
    else article = extractText(raw.content, eopts);
    if (raw.title && !article.title) article.title = raw.title;
    article.published = article.published ?? raw.published ?? opts.published ?? null;
    if (!article.text.trim()) throw new SteppeError('E_NO_ARTICLE', raw.source, 'no article text found on the page');
    if (article.text.length > maxText) {
      throw new SteppeError('E_TOO_LARGE', raw.source, `the article text has ${article.text.length.toLocaleString('en-US')} characters; the limit is ${maxText.toLocaleString('en-US')} (--max-chars)`);
    }
    return article;
  };
  const articleOut = (article: Article): SteppeDocument['article'] => ({
    id: articleId(article.text), source: article.source, url: article.url, outlet: article.outlet, title: article.title,
    byline: article.byline, published: article.published, language: article.language, text: article.text,
    paragraphs: article.paragraphs, removed: article.removed,
  });

  const annotateWithParse = (article: Article): AnnotatedText => {
    const doc = annotate(article);
    if (parser) {
      // one view, filled sentence by sentence as stages ask for them
      let view: ReturnType<typeof emptyParse> | null = null;
      let done: Uint8Array | null = null;
      const ensure = (sentences: Iterable<number>) => {
        view ??= emptyParse(doc.tokens.length);
        done ??= new Uint8Array(doc.sentences.length);
        const todo = [...sentences].filter((i) => i >= 0 && i < done!.length && !done![i]);
        if (todo.length) {
          parseSentencesInto(doc, parser(), view, todo);
          for (const i of todo) done[i] = 1;
        }
        return view;
      };
      doc.parseSentences = ensure;
      doc.parse = () => ensure(doc.sentences.keys());
    }
    return doc;
  };

  return {
    extract(raw) {
      return articleOut(extractArticle(raw));
    },
    annotate(raw) {
      return annotateWithParse(extractArticle(raw));
    },
    analyze(raw) {
      const article = extractArticle(raw);
      // language evidence from a few sentences is weak (franc reads short English as Italian or
      // Uyghur): refuse only texts long enough to be sure
      if (languages !== 'any' && article.language && article.text.length >= MIN_LANGUAGE_TEXT && !languages.includes(article.language)) {
        throw new SteppeError('E_LANGUAGE', raw.source, `the article is in "${article.language}"; only ${languages.join(', ')} is analysed for now`);
      }
      // a script is sure evidence however short the text: English is written in Latin letters, so a
      // text whose letters are mostly of another script (Cyrillic, CJK, Arabic, …) is not English
      if (languages !== 'any' && languages.every((l) => LATIN_SCRIPT_LANGUAGES.has(l))) {
        const { letters, latin } = countLetters(article.text);
        if (letters >= 20 && latin / letters < 0.5) {
          const lang = article.language ? `"${article.language}"` : 'a non-Latin script';
          throw new SteppeError('E_LANGUAGE', raw.source, `the article is in ${lang}, not in Latin letters; only ${languages.join(', ')} is analysed for now`);
        }
      }
      const doc = annotateWithParse(article);
      const res = resolveActors(doc, resolverIndex, { published: article.published });
      // quote attribution may add actors for sources the resolver left open ("the shopkeeper"); they
      // come after the resolver's, whose indices (used by the events) stay as they are
      const found = attributeQuotes(doc, res);
      const quotes = reportedSpeech(doc, found.res, found.quotes);
      const events = findEvents(doc, res, quotes, coder, {
        published: article.published, minConfidence: opts.eventMinConfidence, syntax: opts.eventSyntax,
        classify: opts.eventClassifier === false ? undefined : (sentence) => ploverProbabilities(sentence),
      });
      if (opts.eventCalibration !== false) calibrateEvents(events, doc.text);
      const out = buildDocument(articleOut(article), found.res, quotes, events);
      // a source actor made for a quote that reportedSpeech then dropped names nobody in the output
      const resolved = new Set(res.actors.map((a) => a.id));
      const speakers = new Set(out.quotes.map((q) => q.speaker));
      out.actors = out.actors.filter((a) => resolved.has(a.id) || speakers.has(a.id));
      return out;
    },
  };
}

/**
 * Replace each event's rule score by its calibrated confidence (src/events/confidence.ts: logistic
 * calibration of the rule score and the PLOVER classifier's probability of the event's type in its
 * sentence, fitted on held-out training data): an estimate of P(the PLOVER type is right). Events
 * with no PLOVER type (CAMEO root 01, public statements, which PLOVER does not code) keep the rule score.
 * A classifier event (`origin: 'classifier'`) is calibrated with rule score 0, as in training.
 * Mutates `events`; the classifier runs once per sentence that holds an event.
 */
export function calibrateEvents(events: FoundEvent[], text: string): void {
  for (const e of events) {
    if (!e.plover) continue;
    const probs = ploverProbabilities(text.slice(e.sentence.start, e.sentence.end));
    if (!probs) return;
    // a classifier event has no rule score (the calibration is fitted with 0 for such events)
    const c = calibratedConfidence({ ruleScore: e.origin === 'classifier' ? 0 : e.confidence, typeProbability: probs[e.plover.type] ?? 0, hasSource: e.source >= 0, hasTarget: e.target >= 0 });
    e.confidence = Math.round(c * 1000) / 1000;
  }
}

function buildDocument(article: SteppeDocument['article'], res: ActorResolution, quotes: FoundQuote[], events: FoundEvent[]): SteppeDocument {
  const id = (i: number) => (i >= 0 ? res.actors[i].id : null);
  const out: SteppeDocument = {
    schema: SCHEMA_ID,
    article,
    actors: res.actors.map((a) => ({
      id: a.id, name: a.name, type: a.type, country: a.country, code: a.code, description: a.description,
      mentions: a.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text })),
    })),
    quotes: quotes.map((q, n) => ({
      id: `q${n + 1}`, text: q.text, start: q.start, end: q.end, kind: q.kind, speaker: id(q.speaker),
      speakerMention: q.speakerMention, cue: q.cue, confidence: q.confidence,
    })),
    events: events.map((e, n) => ({
      id: `e${n + 1}`, code: e.code, root: e.root, quadClass: e.quadClass, goldstein: e.goldstein, name: e.name,
      plover: e.plover, source: id(e.source), target: id(e.target), date: e.date, datePrecision: e.datePrecision,
      location: e.location, sentence: e.sentence, trigger: e.trigger, negated: e.negated, modality: e.modality, confidence: e.confidence,
      ...(e.origin ? { origin: e.origin } : {}),
      ...(e.date && e.dateSource ? { dateSource: e.dateSource } : {}),
      ...(e.mentions ? { mentions: e.mentions } : {}),
    })),
  };
  // a speaker named by a pronoun ("he said") gets that pronoun as one more mention
  for (const q of out.quotes) {
    const a = q.speaker && q.speakerMention ? out.actors.find((x) => x.id === q.speaker) : undefined;
    if (!a || !q.speakerMention) continue;
    const { start, end } = q.speakerMention;
    if (a.mentions.some((m) => m.start <= start && end <= m.end)) continue;
    a.mentions.push({ start, end, text: article.text.slice(start, end) });
    a.mentions.sort((x, y) => x.start - y.start);
  }
  const parsed = DocumentSchema.parse(out);
  const bad = checkOffsets(parsed);
  if (bad) throw new SteppeError('E_BAD_INPUT', article.source, `internal error: ${bad}`);
  return parsed;
}

/**
 * Check that every span of a document slices exactly its text out of `article.text` and lies
 * inside it. Returns null when all spans are right, else a one-line description of the first fault.
 */
export function checkOffsets(doc: SteppeDocument): string | null {
  const t = doc.article.text;
  const inside = (s: { start: number; end: number }) => s.start >= 0 && s.end <= t.length && s.start <= s.end;
  for (const p of doc.article.paragraphs) if (!inside(p)) return `paragraph ${p.start}-${p.end} outside the text`;
  for (const a of doc.actors) {
    for (const m of a.mentions) if (!inside(m) || t.slice(m.start, m.end) !== m.text) return `mention "${m.text}" of ${a.id} at ${m.start} does not match the text`;
  }
  for (const q of doc.quotes) {
    if (!inside(q) || t.slice(q.start, q.end) !== q.text) return `quote ${q.id} does not match the text`;
    if (q.speakerMention && !inside(q.speakerMention)) return `quote ${q.id} speaker mention outside the text`;
  }
  for (const e of doc.events) {
    if (!inside(e.sentence) || !inside(e.trigger) || t.slice(e.trigger.start, e.trigger.end) !== e.trigger.text) return `event ${e.id} trigger does not match the text`;
    for (const m of e.mentions ?? []) {
      if (!inside(m.sentence) || !inside(m.trigger) || t.slice(m.trigger.start, m.trigger.end) !== m.trigger.text) return `event ${e.id} mention at ${m.trigger.start} does not match the text`;
    }
  }
  return null;
}
