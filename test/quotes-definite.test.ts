/**
 * Quotes: a definite description as the source ("the group said", "the ministry said", "the
 * newspaper reported", "the company said") is the organization of that kind named before it in the
 * article (speaker.ts `definiteAntecedent`), not a new actor "group". A first-time user's report;
 * the sentences are synthetic, written for these tests.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { attributeQuotes } from '../src/quotes/index.js';
import { definiteAntecedent } from '../src/quotes/speaker.js';
import { phraseSpan, prepareActors } from './helpers.js';

const prepare = (text: string) => prepareActors(text);

/** The speaker's name of the quote whose text holds `part`, or null (no speaker); fails when no quote holds it. */
function speakerOf(text: string, part: string, model?: null): string | null {
  const { doc, res } = prepare(text);
  const out = attributeQuotes(doc, res, model === null ? { model: null } : {});
  const q = out.quotes.find((x) => x.text.includes(part));
  assert.ok(q, `a quote holding "${part}" in ${JSON.stringify(out.quotes.map((x) => x.text))}`);
  return q.speaker >= 0 ? out.res.actors[q.speaker].name : null;
}


describe('definite descriptions as speakers', () => {
  test('"the group said" after an armed group is that group, not a new actor "group"', () => {
    const text = 'Hezbollah fighters fired rockets at a border post on Tuesday. ' +
      'The strike answered the killing of a commander, the group said in a statement.';
    assert.equal(speakerOf(text, 'killing of a commander'), 'Hezbollah');
    const { res } = prepare(text);
    const out = attributeQuotes(prepare(text).doc, res);
    assert.ok(!out.res.actors.some((a) => a.name.toLowerCase() === 'group'), 'no actor "group"');
  });

  test('a direct quote with "the group said" after a quotation', () => {
    const text = 'Hamas fired rockets at Israel on Monday. Israel\'s Foreign Ministry condemned the attack. ' +
      '"We will continue the fight," the group said.';
    assert.equal(speakerOf(text, 'continue the fight'), 'Hamas');
  });

  test('"the rights group" is the advocacy group named before, the nearest compatible one', () => {
    const text = 'The Taliban seized a district in Helmand province. Amnesty International condemned the killings on Sunday. ' +
      'The rights group said it had documented twelve deaths.';
    assert.equal(speakerOf(text, 'documented twelve deaths'), 'Amnesty International');
  });

  test('"the ministry said" is the ministry named before', () => {
    const text = 'The Russian Defence Ministry reported heavy fighting near Bakhmut. Ukrainian troops lost two tanks, the ministry said.';
    assert.equal(speakerOf(text, 'lost two tanks'), 'Russian Defence Ministry');
  });

  test('"the newspaper reported" is the outlet, "the company said" the firm', () => {
    assert.equal(speakerOf('The New York Times published the memo on Monday. The newspaper reported that the senator had known about the payments.',
      'known about the payments'), 'New York Times');
    assert.equal(speakerOf('Northwind Energy Corp. opened a refinery in Texas. The company said output would double by spring.',
      'output would double'), 'Northwind Energy Corp.');
  });

  test('the same with the rules alone (no tagger)', () => {
    assert.equal(speakerOf('The Russian Defence Ministry reported heavy fighting near Bakhmut. "Two tanks were lost," the ministry said.',
      'Two tanks were lost', null), 'Russian Defence Ministry');
  });

  test('no compatible organization before: the description stays its own speaker', () => {
    // a person and a state are no group; an armed group is no newspaper
    assert.equal(speakerOf('Senator Mary Hale visited Kyiv on Monday. The group said the visit was a mistake.', 'visit was a mistake'), 'group');
    assert.equal(speakerOf('Hezbollah fighters fired rockets at a border post. The newspaper said the attack was planned for weeks.',
      'planned for weeks'), 'newspaper');
  });

  test('definiteAntecedent: shapes it reads and refuses', () => {
    const { doc, res } = prepare('Hezbollah fighters fired rockets at a border post. The group said the strike was a reply. ' +
      'The group\'s leader said more would follow. A group of farmers said the fields burned.');
    const quoted = new Uint8Array(doc.tokens.length);
    const hezbollah = res.actors.findIndex((a) => a.name === 'Hezbollah');
    assert.ok(hezbollah >= 0);
    const first = doc.text.indexOf('The group said');
    const s = doc.tokens.findIndex((t) => t.start === first);
    assert.equal(definiteAntecedent(doc, res, { start: s, end: s + 2 }, quoted), hezbollah);
    // "the group's leader" (the head is elsewhere) and "a group of farmers" (indefinite) are not
    assert.equal(definiteAntecedent(doc, res, phraseSpan(doc, 'The group', true), quoted), -1);
    assert.equal(definiteAntecedent(doc, res, phraseSpan(doc, 'A group', true), quoted), -1);
  });
});
