/**
 * Issue 7: the dependency parse is exposed on AnnotatedText as a lazy view, computed by the
 * committed parser, with heads inside their own sentence.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPipeline } from '../src/pipeline.js';

test('AnnotatedText.parse: one head and relation per token, heads within the sentence, cached', () => {
  const pipeline = createPipeline({ noExtract: true });
  const doc = pipeline.annotate({ source: 't', format: 'text', content: 'Masimov was ousted by the president. Lavrov said that Russia would withdraw its troops.' });
  assert.ok(doc.parse, 'the parser model is committed, so the view exists');
  const p = doc.parse();
  assert.equal(p.head.length, doc.tokens.length);
  assert.equal(p.relation.length, doc.tokens.length);
  assert.equal(doc.parse(), p, 'computed once');
  doc.tokens.forEach((t, i) => {
    if (p.head[i] >= 0) assert.equal(doc.tokens[p.head[i]].sentence, t.sentence, `token ${t.text} has a head in another sentence`);
  });
  for (const s of doc.sentences) {
    const roots = [];
    for (let i = s.tokenStart; i < s.tokenEnd; i++) if (p.head[i] < 0) roots.push(i);
    assert.equal(roots.length, 1, 'one root per sentence');
  }
  const ousted = doc.tokens.findIndex((t) => t.text === 'ousted');
  const masimov = doc.tokens.findIndex((t) => t.text === 'Masimov');
  assert.equal(p.head[masimov], ousted);
  assert.match(p.relation[masimov], /^nsubj/);
});

test('without a parser the view is absent and analysis still works', () => {
  const pipeline = createPipeline({ noExtract: true, parser: false });
  const doc = pipeline.annotate({ source: 't', format: 'text', content: 'China welcomed the decision.' });
  assert.equal(doc.parse, undefined);
});

test('AnnotatedText.parseSentences: only the asked sentences are parsed; parse() completes the same view', async () => {
  const { loadParserModel, parseDocument } = await import('../src/nlp/parser/index.js');
  const p = createPipeline({ noExtract: true });
  const doc = p.annotate({ source: 't', format: 'text', content: 'Russia sent troops. China welcomed the move. Kazakhstan asked for help from its allies.' });
  assert.ok(doc.parseSentences && doc.parse);
  const view = doc.parseSentences([1]);
  const s0 = doc.sentences[0], s1 = doc.sentences[1];
  for (let i = s0.tokenStart; i < s0.tokenEnd; i++) assert.equal(view.head[i], -1, 'sentence 0 is not parsed yet');
  const roots1 = [...Array(s1.tokenEnd - s1.tokenStart).keys()].filter((k) => view.head[s1.tokenStart + k] === -1);
  assert.equal(roots1.length, 1, 'sentence 1 is parsed: one root');
  const full = doc.parse();
  assert.equal(full, view, 'one view, filled in place');
  const reference = parseDocument(doc, loadParserModel());
  assert.deepEqual([...full.head], [...reference.head]);
  assert.deepEqual(full.relation, reference.relation);
});
