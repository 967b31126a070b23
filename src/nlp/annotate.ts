/**
 * Annotation with wink-nlp (wink-eng-lite-web-model): sentences, tokens with character offsets,
 * Universal POS tags and lemmas. Each paragraph is read on its own, so that no sentence crosses
 * a paragraph boundary. Offsets are UTF-16 indices into `article.text`.
 *
 * The model is loaded once per process (`createAnnotator()` memoizes it), so a worker thread or a
 * distributed worker pays the load cost once.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Article, AnnotatedText, Sentence, Token } from '../types.js';
import { isTitleCase } from './title-case.js';

type Wink = ReturnType<typeof winkNLP>;
let nlpCache: Wink | null = null;

/** A function that annotates an Article. */
export type Annotator = (article: Article) => AnnotatedText;

/**
 * The wink-nlp annotations we read: sentence boundaries and POS (with lemmas, which wink derives
 * from them). wink's own entities, negation, sentiment and custom entities are not run: they do
 * not change tokens, tags, lemmas or sentences (checked on 20,000 news and treebank paragraphs)
 * and took a quarter of wink's time.
 */
export const WINK_PIPE = ['sbd', 'pos'];

/** Dash tokens that close a wire dateline. */
const DATELINE_DASH = /^(?:--|—|–|-)$/;
/**
 * The length (in tokens of `idx`, the indices of a paragraph's first sentence) of a wire dateline
 * that opens it, or -1: a place written in capitals ("NAIROBI", "KYIV, Ukraine", "BAKU, May 14"),
 * optionally an agency in parentheses ("(Reuters)"), then a dash standing apart, then a capitalised
 * word or a quotation mark; at most 16 tokens (hyphens inside the place's name count: "PORT-AU-
 * PRINCE, Haiti, June 12 (Wire) --"), no verb before the dash (AP and Reuters style).
 */
