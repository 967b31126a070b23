/**
 * Quotes: speaker kinds found among the speaker errors on held-out tenths of PolNeAR train, each
 * fixed as a general rule and checked here on short synthetic sentences written for these tests:
 * 1. one person, one actor: a title, abbreviated title, honorific or stray word the name finder
 *    read with a name ("Secretary Clinton", "Gov. Chris Christie", "Until Mr. Christie") joins the
 *    person named in full (src/actors/resolve.ts), so that "Mrs. Clinton" and "he" find that person;
 * 2. an honorific and a capitalised word are a person, whatever the word's part of speech ("Mr.
 *    Welch", sources.ts);
 * 3. a poll or document with its author named speaks for the author ("the Monmouth poll", "a
 *    Harbor Times article", "Mr. Welch's book"; sources.ts); one with no author names no one;
 * 4. "…, according to X." at a sentence's end makes the clause before it X's (rules.ts
 *    trailingAttributions);
 * 5. an unresolved pronoun source does not block a later pronoun from the actor named before
 *    (speaker.ts recordSource).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { attributeQuotes, cueVerbs } from '../src/quotes/index.js';
import { SourceActors } from '../src/quotes/sources.js';
import { trailingAttributions } from '../src/quotes/rules.js';
import { recordSource, resolvePronoun, type SpeakerHistory } from '../src/quotes/speaker.js';
import { phraseSpan, prepareActors } from './helpers.js';

const prepare = (text: string) => prepareActors(text);


describe('one person, one actor (resolve.ts)', () => {
  test('a title before a surname joins the person named in full, and so does the honorific + surname', () => {
    const { doc, res } = prepare('Hillary Clinton campaigned in Ohio on Monday. Secretary Clinton told voters that wages would rise. ' +
      'Mrs. Clinton also visited a steel plant.');
    const people = res.actors.filter((a) => a.type === 'person');
    assert.deepEqual(people.map((a) => a.name), ['Hillary Clinton']);
    const at = (phrase: string) => res.actorAtToken[phraseSpan(doc, phrase).end - 1];
    assert.equal(at('Secretary Clinton'), at('Hillary Clinton'));
    assert.equal(at('Mrs. Clinton'), at('Hillary Clinton'));
  });

  test('an abbreviated title and a stray sentence word are no part of the name', () => {
    const { res } = prepare('Gov. Chris Christie opened a bridge in Trenton. Until Mr. Christie spoke, the crowd was silent. ' +
      'Christie said the state would pay for repairs.');
    const people = res.actors.filter((a) => a.type === 'person');
    assert.equal(people.length, 1, people.map((a) => a.name).join(', '));
    assert.equal(people[0].name, 'Chris Christie');
    assert.deepEqual(people[0].mentions.map((m) => m.text), ['Chris Christie', 'Christie', 'Christie']);
  });

  test('two people who share a surname stay two actors', () => {
    const { res } = prepare('Anna Brandt and Paul Brandt opened a bakery in Leipzig. Senator Brandt praised the bakers.');
    const names = res.actors.filter((a) => a.type === 'person').map((a) => a.name).sort();
    assert.ok(names.includes('Anna Brandt') && names.includes('Paul Brandt'), names.join(', '));
  });

  test('quotes of the person under each name have one speaker', () => {
    const { doc, res } = prepare('Gov. Chris Christie opened a bridge in Trenton on Monday. "It will carry ten thousand cars a day," ' +
      'Christie said. Until Mr. Christie spoke, the crowd was silent.');
    const found = attributeQuotes(doc, res, { model: null });
    const q = found.quotes.find((x) => x.text.startsWith('It will carry'));
    assert.ok(q && q.speaker >= 0, 'the quote has a speaker');
    assert.equal(found.res.actors[q.speaker].name, 'Chris Christie');
  });
});

describe('source actors (sources.ts)', () => {
  test('an honorific and a capitalised word are a person even when the word is tagged as a verb', () => {
    const { doc, res } = prepare('"The budget will pass this year," Mr. Welch said.');
    const s = phraseSpan(doc, 'Mr. Welch');
    const sources = new SourceActors(doc, res);
    const a = sources.actorFor(s);
    assert.ok(a >= 0);
    assert.equal(sources.res.actors[a].name, 'Welch');
    assert.equal(sources.res.actors[a].type, 'person');
  });

  test('a poll or document speaks for the author it names', () => {
    const { doc, res } = prepare('The Monmouth poll found that Ortega leads among farmers. A Harbor Times article said the port would close. ' +
      'A new poll found that wages rose.');
    const sources = new SourceActors(doc, res);
    const poll = sources.actorFor(phraseSpan(doc, 'The Monmouth poll'));
    assert.ok(poll >= 0);
    assert.equal(sources.res.actors[poll].name, 'Monmouth');
    assert.equal(sources.res.actors[poll].type, 'organization');
    assert.equal(sources.res.actors[poll].mentions[0].text, 'The Monmouth poll');
    const article = sources.actorFor(phraseSpan(doc, 'A Harbor Times article'));
    assert.ok(article >= 0);
    assert.equal(sources.res.actors[article].name, 'Harbor Times');
    const unnamed = sources.actorFor(phraseSpan(doc, 'A new poll'));
    assert.equal(sources.res.actors[unnamed]?.name, 'new poll', 'a poll with no author is the speaker itself (issue 6)');
  });

  test('a Title Case headline\'s poll names no author; a book of a named person is that person\'s', () => {
    const { doc, res } = prepare('New Poll Shows Large Lead For Ortega\n\nMarta Welch wrote about the strike. Ms. Welch\'s book describes the strike in detail.');
    const sources = new SourceActors(doc, res);
    const poll = sources.actorFor(phraseSpan(doc, 'New Poll'));
    assert.equal(sources.res.actors[poll]?.name, 'New Poll', 'the poll itself, not an author "New"');
    const book = sources.actorFor(phraseSpan(doc, 'Ms. Welch\'s book'));
    assert.ok(book >= 0);
    assert.equal(sources.res.actors[book].name, 'Marta Welch');
  });
});

describe('"…, according to X." (rules.ts trailingAttributions)', () => {
  test('the clause before the comma is the content, the phrase after "to" the source', () => {
    const { doc } = prepare('Senator Ana Ortega drew strong support among farmers and teachers, according to exit polls.');
    const quoted = new Uint8Array(doc.tokens.length);
    const [t] = trailingAttributions(doc, quoted, cueVerbs());
    assert.ok(t, 'one trailing attribution');
    const slice = (r: { start: number; end: number }) => doc.text.slice(doc.tokens[r.start].start, doc.tokens[r.end - 1].end);
    assert.equal(slice(t.content), 'Senator Ana Ortega drew strong support among farmers and teachers');
    assert.equal(slice(t.source), 'exit polls');
    assert.equal(doc.tokens[t.cue].text, 'according');
  });

  test('a relative clause after the source is cut off', () => {
    const { doc } = prepare('The deficit grew by a third in the spring, according to Republicans who reviewed the figures.');
    const [t] = trailingAttributions(doc, new Uint8Array(doc.tokens.length), cueVerbs());
    assert.ok(t);
    assert.equal(doc.text.slice(doc.tokens[t.source.start].start, doc.tokens[t.source.end - 1].end), 'Republicans');
  });

  test('"according to" with a clause after it is no sentence-final attribution', () => {
    const { doc } = prepare('The deficit grew by a third in the spring, according to the figures that the ministry published last week.');
    assert.equal(trailingAttributions(doc, new Uint8Array(doc.tokens.length), cueVerbs()).length, 0);
  });
});

describe('pronouns after an unresolved pronoun source (speaker.ts recordSource)', () => {
  test('an unresolved pronoun is not recorded, so a later pronoun still finds the actor named before', () => {
    const { doc, res } = prepare('Ana Ortega opened the new plant on Monday. She was pleased, and she said the plant would hire workers.');
    const quoted = new Uint8Array(doc.tokens.length);
    const first = phraseSpan(doc, 'She');
    const second = phraseSpan(doc, 'she');
    const history: SpeakerHistory = [];
    recordSource(doc, history, first, -1);
    assert.equal(history.length, 0);
    const p = resolvePronoun(doc, res, second.start, quoted, history);
    assert.ok(p.speaker >= 0);
    assert.equal(res.actors[p.speaker].name, 'Ana Ortega');
  });

  test('a source that is no actor is recorded and blocks the pronoun', () => {
    const { doc, res } = prepare('Ana Ortega opened the new plant on Monday. The shopkeeper was pleased, and he said the plant would hire workers.');
    const history: SpeakerHistory = [];
    recordSource(doc, history, phraseSpan(doc, 'The shopkeeper'), -1);
    assert.equal(history.length, 1);
    const p = resolvePronoun(doc, res, phraseSpan(doc, 'he').start, new Uint8Array(doc.tokens.length), history);
    assert.equal(p.speaker, -1);
  });
});

test('a new person introduced as the subject right before "He said" is the speaker, not the one quoted earlier', async () => {
  const { createPipeline } = await import('../src/pipeline.js');
  const pipe = createPipeline({ noExtract: true });
  const doc = pipe.analyze({ source: 't', format: 'text', published: '2024-08-08', content:
    '"Beijing is testing Manila," said Marta Delgado, a senior fellow at a Sydney institute.\n\nChen Wei-lin, a professor in Taipei, was more cautious. He said China would avoid direct military action this year.' });
  const q = doc.quotes.find((x) => x.text.includes('avoid direct military action'));
  assert.ok(q, JSON.stringify(doc.quotes.map((x) => x.text)));
  assert.match(doc.actors.find((a) => a.id === q.speaker)?.name ?? '', /^Chen Wei/);
});

test('a body named before a title and its holder modifies the holder: "UN Secretary-General Antonio Guterres said" is Guterres', async () => {
  const { createPipeline } = await import('../src/pipeline.js');
  const pipe = createPipeline({ noExtract: true });
  for (const content of ['UN Secretary-General Antonio Guterres said he was deeply disappointed by the veto.', 'Army chief General Abdel Fattah al-Burhan said the army would respect the truce.']) {
    const doc = pipe.analyze({ source: 't', format: 'text', published: '2024-06-25', content });
    const q = doc.quotes[0];
    assert.ok(q, `no quote: ${content}`);
    assert.equal(doc.actors.find((a) => a.id === q.speaker)?.type, 'person', content);
  }
});
