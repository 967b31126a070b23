/**
 * The quote tagger's weight table (src/quotes/tagger.ts `WeightTable`, reached through
 * `AttributionTagger.emissionSink`): rows stored inside the hash slots must come back for every
 * feature, including one whose FNV-1a hash is 0 (the empty-slot mark, kept in a row of its own),
 * and an unknown feature adds nothing. Feature strings made up for this test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prefix } from '../src/quotes/features.js';
import { AttributionTagger, fnv1a, TAGS } from '../src/quotes/tagger.js';

/** A string whose fnv1a hash is 0: a prefix whose FNV state is below 2^16, then the code unit equal to that state. */
function zeroHashString(): string {
  for (let n = 0; ; n++) {
    const s = `z${n}`;
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    if ((h >>> 0) < 0x10000) return s + String.fromCharCode(h >>> 0);
  }
}

test('every feature finds its own row, a zero hash too; an unknown feature adds nothing', () => {
  const zero = zeroHashString();
  assert.equal(fnv1a(zero), 0);
  const weights = new Map<string, Float32Array>();
  const row = (k: number) => Float32Array.from(TAGS, (_, t) => k * 10 + t + 0.25);
  weights.set(zero, row(1));
  for (let k = 2; k < 3000; k++) weights.set(`f${k}`, row(k));
  const tagger = new AttributionTagger(weights, new Float32Array((TAGS.length + 1) * TAGS.length));
  const names = [zero, 'f2', 'f777', 'f2999', 'unknown feature'];
  const sink = tagger.emissionSink(names.length);
  names.forEach((f, i) => { sink.token(i); sink.add(prefix(f)); });
  names.forEach((f, i) => {
    const want = weights.get(f) ?? new Float32Array(TAGS.length);
    assert.deepEqual([...sink.emit.subarray(i * TAGS.length, (i + 1) * TAGS.length)], [...want], f);
  });
});
