/**
 * Tests of the parser's word clusters (issue 7, src/nlp/parser/clusters.ts): learning them from
 * text (words with the same contexts share a cluster; prefixes are coarser clusters;
 * deterministic), the TSV file, the cluster atoms of the parser and the retagger, and a model
 * trained with cluster templates saved and loaded with its clusters.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { PACKAGE_ROOT } from '../src/paths.js';
import { WordClusters, clusterWords, UNK_CLUSTER } from '../src/nlp/parser/clusters.js';
import { usesClusters, encodeSentence, TaggerFeatures, DEFAULT_TEMPLATES, TAGGER_TEMPLATES } from '../src/nlp/parser/features.js';
import { ParserModel, trainParser, readConllu, toTrainSentences } from '../src/nlp/parser/index.js';
import { SparseWeights } from '../src/nlp/parser/model.js';

function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'steppe-clusters-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A toy corpus: country names and verbs in fixed frames, so that each group shares its contexts. */
function toyCorpus(): string[][] {
  const countries = ['russia', 'china', 'france', 'japan', 'india', 'brazil'];
  const verbs = ['attacked', 'visited', 'criticized', 'praised', 'invaded', 'thanked'];
  const out: string[][] = [];
  for (const a of countries) for (const v of verbs) for (const b of countries) if (a !== b) out.push(['yesterday', a, v, b, 'again', '.']);
  return out;
}

test('clusterWords: words sharing their contexts share clusters, prefixes nest, deterministic', () => {
  const corpus = toyCorpus();
  const map = clusterWords(corpus, { minLeaf: 2, contexts: 50 });
  assert.deepEqual(clusterWords(corpus, { minLeaf: 2, contexts: 50 }), map); // no randomness
  assert.equal(map.size, 15); // every word occurs at least twice
  for (const b of map.values()) assert.match(b, /^[01]+$/);
  // the split that separates the countries from the verbs comes before any split inside either group
  const lcp = (x: string, y: string) => { let i = 0; while (i < x.length && x[i] === y[i]) i++; return i; };
  const countries = ['russia', 'china', 'france', 'japan', 'india', 'brazil'].map((w) => map.get(w)!);
  const verbs = ['attacked', 'visited', 'criticized', 'praised', 'invaded', 'thanked'].map((w) => map.get(w)!);
  const within = Math.min(...countries.map((c) => lcp(c, countries[0])), ...verbs.map((v) => lcp(v, verbs[0])));
  const across = Math.max(...countries.flatMap((c) => verbs.map((v) => lcp(c, v))));
  assert.ok(within > across, `countries ${countries} and verbs ${verbs} should part before either group splits`);
  // the most frequent word's half is 0 at every split ("." ties with "again" and "yesterday" and comes first by name)
  assert.match(map.get('.')!, /^0+$/);
  // min count: a word seen once has no cluster
  assert.equal(clusterWords([...corpus, ['hapax']], { minLeaf: 2 }).has('hapax'), false);
});

test('WordClusters: TSV round trip, atoms of known and unknown words', (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'clusters.tsv');
  const wc = new WordClusters(new Map([['russia', '0110101'], ['china', '0110100'], ['said', '10'], ['#', '111']]), ['a comment']);
  wc.save(file);
  assert.equal(readFileSync(file, 'utf8'), '# a comment\nrussia\t0110101\nchina\t0110100\nsaid\t10\n#\t111\n');
  const back = WordClusters.load(file);
  assert.equal(back.size, 4); // the word "#" is not a comment
  assert.equal(back.bits.get('#'), '111');
  assert.deepEqual(back.header, ['a comment']);
  assert.deepEqual(back.of('russia').s, ['0110101', '0110', '011010']);
  assert.deepEqual(back.of('said').s, ['10', '10', '10']); // a short path is its own prefix
  assert.deepEqual(back.of('kazakhstan').s, [UNK_CLUSTER, UNK_CLUSTER, UNK_CLUSTER]);
  assert.equal(back.of('china').h[1], back.of('russia').h[1]); // same 4-bit prefix, same hash
  writeFileSync(file, 'russia\t01x\n');
  assert.throws(() => WordClusters.load(file), /clusters\.tsv line 1: expected word<TAB>bits/);
});

