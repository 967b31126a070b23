/**
 * `npm run train:parser [-- --limit N --out DIR --epochs N --seed N --gold-pos --dev-each-epoch]`
 *
 * Trains the dependency parser on UD English EWT train (../shared/train/ud) with the UPOS tags
 * wink-nlp predicts for its sentences, scores it on EWT dev (never trained on), measures its speed,
 * and writes the model folder (default models/parser): config.json, weights.tsv, meta.json,
 * MODEL_CARD.md. Deterministic: fixed seed and epochs.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SHARED_DIR, PACKAGE_ROOT } from '../src/paths.js';
import { readConlluFile, tagWithWink, toTrainSentences, trainParser, scoreParses, DEFAULT_PARSER_DIR, ParserModel, type ConlluSentence, type AttachmentScores } from '../src/nlp/parser/index.js';

interface Args { limit: number; out: string; epochs: number; seed: number; goldPos: boolean; devEachEpoch: boolean; joined: boolean }

function parseArgs(argv: string[]): Args {
  const a: Args = { limit: 0, out: DEFAULT_PARSER_DIR, epochs: 15, seed: 1, goldPos: false, devEachEpoch: false, joined: false };
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
    else if (f === '--dev-each-epoch') a.devEachEpoch = true;
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

function evaluate(model: ParserModel, sents: ConlluSentence[], tags: string[][]): AttachmentScores {
  return scoreParses(sents.map((s, i) => ({
    predicted: model.parse(s.words.map((w) => w.form), tags[i]),
    reference: { head: s.words.map((w) => w.head), relation: s.words.map((w) => w.deprel) },
  })));
}

function sentencesPerSecond(model: ParserModel, sents: ConlluSentence[], tags: string[][], seconds = 3): number {
  const words = sents.map((s) => s.words.map((w) => w.form));
  for (let i = 0; i < Math.min(500, words.length); i++) model.parse(words[i], tags[i]);
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) {
    for (let i = 0; i < words.length; i++) model.parse(words[i], tags[i]);
    n += words.length;
  }
  return n / ((performance.now() - t0) / 1000);
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

  const tTrain = Date.now();
  const model = trainParser(toTrainSentences(train, args.goldPos ? undefined : trainTags), {
    epochs: args.epochs,
    seed: args.seed,
    name: 'steppe-parser-en-ewt',
    log: (l) => console.log(`train-parser: ${l}`),
    onEpoch: args.devEachEpoch
      ? (e, m) => { const s = evaluate(m(), dev, args.goldPos ? devGold : devTags); console.log(`train-parser:   dev UAS ${pct(s.uas)} LAS ${pct(s.las)}`); }
      : undefined,
  });
  const trainSeconds = (Date.now() - tTrain) / 1000;
  model.save(args.out);

  // reload what was written, so the scores are those of the saved files
  const tLoad = performance.now();
  const saved = ParserModel.load(args.out);
  const loadSeconds = (performance.now() - tLoad) / 1000;
  const wink = evaluate(saved, dev, devTags);
  const gold = evaluate(saved, dev, devGold);
  const speed = sentencesPerSecond(saved, dev, devTags);
  const weightsBytes = readFileSync(join(args.out, saved.config.weights)).length;
  console.log(`train-parser: dev (wink UPOS) UAS ${pct(wink.uas)} LAS ${pct(wink.las)} (LAS with subtypes ${pct(wink.lasFull)}); dev (gold UPOS) UAS ${pct(gold.uas)} LAS ${pct(gold.las)}`);
  console.log(`train-parser: ${saved.weights.rows} features, ${(weightsBytes / 1e6).toFixed(1)} MB weights, load ${loadSeconds.toFixed(2)} s, ${Math.round(speed)} sentences/s (parse only, one core), training ${trainSeconds.toFixed(0)} s`);

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
    pos: args.goldPos ? 'gold UPOS of the treebank' : `wink-nlp (wink-eng-lite-web-model) UPOS, ${args.joined ? 'words joined by spaces' : 'read from the sentence text'} and aligned to the gold words by character offsets`,
    training: { system: 'arc-eager, root at the end, labelled', oracle: 'dynamic (Goldberg & Nivre 2012), explore p=0.9 from epoch 2', learner: 'averaged perceptron, lazy averaging', epochs: args.epochs, seed: args.seed, prune: '|w| < 0.5 dropped', seconds: Math.round(trainSeconds) },
    scores: {
      metric: 'CoNLL 2018 UAS/LAS: all words, punctuation included; LAS on universal relations (subtypes ignored); gold tokenization',
      devWinkPos: round(wink),
      devGoldPos: round(gold),
      devWinkUposAccuracy: +tagAccuracy(dev, devTags).toFixed(4),
    },
    speed: { sentencesPerSecond: Math.round(speed), note: 'parse only, one core, EWT dev sentences, node ' + process.version },
    size: { features: saved.weights.rows, weightsBytes, loadSeconds: +loadSeconds.toFixed(2) },
    retrain: 'npm run train:parser (needs ../shared/train/ud)',
  };
  writeFileSync(join(args.out, 'meta.json'), JSON.stringify(meta, null, 2) + '\n');
  console.log(`train-parser: wrote ${args.out} in ${((Date.now() - tStart) / 1000).toFixed(0)} s`);
}

main();
