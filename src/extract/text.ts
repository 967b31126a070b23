/**
 * Plain-text extraction: turns text scraped from a news page, with its page chrome, into an
 * Article. One line (or one blank-line-separated block) is one paragraph. Rules, in order:
 * navigation and image-placeholder lines go (data/extract/boilerplate.yaml); a line repeated
 * right after itself is a photo caption, kept once as `caption`; an author bio card ("Jane Doe is
 * an RFE/RL correspondent …") goes and gives the byline and outlet; a newsletter promo heading
 * and everything after it go; the first headline-like line is the title; "By …" lines give the
 * byline; short title-case lines are headings.
 *
 * `rawTextArticle` is the `--no-extract` path: the text is kept exactly, paragraphs split on blank lines.
 */
import type { Article } from '../types.js';
import type { Paragraph, ParagraphKind, Removed } from '../schema.js';
import { boilerplateRules, outletForUrl } from './rules.js';
import { detectLanguage } from './language.js';

/** Options of `extractText` and `rawTextArticle`. */
export interface TextExtractOptions {
  source: string;
  url?: string | null;
  /** A title known from elsewhere (jsonl field); wins over the one found in the text. */
  title?: string | null;
}

interface Line { text: string; kind: ParagraphKind | null; removed?: string }

const TERMINAL = /[.!?:;"”’')\]]$/;
// photo-caption cues: a position marker, or a present-tense verb of a pictured action (lower case:
// "March 3" is a date, not a march)
const CAPTION_CUE = /\((?:left|right|center|centre|top|bottom|l|r|c|file|L|R|C|File)\)|\b(?:meets|meet|shakes hands|shake hands|inspects|inspect|speaks|attends|attend|arrives|arrive|walks|walk|stands|stand|gestures|gesture|looks on|listens|poses|pose|waves|wave|holds|fold|folds|march|marches|gather|gathers|is seen|are seen|takes part|take part|sits|sit|lays|lay|salutes|salute|chant|chants|rally|rallies)\b/;
const BYLINE = /^(?:by|By|BY)\s+(?<names>[A-Z][\p{L}'’.-]+(?:\s+[A-Z][\p{L}'’.-]+)*(?:\s*(?:,|and|&)\s*[A-Z][\p{L}'’.-]+(?:\s+[A-Z][\p{L}'’.-]+)*)*)\s*$/u;
const NAME_ONLY = /^[A-Z][\p{L}'’.-]+(?: [A-Z][\p{L}'’.-]+){1,3}$/u;

function words(s: string): string[] {
  return s.split(/\s+/).filter(Boolean);
}

/** A headline: no sentence-final period, 3–25 words, most content words capitalised or a sentence-case line without a verb-final period. */
function isHeadlineLike(s: string): boolean {
  const w = words(s);
  return w.length >= 3 && w.length <= 25 && !/[.;:]$/.test(s);
}

