/**
 * PLOVER classifier, model version 3 additions: the headline-case feature (src/nlp/title-case.ts
 * `isTitleCaseText`, src/events/classifier.ts `features`) and the classifier that the pipeline's probabilities come from
 * (src/events/confidence.ts `useEventClassifier`, per-model cache of `ploverProbabilities`).
 * Sentences are made up for these tests.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { features, loadEventClassifier, SoftmaxTrainer, type EventClassifier } from '../src/events/classifier.js';
import { isTitleCaseText as isTitleCase } from '../src/nlp/title-case.js';
import { ploverProbabilities, useEventClassifier } from '../src/events/confidence.js';

test('isTitleCase tells a headline from a body sentence', () => {
  assert.equal(isTitleCase('Rebels Storm Border Post in Northern Province'), true);
  assert.equal(isTitleCase('Coastal Town Rejects Offer of Talks'), true);
  assert.equal(isTitleCase('Rebels stormed a border post in the northern province on Sunday.'), false);
  assert.equal(isTitleCase('The mayor of Springfield met the governor of Shelbyville in the town hall on Tuesday.'), false);
  // too few long words to tell
  assert.equal(isTitleCase('Talks'), false);
  assert.equal(isTitleCase(''), false);
});

test('a headline fires shape=title, crossed with its lexicon types; a body sentence does not', () => {
  const lex = new Map([['storm', ['ASSAULT']]]);
  const head = features('Rebels Storm Border Post in Northern Province', lex);
  assert.ok(head.includes('shape=title'));
  assert.ok(head.includes('title×lex=ASSAULT'));
  assert.ok(!head.includes('title×lex=none'));
  const body = features('Rebels stormed a border post in the northern province.', lex);
  assert.ok(body.includes('lex=ASSAULT'));
  assert.ok(!body.some((f) => f.startsWith('shape=') || f.startsWith('title×')));
  // a headline with no trigger word
  assert.ok(features('Weather Improves Across Coastal Region', lex).includes('title×lex=none'));
});

/** A two-class toy classifier that answers `yes` for sentences with "alpha" and `no` otherwise. */
function toy(yes: string, no: string): EventClassifier {
  const tr = new SoftmaxTrainer([yes, no], { l2: 1e-4, lr: 0.3 });
  for (let e = 0; e < 30; e++) {
    tr.update(features('alpha beta'), [0]);
    tr.update(features('gamma delta'), [1]);
  }
  return { classes: tr.classes, weights: tr.averaged(0), temperature: 1, lexicon: new Map() };
}

test('useEventClassifier switches the model ploverProbabilities uses, with no stale cache', () => {
  const a = toy('ASSAULT', 'NONE');
  const b = toy('PROTEST', 'NONE');
  const s = 'alpha beta';
  try {
    useEventClassifier(a);
    const pa = ploverProbabilities(s)!;
    assert.ok(pa.ASSAULT > 0.8, JSON.stringify(pa));
    assert.equal(pa.PROTEST, undefined);
    useEventClassifier(b);
    const pb = ploverProbabilities(s)!;
    assert.ok(pb.PROTEST > 0.8, JSON.stringify(pb));
    assert.equal(pb.ASSAULT, undefined);
    // an explicit model still wins over the default
    assert.ok(ploverProbabilities(s, a)!.ASSAULT > 0.8);
    useEventClassifier(null);
    assert.equal(ploverProbabilities(s), null);
  } finally {
    useEventClassifier(undefined);
  }
  // restored: the committed model (or none when models/events is absent)
  const committed = loadEventClassifier();
  const p = ploverProbabilities(s);
  if (committed) assert.equal(Object.keys(p!).length, committed.classes.length);
  else assert.equal(p, null);
});
