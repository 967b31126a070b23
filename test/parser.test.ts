/**
 * Tests of the dependency parser (issue 7, src/nlp/parser): the scorer on hand-made trees, CoNLL-U
 * reading and writing, the transition system and oracle, training end to end (a tiny treebank
 * written here; and a slice of UD EWT against the baselines when ../shared is present), the
 * committed model on sentences we wrote (the few arcs that matter to event coding), the
 * document-level parse invariants, and `steppe parse`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { SHARED_DIR } from '../src/paths.js';
import type { Article } from '../src/types.js';
import { createAnnotator } from '../src/nlp/annotate.js';
import {
  loadParserModel, parseDocument, parseSentence, readConllu, writeConllu, tagWithWink, toTrainSentences,
  trainParser, scoreParses, ParserModel, DEFAULT_PARSER_DIR,
} from '../src/nlp/parser/index.js';
import { nearestVerbBaseline, previousWordBaseline } from '../src/nlp/parser/score.js';
import { oracleParse, collectLabels } from '../src/nlp/parser/model.js';
import { registerParseCommand } from '../src/cli/parse.js';

const UD = join(SHARED_DIR, 'train', 'ud', 'en_ewt-ud-train.conllu');
const haveShared = existsSync(UD);

function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'steppe-parser-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A tiny treebank we wrote: a multiword token, an empty node, comments. */
const TINY = `# sent_id = 1
# text = Russia sent troops.
1	Russia	Russia	PROPN	_	_	2	nsubj	_	_
2	sent	send	VERB	_	_	0	root	_	_
3	troops	troop	NOUN	_	_	2	obj	_	SpaceAfter=No
4	.	.	PUNCT	_	_	2	punct	_	_

# sent_id = 2
# text = The president didn't resign.
1	The	the	DET	_	_	2	det	_	_
2	president	president	NOUN	_	_	5	nsubj	_	_
3-4	didn't	_	_	_	_	_	_	_	_
3	did	do	AUX	_	_	5	aux	_	_
4	n't	not	PART	_	_	5	advmod	_	_
5	resign	resign	VERB	_	_	0	root	_	SpaceAfter=No
6	.	.	PUNCT	_	_	5	punct	_	_

# sent_id = 3
# text = Kazakhstan asked for help and Russia agreed.
1	Kazakhstan	Kazakhstan	PROPN	_	_	2	nsubj	_	_
2	asked	ask	VERB	_	_	0	root	_	_
3	for	for	ADP	_	_	4	case	_	_
4	help	help	NOUN	_	_	2	obl	_	_
5	and	and	CCONJ	_	_	7	cc	_	_
6	Russia	Russia	PROPN	_	_	7	nsubj	_	_
6.1	asked	ask	VERB	_	_	_	_	_	_
7	agreed	agree	VERB	_	_	2	conj	_	SpaceAfter=No
8	.	.	PUNCT	_	_	2	punct	_	_
`;

test('scorer: UAS/LAS over all words, punctuation included, LAS on universal relations', () => {
  const reference = { head: [1, -1, 1, 1], relation: ['nsubj:pass', 'root', 'obl:agent', 'punct'] };
  const predicted = { head: [1, -1, 1, 2], relation: ['nsubj', 'root', 'obj', 'punct'] };
  const s = scoreParses([{ predicted, reference }]);
  assert.equal(s.words, 4);
  assert.equal(s.uas, 3 / 4); // the punctuation mark's wrong head counts
  assert.equal(s.las, 2 / 4); // nsubj for nsubj:pass counts, obj for obl does not
  assert.equal(s.lasFull, 1 / 4);
  assert.equal(s.exactUnlabelled, 0);
  const perfect = scoreParses([{ predicted: reference, reference }, { predicted: reference, reference }]);
  assert.deepEqual([perfect.uas, perfect.las, perfect.lasFull, perfect.exactUnlabelled, perfect.sentences], [1, 1, 1, 1, 2]);
  assert.throws(() => scoreParses([{ predicted: { head: [0], relation: ['x'] }, reference }]), /1 predicted words against 4/);
});

