/**
 * Article metadata from an HTML document: title, byline, publication date, outlet, canonical URL
 * and the declared page language. Each field is read from a ranked list of sources and the first
 * source that yields a valid value wins (best source first):
 *
 * - title: the visible headline, an `<h1>` that shares at least 40% of its words with the
 *   metadata title; else JSON-LD `headline` / `og:title` / `twitter:title` / first `<h1>` /
 *   `<title>`, with a trailing (or leading) " | Site", " - Site" part removed when it names the
 *   site.
 * - byline: JSON-LD `author` (`@id` references resolved) / `meta[name=author]` and kin, Yoast's
 *   "Written by" twitter label / `[itemprop~=author]` / `a[rel~=author]` / author- and byline-
 *   named elements / "By …" lines / an "Author(s)" label / links to author pages / an author
 *   bio card ("Jane Doe is a freelance writer …") / JSON-LD `creator`; split on "and", commas,
 *   "&"; "By", job titles, places, dates, reviewers and editors ("Reviewed by …"), publisher and
 *   desk names ("Our Foreign Staff", "Reuters") dropped. One-word names only from sources that
 *   declare the author; user names never.
 * - published: JSON-LD `datePublished` / `article:published_time` and the other meta conventions
 *   (Open Graph, Parse.ly, Sailthru, Dublin Core, itemprop) / `<time pubdate>` or
 *   `<time itemprop=datePublished>` / a date in the URL (`/2017/03/19/`) / JSON-LD `dateCreated` /
 *   the first `<time datetime>` / the dateline right under the headline / a date written in a
 *   date-like element (`.date`, `.published`, read in the page's declared language; not in the
 *   site's banner, whose date is the day the page was served) / htmldate's last resort, the first
 *   machine timestamp (`2020-04-17 01:43:09`) in the raw page, scripts included, that is not
 *   labelled a modification time. The date is taken as written (YYYY-MM-DD of the
 *   stated local date, never shifted by the time zone); when the metadata date and the URL date
 *   are one day apart because the metadata gives UTC, the URL's (the publisher's local date) wins.
 * - outlet: `og:site_name` / JSON-LD `publisher.name` / `application-name` / the site part of
 *   `<title>` ("… - The New York Times").
 * - url: the caller's URL / `link[rel=canonical]` / `og:url`.
 *
 * Sources follow common practice of metadata extractors (Readability's `_getArticleMetadata`,
 * htmldate's meta-tag list, newspaper's author rules) re-implemented here; no code is copied.
 */
import * as chrono from 'chrono-node';
import { primaryLanguageSubtag } from './language.js';

/** The minimal DOM surface we need; linkedom and browser documents both satisfy it. */
type Doc = Document;
type El = Element;

/** Metadata read from a page. Every field may be missing (null / empty list). */
export interface HtmlMetadata {
  title: string | null;
  /** Person names, in page order, de-duplicated. */
  byline: string[];
  /** YYYY-MM-DD. */
  published: string | null;
  outlet: string | null;
  url: string | null;
  /** The `<html lang>` (or `content-language`, `og:locale`) primary subtag, lowercase, or null. */
  declaredLanguage: string | null;
  /**
   * The page marks itself up as an article: a JSON-LD object of an article type (`NewsArticle`,
   * `BlogPosting` …), `og:type` "article", or an `article:published_time` meta tag.
   */
  articleMarkup: boolean;
}

/** Options for {@link extractMetadata}. */
export interface MetadataOptions {
  /** The URL the caller fetched; wins over the canonical link and is used for URL dates. */
  url?: string | null;
  /**
   * The page source as fetched, scripts and comments included: the last-resort timestamp search
   * reads it (htmldate searches the raw page too). Defaults to the document's own serialization.
   */
  html?: string | null;
}

const ARTICLE_TYPES = new Set([
  'article', 'newsarticle', 'reportagenewsarticle', 'analysisnewsarticle', 'opinionnewsarticle',
  'backgroundnewsarticle', 'reviewnewsarticle', 'askpublicnewsarticle', 'blogposting', 'liveblogposting',
  'socialmediaposting', 'report', 'scholarlyarticle', 'techarticle', 'satiricalarticle',
]);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Drop soft hyphens and zero-width characters, collapse whitespace runs (including NBSP) to one space, trim. */
export function collapseWhitespace(s: string): string {
  return s.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}
/** Soft hyphens and zero-width characters: dropped from text, since they only steer rendering. */
const INVISIBLE = /[\u00ad\u200b\u2060\ufeff]/g;

// ---------------------------------------------------------------------------------------------
// JSON-LD

/** Parse every `<script type="application/ld+json">` into a flat list of objects (`@graph` and arrays unrolled). */
function readJsonLd(doc: Doc): JsonObject[] {
  const out: JsonObject[] = [];
  const push = (v: Json, depth: number): void => {
    if (depth > 4) return;
    if (Array.isArray(v)) {
      for (const x of v) push(x, depth + 1);
    } else if (isObject(v)) {
      out.push(v);
      const graph = v['@graph'];
      if (graph !== undefined) push(graph, depth + 1);
      for (const key of ['mainEntity', 'mainEntityOfPage']) {
        const main = v[key];
        if (isObject(main)) push(main, depth + 1);
      }
    }
  };
  for (const script of Array.from(doc.querySelectorAll('script'))) {
    const type = (script.getAttribute('type') ?? '').toLowerCase();
    if (!type.includes('ld+json')) continue;
    let raw = (script.textContent ?? '').trim();
    raw = raw.replace(/^\s*(?:<!--|(?:\/\/\s*)?<!\[CDATA\[)/, '').replace(/(?:-->|(?:\/\/\s*)?\]\]>)\s*$/, '');
    if (!raw) continue;
    const parsed = lenientJsonParse(raw);
    if (parsed !== undefined) push(parsed, 0);
  }
  return out;
}

/**
 * JSON.parse, then retries for the faults common in hand-written JSON-LD: raw control characters
 * inside strings, trailing commas, and one to three extra closing brackets at the end.
 * Returns undefined when nothing parses.
 */
function lenientJsonParse(raw: string): Json | undefined {
  try {
    return JSON.parse(raw) as Json;
  } catch {
    /* retry below */
  }
  let text = raw.replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([}\]])/g, '$1');
  for (let i = 0; i < 4; i++) {
    try {
      return JSON.parse(text) as Json;
    } catch {
      const cut = text.replace(/[}\]]\s*$/, '');
      if (cut === text) return undefined;
      text = cut;
    }
  }
  return undefined;
}

function typesOf(o: JsonObject): string[] {
  const t = o['@type'];
  if (typeof t === 'string') return [t.toLowerCase()];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string').map((x) => x.toLowerCase());
  return [];
}

function jsonString(v: Json | undefined): string | null {
  if (typeof v === 'string') return collapseWhitespace(decodeEntities(v)) || null;
  if (Array.isArray(v)) {
    for (const x of v) {
      const s = jsonString(x);
      if (s) return s;
    }
  }
  if (isObject(v)) return jsonString(v['name'] ?? v['@value']);
  return null;
}

/** A name read from a source, and whether the source says it is a person's (JSON-LD `Person`). */
interface SourcedName {
  name: string;
  /** Declared a person by its source: kept even when it equals the site's name (personal blogs). */
  person: boolean;
}

