/**
 * HTML article extraction: raw page HTML → {@link Article} (clean paragraphs, metadata, the
 * boilerplate that was removed).
 *
 * Steps:
 * 1. Pre-clean the markup with a few linear regexes (drop `<script>` except JSON-LD, `<style>`,
 *    `<noscript>`, `<svg>`, `<template>`, `<iframe>`, `<nav>`, `<button>`, comments, and
 *    `data-*`/`srcset`/event attributes; attribute names lowercased) so parsing and Readability
 *    touch less of the page; this roughly halves the time on news pages.
 * 2. Parse with linkedom and read the metadata ({@link extractMetadata}) and the page counts
 *    ({@link pageStats}) before Readability runs, since Readability removes scripts and bylines
 *    from the document.
 * 3. Tag figure captions and embedded posts (tweets …) inside the article element
 *    ({@link anchorCaptions}), then run @mozilla/readability with `keepClasses` and a serializer
 *    that returns the content element itself (equivalent to re-parsing its HTML with linkedom,
 *    without the cost).
 * 4. Walk that element and cut it into paragraphs at block elements: `p`, `li`, `div` … → body,
 *    `h1`–`h6` → heading, `blockquote` → blockquote, `figcaption` (and `.caption` blocks, kept
 *    through Readability's div-to-p rewrite by {@link protectCaptionDivs}) → caption. Captions
 *    and embedded posts that Readability dropped are put back before the paragraph they
 *    preceded. Inline markup is flattened; whitespace inside a paragraph collapses to one space.
 * 5. Drop boilerplate blocks left inside the content (see {@link RemovedReason}) and record each
 *    in `removed` (text cut to 120 characters).
 * 6. Decide whether the page is an article at all ({@link notArticleReason}: home pages, section
 *    fronts, error pages); {@link extractHtml} raises `E_NO_ARTICLE` with the reason.
 * When Readability finds nothing, the `<p>` elements of the body are used instead; when there is
 * still no text, the Article has empty text and no paragraphs (the pipeline raises E_NO_ARTICLE).
 */
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import type { Article } from '../types.js';
import type { Paragraph, ParagraphKind, Removed } from '../schema.js';
import { detectLanguage } from './language.js';
import { collapseWhitespace, extractMetadata, normalizeDate, spacedText, splitBylineNames } from './metadata.js';
import { notArticleReason, pageStats, type PageStats } from './page-kind.js';
import { DATELINE_CUE, RELATED_LABEL, SHARE_LINE, isCreditLine, isDateline } from './lines.js';
import { SteppeError } from '../errors.js';

/** Options for {@link extractHtml}. */
export interface HtmlExtractOptions {
  /** Where the page was read from (path, URL, jsonl id); copied to `article.source`. */
  source: string;
  /** The page's URL when the caller knows it; wins over `<link rel=canonical>` and `og:url`. */
  url?: string | null;
  /**
   * Return the Article even when the page looks like a home page, section front or error page
   * (default false: {@link extractHtml} throws `E_NO_ARTICLE` with the reason).
   */
  acceptNonArticles?: boolean;
}

/** What {@link inspectHtml} learns about a page. */
export interface HtmlInspection {
  article: Article;
  /** Why the page is not an article ({@link notArticleReason}), or null. */
  notArticle: string | null;
  /** The page-level counts the decision used. */
  stats: PageStats;
}

/**
 * Why a block was removed (`article.removed[].reason`):
 * - `advertisement`: "Advertisement", "Story continues below advertisement", ad slots;
 * - `share`: share bars ("Share this", "Facebook Twitter Email"), `.share`/`.social` blocks;
 * - `newsletter`: newsletter and subscription promos ("Sign up for our newsletter …");
 * - `related`: related-story lists and their labels ("Related", "Read more:" followed by links,
 *   link-only lines, `.related`/`.recommended` blocks);
 * - `read-more`: a single "Read more: …" / "[Read: …]" line inside the article;
 * - `social`: "Follow us on Twitter";
 * - `navigation`: "Continue reading the main story", "Skip to …", "Back to top";
 * - `copyright`: "© 2017 …";
 * - `image-credit`: "Image copyright …", "Photo credit …", "Photo: Reuters", "REUTERS/Jane Doe"
 *   lines outside captions ({@link isCreditLine});
 * - `byline`, `dateline`, `title`: repeats of the metadata inside the body;
 * - `author-bio`, `tags`, `comments`: author cards, tag lists, comment prompts;
 * - `duplicate-caption`: a caption whose text was seen before (captions are kept once);
 * - `cookies`: cookie-consent banners ("This website uses cookies …").
 * `navigation` also covers "This slideshow requires JavaScript" notices and unrendered CMS
 * shortcodes ("[button …]…[/button]"); `comments` covers comment prompts ("Leave a reply");
 * `tags` covers "Tags" labels and "Tags: a, b" lines; `related` covers teaser links tagged
 * "[NEWS]", "[VIDEO]" … and the link lines after a related label ("Don't miss").
 */
