/**
 * Quotes: attribution faults a second first-time user met (issue 6), each fixed as a kind
 * (src/quotes), checked on short synthetic sentences written for these tests with the default
 * finder (tagger + rules, when models/quotes is installed):
 * 1. a second attribution after "though"/"but" in the same sentence has its own speaker;
 * 2. a possessor and a noun ("Berg's family") is a source of its own, not the possessor;
 * 3. a title with "of" between a state and a person ("Russian Minister of Foreign Affairs X"):
 *    the person speaks;
 * 4. a cue in a reduced relative ("rules announced by …") or with an object that names no content
 *    ("recalled its ambassador", "claimed responsibility") introduces no quote;
 * 5. an indirect quote stops before the speaker's own conjoined act ("… could shut the ports, and
 *    ordered the navy …"), which is an attribution of its own.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rawTextArticle } from '../src/extract/text.js';
import { createAnnotator } from '../src/nlp/annotate.js';
import { loadActorDictionary } from '../src/actors/dictionary.js';
import { buildResolverIndex, resolveActors } from '../src/actors/resolve.js';
import { attributeQuotes, cueVerbs } from '../src/quotes/index.js';
import { trailingAttributions } from '../src/quotes/rules.js';
import { loadTagger } from '../src/quotes/tagger.js';

const annotate = createAnnotator();
const index = buildResolverIndex(loadActorDictionary());
const tagger = loadTagger();

/** The quotes of `text`: text, cue, speaker name and type. */
function quotes(text: string, published = '2023-01-01') {
  const doc = annotate(rawTextArticle(text, { source: 'synthetic' }));
  const res0 = resolveActors(doc, index, { published });
  const { quotes: found, res } = attributeQuotes(doc, res0);
  return found.map((q) => ({ text: q.text, cue: q.cue, speaker: q.speaker >= 0 ? res.actors[q.speaker].name : null, type: q.speaker >= 0 ? res.actors[q.speaker].type : null }));
}

describe('second user faults (issue 6)', () => {
  test('rules: "A, X said, though Y said B." gives B to Y, not to X', () => {
    const text = 'Troops did not fire on the crowd, an army spokesman said, though the Helsinki Committee said at least five marchers were hurt.';
    const doc = annotate(rawTextArticle(text, { source: 'synthetic' }));
    const spans = trailingAttributions(doc, new Uint8Array(doc.tokens.length), cueVerbs());
    const span = (r: { start: number; end: number }) => text.slice(doc.tokens[r.start].start, doc.tokens[r.end - 1].end);
    assert.deepEqual(spans.map((t) => [span(t.content), span(t.source), t.rest ? span(t.rest) : null]), [
      ['Troops did not fire on the crowd', 'an army spokesman', null],
      ['at least five marchers were hurt', 'the Helsinki Committee', null],
    ]);
  });

  test('"though Y said B": B is Y\'s quote', () => {
    const qs = quotes('Troops did not fire on the crowd, an army spokesman said, though the Helsinki Committee said at least five marchers were hurt.');
    const hurt = qs.find((q) => q.text.includes('marchers were hurt'));
    assert.equal(hurt?.speaker, 'Helsinki Committee');
    assert.ok(!qs.some((q) => q.speaker === 'army spokesman' && q.text.includes('marchers')), JSON.stringify(qs));
  });

  test('"Berg\'s family said": the family is the speaker, a group of its own', () => {
    const qs = quotes('Anna Berg was released on Friday. Berg\'s family said in a statement that they were relieved.');
    const q = qs.find((x) => x.text.includes('relieved'));
    assert.equal(q?.speaker, 'Anna Berg\'s family');
    assert.equal(q?.type, 'group');
  });

  test('a title with "of" between the state and the person: the person speaks', () => {
    const qs = quotes('Russian Minister of Foreign Affairs Sergei Lavrov said the talks would resume in Geneva.');
    assert.equal(qs.find((q) => q.text.includes('talks would resume'))?.speaker, 'Sergei Lavrov');
  });

  test('a cue in a reduced relative, or with an object that names no content, introduces no quote', { skip: !tagger && 'no models/quotes' }, () => {
    const qs = quotes('Chile recalled its ambassador from Lima on Tuesday. The rebels claimed responsibility for the bombing in a video. ' +
      'The fines follow rules announced by the European Commission in May.');
    assert.deepEqual(qs.filter((q) => /^(?:recalled|claimed|announced)$/.test(q.cue ?? '')), []);
  });

  test('a reduced relative introduces no quote also when the tagger takes the clause before it as the content', { skip: !tagger && 'no models/quotes' }, () => {
    const qs = quotes('The new listings follow measures announced by Canada and Japan in May.');
    assert.deepEqual(qs.filter((q) => q.cue === 'announced'), []);
  });

  test('an indirect quote stops before the speaker\'s own conjoined act, an attribution of its own', { skip: !tagger && 'no models/quotes' }, () => {
    const qs = quotes('Spanish Prime Minister Ana Ruiz warned that the strike could shut the ports, and ordered the navy to stand by.');
    const warned = qs.find((q) => q.cue === 'warned');
    assert.equal(warned?.text, 'that the strike could shut the ports');
    const ordered = qs.find((q) => q.cue === 'ordered');
    assert.equal(ordered?.text, 'the navy to stand by');
    assert.equal(ordered?.speaker, 'Ana Ruiz');
  });
});
