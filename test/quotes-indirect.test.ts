/**
 * Quotes: shapes of indirect (reported) speech the tagger missed on held-out tenths of PolNeAR
 * train, each a general rule (rules.ts `trailingAttributions`, index.ts `withTrailingAttributions`)
 * checked here on short synthetic news sentences written for these tests:
 * 1. sentence-final attributions the rule used to miss: a name with a word read as a verb ("the
 *    Associated Press"), an object pronoun after the verb ("told her"), a present-tense cue read as
 *    a noun ("… reports."), a name with an apposition ("X, the harbour master, wrote"), appositions
 *    after "said X" ("…, said X, a professor at …, who …");
 * 2. "As X said, CLAUSE.";
 * 3. an attribution between commas inside the clause it reports ("A, X said, B.": both halves);
 * 4. an attribution inside a relative clause ("which officials said will …");
 * 5. "…," X said, referring to Y: Y is an attribution of its own;
 * 6. "NAME: 547." lines (a tally) are no transcript quotes;
 * 7. "According to X, CLAUSE." at a sentence's start, and a participle in X ("a poll taken last week").
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rawTextArticle } from '../src/extract/text.js';
import { createAnnotator } from '../src/nlp/annotate.js';
import { loadActorDictionary } from '../src/actors/dictionary.js';
import { buildResolverIndex, resolveActors } from '../src/actors/resolve.js';
import { attributeQuotes, cueVerbs } from '../src/quotes/index.js';
import { trailingAttributions } from '../src/quotes/rules.js';

const annotate = createAnnotator();
const index = buildResolverIndex(loadActorDictionary());

/** The attributions `trailingAttributions` finds in `text`, as strings: content, rest, source, cue. */
function shapes(text: string): Array<{ content: string; rest: string | null; source: string | null; cue: string }> {
  const doc = annotate(rawTextArticle(text, { source: 'synthetic' }));
  const sl = (y: { start: number; end: number }) => doc.text.slice(doc.tokens[y.start].start, doc.tokens[y.end - 1].end);
  return trailingAttributions(doc, new Uint8Array(doc.tokens.length), cueVerbs()).map((t) => ({
    content: sl(t.content), rest: t.rest ? sl(t.rest) : null, source: t.sourceless ? null : sl(t.source),
    cue: sl({ start: t.cue, end: t.cueEnd ?? t.cue + 1 }),
  }));
}

/** Quotes of `text` (default tagger, or the rules alone with `rules`): text, cue and speaker name. */
function quotes(text: string, rules = false) {
  const doc = annotate(rawTextArticle(text, { source: 'synthetic' }));
  const res = resolveActors(doc, index, { published: '2023-01-01' });
  const out = attributeQuotes(doc, res, rules ? { model: null } : {});
  return out.quotes.map((q) => ({ text: q.text, cue: q.cue, cueAt: q.cueSpan?.start ?? -1, speaker: q.speaker >= 0 ? out.res.actors[q.speaker].name : null }));
}

describe('sentence-final attributions (rules.ts trailingAttributions)', () => {
  test('a capitalised word read as a verb is part of the source name', () => {
    assert.deepEqual(shapes('The bridge over the river will reopen in May, the Associated Press reported Friday.'),
      [{ content: 'The bridge over the river will reopen in May', rest: null, source: 'the Associated Press', cue: 'reported' }]);
  });

  test('an object pronoun may follow the verb', () => {
    assert.deepEqual(shapes('The harvest was lost to the floods, the minister told her.'),
      [{ content: 'The harvest was lost to the floods', rest: null, source: 'the minister', cue: 'told' }]);
  });

  test('a present-tense cue at the end ("… reports.")', () => {
    const [t] = shapes('Grain exports rose by a third in March, the daily Kapital Vestnik reports.');
    assert.equal(t?.content, 'Grain exports rose by a third in March');
    assert.equal(t?.cue, 'reports');
  });

  test('"…, said X, an apposition[, who …]." : the clause is X\'s, the apposition no content', () => {
    assert.deepEqual(shapes('Tariffs will not bring these jobs back, said Ann Lee, a professor of economics at the university, who studies trade.'),
      [{ content: 'Tariffs will not bring these jobs back', rest: null, source: 'Ann Lee', cue: 'said' }]);
    assert.deepEqual(shapes('Federal mandates are a burden, said Tom Wilcox, a Republican who founded two companies.'),
      [{ content: 'Federal mandates are a burden', rest: null, source: 'Tom Wilcox', cue: 'said' }]);
  });

  test('a name and its apposition before the verb are the source', () => {
    assert.deepEqual(shapes('Two tankers were seized in the strait, Anna Varga, the harbour master, wrote in a letter.'),
      [{ content: 'Two tankers were seized in the strait', rest: null, source: 'Anna Varga, the harbour master', cue: 'wrote' }]);
  });
});

