/**
 * The NER model: an averaged perceptron over BILOU tags, decoded greedily left to right with the
 * previous two predicted tags as features and hard BILOU transition constraints (issue 4).
 *
 * Training is the decoder loop plus a perceptron update (DESIGN.md, model 3; Honnibal, "Parsing
 * English in 500 lines of Python"): `decodeDocument` is the one decoder, used by `predict` and by
 * `trainNerModel`, which updates its weights whenever the greedy guess differs from the gold tag.
 * Weights are averaged lazily: each (feature, tag) weight keeps the step it was last changed and a
 * running total, brought up to date only when it changes and once at the end.
 *
 * A model is a folder (DESIGN.md, model 4): `config.json` (tags, feature set, decoder),
 * `weights.tsv` (one feature a line: `feature<TAB>tagIndex:weight …`, averaged, scaled, rounded,
 * near-zero weights pruned), `gazetteer.tsv` (`name<TAB>class`) and `meta.json` (data, date,
 * scores, how to retrain).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  BILOU_TAGS, Gazetteer, History, dynamicFeatures, historyWord, prepareDocument, staticFeatures,
  type NerToken, type PreparedSentence,
} from './features.js';

/** Version of the feature set; a model trained with another one is refused at load. */
export const FEATURE_SET = 'steppe-ner-features/1';

/** `config.json` of a model folder. */
export interface NerConfig {
  name: string;
  featureSet: string;
  decoder: 'greedy-bilou';
  tags: string[];
  /** Weights were multiplied by this before rounding (for information). */
  scale: number;
  weightsFile: string;
  gazetteerFile: string;
}

/** Something that scores tags for the decoder: the trained model, or the trainer's live weights. */
interface Scorer {
  /** Add the static-feature scores of token `i` of sentence `si` into `out`. */
  addStatic(si: number, s: PreparedSentence, i: number, out: Float64Array): void;
  /** Add the scores of dynamic features into `out`. */
  addDynamic(feats: string[], out: Float64Array): void;
}

/** Learner hooks: the gold tags and the update, called on every token (trainer only). */
interface Learner {
  gold: string[][];
  step(si: number, i: number, dyn: string[], gold: number, guess: number): void;
}

const NT = BILOU_TAGS.length;
const TAG_INDEX = new Map(BILOU_TAGS.map((t, i) => [t, i]));

/** allowed[prev * NT + next]: the BILOU transition constraints; `prev` = NT stands for the sentence start. */
const ALLOWED = (() => {
  const a = new Uint8Array((NT + 1) * NT);
  for (let p = 0; p <= NT; p++) {
    const pt = p === NT ? 'O' : BILOU_TAGS[p];
    const open = pt[0] === 'B' || pt[0] === 'I';
    for (let n = 0; n < NT; n++) {
      const nt = BILOU_TAGS[n];
      let ok: boolean;
      if (open) ok = (nt[0] === 'I' || nt[0] === 'L') && nt.slice(2) === pt.slice(2);
      else ok = nt === 'O' || nt[0] === 'B' || nt[0] === 'U';
      a[p * NT + n] = ok ? 1 : 0;
    }
  }
  return a;
})();

/**
 * The one decoder: tag every sentence of a document in order, greedily, under BILOU constraints.
 * With a learner, each token's guess and gold are handed to `learner.step` (which updates the
 * weights) and the guess is kept as history, as at prediction time.
 */
function decodeDocument(doc: PreparedSentence[], scorer: Scorer, learner: Learner | null): string[][] {
  const history = new History();
  const scores = new Float64Array(NT);
  const out: string[][] = [];
  for (let si = 0; si < doc.length; si++) {
    const s = doc[si];
    const tags = new Array<string>(s.n);
    let prev = NT;
    let prev2 = NT;
    for (let i = 0; i < s.n; i++) {
      scores.fill(0);
      scorer.addStatic(si, s, i, scores);
      const hw = historyWord(s, i);
      const dyn = dynamicFeatures(s, i, prev === NT ? '<s>' : BILOU_TAGS[prev], prev2 === NT ? '<s>' : BILOU_TAGS[prev2], hw ? history.feature(s.lower[i]) : '-');
      scorer.addDynamic(dyn, scores);
      const last = i === s.n - 1;
      let best = -1;
      let bestScore = -Infinity;
      for (let t = 0; t < NT; t++) {
        if (!ALLOWED[prev * NT + t]) continue;
        if (last) { const c = BILOU_TAGS[t][0]; if (c === 'B' || c === 'I') continue; }
        if (scores[t] > bestScore) { bestScore = scores[t]; best = t; }
      }
      if (learner) {
        const gold = TAG_INDEX.get(learner.gold[si][i]);
        if (gold === undefined) throw new Error(`unknown tag ${learner.gold[si][i]}`);
        learner.step(si, i, dyn, gold, best);
      }
      tags[i] = BILOU_TAGS[best];
      if (hw) history.add(s.lower[i], tags[i]);
      prev2 = prev;
      prev = best;
    }
    out.push(tags);
  }
  return out;
}