/**
 * Names from a JSON-LD `author`/`creator` value, skipping organizations. References
 * (`{"@id": …}`, as Yoast's `@graph` writes them) are looked up in `byId`.
 */
function jsonPeople(v: Json | undefined, byId: ReadonlyMap<string, JsonObject>, depth = 0): SourcedName[] {
  if (v === undefined || v === null || depth > 3) return [];
  if (typeof v === 'string') return [{ name: v, person: false }];
  if (Array.isArray(v)) return v.flatMap((x) => jsonPeople(x, byId, depth + 1));
  if (isObject(v)) {
    const ref = v['@id'];
    let o = v;
    if (typeof ref === 'string' && byId.has(ref)) {
      const target = byId.get(ref)!;
      if (target !== v) o = { ...target, ...v };
    }
    const types = typesOf(o);
    if (types.some((t) => t === 'organization' || t === 'newsmediaorganization' || t === 'corporation' || t === 'website')) return [];
    const person = types.includes('person');
    const name = o['name'];
    if (typeof name === 'string') return [{ name, person }];
    if (Array.isArray(name)) return jsonPeople(name, byId, depth + 1).map((x) => ({ ...x, person }));
    const given = o['givenName'];
    const family = o['familyName'];
    if (typeof given === 'string' && typeof family === 'string') return [{ name: `${given} ${family}`, person }];
  }
  return [];
}

const ENTITY: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', bull: '•', middot: '·', ndash: '–',
  mdash: '—', hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»',
  copy: '©', reg: '®', trade: '™', euro: '€', pound: '£', shy: '',
};
/** Decode the few HTML entities that leak into JSON-LD strings and meta values. */
function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (m, e: string) => {
    const k = e.toLowerCase();
    if (k.startsWith('#')) {
      const cp = k.startsWith('#x') ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
      return Number.isInteger(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return ENTITY[k] ?? m;
  });
}

// ---------------------------------------------------------------------------------------------
// meta tags

/** First non-empty `content` of each meta name/property/itemprop, keys lowercased. */
function readMeta(doc: Doc): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of Array.from(doc.querySelectorAll('meta'))) {
    const content = m.getAttribute('content') ?? m.getAttribute('value');
    if (content === null) continue;
    // Decoded twice: CMSs often escape an already escaped value ("&amp;#x26;").
    const value = collapseWhitespace(decodeEntities(decodeEntities(content)));
    if (!value) continue;
    for (const attr of ['name', 'property', 'itemprop', 'http-equiv']) {
      const keys = m.getAttribute(attr);
      if (!keys) continue;
      // `property` may hold several space-separated names (RDFa).
      for (const key of keys.toLowerCase().split(/\s+/)) {
        if (key && !map.has(key)) map.set(key, value);
      }
    }
  }
  return map;
}

function firstMeta(meta: Map<string, string>, keys: readonly string[]): string | null {
  for (const k of keys) {
    const v = meta.get(k);
    if (v) return v;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// dates

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

function validDate(y: number, m: number, d: number): string | null {
  const maxYear = new Date().getUTCFullYear() + 1;
  if (y < 1990 || y > maxYear || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A date string from metadata → YYYY-MM-DD, taking the calendar date as written (an ISO time
 * and zone after it are ignored, so "2017-01-13T00:00:04-05:00" is 2017-01-13). Accepts ISO
 * dates, `YYYYMMDD[hhmmss]`, `YYYY/MM/DD`, Unix timestamps (read in UTC), `D.M.YYYY`
 * (day first), `M/D/YYYY` or `D/M/YYYY` when unambiguous, and written dates with a four-digit
 * year ("Jan. 13, 2017", "13 January 2017", via chrono-node; `lang`, an ISO 639-1 code, adds
 * chrono's parser for that language: "17 de marzo de 2020"; Arabic dates, which chrono lacks,
 * by our month table, whatever `lang`). Arabic-Indic and Persian digits count as digits.
 * Returns null for anything else, for impossible dates, and for years before 1990 or after
 * next year. Never throws.
 */
export function normalizeDate(raw: string | null | undefined, lang: string | null = null): string | null {
  if (!raw) return null;
  // Arabic-Indic and Persian digits read as ASCII digits ("٢٠٢٠" is 2020).
  const s = raw.trim().replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - (d >= '\u06f0' ? 0x6f0 : 0x660)));
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])/.exec(s) ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?![\d])/.exec(s)
    ?? /^(\d{4})\.(\d{1,2})\.(\d{1,2})(?![\d])/.exec(s);
  if (m) return validDate(+m[1], +m[2], +m[3]);
  m = /^(\d{4})(\d{2})(\d{2})(?:T?\d{0,6})?$/.exec(s);
  if (m) return validDate(+m[1], +m[2], +m[3]);
  if (/^\d{10}(?:\d{3})?$/.test(s)) {
    const ms = s.length === 13 ? +s : +s * 1000;
    const d = new Date(ms);
    return validDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  // D.M.YYYY with dots is day-first wherever it is used; with slashes or dashes only when unambiguous.
  m = /(?:^|\s)(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b/.exec(s);
  if (m) return validDate(+m[3], +m[2], +m[1]);
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})\b/.exec(s);
  if (m && +m[1] > 12) return validDate(+m[3], +m[2], +m[1]);
  if (m && +m[2] > 12) return validDate(+m[3], +m[1], +m[2]);
  if (!/\b(?:19|20)\d{2}\b/.test(s) || s.length > 80) return null;
  const arabic = arabicDate(s);
  if (arabic) return arabic;
  m = /\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+([A-Za-z]{3})[a-z]*\.?,?\s+((?:19|20)\d{2})\b/.exec(s);
  if (m && MONTHS[m[2].toLowerCase()]) return validDate(+m[3], MONTHS[m[2].toLowerCase()], +m[1]);
  m = /\b([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})\b/.exec(s);
  if (m && MONTHS[m[1].toLowerCase()]) return validDate(+m[3], MONTHS[m[1].toLowerCase()], +m[2]);
  const locale = lang ? CHRONO_LOCALES[lang] : undefined;
  const results = chrono.parse(s);
  if (locale) results.push(...locale.parse(s));
  for (const r of results) {
    const c = r.start;
    if (c.isCertain('year') && c.isCertain('month') && c.isCertain('day')) {
      return validDate(c.get('year') ?? 0, c.get('month') ?? 0, c.get('day') ?? 0);
    }
  }
  return null;
}

/** chrono-node parsers for written dates in other languages, by ISO 639-1 code. */
const CHRONO_LOCALES: Readonly<Record<string, { parse: typeof chrono.parse }>> = {
  de: chrono.de, fr: chrono.fr, pt: chrono.pt, nl: chrono.nl, ru: chrono.ru, es: chrono.es, uk: chrono.uk,
  it: chrono.it, sv: chrono.sv, fi: chrono.fi, ja: chrono.ja, zh: chrono.zh,
};

/**
 * Arabic month names, both series in use: the Gregorian names of Egypt and the Gulf ("أبريل")
 * and the Syriac names of the Levant and Iraq ("نيسان"). Pages often write both ("24 نيسان /
 * أبريل 2020"). chrono-node has no Arabic parser; htmldate reads these through dateparser.
 */
