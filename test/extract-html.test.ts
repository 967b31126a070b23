/**
 * Tests for `src/extract/html.ts`, `metadata.ts` and `language.ts`.
 * Unit tests run on small synthetic pages in `test/fixtures/html/` (written for these tests);
 * integration tests run on four real news pages from `../shared` (Readability's test pages) and
 * are skipped with a notice when that folder is absent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { extractHtml } from '../src/extract/html.js';
import { detectLanguage } from '../src/extract/language.js';
import { dateFromUrl, normalizeDate, splitBylineNames, stripTitleSite } from '../src/extract/metadata.js';
import { PACKAGE_ROOT, SHARED_DIR } from '../src/paths.js';
import type { Article } from '../src/types.js';

const FIXTURES = join(PACKAGE_ROOT, 'test', 'fixtures', 'html');

function fixture(name: string, url?: string): Article {
  const article = extractHtml(readFileSync(join(FIXTURES, name), 'utf8'), { source: name, url });
  checkInvariants(article);
  return article;
}

function paragraphTexts(a: Article): string[] {
  return a.paragraphs.map((p) => a.text.slice(p.start, p.end));
}

/**
 * Offsets slice exactly each paragraph, paragraphs are ordered, do not overlap, are joined by
 * "\n\n", are never empty and hold no untidy whitespace; removed texts are short.
 */
function checkInvariants(a: Article): void {
  let prevEnd = -2;
  for (const [i, p] of a.paragraphs.entries()) {
    assert.ok(Number.isInteger(p.start) && Number.isInteger(p.end), `paragraph ${i}: integer offsets`);
    assert.ok(p.start >= 0 && p.end <= a.text.length && p.start < p.end, `paragraph ${i}: [${p.start}, ${p.end}) inside the text and not empty`);
    assert.ok(p.start >= prevEnd + 2, `paragraph ${i} overlaps or touches the previous one`);
    if (i > 0) assert.equal(a.text.slice(prevEnd, p.start), '\n\n', `paragraph ${i}: separated by a blank line`);
    const s = a.text.slice(p.start, p.end);
    assert.equal(s, s.trim(), `paragraph ${i}: no surrounding whitespace`);
    assert.doesNotMatch(s, /\s{2}|[\n\t]/, `paragraph ${i}: whitespace collapsed`);
    assert.ok(['body', 'heading', 'caption', 'blockquote'].includes(p.kind));
    prevEnd = p.end;
  }
  assert.equal(a.text, paragraphTexts(a).join('\n\n'), 'text is the paragraphs joined by a blank line');
  for (const r of a.removed) {
    assert.ok(r.text.length > 0 && r.text.length <= 120, `removed text is 1–120 characters: ${r.text}`);
    assert.ok(r.reason.length > 0);
  }
}

// ---------------------------------------------------------------------------------------------
// metadata sources

test('JSON-LD: headline, Person authors (organization dropped), datePublished as written, over meta tags', () => {
  const a = fixture('jsonld.html');
  assert.equal(a.title, 'Ministers agree on a shared water plan for the Syr Darya');
  assert.deepEqual(a.byline, ['Reid Example', 'Dana Placeholder']);
  // 2022-01-20T23:30-05:00 is the 21st in UTC: the date stays as written. The meta tag (02-01) loses.
  assert.equal(a.published, '2022-01-20');
  assert.equal(a.outlet, 'The Steppe Courier'); // og:site_name before JSON-LD publisher
  assert.equal(a.language, 'en');
  assert.equal(a.source, 'jsonld.html');
  assert.ok(a.text.startsWith('Water ministers from three Central Asian states agreed on Thursday'));
  assert.ok(!a.text.includes('Copyright 2022'), 'page footer is not article text');
  assert.ok(!paragraphTexts(a).includes(a.title!), 'the headline is not repeated as a paragraph');
});

test('meta tags: og:title without " | Site", author "By A and B", article:published_time, canonical URL', () => {
  const a = fixture('meta-tags.html');
  assert.equal(a.title, 'Parliament passes budget after long night');
  assert.deepEqual(a.byline, ['Jane Doe', 'John Roe']);
  assert.equal(a.published, '2021-06-05');
  assert.equal(a.outlet, 'Steppe Herald');
  assert.equal(a.url, 'https://herald.example.org/politics/budget-passes-canonical');
  assert.equal(a.language, 'en');
  assert.equal(a.paragraphs.length, 4);
  // The caller's URL wins over the canonical link.
  const withUrl = extractHtml(readFileSync(join(FIXTURES, 'meta-tags.html'), 'utf8'), { source: 'x', url: 'https://example.org/given' });
  assert.equal(withUrl.url, 'https://example.org/given');
});

