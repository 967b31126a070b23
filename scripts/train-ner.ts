/**
 * Train the NER model (issue 4) on CoNLL-2003 English train and write the model folder.
 *
 *   npm run train:ner                          # full training set → models/ner
 *   npm run train:ner -- --limit 2000 --out /tmp/ner-small
 *   npm run train:ner -- --validate            # hold out every tenth training document, print
 *                                              # validation F1 after each epoch, write nothing
 *   npm run train:ner -- --one-pass            # first pass only (faster to train and to run)
 *
 * Reproducible: a fixed seed and a fixed number of epochs. The dev set (eng.testa) is read only
 * at the end, to record its scores in meta.json; nothing is chosen by it.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cpus } from 'node:os';
import { SHARED_DIR, PACKAGE_ROOT } from '../src/paths.js';
import { Gazetteer } from '../src/nlp/ner/features.js';
import { trainNerModel, type NerModel, type TrainDocument } from '../src/nlp/ner/model.js';
import {
  readConllDocuments, toTrainDocuments, limitSentences, dictionaryGazetteerEntries, tagDocument, bilouToBio,
} from '../src/nlp/ner/index.js';
import { scoreEntities } from '../src/nlp/ner/score.js';

/** Chosen on a held-out tenth of the training documents (`--validate`), never on the dev set. */
const EPOCHS = 6;
const SEED = 20240601;
/** Static features seen fewer times in training get no weight; averaged weights below PRUNE (largest = 100) are dropped. */
const MIN_COUNT = 2;
const PRUNE = 0.1;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function evaluate(model: NerModel, docs: TrainDocument[]): number {
  const pairs: Array<{ predicted: string[]; reference: string[] }> = [];
  for (const d of docs) {
    const pred = model.predictDocument(d.sentences);
    pred.forEach((p, i) => pairs.push({ predicted: bilouToBio(p), reference: bilouToBio(d.tags[i]) }));
  }
  return scoreEntities(pairs, ['PER', 'ORG', 'LOC']).micro.f1;
}

