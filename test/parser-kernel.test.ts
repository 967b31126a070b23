/**
 * Tests of the WebAssembly scoring kernel of the parser and the retagger (src/nlp/parser/kernel.ts):
 * it must give exactly the scores of the JavaScript loop (`SparseWeights.scoreGroupsJs`) for the
 * class groups asked for, on sparse and dense rows (more of them in a state than one 16-bit chunk
 * sums), absent keys, hash collisions and weights too large for a dense row; and the feature keys it
 * hashes itself must be `FeatureExtractor.extract`'s (and the retagger's `TaggerFeatures.extract`'s),
 * so that the committed model parses the same with and without it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SparseWeights, ParseState, rng } from '../src/nlp/parser/model.js';
import { encodeSentence } from '../src/nlp/parser/features.js';
import { loadParserModel, DEFAULT_PARSER_DIR } from '../src/nlp/parser/index.js';

const haveModel = existsSync(join(DEFAULT_PARSER_DIR, 'config.json'));

/**
 * Random weights: `rows` rows over `classes` classes, some nearly full (dense), most with small
 * weights (as trained models have), some with weights too large for a dense row.
 */
function randomWeights(rows: number, classes: number, bounds: [number, number], seed: number): { w: SparseWeights; keys: number[] } {
  const random = rng(seed);
  const keys: number[] = [];
  const rowStart = [0];
  const cls: number[] = [];
  const q: number[] = [];
  for (let r = 0; r < rows; r++) {
    let key = (random() * 2 ** 32) | 0;
    if (key === 0) key = 1;
    keys.push(key);
    const density = r % 5 === 0 ? 0.9 : r % 5 === 1 ? 0.3 : 0.05;
    const big = r % 17 === 0;
    for (let c = 0; c < classes; c++) {
      if (random() >= density) continue;
      cls.push(c);
      const mag = big ? 20000 + Math.floor(random() * 1000) : r % 3 === 0 ? 1 + Math.floor(random() * 9000) : 1 + Math.floor(random() * 1023);
      q.push(random() < 0.5 ? -mag : mag);
    }
    rowStart.push(cls.length);
  }
  // a duplicate key: the first row wins, in both
  keys.push(keys[3]);
  cls.push(0);
  q.push(12345);
  rowStart.push(cls.length);
  return { w: new SparseWeights(keys, rowStart, cls, q, bounds), keys };
}

function check(classes: number, bounds: [number, number], seed: number): void {
  const { w, keys } = randomWeights(400, classes, bounds, seed);
  const random = rng(seed + 1);
  const nf = 200;
  const feats = new Int32Array(nf);
  const js = new Int32Array(classes);
  const wasm = new Int32Array(classes);
  const offs = new Int32Array(nf);
  const heads = new Int32Array(nf);
  for (let round = 0; round < 300; round++) {
    for (let f = 0; f < nf; f++) {
      // mostly keys of the table (some twice), some absent
      feats[f] = random() < 0.8 ? keys[Math.floor(random() * keys.length)] : ((random() * 2 ** 32) | 0) || 7;
    }
    for (const [g1, g2] of [[false, false], [true, false], [false, true], [true, true]]) {
      w.scoreGroupsJs(feats, nf, js, g1, g2, offs, heads);
      w.scoreGroups(feats, nf, wasm, g1, g2, offs, heads);
      for (let c = 0; c < classes; c++) {
        const asked = c < bounds[0] || (g1 && c < bounds[1]) || (g2 && c >= bounds[1]);
        if (asked) assert.equal(wasm[c], js[c], `class ${c}, groups ${g1} ${g2}, round ${round}`);
      }
    }
  }
}

test('kernel: the same scores as the JavaScript loop, parser layout (moves, LEFT, RIGHT groups)', () => {
  check(104, [2, 53], 1);
  check(9, [2, 5], 2);
});

test('kernel: the same scores as the JavaScript loop, one group (retagger layout)', () => {
  check(17, [256, 256], 3);
});