test('<time pubdate>, .byline with a job title, <h1> title, outlet from the <title> suffix', () => {
  const a = fixture('time-element.html');
  assert.equal(a.title, 'Border crossing reopens after two-week closure');
  assert.deepEqual(a.byline, ['Aigerim Example']);
  assert.equal(a.published, '2019-11-02'); // not 2019-11-01 (UTC), not the aside's 2020-05-05
  assert.equal(a.outlet, 'The Daily Example');
  assert.ok(!a.text.includes('By Aigerim'), 'byline line is not body text');
  assert.ok(!a.text.includes('Posted'), 'dateline is not body text');
  assert.ok(a.text.startsWith('The main border crossing between the two neighbours reopened on Saturday'));
});

test('date in the URL when the page has none', () => {
  const a = fixture('url-date.html', 'https://news.example.org/2017/03/19/protesters-ministry.html');
  assert.equal(a.published, '2017-03-19');
  assert.equal(a.url, 'https://news.example.org/2017/03/19/protesters-ministry.html');
  assert.equal(a.title, 'Protesters gather outside the ministry');
  assert.equal(a.paragraphs.length, 3);
  assert.equal(fixture('url-date.html').published, null);
});

// ---------------------------------------------------------------------------------------------
// boilerplate

function assertRemoved(a: Article, text: string, reason: string): void {
  assert.ok(!a.text.includes(text), `"${text}" is not in the text`);
  assert.ok(a.removed.some((r) => r.text.includes(text) && r.reason === reason), `"${text}" recorded as ${reason}: ${JSON.stringify(a.removed)}`);
}

test('boilerplate: newsletter promos', () => {
  const a = fixture('newsletter.html');
  assertRemoved(a, 'Sign up for our Morning Briefing newsletter', 'newsletter');
  assertRemoved(a, 'Get our weekly digest of regional politics.', 'newsletter');
  assert.equal(a.paragraphs.length, 4);
  assert.ok(a.text.includes('The commission chairman said foreign observers would be invited'));
});

test('boilerplate: share bars', () => {
  const a = fixture('share-bar.html');
  assertRemoved(a, 'Share this article', 'share');
  assertRemoved(a, 'Facebook · Twitter · WhatsApp · Copy link', 'share');
  assert.ok(!/Facebook|Twitter|Email/.test(a.text));
  assert.equal(a.paragraphs.length, 4);
});

test('boilerplate: "Advertisement" lines and ad slots', () => {
  const a = fixture('advertisement.html');
  assertRemoved(a, 'Advertisement', 'advertisement');
  assertRemoved(a, 'ADVERTISEMENT', 'advertisement');
  assertRemoved(a, 'Story continues below advertisement', 'advertisement');
  assert.ok(!a.text.includes('Campaign ID'), 'text hidden by an inline style is dropped');
  assert.equal(a.paragraphs.length, 4);
});

test('boilerplate: "Read more" lines and related-story lists', () => {
  const a = fixture('related.html');
  assertRemoved(a, 'Read more: Pipeline talks stall over transit fees', 'read-more');
  assertRemoved(a, 'Related stories', 'related');
  assertRemoved(a, 'Gas exports rise for third straight year', 'related');
  assert.ok(!a.text.includes('Energy minister replaced in reshuffle'));
  assert.equal(a.paragraphs.length, 3);
});

test('figure: figcaption kept once as a caption; heading and blockquote kinds', () => {
  const a = fixture('figure.html');
  const caption = 'Residents wade through a flooded street in the river port on Sunday. Photo: Example Agency';
  const captions = a.paragraphs.filter((p) => p.kind === 'caption').map((p) => a.text.slice(p.start, p.end));
  assert.deepEqual(captions, [caption]);
  assert.equal(a.text.split('Residents wade through').length - 1, 1, 'caption text appears once');
  assert.ok(a.removed.some((r) => r.reason === 'duplicate-caption'));
  const kinds = Object.fromEntries(a.paragraphs.map((p) => [a.text.slice(p.start, p.end), p.kind]));
  assert.equal(kinds['Aid for families'], 'heading');
  assert.equal(kinds['We have never seen the water rise so fast.'], 'blockquote');
  assert.equal(kinds['Forecasters expect the river to peak on Wednesday.'], 'body');
  assert.ok(!a.text.includes('Flooded street'), 'alt text is not article text');
});

test('invariants hold on every fixture', () => {
  for (const name of ['jsonld.html', 'meta-tags.html', 'time-element.html', 'url-date.html', 'newsletter.html', 'share-bar.html', 'advertisement.html', 'related.html', 'figure.html']) {
    const a = fixture(name);
    assert.ok(a.paragraphs.length > 0, `${name} has paragraphs`);
  }
});