async function main(): Promise<void> {
  const trainFile = join(SHARED_DIR, 'train', 'ner', 'conll2003_eng_train.txt');
  const devFile = join(SHARED_DIR, 'eval', 'ner', 'conll2003_eng_valid.txt');
  if (!existsSync(trainFile)) {
    process.stderr.write(`train-ner: ${trainFile} not found (the CoNLL-2003 training set lies in ../shared/train/ner)\n`);
    process.exit(1);
  }
  const limit = arg('--limit') ? Number(arg('--limit')) : Infinity;
  const epochs = arg('--epochs') ? Number(arg('--epochs')) : EPOCHS;
  const validate = process.argv.includes('--validate');
  const twoPass = !process.argv.includes('--one-pass');
  const out = resolve(arg('--out') ?? join(PACKAGE_ROOT, 'models', 'ner'));
  const t0 = performance.now();
  let conll = readConllDocuments(readFileSync(trainFile, 'utf8'));
  if (Number.isFinite(limit)) conll = limitSentences(conll, limit);
  const docs = toTrainDocuments(conll);
  const tPos = performance.now();
  const gazetteer = new Gazetteer(await dictionaryGazetteerEntries());
  const nSent = docs.reduce((a, d) => a + d.sentences.length, 0);
  const nTok = docs.reduce((a, d) => a + d.sentences.reduce((b, s) => b + s.length, 0), 0);
  console.log(`train-ner: ${docs.length} documents, ${nSent} sentences, ${nTok} tokens; wink POS in ${((tPos - t0) / 1000).toFixed(1)} s; gazetteer ${gazetteer.size} names`);

  if (validate) {
    // every tenth document (the 4th of each ten) is held out
    const train = docs.filter((_, i) => i % 10 !== 3);
    const held = docs.filter((_, i) => i % 10 === 3);
    trainNerModel(train, {
      epochs, seed: SEED, gazetteer, twoPass, minCount: MIN_COUNT, prune: PRUNE,
      onEpoch: ({ phase, epoch, errors, tokens, model }) => {
        if (phase.startsWith('fold')) { console.log(`${phase} done`); return; }
        const m = model();
        console.log(`${phase} epoch ${epoch}: train errors ${errors}/${tokens}; validation F1 (PER/ORG/LOC) ${evaluate(m, held).toFixed(4)}; features ${m.featureCount}`);
      },
    });
    return;
  }

  const model = trainNerModel(docs, {
    epochs, seed: SEED, gazetteer, twoPass, minCount: MIN_COUNT, prune: PRUNE,
    onEpoch: ({ phase, epoch, errors, tokens }) => console.log(phase.startsWith('fold')
      ? `${phase}: first-pass tags of the held-out fold done (${((performance.now() - tPos) / 1000).toFixed(1)} s)`
      : `${phase} epoch ${epoch}: train errors ${errors}/${tokens} (${((performance.now() - tPos) / 1000).toFixed(1)} s)`),
  });
  const trainSeconds = (performance.now() - t0) / 1000;
  const { weightsBytes } = model.save(out);
  console.log(`train-ner: trained in ${trainSeconds.toFixed(1)} s; ${model.featureCount} features; weights ${(weightsBytes / 1e6).toFixed(2)} MB → ${out}`);

  const meta: Record<string, unknown> = {
    name: model.config.name,
    description: 'Named-entity recognizer (PER, ORG, LOC, MISC): averaged perceptron, greedy BILOU decoding.',
    data: {
      train: 'CoNLL-2003 English train (Reuters RCV1), ../shared/train/ner/conll2003_eng_train.txt' + (Number.isFinite(limit) ? ` (first ${limit} sentences)` : ''),
      dev: 'CoNLL-2003 English dev (eng.testa), ../shared/eval/ner/conll2003_eng_valid.txt (scores only)',
      documents: docs.length, sentences: nSent, tokens: nTok,
    },
    pos: 'wink-nlp 2 + wink-eng-lite-web-model (Universal POS) predicted on the space-joined CoNLL tokens; CoNLL gold POS unused',
    gazetteer: `our actor dictionary (data/actors) and outlets (data/outlets.yaml), ${gazetteer.size} names, copied to gazetteer.tsv`,
    epochs, seed: SEED, minCount: MIN_COUNT, prune: PRUNE, passes: twoPass ? 2 : 1, folds: 4,
    date: new Date().toISOString().slice(0, 10),
    trainSeconds: Math.round(trainSeconds),
    machine: `${cpus()[0]?.model ?? 'unknown'}, node ${process.version}`,
    features: model.featureCount,
    weightsBytes,
    retrain: 'npm run train:ner (options: --limit N, --out DIR, --epochs E, --validate)',
  };
  if (existsSync(devFile)) {
    const dev = readConllDocuments(readFileSync(devFile, 'utf8'));
    const pairs: Array<{ predicted: string[]; reference: string[] }> = [];
    for (const d of dev) {
      const pred = tagDocument(d.map((s) => s.tokens), model);
      d.forEach((s, i) => pairs.push({ predicted: pred[i], reference: s.tags }));
    }
    const sc = scoreEntities(pairs, ['PER', 'ORG', 'LOC']);
    const r = (x: number): number => Math.round(x * 10000) / 10000;
    meta.dev = {
      microF1_PER_ORG_LOC: r(sc.micro.f1), precision: r(sc.micro.precision), recall: r(sc.micro.recall),
      byType: Object.fromEntries(Object.entries(sc.byType).map(([t, s]) => [t, { precision: r(s.precision), recall: r(s.recall), f1: r(s.f1) }])),
    };
    console.log(`train-ner: dev micro-F1 (PER/ORG/LOC) ${sc.micro.f1.toFixed(4)}`);
  }
  writeFileSync(join(out, 'meta.json'), JSON.stringify(meta, null, 2) + '\n');
}

main().catch((e) => { process.stderr.write(`train-ner: ${(e as Error).stack ?? e}\n`); process.exit(1); });
