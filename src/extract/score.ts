/**
 * Scorers for extraction, one per measured quantity, over (predicted, reference) pairs. They hold
 * no data and read no files; `eval/extract.ts` and the regression test feed them.
 *
 * - {@link shingleCounts} / {@link aebScore}: the ScrapingHub article-extraction-benchmark metric
 *   (its `evaluate.py`, re-implemented): tokens are `\w+` runs (letters, digits, underscore;
 *   case kept), shingles are 4-grams of tokens (a text of fewer than 4 tokens is one shingle),
 *   counted as a multiset. Per document precision = tp/(tp+fp) and recall = tp/(tp+fn); precision
 *   is averaged over documents with a non-empty prediction, recall over documents with a
 *   non-empty reference; F1 is the harmonic mean of the two averages.
 * - {@link wordScore}, {@link snippetRate}: the web-content-extraction-benchmark (WCXB) metrics
 *   (its `evaluate.py`, re-implemented): bag-of-words precision/recall/F1 of lowercase `\w+`
 *   tokens per page, averaged over pages; and the share of "with" / "without" snippets found as
 *   lowercase substrings of the prediction.
 * - {@link bylineMatch}: a byline is right when the set of normalised person names equals the
 *   reference's (see {@link referenceNames}); {@link sameDay}: exact calendar day.
 */

/** Python's `\w` in Unicode mode: letters, numbers, underscore (combining marks excluded). */
const WORD = /[\p{L}\p{N}_]+/gu;

/** True/false positives and false negatives of one document's shingles. */
export interface ShingleCounts {
  tp: number;
  fp: number;
  fn: number;
}

function shingles(text: string, n: number): Map<string, number> {
  const tokens = text.match(WORD) ?? [];
  const out = new Map<string, number>();
  if (!tokens.length) return out;
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    // U+0001 cannot occur inside a token, so joined shingles never collide.
    const key = tokens.slice(i, i + n).join('\u0001');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** Shingle tp/fp/fn of one document (`n`-grams of `\w+` tokens, multiset matching). */
export function shingleCounts(reference: string, predicted: string, n = 4): ShingleCounts {
  const ref = shingles(reference, n);
  const pred = shingles(predicted, n);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, p] of pred) {
    const r = ref.get(k) ?? 0;
    tp += Math.min(p, r);
    fp += Math.max(0, p - r);
  }
  for (const [k, r] of ref) fn += Math.max(0, r - (pred.get(k) ?? 0));
  return { tp, fp, fn };
}

/** Precision, recall and F1 (each in [0, 1]) with the number of documents scored. */
export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  n: number;
}

function f1Of(p: number, r: number): number {
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}

const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/**
 * The AEB score of a set of documents: mean precision over documents whose prediction has
 * shingles, mean recall over documents whose reference has shingles, F1 of the two means
 * (exactly the benchmark's `metrics_from_tp_fp_fns`).
 */
export function aebScore(docs: readonly ShingleCounts[]): Prf {
  const ps: number[] = [];
  const rs: number[] = [];
  for (const { tp, fp, fn } of docs) {
    if (tp + fp > 0) ps.push(fp === 0 && fn === 0 ? 1 : tp / (tp + fp));
    if (tp + fn > 0) rs.push(fp === 0 && fn === 0 ? 1 : tp / (tp + fn));
  }
  const precision = mean(ps);
  const recall = mean(rs);
  return { precision, recall, f1: f1Of(precision, recall), n: docs.length };
}

function bag(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of text.toLowerCase().match(WORD) ?? []) out.set(t, (out.get(t) ?? 0) + 1);
  return out;
}

/**
 * WCXB word-level precision, recall and F1 of one page: lowercase `\w+` tokens as multisets.
 * An empty reference scores 1 when the prediction is empty too, else 0; an empty prediction 0.
 */