/** A sub-heading: 1–8 words, no terminal punctuation, title case. */
function isHeadingLike(s: string): boolean {
  const w = words(s);
  if (w.length < 1 || w.length > 8 || TERMINAL.test(s) || s.length > 70) return false;
  const capped = w.filter((x) => /^[A-Z0-9"“‘']/.test(x)).length;
  return capped / w.length >= 0.6;
}

function isSingleSentence(s: string): boolean {
  return !/[.!?]["”’]?\s+[A-Z"“]/.test(s.replace(/\b(?:[A-Z]\.|Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Jr|Sr|U\.S|U\.N)\./g, ''));
}

/** Split into byline names: "Jane Doe and John Roe" → ["Jane Doe", "John Roe"]. */
export function splitByline(s: string): string[] {
  return s.split(/\s*(?:,|\band\b|&)\s*/).map((x) => x.trim()).filter((x) => NAME_ONLY.test(x));
}

function assemble(lines: Line[], meta: Omit<Article, 'text' | 'paragraphs' | 'language' | 'removed'>, removed: Removed[]): Article {
  const paragraphs: Paragraph[] = [];
  let text = '';
  for (const l of lines) {
    if (!l.kind) continue;
    if (text) text += '\n\n';
    paragraphs.push({ start: text.length, end: text.length + l.text.length, kind: l.kind });
    text += l.text;
  }
  return { ...meta, text, paragraphs, removed, language: text ? detectLanguage(text.slice(0, 4000)) : null };
}

/**
 * Extract the article from scraped plain text with page chrome.
 * Returns an Article whose `text` may be empty when nothing article-like remains (the pipeline
 * then reports E_NO_ARTICLE). Never throws on content.
 */
export function extractText(input: string, opts: TextExtractOptions): Article {
  const rules = boilerplateRules();
  const raw = input.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ');
  const lines: Line[] = raw
    .split('\n')
    .map((s) => s.replace(/^[\s•·*▪►-]+(?=\S)/u, (m) => (/[•·*▪►]/.test(m) ? '' : m.replace(/\s+/g, ''))).replace(/\s+/g, ' ').trim())
    .filter((s) => s.length > 0)
    .map((text) => ({ text, kind: 'body' as ParagraphKind | null }));
  const removed: Removed[] = [];
  const drop = (l: Line, reason: string) => {
    l.kind = null;
    l.removed = reason;
    removed.push({ text: l.text.length > 120 ? l.text.slice(0, 117) + '...' : l.text, reason });
  };
  let byline: string[] = [];
  let outlet: string | null = outletForUrl(opts.url);
  let title: string | null = null;

  // 1. navigation, image placeholders, promo lines
  for (const l of lines) {
    if (rules.navigation.test(l.text)) drop(l, 'navigation');
    else if (rules.image.test(l.text)) drop(l, 'image-placeholder');
  }
  // 2. newsletter promo block: heading to end of page
  const promoAt = lines.findIndex((l) => l.kind && rules.promoHeading.test(l.text));
  if (promoAt >= 0) for (let i = promoAt; i < lines.length; i++) if (lines[i].kind) drop(lines[i], 'newsletter-promo');
  for (const l of lines) if (l.kind && rules.promoLine.test(l.text)) drop(l, 'newsletter-promo');
  // 3. author bio cards
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!l.kind) continue;
    const m = rules.bioOpening.exec(l.text);
    if (!m?.groups) continue;
    const name = m.groups.name;
    // a bio card stands after the article body (or is preceded by the name alone on its own line)
    const prev = lines.slice(0, i).reverse().find((x) => x.kind);
    const nameLine = prev && prev.text === name;
    const tail = i > lines.length * 0.6;
    if (!nameLine && !tail) continue;
    drop(l, 'author-bio');
    if (nameLine && prev) drop(prev, 'author-bio');
    if (!byline.includes(name)) byline.push(name);
    if (!outlet && m.groups.outlet) outlet = m.groups.outlet;
  }
  // 4. repeated lines: a line repeated right after itself is a caption, kept once; later repeats go
  const seen = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!l.kind) continue;
    const next = lines[i + 1];
    if (next && next.kind && next.text === l.text) {
      l.kind = 'caption';
      drop(next, 'duplicate-caption');
    } else if (seen.has(l.text)) {
      drop(l, 'duplicate');
    }
    seen.add(l.text);
  }
  // 5. title, byline and headings; the caption of a lead photo right after the title
  const firstKept = lines.findIndex((l) => l.kind);
  if (opts.title) title = opts.title;
  if (firstKept >= 0 && isHeadlineLike(lines[firstKept].text) && lines[firstKept].kind === 'body') {
    const l = lines[firstKept];
    title ??= l.text;
    l.kind = null;
    l.removed = 'title';
  }
  let bodySeen = false;
  for (const l of lines) {
    if (!l.kind) continue;
    const by = BYLINE.exec(l.text);
    if (by?.groups && !bodySeen) {
      for (const n of splitByline(by.groups.names)) if (!byline.includes(n)) byline.push(n);
      drop(l, 'byline');
      continue;
    }
    if (l.kind === 'body' && !bodySeen && isSingleSentence(l.text) && CAPTION_CUE.test(l.text) && words(l.text).length <= 45) {
      l.kind = 'caption';
      continue;
    }
    if (l.kind === 'body' && isHeadingLike(l.text) && bodySeen) {
      l.kind = 'heading';
      continue;
    }
    if (l.kind === 'body') bodySeen = true;
  }
  return assemble(lines, { source: opts.source, url: opts.url ?? null, outlet, title, byline, published: null }, removed);
}

/**
 * `--no-extract`: the input is clean article text. `text` is the input exactly as given, so every
 * offset refers to it; paragraphs are the blank-line-separated blocks (trimmed of surrounding
 * whitespace); a short title-case line after the first block is a `heading`.
 */
export function rawTextArticle(input: string, opts: TextExtractOptions): Article {
  const paragraphs: Paragraph[] = [];
  const re = /[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*/g;
  for (let m = re.exec(input); m; m = re.exec(input)) {
    const block = m[0];
    const lead = block.length - block.trimStart().length;
    const trimmed = block.trim();
    if (!trimmed) continue;
    const start = m.index + lead;
    // a short title-case line between body paragraphs is a heading (the offsets do not change)
    const kind = paragraphs.length > 0 && !trimmed.includes('\n') && isHeadingLike(trimmed) ? 'heading' : 'body';
    paragraphs.push({ start, end: start + trimmed.length, kind });
  }
  return {
    source: opts.source, url: opts.url ?? null, outlet: outletForUrl(opts.url), title: opts.title ?? null, byline: [], published: null,
    language: input.trim() ? detectLanguage(input) : null, text: input, paragraphs, removed: [],
  };
}
