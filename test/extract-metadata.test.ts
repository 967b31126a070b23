/**
 * Metadata sources (src/extract/metadata.ts), one small fixture we wrote per source: a Yoast
 * JSON-LD `@graph` with an `@id` author and a CDATA wrapper; "By …" lines; an "Author(s)"
 * label; links to author pages; reviewer credits; a written date in Spanish; the visible `<h1>`
 * headline against `og:title`. Plus the byline splitter's rules and the extraction scorers
 * (src/extract/score.ts).
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { extractHtml } from '../src/extract/html.js';
import { extractMetadata, splitBylineNames } from '../src/extract/metadata.js';
import { aebScore, bylineMatch, referenceNames, shingleCounts, snippetRate, titleMatch, wordScore } from '../src/extract/score.js';
import { PACKAGE_ROOT } from '../src/paths.js';
import type { Article } from '../src/types.js';

const FIXTURES = join(PACKAGE_ROOT, 'test', 'fixtures', 'html');
const fixture = (name: string, url?: string): Article => extractHtml(readFileSync(join(FIXTURES, name), 'utf8'), { source: name, url });
const metaOf = (html: string, url?: string) => extractMetadata((parseHTML(html) as unknown as { document: Document }).document, { url });

describe('metadata sources', () => {
  test('Yoast @graph: CDATA-wrapped JSON-LD, author by @id, the <h1> headline over og:title', () => {
    const a = fixture('yoast-graph.html');
    assert.deepEqual(a.byline, ['Timur Sample']); // JSON-LD author before the "Written by" twitter label
    assert.equal(a.published, '2023-04-12');
    assert.equal(a.title, 'Central Asian states resume talks on sharing water from the river');
    assert.equal(a.outlet, 'The Steppe Courier');
  });

  test('Yoast "Written by" twitter label, when the page has nothing better', () => {
    const html = '<html><head><meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Aigerim Example"></head><body><p>x</p></body></html>';
    assert.deepEqual(metaOf(html).byline, ['Aigerim Example']);
  });

  test('"By:" line with two authors and a date', () => {
    const a = fixture('byline-by-line.html');
    assert.deepEqual(a.byline, ['Nurlan Example', 'Sara Sample']);
    assert.equal(a.published, '2021-03-03');
  });

  test('"Author(s)" label in a metadata aside', () => {
    assert.deepEqual(fixture('byline-label.html').byline, ['Lena Example', 'Omar Sample']);
  });

  test('link to an author page; a related block\'s author link is ignored', () => {
    assert.deepEqual(fixture('byline-author-link.html').byline, ['Marat Example']);
  });

  test('"Written by X | Reviewed by Y": only the writer', () => {
    assert.deepEqual(fixture('byline-reviewer.html').byline, ['Gulnara Example']);
  });

  test('a written date in the page language; a Spanish article keeps language "es"', () => {
    const a = fixture('date-text-es.html');
    assert.equal(a.published, '2020-03-17');
    assert.equal(a.language, 'es');
    assert.ok(!a.text.includes('Publicado el'), 'the dateline is not body text');
    assert.ok(a.text.startsWith('El gobierno anunció el martes'));
  });

  test('JSON-LD Person with one name or a lower-case name; user names and site brands are not people', () => {
    const ld = (author: unknown) => `<html><head><script type="application/ld+json">${JSON.stringify({ '@type': 'BlogPosting', headline: 'h', author })}</script></head><body></body></html>`;
    assert.deepEqual(metaOf(ld({ '@type': 'Person', name: 'Susan' })).byline, ['Susan']);
    assert.deepEqual(metaOf(ld({ '@type': 'Person', name: 'kirstin example' })).byline, ['kirstin example']);
    assert.deepEqual(metaOf(ld({ '@type': 'Person', name: 'jdoe42' })).byline, []);
    assert.deepEqual(metaOf(ld({ '@type': 'Person', name: 'Ben Example' })).byline, ['Ben Example']); // "Ben" is a name here, not "son of"
    const brand = '<html><head><meta name="author" content="Examplecast"></head><body></body></html>';
    assert.deepEqual(metaOf(brand, 'https://www.examplecast.com/blog/post').byline, []);
  });
});

describe('splitBylineNames', () => {
  test('one-word names only when the source declares an author', () => {
    assert.deepEqual(splitBylineNames('Susan'), []);
    assert.deepEqual(splitBylineNames('Susan', { single: true }), ['Susan']);
    assert.deepEqual(splitBylineNames('Maria & Katerina', { single: true }), ['Maria', 'Katerina']);
    assert.deepEqual(splitBylineNames('admin', { single: true }), []);
  });
  test('citation order, URLs in parentheses, credentials and roles', () => {
    assert.deepEqual(splitBylineNames('Roy, Aniruddha'), ['Aniruddha Roy']);
    assert.deepEqual(splitBylineNames('Bradley M. Kuhn (http://example.org/bkuhn/)'), ['Bradley M. Kuhn']);
    assert.deepEqual(splitBylineNames('Written by Jane Doe | Expert Reviewed By | John Roe'), ['Jane Doe']);
    assert.deepEqual(splitBylineNames('Jane Doe Last updated March 3, 2021'), ['Jane Doe']);
    assert.deepEqual(splitBylineNames('Niko Example on behalf of the team'), ['Niko Example']);
    assert.deepEqual(splitBylineNames('Nicholas C Example'), ['Nicholas C Example']);
    assert.deepEqual(splitBylineNames('Licensed Q Arabica Grader'), []);
  });
});

describe('scorers', () => {
  test('AEB shingles: case-sensitive \\w+ tokens, multiset 4-grams, averages over documents', () => {
    assert.deepEqual(shingleCounts('a b c d e', 'a b c d e'), { tp: 2, fp: 0, fn: 0 });
    assert.deepEqual(shingleCounts('a b c d e', 'A b c d e'), { tp: 1, fp: 1, fn: 1 });
    assert.deepEqual(shingleCounts('one two', 'one two'), { tp: 1, fp: 0, fn: 0 }); // under 4 tokens: one shingle
    // an empty prediction counts for recall only (as the benchmark's evaluate.py)
    const s = aebScore([shingleCounts('a b c d e', 'a b c d e'), shingleCounts('a b c d e', '')]);
    assert.equal(s.precision, 1);
    assert.equal(s.recall, 0.5);
    assert.ok(Math.abs(s.f1 - 2 / 3) < 1e-9);
  });
  test('WCXB words and snippets', () => {
    const w = wordScore('The cat sat', 'the cat sat on the mat');
    assert.equal(w.precision, 1);
    assert.equal(w.recall, 0.5);
    assert.equal(snippetRate('The Cat sat on the mat.', ['cat sat', 'dog']), 0.5);
    assert.equal(snippetRate('x', []), 1);
  });
  test('byline references: credentials, organisations, user names and editors are not author names', () => {
    assert.deepEqual(referenceNames('Dylan Example, MS, RD, FAND'), ['dylan example']);
    assert.deepEqual(referenceNames('By Jane Dóe and John Roe'), ['jane doe', 'john roe']);
    assert.deepEqual(referenceNames('Everfit Team'), []);
    assert.deepEqual(referenceNames('q_admin'), []);
    assert.deepEqual(referenceNames('Written by Rob Example\n Edited by Betty Sample'), ['rob example']);
    assert.ok(bylineMatch(['Jane Doe'], 'By JANE DOE'));
    assert.ok(!bylineMatch(['Jane Doe', 'John Roe'], 'Jane Doe'));
    assert.ok(bylineMatch([], 'BBC News'));
  });
  test('titles: exact, or without the reference\'s site part when asked', () => {
    assert.ok(titleMatch('A “quoted” headline', 'A "quoted" headline'));
    assert.ok(!titleMatch('Headline', 'Headline | Site'));
    assert.ok(titleMatch('Headline here', 'Headline here | The Site', { ignoreSiteSuffix: true }));
    assert.ok(titleMatch('Headline here', 'Site: Headline here', { ignoreSiteSuffix: true }));
  });
});

describe('non-English articles', () => {
  test('are extracted with their language; analyze refuses them with E_LANGUAGE', async () => {
    const { createPipeline } = await import('../src/pipeline.js');
    const { SteppeError } = await import('../src/errors.js');
    const raw = { source: 'date-text-es.html', format: 'html' as const, content: readFileSync(join(FIXTURES, 'date-text-es.html'), 'utf8') };
    const pipeline = createPipeline();
    const article = pipeline.extract(raw);
    assert.equal(article.language, 'es');
    assert.equal(article.published, '2020-03-17');
    assert.throws(() => pipeline.analyze(raw), (e: unknown) => e instanceof SteppeError && e.code === 'E_LANGUAGE' && e.input === 'date-text-es.html');
  });
});
