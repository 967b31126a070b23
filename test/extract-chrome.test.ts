/**
 * Boilerplate kinds and "not an article" pages, on small HTML fixtures we wrote
 * (`test/fixtures/html/`): one fixture per kind of page chrome, each asserting that the chrome
 * leaves the text and is recorded in `removed` with its reason; embedded posts that Readability
 * drops are put back; home pages, section fronts and error pages raise `E_NO_ARTICLE` with the
 * reason.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractHtml, inspectHtml } from '../src/extract/html.js';
import { notArticleReason, type PageStats } from '../src/extract/page-kind.js';
import { SteppeError } from '../src/errors.js';
import { PACKAGE_ROOT } from '../src/paths.js';
import type { Article } from '../src/types.js';

const FIXTURES = join(PACKAGE_ROOT, 'test', 'fixtures', 'html');
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

/** Offsets slice the paragraphs exactly, paragraphs are joined by a blank line, removed texts are short. */
function checkInvariants(a: Article): void {
  assert.equal(a.text, a.paragraphs.map((p) => a.text.slice(p.start, p.end)).join('\n\n'));
  for (const p of a.paragraphs) {
    const s = a.text.slice(p.start, p.end);
    assert.ok(s.length > 0 && s === s.trim() && !/\s{2}|\n/.test(s), `tidy paragraph: ${JSON.stringify(s)}`);
  }
  for (const r of a.removed) assert.ok(r.text.length > 0 && r.text.length <= 120);
}

function fixture(name: string, url?: string): Article {
  const a = extractHtml(read(name), { source: name, url });
  checkInvariants(a);
  return a;
}

function assertRemoved(a: Article, text: string, reason: string): void {
  assert.ok(!a.text.includes(text), `"${text}" is not in the text`);
  assert.ok(a.removed.some((r) => r.text.includes(text) && r.reason === reason), `"${text}" recorded as ${reason}: ${JSON.stringify(a.removed)}`);
}

describe('boilerplate kinds', () => {
  test('chrome lines: script notices, shortcodes, image credits, social, cookies, tags, comment prompts, copyright', () => {
    const a = fixture('chrome-lines.html');
    assertRemoved(a, 'This slideshow requires JavaScript.', 'navigation');
    assertRemoved(a, 'Send us your story[/button]', 'navigation');
    assertRemoved(a, 'Image copyright Example Photo Agency', 'image-credit');
    assertRemoved(a, 'Follow us on Twitter', 'social');
    assertRemoved(a, 'We use cookies to improve your experience', 'cookies');
    assertRemoved(a, 'Tags: opposition, detention, protest', 'tags');
    assertRemoved(a, 'Tell us what you think', 'comments');
    assertRemoved(a, '© 2021 Steppe Example Media', 'copyright');
    assert.equal(a.paragraphs.length, 3);
    assert.ok(a.text.startsWith('The leader of the main opposition party was released on Friday'));
  });

  test('author bio card: removed, and the author comes from the metadata', () => {
    const a = fixture('author-bio.html');
    assertRemoved(a, 'Dana Placeholder is a correspondent covering agriculture', 'author-bio');
    assert.deepEqual(a.byline, ['Dana Placeholder']);
    assert.equal(a.paragraphs.length, 3);
  });

  test('comment section: removed; commenters are not the byline', () => {
    const a = fixture('comments.html');
    assert.ok(a.removed.some((r) => r.reason === 'comments'), JSON.stringify(a.removed));
    assert.ok(!/Commenter|Reader|waited years|Sixty buses/.test(a.text));
    assert.deepEqual(a.byline, ['Reid Example']);
    assert.equal(a.paragraphs.length, 3);
  });

  test('embedded post: put back as a block quote where Readability dropped it, once', () => {
    const a = fixture('embedded-post.html');
    const quotes = a.paragraphs.filter((p) => p.kind === 'blockquote').map((p) => a.text.slice(p.start, p.end));
    assert.ok(quotes[0]?.startsWith('From Monday, all goods vehicles crossing the southern border must register online'), JSON.stringify(quotes));
    assert.equal(a.text.split('From Monday, all goods vehicles').length - 1, 1, 'the post appears once');
    // in reading order: after the lead, before the reactions
    assert.ok(a.text.indexOf('in a post on social media') < a.text.indexOf('From Monday'));
    assert.ok(a.text.indexOf('From Monday') < a.text.indexOf('Business associations said'));
  });
});

describe('pathological pages', () => {
  test('a page nested deeper than MAX_NESTING is refused with E_TOO_LARGE before any DOM work', async () => {
    const { nestingDepth, MAX_NESTING } = await import('../src/extract/html.js');
    assert.equal(nestingDepth('<div><p>One<br>two</p><img src="a.png"><span/></div><!-- <div><div> --><script>if (a < b) {}</script>'), 2);
    const deep = `<html><body>${'<div>'.repeat(MAX_NESTING + 1)}<p>Kazakh police arrested six men.</p>${'</div>'.repeat(MAX_NESTING + 1)}</body></html>`;
    assert.throws(() => extractHtml(deep, { source: 'deep.html' }), (e: unknown) => e instanceof SteppeError && e.code === 'E_TOO_LARGE' && /nests its elements \d+ deep/.test(e.message));
  });
});

