/**
 * "Not an article": home pages, section fronts (lists of teasers) and error pages are recognised
 * from a few page-level counts taken before extraction ({@link pageStats}) and the shape of the
 * extracted text ({@link notArticleReason}). The answer is a one-line reason naming the counts
 * ("looks like a section front: 142 links, 3 short paragraphs"), which `extractHtml` raises as
 * `E_NO_ARTICLE`.
 *
 * The rules are deliberately conservative (a real article refused is worse than a front page
 * let through): on the 573 article pages of the evaluation sets (eval/extract.ts) none is
 * refused. Thresholds:
 * - error page: the `<title>` or first `<h1>` says "404", "page not found", "access denied",
 *   "an error occurred" … (or, in five words or fewer, "not found", "forbidden", "error",
 *   "oops"), and the extracted text is under 1,500 characters;
 * - section front or home page: the extracted text has fewer than two long paragraphs
 *   (≥ 200 characters) and under 1,200 characters, the page has at least 30 links that hold at
 *   least 40% of its text or at least 8 headings that are links (teasers), and nothing says
 *   "article" (no article markup, publication date, byline or article-like URL; see
 *   {@link PageStats.articleSignals}): short news items on busy pages have the same counts.
 *   A page at the URL path "/" is a home page whatever its markup says.
 */

/** Counts over a parsed page, taken before Readability changes the document. */
export interface PageStats {
  /** `<a href>` elements in `<body>`. */
  links: number;
  /** Characters of link text (whitespace collapsed). */
  linkChars: number;
  /** Characters of the body's text (whitespace collapsed). */
  textChars: number;
  /** Headings (`h1`–`h4`) that are links or hold one: the teasers of a front page. */
  teaserHeadings: number;
  /** The `<title>` text. */
  title: string;
  /** The first `<h1>` text, or null. */
  h1: string | null;
  /** `og:type`, lowercased, or null. */
  ogType: string | null;
  /** The URL's path, or null when no URL is known. */
  urlPath: string | null;
  /**
   * What says "this is one article": article markup (JSON-LD article type, `og:type` article,
   * `article:published_time`), a publication date, a byline, or an article-like URL (a slug of
   * three words or more, a numeric id, a date). Empty when nothing does.
   */
  articleSignals: string[];
}

/** Metadata facts {@link pageStats} folds into `articleSignals`. */
export interface ArticleEvidence {
  articleMarkup: boolean;
  published: string | null;
  byline: readonly string[];
}

/** An article-like URL path: a slug of three or more words, a numeric id of four digits or more, or a date. */
const ARTICLE_PATH = /[\p{L}\p{N}]+(?:[-_][\p{L}\p{N}]+){2,}|\d{4,}|\/(?:19|20)\d{2}\/\d{1,2}\//u;

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function collapsedLength(s: string): number {
  return s.replace(/\s+/g, ' ').trim().length;
}

/**
 * Page-level counts of `doc` (see {@link PageStats}); `url` is the page's address when known,
 * `evidence` what the metadata found.
 */
export function pageStats(doc: Document, url: string | null, evidence: ArticleEvidence): PageStats {
  const body = doc.body ?? doc.documentElement;
  let links = 0;
  let linkChars = 0;
  for (const a of Array.from(body?.querySelectorAll('a[href]') ?? [])) {
    links++;
    linkChars += collapsedLength(a.textContent ?? '');
  }
  let teaserHeadings = 0;
  for (const h of Array.from(body?.querySelectorAll('h1, h2, h3, h4') ?? [])) {
    if (h.querySelector('a[href]') || h.closest('a[href]')) teaserHeadings++;
  }
  let urlPath: string | null = null;
  if (url) {
    try {
      urlPath = new URL(url).pathname;
    } catch {
      urlPath = null;
    }
  }
  const articleSignals: string[] = [];
  if (evidence.articleMarkup) articleSignals.push('article markup');
  if (evidence.published) articleSignals.push('a publication date');
  if (evidence.byline.length) articleSignals.push('a byline');
  if (urlPath && ARTICLE_PATH.test(decodeURIComponentSafe(urlPath))) articleSignals.push('an article URL');
  return {
    articleSignals,
    links,
    linkChars,
    textChars: collapsedLength(body?.textContent ?? ''),
    teaserHeadings,
    title: (doc.querySelector('title')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    h1: doc.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() || null,
    ogType: doc.querySelector('meta[property="og:type"]')?.getAttribute('content')?.toLowerCase() ?? null,
    urlPath,
  };
}

/** The extracted text's shape: what {@link notArticleReason} weighs against the page counts. */
export interface TextShape {
  /**
   * Characters of the body paragraphs (captions and headings left out), a Chinese, Japanese or
   * Korean character counting three (it carries about as much as three Latin letters).
   */
  chars: number;
  /** Body paragraphs. */
  paragraphs: number;
  /** Body paragraphs of 200 characters or more (counted as in `chars`). */
  longParagraphs: number;
}

/** Error-page headlines and titles (English and a few common others). */
const ERROR_TITLE = /(?:^|\s|\()(?:404|410|403|500)(?:\s|\)|$|:)|\bpage (?:was )?not found\b|\bpage (?:does not|doesn['’]t|no longer) exists?\b|\baccess denied\b|\ban error (?:has )?occurred\b|\bseite nicht gefunden\b|\bpage introuvable\b|\bp[aá]gina no encontrada\b|\bстраница не найдена\b/i;
/** Weaker error wording, trusted only in a short title ("Not Found", "Forbidden"). */
const ERROR_TITLE_SHORT = /\bnot found\b|\bforbidden\b|\bsomething went wrong\b|\berror\b|\boops\b/i;

/**
 * Why the page is not an article, as one line ("looks like an error page: “Page not found”",
 * "looks like a section front: 142 links, 3 short paragraphs"), or null when it may be one.
 * See the module doc for the rules.
 */
export function notArticleReason(stats: PageStats, text: TextShape): string | null {
  const heading = stats.h1 ?? '';
  if (text.chars < 1500) {
    for (const t of [stats.title, heading]) {
      if (!t || t.length > 120) continue;
      if (ERROR_TITLE.test(t) || (t.split(' ').length <= 5 && ERROR_TITLE_SHORT.test(t))) return `looks like an error page: “${t}”`;
    }
  }
  if (text.longParagraphs >= 2 || text.chars >= 1200) return null;
  const linkShare = stats.textChars ? stats.linkChars / stats.textChars : 0;
  const linky = stats.links >= 30 && linkShare >= 0.4;
  const teasers = stats.teaserHeadings >= 8;
  if (!linky && !teasers) return null;
  const home = stats.urlPath === '/' || stats.urlPath === '';
  // A short article on a busy page looks the same by counts: anything that says "article" wins,
  // except at the site's root, where no article lives.
  if (!home && stats.articleSignals.length) return null;
  const kind = home ? 'a home page' : 'a section front';
  const paragraphs = `${text.paragraphs} short paragraph${text.paragraphs === 1 ? '' : 's'}`;
  const why = teasers && !linky
    ? `${stats.teaserHeadings} linked headlines, ${paragraphs}`
    : `${stats.links} links holding ${Math.round(100 * linkShare)}% of the text, ${paragraphs}`;
  return `looks like ${kind}: ${why}`;
}