describe('"As X said, …" and interrupted clauses', () => {
  test('"As X said, CLAUSE." makes the clause X\'s; "As expected, …" is no attribution', () => {
    assert.deepEqual(shapes('As the governor said in May, the new road will cut travel times by half.'),
      [{ content: 'the new road will cut travel times by half', rest: null, source: 'the governor', cue: 'said' }]);
    assert.deepEqual(shapes('As expected, the budget shrank.'), []);
  });

  test('"A, X said, B." gives both halves to X', () => {
    assert.deepEqual(shapes('The new tariff, the ministry said, will take effect in June.'),
      [{ content: 'The new tariff', rest: 'will take effect in June', source: 'the ministry', cue: 'said' }]);
    assert.deepEqual(shapes('At the border, officials said, the queues grew longer every day.'),
      [{ content: 'At the border', rest: 'the queues grew longer every day', source: 'officials', cue: 'said' }]);
    // commas around a clause that reports nothing
    assert.deepEqual(shapes('In Paris, he met the president, and they signed a deal.'), []);
  });

  test('end to end: the two halves are one attribution of the ministry', () => {
    const text = 'The Kazakh government raised grain prices on Monday. The new tariff, the ministry said, will take effect in June.';
    const qs = quotes(text).filter((q) => q.text === 'The new tariff' || q.text === 'will take effect in June');
    assert.equal(qs.length, 2, JSON.stringify(quotes(text)));
    assert.equal(qs[0].cueAt, qs[1].cueAt);
    assert.equal(qs[0].cue, 'said');
  });

  test('an attribution inside a relative clause: the relative word and its clause', () => {
    assert.deepEqual(shapes('The reform, which officials said will begin in April, covers all pensions.'),
      [{ content: 'which', rest: 'will begin in April', source: 'officials', cue: 'said' }]);
    assert.deepEqual(shapes('The reform, which officials rejected in April, covers all pensions.'), []);
  });
});

describe('"according to X" (rules.ts trailingAttributions)', () => {
  test('"According to X, CLAUSE." at the sentence start, a participle after the noun allowed', () => {
    assert.deepEqual(shapes('According to the schedule published Thursday, the minister will speak on Friday night.'),
      [{ content: 'the minister will speak on Friday night', rest: null, source: 'the schedule published Thursday', cue: 'According' }]);
    assert.deepEqual(shapes('Two in three voters now view the mayor favorably, according to a national poll taken last week.'),
      [{ content: 'Two in three voters now view the mayor favorably', rest: null, source: 'a national poll taken last week', cue: 'according' }]);
    // no clause after the comma
    assert.deepEqual(shapes('According to the schedule, a long night.'), []);
  });
});

describe('"…," X said, referring to Y', () => {
  test('the reference is an attribution of its own, without the apposition after it', () => {
    assert.deepEqual(shapes('"We were ready," the mayor said, referring to the flood barriers, the city\'s main defence.'),
      [{ content: 'the flood barriers', rest: null, source: null, cue: 'referring to' }]);
  });

  test('end to end: the quotation keeps "said", the reference gets "referring to", both the speaker\'s', () => {
    const qs = quotes('"Israel was sold out," Nikol Pashinyan said on Monday, referring to the ceasefire talks, the third round this year. ' +
      '"We cannot accept it."');
    const ref = qs.find((q) => q.text === 'the ceasefire talks');
    assert.ok(ref, JSON.stringify(qs));
    assert.equal(ref.cue, 'referring'); // the cue is the reporting verb (index.ts cueText)
    assert.equal(ref.speaker, 'Nikol Pashinyan');
    assert.ok(!qs.some((q) => q.text.includes('third round')), 'the apposition is no content');
    const direct = qs.filter((q) => q.text.startsWith('Israel') || q.text.startsWith('We cannot'));
    assert.equal(direct.length, 2);
    for (const q of direct) assert.equal(q.cue, 'said');
  });
});

describe('transcript lines (rules.ts)', () => {
  test('"NAME: 547." is a tally, not a quote; "NAME: a sentence" still is', () => {
    const text = 'Delegate count so far.\n\nHillary Clinton: 1,769.\n\nBernie Sanders: We will fight on to the convention.';
    const qs = quotes(text, true);
    assert.ok(!qs.some((q) => /1,769/.test(q.text)), JSON.stringify(qs));
    assert.ok(qs.some((q) => q.text.startsWith('We will fight on') && q.speaker === 'Bernie Sanders'), JSON.stringify(qs));
  });
});