describe('not an article', () => {
  const refuses = (name: string, url: string | undefined, reason: RegExp) => {
    assert.throws(
      () => extractHtml(read(name), { source: name, url }),
      (e: unknown) => e instanceof SteppeError && e.code === 'E_NO_ARTICLE' && e.input === name && reason.test(e.message) && e.toLine().startsWith(`${name}: looks like`),
    );
  };
  test('a section front: E_NO_ARTICLE naming the input and the counts', () => {
    refuses('section-front.html', 'https://herald.example.org/world/', /^looks like a section front: 12 linked headlines, \d+ short paragraphs?$/);
  });
  test('a home page (URL path "/")', () => {
    refuses('home-page.html', 'https://herald.example.org/', /^looks like a home page: /);
  });
  test('an error page', () => {
    refuses('error-404.html', undefined, /^looks like an error page: “Page not found \| The Steppe Herald”$/);
  });
  test('acceptNonArticles returns the Article; inspectHtml gives the verdict without throwing', () => {
    const a = extractHtml(read('section-front.html'), { source: 's', acceptNonArticles: true });
    checkInvariants(a);
    const r = inspectHtml(read('error-404.html'), { source: 'e' });
    assert.match(r.notArticle ?? '', /error page/);
  });
  test('articles are not refused, short ones on busy pages included', () => {
    for (const name of ['chrome-lines.html', 'author-bio.html', 'comments.html', 'embedded-post.html', 'jsonld.html', 'url-date.html', 'related.html']) {
      assert.equal(inspectHtml(read(name), { source: name }).notArticle, null, name);
    }
    // counts of a busy page with a short text, but with a publication date: an article
    const busy: PageStats = { links: 200, linkChars: 6000, textChars: 9000, teaserHeadings: 20, title: 'Short news item', h1: 'Short news item', ogType: null, urlPath: '/news/short-news-item', articleSignals: ['a publication date'] };
    const shape = { chars: 500, paragraphs: 2, longParagraphs: 1 };
    assert.equal(notArticleReason(busy, shape), null);
    assert.match(notArticleReason({ ...busy, articleSignals: [] }, shape) ?? '', /section front: 200 links holding 67% of the text, 2 short paragraphs/);
    assert.match(notArticleReason({ ...busy, urlPath: '/' }, shape) ?? '', /home page/);
    assert.equal(notArticleReason({ ...busy, articleSignals: [] }, { chars: 3000, paragraphs: 8, longParagraphs: 6 }), null);
  });
});

describe('scraped plain text gets the same chrome rules', () => {
  test('script notices, cookie banners, comment prompts and tag lines leave plain text too', async () => {
    const { extractText } = await import('../src/extract/text.js');
    const input = [
      'Opposition leader released after ten days in detention',
      'This slideshow requires JavaScript.',
      'The leader of the main opposition party was released on Friday after ten days in police detention, his lawyer said.',
      'We use cookies to improve your experience. By continuing you agree to our cookie policy.',
      'Prosecutors had accused him of organising an unsanctioned rally in the capital, a charge he denied.',
      'Tags: opposition, detention',
      'Leave a reply',
    ].join('\n\n');
    const a = extractText(input, { source: 'scraped.txt' });
    assert.equal(a.title, 'Opposition leader released after ten days in detention');
    assert.deepEqual(a.paragraphs.map((p) => a.text.slice(p.start, p.end)), [
      'The leader of the main opposition party was released on Friday after ten days in police detention, his lawyer said.',
      'Prosecutors had accused him of organising an unsanctioned rally in the capital, a charge he denied.',
    ]);
    assert.equal(a.removed.filter((r) => r.reason === 'navigation').length, 4);
  });
  test('teaser links, share rows and copyright lines leave plain text', async () => {
    const { extractText } = await import('../src/extract/text.js');
    const body = [
      'Kazakh police arrested six men in Almaty on Monday, officials said, after a week of fuel protests in the west of the country.',
      'The court will hear the case next week, a spokesman for the city prosecutor said.',
    ];
    const input = [body[0], 'Related: China Warns Of Consequences', 'Read more: Protests spread to the west', 'Share on Facebook | Share on Twitter', body[1],
      'Copyright 2024 Steppe Wire. All rights reserved.'].join('\n\n');
    const a = extractText(input, { source: 'scraped.txt' });
    assert.deepEqual(a.paragraphs.map((p) => a.text.slice(p.start, p.end)), body);
    assert.equal(a.removed.length, 4);
  });
});