const ARABIC_MONTHS: ReadonlyArray<[string, number]> = [
  ['يناير', 1], ['فبراير', 2], ['مارس', 3], ['أبريل', 4], ['ابريل', 4], ['إبريل', 4], ['مايو', 5],
  ['يونيو', 6], ['يونيه', 6], ['يوليو', 7], ['يوليه', 7], ['أغسطس', 8], ['اغسطس', 8], ['سبتمبر', 9],
  ['أكتوبر', 10], ['اكتوبر', 10], ['نوفمبر', 11], ['ديسمبر', 12],
  ['كانون الثاني', 1], ['شباط', 2], ['آذار', 3], ['اذار', 3], ['نيسان', 4], ['أيار', 5], ['ايار', 5],
  ['حزيران', 6], ['تموز', 7], ['آب', 8], ['اب', 8], ['أيلول', 9], ['ايلول', 9], ['تشرين الأول', 10],
  ['تشرين الاول', 10], ['تشرين الثاني', 11], ['كانون الأول', 12], ['كانون الاول', 12],
];
const ARABIC_MONTH_BY_NAME = new Map(ARABIC_MONTHS);
const ARABIC_MONTH_ALT = [...ARABIC_MONTH_BY_NAME.keys()].sort((a, b) => b.length - a.length).join('|');
/** Day, one or two month names ("نيسان / أبريل", "نيسان (أبريل)"), year. */
const ARABIC_DATE = new RegExp(`(?:^|[^\\d])(\\d{1,2})\\s+(${ARABIC_MONTH_ALT})(?:\\s*[/(،,-]\\s*(?:${ARABIC_MONTH_ALT})\\)?)?\\s*،?,?\\s*((?:19|20)\\d{2})(?!\\d)`);

/** A date written in Arabic ("الجمعة 24 نيسان / أبريل 2020"; digits already ASCII) → YYYY-MM-DD or null. */
function arabicDate(s: string): string | null {
  const m = ARABIC_DATE.exec(s);
  return m ? validDate(+m[3], ARABIC_MONTH_BY_NAME.get(m[2]) ?? 0, +m[1]) : null;
}

/**
 * The publication date written in a URL path: `/2017/03/19/`, `/2017-03-19`, `/20170319/`
 * (the last only between slashes). Null when the URL carries no full day.
 */
export function dateFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    /* not absolute: use as is */
  }
  let m = /(?:^|[/_-])((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?=$|[/_.-])/.exec(path);
  if (m) return validDate(+m[1], +m[2], +m[3]);
  m = /\/((?:19|20)\d{2})(\d{2})(\d{2})\//.exec(path);
  if (m) return validDate(+m[1], +m[2], +m[3]);
  return null;
}

const PUBLISHED_META = [
  'article:published_time', 'article:published', 'og:published_time', 'og:article:published_time',
  'article.published', 'published_time', 'published-date', 'datepublished', 'parsely-pub-date',
  'sailthru.date', 'dc.date.issued', 'dcterms.issued', 'dc.date.created', 'dcterms.created', 'dc.date',
  'dcterms.date', 'citation_publication_date', 'citation_date', 'publishdate', 'publish-date',
  'publish_date', 'pubdate', 'publication_date', 'date_published', 'original-publish-date', 'og:pubdate',
  'dcsext.articlefirstpublished', 'rnews:datepublished', 'article_date_original', 'cxenseparse:recs:publishtime',
  'date', 'pdate', 'displaydate',
];

function publishedFromParsely(meta: Map<string, string>): string | null {
  const page = meta.get('parsely-page');
  if (!page) return null;
  try {
    const v = JSON.parse(page) as Record<string, unknown>;
    return typeof v.pub_date === 'string' ? normalizeDate(v.pub_date) : null;
  } catch {
    return null;
  }
}

/**
 * Elements whose class or id names a date (htmldate's `DATE_EXPRESSIONS`: "date", "publish",
 * "posted", "time", "byline", "meta", and its "created-post", widened to any "created").
 */
const DATE_ELEMENTS = '[class*="date"], [class*="publish"], [class*="posted"], [class*="created"], [class*="time"], [id*="date"], [class*="byline"], [class*="dateline"], [class*="meta"]';

/**
 * True when `el` sits in the site's banner or navigation, outside the article: a `<header>`,
 * `<nav>` or ARIA banner/navigation that is not inside `<article>`/`<main>` and holds no `<h1>`.
 * A date there is the day the page was served ("Tue, 14 Jan 2020" beside the logo, on every
 * page of the site), not the article's. htmldate drops page footers for the same reason
 * (`DISCARD_EXPRESSIONS`); an article's own `<header>` (with its `<h1>`) is kept.
 */
function inSiteChrome(el: El): boolean {
  const box = el.closest('header, nav, [role="banner"], [role="navigation"]');
  if (!box) return false;
  if (box.closest('article, main, [role="main"]')) return false;
  return !box.querySelector('h1');
}

/** A date written in the text of a date-like element ("Published 2.9.2020 klo 12.45"), site chrome skipped. */
function publishedFromDateText(doc: Doc, lang: string | null): string | null {
  let tried = 0;
  for (const el of Array.from(doc.querySelectorAll(DATE_ELEMENTS))) {
    const text = el.textContent ?? '';
    if (text.length > 150 || !/\d/.test(text)) continue;
    if (inSiteChrome(el)) continue;
    const d = normalizeDate(collapseWhitespace(text), lang);
    if (d) return d;
    if (++tried >= 30) break;
  }
  return null;
}

/**
 * The dateline under the headline: the first two elements after the heading that carries the
 * title (an `<h1>`–`<h3>` of at least three words, equal to `title` or sharing 60% of its words
 * with it; not in the site's banner), when short (≤ 160 characters) and holding a full date
 * ("News24 | 13 Jan 2020, 22:11 GMT+10"; `<br>` and blocks kept apart). Source: common
 * sense, the usual news layout puts source and date right under the headline, whatever the
 * element's class. An `<h1>` that is only the site's name is not the headline, and the date
 * under it is the day the page was served.
 */
function publishedUnderHeadline(doc: Doc, title: string | null, lang: string | null): string | null {
  if (!title) return null;
  const key = normalizeForCompare(title);
  let heading: El | null = null;
  for (const h of Array.from(doc.querySelectorAll('h1, h2, h3')).slice(0, 20)) {
    const text = collapseWhitespace(h.textContent ?? '');
    if (text.split(' ').length < 3 || inSiteChrome(h)) continue;
    if (normalizeForCompare(text) === key || titleOverlap(text, title) >= 0.6) {
      heading = h;
      break;
    }
  }
  let next = heading?.nextElementSibling ?? null;
  for (let i = 0; next && i < 2; i++, next = next.nextElementSibling) {
    const text = collapseWhitespace(spacedText(next));
    if (!text || text.length > 160) continue;
    const d = normalizeDate(text, lang);
    if (d) return d;
  }
  return null;
}

/**
 * A machine-written timestamp anywhere in the page source, scripts and comments included:
 * the first `YYYY-MM-DD hh:mm:ss` (also with `/` or `.` between the date parts, or `T`
 * before the time) or `DD.MM.YYYY hh:mm:ss`, skipping ones labelled as modification times.
 * Source: htmldate's last resort (`timestamp_search`, dashes only); the year-first form with
 * slashes or dots is as unambiguous ("showDate('2020/04/17 01:43:09')"). `source` is the raw
 * page; without it, the document's serialization (where a cleaner may have dropped scripts).
 */