export function datelineEnd(tokens: readonly Token[], idx: readonly number[]): number {
  if (idx.length < 3 || !/^\p{Lu}[\p{Lu}.'’-]{2,}$/u.test(tokens[idx[0]].text)) return -1;
  for (let n = 1; n < Math.min(idx.length - 1, 16); n++) {
    const t = tokens[idx[n]];
    if (t.pos === 'VERB' || t.pos === 'AUX') return -1;
    if (!DATELINE_DASH.test(t.text)) continue;
    const next = tokens[idx[n + 1]];
    // the dash stands apart ("BAKU -- The"), not inside a word; a hyphen glued on both sides is
    // part of the place's name ("PORT-AU-PRINCE, Haiti --")
    const gluedBefore = t.start === tokens[idx[n - 1]].end, gluedAfter = next.start === t.end;
    if (gluedBefore && gluedAfter) continue;
    if (gluedBefore || gluedAfter) return -1;
    return /^[\p{Lu}"“'‘]/u.test(next.text) ? n + 1 : -1;
  }
  return -1;
}

/** A word and its possessive clitic in one wink token ("Trump's", "Clinton’s"): [whole, word, clitic]. */
const POSSESSIVE = /^(\p{L}[\p{L}.-]*)(['’]s)$/u;

/** Options of {@link createAnnotator}. */
export interface AnnotatorOptions {
  /**
   * For Title Case headlines (see {@link truecase}): the end (a character offset into `text`) of
   * the longest known name (an actor dictionary form, a gazetteer place) that starts at character
   * `start`, or -1. Without it only the article's own capitals tell names from words.
   */
  nameEnd?: (text: string, start: number) => number;
}

/**
 * One paragraph read by wink: its character span in the article `[base, end)`, its tokens (with
 * article offsets) and each sentence's token indices (into `tokens`).
 */
export interface ReadParagraph { base: number; end: number; tokens: Token[]; sentences: number[][]; headlines?: Set<number> }

/** Create the annotator (loads the wink model once per process). */
export function createAnnotator(opts: AnnotatorOptions = {}): Annotator {
  nlpCache ??= winkNLP(model, WINK_PIPE);
  const nlp = nlpCache;
  const its = nlp.its;
  /** Read `ptext` (the paragraph at character `base` of the article) into tokens and sentences. */
  const readParagraph = (ptext: string, base: number): ReadParagraph => {
    const tokens: Token[] = [];
    const sentences: number[][] = [];
    const doc = nlp.readDoc(ptext);
    const all = doc.tokens();
    const values = all.out(its.value) as string[];
    const pos = all.out(its.pos) as string[];
    const lemmas = all.out(its.lemma as never) as unknown as string[];
    // character span of each wink token: [starts[i], ends[i])
    const starts = new Array<number>(values.length);
    const ends = new Array<number>(values.length);
    let cursor = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      let at = ptext.indexOf(v, cursor);
      if (at < 0) at = cursor; // wink never rewrites token text; keep monotone if it ever does
      starts[i] = base + at;
      ends[i] = base + at + v.length;
      cursor = at + v.length;
    }
    const map: number[] = [];
    /** how many of our tokens wink token i became (2 for a split possessive) */
    const width = new Array<number>(values.length).fill(1);
    for (let i = 0; i < values.length; i++) {
      if (pos[i] === 'SPACE' || !values[i].trim()) { map.push(-1); continue; }
      // wink splits words at letters outside its alphabet ("Məmmədova" → M ə mm ə dova, the ə tagged X):
      // glue such pieces back into one word
      const prev = tokens[tokens.length - 1];
      if (prev && map.length && map[i - 1] === tokens.length - 1 && prev.end === starts[i] && /^\p{L}+$/u.test(values[i]) && /\p{L}$/u.test(prev.text) &&
        (pos[i] === 'X' || pos[i - 1] === 'X' || /[^\x00-\u024f]/u.test(values[i] + prev.text))) {
        prev.text += values[i];
        prev.end = ends[i];
        prev.lemma = prev.text.toLowerCase();
        if (prev.pos === 'X' || /^\p{Lu}/u.test(prev.text)) prev.pos = /^\p{Lu}/u.test(prev.text) ? 'PROPN' : 'NOUN';
        map.push(tokens.length - 1);
        continue;
      }
      map.push(tokens.length);
      // a possessive "'s" stays a token of its own: wink splits "Trump's" in a fresh process but
      // not once its vocabulary has met the whole word, so the split would depend on what was
      // read before (an article's tokens, and all that follows, on the order of a batch)
      const poss = POSSESSIVE.exec(values[i]);
      if (poss) {
        const cut = ends[i] - poss[2].length;
        tokens.push({ text: poss[1], start: starts[i], end: cut, pos: /^\p{Lu}/u.test(poss[1]) ? 'PROPN' : 'NOUN', lemma: poss[1].toLowerCase(), sentence: -1 });
        tokens.push({ text: poss[2], start: cut, end: ends[i], pos: 'PART', lemma: poss[2], sentence: -1 });
        width[i] = 2;
        continue;
      }
      tokens.push({ text: values[i], start: starts[i], end: ends[i], pos: pos[i], lemma: lemmas[i] ?? values[i].toLowerCase(), sentence: -1 });
    }
    const spans = doc.sentences().out(its.span) as unknown as Array<[number, number]>;
    spans.forEach(([a, b], n) => {
      const idx = [] as number[];
      for (let i = a; i <= b; i++) if (map[i] >= 0 && idx[idx.length - 1] !== map[i]) for (let w = 0; w < width[i]; w++) idx.push(map[i] + w);
      if (!idx.length) return;
      // a wire dateline opening the paragraph ("NAIROBI, June 25 --", "MOSCOW (Reuters) -") is a
      // sentence of its own: its place, date and agency are no part of the lead's clause
      const cut = n === 0 ? datelineEnd(tokens, idx) : -1;
      if (cut > 0) { sentences.push(idx.slice(0, cut)); sentences.push(idx.slice(cut)); } else sentences.push(idx);
    });
    return { base, end: base + ptext.length, tokens, sentences };
  };
  return (article: Article): AnnotatedText => {
    const tokens: Token[] = [];
    const sentences: Sentence[] = [];
    const read = article.paragraphs.map((p) => readParagraph(article.text.slice(p.start, p.end), p.start));
    truecase(article.text, read, (ptext, base) => readParagraph(ptext, base), opts.nameEnd);
    read.forEach((r, pi) => {
      const offset = tokens.length;
      for (const t of r.tokens) tokens.push(t);
      r.sentences.forEach((idx, n) => {
        const si = sentences.length;
        for (const t of idx) tokens[offset + t].sentence = si;
        sentences.push({ start: tokens[offset + idx[0]].start, end: tokens[offset + idx[idx.length - 1]].end, tokenStart: offset + idx[0], tokenEnd: offset + idx[idx.length - 1] + 1, paragraph: pi,
          ...(r.headlines?.has(n) ? { headline: true } : {}) });
      });
    });
    return { article, text: article.text, sentences, tokens };
  };
}

/** The opening of a quotation, a parenthesis or a label, after which a capital starts a new phrase. */
const PHRASE_OPENERS = new Set([':', '"', '“', '‘', "'", '(', '[', '—', '–', '-', '--']);

/**
 * Truecasing of Title Case headlines set in the text (`isTitleCase`: "Rebels Storm Border Post in
 * Northern Province"), whose capitals make wink tag verbs and nouns as proper nouns: each such
 * sentence is read again with its capitalised words in lower case, except its first word, words
 * after a quotation mark, colon or parenthesis, acronyms and words with inner capitals ("McCain"),
 * known names (`nameEnd`, which may span several words: "Saint Lucia", "Human Rights Watch") and
 * words the article writes with a capital inside a sentence that is not Title Case (its own
 * names, "Kumgyong"). The sentence's tokens take the new reading's text, POS and lemma; their
 * character offsets are unchanged, and `article.text` is not touched, so every span still points
 * at the page's own characters; the sentence is marked a headline (`headlines`, then
 * `Sentence.headline`). A sentence whose new reading splits differently keeps the old.
 * Mutates the tokens and `headlines` of `read`.
 */
export function truecase(text: string, read: ReadParagraph[], reread: (ptext: string, base: number) => ReadParagraph, nameEnd?: (text: string, start: number) => number): void {
  const isCap = (w: string) => /^\p{Lu}/u.test(w);
  const title = read.map((r) => r.sentences.map((idx) => isTitleCase(idx.map((i) => r.tokens[i]), 0, idx.length)));
  if (!title.some((t) => t.some(Boolean))) return;
  // the article's own capitals: words capitalised inside a sentence that is not a headline
  const named = new Set<string>();
  read.forEach((r, pi) => r.sentences.forEach((idx, si) => {
    if (title[pi][si]) return;
    for (let n = 1; n < idx.length; n++) {
      const w = r.tokens[idx[n]].text;
      if (isCap(w) && !PHRASE_OPENERS.has(r.tokens[idx[n - 1]].text)) named.add(w);
    }
  }));
  read.forEach((r, pi) => {
    if (!title[pi].some(Boolean)) return;
    const buf = text.slice(r.base, r.end).split('');
    r.sentences.forEach((idx, si) => {
      if (!title[pi][si]) return;
      // (the first word keeps its capital, and a name it opens keeps all of its own: "Saint Lucia")
      let keepUntil = nameEnd ? nameEnd(text, r.tokens[idx[0]].start) : -1;
      for (let n = 1; n < idx.length; n++) {
        const t = r.tokens[idx[n]];
        if (t.start < keepUntil || !isCap(t.text) || PHRASE_OPENERS.has(r.tokens[idx[n - 1]].text)) continue;
        if (t.text.length > 1 && (t.text === t.text.toUpperCase() || /\p{Lu}/u.test(t.text.slice(1)))) continue;
        const end = nameEnd ? nameEnd(text, t.start) : -1;
        if (end > t.start) { keepUntil = end; continue; }
        if (named.has(t.text)) continue;
        const low = t.text[0].toLowerCase();
        if (low.length === 1) buf[t.start - r.base] = low;
      }
    });
    const again = reread(buf.join(''), r.base);
    const byStart = new Map(again.tokens.map((t) => [t.start, t]));
    r.sentences.forEach((idx, si) => {
      if (!title[pi][si]) return;
      const news = idx.map((i) => byStart.get(r.tokens[i].start));
      if (news.some((t, n) => !t || t.end !== r.tokens[idx[n]].end)) return;
      idx.forEach((i, n) => { const t = news[n]!; r.tokens[i].text = t.text; r.tokens[i].pos = t.pos; r.tokens[i].lemma = t.lemma; });
      (r.headlines ??= new Set()).add(si);
    });
  });
}