test('pages without article text give an empty Article, never an exception', () => {
  for (const html of ['', '<html><body></body></html>', '<html><head><title>T</title><script>var a = 1;</script></head><body><nav>Home</nav></body></html>']) {
    const a = extractHtml(html, { source: 'empty' });
    checkInvariants(a);
    assert.equal(a.text, '');
    assert.deepEqual(a.paragraphs, []);
    assert.deepEqual(a.byline, []);
  }
  // Fragments are wrapped in a document; bad entities in metadata do not throw.
  const frag = extractHtml('<p>A single paragraph about a ceasefire that held through the night.</p>', { source: 'frag' });
  assert.equal(frag.text, 'A single paragraph about a ceasefire that held through the night.');
  const bad = extractHtml('<html><head><meta name="author" content="Jane &#4294967295; Doe"></head><body><p>Text.</p></body></html>', { source: 'bad' });
  checkInvariants(bad);
});

// ---------------------------------------------------------------------------------------------
// helpers

test('normalizeDate takes the written date and rejects impossible ones', () => {
  assert.equal(normalizeDate('2017-01-13T00:00:04-05:00'), '2017-01-13');
  assert.equal(normalizeDate('2017-11-16T14:15+0000'), '2017-11-16');
  assert.equal(normalizeDate('20170113'), '2017-01-13');
  assert.equal(normalizeDate('2015/03/18'), '2015-03-18');
  assert.equal(normalizeDate('Jan. 13, 2017'), '2017-01-13');
  assert.equal(normalizeDate('13 January 2017, 10:00'), '2017-01-13');
  assert.equal(normalizeDate('2.9.2020 klo 12.45'), '2020-09-02');
  assert.equal(normalizeDate('17 de marzo de 2020', 'es'), '2020-03-17');
  assert.equal(normalizeDate('2017-02-30'), null);
  assert.equal(normalizeDate('March 18 at 3:57 PM'), null); // no year: not a date we can trust
  assert.equal(normalizeDate('yesterday'), null);
  assert.equal(normalizeDate(''), null);
});

test('dateFromUrl reads /YYYY/MM/DD/ and YYYY-MM-DD paths only', () => {
  assert.equal(dateFromUrl('http://www.telegraph.co.uk/news/2017/11/16/zimbabwes-robert-mugabe/'), '2017-11-16');
  assert.equal(dateFromUrl('https://example.org/world/2015-03-18-story'), '2015-03-18');
  assert.equal(dateFromUrl('https://example.org/2015/03/story'), null);
  assert.equal(dateFromUrl('https://example.org/story/1234567'), null);
  assert.equal(dateFromUrl(null), null);
});

test('splitBylineNames keeps person names only', () => {
  assert.deepEqual(splitBylineNames('By Jane Doe and John Roe'), ['Jane Doe', 'John Roe']);
  assert.deepEqual(splitBylineNames('By JEFFREY EXAMPLE'), ['Jeffrey Example']);
  assert.deepEqual(splitBylineNames('Aigerim Example, Staff Correspondent'), ['Aigerim Example']);
  assert.deepEqual(splitBylineNames('Jane Doe in Almaty'), ['Jane Doe']);
  assert.deepEqual(splitBylineNames('By Nathan Example March 25, 2015'), ['Nathan Example']);
  assert.deepEqual(splitBylineNames('Laura June Example'), ['Laura June Example']);
  assert.deepEqual(splitBylineNames('Our Foreign Staff'), []);
  assert.deepEqual(splitBylineNames('Reuters'), []);
  assert.deepEqual(splitBylineNames('Associated Press'), []);
});

test('stripTitleSite removes a site suffix or prefix, and keeps real headline parts', () => {
  assert.equal(stripTitleSite('Attack stokes fears - The Washington Post', ['Washington Post'], false).title, 'Attack stokes fears');
  assert.equal(stripTitleSite('Reuters | Talks resume in Geneva', ['Reuters'], false).title, 'Talks resume in Geneva');
  assert.equal(stripTitleSite('United States to Lift Sudan Sanctions - The New York Times', [], true).title, 'United States to Lift Sudan Sanctions');
  assert.equal(stripTitleSite('Kazakhstan - the crisis explained in detail today', [], false).title, 'Kazakhstan - the crisis explained in detail today');
});

test('detectLanguage returns ISO 639-1 codes, null for short text', () => {
  assert.equal(detectLanguage('The government said on Tuesday that talks with the opposition would resume next week in the capital.'), 'en');
  assert.equal(detectLanguage('Правительство заявило во вторник, что переговоры с оппозицией возобновятся на следующей неделе в столице.'), 'ru');
  assert.equal(detectLanguage('Le gouvernement a déclaré mardi que les négociations avec l’opposition reprendraient la semaine prochaine.'), 'fr');
  assert.equal(detectLanguage('Die Regierung erklärte am Dienstag, die Gespräche mit der Opposition würden nächste Woche fortgesetzt.'), 'de');
  assert.equal(detectLanguage('Hükümet salı günü muhalefetle görüşmelerin gelecek hafta başkentte yeniden başlayacağını açıkladı.'), 'tr');
  assert.equal(detectLanguage('Too short'), null);
  assert.equal(detectLanguage(''), null);
});

