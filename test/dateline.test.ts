/**
 * Wire datelines ("NAIROBI, June 25 --", "MOSCOW (Reuters) -") are sentences of their own
 * (src/nlp/annotate.ts `datelineEnd`): the place and date of the report are no part of the lead's
 * clause, so they neither take its events nor date them. Sentences are our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnnotator } from '../src/nlp/annotate.js';
import { rawTextArticle } from '../src/extract/text.js';
import { createPipeline } from '../src/pipeline.js';

const annotate = createAnnotator();
const sentences = (text: string) => {
  const doc = annotate(rawTextArticle(text, { source: 't', url: null, title: null }));
  return doc.sentences.map((s) => doc.text.slice(s.start, s.end));
};

test('a dateline opening a paragraph is its own sentence; a dash inside a sentence or a word is not', () => {
  assert.deepEqual(sentences('NAIROBI, June 25 -- Police fired tear gas at protesters.'), ['NAIROBI, June 25 --', 'Police fired tear gas at protesters.']);
  assert.deepEqual(sentences('MOSCOW (Reuters) - Russia said it shot down six drones.'), ['MOSCOW (Reuters) -', 'Russia said it shot down six drones.']);
  assert.deepEqual(sentences('KYIV, Ukraine — Russian forces shelled Kharkiv overnight.'), ['KYIV, Ukraine —', 'Russian forces shelled Kharkiv overnight.']);
  assert.deepEqual(sentences('NATO - the alliance - met in Brussels.'), ['NATO - the alliance - met in Brussels.']);
  assert.deepEqual(sentences('UN-backed talks began in Geneva.'), ['UN-backed talks began in Geneva.']);
  assert.deepEqual(sentences('Police fired tear gas -- and then water cannon.'), ['Police fired tear gas -- and then water cannon.']);
  // a place whose name holds hyphens, with its country, date and agency
  assert.deepEqual(sentences('PORT-AU-PRINCE, Haiti, June 12 (Wire) -- Gangs attacked a police station.'), ['PORT-AU-PRINCE, Haiti, June 12 (Wire) --', 'Gangs attacked a police station.']);
});

test('an indirect quote after a dateline with a hyphenated place starts after the dateline, not inside the place\'s name', () => {
  const pipe = createPipeline({ noExtract: true });
  const doc = pipe.analyze({ source: 't', format: 'text', published: '2025-06-12', content: 'FORT-DE-FRANCE, Martinique, June 12 (Wire) -- Police arrested two smugglers on Tuesday, officials said.' });
  const q = doc.quotes.find((x) => x.cue === 'said');
  assert.ok(q && q.text.startsWith('Police arrested'), JSON.stringify(doc.quotes));
});

test('the dateline neither takes the lead\'s event nor dates it', () => {
  const pipe = createPipeline({ noExtract: true });
  const doc = pipe.analyze({ source: 't', format: 'text', published: '2023-06-12', content:
    'JEDDAH, Saudi Arabia, June 12 -- Sudan\'s army and the Rapid Support Forces agreed on Sunday to a ceasefire, Saudi Arabia and the United States said.' });
  const name = (id: string | null) => doc.actors.find((a) => a.id === id)?.name;
  const cease = doc.events.filter((e) => e.code === '0871');
  assert.ok(cease.length >= 1, JSON.stringify(doc.events.map((e) => e.code)));
  for (const e of cease) {
    assert.ok(![name(e.source), name(e.target)].includes('Saudi Arabia'), JSON.stringify(cease.map((x) => [name(x.source), name(x.target)])));
    assert.equal(e.date, '2023-06-11', 'Sunday before the publication date, not the dateline\'s day');
  }
});

test('a dateline names no actor: neither its agency nor its city', () => {
  const pipe = createPipeline({ noExtract: true });
  const doc = pipe.analyze({ source: 't', format: 'text', published: '2024-05-14', content: 'BAKU, May 14 (Reuters) -- The European Union imposed sanctions on Belarus on Monday.' });
  assert.deepEqual(doc.actors.map((a) => a.name).sort(), ['Belarus', 'European Union']);
  // the same agency in the story is an actor
  const story = pipe.analyze({ source: 't', format: 'text', published: '2024-05-14', content: 'Reuters reported that the European Union imposed sanctions.' });
  assert.ok(story.actors.some((a) => a.name === 'Reuters'));
});

test('an unnamed street-level domestic agent or "the government" takes the dateline\'s country; the military, diplomats, lawmakers and named people do not', () => {
  const pipe = createPipeline({ noExtract: true });
  const doc = pipe.analyze({ source: 't', format: 'text', published: '2023-08-25', content:
    'HARARE, Aug. 25 (Wire) -- Police detained three journalists on Saturday. Government spokesman Nick Mangwana said soldiers were on standby. ' +
    'The government said protesters had blocked roads. Diplomats said lawmakers would meet. Foreign Minister Ana Ortega arrived on Friday.' });
  const code = (name: string) => doc.actors.find((a) => a.name.toLowerCase() === name)?.code;
  assert.equal(code('police'), 'ZWECOP');
  assert.equal(code('government'), 'ZWEGOV');
  assert.equal(code('protesters'), 'ZWECVLOPP');
  // the spokesman of that government serves its state; a named official with no country of his own
  // may be a visitor ("Prime Minister Pedro Sanchez visited Beijing"): no country guessed
  assert.equal(code('nick mangwana'), 'ZWEGOV');
  assert.equal(code('ana ortega'), 'GOV');
  assert.equal(code('soldiers'), 'MIL');
  assert.equal(code('diplomats'), 'GOV');
  assert.equal(code('lawmakers'), 'LEG');
  // with no dateline nothing is placed
  const bare = pipe.analyze({ source: 't', format: 'text', published: '2023-08-25', content: 'Police detained three journalists on Saturday.' });
  assert.equal(bare.actors.find((a) => a.name === 'Police')?.code, 'COP');
});

test('placed by the dateline, "Police" and "Zimbabwean police" are one actor', () => {
  const pipe = createPipeline({ noExtract: true });
  const doc = pipe.analyze({ source: 't', format: 'text', published: '2023-08-25', content:
    'HARARE, Aug. 25 (Wire) -- Police detained three journalists on Saturday. Zimbabwean police said the journalists had no accreditation.' });
  const police = doc.actors.filter((a) => a.code === 'ZWECOP');
  assert.equal(police.length, 1, JSON.stringify(doc.actors.map((a) => [a.name, a.code])));
  assert.equal(police[0].mentions.length, 2);
});
