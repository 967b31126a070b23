/**
 * Quotes (issue 6): how the attributions of the tagger become quotes (src/quotes/index.ts), with
 * hand-made taggers whose tags are known in advance, so that each rule is tested apart from the
 * trained model. Sentences are short synthetic ones written for these tests.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rawTextArticle } from '../src/extract/text.js';
import { createAnnotator } from '../src/nlp/annotate.js';
import { loadActorDictionary } from '../src/actors/dictionary.js';
import { buildResolverIndex, resolveActors } from '../src/actors/resolve.js';
import { attributeQuotes, type TokenParse } from '../src/quotes/index.js';
import { AttributionTagger, TAGS } from '../src/quotes/tagger.js';
import { isCueLemma } from '../src/quotes/features.js';

const annotate = createAnnotator();
const index = buildResolverIndex(loadActorDictionary());
const NT = TAGS.length;

/** A tagger without dependency features whose weights are given per feature string and tag name. */
function handTagger(weights: Record<string, Partial<Record<(typeof TAGS)[number], number>>>, cues: string[] = []): AttributionTagger {
  const w = new Map<string, Float32Array>();
  for (const [f, row] of Object.entries(weights)) {
    const r = new Float32Array(NT);
    for (const [tag, v] of Object.entries(row)) r[TAGS.indexOf(tag as (typeof TAGS)[number])] = v;
    w.set(f, r);
  }
  return new AttributionTagger(w, new Float32Array((NT + 1) * NT), new Set(cues), 0);
}

function run(text: string, tagger: AttributionTagger, parse?: (tokens: string[]) => TokenParse) {
  const doc = annotate(rawTextArticle(text, { source: 'synthetic' }));
  const res = resolveActors(doc, index, { published: '2023-01-01' });
  const opts = parse ? { model: tagger, parse: parse(doc.tokens.map((t) => t.text)) } : { model: tagger };
  const { quotes, res: ext } = attributeQuotes(doc, res, opts);
  return { text, quotes, res: ext };
}

describe('quotes with neither cue nor source', () => {
  test('a content span the tagger marks with no cue and no source in reach is no quote', () => {
    // every sentence is content from its first word to its full stop, and no cue is tagged
    const tagger = handTagger({ first: { 'B-Q': 20 }, b: { 'I-Q': 10 }, 'w=.': { O: 100 } });
    const { quotes } = run('Zork plans remain popular with many voters in the region.\n', tagger);
    assert.deepEqual(quotes.map((q) => q.text), []);
  });

  test('a lone full quotation stays with no speaker (issue 6: speaker null); an attributed one gets its speaker', () => {
    // the tagger tags nothing, so only the rules' quotations remain
    const allOutside = handTagger({ b: { O: 10 } });
    const lone = run('"We shall overcome every obstacle on the long road ahead."\n', allOutside);
    assert.deepEqual(lone.quotes.map((q) => [q.text, q.speaker]), [['We shall overcome every obstacle on the long road ahead.', -1]]);
    const said = run('"We shall overcome every obstacle on the long road ahead," Barack Obama said.\n', allOutside);
    const q = said.quotes.find((x) => x.text === 'We shall overcome every obstacle on the long road ahead');
    assert.ok(q, JSON.stringify(said.quotes.map((x) => x.text)));
    assert.equal(said.res.actors[q.speaker]?.name, 'Barack Obama');
  });
});

describe('content boundaries', () => {
  test('a content span ends before a non-restrictive "which" clause outside quotation marks', () => {
    const tagger = handTagger({
      'Lc=none': { O: 100 }, 'w=said': { 'B-C': 300 }, 'Lcl=say': { 'B-Q': 9, 'I-Q': 10 }, 'w=.': { O: 100 },
    }, ['say']);
    const { quotes } = run('Barack Obama said the plan would ban travel, which the court struck down.\n', tagger);
    assert.deepEqual(quotes.map((q) => q.text), ['the plan would ban travel']);
    const inside = run('Barack Obama said the plan would ban "travel, which is a right".\n', tagger);
    assert.ok(inside.quotes.some((q) => q.text.includes('which is a right')), JSON.stringify(inside.quotes.map((q) => q.text)));
  });
});

describe('cue subject in the dependency parse', () => {
  test('a participle cue ("…, saying …") takes the subject of the clause it modifies', () => {
    // the tagger marks "saying" as the cue and what follows it as the content, and no source
    const tagger = handTagger({
      'Lc=none': { O: 100 }, 'w=saying': { 'B-C': 300 }, 'Lcl=say': { 'B-Q': 9, 'I-Q': 10 }, 'w=.': { O: 100 },
    }, ['say']);
    const text = 'Aides to the governor opposed the plan, saying it would cost too much.\n';
    // Aides to the governor opposed the plan , saying it would cost too much .
    const heads: Array<[string, number, string]> = [
      ['Aides', 4, 'nsubj'], ['to', 3, 'case'], ['the', 3, 'det'], ['governor', 0, 'nmod'], ['opposed', -1, 'root'],
      ['the', 6, 'det'], ['plan', 4, 'obj'], [',', 8, 'punct'], ['saying', 4, 'advcl'], ['it', 11, 'nsubj'],
      ['would', 11, 'aux'], ['cost', 8, 'ccomp'], ['too', 13, 'advmod'], ['much', 11, 'obj'], ['.', 4, 'punct'],
    ];
    const parse = (tokens: string[]): TokenParse => {
      assert.deepEqual(tokens, heads.map((h) => h[0]), 'tokenization of the test sentence');
      return { head: Int32Array.from(heads.map((h) => h[1])), relation: heads.map((h) => h[2]) };
    };
    const { quotes, res } = run(text, tagger, parse);
    const q = quotes.find((x) => x.text === 'it would cost too much');
    assert.ok(q, JSON.stringify(quotes.map((x) => x.text)));
    assert.ok(q.sourceMention, 'no source');
    assert.equal(text.slice(q.sourceMention.start, q.sourceMention.end), 'Aides');
    assert.ok(q.speaker >= 0, 'no speaker actor');
    assert.equal(res.actors[q.speaker].name, 'Aides');
    assert.equal(q.cue, 'saying');
  });
});

describe('cue lemmas per part of speech', () => {
  test('"point/VERB" in a cue list makes the verb a cue word, not the noun; a bare lemma covers both', () => {
    const cues = new Set(['say', 'point/VERB']);
    assert.equal(isCueLemma(cues, 'point', 'VERB'), true);
    assert.equal(isCueLemma(cues, 'Point', 'VERB'), true);
    assert.equal(isCueLemma(cues, 'point', 'NOUN'), false);
    assert.equal(isCueLemma(cues, 'say', 'NOUN'), true);
    assert.equal(isCueLemma(cues, 'tell', 'VERB'), false);
  });
});
