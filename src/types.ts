/**
 * Internal types passed between pipeline stages (DESIGN.md, "The pipeline"):
 * RawDocument (ingest) → Article (extract) → AnnotatedText (annotate) → actors, quotes, events.
 * All offsets are UTF-16 code-unit indices, half-open `[start, end)`.
 */
import type { Paragraph, Removed } from './schema.js';

/** One input document as read by `ingest/`: raw bytes decoded to a string, plus what the caller knows. */
export interface RawDocument {
  /** Where it came from: file path, URL, `jsonl-file#id`, or `-` for stdin. Printed as `article.source`. */
  source: string;
  /** `html` for markup, `text` for plain or scraped text. */
  format: 'html' | 'text';
  content: string;
  url?: string | null;
  title?: string | null;
  /** YYYY-MM-DD, when the caller knows it (jsonl field or `--published`). */
  published?: string | null;
}

/** The result of `extract/`: clean article text and its metadata. */
export interface Article {
  source: string;
  url: string | null;
  outlet: string | null;
  title: string | null;
  byline: string[];
  published: string | null;
  language: string | null;
  /** Paragraphs joined by "\n\n". */
  text: string;
  paragraphs: Paragraph[];
  removed: Removed[];
}

/** A token from `nlp/annotate`: surface text, offsets, Universal POS tag, lemma. */
export interface Token {
  /**
   * Surface text: the characters of `[start, end)`, except in a Title Case headline, where a word
   * that is no name is given in lower case (src/nlp/annotate.ts `truecase`).
   */
  text: string;
  start: number;
  end: number;
  /** Universal POS tag (UD v2), as wink-nlp gives it. */
  pos: string;
  lemma: string;
  /** Index of the sentence holding this token. */
  sentence: number;
}

/** A sentence: offsets into the text and its token index range `[tokenStart, tokenEnd)`. */
export interface Sentence {
  start: number;
  end: number;
  tokenStart: number;
  tokenEnd: number;
  /** Index of the paragraph this sentence lies in. */
  paragraph: number;
  /**
   * A Title Case headline read in lower case (src/nlp/annotate.ts `truecase`): its tokens are
   * truecased, and headline grammar (verbs the tagger reads as nouns, no articles) applies.
   */
  headline?: boolean;
}

/**
 * A dependency parse (issue 7): for each token of `tokens` (same index), the index of its head
 * token (-1 for a sentence root) and its Universal Dependencies relation. Heads never cross sentences.
 */
export interface ParseView {
  head: Int32Array;
  relation: string[];
}

/** The result of `nlp/annotate`: the article with its sentences and tokens. */
export interface AnnotatedText {
  article: Article;
  text: string;
  sentences: Sentence[];
  tokens: Token[];
  /**
   * The dependency parse as a lazy view: computed by our parser (models/parser) on first call and
   * cached, so stages that do not walk the syntax pay nothing. Absent when no parser is loaded.
   */
  parse?: () => ParseView;
  /**
   * The same view as `parse()`, with at least the given sentences (indices into `sentences`)
   * parsed; other sentences may still be unparsed (head −1, relation "dep") until a stage asks for
   * them, so a stage pays only for the sentences it walks (the event coder: sentences with a
   * trigger). Heads never cross sentences, so a parsed sentence is complete on its own. Absent
   * when no parser is loaded.
   */
  parseSentences?: (sentences: Iterable<number>) => ParseView;
}