/** A trained model: feature rows and weights, the gazetteer, the config. */
export class NerModel {
  readonly config: NerConfig;
  readonly gazetteer: Gazetteer;
  private readonly rows: Map<string, number>;
  private readonly weights: Float32Array;
  /** Cache of static scores per (sentence-free) word key; see `predictDocument`. */

  constructor(config: NerConfig, gazetteer: Gazetteer, rows: Map<string, number>, weights: Float32Array) {
    this.config = config;
    this.gazetteer = gazetteer;
    this.rows = rows;
    this.weights = weights;
  }

  /** Number of features with a weight. */
  get featureCount(): number {
    return this.rows.size;
  }

  private addFeature(f: string, out: Float64Array): void {
    const r = this.rows.get(f);
    if (r === undefined) return;
    const w = this.weights;
    const o = r * NT;
    for (let t = 0; t < NT; t++) out[t] += w[o + t];
  }

  /** Predict BILOU tags for the sentences (NER tokens with POS) of one document. Pure. */
  predictDocument(sentences: NerToken[][]): string[][] {
    const doc = prepareDocument(sentences, this.gazetteer);
    const scorer: Scorer = {
      addStatic: (_si, s, i, out) => { for (const f of staticFeatures(s, i)) this.addFeature(f, out); },
      addDynamic: (feats, out) => { for (const f of feats) this.addFeature(f, out); },
    };
    return decodeDocument(doc, scorer, null);
  }

  /** Write the model folder: config.json, weights.tsv, gazetteer.tsv (meta.json is the trainer's). */
  save(dir: string): { weightsBytes: number } {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'config.json'), JSON.stringify(this.config, null, 2) + '\n');
    const lines: string[] = [];
    const keys = [...this.rows.keys()].sort();
    for (const k of keys) {
      const o = this.rows.get(k)! * NT;
      const parts: string[] = [];
      for (let t = 0; t < NT; t++) {
        const v = this.weights[o + t];
        if (v !== 0) parts.push(`${t}:${fmt(v)}`);
      }
      if (parts.length) lines.push(`${k}\t${parts.join(' ')}`);
    }
    const text = lines.join('\n') + '\n';
    writeFileSync(join(dir, this.config.weightsFile), text);
    writeFileSync(join(dir, this.config.gazetteerFile), this.gazetteer.entries().map(([n, c]) => `${n}\t${c}`).join('\n') + '\n');
    return { weightsBytes: Buffer.byteLength(text) };
  }

  /** Read a model folder written by `save`. Throws with the file and the reason on a bad folder. */
  static load(dir: string): NerModel {
    const read = (f: string): string => {
      try {
        return readFileSync(join(dir, f), 'utf8');
      } catch (e) {
        throw new Error(`${join(dir, f)}: cannot read NER model file (${(e as NodeJS.ErrnoException).code ?? e}); run \`npm run train:ner\``);
      }
    };
    const config = JSON.parse(read('config.json')) as NerConfig;
    if (config.featureSet !== FEATURE_SET) throw new Error(`${join(dir, 'config.json')}: feature set ${config.featureSet}, this code reads ${FEATURE_SET}; retrain with \`npm run train:ner\``);
    if (config.tags.join(' ') !== BILOU_TAGS.join(' ')) throw new Error(`${join(dir, 'config.json')}: unexpected tag set`);
    const gazetteer = new Gazetteer(read(config.gazetteerFile).split('\n').filter(Boolean).map((l) => {
      const tab = l.indexOf('\t');
      return [l.slice(0, tab), l.slice(tab + 1)] as [string, string];
    }));
    const text = read(config.weightsFile);
    const rows = new Map<string, number>();
    let weights = new Float32Array(1 << 16);
    let pos = 0;
    while (pos < text.length) {
      let nl = text.indexOf('\n', pos);
      if (nl < 0) nl = text.length;
      const tab = text.indexOf('\t', pos);
      if (tab > pos && tab < nl) {
        const r = rows.size;
        rows.set(text.slice(pos, tab), r);
        if ((r + 1) * NT > weights.length) { const w2 = new Float32Array(weights.length * 2); w2.set(weights); weights = w2; }
        for (const p of text.slice(tab + 1, nl).split(' ')) {
          const c = p.indexOf(':');
          weights[r * NT + Number(p.slice(0, c))] = Number(p.slice(c + 1));
        }
      }
      pos = nl + 1;
    }
    return new NerModel(config, gazetteer, rows, weights.slice(0, rows.size * NT));
  }
}

function fmt(v: number): string {
  return String(Math.round(v * 1000) / 1000);
}

/** One training document: sentences of NER tokens with their gold BILOU tags. */
export interface TrainDocument {
  sentences: NerToken[][];
  tags: string[][];
}

/** Options of `trainNerModel`. */
export interface TrainOptions {
  epochs: number;
  /** Seed of the document shuffle (fixed: the same data and seed give the same model). */
  seed: number;
  gazetteer: Gazetteer;
  /** Weights below this (after scaling so that the largest is 100) are dropped. */
  prune?: number;
  /** Called after each epoch with the averaged model of that moment (for validation curves). */
  onEpoch?: (epoch: number, model: () => NerModel, stats: { errors: number; tokens: number }) => void;
}

