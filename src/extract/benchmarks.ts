/**
 * Readers for the extraction evaluation sets in `../shared/eval/extraction` (development only;
 * the product never reads them). Each reader takes the set's folder and yields pages with their
 * reference values; a missing folder yields nothing. Formats (see each folder's SOURCE.txt):
 *
 * - `aeb-dev/` (ScrapingHub article-extraction-benchmark): `ground-truth.json` maps an id to
 *   `{articleBody, url}`; the page is `html/<id>.html.gz` (UTF-8).
 * - `wcxb-dev/` (web-content-extraction-benchmark): `ground-truth/<id>.json` holds `url` and
 *   `ground_truth: {title, author, publish_date, main_content, with[], without[]}`; the page is
 *   `html/<id>.html.gz` (UTF-8).
 * - `htmldate-dev/` (htmldate's MediaCloud set): `dates.json` maps a URL to `{file, date}`; the
 *   page is `test_set/<file>.gz`, in the page's own encoding (decoded with {@link decodeHtmlBytes}).
 * - `readability-testpages/` (Mozilla Readability's test pages): `<name>/source.html.gz` and
 *   `<name>/expected-metadata.json` with `title`, `byline`, `publishedTime` (Readability's output).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeHtmlBytes } from './encoding.js';

/** One evaluation page: its HTML and whatever reference values its set gives. */
export interface EvalPage {
  /** `<set>/<id>`. */
  id: string;
  html: string;
  url: string | null;
  body?: string;
  title?: string | null;
  byline?: string | null;
  published?: string | null;
  /** WCXB snippets that must / must not appear in the text. */
  with?: string[];
  without?: string[];
}

function gunzipText(file: string): string {
  return gunzipSync(readFileSync(file)).toString('utf8');
}

/** The AEB dev pages, sorted by id; `limit` keeps the first n. */
export function readAeb(dir: string, limit = Infinity): EvalPage[] {
  const gtFile = join(dir, 'ground-truth.json');
  if (!existsSync(gtFile)) return [];
  const gt = JSON.parse(readFileSync(gtFile, 'utf8')) as Record<string, { articleBody: string; url?: string }>;
  const out: EvalPage[] = [];
  for (const id of Object.keys(gt).sort()) {
    if (out.length >= limit) break;
    const file = join(dir, 'html', `${id}.html.gz`);
    if (!existsSync(file)) continue;
    out.push({ id: `aeb/${id.slice(0, 12)}`, html: gunzipText(file), url: gt[id].url ?? null, body: gt[id].articleBody });
  }
  return out;
}

interface WcxbFile {
  url?: string;
  ground_truth: { title?: string | null; author?: string | null; publish_date?: string | null; main_content?: string; with?: string[]; without?: string[] };
}

/** The WCXB dev pages, sorted by id. */
export function readWcxb(dir: string): EvalPage[] {
  const gtDir = join(dir, 'ground-truth');
  if (!existsSync(gtDir)) return [];
  const out: EvalPage[] = [];
  for (const f of readdirSync(gtDir).filter((x) => x.endsWith('.json')).sort()) {
    const id = f.replace(/\.json$/, '');
    const file = join(dir, 'html', `${id}.html.gz`);
    if (!existsSync(file)) continue;
    const g = JSON.parse(readFileSync(join(gtDir, f), 'utf8')) as WcxbFile;
    const gt = g.ground_truth;
    out.push({
      id: `wcxb/${id}`, html: gunzipText(file), url: g.url ?? null, body: gt.main_content ?? '', title: gt.title ?? null,
      byline: gt.author || null, published: gt.publish_date || null, with: gt.with ?? [], without: gt.without ?? [],
    });
  }
  return out;
}

/** The htmldate dev pages (URL given, as htmldate's evaluation does), sorted by file. */
export function readHtmldate(dir: string): EvalPage[] {
  const gtFile = join(dir, 'dates.json');
  if (!existsSync(gtFile)) return [];
  const gt = JSON.parse(readFileSync(gtFile, 'utf8')) as Record<string, { file: string; date: string }>;
  const out: EvalPage[] = [];
  for (const [url, { file, date }] of Object.entries(gt).sort((a, b) => a[1].file.localeCompare(b[1].file))) {
    const gz = join(dir, 'test_set', `${file}.gz`);
    const plain = join(dir, 'test_set', file);
    const bytes = existsSync(gz) ? gunzipSync(readFileSync(gz)) : existsSync(plain) ? readFileSync(plain) : null;
    if (!bytes) continue;
    out.push({ id: `htmldate/${file.replace(/\.html$/, '')}`, html: decodeHtmlBytes(bytes).text, url, published: date });
  }
  return out;
}

interface ReadabilityMeta { title?: string | null; byline?: string | null; publishedTime?: string | null }

/** Readability's test pages, sorted by name (reference values are Readability's own output). */
export function readReadabilityPages(dir: string): EvalPage[] {
  if (!existsSync(dir)) return [];
  const out: EvalPage[] = [];
  for (const name of readdirSync(dir).sort()) {
    const file = join(dir, name, 'source.html.gz');
    const metaFile = join(dir, name, 'expected-metadata.json');
    if (!existsSync(file) || !existsSync(metaFile)) continue;
    const m = JSON.parse(readFileSync(metaFile, 'utf8')) as ReadabilityMeta;
    out.push({
      id: `readability/${name}`, html: gunzipText(file), url: null, title: m.title?.trim() || null,
      byline: m.byline?.trim() || null, published: m.publishedTime || null,
    });
  }
  return out;
}