test('cluster atoms: templates that use them are detected; sentences get them per normalised word', () => {
  assert.equal(usesClusters(DEFAULT_TEMPLATES), false);
  assert.equal(usesClusters(TAGGER_TEMPLATES), false);
  assert.equal(usesClusters(['S0.w', 'S0.k4 N0.k4']), true);
  assert.equal(usesClusters(['w', 'k6-1']), true);
  assert.equal(usesClusters(['S0.s', 'N0.c', 'wt']), false);
  const wc = new WordClusters(new Map([['russia', '0110101'], ['000', '111']]));
  const enc = encodeSentence(['Russia', 'sent', '200'], ['PROPN', 'VERB', 'NUM'], wc);
  assert.deepEqual(enc.clusters?.[0], ['0110101', UNK_CLUSTER, '111', '<root>']);
  assert.deepEqual(enc.clusters?.[1], ['0110', UNK_CLUSTER, '111', '<root>']);
  assert.equal(encodeSentence(['Russia'], ['PROPN']).clusters, null);
  assert.throws(() => new TaggerFeatures(['w', 'k-1']), /use word clusters but the model has none/);
  const tf = new TaggerFeatures(['k-1', 'k6'], wc);
  const s = tf.prepare(['Russia', 'sent'], ['PROPN', 'VERB']);
  assert.deepEqual(tf.describe(s, 1, 0), ['0110101']);
  assert.deepEqual(tf.describe(s, 0, 0), ['<s>']);
  assert.deepEqual(tf.describe(s, 0, 1), ['011010']);
  assert.throws(() => new ParserModel({ name: 'x', version: '1', system: 'arc-eager', labels: ['root'], templates: ['S0.k'], weightScale: 0.1, multipleRoots: 'leftmost', weights: 'weights.tsv', tagger: null }, new SparseWeights([], [0], [], []), []), /use word clusters but the model has none/);
});

const TINY = `# text = Russia sent troops.
1	Russia	Russia	PROPN	_	_	2	nsubj	_	_
2	sent	send	VERB	_	_	0	root	_	_
3	troops	troop	NOUN	_	_	2	obj	_	SpaceAfter=No
4	.	.	PUNCT	_	_	2	punct	_	_

# text = China asked for help.
1	China	China	PROPN	_	_	2	nsubj	_	_
2	asked	ask	VERB	_	_	0	root	_	_
3	for	for	ADP	_	_	4	case	_	_
4	help	help	NOUN	_	_	2	obl	_	SpaceAfter=No
5	.	.	PUNCT	_	_	2	punct	_	_

# text = France sent help.
1	France	France	PROPN	_	_	2	nsubj	_	_
2	sent	send	VERB	_	_	0	root	_	_
3	help	help	NOUN	_	_	2	obj	_	SpaceAfter=No
4	.	.	PUNCT	_	_	2	punct	_	_
`;

test('a model with cluster templates saves its clusters and parses the same after loading', (t) => {
  const sents = toTrainSentences(readConllu(TINY));
  const clusters = new WordClusters(new Map([['russia', '00'], ['china', '00'], ['france', '00'], ['japan', '00'], ['sent', '10'], ['asked', '10'], ['troops', '110'], ['help', '111']]));
  // each sentence four times, so that the jackknifed retaggers (two folds) learn something
  const model = trainParser([...sents, ...sents, ...sents, ...sents], {
    epochs: 8, select: 0, prune: 0, retag: true, folds: 2, taggerEpochs: 5, clusters,
    templates: [...DEFAULT_TEMPLATES, 'S0.k4 N0.k4', 'N0.k'], taggerTemplates: [...TAGGER_TEMPLATES, 'k', 'k-1'],
  });
  for (const s of sents) assert.deepEqual(model.parse(s.words, s.upos).head, Array.from(s.head));
  const dir = tempDir(t);
  model.save(dir);
  assert.ok(existsSync(join(dir, 'clusters.tsv')));
  assert.equal(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')).clusters, 'clusters.tsv');
  assert.match(readFileSync(join(dir, 'weights.tsv'), 'utf8'), /^N0\.k\t[01]+\t/m);
  assert.match(readFileSync(join(dir, 'tagger.tsv'), 'utf8'), /^k-1\t/m);
  const loaded = ParserModel.load(dir);
  assert.equal(loaded.clusters?.size, 8);
  for (const s of [...sents, { words: ['Japan', 'asked', 'for', 'troops', '.'], upos: ['PROPN', 'VERB', 'ADP', 'NOUN', 'PUNCT'] }]) {
    assert.deepEqual(loaded.parse(s.words, s.upos), model.parse(s.words, s.upos));
  }
  // a model without cluster templates keeps no clusters (its config has no "clusters" key)
  const plain = trainParser(sents, { epochs: 2, select: 0, prune: 0 });
  plain.save(join(dir, 'plain'));
  assert.equal('clusters' in JSON.parse(readFileSync(join(dir, 'plain', 'config.json'), 'utf8')), false);
  assert.equal(existsSync(join(dir, 'plain', 'clusters.tsv')), false);
});

test('STEPPE_PARSER_DIR names the model folder used by default (to try a candidate end to end)', () => {
  const code = "import('./dist/src/nlp/parser/index.js').then((m) => console.log(m.DEFAULT_PARSER_DIR))";
  const run = (env: Record<string, string>) => execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: PACKAGE_ROOT, env: { ...process.env, ...env }, encoding: 'utf8' }).trim();
  assert.equal(run({ STEPPE_PARSER_DIR: '/tmp/candidate-parser' }), '/tmp/candidate-parser');
  assert.equal(run({ STEPPE_PARSER_DIR: '' }), join(PACKAGE_ROOT, 'models', 'parser'));
});