test('kernel: more dense rows of the largest dense weight than one 16-bit chunk holds add up exactly', () => {
  const classes = 104;
  const bounds: [number, number] = [2, 53];
  const rows = 300;
  const keys: number[] = [];
  const rowStart = [0];
  const cls: number[] = [];
  const q: number[] = [];
  for (let r = 0; r < rows; r++) {
    keys.push(r + 1);
    for (let c = 0; c < classes; c++) { cls.push(c); q.push(c % 2 ? 1023 : -1023); }
    rowStart.push(cls.length);
  }
  const w = new SparseWeights(keys, rowStart, cls, q, bounds);
  const feats = Int32Array.from(keys);
  const js = new Int32Array(classes);
  const wasm = new Int32Array(classes);
  const offs = new Int32Array(rows);
  const heads = new Int32Array(rows);
  w.scoreGroupsJs(feats, rows, js, true, true, offs, heads);
  w.scoreGroups(feats, rows, wasm, true, true, offs, heads);
  assert.equal(js[1], rows * 1023);
  assert.deepEqual(Array.from(wasm), Array.from(js));
});

test('kernel: feature keys hashed in the kernel give the parse of extract + the JavaScript loop', { skip: !haveModel && 'models/parser is absent' }, () => {
  const model = loadParserModel();
  const fx = model.features;
  const L = model.config.labels.length;
  const kernel = model.weights.kernelFor(fx.program, fx.size, fx.atomCount);
  assert.ok(kernel, 'WebAssembly is available in node');
  const words = 'The Kremlin said on Tuesday that Russian troops would leave Kazakhstan within days , after the unrest ended .'.split(' ');
  const tags = model.tagsFor(words, words.map((w) => (/^[A-Z]/.test(w) ? 'PROPN' : w === ',' || w === '.' ? 'PUNCT' : 'NOUN')));
  const enc = encodeSentence(words, tags, null);
  const st = new ParseState(words.length);
  const feats = new Int32Array(fx.size);
  const js = new Int32Array(2 + 2 * L);
  const wasm = new Int32Array(2 + 2 * L);
  const offs = new Int32Array(fx.size);
  const heads = new Int32Array(fx.size);
  let states = 0;
  // walk a sequence of legal moves (shift when possible, else reduce or attach), comparing each state
  while (!st.done) {
    const hasS0 = st.sp > 0;
    const headless = hasS0 && st.head[st.stack[st.sp - 1]] === -1;
    const g2 = hasS0 && st.b < st.n;
    fx.extract(st, enc, feats);
    model.weights.scoreGroupsJs(feats, fx.size, js, headless, g2, offs, heads);
    kernel.scoreAtoms(fx.atomValues(st, enc), fx.size, wasm, headless, g2);
    for (let c = 0; c < 2 + 2 * L; c++) {
      const asked = c < 2 || (headless && c < 2 + L) || (g2 && c >= 2 + L);
      if (asked) assert.equal(wasm[c], js[c], `state ${states}, class ${c}`);
    }
    states++;
    if (st.b < st.n && (states % 3 !== 0 || !hasS0)) st.apply(0, L);
    else if (hasS0 && !headless) st.apply(1, L);
    else if (hasS0) st.apply(2 + (st.b === st.n ? 0 : 1), L);
    else st.apply(0, L);
  }
  assert.ok(states > words.length);
  // and the parser (and its retagger) parse the same without the kernel
  const sentences = [words, 'Protesters in Almaty set fire to the mayor \'s office , and police fired tear gas .'.split(' ')];
  const withKernel = sentences.map((s) => model.parse(s, s.map(() => 'NOUN')));
  SparseWeights.kernelEnabled = false;
  try {
    assert.deepEqual(sentences.map((s) => model.parse(s, s.map(() => 'NOUN'))), withKernel);
  } finally {
    SparseWeights.kernelEnabled = true;
  }
});
