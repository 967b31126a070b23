/**
 * Quotes: speaker kinds found among the speaker errors on held-out tenths 0, 3 and 5 of PolNeAR
 * train (issue 6), each fixed as a general rule of English and checked here on short synthetic
 * sentences written for these tests:
 * 1. source phrases that name a group or person though they do not look like a plain noun phrase
 *    (sources.ts): a part of a group ("a number of voters", "79 percent of farmers"), a person
 *    described by age ("the 46-year-old"), a number led by an adverb ("nearly 140 deputies"), the
 *    object of a preposition ("a source close to him"), a clause or a long adjunct after the noun
 *    ("Several people I met", "lawyers with the … Project");
 * 2. "That person said": a determiner, not a relative pronoun (index.ts `sourceActorOf`);
 * 3. "X, who has in the past described …": the cue is the verb of a relative clause; PolNeAR
 *    takes "who" as the source, and its antecedent is the speaker (index.ts `relativeOfCue`);
 * 4. a first-person source outside quotation marks is the writer of the article (sources.ts
 *    `author`);
 * 5. a sentence the splitter cut after "(D-Vt.)" takes its subject from the sentence before
 *    (index.ts `cutAfterName`);
 * 6. a possessive pronoun alone as the source ("his support for …") names whom it refers to
 *    (speaker.ts `speakerOfSource`).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { attributeQuotes } from '../src/quotes/index.js';
import { SourceActors } from '../src/quotes/sources.js';
import { speakerOfSource } from '../src/quotes/speaker.js';
import { phraseSpan, prepareActors } from './helpers.js';

/** The source actor `SourceActors.actorFor` makes of `phrase` in `text`: its name and type, or null. */
function sourceActor(text: string, phrase: string): { name: string; type: string } | null {
  const { doc, res } = prepareActors(text);
  const sources = new SourceActors(doc, res);
  const a = sources.actorFor(phraseSpan(doc, phrase));
  return a < 0 ? null : { name: sources.res.actors[a].name, type: sources.res.actors[a].type };
}

/** The quotes of `text` with the committed tagger: text, speaker name and the speaker mention's text. */
function quotes(text: string) {
  const { doc, res } = prepareActors(text);
  const out = attributeQuotes(doc, res);
  return out.quotes.map((q) => ({
    text: q.text, speaker: q.speaker >= 0 ? out.res.actors[q.speaker].name : null,
    mention: q.speakerMention ? doc.text.slice(q.speakerMention.start, q.speakerMention.end) : null,
  }));
}

describe('source phrases that name a group or a person (sources.ts)', () => {
  test('a part of a group: the group after "of" is the head, not the quantity', () => {
    assert.deepEqual(sourceActor('A number of attendees said the hall was too small.', 'A number of attendees'), { name: 'number of attendees', type: 'group' });
    assert.deepEqual(sourceActor('Only 79 percent of respondents said they would strike.', 'Only 79 percent of respondents'), { name: 'Only 79 percent of respondents', type: 'group' });
    assert.deepEqual(sourceActor('Only 79 percent said they would strike.', 'Only 79 percent'), { name: 'Only 79 percent', type: 'group' }, 'a bare share is a group of its own (issue 6)');
  });

  test('a person described by age', () => {
    assert.deepEqual(sourceActor('The 46-year-old said the mine should stay open.', 'The 46-year-old'), { name: '46-year-old', type: 'person' });
  });

  test('a number led by an adverb', () => {
    assert.equal(sourceActor('Nearly 140 deputies signed a letter opposing the tax.', 'Nearly 140 deputies')?.type, 'group');
  });

  test('a pronoun as the object of a preposition is no clause', () => {
    assert.deepEqual(sourceActor('A source close to him said the minister would resign.', 'A source close to him'), { name: 'source close to him', type: 'person' });
  });

  test('a clause after the noun, and a long adjunct, are cut off', () => {
    assert.deepEqual(sourceActor('Several people I have met in the valley said the dam was unsafe.', 'Several people I have met in the valley'), { name: 'Several people', type: 'group' });
    assert.deepEqual(sourceActor('Lawyers with the Riverside Tenant Legal Aid Support Project said the rents were illegal.', 'Lawyers with the Riverside Tenant Legal Aid Support Project'),
      { name: 'Lawyers', type: 'group' });
  });
});

describe('speakers of the tagger\'s attributions (index.ts)', () => {
  test('"That person said": a noun phrase, not a relative pronoun', () => {
    const [q] = quotes('The mayor has not decided yet. That person said the decision would come in May.');
    assert.equal(q?.text, 'the decision would come in May');
    assert.equal(q?.speaker, 'That person');
  });

  test('"X, who has in the past described …": "who" is the source, X the speaker', () => {
    const q = quotes('Marta Ruiz, who has in the past described the tax as a gift to landlords, spoke on Monday.').find((x) => x.text.includes('landlords'));
    assert.ok(q, 'the attribution is found');
    assert.equal(q.speaker, 'Marta Ruiz');
    assert.equal(q.mention, 'who');
  });

  test('"I think …" outside quotation marks: the writer of the article', () => {
    const q = quotes('The council met on Monday to discuss the budget.\n\nI think the new budget will hurt the poorest families.').find((x) => x.text.includes('hurt'));
    assert.ok(q, 'the attribution is found');
    assert.equal(q.speaker, 'the author');
    assert.equal(q.mention, 'I');
  });

  test('a sentence cut after "(D-Vt.)" takes its subject from the sentence before', () => {
    const q = quotes('Sen. Anna Berg (D-Vt.) defended her call to raise the minimum wage to $15 an hour.').find((x) => x.text.includes('minimum wage'));
    assert.ok(q, 'the attribution is found');
    assert.equal(q.speaker, 'Anna Berg');
  });
});

describe('a possessive pronoun as the source (speaker.ts)', () => {
  test('"his" alone resolves like "he"', () => {
    const { doc, res } = prepareActors('Donald Trump spoke in Ohio on Monday. He repeated his call for a wall on the border.');
    const his = phraseSpan(doc, 'his');
    const p = speakerOfSource(doc, res, his, new Uint8Array(doc.tokens.length), []);
    assert.ok(p.speaker >= 0, 'a speaker');
    assert.equal(res.actors[p.speaker].name, 'Donald Trump');
    assert.deepEqual(p.mention, his);
  });
});