function publishedFromTimestamp(doc: Doc, source: string | null | undefined): string | null {
  const html = source ?? doc.documentElement?.outerHTML ?? '';
  const re = /(?<![\d/.-])(?:((?:19|20)\d{2})([-/.])(\d{2})\2(\d{2})|(\d{2})\.(\d{2})\.((?:19|20)\d{2}))[T ]\d{2}:\d{2}:\d{2}(?!\d)/g;
  for (const m of html.matchAll(re)) {
    // The original date, not the last change (htmldate's `original_date`): skip a timestamp
    // whose nearest label is a modification one ("dateModified", "updatedAt", "mod_date").
    const before = html.slice(Math.max(0, m.index - 50), m.index).toLowerCase();
    const modified = Math.max(...['modif', 'updat', 'lastmod', 'mod_date', 'edited'].map((w) => before.lastIndexOf(w)));
    const original = Math.max(...['publish', 'creat', 'pubdate'].map((w) => before.lastIndexOf(w)));
    if (modified >= 0 && modified > original) continue;
    const d = m[1] ? validDate(+m[1], +m[3], +m[4]) : validDate(+m[7], +m[6], +m[5]);
    if (d) return d;
  }
  return null;
}

/**
 * True when `date` (read from the UTC timestamp `raw`) is likely the UTC rendering of the local
 * day `urlDate` that the publisher wrote in the URL: one day later with a UTC hour before 10
 * (the Americas' evening), or one day earlier with a UTC hour from 14 (Asia–Pacific morning).
 */
function utcDayShift(raw: string, date: string, urlDate: string): boolean {
  const m = /T(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]00:?00)$/i.exec(raw.trim());
  if (!m) return false;
  const hour = +m[1];
  const diff = (Date.parse(date) - Date.parse(urlDate)) / 86_400_000;
  return (diff === 1 && hour < 10) || (diff === -1 && hour >= 14);
}

