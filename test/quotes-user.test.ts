/**
 * Quotes: faults a first-time user met, each fixed as a kind (src/quotes), checked on short
 * synthetic sentences written for these tests, with the default finder (tagger + rules, when
 * models/quotes is installed) and with the rules alone:
 * 1. a sentence-final attribution (`…, the ministry said.`) makes the clause before it the content;
 * 2. the same with an addressee (`…, X told the city council.`; `X told parliament the …`);
 * 3. a content span holds whole quotations (no span ends after an opening mark without its close);
 * 4. a direct quote interrupted by its attribution (`"A," X said, "but b."`) is direct in both halves;
 * 5. a quotation that runs over two paragraphs is one quote.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rawTextArticle } from '../src/extract/text.js';
import { createAnnotator } from '../src/nlp/annotate.js';
import { loadActorDictionary } from '../src/actors/dictionary.js';
import { buildResolverIndex, resolveActors } from '../src/actors/resolve.js';
import { attributeQuotes, reportedSpeech, type FoundQuote } from '../src/quotes/index.js';
import { loadTagger } from '../src/quotes/tagger.js';
import { balancedRange, quoteRegions, regionKind } from '../src/quotes/marks.js';

const annotate = createAnnotator();
const index = buildResolverIndex(loadActorDictionary());
const tagger = loadTagger();

function analyse(text: string, model: null | undefined) {
  const doc = annotate(rawTextArticle(text, { source: 'synthetic' }));
  const res0 = resolveActors(doc, index, { published: '2023-01-01' });
  const { quotes, res } = attributeQuotes(doc, res0, model === null ? { model: null } : {});
  for (const q of quotes) assert.equal(text.slice(q.start, q.end), q.text, 'quote offsets');
  const speakerOf = (q: FoundQuote) => (q.speaker >= 0 ? res.actors[q.speaker].name : null);
  return { quotes, speakerOf, reported: reportedSpeech(doc, res, quotes) };
}

const ARTICLE = [
  'Border Talks',
  'OSH -- Kyrgyzstan and Tajikistan agreed on Monday to reopen the border crossing near Batken, the Kyrgyz Foreign Ministry said.',
  'The new bridge over the river will open in May, Zarina Toktogulova told the city council.',
  'Bakyt Osmonov warned that the town would answer the closure "with all lawful means."',
  '"The harvest was poor this year," a ministry spokesman said, "but the grain reserves will last until spring."',
  '"We will rebuild the school before the winter," Aibek Sadyrov said. "The children have waited long enough,',
  '"whatever the timber costs."',
].join('\n\n');

/** Count of double quotation marks is even: every opening mark has its closing one. */
const balanced = (s: string) => (s.match(/["“”]/g)?.length ?? 0) % 2 === 0;

for (const [name, model] of [['default finder', undefined], ['rules only', null]] as const) {
  describe(`user faults, ${name}`, { skip: model === undefined && !tagger ? 'models/quotes is not installed' : false }, () => {
    const { quotes, speakerOf, reported } = analyse(ARTICLE, model);
    const find = (start: string) => quotes.find((q) => q.text.startsWith(start));

    test('1. "…, the ministry said.": the clause is the content, the ministry the speaker, "said" the cue', () => {
      const q = find('Kyrgyzstan and Tajikistan');
      assert.ok(q, JSON.stringify(quotes.map((x) => x.text)));
      assert.equal(q.text, 'Kyrgyzstan and Tajikistan agreed on Monday to reopen the border crossing near Batken');
      assert.equal(q.cue, 'said');
      assert.equal(speakerOf(q), 'Kyrgyz Foreign Ministry');
      // no quote of the two states with the cue "agreed" inside the ministry's statement
      assert.ok(!quotes.some((x) => x.cue === 'agreed'), JSON.stringify(quotes.map((x) => [x.text, x.cue])));
      assert.ok(reported.some((x) => x.start === q.start && x.end === q.end));
    });

    test('2. "…, X told the city council.": a trailing "told" with its addressee', () => {
      const q = find('The new bridge');
      assert.ok(q, JSON.stringify(quotes.map((x) => x.text)));
      assert.equal(q.text, 'The new bridge over the river will open in May');
      assert.equal(q.cue, 'told');
      assert.equal(speakerOf(q), 'Zarina Toktogulova');
    });

    test('3. a content span does not end inside a quotation: it runs to the closing mark', () => {
      const q = quotes.find((x) => x.text.includes('would answer the closure'));
      assert.ok(q, JSON.stringify(quotes.map((x) => x.text)));
      assert.ok(q.text.endsWith('"with all lawful means."'), q.text);
      // (a quote over paragraphs holds the continuation's opening mark, as printed)
      for (const x of [...quotes, ...reported]) assert.ok(x.text.includes('\n') || balanced(x.text), `unbalanced marks: ${x.text}`);
    });

    test('4. both halves of an interrupted direct quote are direct, with one speaker', () => {
      const a = find('The harvest was poor');
      const b = find('but the grain reserves');
      assert.ok(a && b, JSON.stringify(quotes.map((x) => x.text)));
      assert.equal(a.kind, 'direct');
      assert.equal(b.kind, 'direct');
      assert.equal(b.speaker, a.speaker);
    });

    test('5. a quotation over two paragraphs (the first left open) is one quote', () => {
      const q = find('The children have waited');
      assert.ok(q, JSON.stringify(quotes.map((x) => x.text)));
      assert.equal(q.text, 'The children have waited long enough,\n\n"whatever the timber costs.');
      assert.equal(q.kind, 'direct');
      assert.equal(speakerOf(q), 'Aibek Sadyrov');
      assert.ok(!quotes.some((x) => x.text.startsWith('whatever the timber')));
    });
  });
}

describe('user faults, the pieces', () => {
  test('rules: "X told parliament the …" and "X told reporters on Monday …" are indirect quotes', () => {
    const { quotes, speakerOf } = analyse(
      'Aibek Sadyrov told parliament the new school would open in September.\n\nAibek Sadyrov told reporters on Monday Osh would build two more schools.\n', null);
    const got = quotes.map((q) => [q.text, q.cue, speakerOf(q)]);
    assert.deepEqual(got, [
      ['the new school would open in September', 'told', 'Aibek Sadyrov'],
      ['Osh would build two more schools', 'told', 'Aibek Sadyrov'],
    ]);
  });

  test('no trailing attribution for a phrase before ", X told a joke", an object ("a charge X denied"), nor inside a quotation', () => {
    const { quotes } = analyse('On a cold morning in the valley, Aibek Sadyrov told a joke.\n\n"The roads are closed again," he said.\n\n' +
      'The mayor closed the market for a week, a charge Aibek Sadyrov denied.\n', null);
    assert.deepEqual(quotes.map((q) => q.text), ['The roads are closed again']);
  });

  test('regionKind: a quotation resumed after its attribution is direct; a lower-case fragment is not', () => {
    const t = '"The harvest was poor," a spokesman said, "but the reserves will last." Critics called it "a poor excuse."';
    const r = quoteRegions(t, [{ start: 0, end: t.length }]);
    assert.equal(r.length, 3);
    assert.equal(regionKind(t, 0, r[1], r[0]), 'direct');
    assert.equal(regionKind(t, 0, r[1]), 'partial'); // without the quotation before it (tagger features)
    assert.equal(regionKind(t, 0, r[2], r[1]), 'partial');
  });

  test('balancedRange: extend to the closing mark within the sentence, else cut before the opening one', () => {
    const t = 'He said the town would answer "with all lawful means." Then "we shall see what comes. It may rain."';
    const r = quoteRegions(t, [{ start: 0, end: t.length }]);
    const upTo = (s: string) => t.indexOf(s) + s.length;
    assert.equal(t.slice(...balancedRange(t, r, 0, upTo('means.'))), 'He said the town would answer "with all lawful means."');
    const from = t.indexOf('Then');
    assert.equal(t.slice(...balancedRange(t, r, from, upTo('comes.'))), 'Then');
  });
});
