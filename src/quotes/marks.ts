/**
 * Quotation marks: where quoted text lies in an article, and whether a quotation is a full
 * direct quote or a partial quote inside the reporter's sentence.
 *
 * Rules (our own; checked against PolNeAR train, never dev):
 * - Double marks pair within a paragraph: “ opens and ” closes; a straight " (or a doubled
 *   apostrophe '', as some newspapers print it) opens when no quote is open and closes one that
 *   is; a straight " after a digit and before a space (12" pipe) is an inch mark.
 * - A double quote still open at the end of a paragraph ends there (`closed: false`); when the
 *   next paragraph opens with a mark, that paragraph's first quotation continues it (`runOn`),
 *   the news convention for a quote that runs over several paragraphs.
 * - Single marks (‘ ’ and ') delimit a quotation only outside double quotes, when the opening
 *   mark follows a space, a bracket or the paragraph start and the closing mark is followed by a
 *   non-letter (so "don’t", "Leip’s" and "voters’ rights" are apostrophes), within 25 words.
 *   Inside double quotes they are nested quotes and belong to the outer quotation.
 * - A quotation is **direct** when it opens a sentence (nothing but the paragraph start, a
 *   sentence end, or a colon/comma/dash lies before it) and starts with a capital letter, digit or
 *   ellipsis; or when it starts with a capital and runs at least six words; or when it continues
 *   a run-on quote; or when it resumes a direct quote after an attribution that interrupts it
 *   (`"This is a small step," a spokesperson said, "but many more remain."`: both halves are
 *   direct). Otherwise it is **partial**: a fragment inside the reporter's sentence
 *   (what China deemed a 'color revolution').
 */
import type { QuoteKind } from '../schema.js';

/** One quotation: offsets of its marks (close = paragraph end when unclosed) and its context. */
export interface QuoteRegion {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark, or the paragraph end when the quote is not closed there. */
  close: number;
  closed: boolean;
  /** Index of the paragraph holding the opening mark. */
  paragraph: number;
  /** Opens the paragraph after an unclosed quotation: the same quote runs on. */
  runOn: boolean;
  /** Delimited by single marks. */
  single: boolean;
  /** Length of the opening mark: 1, or 2 for a doubled apostrophe ('') used as a double mark. */
  openLen: number;
}

/** A paragraph range, as in `Article.paragraphs`. */
export interface ParagraphRange { start: number; end: number }

const DOUBLE_OPEN = new Set(['“', '„', '«']);
const DOUBLE_CLOSE = new Set(['”', '»']);
const isLetter = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);