export type RemovedReason =
  | 'advertisement' | 'share' | 'newsletter' | 'related' | 'read-more' | 'social' | 'navigation'
  | 'copyright' | 'image-credit' | 'byline' | 'dateline' | 'title' | 'author-bio' | 'tags'
  | 'comments' | 'duplicate-caption' | 'cookies';

/** Longest `removed[].text` we keep; longer texts are cut and end with "…". */
export const REMOVED_TEXT_MAX = 120;

// ---------------------------------------------------------------------------------------------
// pre-cleaning

const DROP_ELEMENTS = /<(style|noscript|svg|template|iframe|object|math|select|textarea|button|nav)\b[^>]*?(?<!\/)>[\s\S]*?<\/\1\s*>/gi;
const SCRIPTS = /<script\b([^>]*?)(?<!\/)>[\s\S]*?<\/script\s*>/gi;
const COMMENTS = /<!--[\s\S]*?-->/g;

/** Attributes that never matter for text or metadata; dropping them makes parsing ~25% faster. */
const NOISE_ATTRIBUTE = /^(?:data-|on[a-z]|aria-(?!hidden)|(?:srcset|sizes|tabindex|width|height|target|loading|decoding|crossorigin|integrity|referrerpolicy)$)/;
/** One attribute of a start tag: leading space, name, optional `=value` (quoted values consumed whole). */
const ATTRIBUTE = /(\s+)([^\s"'>/=]+)(\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?/g;
const HAS_UPPER_NAME = /\s[^\s"'>/=]*[A-Z][^\s"'>/=]*\s*=/;

/**
 * Drop noise attributes and lowercase attribute names (linkedom keeps `dateTime` as written,
 * so `time[datetime]` would miss it; HTML attribute names are case-insensitive).
 */
function cleanStartTag(tag: string): string {
  if (tag.length <= 40 && !HAS_UPPER_NAME.test(tag)) return tag;
  const nameEnd = tag.search(/[\s/>]/);
  return tag.slice(0, nameEnd) + tag.slice(nameEnd).replace(ATTRIBUTE, (all: string, sp: string, name: string, value: string | undefined) => {
    const lower = name.toLowerCase();
    if (NOISE_ATTRIBUTE.test(lower)) return '';
    return lower === name ? all : sp + lower + (value ?? '');
  });
}
const START_TAG = /<[a-zA-Z][^>]*>/g;

/**
 * Remove scripts (keeping JSON-LD), comments, styles and other non-text elements, and noise
 * attributes (`data-*`, `srcset`, event handlers …), with linear regexes.
 */
function preclean(html: string): string {
  return html
    .replace(SCRIPTS, (m: string, attrs: string) => (/ld\+json/i.test(attrs) ? m : ''))
    .replace(COMMENTS, '')
    .replace(DROP_ELEMENTS, '')
    .replace(START_TAG, cleanStartTag);
}

// ---------------------------------------------------------------------------------------------
// block walk

const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'svg', 'template', 'iframe', 'object', 'embed', 'video', 'audio',
  'canvas', 'button', 'input', 'select', 'textarea', 'option', 'nav', 'img', 'picture',
  'source', 'map', 'math', 'head', 'meta', 'link', 'title', 'dialog', 'menu',
]);
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li',
  'main', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr',
  'caption', 'ul', 'body', 'html', 'legend', 'form',
]);
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const HIDDEN_CLASS = /(?:^|\s)(?:visually-?hidden|sr-only|screen-reader(?:-text|-only)?|offscreen|a11y-hidden)(?:\s|$)/i;

/** A class/id rule: one of `alts` as a whole class name or as a "-"/"_"-delimited part of one. */
function classRule(alts: string): RegExp {
  return new RegExp(`(?:^|[\\s_-])(?:${alts})(?=$|[\\s_-])`);
}

const EMBED = classRule('(?:social[-_]?(?:media[-_]?)?)?embed(?:ded)?|oembed|twitter[-_]?tweet|tweet|instagram[-_]?media');