test('CoNLL-U: multiword tokens and empty nodes are kept as lines but are not words', () => {
  const sents = readConllu(TINY, 'tiny');
  assert.equal(sents.length, 3);
  assert.deepEqual(sents[1].words.map((w) => w.form), ['The', 'president', 'did', "n't", 'resign', '.']);
  assert.deepEqual(sents[1].words.map((w) => w.head), [1, 4, 4, 4, -1, 4]);
  assert.equal(sents[2].words.length, 8);
  assert.equal(sents[1].text, "The president didn't resign.");
  // the words of "didn't" get their own spans inside the token
  assert.deepEqual(sents[1].spans.slice(2, 4), [[14, 17], [17, 20]]);
  const out = writeConllu(sents, sents.map((s) => ({ head: s.words.map(() => -1), relation: s.words.map(() => 'dep') })));
  assert.match(out, /^# sent_id = 2$/m);
  assert.match(out, /^3-4\tdidn't\t/m);
  assert.match(out, /^6\.1\tasked\t/m);
  assert.match(out, /^4\tn't\tnot\tPART\t_\t_\t0\tdep\t_\t_$/m);
  assert.equal(readConllu(out).length, 3);
  assert.throws(() => readConllu('1\tonly\tthree'), (e: Error & { code?: string }) => e.code === 'E_BAD_INPUT' && /line 1/.test(e.message));
});

test('the dynamic oracle alone rebuilds projective trees exactly (transition system check)', () => {
  const sents = toTrainSentences(readConllu(TINY));
  const labels = collectLabels(sents);
  for (const s of sents) {
    const p = oracleParse(s, labels);
    assert.deepEqual(p.head, Array.from(s.head));
    assert.deepEqual(p.relation, s.relation);
  }
});

test('training end to end: a tiny treebank is learnt, saved, loaded and parsed the same', (t) => {
  const sents = toTrainSentences(readConllu(TINY));
  const model = trainParser(sents, { epochs: 10, select: 0, prune: 0 });
  for (const s of sents) assert.deepEqual(model.parse(s.words, s.upos).head, Array.from(s.head));
  const dir = tempDir(t);
  model.save(dir);
  const loaded = ParserModel.load(dir);
  for (const s of sents) assert.deepEqual(loaded.parse(s.words, s.upos), model.parse(s.words, s.upos));
  // a retagger is trained and saved with the model when asked
  const withTagger = trainParser(sents, { epochs: 3, select: 0, prune: 0, retag: true, folds: 2, taggerEpochs: 2 });
  withTagger.save(join(dir, 'r'));
  assert.ok(existsSync(join(dir, 'r', 'tagger.tsv')));
  assert.deepEqual(ParserModel.load(join(dir, 'r')).parse(sents[0].words, sents[0].upos), withTagger.parse(sents[0].words, sents[0].upos));
});

test('the parse state reused across sentences gives the same parse as a fresh model', () => {
  const sents = toTrainSentences(readConllu(TINY));
  const model = trainParser(sents, { epochs: 3, select: 0, prune: 0, retag: true, folds: 2, taggerEpochs: 2 });
  const dir = mkdtempSync(join(tmpdir(), 'steppe-parser-'));
  const fresh = (words: string[], upos: string[]) => ParserModel.load(dir).parse(words, upos);
  try {
    model.save(dir);
    // a long sentence (grows the state past its first size), then shorter ones, then the long one again
    const long = { words: Array.from({ length: 90 }, (_, i) => sents[i % 3].words[i % sents[i % 3].words.length]), upos: Array.from({ length: 90 }, (_, i) => sents[i % 3].upos[i % sents[i % 3].upos.length]) };
    const order = [sents[0], long, sents[2], sents[1], long, sents[0]];
    for (const s of order) assert.deepEqual(model.parse(s.words, s.upos), fresh(s.words, s.upos));
    assert.deepEqual(model.parse([], []), { head: [], relation: [] });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('training on a slice of UD EWT beats the baselines on another slice', { skip: !haveShared && `needs ${UD}` }, () => {
  // the first 450 sentences of the file, without reading all of it into sentences
  const text = readFileSync(UD, 'utf8');
  let cut = 0;
  for (let k = 0; k < 450 && cut >= 0; k++) cut = text.indexOf('\n\n', cut + 1);
  const all = readConllu(text.slice(0, cut), UD);
  const train = all.slice(0, 300);
  const held = all.slice(300, 450);
  const tags = tagWithWink([...train, ...held]);
  const model = trainParser(toTrainSentences(train, tags.slice(0, 300)), { epochs: 4, seed: 1 });
  const ref = (s: (typeof held)[number]) => ({ head: s.words.map((w) => w.head), relation: s.words.map((w) => w.deprel) });
  const heldTags = tags.slice(300);
  const ours = scoreParses(held.map((s, i) => ({ predicted: model.parse(s.words.map((w) => w.form), heldTags[i]), reference: ref(s) })));
  const verb = scoreParses(held.map((s, i) => ({ predicted: nearestVerbBaseline(heldTags[i]), reference: ref(s) })));
  const prev = scoreParses(held.map((s, i) => ({ predicted: previousWordBaseline(heldTags[i]), reference: ref(s) })));
  console.log(`# 300-sentence model on 150 held-out EWT sentences: UAS ${ours.uas.toFixed(3)} LAS ${ours.las.toFixed(3)}; nearest-verb baseline UAS ${verb.uas.toFixed(3)}; previous-word baseline UAS ${prev.uas.toFixed(3)}`);
  assert.ok(ours.uas > verb.uas + 0.1 && ours.uas > prev.uas + 0.1, `UAS ${ours.uas} should beat the baselines ${verb.uas}, ${prev.uas}`);
  assert.ok(ours.las > 0.5);
});

if (!haveShared) console.log(`# parser: ${UD} is absent; the EWT slice test is skipped`);

// ---------------------------------------------------------------------------------------------
// The committed model on sentences we wrote

const annotate = createAnnotator();
function annotated(text: string) {
  const article: Article = { source: 'test', url: null, outlet: null, title: null, byline: [], published: null, language: 'en', text, paragraphs: [{ start: 0, end: text.length, kind: 'body' }], removed: [] };
  return annotate(article);
}

/** Parse one sentence with the committed model; `arc(dep)` gives [head word, relation]. */
function parsed(text: string) {
  const doc = annotated(text);
  const p = parseDocument(doc, loadParserModel());
  const idx = (word: string) => {
    const i = doc.tokens.findIndex((t) => t.text === word);
    assert.ok(i >= 0, `"${word}" is not a token of "${text}"`);
    return i;
  };
  const arc = (dep: string): [string, string] => {
    const i = idx(dep);
    return [p.head[i] < 0 ? 'ROOT' : doc.tokens[p.head[i]].text, p.relation[i]];
  };
  return { doc, p, arc, show: () => doc.tokens.map((t, i) => `${t.text}/${t.pos} <-${p.relation[i]}- ${p.head[i] < 0 ? 'ROOT' : doc.tokens[p.head[i]].text}`).join('; ') };
}

const haveModel = existsSync(join(DEFAULT_PARSER_DIR, 'config.json'));

test('committed model: a passive', { skip: !haveModel && 'models/parser is absent' }, () => {
  const { arc, show } = parsed('Masimov was ousted by the president.');
  assert.deepEqual(arc('Masimov'), ['ousted', 'nsubj:pass'], show());
  assert.deepEqual(arc('ousted'), ['ROOT', 'root'], show());
  assert.equal(arc('president')[0], 'ousted', show());
  assert.match(arc('president')[1], /^obl(:agent)?$/, show());
  assert.deepEqual(arc('by'), ['president', 'case'], show());
});

test('committed model: coordination', { skip: !haveModel && 'models/parser is absent' }, () => {
  const { arc, show } = parsed('Russia and China signed the agreement and praised the talks.');
  assert.deepEqual(arc('China'), ['Russia', 'conj'], show());
  assert.deepEqual(arc('Russia'), ['signed', 'nsubj'], show());
  assert.deepEqual(arc('praised'), ['signed', 'conj'], show());
  assert.deepEqual(arc('agreement'), ['signed', 'obj'], show());
});

test('committed model: a relative clause', { skip: !haveModel && 'models/parser is absent' }, () => {
  const { arc, show } = parsed('The soldiers who attacked the village were arrested.');
  assert.deepEqual(arc('attacked'), ['soldiers', 'acl:relcl'], show());
  assert.deepEqual(arc('who'), ['attacked', 'nsubj'], show());
  assert.deepEqual(arc('village'), ['attacked', 'obj'], show());
  assert.deepEqual(arc('soldiers'), ['arrested', 'nsubj:pass'], show());
});

test('committed model: reported speech', { skip: !haveModel && 'models/parser is absent' }, () => {
  const { arc, show } = parsed('Lavrov said that Russia would withdraw its troops.');
  assert.deepEqual(arc('withdraw'), ['said', 'ccomp'], show());
  assert.deepEqual(arc('Lavrov'), ['said', 'nsubj'], show());
  assert.deepEqual(arc('Russia'), ['withdraw', 'nsubj'], show());
  assert.deepEqual(arc('that'), ['withdraw', 'mark'], show());
  assert.deepEqual(arc('troops'), ['withdraw', 'obj'], show());
});

test('committed model: a nominal event', { skip: !haveModel && 'models/parser is absent' }, () => {
  const { arc, show } = parsed('Officials confirmed the arrival of troops in Almaty.');
  assert.deepEqual(arc('troops'), ['arrival', 'nmod'], show());
  assert.deepEqual(arc('of'), ['troops', 'case'], show());
  assert.deepEqual(arc('arrival'), ['confirmed', 'obj'], show());
});

test('parseDocument: one root per sentence, heads inside their sentence, pure', { skip: !haveModel && 'models/parser is absent' }, () => {
  const doc = annotated('Toqaev asked the CSTO for help. Russian troops arrived on January 6, officials said.\n\nThe mission ended.');
  const before = JSON.stringify(doc);
  const p = parseDocument(doc, loadParserModel());
  assert.equal(JSON.stringify(doc), before);
  assert.equal(p.head.length, doc.tokens.length);
  assert.equal(p.relation.length, doc.tokens.length);
  for (const s of doc.sentences) {
    let roots = 0;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      if (p.head[i] < 0) { roots++; assert.equal(p.relation[i], 'root'); continue; }
      assert.ok(p.head[i] >= s.tokenStart && p.head[i] < s.tokenEnd && p.head[i] !== i, `token ${i} has head ${p.head[i]} outside its sentence`);
    }
    assert.equal(roots, 1);
  }
  // no cycles: every token reaches the root
  for (let i = 0; i < p.head.length; i++) {
    let k = i;
    for (let steps = 0; p.head[k] >= 0; steps++) { assert.ok(steps < p.head.length, 'cycle'); k = p.head[k]; }
  }
  assert.deepEqual(parseSentence([], [], loadParserModel()), { head: [], relation: [] });
  assert.equal(loadParserModel(), loadParserModel()); // memoized
});

// ---------------------------------------------------------------------------------------------
// steppe parse

async function runParse(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const program = new Command('steppe');
  program.exitOverride();
  registerParseCommand(program);
  let out = '';
  let err = '';
  const w1 = process.stdout.write.bind(process.stdout);
  const w2 = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((s: string) => { out += s; return true; }) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => { err += s; return true; }) as typeof process.stderr.write;
  const saved = process.exitCode;
  process.exitCode = 0;
  try {
    await program.parseAsync(['node', 'steppe', 'parse', ...args]);
  } finally {
    process.stdout.write = w1;
    process.stderr.write = w2;
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = saved;
  return { code, out, err };
}

test('steppe parse: CoNLL-U in, CoNLL-U out with HEAD and DEPREL; clear errors', { skip: !haveModel && 'models/parser is absent' }, async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'in.conllu');
  writeFileSync(file, TINY.replace(/\t(PROPN|VERB)\t/g, '\t_\t'));
  const r = await runParse(['--conllu', file]);
  assert.equal(r.code, 0, r.err);
  const back = readConllu(r.out);
  assert.equal(back.length, 3);
  assert.match(r.out, /^# text = The president didn't resign\.$/m);
  assert.match(r.out, /^3-4\tdidn't\t/m);
  assert.ok(back.every((s) => s.words.every((w) => w.head >= -1 && w.head < s.words.length && w.deprel !== '_' && w.upos !== '_')));
  assert.deepEqual(back[0].words.map((w) => w.head), [1, -1, 1, 1], r.out);
  const gold = await runParse(['--conllu', file, '--gold-pos']);
  assert.equal(gold.code, 0, gold.err);

  const missing = await runParse(['--conllu', join(dir, 'nope.conllu')]);
  assert.equal(missing.code, 1);
  assert.equal(missing.out, '');
  assert.match(missing.err, /^steppe: .*nope\.conllu: no such file\n$/);
  writeFileSync(join(dir, 'bad.conllu'), 'this is not\tCoNLL-U\n');
  const bad = await runParse(['--conllu', join(dir, 'bad.conllu')]);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /^steppe: .*bad\.conllu: line 1: expected 10 tab-separated CoNLL-U columns, found 2\n$/);
});