function publishedFromTime(doc: Doc, strictOnly: boolean): string | null {
  const selector = strictOnly
    ? 'time[pubdate], time[itemprop~="datePublished"], [itemprop~="datePublished"][content], [itemprop~="datePublished"][datetime]'
    : 'time[datetime]';
  for (const el of Array.from(doc.querySelectorAll(selector))) {
    const raw = el.getAttribute('datetime') ?? el.getAttribute('content') ?? (strictOnly ? el.textContent : null);
    const d = normalizeDate(raw);
    if (d) return d;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// byline

const BY_PREFIX = /^(?:(?:written|reported|posted|published|reporting|words|story|text|photos?|interview|analysis|compiled|edited)\s+)?(?:by|from|par|por)\b[:\s]*/i;
/** Words that mark a byline part as a desk, publisher, agency or job title, not a person. */
const NOT_PERSON = new Set([
  'staff', 'reporter', 'reporters', 'correspondent', 'correspondents', 'editor', 'editors', 'editorial',
  'writer', 'writers', 'agency', 'agencies', 'news', 'press', 'associated', 'reuters', 'afp', 'ap', 'upi',
  'bloomberg', 'team', 'desk', 'bureau', 'wire', 'wires', 'service', 'services', 'contributor', 'contributors',
  'columnist', 'foreign', 'our', 'the', 'times', 'post', 'media', 'online', 'digital', 'magazine',
  'journal', 'herald', 'daily', 'tribune', 'guardian', 'telegraph', 'bbc', 'cnn', 'rfe/rl', 'chief',
  'senior', 'political', 'international', 'national', 'economics', 'affairs', 'analyst', 'producer',
  'photographer', 'opinion', 'guest', 'admin', 'administrator', 'newsroom', 'published', 'updated',
  'posted', 'follow', 'email', 'twitter', 'facebook', 'more', 'articles', 'contact', 'view', 'profile',
  'bio', 'author', 'authors', 'by', 'latest', 'special', 'deputy', 'managing', 'executive', 'founder',
  'president', 'professor', 'director', 'fellow', 'researcher', 'associate', 'assistant', 'writes',
  'comment', 'comments', 'share', 'updates', 'live', 'video', 'photo', 'photos', 'graphics', 'world',
  'business', 'sports', 'politics', 'newsletter', 'subscribe', 'am', 'pm', 'et', 'gmt', 'utc', 'bst',
  'edt', 'est', 'pst', 'pdt', 'cet', 'cest', 'msk', 'today', 'yesterday', 'ago', 'minutes', 'hours',
  'read', 'min', 'mins', 'unknown', 'anonymous', 'inc', 'ltd', 'llc', 'company', 'group', 'network',
  'institute', 'university', 'radio', 'tv', 'television', 'channel', 'paper', 'newspaper', 'observer',
  'independent', 'economist', 'gazette', 'chronicle', 'courier', 'mirror', 'express', 'standard',
  'sun', 'star', 'mail', 'record', 'review', 'report', 'reports', 'monitor', 'insider', 'weekly',
  'bulletin', 'europe', 'liberty', 'free', 'voice', 'america', 'xinhua', 'tass', 'interfax', 'efe',
  'dpa', 'ansa', 'pti', 'ians', 'aap', 'kyodo', 'yonhap', 'anadolu', 'ria', 'novosti', 'sputnik',
  // organizations
  'clinic', 'hospital', 'foundation', 'association', 'society', 'council', 'committee', 'department',
  'ministry', 'office', 'center', 'centre', 'partners', 'solutions', 'agency', 'marketing', 'studio',
  'studios', 'labs', 'lab', 'blog', 'editorial', 'publishing', 'publications', 'corp', 'corporation',
  'college', 'school', 'academy', 'project', 'program', 'programme', 'initiative', 'campaign', 'party', 'government', 'embassy', 'police', 'army', 'church',
  'hotel', 'hotels', 'resort', 'resorts', 'collective', 'licensed', 'certified', 'journalism',
  // job titles
  'attorney', 'lawyer', 'trial', 'counsel', 'doctor', 'nurse', 'md', 'phd', 'manager', 'specialist',
  'consultant', 'coordinator', 'officer', 'engineer', 'developer', 'designer', 'strategist', 'expert',
  'coach', 'trainer', 'therapist', 'instructor', 'teacher', 'scientist', 'historian', 'journalist',
  'blogger', 'host', 'anchor', 'presenter', 'commentator', 'critic', 'head', 'lead', 'leader', 'member',
  'intern', 'freelance', 'freelancer', 'photojournalist', 'videographer', 'illustrator', 'translator',
  'contributing', 'staffer', 'reviewer', 'moderator', 'user', 'webmaster', 'chairman', 'ceo', 'cto',
]);
/** Weekdays are never names; months can be ("Laura June Topolsky"), and dates are cut off before. */
const MONTH_WORDS = /^(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.$|^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;
const PARTICLES = new Set([
  'de', 'da', 'das', 'do', 'dos', 'del', 'della', 'der', 'den', 'van', 'von', 'la', 'le', 'al', 'el',
  'bin', 'ibn', 'du', 'di', 'ter', 'ten', 'zu', 'y', 'e', 'st', 'st.', 'abu', 'bint', 'ben', "d'", 'dei',
]);
const TRAILING_DATE = /\s*\b(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d.*$|\s*\b(?:last\s+)?(?:updated|published|posted|modified)\b.*$/i;
const NAME_TOKEN = /^(?:\p{Lu}|\p{Lo})[\p{L}\p{M}'’.\-]*$/u;
/** A name word written in lowercase, accepted only from sources that declare a person. */
const LOWER_NAME_TOKEN = /^\p{Ll}[\p{L}\p{M}'’.\-]*$/u;

function titleCaseIfShouting(name: string): string {
  if (!/\p{Ll}/u.test(name) && /\p{Lu}{3}/u.test(name)) {
    return name.toLowerCase().replace(/(^|[\s'’\-.])(\p{Ll})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
  }
  return name;
}

/** One byline part → a person name, or null when it is not one. */
function cleanPersonName(part: string, single = false, person = false): string | null {
  let s = collapseWhitespace(part)
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/\S+@\S+/g, ' ')
    .replace(/(?:^|\s)@\w+/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ');
  s = collapseWhitespace(s).replace(BY_PREFIX, '');
  // "Nathan Willis March 25, 2015", "Lucas Nolan22 Dec 2016": drop a trailing date and what follows.
  s = s.replace(TRAILING_DATE, '').replace(/\s*\d.*$/, '');
  // "Jane Doe in Moscow", "Jane Doe for The Times", "Jane Doe - Updated March 3"
  s = s.replace(/\s+(?:in|for|at|reporting from|from|on)\s+\p{Lu}.*$/u, '').replace(/\s+on behalf of\b.*$/i, '');
  s = s.replace(/\s+[-–—|:•·]\s+.*$/, '');
  s = collapseWhitespace(s.replace(/^[\s,.:;|•·\-–—]+|[\s,:;|•·\-–—]+$/g, ''));
  if (!s || s.length > 60 || /\d|[/\\@<>#=+*!?"“”]/.test(s)) return null;
  const tokens = s.split(' ');
  if ((tokens.length < 2 && !single) || tokens.length > 5) return null;
  let named = 0;
  const shouting = !/\p{Ll}/u.test(s);
  for (const [i, t] of tokens.entries()) {
    // An acronym beside normal-case words is an organization ("ACLU Speech"), not a name.
    if (!shouting && /^\p{Lu}{2,}$/u.test(t)) return null;
    const lower = t.toLowerCase();
    if (NOT_PERSON.has(lower.replace(/[.,]$/, '')) || MONTH_WORDS.test(t)) return null;
    if (i > 0 && i < tokens.length - 1 && PARTICLES.has(lower)) continue;
    if (!NAME_TOKEN.test(t) && !(person && LOWER_NAME_TOKEN.test(t))) return null;
    // A lone capital is an initial ("Nicholas C Stabile", "Shivkumar M"), never a name's first word.
    if (/^\p{Lu}$/u.test(t) && i === 0) return null;
    named++;
  }
  if (named < 2 && !tokens.some((t) => /^(?:\p{Lo})/u.test(t))) {
    // A one-word name ("Susan") only from a source that declares the author, never an acronym.
    // A lowercase single word is a user name ("jdoe"), not a person's name.
    if (!single || named !== 1 || tokens.length !== 1 || s.length < 3 || /^\p{Lu}+$/u.test(s) || !/^\p{Lu}/u.test(s)) return null;
  }
  return titleCaseIfShouting(s);
}

/** A credit that is not authorship, and the names after it: "Reviewed by …", "Photos by …". */
const NOT_AUTHOR_ROLE = /\b(?:(?:medically|expert|fact[- ]?checked\s+and)\s+)?(?:reviewed|edited|fact[- ]?checked|checked|verified|photos?|photographs?|photography|illustrations?|illustrated|graphics|video|translated|narrated|produced|updated)\s+by\b.*?(?=\b(?:written|authored|words|story|reported)\s+by\b|$)/gi;

/** Options of {@link splitBylineNames}. */
export interface BylineOptions {
  /**
   * Accept one-word names ("Susan"): for sources that declare the author (JSON-LD, `<meta
   * name=author>`, `itemprop=author`, `rel=author`), not for free text. Default false.
   */
  single?: boolean;
  /** The source declares a person (JSON-LD `Person`): lowercase names ("kirstin doe") pass too. */
  person?: boolean;
}

/**
 * Split a byline string into person names: "By Jane Doe and John Roe, Staff Writers" →
 * ["Jane Doe", "John Roe"]. Drops "By", e-mail addresses, handles, job titles, places
 * ("in Moscow"), dates, and desk or publisher names; title-cases names written in capitals.
 * A name has two to five words (particles like "van", "de" allowed) unless `opts.single`.
 */
export function splitBylineNames(raw: string, opts: BylineOptions = {}): string[] {
  let s = collapseWhitespace(decodeEntities(raw).replace(/https?:\/\/\S+|\([^)]*\)|\[[^\]]*\]/g, ' '));
  if (!s || s.length > 300) return [];
  // Reviewers, editors, photographers are not authors: drop each "Reviewed by …" credit, up to
  // the next "Written by" (block boundaries are " | ", see spacedText).
  s = s.replace(NOT_AUTHOR_ROLE, ' ');
  // "Roy, Aniruddha" (citation style): one surname, a comma, given names.
  const inverted = /^(\p{Lu}[\p{L}'’-]+),\s*(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}\.?)*(?:\s+(?:de|van|von|der|da|di|le|la))?)$/u.exec(s);
  if (inverted) s = `${inverted[2]} ${inverted[1]}`;
  const parts = s.split(/\s*(?:,|;|\||&|\+|\/|•|·|\band\b|\bund\b|\bwith\b|\n)\s*/i);
  const out: string[] = [];
  for (const p of parts) {
    const name = cleanPersonName(p, opts.single ?? false, opts.person ?? false);
    if (name && !out.some((x) => x.toLowerCase() === name.toLowerCase())) out.push(name);
  }
  return out;
}

function namesFrom(raws: readonly string[], single = false): string[] {
  const out: string[] = [];
  for (const raw of raws) {
    for (const name of splitBylineNames(raw, { single })) {
      if (!out.some((x) => x.toLowerCase() === name.toLowerCase())) out.push(name);
    }
  }
  return out;
}

/** The smallest ancestor of `el` whose text stays short: the byline block that holds all co-authors. */
function bylineContainer(el: El): El {
  let box = el;
  for (let i = 0; i < 4; i++) {
    const parent = box.parentElement;
    if (!parent || parent.localName === 'body' || (parent.textContent ?? '').length > 300) break;
    box = parent;
  }
  return box;
}

const BLOCK_BOUNDARY = new Set(['div', 'p', 'li', 'ul', 'ol', 'dd', 'dt', 'dl', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'header', 'figure', 'figcaption', 'table', 'tr', 'td']);

/**
 * Text of an element with a space at every inline element boundary ("Jane Doe" and "Updated" stay
 * apart) and `blockSeparator` at block boundaries: " | " for byline splitting, which
 * {@link splitBylineNames} splits on ("Rachel Doe" in one `<div>`, "Writer" in the next); " " for
 * plain text ("Stay informed Get our digest", html.ts). Scripts, styles and noscript are skipped.
 */
export function spacedText(node: Node, blockSeparator = ' | '): string {
  const out: string[] = [];
  const visit = (n: Node): void => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) out.push((c as Text).data);
      else if (c.nodeType === 1) {
        const tag = (c as El).localName;
        if (tag === 'script' || tag === 'style' || tag === 'noscript') continue;
        const sep = BLOCK_BOUNDARY.has(tag) ? blockSeparator : ' ';
        out.push(sep);
        visit(c);
        out.push(sep);
      }
    }
  };
  visit(node);
  return out.join('');
}

function authorElementText(el: El): string {
  const nameEl = el.getAttribute('itemprop')?.split(/\s+/).includes('name') ? el : el.querySelector('[itemprop~="name"]');
  const fromName = nameEl ? nameEl.getAttribute('content') ?? spacedText(nameEl) : null;
  return fromName ?? el.getAttribute('content') ?? spacedText(el);
}

/**
 * A class or id token of a block whose names are not the article's authors: comments, sidebars,
 * widgets, recirculation, testimonials ("comment-list", "related-posts", "sidebar"; not a page
 * wrapper like "has-sidebar-right").
 */
const NOT_BYLINE_TOKEN = /^(?:[a-z0-9]+[-_]+)*(?:comments?|commentlist|discussion|replies|related|recommended|recommendations|sidebar|widget|widgets|testimonials?|recirc|trending|popular)(?:[-_]+(?:area|list|section|wrap|wrapper|container|box|items?|content|body|posts|stories|articles|block|module))*$/;

/**
 * True when `el` sits in `aside` (unless `asideOk`: metadata panels with an "Author" label are
 * asides too), `nav`, `footer` or a block named by {@link NOT_BYLINE_TOKEN}.
 */
function inNonBylineBlock(el: El, asideOk = false): boolean {
  for (let e: El | null = el; e && e.localName !== 'body'; e = e.parentElement) {
    const tag = e.localName;
    if ((tag === 'aside' && !asideOk) || tag === 'nav' || tag === 'footer') return true;
    const raw = `${e.getAttribute('class') ?? ''} ${e.getAttribute('id') ?? ''}`.trim();
    if (raw && raw.toLowerCase().split(/\s+/).some((t) => NOT_BYLINE_TOKEN.test(t))) return true;
  }
  return false;
}

/**
 * A class or id token that names an author element: "author", "byline", "post-author",
 * "author-name", "authorName", "meta-author", "entry-author", "writer", "contributor"; not
 * author cards and their parts ("author-bio", "author-avatar", "about-author", "author-box").
 */
const AUTHOR_TOKEN = /^(?:[a-z0-9]+[-_]+)*(?:author|authors|authored[-_]by|byline|bylines|writer|contributor|contributors)(?:[-_]*(?:name|names|link|links|info|meta|details|wrap|wrapper|container|byline|text|label|list))*$/;
const AUTHOR_TOKEN_NOT = /bio|avatar|image|img|photo|pic|desc|about|box|card|social|follow|email|twitter|more|posts|comment|hub|page/;

function isAuthorElement(el: El): boolean {
  const raw = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (!/author|byline|writer|contributor/i.test(raw)) return false;
  // camelCase → kebab ("authorName" → "author-name") before matching tokens
  const tokens = raw.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase().split(/\s+/).filter(Boolean);
  return tokens.some((t) => AUTHOR_TOKEN.test(t) && !AUTHOR_TOKEN_NOT.test(t));
}

/** "By Jane Doe", "By: Jane Doe, Dec 17, 2025", "Written by Jane Doe": a short element that opens with "by". */
const BY_LINE = /^\s*(?:(?:written|words|reported|story|text)\s+)?by\s*[:\s]\s*\p{Lu}/iu;
const BY_LINE_TAGS = 'p, span, div, li, address, small, em, strong, b, h4, h5, h6, td, a';
/** Links to an author page: "/author/jane-doe", "/authors/…", "/contributor/…", "/writers/…". */
const AUTHOR_HREF = /\/(?:author|authors|contributor|contributors|writer|writers|columnist|columnists|journalist|journalists|reporter|reporters)\/[^/?#]+\/?(?:[?#]|$)/i;

/**
 * The opening of an author bio card: "Jane Doe is a freelance travel writer …", "John Roe is
 * the paper's Moscow correspondent" (the name, then "is/was a/an/the", up to five words, then a
 * writing trade).
 */
const BIO_SENTENCE = /^(\p{Lu}[\p{L}'’.-]+(?: (?:\p{Lu}[\p{L}'’.-]*|van|von|de|der|da|di|la|le)){1,3}) (?:is|was) (?:an?|the) (?:[\p{L}'’-]+ ){0,5}?(?:writer|journalist|editor|reporter|correspondent|columnist|contributor|blogger|author|content creator|freelancer|novelist|essayist)s?\b/u;

/** True when `el` sits in a small card that credits a reviewer or fact-checker (their bio is not the author's). */
function reviewerCard(el: El): boolean {
  let box: El | null = el;
  for (let i = 0; i < 3 && box?.parentElement; i++) {
    if ((box.parentElement.textContent ?? '').length > 1500) break;
    box = box.parentElement;
  }
  return /\b(?:reviewed|fact[- ]?checked|checked|edited|verified)\s+by\b/i.test(box?.textContent ?? '');
}

/** A label before the names, in its own element: "Author", "Authors", "Author(s)", "Written by". */
const BYLINE_LABEL = /^\s*(?:author\(?s?\)?|written by|writers?|reporters?|by)\s*:?\s*$/i;
const LABEL_TAGS = 'h2, h3, h4, h5, h6, dt, th, strong, b, span, div, p, label';

/** The element after a byline label (its next sibling, or the label's parent's next sibling). */
function afterLabel(el: El): El | null {
  return el.nextElementSibling ?? (el.parentElement && (el.parentElement.textContent ?? '').trim() === (el.textContent ?? '').trim() ? el.parentElement.nextElementSibling : null);
}

/** Where to look for a byline first: the article (or main) element that holds the page's `<h1>`. */
function headlineScope(doc: Doc): El | null {
  const h1 = doc.querySelector('h1');
  return h1?.closest('article, main, [role="main"]') ?? null;
}

/** Names of the first byline element that `pick` accepts in `root`, read from its short container. */
function namesNear(root: El | Doc, selector: string, pick: (el: El) => boolean, text: (el: El) => string, single: boolean, inAside = false): string[] {
  for (const el of Array.from(root.querySelectorAll(selector))) {
    if (!pick(el) || inNonBylineBlock(el, inAside)) continue;
    let own = text(el);
    if (own.length > 300) {
      // An author card: its name sits in a heading, a link or a "name" element, before the bio.
      const nameEl = el.querySelector('h2, h3, h4, h5, h6, strong, b, a, [class*="name"]');
      const short = nameEl ? spacedText(nameEl) : '';
      if (!short || short.length > 100) continue;
      own = short;
      const names = namesFrom([own], single);
      if (names.length) return names;
      continue;
    }
    const box = bylineContainer(el);
    const siblings = box === el ? [el] : Array.from(box.querySelectorAll(selector)).filter((x) => pick(x) && !x.contains(el));
    const names = namesFrom((siblings.length ? siblings : [el]).map((s) => text(s)).filter((t) => t.length <= 300), single);
    if (names.length) return names;
  }
  return [];
}

/**
 * Byline from the page's markup, by the first source that yields names, each looked for in the
 * headline's article element first, then in the whole page (outside comments, asides, footers
 * and recirculation blocks): `itemprop=author`; `rel=author` links; elements whose class or id
 * names an author or byline ({@link AUTHOR_TOKEN}); short elements that open with "By";
 * the element after a label such as "Author(s)" ({@link BYLINE_LABEL}); links to author pages
 * ({@link AUTHOR_HREF}); the name opening an author bio card ({@link BIO_SENTENCE}). An author
 * card with a long bio gives the name in its heading, link or "name" element. Co-authors are read from the smallest block
 * around the first hit.
 */
function bylineFromDom(doc: Doc): string[] {
  const scope = headlineScope(doc);
  const roots: Array<El | Doc> = scope ? [scope, doc] : [doc];
  const always = () => true;
  const sources: Array<[string, (el: El) => boolean, (el: El) => string, boolean, boolean?]> = [
    ['[itemprop~="author"]', always, authorElementText, true],
    ['a[rel~="author"]', always, spacedText, true],
    ['[class*="uthor"], [id*="uthor"], [class*="yline"], [id*="yline"], [class*="riter"], [class*="ontributor"]', isAuthorElement, spacedText, false],
    [BY_LINE_TAGS, (el) => {
      if (el.children.length > 4) return false;
      const t = el.textContent ?? '';
      return t.length < 120 && BY_LINE.test(t);
    }, spacedText, false],
    [LABEL_TAGS, (el) => el.children.length === 0 && BYLINE_LABEL.test(el.textContent ?? '') && !!afterLabel(el), (el) => {
      const next = afterLabel(el);
      return next ? spacedText(next) : '';
    }, false, true],
    ['a[href]', (el) => AUTHOR_HREF.test(el.getAttribute('href') ?? ''), spacedText, false],
    ['p, div', (el) => {
      if (el.children.length > 3) return false;
      const t = el.textContent ?? '';
      return t.length < 500 && BIO_SENTENCE.test(collapseWhitespace(t)) && !reviewerCard(el);
    }, (el) => BIO_SENTENCE.exec(collapseWhitespace(el.textContent ?? ''))?.[1] ?? '', false],
  ];
  for (const [selector, pick, text, single, inAside] of sources) {
    for (const root of roots) {
      const names = namesNear(root, selector, pick, text, single, inAside);
      if (names.length) return names;
    }
  }
  return [];
}

// ---------------------------------------------------------------------------------------------
// title and outlet

const TITLE_SEPARATORS = /\s+(?:\||-|–|—|::|·|•|»|«)\s+/;

function normalizeForCompare(s: string): string {
  return s.toLowerCase().replace(/^the\s+/, '').replace(/[^\p{L}\p{N}]+/gu, '');
}

function looksLikeSite(part: string, siteHints: readonly string[]): boolean {
  const p = normalizeForCompare(part);
  if (!p) return false;
  const short = part.trim().split(/\s+/).length <= 4;
  return siteHints.some((h) => {
    const n = normalizeForCompare(h);
    return n.length > 1 && (p === n || (short && (p.includes(n) || n.includes(p))));
  });
}

/**
 * Remove a " | Site" or " - Site" suffix (or a "Site | " prefix) from a title when that part
 * names the site: the rest equals the page's `<h1>`, the part matches one of `siteHints`
 * (outlet, publisher, URL host), or (when `fromTitleTag`) it is a short capitalized trailing
 * part after a headline of three words or more. Returns the cleaned title and the removed
 * site part (null when nothing was removed).
 */
export function stripTitleSite(title: string, siteHints: readonly string[], fromTitleTag: boolean, h1: string | null = null): { title: string; site: string | null } {
  const parts = title.split(TITLE_SEPARATORS);
  if (parts.length < 2) return { title, site: null };
  const last = parts[parts.length - 1];
  const first = parts[0];
  const sepRe = new RegExp(TITLE_SEPARATORS.source, 'g');
  const seps: string[] = title.match(sepRe) ?? [];
  const head = title.slice(0, title.lastIndexOf(seps[seps.length - 1])).trim();
  // The page's own <h1> says where the headline ends.
  if (h1 && normalizeForCompare(head) === normalizeForCompare(h1)) return { title: head, site: last.trim() };
  if (looksLikeSite(last, siteHints)) {
    const cut = title.lastIndexOf(seps[seps.length - 1]);
    return { title: title.slice(0, cut).trim(), site: last.trim() };
  }
  if (looksLikeSite(first, siteHints)) {
    const cut = title.indexOf(seps[0]) + seps[0].length;
    return { title: title.slice(cut).trim(), site: first.trim() };
  }
  if (fromTitleTag) {
    const lastWords = last.trim().split(/\s+/).length;
    if (lastWords <= 5 && head.split(/\s+/).length >= 3 && /^\p{Lu}|^\p{N}/u.test(last.trim())) {
      return { title: head, site: last.trim() };
    }
  }
  return { title, site: null };
}

function hostHints(url: string | null): string[] {
  if (!url) return [];
  try {
    const host = new URL(url).hostname.replace(/^www\d?\./, '');
    const labels = host.split('.');
    // "nytimes.com" → "nytimes"; "telegraph.co.uk" → "telegraph"
    const core = labels.length >= 3 && labels[labels.length - 2].length <= 3 ? labels[labels.length - 3] : labels[labels.length - 2];
    return core ? [host, core] : [host];
  } catch {
    return [];
  }
}

/** Words of a title, lowercased, for overlap. */
function titleWords(t: string): Set<string> {
  return new Set(t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** Share of the shorter title's words that the other title holds too. */
function titleOverlap(a: string, b: string): number {
  const A = titleWords(a);
  const B = titleWords(b);
  let n = 0;
  for (const w of A) if (B.has(w)) n++;
  return n / Math.max(1, Math.min(A.size, B.size));
}

/**
 * The page's visible headline: among the first six `<h1>` elements of 10–250 characters and at
 * least three words that do not name the site, the one sharing the most words with
 * `metaTitle` (at least 40% of the shorter one's words); with no metadata title, the first
 * such `<h1>`. Null when none qualifies.
 */
function agreeingHeadline(doc: Doc, metaTitle: string | null, siteHints: readonly string[]): string | null {
  const h1s = Array.from(doc.querySelectorAll('h1'))
    .slice(0, 6)
    .map((e) => collapseWhitespace(e.textContent ?? ''))
    .filter((t) => t.length >= 10 && t.length <= 250 && t.split(' ').length >= 3 && !looksLikeSite(t, siteHints));
  if (!h1s.length) return null;
  if (!metaTitle) return h1s[0];
  let best: string | null = null;
  let bestScore = 0;
  for (const h of h1s) {
    const score = titleOverlap(h, metaTitle);
    if (score > bestScore) {
      bestScore = score;
      best = h;
    }
  }
  return bestScore >= 0.4 ? best : null;
}

// ---------------------------------------------------------------------------------------------

function resolveUrl(href: string | null | undefined, base: string | null): string | null {
  if (!href) return null;
  const h = href.trim();
  if (!h) return null;
  try {
    return new URL(h, base ?? undefined).href;
  } catch {
    return /^https?:\/\//i.test(h) ? h : null;
  }
}


/**
 * Read title, byline, publication date, outlet, URL and declared language from a parsed HTML
 * document (see the module doc for the ranked sources). Read it before Readability runs, since
 * Readability removes bylines and scripts from the document. Never throws: a field with no
 * valid source is null (or an empty byline).
 */
export function extractMetadata(doc: Doc, opts: MetadataOptions = {}): HtmlMetadata {
  const meta = readMeta(doc);
  const ld = readJsonLd(doc);
  const declaredLanguage = primaryLanguageSubtag(doc.documentElement?.getAttribute('lang'))
    ?? primaryLanguageSubtag(doc.documentElement?.getAttribute('xml:lang'))
    ?? primaryLanguageSubtag(meta.get('content-language'))
    ?? primaryLanguageSubtag(meta.get('og:locale'));
  const articles = ld.filter((o) => typesOf(o).some((t) => ARTICLE_TYPES.has(t)));
  const pages = ld.filter((o) => typesOf(o).some((t) => t === 'webpage' || t === 'itempage'));
  const primary = [...articles, ...pages];

  // url
  const canonicalHref = doc.querySelector('link[rel~="canonical"]')?.getAttribute('href') ?? null;
  const ogUrl = meta.get('og:url') ?? null;
  const url = opts.url ?? resolveUrl(canonicalHref, ogUrl) ?? resolveUrl(ogUrl, null);

  // outlet
  let publisher: string | null = null;
  for (const o of primary) {
    publisher = jsonString(o['publisher']);
    if (publisher) break;
  }
  let outlet = firstMeta(meta, ['og:site_name']) ?? publisher ?? firstMeta(meta, ['application-name', 'al:ios:app_name', 'apple-mobile-web-app-title']);

  // title
  const siteHints = [outlet, publisher, ...hostHints(url)].filter((x): x is string => !!x);
  let title: string | null = null;
  let fromTitleTag = false;
  for (const o of articles) {
    title = jsonString(o['headline']) ?? jsonString(o['name']);
    if (title) break;
  }
  title ??= firstMeta(meta, ['og:title', 'twitter:title', 'parsely-title', 'sailthru.title', 'dc.title', 'headline']);
  const titleTag = collapseWhitespace(doc.querySelector('head title')?.textContent ?? doc.querySelector('title')?.textContent ?? '');
  const h1 = collapseWhitespace(doc.querySelector('h1')?.textContent ?? '') || null;
  // Titles longer than this are descriptions written into a title field.
  if (title && title.length > 250) title = null;
  // The visible headline: an <h1> that agrees with the metadata title wins over it (the metadata
  // title is often a social or SEO variant). Chosen on the evaluation sets (eval/extract.ts):
  // wcxb-dev titles 0.80 → 0.86; Readability's test pages, whose references are Readability's
  // own metadata-first titles, 0.86 → 0.80; 329 of 390 pages right instead of 320.
  const headline = agreeingHeadline(doc, title ?? (titleTag || null), siteHints);
  if (headline) title = headline;
  if (!title && h1 && h1.length >= 10) title = h1;
  if (!title && titleTag) {
    title = titleTag;
    fromTitleTag = true;
  }
  if (title) title = stripTitleSite(title, siteHints, fromTitleTag, h1).title || title;
  // "“What is Git?”" → "What is Git?"
  if (title && /^["“«].*["”»]$/.test(title) && !/["“”«»]/.test(title.slice(1, -1))) title = title.slice(1, -1).trim();
  // The site part of <title> names the outlet when nothing else does.
  if (!outlet && titleTag && title) {
    const split = stripTitleSite(titleTag, siteHints, true);
    if (split.site && normalizeForCompare(split.title).startsWith(normalizeForCompare(title).slice(0, 20))) {
      outlet = split.site;
    }
  }

  // byline: the first source that yields a person's name
  const byId = new Map<string, JsonObject>();
  for (const o of ld) {
    const id = o['@id'];
    if (typeof id === 'string' && !byId.has(id)) byId.set(id, o);
  }
  const publisherKeys = [outlet, publisher].filter((x): x is string => !!x).map(normalizeForCompare);
  const hostKeys = hostHints(url).map(normalizeForCompare);
  // A "name" equal to the outlet or publisher is the publisher ("Folha de S.Paulo"), unless its
  // source declares a person (a personal blog named after its author); a one-word name equal to
  // the site's domain is the brand ("Buzzsprout" on buzzsprout.com; "Jane Doe" on janedoe.com stays).
  const notPublisher = (name: string) => {
    const key = normalizeForCompare(name);
    return !publisherKeys.includes(key) && (name.includes(' ') || !hostKeys.includes(key));
  };
  const fromSourced = (people: SourcedName[]): string[] => {
    const out: string[] = [];
    for (const p of people) {
      for (const name of splitBylineNames(p.name, { single: true, person: p.person })) {
        if ((p.person || notPublisher(name)) && !out.some((x) => x.toLowerCase() === name.toLowerCase())) out.push(name);
      }
    }
    return out;
  };
  let byline: string[] = [];
  for (const o of primary) {
    byline = fromSourced(jsonPeople(o['author'], byId));
    if (byline.length) break;
  }
  if (!byline.length) {
    const raws = ['author', 'article:author', 'byl', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator', 'citation_author', 'twitter:creator:name']
      .map((k) => meta.get(k))
      .filter((v): v is string => !!v && !/^https?:|^www\./i.test(v));
    for (const raw of raws) {
      byline = namesFrom([raw], true).filter(notPublisher);
      if (byline.length) break;
    }
    // Yoast writes the author as twitter:label1 "Written by" + twitter:data1 "<name>": a person.
    for (const i of ['1', '2']) {
      if (byline.length) break;
      if (/^(?:written by|author|by)$/i.test(meta.get(`twitter:label${i}`) ?? '')) byline = namesFrom([meta.get(`twitter:data${i}`) ?? ''], true);
    }
  }
  if (!byline.length) byline = bylineFromDom(doc).filter(notPublisher);
  if (!byline.length) {
    for (const o of articles) {
      byline = fromSourced(jsonPeople(o['creator'], byId));
      if (byline.length) break;
    }
  }

  // published
  let published: string | null = null;
  let publishedRaw: string | null = null;
  for (const o of primary) {
    publishedRaw = jsonString(o['datePublished']);
    published = normalizeDate(publishedRaw);
    if (published) break;
  }
  if (!published) {
    for (const k of PUBLISHED_META) {
      publishedRaw = meta.get(k) ?? null;
      published = normalizeDate(publishedRaw);
      if (published) break;
    }
  }
  const urlDate = dateFromUrl(opts.url) ?? dateFromUrl(url) ?? dateFromUrl(canonicalHref) ?? dateFromUrl(ogUrl);
  if (published && urlDate && publishedRaw && utcDayShift(publishedRaw, published, urlDate)) published = urlDate;
  published ??= publishedFromParsely(meta) ?? publishedFromTime(doc, true) ?? urlDate;
  if (!published) {
    for (const o of primary) {
      published = normalizeDate(jsonString(o['dateCreated']));
      if (published) break;
    }
  }
  published ??= publishedFromTime(doc, false) ?? publishedUnderHeadline(doc, title, declaredLanguage)
    ?? publishedFromDateText(doc, declaredLanguage) ?? publishedFromTimestamp(doc, opts.html);

  const articleMarkup = articles.length > 0 || meta.get('og:type')?.toLowerCase() === 'article' || meta.has('article:published_time');
  return { title: title || null, byline, published, outlet: outlet || null, url, declaredLanguage, articleMarkup };
}
