/**
 * Plain-text extraction: turns text scraped from a news page, with its page chrome, into an
 * Article. One line (or one blank-line-separated block) is one paragraph. Rules, in order:
 * 1. navigation lines go: those of data/extract/boilerplate.yaml and menus of short items
 *    separated by "|", "•", "·" or a breadcrumb's "›" ({@link isNavLine}); rows of share-button
 *    labels ("Facebook Twitter Email") and image placeholders go; a related-stories label
 *    ("Related stories", "Read more", "Most read") goes;
 * 2. a newsletter promo heading and everything after it go;
 * 3. an author bio card ("Jane Doe is an RFE/RL correspondent …") goes and gives the byline and outlet;
 * 4. a line repeated right after itself is a photo caption, kept once as `caption`;
 * 5. the teaser headlines after a related-stories label go, up to the next line of prose;
 * 6. photo-credit lines ("Photo: Reuters", "REUTERS/Jane Doe") go; labelled captions ("Photo: …")
 *    and lines ending with a photo credit are kept as `caption`;
 * 7. in the header (the lines above the first paragraph of prose): date lines go and the first
 *    publication date (not an update time) is `published`; "By …" lines give the byline (and a
 *    date written on the same line); the first headline-like line is the title, after at most
 *    two section labels ("Europe"), which go; date lines further down go only when they say
 *    "Published" or "Updated";
 * 8. short title-case lines between body paragraphs are headings.
 *
 * `rawTextArticle` is the `--no-extract` path: the text is kept exactly, paragraphs split on blank lines.
 */
import type { Article } from '../types.js';
import type { Paragraph, ParagraphKind, Removed } from '../schema.js';
import { boilerplateRules, outletForUrl } from './rules.js';
import { detectLanguage } from './language.js';
import { CAPTION_CUE, DATELINE_CUE, RELATED_LABEL, SHARE_LINE, isCaptionLine, isCreditLine, isDateline, isSingleSentence } from './lines.js';
import { normalizeDate, splitBylineNames } from './metadata.js';

/** Options of `extractText` and `rawTextArticle`. */
export interface TextExtractOptions {
  source: string;
  url?: string | null;
  /** A title known from elsewhere (jsonl field); wins over the one found in the text. */
  title?: string | null;
}

interface Line { text: string; kind: ParagraphKind | null; removed?: string }