/** Class/id names that mark a block as boilerplate (matched on the lowercased `class` + `id`). */
const CLASS_RULES: ReadonlyArray<[RegExp, RemovedReason]> = [
  [classRule('share|sharing|share[-_]?(?:bar|tools|buttons|links|icons|box|container|wrapper|list|module|widget|line)|social(?:[-_]?(?:share|sharing|links|icons|media|buttons|bar|tools|follow))?|socials|addthis|sharethis'), 'share'],
  [classRule('newsletter(?:s|[-_]?(?:signup|promo|box|form|cta|container|wrapper|module|widget))?|sign[-_]?up|subscribe|subscription[-_]?(?:box|promo|cta)|opt[-_]?in'), 'newsletter'],
  [classRule('related(?:[-_]?(?:stories|articles|content|links|posts|news|items|box|list|module|widget|coverage|topics))?|recirc(?:ulation)?|read[-_]?(?:more|next|also)|recommended|recommendations?|outbrain|taboola|trending|most[-_]?(?:read|popular|viewed|shared)|more[-_]?(?:stories|articles|news)|promo|rail|carousel|swiper|teasers?|up[-_]?next|also[-_]?read|further[-_]?reading|see[-_]?also|story[-_]?list'), 'related'],
  [classRule('ad|ads|adv|advert(?:s|isement|ising)?|ad[-_]?(?:slot|unit|container|wrapper|box|block|banner|placeholder|label)|dfp|gpt[-_]?ad|google[-_]?ads?|sponsor(?:ed)?|banner[-_]?ad'), 'advertisement'],
  [classRule('bio|author[-_]?(?:bio|card|info|box|profile|about)|about[-_]?(?:the[-_]?)?author|biography'), 'author-bio'],
  [classRule('tags|tag[-_]?(?:list|cloud)|keywords|topics[-_]?list'), 'tags'],
  [classRule('comments?|disqus|comment[-_]?(?:section|box|count|form)'), 'comments'],
];

interface Block {
  text: string;
  kind: ParagraphKind;
  /** Non-space characters of `text` that sit inside links. */
  linkChars: number;
  /** Non-space characters of `text`, for the link ratio. */
  rawChars: number;
}

const SPACE_RUN = /\s+/g;
function nonSpaceLength(s: string): number {
  let n = s.length;
  for (const m of s.matchAll(SPACE_RUN)) n -= m[0].length;
  return n;
}


function cut(text: string): string {
  return text.length <= REMOVED_TEXT_MAX ? text : `${text.slice(0, REMOVED_TEXT_MAX - 1).trimEnd()}…`;
}

function classParts(el: Element): string[] {
  const raw = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.trim();
  if (!raw) return [];
  return raw.toLowerCase().split(/[\s_-]+/).filter(Boolean);
}

/** Boilerplate reason from an element's class/id, or null. Wrappers with much text never match. */
function classReason(el: Element): RemovedReason | null {
  const cls = el.getAttribute('class');
  const id = el.getAttribute('id');
  if (!cls && !id) return null;
  const names = `${cls ?? ''} ${id ?? ''}`.toLowerCase();
  // Embedded posts ("social-media-embed", "twitter-tweet") are quoted content, not share bars.
  if (EMBED.test(names)) return null;
  for (const [re, reason] of CLASS_RULES) {
    if (re.test(names)) {
      // "article-body share-enabled" style wrappers hold the story: never drop large blocks.
      const len = (el.textContent ?? '').length;
      if (len > 1000 || el.querySelectorAll('p').length > 3) return null;
      return reason;
    }
  }
  return null;
}

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  const cls = el.getAttribute('class');
  return !!cls && HIDDEN_CLASS.test(cls);
}

function linkRatio(el: Element): number {
  const total = collapseWhitespace(el.textContent ?? '').length;
  if (!total) return 0;
  let links = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) links += collapseWhitespace(a.textContent ?? '').length;
  return links / total;
}

/** A list whose items are all (nearly) only links: a related-story or navigation list. */
function isLinkList(el: Element): boolean {
  const items = Array.from(el.children).filter((c) => c.localName === 'li');
  if (items.length < 2) return false;
  return items.every((li) => linkRatio(li) >= 0.8);
}

// ---------------------------------------------------------------------------------------------
// text rules