/** All quotations of a text, paragraph by paragraph, in text order. */
export function quoteRegions(text: string, paragraphs: ParagraphRange[]): QuoteRegion[] {
  const out: QuoteRegion[] = [];
  let carry = false;
  paragraphs.forEach((p, pi) => {
    let open = -1;
    let runOn = false;
    let single = -1;
    const first = text[p.start];
    const startsWithMark = first === '"' || DOUBLE_OPEN.has(first) || text.startsWith("''", p.start);
    if (carry && startsWithMark) runOn = true;
    carry = false;
    let openLen = 1;
    for (let i = p.start; i < p.end; i++) {
      // a doubled apostrophe ('') is a straight double mark (older newspaper text)
      const dbl = text[i] === "'" && text[i + 1] === "'" && i + 1 < p.end;
      const ch = dbl ? '"' : text[i];
      const len = dbl ? 2 : 1;
      const prev = i > p.start ? text[i - 1] : undefined;
      const next = i + len < p.end ? text[i + len] : undefined;
      if (open < 0) {
        if (DOUBLE_OPEN.has(ch) || (ch === '"' && !(/\d/.test(prev ?? '') && isSpace(next)) && !isSpace(next))) {
          single = -1; // a double quote inside a single-quoted stretch: the single mark was an apostrophe
          open = i;
          openLen = len;
          i += len - 1;
          continue;
        }
        // single marks at top level
        if ((ch === '‘' || ch === "'") && single < 0 && (prev === undefined || /[\s(\[—–-]/.test(prev)) && isLetter(next)) {
          single = i;
          continue;
        }
        if ((ch === '’' || ch === "'") && single >= 0 && !isLetter(next) && !isSpace(prev) && i > single + 1) {
          const words = text.slice(single + 1, i).split(/\s+/).length;
          if (words <= 25) out.push({ open: single, close: i, closed: true, paragraph: pi, runOn: false, single: true, openLen: 1 });
          single = -1;
          continue;
        }
      } else {
        const closes = DOUBLE_CLOSE.has(ch) || ch === '"';
        if (closes && i > open + openLen) {
          out.push({ open, close: i, closed: true, paragraph: pi, runOn, single: false, openLen });
          open = -1;
          runOn = false;
          i += len - 1;
        } else if (DOUBLE_OPEN.has(ch) && i > open + openLen) {
          // a new opening mark while one is open: the first was never closed
          out.push({ open, close: i, closed: false, paragraph: pi, runOn, single: false, openLen });
          open = i;
          openLen = 1;
          runOn = false;
        }
      }
    }
    if (open >= 0) {
      let end = p.end;
      while (end > open + 1 && /\s/.test(text[end - 1])) end--;
      out.push({ open, close: end, closed: false, paragraph: pi, runOn, single: false, openLen });
      carry = true;
    }
  });
  return out;
}

/** The content of a region without its marks, trimmed of spaces and a trailing comma: [start, end). */
export function regionContent(text: string, r: QuoteRegion): [number, number] {
  let start = r.open + r.openLen;
  let end = r.close;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /[\s,]/.test(text[end - 1])) end--;
  return [start, end];
}

/**
 * Direct or partial, by the rules in the module doc. `paraStart` is the start of the region's
 * paragraph; `prev`, when given, is the quotation before `r` in the text: a quotation resumed
 * after an attribution that interrupts a direct quote (`"A small step," she said, "but …"`) is
 * direct like the first half (`interrupted`).
 */
export function regionKind(text: string, paraStart: number, r: QuoteRegion, prev?: QuoteRegion): 'direct' | 'partial' {
  if (r.runOn) return 'direct';
  if (prev && interrupted(text, paraStart, prev, r) && regionKind(text, paraStart, prev) === 'direct') return 'direct';
  const [start, end] = regionContent(text, r);
  const content = text.slice(start, end);
  const capital = /^(?:\.\.\.|…|\s)*[\p{Lu}\d]/u.test(content);
  if (!capital) return 'partial';
  const lead = text.slice(paraStart, r.open);
  const opensSentence = lead.trim() === '' || /[.!?…]["”’')]?\s*$/.test(lead) || /[:,;—–-]\s*$/.test(lead) || /\(\s*$/.test(lead);
  if (opensSentence && !r.single) return 'direct';
  if (opensSentence && r.single && content.split(/\s+/).length >= 4) return 'direct';
  return !r.single && content.split(/\s+/).length >= 6 ? 'direct' : 'partial';
}

/**
 * Whether quotation `r` resumes the quotation `prev` after an attribution that interrupts it: both
 * double-quoted in one paragraph, the first ending in a comma (`,"` or `",`), then a short stretch
 * with no sentence end and no other mark (`a spokesperson said`), then a comma (or a colon or
 * dash) and `r`'s opening mark.
 */
export function interrupted(text: string, paraStart: number, prev: QuoteRegion, r: QuoteRegion): boolean {
  if (!prev.closed || prev.single || r.single || prev.open < paraStart || prev.close >= r.open) return false;
  const closeLen = text.startsWith("''", prev.close) ? 2 : 1;
  let inner = prev.close;
  while (inner > prev.open + prev.openLen && /\s/.test(text[inner - 1])) inner--;
  const between = text.slice(prev.close + closeLen, r.open);
  const comma = text[inner - 1] === ',' || /^\s*,/.test(between);
  if (!comma) return false;
  const words = between.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  return words >= 1 && words <= 12 && /^\s*,?\s*[^.!?;"“”„«»\n]+[,:—–-]\s*$/u.test(between);
}

/** For each character of the text, the index of the double or single quotation covering it, or -1. */
export function regionIndex(text: string, regions: QuoteRegion[]): Int32Array {
  const at = new Int32Array(text.length).fill(-1);
  regions.forEach((r, n) => { for (let k = r.open; k <= Math.min(r.close, text.length - 1); k++) at[k] = n; });
  return at;
}

/**
 * The kind of an arbitrary span (used to label gold attributions and grouped predictions the
 * same way): **direct** when at least 80% of its words lie inside quotation marks and the first
 * quotation it overlaps is direct by `regionKind`; **partial** when some of its words are quoted;
 * **indirect** otherwise.
 */
export function spanKind(text: string, paragraphs: ParagraphRange[], regions: QuoteRegion[], at: Int32Array, fragments: Array<[number, number]>): QuoteKind {
  let words = 0;
  let quoted = 0;
  let first = -1;
  const re = /[\p{L}\p{N}]+/gu;
  for (const [s, e] of fragments) {
    re.lastIndex = s;
    for (let m = re.exec(text); m && m.index < e; m = re.exec(text)) {
      words++;
      const r = at[m.index];
      if (r >= 0) { quoted++; if (first < 0) first = r; }
    }
  }
  if (!quoted) return 'indirect';
  if (quoted / words < 0.8) return 'partial';
  const r = regions[first];
  return regionKind(text, paragraphs[r.paragraph]?.start ?? 0, r, first > 0 ? regions[first - 1] : undefined);
}

/** Offset just after a region's closing mark. */
export function closeEnd(text: string, r: QuoteRegion): number {
  if (!r.closed) return r.close;
  return text.startsWith("''", r.close) ? r.close + 2 : r.close + 1;
}

/** Per regions array: the running maximum of `closeEnd` over regions[0..n], or null when the regions are not in order of their opening. */
const regionOrders = new WeakMap<QuoteRegion[], { text: string; length: number; maxClose: Float64Array | null }>();
function regionOrder(text: string, regions: QuoteRegion[]): Float64Array | null {
  const known = regionOrders.get(regions);
  if (known && known.text === text && known.length === regions.length) return known.maxClose;
  let maxClose: Float64Array | null = new Float64Array(regions.length);
  let m = -Infinity;
  for (let n = 0; n < regions.length; n++) {
    if (n > 0 && regions[n].open < regions[n - 1].open) { maxClose = null; break; }
    m = Math.max(m, closeEnd(text, regions[n]));
    maxClose[n] = m;
  }
  regionOrders.set(regions, { text, length: regions.length, maxClose });
  return maxClose;
}

/** A sentence end inside a stretch of text (a full stop, "?" or "!" then a space and a capital or a mark). */
const SENTENCE_END = /[.!?…]["”’')]*\s+["“‘(]?[\p{Lu}\p{N}]/u;

/**
 * `[start, end)` made to hold whole quotations (issue: `… to the sanctions "in an appropriate
 * manner.` ended inside a quotation): a span that ends inside a quotation opened in it extends to
 * the closing mark when no sentence ends before it, else ends before the opening mark; a span that
 * starts inside a quotation closed in it starts at the opening mark when no sentence ends between,
 * else after the closing mark. A quotation left open at a paragraph end (a run-on quote) ends at
 * that paragraph end.
 */
export function balancedRange(text: string, regions: QuoteRegion[], start: number, end: number): [number, number] {
  const trimmable = /[\s,;:—–-]/;
  // regions are in text order (quoteRegions): those before `first` all close at or before `start` and
  // those from one opening at or after `end` on are passed over below, so the loop skips them at once
  const order = regionOrder(text, regions);
  let first = 0;
  if (order) {
    let lo = 0, hi = regions.length;
    while (lo < hi) { const mid = (lo + hi) >>> 1; if (order[mid] > start) hi = mid; else lo = mid + 1; }
    first = lo;
  }
  for (let n = first; n < regions.length; n++) {
    const r = regions[n];
    if (order && r.open >= end) break;
    const closeAt = r.closed ? closeEnd(text, r) : r.close;
    if (r.open >= end || closeAt <= start) continue;
    if (r.open >= start && closeAt > end) {
      // opened in the span, closed after it
      if (!SENTENCE_END.test(text.slice(Math.max(start, end - 2), r.close))) end = closeAt;
      else {
        end = r.open;
        while (end > start && trimmable.test(text[end - 1])) end--;
      }
    } else if (r.open < start && r.closed && closeAt <= end) {
      // opened before the span, closed in it
      if (!SENTENCE_END.test(text.slice(r.open, Math.min(end, start + 2)))) start = r.open;
      else {
        start = closeAt;
        while (start < end && trimmable.test(text[start])) start++;
      }
    }
  }
  return end > start ? [start, end] : [start, start];
}
