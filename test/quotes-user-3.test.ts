/**
 * Quotes: a third round of faults a first-time user met, each fixed as a kind (src/quotes) and
 * checked on short synthetic sentences written for these tests (the default finder: tagger +
 * rules when models/quotes is installed; the reported quotes, `reportedSpeech`):
 * 1. "…, NAME, told a briefing.": the phrase after a tell-verb is its addressee, the name before it
 *    the speaker (rules.ts `trailingAttributions`);
 * 2. a place named before the head noun of a source ("Several African nations") is no speaker, and
 *    "They" then refers to the source actor (sources.ts `actorFor`);
 * 3. "according to a memo seen by X": X saw the memo, it is no speaker (index.ts `withoutAgentModifier`);
 * 4. a cue verb with a plain object ("declared X the winner", "recalling him") is no quote;
 * 5. scare quotes after a verb that is no cue ("marching against … as "…"") are no one's quote;
 * 6. "had said in an interview last week that …" is reported (the cue word inside the cue span);
 * 7. "A, X said, as Y warned that B.": B is Y's (rules.ts `interrupted`);
 * 8. "The JEM, headed by NAME, said …": the speaker is the phrase the participle modifies.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rawTextArticle } from '../src/extract/text.js';
import { createAnnotator } from '../src/nlp/annotate.js';
import { loadActorDictionary } from '../src/actors/dictionary.js';
import { buildResolverIndex, resolveActors } from '../src/actors/resolve.js';
import { attributeQuotes, reportedSpeech, type FoundQuote } from '../src/quotes/index.js';
import { loadTagger } from '../src/quotes/tagger.js';

const annotate = createAnnotator();
const index = buildResolverIndex(loadActorDictionary());
const tagger = loadTagger();

function reported(text: string) {
  const doc = annotate(rawTextArticle(text, { source: 'synthetic' }));
  const res0 = resolveActors(doc, index, { published: '2023-01-01' });
  const { quotes, res } = attributeQuotes(doc, res0);
  const speakerOf = (q: FoundQuote) => (q.speaker >= 0 ? res.actors[q.speaker].name : null);
  return { quotes: reportedSpeech(doc, res, quotes), speakerOf };
}

describe('quotes: user faults, round 3', { skip: tagger ? false : 'models/quotes not installed' }, () => {
  test('the phrase after "told" is the addressee; the name before it speaks', () => {
    const { quotes, speakerOf } = reported('Gas Line\n\nThe new pipeline will carry gas to three provinces by next spring, the company\'s chief engineer, Dr. Helena Marsh, told a trade fair.\n');
    const q = quotes.find((x) => x.text.startsWith('The new pipeline'));
    assert.ok(q, 'the clause is a quote');
    assert.match(speakerOf(q) ?? '', /Marsh/);
    assert.doesNotMatch(q.text, /Marsh/);
  });

  test('a place before the head noun is no speaker; "They" refers to the group', () => {
    const { quotes, speakerOf } = reported('Tariffs\n\nKenyan trade minister Peter Njoroge said the talks had stalled. Several African nations said in a joint statement that the tariff rules were unfair. They warned that they would leave the talks next month.\n');
    const a = quotes.find((x) => /tariff rules were unfair/.test(x.text));
    const b = quotes.find((x) => /leave the talks/.test(x.text));
    assert.ok(a && b);
    assert.match(speakerOf(a) ?? '', /African nations/);
    assert.equal(speakerOf(b), speakerOf(a));
  });

  test('"according to a memo seen by X": X is no speaker', () => {
    const { quotes, speakerOf } = reported('Subsidies\n\nThe ministry will cut fuel subsidies from next year, according to a memo seen by the Daily Courier.\n');
    for (const q of quotes) assert.doesNotMatch(speakerOf(q) ?? '', /Courier/);
  });

  test('a cue verb with a plain object is no quote', () => {
    const { quotes } = reported('Vote\n\nThe board declared Mensah the winner on March 3 with 61 percent of the votes. Ghana sent its envoy back to Lagos after recalling him in June 2021.\n');
    assert.equal(quotes.filter((q) => /winner|him in June/.test(q.text)).length, 0);
  });

  test('scare quotes after a verb that is no cue are no quote', () => {
    const { quotes } = reported('Charities\n\nThe farmers were protesting against a law that would force groups paid by donors abroad to sign up as "hostile networks". The rector said the law was unfair.\n');
    assert.equal(quotes.filter((q) => /hostile networks/.test(q.text)).length, 0);
    assert.ok(quotes.some((q) => /law was unfair/.test(q.text)));
  });

  test('"had said in an interview" is reported', () => {
    const { quotes, speakerOf } = reported('Budget\n\nPrime Minister Lena Holt had said in an interview last week that the budget would not be cut.\n');
    const q = quotes.find((x) => /budget would not be cut/.test(x.text));
    assert.ok(q);
    assert.match(speakerOf(q) ?? '', /Holt/);
  });

  test('"A, X said, as Y warned that B": B is Y\'s', () => {
    const { quotes, speakerOf } = reported('Port\n\nThe port will close for two weeks, the port authority said on Friday, as the dockworkers union warned that the closure would cost hundreds of jobs.\n');
    const q = quotes.find((x) => /closure would cost/.test(x.text));
    assert.ok(q);
    assert.match(speakerOf(q) ?? '', /union/i);
    assert.doesNotMatch(q.text, /^as /);
  });

  test('"The JEM, headed by NAME, said": the JEM speaks', () => {
    const { quotes, speakerOf } = reported('Ceasefire\n\nThe JEM, headed by Gibril Ibrahim, said it welcomed the truce.\n');
    const q = quotes.find((x) => /welcomed the truce/.test(x.text));
    assert.ok(q);
    assert.match(speakerOf(q) ?? '', /JEM/);
  });
});