const AD_LINE = /^[-–—\s]*(?:advertisement|advertisment|advert|ad|ads|sponsored(?: content)?|paid (?:content|post)|promoted(?: content)?|story continues (?:below|after) (?:this )?(?:advertisement|ad)|article continues (?:below|after) (?:this )?(?:advertisement|ad)|continue reading (?:below|after) (?:the )?(?:advertisement|ad)|skip (?:this )?(?:ad|advert|advertisement)|scroll to continue with content|reklama|anzeige|publicité|publicidad|pubblicità|реклама)[-–—\s]*$/i;
const NEWSLETTER = /\b(?:sign(?:ing)? up|subscribe|register|get|receive|enter your email)\b.{0,100}\b(?:newsletters?|e-?mails?|inbox|briefings?|bulletins?|alerts?|digest|updates)\b|\bnewsletters?\b.{0,60}\b(?:sign up|subscribe|inbox)\b|^(?:sign up|subscribe)(?: now| today| here)?[.!:]*$|\bwe(?:['’]ll)? (?:send|e-?mail|deliver)\b.{0,40}\b(?:e-?mails?|newsletters?|inbox|top stories|digest)\b|^(?:want|get) more (?:stories|news|articles) like this\b/i;
const READ_MORE_LINE = /^[[(]?\s*(?:read(?: more| also| next)?|also read|see also|related|more|watch|listen|recommended|explainer|analysis|opinion|live|video)\s*:/i;
const SOCIAL_LINE = /^(?:follow (?:us|me|@\S+|[\p{L}\s.]{2,40}) on (?:twitter|x|facebook|instagram|telegram|linkedin|youtube|tiktok|threads|bluesky|mastodon)|(?:like|find) us on facebook|join (?:us|our \w+) on (?:telegram|whatsapp|facebook)|follow @\S+)/iu;
/** Contact and tip lines under an article: "Have a tip? … may be reached at …", "Follow her on Twitter". */
const CONTACT_LINE = /^have a (?:news )?tip\b|\bmay be reached at \S+@|\b(?:follow|find) (?:her|him|them|us|me) on (?:twitter|x|facebook|instagram)\b/i;
const COPYRIGHT_LINE = /^(?:©|\(c\)\s*\d{4}|copyright\b(?! \w+ (?:law|lawsuit|case|claim|holder)s?\b))/i;
const NAV_LINE = /^(?:continue reading(?: the main story)?|sign in|log in|sign out|log out|my account|menu|search|breaking news|home|skip (?:to|past) [\p{L}\s]{2,30}|back to top|scroll (?:down|up)(?: for more| to continue)?|click here(?: to [\p{L}\s]{2,40})?|show (?:more|less)|load more|view (?:all|more|comments)|see more|jump to [\p{L}\s]{2,30}|next (?:article|story|page)|previous (?:article|story|page)|return to [\p{L}\s]{2,30}|open in app)[.:!»>…\s]*$/iu;
/** "This slideshow requires JavaScript.", "Please enable JavaScript to view …". */
const SCRIPT_NOTICE = /^(?:this (?:slideshow|video|content|feature|page|site|interactive|gallery|embed|form|map|chart)\b.{0,40}\brequires? javascript|(?:please )?(?:enable|turn on) javascript\b|you (?:need|must) (?:to )?enable javascript|javascript (?:is )?(?:required|disabled))/i;
/** Cookie-consent banners. */
const COOKIE_NOTICE = /\b(?:this (?:web)?site|we) uses? cookies\b|\bcookie (?:policy|settings|preferences|consent|notice)\b|\baccept (?:all )?cookies\b|\bby continuing to (?:browse|use)\b.{0,60}\bcookies\b/i;
/** Unrendered CMS shortcodes: "[button link=… ]Send us your review[/button]". */
const SHORTCODE = /^\[[a-z_][\w-]*(?:\s[^\]]*)?\].*\[\/[a-z_][\w-]*\]$|^\[\/?[a-z_][\w-]*(?:\s+[\w-]+=[^\]]*)+\]$/i;
/** Prompts of a comment section: "Tell us what you think", "Leave a reply", "12 comments". */
const COMMENT_PROMPT = /^(?:tell us what you think|leave a (?:comment|reply)|join the (?:conversation|discussion)|what do you think\??|have your say|post a comment|add a comment|comments? (?:are|is) (?:closed|moderated)|\d+\s+comments?|comments?|(?:show|load|view) (?:all |\d+ )?comments)\W*$/i;
/** A tag list or its label: "Tags", "Tags: budget, parliament", "Filed under: …". */
const TAGS_LABEL = /^(?:tags?|tagged(?: with)?|topics|keywords|filed under)\s*:?\s*$/i;
const TAGS_LINE = /^(?:tags?|tagged(?: with)?|topics|keywords|filed under)\s*:\s*\S/i;
/** A teaser link marked with its section in brackets: "Plane passengers quarantined [NEWS]". */
const TEASER_TAG = /\[(?:news|insight|video|pictures?|photos?|pics|revealed|latest|poll|live|analysis|opinion|watch|gallery|update|warning|comment|interview|map|graphic)\]\s*$/i;
const IMAGE_CREDIT = /^(?:image|photo|picture|video|graphic|illustration)\s+(?:copyright|source|credit|courtesy)\b/i;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SENTENCE_END = /[.!?…]["”’»)\]]*$/;


/** What follows an author's name at the start of a bio card: "… covers the White House." */
const BIO_VERB = /^,?\s+(?:is|was|covers|has covered|writes|has written|reports|has reported|joined|edits|is based|lives|teaches|serves)\b/;


function normalizeForCompare(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

interface RuleState {
  title: string | null;
  url: string | null;
  byline: string[];
  pendingRelated: boolean;
  seen: Set<string>;
  index: number;
}

/** The boilerplate reason of one paragraph-sized block, or null to keep it. */
function textReason(b: Block, st: RuleState): RemovedReason | null {
  const t = b.text;
  const len = t.length;
  const links = b.rawChars ? b.linkChars / b.rawChars : 0;
  if (len <= 80 && AD_LINE.test(t)) return 'advertisement';
  if (len <= 120 && SHARE_LINE.test(t)) return 'share';
  if (len <= 300 && NEWSLETTER.test(t)) return 'newsletter';
  if (len <= 80 && RELATED_LABEL.test(t) && b.kind !== 'blockquote') {
    st.pendingRelated = true;
    return 'related';
  }
  if (len <= 200 && SCRIPT_NOTICE.test(t)) return 'navigation';
  if (len <= 400 && COOKIE_NOTICE.test(t)) return 'cookies';
  if (len <= 300 && SHORTCODE.test(t)) return 'navigation';
  if (b.kind !== 'blockquote' && len <= 60 && COMMENT_PROMPT.test(t)) return 'comments';
  if (len <= 30 && TAGS_LABEL.test(t)) {
    st.pendingRelated = true;
    return 'tags';
  }
  if (len <= 400 && TAGS_LINE.test(t)) return 'tags';
  if (len <= 200 && TEASER_TAG.test(t) && links >= 0.5) return 'related';
  if (b.kind === 'body' && len <= 250 && READ_MORE_LINE.test(t) && (links >= 0.5 || /^[[(]/.test(t))) return 'read-more';
  if (b.kind !== 'caption' && len <= 200 && !SENTENCE_END.test(t) && ((links >= 0.9 && (st.pendingRelated || t.split(' ').length >= 4)) || (links >= 0.7 && st.pendingRelated))) return 'related';
  if (len <= 150 && SOCIAL_LINE.test(t)) return 'social';
  if (len <= 250 && CONTACT_LINE.test(t)) return 'social';
  if (len <= 200 && COPYRIGHT_LINE.test(t)) return 'copyright';
  if (len <= 80 && NAV_LINE.test(t)) return 'navigation';
  if (b.kind === 'body' && len <= 3 && /^\d+$/.test(t)) return 'navigation'; // gallery and comment counters
  if (b.kind !== 'caption' && len <= 120 && IMAGE_CREDIT.test(t)) return 'image-credit';
  if (b.kind !== 'caption' && b.kind !== 'blockquote' && isCreditLine(t)) return 'image-credit';
  if (b.kind !== 'caption' && b.kind !== 'blockquote' && len <= 120 && st.index < 8) {
    if (/^by\s+\S/i.test(t) && splitBylineNames(t).length) return 'byline';
    const n = normalizeForCompare(t);
    if (st.byline.some((name) => normalizeForCompare(name) === n)) return 'byline';
  }
  // Datelines sit at the top; further down, a date on its own line is content (a list, a table),
  // unless it says "Updated" or "Published".
  if ((st.index < 8 || DATELINE_CUE.test(t)) && isDateline(t)) return 'dateline';
  if (st.url && len <= 300 && (t === st.url || t === st.url.replace(/^https?:\/\//, ''))) return 'navigation';
  if (st.title && st.index < 8 && b.kind !== 'caption' && normalizeForCompare(t) === normalizeForCompare(st.title)) return 'title';
  if (len <= 400 && st.byline.some((name) => t.startsWith(name) && BIO_VERB.test(t.slice(name.length)))) return 'author-bio';
  // Captions are kept once. Other repeats stay: recipes, tables and Q&As repeat lines legitimately.
  if (b.kind === 'caption' && st.seen.has(normalizeForCompare(t))) return 'duplicate-caption';
  return null;
}

// ---------------------------------------------------------------------------------------------
// the walker

class Collector {
  readonly blocks: Block[] = [];
  readonly removed: Removed[] = [];
  /** Captions anchored by {@link anchorCaptions}: id → figcaption (wherever it now lives). */
  captions: ReadonlyMap<string, Element> = new Map();
  private readonly captionsDone = new Set<string>();
  private parts: string[] = [];
  private rawChars = 0;
  private linkChars = 0;
  private linkDepth = 0;
  private kind: ParagraphKind = 'body';

  constructor(private readonly st: RuleState) {}

  /** Emit anchored captions that Readability left out, just before the paragraph they preceded. */
  private insertCaptions(ids: string): void {
    for (const id of ids.split(' ')) {
      const cap = this.captions.get(id);
      if (!cap || this.captionsDone.has(id)) continue;
      this.captionsDone.add(id);
      this.flush();
      this.element(cap);
    }
  }

  /** Record a removed element; captions inside it are removed with it. */
  private recordElement(el: Element, reason: RemovedReason): void {
    if (this.captions.size) {
      for (const f of Array.from(el.querySelectorAll(`[${FIGURE_ID}]`))) this.captionsDone.add(f.getAttribute(FIGURE_ID) ?? '');
    }
    this.record(spacedText(el, ' '), reason);
  }

  private record(text: string, reason: RemovedReason): void {
    const t = collapseWhitespace(text);
    if (t) this.removed.push({ text: cut(t), reason });
  }

  /** End the current paragraph: apply the text rules and keep or record it. */
  flush(): void {
    if (!this.parts.length) return;
    const text = collapseWhitespace(this.parts.join(''));
    const block: Block = { text, kind: this.kind, linkChars: this.linkChars, rawChars: this.rawChars };
    this.parts = [];
    this.rawChars = 0;
    this.linkChars = 0;
    if (!text || !LETTER_OR_DIGIT.test(text)) return;
    const reason = textReason(block, this.st);
    if (reason) {
      this.record(text, reason);
      return;
    }
    const links = block.rawChars ? block.linkChars / block.rawChars : 0;
    if (block.kind === 'body' && links < 0.5) this.st.pendingRelated = false;
    this.st.seen.add(normalizeForCompare(text));
    this.st.index++;
    this.blocks.push(block);
  }

  private text(data: string): void {
    this.parts.push(data);
    const n = nonSpaceLength(data);
    this.rawChars += n;
    if (this.linkDepth > 0) this.linkChars += n;
  }

  /** Walk the children of `node`. */
  walk(node: Node): void {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        this.text((child as Text).data);
        continue;
      }
      if (child.nodeType !== 1) continue;
      this.element(child as Element);
    }
  }

  private element(el: Element): void {
    const tag = el.localName.toLowerCase();
    if (SKIP_TAGS.has(tag) || isHidden(el)) return;
    // Small forms are sign-up or comment boxes; large ones wrap whole pages (ASP.NET) and are walked.
    if (tag === 'form' && (el.textContent ?? '').length < 1000) return;
    if (this.captions.size) {
      const fig = el.getAttribute(FIGURE_ID);
      if (fig !== null) this.captionsDone.add(fig);
      const before = el.getAttribute(CAPTION_BEFORE);
      if (before !== null) this.insertCaptions(before);
    }
    if (tag === 'br') {
      if (this.kind === 'body' || this.kind === 'blockquote') this.flush();
      else this.text(' ');
      return;
    }
    // Table cells: one row is one paragraph, cells separated by a space.
    if (tag === 'td' || tag === 'th') this.text(' ');
    const reason = classReason(el);
    const block = BLOCK_TAGS.has(tag);
    if (!block) {
      if (reason) {
        this.recordElement(el, reason);
        return;
      }
      // Inside captions, credit and caption spans sit side by side without spaces ("…rabbitCredit: EPA").
      if (this.kind === 'caption') this.text(' ');
      if (tag === 'a') this.linkDepth++;
      this.walk(el);
      if (tag === 'a') this.linkDepth--;
      if (this.kind === 'caption') this.text(' ');
      return;
    }
    this.flush();
    if (reason) {
      this.recordElement(el, reason);
      return;
    }
    if ((tag === 'ul' || tag === 'ol') && (this.st.pendingRelated || isLinkList(el))) {
      this.recordElement(el, 'related');
      this.st.pendingRelated = true;
      return;
    }
    if (tag === 'aside') {
      // Pull quotes and fact boxes repeat or leave the story; keep only when it is plain text.
      if (linkRatio(el) > 0.3) {
        this.recordElement(el, 'related');
        return;
      }
    }
    const saved = this.kind;
    if (HEADING_TAGS.has(tag)) this.kind = 'heading';
    else if (tag === 'figcaption' || tag === 'caption' || (saved === 'body' && classParts(el).includes('caption'))) this.kind = 'caption';
    else if (tag === 'blockquote' && this.kind === 'body') this.kind = 'blockquote';
    this.walk(el);
    this.flush();
    this.kind = saved;
  }

  /** Walk an element's content and end the last paragraph. */
  root(el: Element): void {
    this.walk(el);
    this.flush();
  }
}

const FIGURE_ID = 'data-steppe-figure';
const CAPTION_BEFORE = 'data-steppe-caption-before';
const ARTICLE_SCOPE = 'article, main, [role="main"], [itemprop~="articleBody"]';

/** Embedded posts (tweets, Instagram, TikTok, Bluesky …): quoted content Readability tends to drop. */
const EMBEDDED_POST = 'blockquote.twitter-tweet, blockquote.twitter-video, blockquote.instagram-media, blockquote.tiktok-embed, blockquote.bluesky-embed, blockquote.threads-embed, blockquote.reddit-embed-bq, blockquote.fb-xfbml-parse-ignore';

/**
 * Lead photos often sit outside the block Readability keeps (a `<figure>` beside the story
 * `<div>`), and Readability drops embedded posts (a quoted tweet is link-dense). Before
 * Readability runs, tag each `<figcaption>` and each embedded post ({@link EMBEDDED_POST})
 * inside the page's article element, and the first `<p>` after it, so the walker can put the
 * block back before that paragraph when Readability dropped it. Returns the tagged blocks by id.
 */
function anchorCaptions(doc: Document): Map<string, Element> {
  const captions = new Map<string, Element>();
  const scopes = new Set<Element>();
  for (const cap of Array.from(doc.querySelectorAll(`figcaption, ${EMBEDDED_POST}`))) {
    const scope = cap.closest(ARTICLE_SCOPE);
    if (scope && !cap.closest('aside, nav, footer')) scopes.add(scope);
  }
  for (const scope of scopes) {
    // querySelectorAll lists elements in document order (linkedom's compareDocumentPosition is unreliable).
    let pending: Element[] = [];
    for (const el of Array.from(scope.querySelectorAll(`figcaption, ${EMBEDDED_POST}, p`))) {
      if (el.localName !== 'p') {
        if (!el.closest('aside, nav, footer') && !pending.some((c) => c.contains(el))) pending.push(el);
        continue;
      }
      if (!pending.length || pending.some((c) => c.contains(el))) continue;
      const ids: string[] = [];
      for (const cap of pending) {
        const id = String(captions.size);
        cap.setAttribute(FIGURE_ID, id);
        captions.set(id, cap);
        ids.push(id);
      }
      el.setAttribute(CAPTION_BEFORE, ids.join(' '));
      pending = [];
    }
  }
  return captions;
}

/**
 * Remove elements hidden by an inline style or the `hidden` attribute, before Readability runs:
 * Readability drops style attributes from what it keeps and misreads "display:none !important",
 * so hidden ad labels and tracking text would otherwise reach the article. Metadata (which may
 * sit in hidden elements) is read before this.
 */
function removeHidden(doc: Document): void {
  for (const el of Array.from(doc.querySelectorAll('[style*="none"], [style*="hidden"], [hidden]'))) {
    if (el.parentNode && isHidden(el)) el.remove();
  }
}

/** Elements Readability treats as blocks when it turns a `<div>` into a `<p>`. */
const DIV_BLOCK_CHILD = 'address, article, aside, blockquote, dl, div, figure, footer, form, h1, h2, h3, h4, h5, h6, header, hr, img, ol, p, pre, section, table, ul';

/**
 * Readability rewrites a `<div>` holding only text as a new `<p>` and loses its class, so a
 * `<div class="caption">` would come out as body text. Before Readability runs, wrap the content
 * of such divs in a `<span class="caption">`, which survives the rewrite and which
 * {@link markInlineCaptions} turns back into a caption block.
 */
function protectCaptionDivs(doc: Document): void {
  for (const el of Array.from(doc.querySelectorAll('div[class*="aption"], div[id*="aption"]'))) {
    if (!classParts(el).includes('caption') || el.querySelector(DIV_BLOCK_CHILD) || el.closest('figcaption')) continue;
    if (!collapseWhitespace(el.textContent ?? '')) continue;
    const span = el.ownerDocument.createElement('span');
    span.setAttribute('class', 'caption');
    while (el.firstChild) span.appendChild(el.firstChild);
    el.appendChild(span);
  }
}

/** Caption spans (`<span class="caption">`) count as blocks: promote them before walking. */
function markInlineCaptions(root: Element): void {
  for (const el of Array.from(root.querySelectorAll('span[class*="caption"]'))) {
    if (el.localName === 'span' && classParts(el).includes('caption') && !el.parentElement?.closest('figcaption, caption, [class*="caption"]')) {
      // Walked as a block: wrap it so the walker ends the paragraph around it.
      const doc = el.ownerDocument;
      const fig = doc.createElement('figcaption');
      el.parentNode?.insertBefore(fig, el);
      fig.appendChild(el);
    }
  }
}

function assemble(blocks: readonly Block[]): { text: string; paragraphs: Paragraph[] } {
  const paragraphs: Paragraph[] = [];
  const pieces: string[] = [];
  let pos = 0;
  for (const b of blocks) {
    if (pieces.length) pos += 2;
    paragraphs.push({ start: pos, end: pos + b.text.length, kind: b.kind });
    pieces.push(b.text);
    pos += b.text.length;
  }
  return { text: pieces.join('\n\n'), paragraphs };
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/g;

/** Length of a text in Latin-script characters: a Chinese, Japanese or Korean character counts three. */
function textWeight(text: string): number {
  return text.length + 2 * (text.match(CJK)?.length ?? 0);
}

/** Fallback when Readability finds nothing: the page's `<p>` elements (outside nav, header, footer, aside). */
function bodyParagraphs(doc: Document, st: RuleState): Collector {
  const c = new Collector(st);
  for (const p of Array.from(doc.querySelectorAll('p'))) {
    if (p.closest('nav, header, footer, aside')) continue;
    c.root(p);
  }
  return c;
}

/**
 * Extract the article of an HTML page: clean text cut into paragraphs (offsets into `text`,
 * paragraphs joined by "\n\n"), title, byline, publication date, outlet, URL and language,
 * and the boilerplate removed from inside the article.
 *
 * Throws `SteppeError` `E_NO_ARTICLE` (naming `opts.source` and the reason, e.g. "looks like a
 * section front: 142 links holding 71% of the text, 3 short paragraphs") when the page is a
 * home page, section front or error page, unless `opts.acceptNonArticles` (see
 * {@link inspectHtml} and `page-kind.ts`). Otherwise never throws on content: malformed markup
 * is parsed leniently, and a page without article text yields an Article whose `text` is "" and
 * `paragraphs` is [] (the pipeline then raises `E_NO_ARTICLE`). Metadata fields with no source
 * are null (byline: []). `language` is {@link detectLanguage} of the text, else the page's
 * declared `<html lang>`: non-English articles are extracted with their language.
 */
export function extractHtml(html: string, opts: HtmlExtractOptions): Article {
  const depth = nestingDepth(html);
  if (depth > MAX_NESTING) {
    throw new SteppeError('E_TOO_LARGE', opts.source, `the page nests its elements ${depth} deep; the limit is ${MAX_NESTING} (DOM parsing and Readability slow down steeply with depth)`);
  }
  const { article, notArticle } = inspectHtml(html, opts);
  if (notArticle && !opts.acceptNonArticles) throw new SteppeError('E_NO_ARTICLE', opts.source, notArticle);
  return article;
}

/**
 * Deepest element nesting a page may have (real news pages nest 20–60 deep). Deeper pages make
 * linkedom and Readability slow down steeply (measured: 2.4 s at 250 levels, 48 s at 2,000), so
 * `extractHtml` refuses them with E_TOO_LARGE.
 */
export const MAX_NESTING = 400;

/** Elements with no closing tag (HTML Living Standard, "void elements"). */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen']);

/**
 * The deepest nesting of elements in `html`, by a linear scan of its tags (comments, scripts,
 * styles, void and self-closed elements skipped; a stray end tag never takes the depth below 0).
 * An upper bound for malformed markup with unclosed elements, which is what the limit guards.
 */
export function nestingDepth(html: string): number {
  let depth = 0, max = 0;
  const re = /<!--[\s\S]*?-->|<(script|style)\b[\s\S]*?<\/\1\s*>|<(\/?)([a-zA-Z][\w:-]*)\b[^>]*?(\/?)>/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const name = m[3]?.toLowerCase();
    if (!name || VOID.has(name) || m[4] === '/') continue;
    if (m[2] === '/') depth = Math.max(0, depth - 1);
    else if (++depth > max) max = depth;
  }
  return max;
}

/**
 * {@link extractHtml} without the verdict applied: the Article, why the page is not an article
 * (or null), and the page counts behind that verdict. Never throws on content.
 */
export function inspectHtml(html: string, opts: HtmlExtractOptions): HtmlInspection {
  let cleaned = preclean(html);
  // linkedom needs an <html> element: without one, fragments get no documentElement and a bare
  // <head> becomes the root, losing the body.
  if (!/<html[\s>]/i.test(cleaned)) {
    const inner = cleaned.replace(/^\s*<!doctype[^>]*>/i, '');
    cleaned = /<(?:head|body)[\s>]/i.test(inner) ? `<html>${inner}</html>` : `<html><head></head><body>${inner}</body></html>`;
  }
  const { document } = parseHTML(cleaned) as unknown as { document: Document };
  const meta = extractMetadata(document, { url: opts.url ?? null, html }); // raw source: timestamps in scripts
  const stats = pageStats(document, opts.url ?? meta.url, meta);
  removeHidden(document);
  protectCaptionDivs(document);
  const captions = anchorCaptions(document);

  let reader: ReturnType<Readability<Element>['parse']> = null;
  try {
    reader = new Readability<Element>(document, {
      keepClasses: true,
      disableJSONLD: true, // read already, by extractMetadata
      serializer: (n: Node) => n as Element,
    }).parse();
  } catch {
    reader = null;
  }

  const title = meta.title ?? (reader?.title ? collapseWhitespace(reader.title) : null) ?? null;
  let byline = meta.byline;
  if (!byline.length && reader?.byline) byline = splitBylineNames(reader.byline);
  const published = meta.published ?? normalizeDate(reader?.publishedTime ?? null);
  const outlet = meta.outlet ?? (reader?.siteName ? collapseWhitespace(reader.siteName) : null);

  const newState = (): RuleState => ({ title, url: meta.url, byline, pendingRelated: false, seen: new Set(), index: 0 });
  let collector: Collector | null = null;
  const content = reader?.content;
  if (content) {
    markInlineCaptions(content);
    collector = new Collector(newState());
    collector.captions = captions;
    collector.root(content);
  }
  if (!collector || !collector.blocks.length) {
    const { document: fresh } = parseHTML(cleaned) as unknown as { document: Document };
    collector = bodyParagraphs(fresh, newState());
  }

  const { text, paragraphs } = assemble(collector.blocks);
  const body = collector.blocks.filter((b) => b.kind === 'body' || b.kind === 'blockquote');
  const notArticle = notArticleReason(stats, {
    chars: body.reduce((n, b) => n + textWeight(b.text), 0),
    paragraphs: body.length,
    longParagraphs: body.filter((b) => textWeight(b.text) >= 200).length,
  });
  const article: Article = {
    source: opts.source,
    url: meta.url,
    outlet,
    title,
    byline,
    published,
    language: detectLanguage(text) ?? meta.declaredLanguage,
    text,
    paragraphs,
    removed: collector.removed,
  };
  return { article, notArticle, stats };
}