export function wordScore(predicted: string, reference: string): { precision: number; recall: number; f1: number } {
  const pred = bag(predicted);
  const ref = bag(reference);
  let np = 0;
  let nr = 0;
  let overlap = 0;
  for (const v of pred.values()) np += v;
  for (const [k, v] of ref) {
    nr += v;
    overlap += Math.min(v, pred.get(k) ?? 0);
  }
  if (!nr) return np ? { precision: 0, recall: 0, f1: 0 } : { precision: 1, recall: 1, f1: 1 };
  if (!np) return { precision: 0, recall: 0, f1: 0 };
  const precision = overlap / np;
  const recall = overlap / nr;
  return { precision, recall, f1: f1Of(precision, recall) };
}

/** Mean of per-page word scores. */
export function meanWordScore(pages: ReadonlyArray<{ precision: number; recall: number; f1: number }>): Prf {
  return {
    precision: mean(pages.map((p) => p.precision)),
    recall: mean(pages.map((p) => p.recall)),
    f1: mean(pages.map((p) => p.f1)),
    n: pages.length,
  };
}

/** Share of `snippets` found (lowercase substring) in `text`; 1 when there are no snippets (as WCXB). */
export function snippetRate(text: string, snippets: readonly string[]): number {
  if (!snippets.length) return 1;
  const t = text.toLowerCase();
  return snippets.filter((s) => t.includes(s.toLowerCase())).length / snippets.length;
}

// ---------------------------------------------------------------------------------------------
// byline

/**
 * Words that make a reference byline part an organisation, a desk, a job title or page chrome
 * rather than a person ("BBC News", "Everfit Team", "Contributors to Wikimedia projects",
 * "Follow Author", "CEO of CaseBasix").
 * A reference whose parts are all such has no person author: the right byline is then empty.
 */
const NOT_A_PERSON = new Set([
  'team', 'staff', 'news', 'desk', 'editors', 'editorial', 'contributors', 'organization', 'organisation',
  'center', 'centre', 'security', 'press', 'agency', 'inc', 'ltd', 'llc', 'university', 'institute',
  'foundation', 'association', 'wire', 'reuters', 'associated', 'research', 'projects', 'follow', 'author',
  'updated', 'published', 'posted', 'health', 'media', 'group', 'company', 'property', 'magazine',
  // job titles after a name ("Mayank Gupta, CEO of …", "Paul Frew, Home Security Expert")
  'ceo', 'cto', 'founder', 'cofounder', 'editor', 'expert', 'representative', 'contributor', 'writer',
  'director', 'manager', 'president', 'officer', 'specialist', 'consultant', 'analyst', 'attorney',
  'correspondent', 'reporter', 'columnist', 'professor',
]);
/** Month and time words: a part made only of these (after digits are cut) is a date. */
const DATE_WORD = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|am|pm|at|on|last)$/;

