/**
 * Quotes: a fourth round of faults a first-time user met, each fixed as a kind (src/quotes) and
 * checked on short synthetic sentences written for these tests (the default finder: tagger +
 * rules when models/quotes is installed; the reported quotes, `reportedSpeech`):
 * 1. "…, a charge X denied": the clause before is the charge, no quote of X (index.ts `allegationRelative`);
 * 2. "agreed to <verb>" is an act, no reported speech; "vowed to" stays (index.ts `COMMITMENT_ACT`);
 * 3. an indirect content the tagger stopped inside its clause runs on to the clause's end (index.ts `throughClause`);
 * 4. "…, the Indonesian military said": the military, not the state (the actor resolver; a guard);
 * 5. a three-word clause with its subject ("Nairobi would retaliate") is reported;
 * 6. "denied that X was involved and accused Y …": the content ends before the speaker's own act (index.ts `withoutOwnAction`);
 * 7. the reason given for anonymity is no quote;
 * 8. "its Turkish owner said": the owner, not Türkiye (sources.ts `actorFor`);
 * 9. "the Council said in a statement carried by …": the participle is no part of the cue, and
 *    "the Council" is the short form of the body named before (speaker.ts `shortNameAntecedent`);
 * 10. "…, it added." after "consultancy Dryad Global said …": the firm, though the resolver typed it a person;
 * 11. "Brazil's ambassador to the European Union, Pedro Costa, said": the person in apposition.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadTagger } from '../src/quotes/tagger.js';
import { reportedText } from './helpers.js';

const tagger = loadTagger();

/** The quotes of a synthetic text as the pipeline reports them (test/helpers.ts reportedText). */
const reported = (text: string) => reportedText(text, { published: '2025-06-18' });

describe('quotes: user faults, round 4', { skip: tagger ? false : 'models/quotes not installed' }, () => {
  test('"…, a charge X denied" reports nothing of X', () => {
    const { quotes } = reported('Bolivia accused Paraguay on Monday of sending armed police across the border, a charge Asuncion has denied.\n');
    for (const q of quotes) assert.notEqual(q.cue, 'denied', q.text);
    assert.ok(!quotes.some((q) => /sending armed police/.test(q.text) && q.cue === 'denied'));
  });

  test('"agreed to <verb>" is an act; "vowed to" is still reported', () => {
    const a = reported('Mensah and Okoro agreed to set up a joint committee on the fishing dispute.\n');
    assert.ok(!a.quotes.some((q) => /joint committee/.test(q.text)), JSON.stringify(a.quotes.map((q) => q.text)));
    const b = reported('Okoro vowed to protect the fishing fleet from foreign trawlers.\n');
    assert.ok(b.quotes.some((q) => /protect the fishing fleet/.test(q.text)));
  });

  test('an indirect content runs to the end of its clause', () => {
    const { quotes } = reported('Mensah said Ghana would continue to rely on the African Union to resolve the row.\n');
    const q = quotes.find((x) => x.text.startsWith('Ghana would continue'));
    assert.ok(q);
    assert.equal(q.text, 'Ghana would continue to rely on the African Union to resolve the row');
  });

  test('"the Indonesian military said": the military speaks', () => {
    const { quotes, speakerOf } = reported('Two fishing boats sank after a collision near the port, killing three sailors, the Indonesian military said.\n');
    const q = quotes.find((x) => /fishing boats sank/.test(x.text));
    assert.ok(q);
    assert.match(speakerOf(q) ?? '', /military/i);
  });

  test('a three-word clause with its subject is reported', () => {
    const { quotes, speakerOf } = reported('Kenyan Trade Minister Rebecca Miano condemned the tariff as "economic sabotage" and said Nairobi would retaliate.\n');
    const q = quotes.find((x) => x.text === 'Nairobi would retaliate');
    assert.ok(q, JSON.stringify(quotes.map((x) => x.text)));
    assert.equal(speakerOf(q), 'Rebecca Miano');
    assert.equal(q.kind, 'indirect');
  });

  test('a denial ends before the speaker\'s conjoined act', () => {
    const { quotes } = reported('Interior Minister Lena Vasko denied that her ministry was involved and accused the opposition of staging the attack.\n');
    const q = quotes.find((x) => x.cue === 'denied');
    assert.ok(q);
    assert.equal(q.text, 'that her ministry was involved');
  });

  test('the reason for anonymity is no quote', () => {
    const { quotes } = reported('The army has also promised to withdraw from the capital, three officers said, speaking on condition of anonymity because they were not authorized to speak to the media.\n');
    assert.ok(quotes.some((q) => /withdraw from the capital/.test(q.text)));
    assert.ok(!quotes.some((q) => /not authorized|anonymity/.test(q.text)), JSON.stringify(quotes.map((q) => q.text)));
  });

  test('"its Turkish owner said": the owner, not the state', () => {
    const { quotes, speakerOf } = reported('The freighter ran aground off the coast with 14 crew members on board, its Turkish owner said.\n');
    const q = quotes.find((x) => /ran aground/.test(x.text));
    assert.ok(q);
    assert.ok(speakerOf(q));
    assert.doesNotMatch(speakerOf(q) ?? '', /Türkiye|Turkey/);
    assert.match(speakerOf(q) ?? '', /owner/);
  });

  test('"the Council said in a statement carried by …": a speaker, the body named before', () => {
    const a = reported('"The port is now secure," the Council said in a statement carried by the Saba news agency.\n');
    const qa = a.quotes.find((x) => /port is now secure/.test(x.text));
    assert.ok(qa);
    assert.ok(a.speakerOf(qa), 'the statement\'s participle leaves the speaker');
    const b = reported('Yemen\'s Southern Transitional Council seized the port on Monday. "The port is now secure," the Council said in a statement carried by the Saba news agency.\n');
    const qb = b.quotes.find((x) => /port is now secure/.test(x.text));
    assert.ok(qb);
    assert.equal(b.speakerOf(qb), 'Southern Transitional Council');
  });

  test('"it added" after a firm the resolver typed a person: the firm', () => {
    const { quotes, speakerOf } = reported('Egypt\'s foreign ministry condemned the attack on Sunday. Maritime risk consultancy Dryad Global said the attack was the second this month. Premiums could rise for Red Sea voyages if the attacks continued, it added.\n');
    const q = quotes.find((x) => /Premiums could rise/.test(x.text));
    assert.ok(q);
    assert.equal(speakerOf(q), 'Dryad Global');
  });

  test('the person in apposition after a title with a body speaks', () => {
    const { quotes, speakerOf } = reported('Brazil\'s ambassador to the European Union, Pedro Costa, said the tariff was unjust.\n');
    const q = quotes.find((x) => /tariff was unjust/.test(x.text));
    assert.ok(q);
    assert.equal(speakerOf(q), 'Pedro Costa');
  });
});
