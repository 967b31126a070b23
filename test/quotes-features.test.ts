/**
 * The quote tagger's hashed feature path (features.ts `writeFeatures` → tagger.ts `EmissionSink`)
 * against the string path (`tokenFeatures` → `predict`) that training uses: same hashes, same
 * emission sums, same tags; the dependency features of level 2; the outside bias of decoding.
 * Synthetic sentences written for these tests.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rawTextArticle } from '../src/extract/text.js';
import { createAnnotator } from '../src/nlp/annotate.js';
import { loadActorDictionary } from '../src/actors/dictionary.js';
import { buildResolverIndex, resolveActors } from '../src/actors/resolve.js';
import { quoteRegions, regionIndex } from '../src/quotes/marks.js';
import { cueSentences, FNV_BASIS, fnvChar, fnvMore, prefix, tagRanges, tokenFeatures, writeFeatures } from '../src/quotes/features.js';
import { AttributionTagger, fnv1a, loadTagger, TAGS } from '../src/quotes/tagger.js';
import { attributeQuotes, tagDocument, cueVerbs, type TokenParse } from '../src/quotes/index.js';

const annotate = createAnnotator();
const index = buildResolverIndex(loadActorDictionary());

const TEXT = [
  'Kazakh President Kassym-Jomart Tokayev said on Monday that the new bridge over the Ili river would open in May.',
  '"We will not wait for anyone," he told reporters in Almaty. According to the ministry, 40 trucks crossed the border.',
  'The farmers believe prices will rise again: "It is a hard year for all of us."',
].join('\n\n');

function setup(text = TEXT) {
  const article = rawTextArticle(text, { source: 't' });
  const doc = annotate(article);
  const res = resolveActors(doc, index, { published: '2023-01-01' });
  const regions = quoteRegions(doc.text, article.paragraphs);
  const at = regionIndex(doc.text, regions);
  return { doc, res, regions, at };
}

/** A hand-made parse: each token's head is the previous token of its sentence, "dep" / "ccomp" after a cue word. */
function chainParse(doc: ReturnType<typeof setup>['doc']): TokenParse {
  const head = new Int32Array(doc.tokens.length).fill(-1);
  const relation: string[] = doc.tokens.map(() => 'dep');
  for (const s of doc.sentences) {
    for (let i = s.tokenStart + 1; i < s.tokenEnd; i++) {
      head[i] = i - 1;
      if (/^(?:said|told|believe)$/.test(doc.tokens[i - 1].text)) relation[i] = 'ccomp';
    }
    relation[s.tokenStart] = 'root';
  }
  return { head, relation };
}

/** A tagger that knows every feature string of `feats` with a pseudo-random weight row (from the string's hash). */
function randomTagger(feats: string[][], syntax: number, outsideBias = 0, cueSentencesOnly = false): AttributionTagger {
  const weights = new Map<string, Float32Array>();
  for (const fs of feats) {
    for (const f of fs) {
      let h = fnv1a(f) || 1;
      const row = new Float32Array(TAGS.length);
      for (let t = 0; t < TAGS.length; t++) { h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0; row[t] = ((h % 2001) - 1000) / 100; }
      weights.set(f, row);
    }
  }
  const transitions = Float32Array.from({ length: (TAGS.length + 1) * TAGS.length }, (_, k) => ((k * 37) % 11) - 5);
  return new AttributionTagger(weights, transitions, new Set(cueVerbs().keys()), syntax, outsideBias, cueSentencesOnly);
}

describe('hashed features (no strings) give what the feature strings give', () => {
  test('fnvMore continues FNV-1a: prefix + values hash like the joined string', () => {
    assert.equal(FNV_BASIS, fnv1a(''));
    assert.equal(fnvMore(prefix('w=').hash, 'said'), fnv1a('w=said'));
    assert.equal(fnvMore(fnvChar(fnvMore(prefix('pp=').hash, 'PROPN'), 124), 'VERB'), fnv1a('pp=PROPN|VERB'));
    assert.equal(fnvMore(prefix('x').hash, 'Алматы “ü”'), fnv1a('xАлматы “ü”'));
    const lcaq = fnvMore(fnvChar(fnvMore(fnvChar(fnvMore(prefix('lcaq=').hash, 'ccomp'), 124), 'self'), 124), 'out');
    assert.equal(lcaq, fnv1a('lcaq=ccomp|self|out'));
  });

  for (const [syntax, cueOnly] of [[0, false], [1, false], [2, false], [2, true]] as const) {
    test(`emission sums and tags equal the string path (syntax level ${syntax}${cueOnly ? ', cue sentences only' : ''})`, () => {
      const { doc, res, regions, at } = setup();
      const parse = syntax ? chainParse(doc) : null;
      const cues = new Set(cueVerbs().keys());
      const feats = tokenFeatures(doc, res, regions, at, cues, parse, syntax, cueOnly);
      const tagger = randomTagger(feats, syntax, 0, cueOnly);
      const sink = tagger.emissionSink(doc.tokens.length);
      writeFeatures(doc, res, regions, at, cues, parse, sink, syntax, cueOnly);
      // the string path's emissions: every feature's row, summed in order
      for (let i = 0; i < feats.length; i++) {
        for (let t = 0; t < TAGS.length; t++) {
          let e = 0;
          for (const f of feats[i]) e += tagger.weights.get(f)![t];
          assert.equal(sink.emit[i * TAGS.length + t], e, `token ${i} (${doc.tokens[i].text}) tag ${TAGS[t]}`);
        }
      }
      const fast = tagDocument(doc, res, tagger, regions, at, parse);
      const slow = new Uint8Array(doc.tokens.length);
      for (const [i, j] of tagRanges(doc)) slow.set(tagger.predict(feats.slice(i, j)), i);
      assert.deepEqual([...fast], [...slow]);
      assert.ok(fast.some((t) => t !== 0) && fast.some((t) => t === 0), 'the random model tags some tokens and leaves others');
    });
  }

  test('the committed model tags a document the same both ways', { skip: loadTagger() ? false : 'models/quotes is not installed' }, () => {
    const tagger = loadTagger()!;
    const { doc, res, regions, at } = setup();
    const parse = tagger.syntax ? chainParse(doc) : null;
    const feats = tokenFeatures(doc, res, regions, at, tagger.cues, parse, tagger.syntax);
    const slow = new Uint8Array(doc.tokens.length);
    for (const [i, j] of tagRanges(doc)) slow.set(tagger.predict(feats.slice(i, j)), i);
    assert.deepEqual([...tagDocument(doc, res, tagger, regions, at, parse)], [...slow]);
  });
});