// ---------------------------------------------------------------------------------------------
// integration: real news pages from ../shared (Readability's test pages)

const PAGES = join(SHARED_DIR, 'eval', 'extraction', 'readability-testpages');
const haveShared = existsSync(PAGES);
if (!haveShared) console.log(`# extract-html: ${PAGES} is absent; skipping the real-page tests`);

interface PageFacts {
  name: string;
  byline: string[];
  published: string | null;
  outlet: string | null;
  /** A sentence from the article's lead. */
  lead: string;
  /** Page chrome seen in the HTML that must not reach the text. */
  chrome: string[];
  /** Verified text elsewhere in the body. */
  body?: string;
}

const REAL_PAGES: PageFacts[] = [
  {
    name: 'nytimes-1',
    byline: ['Jeffrey Gettleman'],
    published: '2017-01-13', // meta article:published 2017-01-13T00:00:04-05:00
    outlet: 'The New York Times', // from "<title>… - The New York Times"
    lead: 'LONDON — After nearly 20 years of hostile relations, the American government plans to reverse its position on Sudan and lift trade sanctions, Obama administration officials said late Thursday.',
    chrome: ['Continue reading the main story', 'Advertisement'],
    body: '“These guys are the worst of the worst.”',
  },
  {
    name: 'wapo-1',
    byline: ['Erin Cunningham'],
    published: '2015-03-18', // from the URL …/2015/03/18/…; the page only says "March 18 at 3:57 PM"
    outlet: 'Washington Post',
    lead: 'CAIRO — Gunmen opened fire on visitors at Tunisia’s most renowned museum on Wednesday, killing at least 19 people, including 17 foreigners,',
    chrome: ['[Read: Why Tunisia', 'Read more:', 'Tunisia’s Islamists get a sobering lesson in governing'],
    body: 'Heba Habib contributed to this report.',
  },
  {
    name: 'wapo-2',
    byline: ['Steven Mufson'],
    published: '2015-03-18', // from the URL …/2015/03/18/…
    outlet: 'Washington Post',
    lead: 'President Obama told the U.N. General Assembly 18 months ago that he would seek “real breakthroughs on these two issues — Iran’s nuclear program and Israeli-Palestinian peace.”',
    chrome: ['Steven Mufson covers the White House'],
    // The HTML writes "Netan&shy;yahu"; soft hyphens are dropped.
    body: 'a number of analysts say that Obama and Netanyahu will seek to play down the friction',
  },
  {
    name: 'telegraph',
    byline: [], // the only author is "Our Foreign Staff", not a person
    published: '2017-11-16', // itemprop datePublished 2017-11-16T14:15+0000 and the URL
    outlet: 'The Telegraph',
    lead: 'Zimbabwe President Robert Mugabe, his wife Grace and two key figures from her G40 political faction are under house arrest',
    chrome: ['Telegraph View', 'Philip Johnston'],
    body: 'Whatever the final outcome, the events could signal a once-in-a-generation change for the former British colony',
  },
];

for (const page of REAL_PAGES) {
  test(`real page ${page.name}: metadata, lead, no chrome`, (t) => {
    if (!haveShared) {
      t.skip(`${PAGES} absent`);
      return;
    }
    const dir = join(PAGES, page.name);
    const html = gunzipSync(readFileSync(join(dir, 'source.html.gz'))).toString('utf8');
    const expected = JSON.parse(readFileSync(join(dir, 'expected-metadata.json'), 'utf8')) as { title: string; byline: string | null };
    const a = extractHtml(html, { source: page.name });
    checkInvariants(a);
    assert.equal(a.title, expected.title.trim());
    assert.deepEqual(a.byline, page.byline);
    for (const name of a.byline) assert.ok((expected.byline ?? '').includes(name), `${name} is in the expected byline`);
    assert.equal(a.published, page.published);
    assert.equal(a.outlet, page.outlet);
    assert.equal(a.language, 'en');
    const firstBody = a.paragraphs.find((p) => p.kind === 'body');
    assert.ok(firstBody && a.text.slice(firstBody.start, firstBody.end).startsWith(page.lead), 'the lead opens the body');
    if (page.body) assert.ok(a.text.includes(page.body), `body contains ${page.body}`);
    for (const chrome of page.chrome) {
      assert.ok(html.includes(chrome), `"${chrome}" really is on the page`);
      assert.ok(!a.text.includes(chrome), `"${chrome}" is not in the text`);
    }
    assert.ok(!/\u00ad|\u200b/.test(a.text), 'no soft hyphens or zero-width spaces');
  });
}
