/**
 * Page chrome in scraped plain text, second round (a first-time user's scraped page lost its
 * headline to the menu line, its byline and date, and kept share links, a photo caption and
 * related-story headlines in the body). Each test is a short synthetic page we wrote, one kind of
 * chrome per test; the last test covers the HTML path's `<div class="caption">`.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { extractText, isNavLine } from '../src/extract/text.js';
import { isCaptionLine, isCreditLine } from '../src/extract/lines.js';
import { extractHtml } from '../src/extract/html.js';
import type { Article } from '../src/types.js';

const BODY = [
  'ULAANBAATAR -- Mongolia signed a rail transit agreement with its two neighbours on Tuesday, the Foreign Ministry said.',
  'The deal cuts the fees charged on coal trains crossing the border and takes effect next month, officials said.',
];

function paragraphs(a: Article, kind?: string): string[] {
  return a.paragraphs.filter((p) => !kind || p.kind === kind).map((p) => a.text.slice(p.start, p.end));
}

function removedAs(a: Article, text: string, reason: string): boolean {
  return a.removed.some((r) => r.text === text && r.reason === reason);
}

describe('plain text: navigation lines', () => {
  test('a menu of short items separated by "|" is navigation, not the title', () => {
    const input = ['Start | Nations | Asia | Trade | Markets | Comment', 'Mongolia Signs Rail Transit Deal With Neighbours', ...BODY].join('\n\n');
    const a = extractText(input, { source: 'nav.txt' });
    assert.equal(a.title, 'Mongolia Signs Rail Transit Deal With Neighbours');
    assert.ok(removedAs(a, 'Start | Nations | Asia | Trade | Markets | Comment', 'navigation'), JSON.stringify(a.removed));
    assert.deepEqual(paragraphs(a), BODY);
  });

  test('isNavLine: menus, footers, breadcrumbs and unseparated section lists; not headlines or bylines', () => {
    assert.ok(isNavLine('Home | World | Asia | Sport'));
    assert.ok(isNavLine('About us • Careers • Privacy Policy • Terms of Use'));
    assert.ok(isNavLine('Home › News › Asia'));
    assert.ok(isNavLine('News Politics Business Opinion Sport'));
    assert.ok(!isNavLine('Mongolia Signs Rail Deal | The Steppe Wire'), 'headline | site');
    assert.ok(!isNavLine('By Jane Roe | May 4, 2024 | 10:15'), 'byline | date');
    assert.ok(!isNavLine('Trade, talks and tariffs: what the deal means | Analysis | Asia'), 'a long item');
    assert.ok(!isNavLine('Business As Usual In The Capital'), 'a headline made of words, not section names');
    assert.ok(!isNavLine('«Nous ne céderons pas» a déclaré le ministre'), 'guillemets are not breadcrumb separators');
  });
});

describe('plain text: share rows', () => {
  test('rows of share-button labels leave the text', () => {
    const rows = ['Facebook Twitter Email', 'Share on WhatsApp | Share on Telegram', 'Tweet · Email · Print · Copy link'];
    const input = ['Mongolia Signs Rail Transit Deal With Neighbours', rows[0], BODY[0], rows[1], BODY[1], rows[2]].join('\n\n');
    const a = extractText(input, { source: 'share.txt' });
    assert.deepEqual(paragraphs(a), BODY);
    for (const r of rows) assert.ok(a.removed.some((x) => x.text === r && (x.reason === 'share' || x.reason === 'navigation')), r);
  });
});

describe('plain text: byline and date lines', () => {
  test('"By NAME" and a date line under the headline give the byline and the publication date', () => {
    const input = ['Mongolia Signs Rail Transit Deal With Neighbours', 'By Oyun Bat and Tom Reed', 'March 5, 2024', ...BODY].join('\n\n');
    const a = extractText(input, { source: 'byline.txt' });
    assert.equal(a.title, 'Mongolia Signs Rail Transit Deal With Neighbours');
    assert.deepEqual(a.byline, ['Oyun Bat', 'Tom Reed']);
    assert.equal(a.published, '2024-03-05');
    assert.ok(removedAs(a, 'March 5, 2024', 'dateline'));
    assert.deepEqual(paragraphs(a), BODY);
  });

  test('byline and date on one line, date with a weekday, update times, reading time', () => {
    const one = extractText(['Mongolia Signs Rail Transit Deal With Neighbours', 'By Oyun Bat, Reuters | 5 March 2024', ...BODY].join('\n\n'), { source: 'a.txt' });
    assert.deepEqual(one.byline, ['Oyun Bat']);
    assert.equal(one.published, '2024-03-05');
    assert.deepEqual(paragraphs(one), BODY);

    const two = extractText(['Tuesday, March 5, 2024 · 3 min read', 'Mongolia Signs Rail Transit Deal With Neighbours', 'Written by Oyun Bat', 'Updated: March 6, 2024 10:15 GMT', 'Published: March 5, 2024', ...BODY].join('\n\n'), { source: 'b.txt' });
    assert.equal(two.title, 'Mongolia Signs Rail Transit Deal With Neighbours', 'the date line above the headline is not the title');
    assert.deepEqual(two.byline, ['Oyun Bat']);
    assert.equal(two.published, '2024-03-05', 'the publication date, not the update time');
    assert.deepEqual(paragraphs(two), BODY);

    // an update time alone is not the publication date; a day-month order we cannot tell is not used
    const three = extractText(['Mongolia Signs Rail Transit Deal With Neighbours', 'Last updated: March 6, 2024', '03/05/2024', ...BODY].join('\n\n'), { source: 'c.txt' });
    assert.equal(three.published, null);
    assert.deepEqual(paragraphs(three), BODY);
  });

  test('a section label above the headline goes; a date inside the body stays', () => {
    const body = [...BODY, 'March 12, 2024', 'Talks on a second line will resume after the holiday, the ministry said.'];
    const a = extractText(['Asia', 'Mongolia Signs Rail Transit Deal With Neighbours', 'By Oyun Bat', ...body].join('\n\n'), { source: 'c.txt' });
    assert.equal(a.title, 'Mongolia Signs Rail Transit Deal With Neighbours');
    assert.deepEqual(a.byline, ['Oyun Bat']);
    assert.equal(a.published, null);
    assert.deepEqual(paragraphs(a), body);
  });

  test('"By" opening a sentence in the body is not a byline', () => {
    const body = [...BODY, 'By Friday, the first trains had crossed the border without paying the old fee, the railway said.'];
    const a = extractText(['Mongolia Signs Rail Transit Deal With Neighbours', 'By Oyun Bat', ...body].join('\n\n'), { source: 'd.txt' });
    assert.deepEqual(a.byline, ['Oyun Bat']);
    assert.deepEqual(paragraphs(a), body);
  });
});

describe('plain text: photo captions and credits', () => {
  test('labelled captions and captions ending with a credit are captions; credit-only lines go', () => {
    const captions = [
      'Photo: Officials shake hands after signing the agreement in Ulaanbaatar. (AFP)',
      'A coal train waits at the border crossing near Zamyn-Uud. Photo: Jane Roe',
      'Image caption, The new terminal opened last year',
    ];
    const credits = ['REUTERS/Jane Roe', 'Image source, Getty Images', 'Photo credit: Tom Reed'];
    const input = ['Mongolia Signs Rail Transit Deal With Neighbours', BODY[0], captions[0], credits[0], captions[1], credits[1], BODY[1], captions[2], credits[2]].join('\n\n');
    const a = extractText(input, { source: 'captions.txt' });
    assert.deepEqual(paragraphs(a, 'body'), BODY);
    assert.deepEqual(paragraphs(a, 'caption'), captions);
    for (const c of credits) assert.ok(removedAs(a, c, 'image-credit'), c);
  });

  test('isCaptionLine / isCreditLine do not take body sentences', () => {
    assert.ok(isCaptionLine('President Ana Lee speaks to reporters in Lisbon. (Reuters)'));
    assert.ok(!isCaptionLine('The committee refused to ban the team after the vote. [Reuters]'), 'a news item ending with its source');
    assert.ok(!isCaptionLine('The ministry released a video, showing trains at the border.'));
    assert.ok(!isCaptionLine('Video-sharing platforms were blocked for a day, officials said.'));
    assert.ok(!isCreditLine('Pictures, videos and messages were shared online, police said.'));
    assert.ok(!isCreditLine('Photo: Officials shake hands after signing the agreement'), 'a caption, not a credit');
    assert.ok(isCreditLine('Photo: AFP'));
    assert.ok(isCreditLine('Jane Roe via Getty Images'));
  });
});

describe('plain text: related-story blocks', () => {
  test('a "Related" or "Read more" label and the headlines after it go, up to the next prose', () => {
    const body = [...BODY, 'Freight volumes on the line rose by a fifth last year, according to the railway operator.'];
    const input = [
      'Mongolia Signs Rail Transit Deal With Neighbours', BODY[0], BODY[1],
      'Read more', 'China opens new border crossing', 'Coal exports hit record high',
      body[2],
      'More stories', 'Herders face harsh winter', 'Parliament approves budget',
      'Get the morning briefing in your inbox.',
    ].join('\n\n');
    const a = extractText(input, { source: 'related.txt' });
    assert.deepEqual(paragraphs(a), body);
    for (const t of ['Read more', 'China opens new border crossing', 'Coal exports hit record high', 'More stories', 'Herders face harsh winter', 'Parliament approves budget']) {
      assert.ok(removedAs(a, t, 'related'), `${t}: ${JSON.stringify(a.removed)}`);
    }
  });

  test('a list above the story keeps the headline that ends it; dates inside a list below the story go with it', () => {
    const input = [
      'Most read', 'Herders face harsh winter', 'Parliament approves budget',
      'Mongolia Signs Rail Transit Deal With Neighbours', 'By Oyun Bat', ...BODY,
      'Related', 'China opens new border crossing', 'March 1, 2024', 'Coal exports hit record high',
    ].join('\n\n');
    const a = extractText(input, { source: 'related-top.txt' });
    assert.equal(a.title, 'Mongolia Signs Rail Transit Deal With Neighbours');
    assert.deepEqual(a.byline, ['Oyun Bat']);
    assert.deepEqual(paragraphs(a), BODY);
    for (const t of ['Herders face harsh winter', 'Parliament approves budget', 'China opens new border crossing', 'March 1, 2024', 'Coal exports hit record high']) {
      assert.ok(removedAs(a, t, 'related'), `${t}: ${JSON.stringify(a.removed)}`);
    }
  });
});

describe('HTML: caption divs', () => {
  test('a <div class="caption"> holding only text is a caption, not body text', () => {
    const p = (s: string) => `<p>${s}</p>`;
    const html = `<html><head><title>Mongolia Signs Rail Transit Deal</title></head><body><div class="story">
      <h1>Mongolia Signs Rail Transit Deal</h1>
      ${p('ULAANBAATAR -- Mongolia signed a rail transit agreement with its two neighbours on Tuesday, the Foreign Ministry said, ending two years of talks over fees, schedules and the gauge of the tracks.')}
      <div class="photo-caption">Officials shake hands after the signing ceremony. Photo: Jane Roe</div>
      ${p('The deal cuts the fees charged on coal trains crossing the border and takes effect next month, officials said, adding that freight volumes could double within three years.')}
      ${p('Critics in parliament said the agreement gave too much control over the line to foreign operators, and called for a debate before it is ratified later this year.')}
      </div></body></html>`;
    const a = extractHtml(html, { source: 'caption.html' });
    assert.deepEqual(paragraphs(a, 'caption'), ['Officials shake hands after the signing ceremony. Photo: Jane Roe']);
    assert.equal(paragraphs(a, 'body').length, 3);
    assert.ok(!paragraphs(a, 'body').some((t) => t.includes('shake hands')));
  });
});

describe('plain text: a wire dateline gives the publication date when it names the year', () => {
  test('"MANILA, March 3, 2024 (Wire) --" is 2024-03-03; without a year there is no date', () => {
    const withYear = extractText('Navy ships clash near shoal\n\nMANILA, March 3, 2024 (Wire) -- Chinese coast guard vessels rammed a Philippine supply boat on Sunday, officials said.\n\nThe Philippines protested the ramming.\n', { source: 't.txt' });
    assert.equal(withYear.published, '2024-03-03');
    const noYear = extractText('MANILA, March 3 (Wire) -- Chinese vessels rammed a boat on Sunday.\n\nThe Philippines protested.\n', { source: 't.txt' });
    assert.equal(noYear.published, null);
  });
});