function foldName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\s'-]+/gu, ' ')
    .replace(/['-]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The person names of a byline as the scorer sees them, for references and predictions alike:
 * parenthesised parts, URLs, editor and reviewer credits ("Edited by …", "Reviewed by …") and a
 * leading "By"/"Par"/"Por"/"Von"/"Written by" removed; split on commas, semicolons, "|", "/",
 * "&", line breaks and the words and/und/et/y; each part cut at its first digit (a date
 * follows); folded (lowercase, no accents, letters and spaces only). Parts that are empty, user
 * names (one word without capitals, or with "_", "@", digits or inner dots), all-capital
 * credentials of up to six letters ("MS", "RD", "FAND"), date words only, or that hold an
 * organisation or job-title word ({@link NOT_A_PERSON}) are dropped. The result is
 * de-duplicated.
 */
export function referenceNames(raw: string | readonly string[] | null | undefined): string[] {
  if (!raw) return [];
  const text = Array.isArray(raw) ? raw.join(', ') : (raw as string);
  const cleaned = text.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ').replace(/https?:\/\/\S+/g, ' ');
  const out: string[] = [];
  // Editors, reviewers and photographers are credited, but they are not the authors.
  const authorsOnly = cleaned.replace(/\b(?:edited|reviewed|fact[- ]?checked|photos?|illustrations?)\s+by\b[^\n|,;]*/gi, ' ');
  for (let part of authorsOnly.split(/\s*(?:[,;|/&\n\r]|\b(?:and|und|et|y)\b)\s*/i)) {
    part = part.replace(/^\s*(?:(?:written|posted|reported)\s+)?(?:by|par|por|von)\b[:\s]*/i, '');
    // a user name ("jsteinhardt", "q_admin", "sara.r.peter") is not a person's name
    const bare = part.trim();
    if (bare && !/\s/.test(bare) && (!/\p{Lu}/u.test(bare) || /[_@\d]|\.\p{L}/u.test(bare)) && !/\p{Lo}/u.test(bare)) continue;
    const cutAt = part.search(/\d/);
    if (cutAt >= 0) part = part.slice(0, cutAt);
    part = part.trim();
    const letters = part.replace(/[^\p{L}]/gu, '');
    if (!letters) continue;
    // credentials after a name: "MS", "RD", "E-RYT", "CEPF®"
    if (letters.length <= 6 && !/\p{Ll}/u.test(letters) && !/\s/.test(part)) continue;
    const folded = foldName(part);
    if (!folded) continue;
    const words = folded.split(' ');
    if (words.every((w) => DATE_WORD.test(w))) continue;
    if (words.some((w) => NOT_A_PERSON.has(w))) continue;
    if (!out.includes(folded)) out.push(folded);
  }
  return out;
}

/**
 * Normalised name match: true when the predicted names, normalised by {@link referenceNames},
 * are the same set as the reference's. A reference with no person names (an organisation, page
 * chrome) expects an empty prediction.
 */
export function bylineMatch(predicted: string | readonly string[] | null | undefined, reference: string | null | undefined): boolean {
  const p = referenceNames(predicted);
  const r = referenceNames(reference);
  return p.length === r.length && p.every((x) => r.includes(x));
}

/** The calendar day a reference date names as written ("2018-04-05T06:00" → "2018-04-05"), or null. */
export function referenceDay(raw: string | null | undefined): string | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(raw ?? '');
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** Exact-day match of a predicted YYYY-MM-DD against a reference date. */
export function sameDay(predicted: string | null | undefined, reference: string | null | undefined): boolean {
  const r = referenceDay(reference);
  return !!r && predicted === r;
}

/** Options of {@link titleMatch}. */
export interface TitleMatchOptions {
  /**
   * Also accept a prediction that is the reference without a trailing or leading site part:
   * "Headline | Site", "Headline - Site", "Site :: Headline" (a separator, then at most eight
   * words). For references that keep the site in the title (Readability's test pages).
   */
  ignoreSiteSuffix?: boolean;
}

const TITLE_SITE_SEPARATOR = /^\s*(?:[|\-–—·:_@»«/]|::)\s*/;

/** Title match: equal after collapsing whitespace and unifying quotes and dashes. */
export function titleMatch(predicted: string | null | undefined, reference: string | null | undefined, opts: TitleMatchOptions = {}): boolean {
  const norm = (s: string | null | undefined) =>
    (s ?? '').replace(/[‘’ʼ]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-').replace(/\s+/g, ' ').trim();
  const p = norm(predicted);
  const r = norm(reference);
  if (!r || !p) return false;
  if (p === r) return true;
  if (!opts.ignoreSiteSuffix) return false;
  const short = (rest: string) => rest.trim().split(/\s+/).length <= 8;
  if (r.startsWith(p)) {
    const rest = r.slice(p.length);
    return TITLE_SITE_SEPARATOR.test(rest) && short(rest.replace(TITLE_SITE_SEPARATOR, ''));
  }
  if (r.endsWith(p)) {
    const rest = r.slice(0, r.length - p.length).split('').reverse().join('');
    return TITLE_SITE_SEPARATOR.test(rest) && short(rest.replace(TITLE_SITE_SEPARATOR, ''));
  }
  return false;
}
