/**
 * Truecasing of Title Case headlines (src/nlp/annotate.ts `truecase`): such a sentence is tagged in
 * lower case but for its names, so that its verbs are verbs. Headlines are our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnnotator } from '../src/nlp/annotate.js';
import { rawTextArticle } from '../src/extract/text.js';
import { createPipeline } from '../src/pipeline.js';

const article = (text: string) => rawTextArticle(text, { source: 'test', url: null, title: null });
const pipeline = createPipeline({ noExtract: true, languages: 'any' });

test('a Title Case headline is tagged in lower case; known names, the first word and acronyms keep their capitals; offsets do not move', () => {
  const text = 'Saint Lucia Leader Condemns NATO Strikes in Speech';
  const plain = createAnnotator()(article(text));
  const cased = pipeline.annotate({ source: 't', format: 'text', content: text });
  assert.deepEqual(cased.tokens.map((t) => [t.start, t.end]), plain.tokens.map((t) => [t.start, t.end]));
  assert.equal(cased.text, text);
  assert.deepEqual(cased.tokens.map((t) => t.text), ['Saint', 'Lucia', 'leader', 'condemns', 'NATO', 'strikes', 'in', 'speech']);
  assert.equal(cased.tokens[3].pos, 'VERB');
});

test('a name the article writes with a capital elsewhere keeps it; sentences that are not Title Case are left alone', () => {
  const text = 'Kumgyong Rebels Agree to Disarm After Talks. The Kumgyong faction said on Friday that Talks would go on.';
  const doc = pipeline.annotate({ source: 't', format: 'text', content: text });
  const head = doc.tokens.filter((t) => t.sentence === 0).map((t) => t.text);
  assert.deepEqual(head.slice(0, 3), ['Kumgyong', 'rebels', 'agree']);
  // (no truecasing without a Title Case sentence: every token is its own characters)
  for (const t of doc.tokens.filter((x) => x.sentence === 1)) assert.equal(text.slice(t.start, t.end), t.text);
});

test('a headline\'s verbs code events and its words name no actors ("Threaten Strike", "Condemns")', () => {
  const strike = pipeline.analyze({ source: 't', format: 'text', content: 'Union Workers Threaten Strike if Deal is Not Reached by Midnight' });
  assert.ok(strike.events.some((e) => e.code === '138'), JSON.stringify(strike.events));
  assert.ok(!strike.actors.some((a) => /Threaten|Deal/.test(a.name)), JSON.stringify(strike.actors.map((a) => a.name)));
  const condemn = pipeline.analyze({ source: 't', format: 'text', content: 'Uganda Leader Condemns Human Rights Violations in Speech' });
  assert.ok(condemn.events.some((e) => e.code === '111' && condemn.actors.find((a) => a.id === e.source)?.country === 'UGA'), JSON.stringify(condemn.events));
});

test('a truecased headline stays a headline: its verbs that the tagger still reads as nouns are verbs ("Rebels Return Seized Property")', () => {
  const doc = pipeline.annotate({ source: 't', format: 'text', content: 'Tuareg Rebels Return Seized Property as Part of Peace Accord' });
  assert.equal(doc.sentences[0].headline, true);
  const events = pipeline.analyze({ source: 't', format: 'text', content: 'Tuareg Rebels Return Seized Property as Part of Peace Accord' }).events;
  assert.ok(events.some((e) => e.code === '0842'), JSON.stringify(events.map((e) => e.code)));
  const request = pipeline.analyze({ source: 't', format: 'text', content: "Chad Leader Reportedly Requests Meeting with Sudan's President" }).events;
  assert.ok(request.some((e) => e.code === '026'), JSON.stringify(request.map((e) => e.code)));
});
