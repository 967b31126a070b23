/**
 * Publication dates (src/extract/metadata.ts), one small fixture we wrote per kind of fault
 * found on htmldate's evaluation pages (test/fixtures/dates/):
 *
 * - a site banner's "today" date (in a `<header>` outside the article) taken for the article's;
 * - a dateline right under the headline in an element with no date-like class, its source and
 *   date split by `<br>` ("Steppe Wire<br>13 Jan 2025");
 * - a date written in Arabic (Levantine and Egyptian month names, Arabic-Indic digits);
 * - a page whose only date is a machine timestamp in a script, with a "dateModified" timestamp
 *   before it that must not win.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { extractHtml } from '../src/extract/html.js';
import { extractMetadata, normalizeDate } from '../src/extract/metadata.js';
import { PACKAGE_ROOT } from '../src/paths.js';

const FIXTURES = join(PACKAGE_ROOT, 'test', 'fixtures', 'dates');
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const publishedOf = (name: string) => extractHtml(read(name), { source: name }).published;
const metaOf = (html: string) => extractMetadata((parseHTML(html) as unknown as { document: Document }).document);

describe('publication date faults', () => {
  test('the site banner\'s date is the day the page was served, not the article\'s', () => {
    assert.equal(publishedOf('site-banner-date.html'), '2025-01-13'); // not the banner's 2025-01-14
  });

  test('an article <header> holding the headline still gives its date', () => {
    const html = '<html><body><header><h1>Talks resume on the shared river</h1><span class="date">2 May 2022</span></header><p>x</p></body></html>';
    assert.equal(metaOf(html).published, '2022-05-02');
  });

  test('the dateline under the headline, whatever its class', () => {
    assert.equal(publishedOf('headline-dateline.html'), '2024-03-03');
  });

  test('no dateline from under an <h1> that is only the site name', () => {
    const html = '<html><head><meta property="og:title" content="Court fines the mining company over a spill"></head><body>'
      + '<h1>Steppe Legal Notices</h1><div>Wednesday, August 19, 2020</div><p>x</p></body></html>';
    assert.equal(metaOf(html).published, null);
  });

  test('a date written in Arabic, with both month names and Arabic-Indic digits', () => {
    assert.equal(publishedOf('arabic-date.html'), '2024-05-05');
    assert.equal(normalizeDate('الجمعة 24 نيسان / أبريل 2020'), '2020-04-24');
    assert.equal(normalizeDate('3 تشرين الثاني 2019'), '2019-11-03');
    assert.equal(normalizeDate('١٢ ديسمبر ٢٠٢١'), '2021-12-12');
    assert.equal(normalizeDate('31 شباط 2020'), null);
  });

  test('a machine timestamp in a script, not the modification one before it', () => {
    assert.equal(publishedOf('script-timestamp.html'), '2023-06-09');
    // without the raw source, the document's own serialization is searched
    assert.equal(metaOf(read('script-timestamp.html')).published, '2023-06-09');
  });

  test('a page with only modification timestamps has no publication date', () => {
    const html = '<html><body><script>var x = {"updatedAt": "2021-02-03T04:05:06Z"};</script><p>x</p></body></html>';
    assert.equal(metaOf(html).published, null);
  });
});
