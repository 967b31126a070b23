/**
 * `npm run train:events`: trains the PLOVER event-type classifier (src/events/classifier.ts) on
 * the NGEC synthetic stories' training split (80% of title templates; see src/events/data.ts)
 * and writes models/events/{config.json, weights.json, meta.json}. Deterministic: fixed seed,
 * fixed epochs. Flags: `--out DIR`, `--epochs N`, `--limit N` (train on the first N stories).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_DIR, PACKAGE_ROOT } from '../src/paths.js';
import { readNgec } from '../src/events/data.js';
import { PerceptronTrainer, features, predict, type EventClassifier } from '../src/events/classifier.js';
import { PLOVER_TYPES } from '../src/events/codebook.js';

const arg = (name: string, def: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : def; };
const out = arg('out', join(PACKAGE_ROOT, 'models', 'events'));
const epochs = Number(arg('epochs', '3'));
const limit = Number(arg('limit', '0'));
const lead = Number(arg('lead', '1'));
const minCount = Number(arg('min-count', '2'));

/** Mulberry32 PRNG (seeded shuffles). */
function rng(seed: number) {
  return () => { seed |= 0; seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

const t0 = Date.now();
let { train, dev } = readNgec(SHARED_DIR, lead);
if (limit) train = train.slice(0, limit);
const classes: string[] = [...PLOVER_TYPES];
const trainer = new PerceptronTrainer(classes);
// features seen in fewer than `minCount` training stories are dropped (they only memorise)
const counts = new Map<string, number>();
for (const x of train) for (const f of features(x.text)) counts.set(f, (counts.get(f) ?? 0) + 1);
const feats = train.map((x) => features(x.text).filter((f) => (counts.get(f) ?? 0) >= minCount));
const ys = train.map((x) => classes.indexOf(x.label));
const rand = rng(20240601);
const order = train.map((_, i) => i);
for (let e = 0; e < epochs; e++) {
  for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
  for (const i of order) if (ys[i] >= 0) trainer.update(feats[i], ys[i]);
}
const weights = trainer.averaged();
// temperature: the one (from a grid) that minimises negative log-likelihood on the training split
const model: EventClassifier = { classes, weights, temperature: 1 };
const { predictProba } = await import('../src/events/classifier.js');
let bestT = 1, bestNll = Infinity;
for (const T of [0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3]) {
  model.temperature = T;
  let nll = 0;
  for (let i = 0; i < train.length; i += 3) nll -= Math.log(Math.max(1e-9, predictProba(model, train[i].text)[ys[i]]));
  if (nll < bestNll) { bestNll = nll; bestT = T; }
}
model.temperature = bestT;
const acc = (set: typeof dev) => set.filter((x) => predict(model, x.text).type === x.label).length / Math.max(1, set.length);
const scores = { trainAccuracy: acc(train), devAccuracy: acc(dev) };
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'config.json'), JSON.stringify({ kind: 'plover-sentence-classifier', classes, temperature: bestT, features: ['unigram (minus stop words)', 'bigram', '4-letter prefix of words longer than 5'] }, null, 2) + '\n');
const sorted = Object.fromEntries([...weights.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
writeFileSync(join(out, 'weights.json'), JSON.stringify(sorted).replace(/\],"/g, '],\n"') + '\n');
writeFileSync(join(out, 'meta.json'), JSON.stringify({
  name: 'steppe-plover-classifier', version: 1, trained: new Date().toISOString().slice(0, 10),
  data: 'NGEC synthetic PLOVER stories (gpt_synthetic_events_2023-10-19_19.csv, Halterman 2023): headline + first two sentences; train split = title templates with FNV-1a(template) % 5 != 0',
  examples: { train: train.length, dev: dev.length }, epochs, leadSentences: lead, minFeatureCount: minCount, features: weights.size, scores,
  retrain: 'npm run train:events (needs ../shared/eval/events)',
}, null, 2) + '\n');
console.log(`trained on ${train.length} stories, ${epochs} epochs, ${weights.size} features, T=${bestT}, in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
console.log(`accuracy: train ${scores.trainAccuracy.toFixed(3)}, NGEC dev split ${scores.devAccuracy.toFixed(3)}`);