describe('dependency features', () => {
  test('level 2 adds the cue-ancestor transition and the common ancestor with the nearest cue; level 1 does not', () => {
    const { doc, res, regions, at } = setup('Tokayev said the bridge would open in May.');
    const parse = chainParse(doc);
    const cues = new Set(cueVerbs().keys());
    const f1 = tokenFeatures(doc, res, regions, at, cues, parse, 1);
    const f2 = tokenFeatures(doc, res, regions, at, cues, parse, 2);
    const k = doc.tokens.findIndex((t) => t.text === 'bridge');
    const said = doc.tokens.findIndex((t) => t.text === 'said');
    assert.ok(f1[k].includes('anc=ccomp'), 'a token under the cue\'s complement');
    assert.ok(!f1[k].some((f) => f.startsWith('lca=')));
    // "the" is the cue's ccomp child in the chain parse; "bridge" hangs below it
    assert.ok(f2[k].includes('lca=ccomp|self'), JSON.stringify(f2[k].filter((f) => f.startsWith('lca'))));
    assert.ok(f2[k].includes('anc2=ccomp|ccomp'));
    assert.ok(!f2[said].some((f) => f.startsWith('lca=')), 'the nearest cue is another one: the only cue has none');
    const subject = doc.tokens.findIndex((t) => t.text === 'Tokayev');
    assert.ok(f2[subject].includes('lca=self|dep'), 'the cue hangs below the subject in the chain parse');
    assert.ok(f2[subject].includes('anc=none'));
    // every level-1 feature is kept at level 2, in the same order
    assert.deepEqual(f2[k].filter((f) => f1[k].includes(f)), f1[k]);
  });

  test('cue sentences only: a sentence without a cue word outside quotation marks gets no dependency features and is not parsed', () => {
    const text = 'The bridge over the Ili river opened in May. Tokayev said the bridge would carry 40 trucks a day. "It will be a good year," he added.';
    const { doc, res, regions, at } = setup(text);
    const cues = new Set(cueVerbs().keys());
    const sentences = cueSentences(doc, at, cues);
    const said = doc.tokens.findIndex((t) => t.text === 'said');
    const added = doc.tokens.findIndex((t) => t.text === 'added');
    assert.deepEqual(sentences, [doc.tokens[said].sentence, doc.tokens[added].sentence].filter((x, i, a) => a.indexOf(x) === i));
    const parse = chainParse(doc);
    const feats = tokenFeatures(doc, res, regions, at, cues, parse, 2, true);
    const opened = doc.tokens.findIndex((t) => t.text === 'opened');
    assert.ok(!feats[opened].some((f) => /^(?:rel|anc|lca|kid)/.test(f)), 'the first sentence holds no cue');
    assert.ok(feats[said + 1].includes('anc=ccomp'));
    // attributeQuotes asks the document only for the cue sentences
    const asked: number[][] = [];
    doc.parseSentences = (ss) => { asked.push([...ss]); return parse as never; };
    doc.parse = () => { throw new Error('the whole document was parsed'); };
    const tagger = randomTagger(feats, 2, 0, true);
    attributeQuotes(doc, res, { model: tagger });
    assert.deepEqual(asked[0], sentences);
  });

  test('a tagger with syntax features refuses a document without a parse', () => {
    const { doc, res, regions, at } = setup('Tokayev said the bridge would open in May.');
    const tagger = randomTagger([['b']], 2);
    assert.throws(() => tagDocument(doc, res, tagger, regions, at, null), /dependency parse/);
  });
});

describe('decoding', () => {
  test('the outside bias lowers the score of O at every token: a large one leaves no O', () => {
    const { doc, res, regions, at } = setup();
    const feats = tokenFeatures(doc, res, regions, at, new Set(cueVerbs().keys()), null, 0);
    const plain = randomTagger(feats, 0);
    const biased = randomTagger(feats, 0, 1e6);
    const a = tagDocument(doc, res, plain, regions, at, null);
    const b = tagDocument(doc, res, biased, regions, at, null);
    assert.ok(a.some((t) => t === 0));
    assert.ok(b.every((t) => t !== 0), 'no token is O under a huge bias');
    // the string path applies the same bias
    for (const [i, j] of tagRanges(doc)) assert.deepEqual([...biased.predict(feats.slice(i, j))], [...b.slice(i, j)]);
  });
});
