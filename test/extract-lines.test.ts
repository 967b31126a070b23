/**
 * Cheap tests before the costly line regexes (src/extract/lines.ts `PHOTO_CREDIT_HINT`, text.ts
 * `READING_END`) must not change what the lines are: a caption ending with a credit in each of its
 * forms and letter cases is still a caption, and a reading time in capitals is still cut from a date
 * line. Lines written for this test.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isCaptionLine, PHOTO_CREDIT_HINT } from '../src/extract/lines.js';
import { extractText } from '../src/extract/text.js';

const CAPTIONS = [
  'President Ana Lee speaks to reporters in Lisbon. Photo: AFP',
  'President Ana Lee speaks to reporters in Lisbon. PHOTO CREDIT: Jane Doe',
  'Ministers arrive for the talks in Sochi | Pictures: Reuters',
  'Ministers arrive for the talks in Sochi (Photo: Reuters)',
  'Ministers arrive for the talks in Sochi [Image credit: Getty Images]',
  'Ministers arrive for the talks in Sochi (Jane Doe/AFP)',
  'Ministers arrive for the talks in Sochi. REUTERS/Jane Doe',
  'Ministers arrive for the talks in Sochi. AFP / Jane Doe',
  'Ministers arrive for the talks in Sochi. Jane Doe via Getty Images',
  'Ministers arrive for the talks in Sochi. Jane Doe VIA Getty Images',
  'Protesters march in Almaty. Video: RFE/RL',
  'Protesters march in Almaty. Footage: Reuters',
  'Protesters march in Almaty. Graphic: Reuters',
  'President Ana Lee speaks to reporters in Lisbon. (Reuters)',
];

describe('caption lines with the credit hint', () => {
  test('every form of a trailing credit is still a caption, and holds the hint', () => {
    for (const c of CAPTIONS) {
      assert.ok(isCaptionLine(c), c);
      if (!/\(Reuters\)$/.test(c)) assert.ok(PHOTO_CREDIT_HINT.test(c), c);
    }
  });
  test('lines without a credit are not captions', () => {
    assert.ok(!isCaptionLine('The ministry said the talks would resume in Sochi next week.'));
    assert.ok(!isCaptionLine('The committee refused to ban the team after the vote. [Reuters]'));
  });
});

describe('reading time', () => {
  test('a reading time in capitals is cut from the date line, which then dates the article', () => {
    const body = [
      'ULAANBAATAR -- Mongolia signed a rail transit agreement with its two neighbours on Tuesday, the Foreign Ministry said.',
      'The deal cuts the fees charged on coal trains crossing the border and takes effect next month, officials said.',
    ];
    const a = extractText(['Tuesday, March 5, 2024 · 3 MIN READ', 'Mongolia Signs Rail Transit Deal With Neighbours', ...body].join('\n\n'), { source: 'r.txt' });
    assert.equal(a.published, '2024-03-05');
  });
});