/** Mulberry32: a small seeded PRNG for a reproducible shuffle. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Train the averaged perceptron on documents; deterministic for a given seed. */
export function trainNerModel(docs: TrainDocument[], opts: TrainOptions): NerModel {
  const ids = new Map<string, number>();
  const names: string[] = [];
  const intern = (f: string): number => {
    let id = ids.get(f);
    if (id === undefined) { id = names.length; ids.set(f, id); names.push(f); }
    return id;
  };
  // Static features never change: compute them once per token, as ids.
  const prepared = docs.map((d) => prepareDocument(d.sentences, opts.gazetteer));
  const staticIds: Int32Array[][][] = prepared.map((doc) => doc.map((s) => {
    const arr: Int32Array[] = [];
    for (let i = 0; i < s.n; i++) arr.push(Int32Array.from(staticFeatures(s, i), intern));
    return arr;
  }));

  // Weight rows are allocated on a feature's first update.
  let rowOf = new Int32Array(Math.max(1024, names.length * 2)).fill(-1);
  let nRows = 0;
  let cap = 1 << 16;
  let w: Float64Array = new Float64Array(cap * NT);
  let tot: Float64Array = new Float64Array(cap * NT);
  let ts: Float64Array = new Float64Array(cap * NT);
  let step = 0;
  const rowFor = (id: number): number => {
    if (id >= rowOf.length) { const r2 = new Int32Array(Math.max(id + 1, rowOf.length * 2)).fill(-1); r2.set(rowOf); rowOf = r2; }
    let r = rowOf[id];
    if (r < 0) {
      r = nRows++;
      rowOf[id] = r;
      if (nRows > cap) {
        cap *= 2;
        const grow = (a: Float64Array): Float64Array => { const b = new Float64Array(cap * NT); b.set(a); return b; };
        w = grow(w); tot = grow(tot); ts = grow(ts);
      }
    }
    return r;
  };
  const bump = (id: number, tag: number, d: number): void => {
    const k = rowFor(id) * NT + tag;
    tot[k] += (step - ts[k]) * w[k];
    ts[k] = step;
    w[k] += d;
  };
  const addId = (id: number, out: Float64Array): void => {
    if (id >= rowOf.length) return;
    const r = rowOf[id];
    if (r < 0) return;
    const o = r * NT;
    for (let t = 0; t < NT; t++) out[t] += w[o + t];
  };

  const averaged = (): NerModel => {
    const T = Math.max(1, step);
    const avg = new Float64Array(nRows * NT);
    let max = 0;
    for (let k = 0; k < nRows * NT; k++) {
      const v = (tot[k] + (step - ts[k]) * w[k]) / T;
      avg[k] = v;
      if (Math.abs(v) > max) max = Math.abs(v);
    }
    const scale = max > 0 ? 100 / max : 1;
    const prune = opts.prune ?? 0.01;
    const rows = new Map<string, number>();
    const kept: number[] = [];
    const byRow = new Array<number>(nRows);
    for (let id = 0; id < rowOf.length && id < names.length; id++) if (rowOf[id] >= 0) byRow[rowOf[id]] = id;
    const weights: number[] = [];
    for (let r = 0; r < nRows; r++) {
      let any = false;
      const vals = new Array<number>(NT);
      for (let t = 0; t < NT; t++) {
        let v = Math.round(avg[r * NT + t] * scale * 1000) / 1000;
        if (Math.abs(v) < prune) v = 0;
        vals[t] = v;
        if (v !== 0) any = true;
      }
      const name = names[byRow[r]];
      if (!any || /[\t\n]/.test(name)) continue;
      rows.set(name, kept.length);
      kept.push(r);
      weights.push(...vals);
    }
    const config: NerConfig = {
      name: 'steppe-ner-conll03-en', featureSet: FEATURE_SET, decoder: 'greedy-bilou', tags: BILOU_TAGS,
      scale, weightsFile: 'weights.tsv', gazetteerFile: 'gazetteer.tsv',
    };
    return new NerModel(config, opts.gazetteer, rows, Float32Array.from(weights));
  };

  const random = rng(opts.seed);
  const order = docs.map((_, i) => i);
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let errors = 0;
    let tokens = 0;
    for (const di of order) {
      const sids = staticIds[di];
      const scorer: Scorer = {
        addStatic: (si, _s, i, out) => { for (const id of sids[si][i]) addId(id, out); },
        addDynamic: (feats, out) => { for (const f of feats) { const id = ids.get(f); if (id !== undefined) addId(id, out); } },
      };
      const learner: Learner = {
        gold: docs[di].tags,
        step: (si, i, dyn, gold, guess) => {
          step++;
          tokens++;
          if (gold === guess) return;
          errors++;
          for (const id of sids[si][i]) { bump(id, gold, 1); bump(id, guess, -1); }
          for (const f of dyn) { const id = intern(f); bump(id, gold, 1); bump(id, guess, -1); }
        },
      };
      decodeDocument(prepared[di], scorer, learner);
    }
    opts.onEpoch?.(epoch, averaged, { errors, tokens });
  }
  return averaged();
}