const TERMINAL = /[.!?:;"”’')\]]$/;
const BYLINE = /^(?:by|By|BY)\s+(?<names>[A-Z][\p{L}'’.-]+(?:\s+[A-Z][\p{L}'’.-]+)*(?:\s*(?:,|and|&)\s*[A-Z][\p{L}'’.-]+(?:\s+[A-Z][\p{L}'’.-]+)*)*)\s*$/u;
const NAME_ONLY = /^[A-Z][\p{L}'’.-]+(?: [A-Z][\p{L}'’.-]+){1,3}$/u;
/** "By …", "Written by …", "Reporting by …" at the start of a line. */
const BY_OPENING = /^(?:(?:written|reported|reporting|words|story|text)\s+)?by\b[:\s]+\S/i;
const SENTENCE_END = /[.!?…]["”’»)\]]*$/;

/** Section names of a site menu ("Home World Europe Politics"), for menus written without separators. */
const SECTION_WORDS = new Set([
  'home', 'news', 'latest', 'world', 'europe', 'asia', 'africa', 'americas', 'middle', 'east', 'us', 'uk', 'national',
  'international', 'local', 'politics', 'business', 'economy', 'markets', 'money', 'finance', 'opinion', 'opinions',
  'analysis', 'sport', 'sports', 'culture', 'arts', 'entertainment', 'lifestyle', 'life', 'style', 'travel', 'science',
  'tech', 'technology', 'health', 'climate', 'environment', 'weather', 'video', 'videos', 'podcasts', 'podcast', 'audio',
  'photos', 'live', 'more', 'menu', 'search', 'subscribe', 'newsletters', 'login', 'contact', 'about', 'features',
  'investigations', 'education', 'religion', 'society', 'regions', 'region', 'crime', 'law', 'security', 'defence',
  'defense', 'energy', 'media', 'food', 'books', 'music', 'film', 'tv', 'radio', 'blogs', 'programs', 'shows', '&', 'and',
]);

/**
 * A site-navigation line: three or more short items separated by "|", "•", "·" ("Home | World |
 * Politics", "Privacy Policy | Terms of Use | Contact"), a breadcrumb of two or more items
 * separated by "›", "»" or ">" ("Home › News › Europe"), or three or more section names with no
 * separator ("Home World Europe Politics"). An item has at most four words, no sentence
 * punctuation at its end, no date and no "By …": a headline with its site name ("Headline |
 * Site") and a byline with its date ("By Jane Doe | June 2, 2023") are not navigation.
 */
export function isNavLine(s: string): boolean {
  if (s.length > 200) return false;
  // spaced separators only: » and › also open and close quotations («…», »…«)
  const breadcrumb = /\s[›»>]\s/.test(s);
  const items = s.split(breadcrumb ? /\s+[›»>]\s+/ : /\s*[|•·]\s*/).filter(Boolean);
  if (items.length >= (breadcrumb ? 2 : 3)) {
    return items.every((it) => words(it).length <= 4 && it.length <= 32 && !/[.!?,;:]$/.test(it) && !BY_OPENING.test(it) && !isDateline(it) && !/\d{4}/.test(it));
  }
  const w = s.toLowerCase().split(/\s+/);
  return w.length >= 3 && w.length <= 12 && !/[^\p{L}\s&]/u.test(s) && w.every((x) => SECTION_WORDS.has(x)) && w.filter((x) => x !== '&' && x !== 'and').length >= 3;
}

/** At most this many teaser headlines follow a related-stories label. */
const RELATED_MAX = 12;
/** Lines searched for a byline and date when the page has no paragraph of prose. */
const HEADER_MAX = 8;
/** Section labels skipped above a headline. */
const KICKER_MAX = 2;
/** "· 3 min read" after a date. */
const READING_TIME = /\s*[·•|,-]?\s*\d+\s*min(?:ute)?s?\.?\s+read$/i;
/** What every match of {@link READING_TIME} ends with (same flags): lines without it skip that regex, which is tried at every position. */
const READING_END = /read$/i;
/** "06/10/2020": day and month could be either way round. */
const AMBIGUOUS_DATE = /^\D*(?:0?[1-9]|1[0-2])[/.-](?:0?[1-9]|1[0-2])[/.-]\d{2,4}\b/;
/** An update time rather than a publication date. */
const UPDATED = /\b(?:updated|modified|last)\b|(?<!\p{L})(?:atualizado|actualizado|mis à jour|aktualisiert|aggiornato)(?!\p{L})/iu;

/** A teaser headline in a related-stories list: at most 20 words, not a sentence of prose. */
function isTeaser(s: string): boolean {
  return words(s).length <= 20 && (!SENTENCE_END.test(s) || /\?["”’]?$/.test(s) && words(s).length <= 14);
}

/** A section label above a headline ("Europe", "World news"): one or two words, no punctuation at the end. */
function isKicker(s: string): boolean {
  return words(s).length <= 2 && s.length <= 30 && !/[.!?,;:]$/.test(s) && !BY_OPENING.test(s);
}

/** A paragraph of the story: a full sentence of six words or more, or a long line. */
function isProse(s: string): boolean {
  const n = words(s).length;
  return (n >= 6 && SENTENCE_END.test(s)) || n >= 30;
}

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

/** A wire dateline opening the first paragraph: a place in capitals, then up to 60 characters, then a dash standing apart. */
const WIRE_DATELINE = /^(\p{Lu}[\p{Lu}.'’ -]{2,}[^\n]{0,60}?)\s(?:--|—|–|-)\s/u;

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

  let published: string | null = null;
  const relatedLabels: number[] = [];

  // 1. navigation, share rows, image placeholders, related-story labels
  lines.forEach((l, i) => {
    if (l.text.length <= 80 && RELATED_LABEL.test(l.text)) {
      drop(l, 'related');
      relatedLabels.push(i);
    } else if (rules.navigation.test(l.text) || isNavLine(l.text)) drop(l, 'navigation');
    else if (l.text.length <= 120 && SHARE_LINE.test(l.text)) drop(l, 'share');
    else if (rules.image.test(l.text)) drop(l, 'image-placeholder');
  });
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
  // 5. related-story blocks: after a label, the teaser headlines up to the next line of prose. A
  // label above the story (a "Most read" box before the headline) keeps the line just above
  // the byline, date line or first paragraph where its list ends: that line is the headline.
  const firstProse = lines.findIndex((l) => l.kind === 'body' && isProse(l.text));
  for (const at of relatedLabels) {
    const aboveStory = firstProse < 0 || at < firstProse;
    const teasers: Line[] = [];
    let end: Line | null = null;
    for (let j = at + 1; j < lines.length && j <= at + RELATED_MAX; j++) {
      const l = lines[j];
      if (!l.kind) {
        if (relatedLabels.includes(j)) break;
        continue;
      }
      const header = BY_OPENING.test(l.text) || isDateline(l.text);
      if (l.kind !== 'body' || (aboveStory && header) || !(isTeaser(l.text) || header)) {
        end = l;
        break;
      }
      teasers.push(l);
    }
    if (aboveStory && end && end.kind === 'body' && (isProse(end.text) || BY_OPENING.test(end.text) || isDateline(end.text))) teasers.pop();
    for (const l of teasers) drop(l, 'related');
  }
  // 6. photo credits go; captions (labelled, or ending with a credit) are kept as captions
  for (const l of lines) {
    if (l.kind !== 'body') continue;
    if (isCreditLine(l.text)) drop(l, 'image-credit');
    else if (isCaptionLine(l.text)) l.kind = 'caption';
  }
  // 7. the header, up to the first paragraph of prose: date lines, the byline, the title
  const prose = lines.findIndex((l) => l.kind === 'body' && isProse(l.text));
  const headerEnd = prose < 0 ? Math.min(lines.length, HEADER_MAX) : prose;
  const dates: string[] = [];
  lines.forEach((l, i) => {
    if (l.kind !== 'body') return;
    const t = READING_END.test(l.text) ? l.text.replace(READING_TIME, '') : l.text;
    if (!isDateline(t) || (i >= headerEnd && !DATELINE_CUE.test(t))) return;
    drop(l, 'dateline');
    // an update time is not the publication date (on evergreen pages it is years later)
    const day = UPDATED.test(t) || AMBIGUOUS_DATE.test(t) ? null : normalizeDate(t);
    if (day) dates.push(day);
  });
  for (let i = 0; i < headerEnd; i++) {
    const l = lines[i];
    if (l.kind !== 'body' || l.text.length > 150) continue;
    const by = BYLINE.exec(l.text);
    let names = by?.groups ? splitByline(by.groups.names) : [];
    if (!names.length && BY_OPENING.test(l.text)) names = splitBylineNames(l.text);
    if (!names.length) continue;
    for (const n of names) if (!byline.includes(n)) byline.push(n);
    const day = normalizeDate(l.text);
    if (day) dates.push(day);
    drop(l, 'byline');
  }
  published = dates[0] ?? null;
  // else a wire dateline that names its year ("MANILA, March 3, 2024 (Wire) -- …"); one without a
  // year gives no date (its year would be a guess)
  if (!published) {
    const m = lines.filter((l) => l.kind === 'body').slice(0, 4).map((l) => WIRE_DATELINE.exec(l.text)).find((x) => x);
    if (m && /\b(?:19|20)\d{2}\b/.test(m[1])) published = normalizeDate(m[1]) ?? null;
  }
  if (opts.title) title = opts.title;
  const kept = lines.filter((l) => l.kind);
  // a section label or two ("Europe", "Analysis") may stand above the headline
  let k = 0;
  while (k < KICKER_MAX && kept[k + 1] && isKicker(kept[k].text) && kept[k].kind === 'body' && isHeadlineLike(kept[k + 1].text) && kept[k + 1].kind === 'body') k++;
  if (kept[k] && isHeadlineLike(kept[k].text) && kept[k].kind === 'body') {
    for (let i = 0; i < k; i++) drop(kept[i], 'section-label');
    const l = kept[k];
    title ??= l.text;
    l.kind = null;
    l.removed = 'title';
  }
  // 8. headings; the caption of a lead photo right after the title
  let bodySeen = false;
  for (const l of lines) {
    if (!l.kind) continue;
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
  return assemble(lines, { source: opts.source, url: opts.url ?? null, outlet, title, byline, published }, removed);
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
