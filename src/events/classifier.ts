/**
 * PLOVER event-type classifier over one sentence (or a title plus lead): a multiclass averaged
 * perceptron (Collins 2002; weights averaged lazily as in Honnibal's "Parsing English in 500
 * lines of Python") over lower-cased word unigrams, bigrams and four-letter prefixes.
 *
 * The model is a folder (DESIGN.md, model 4): `config.json` (classes, features), `weights.json`
 * (feature → {class: weight}, pruned and rounded), `meta.json` (data, scores, how to retrain).
 * `scripts/train-events.ts` trains it; `predict` is pure. Scores become probabilities with a
 * softmax whose temperature is fitted on the training split (`config.temperature`).
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import { SteppeError } from '../errors.js';

/** The 16 PLOVER event types the classifier predicts, plus NONE for "no event". */
export type PloverClass = string;

/** A loaded classifier. */
export interface EventClassifier {
  classes: PloverClass[];
  /** feature → weights per class index (sparse: class index → weight) */
  weights: Map<string, Array<[number, number]>>;
  temperature: number;
}

const STOP = new Set(['the', 'a', 'an', 'of', 'to', 'in', 'and', 'on', 'for', 'with', 'by', 'at', 'from', 'as', 'is', 'was', 'that', 'its', 'it', 'this', 'be', 'are', 'has', 'have', 'had', 'were', 'their', 'his', 'her']);

/** Words of a text: lower case, letters and digits, `{placeholders}` and numbers folded. */
export function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}][\p{L}'’-]*|\d+/gu) ?? []).map((w) => (/^\d+$/.test(w) ? '<num>' : w.replace(/[’']s$/, '')));
}

/** Sparse binary features of a text: unigrams (minus stop words), bigrams, 4-letter prefixes. */
export function features(text: string): string[] {
  const w = words(text);
  const out = new Set<string>(['bias']);
  for (let i = 0; i < w.length; i++) {
    if (!STOP.has(w[i])) {
      out.add(`w=${w[i]}`);
      if (w[i].length > 5) out.add(`p=${w[i].slice(0, 4)}`);
    }
    if (i + 1 < w.length) out.add(`b=${w[i]}_${w[i + 1]}`);
  }
  return [...out];
}

/** Raw class scores for a feature list. */
export function scores(model: EventClassifier, feats: string[]): Float64Array {
  const s = new Float64Array(model.classes.length);
  for (const f of feats) {
    const ws = model.weights.get(f);
    if (ws) for (const [c, v] of ws) s[c] += v;
  }
  return s;
}

/** Class probabilities (softmax of scores / temperature), in `model.classes` order. */
export function predictProba(model: EventClassifier, text: string): number[] {
  const s = scores(model, features(text));
  const t = model.temperature || 1;
  let max = -Infinity;
  for (const v of s) if (v > max) max = v;
  const e = Array.from(s, (v) => Math.exp((v - max) / t));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / z);
}

/** The most probable class and its probability. */
export function predict(model: EventClassifier, text: string): { type: PloverClass; p: number } {
  const p = predictProba(model, text);
  let best = 0;
  for (let i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
  return { type: model.classes[best], p: p[best] };
}

/** Multiclass averaged perceptron trainer (lazy averaging). */
export class PerceptronTrainer {
  readonly classes: string[];
  private w = new Map<string, Float64Array>();
  private totals = new Map<string, Float64Array>();
  private stamps = new Map<string, Float64Array>();
  private i = 0;
  constructor(classes: string[]) {
    this.classes = classes;
  }
  private vec(map: Map<string, Float64Array>, f: string): Float64Array {
    let v = map.get(f);
    if (!v) { v = new Float64Array(this.classes.length); map.set(f, v); }
    return v;
  }
  /** Current (non-averaged) prediction. */
  predict(feats: string[]): number {
    const s = new Float64Array(this.classes.length);
    for (const f of feats) { const v = this.w.get(f); if (v) for (let c = 0; c < s.length; c++) s[c] += v[c]; }
    let best = 0;
    for (let c = 1; c < s.length; c++) if (s[c] > s[best]) best = c;
    return best;
  }
  /** One training step on an example of class `truth`. */
  update(feats: string[], truth: number): void {
    this.i++;
    const guess = this.predict(feats);
    if (guess === truth) return;
    for (const f of feats) {
      const w = this.vec(this.w, f), tot = this.vec(this.totals, f), st = this.vec(this.stamps, f);
      for (const [c, d] of [[truth, 1], [guess, -1]] as const) {
        tot[c] += (this.i - st[c]) * w[c];
        st[c] = this.i;
        w[c] += d;
      }
    }
  }
  /** Averaged weights, pruned below `minAbs` and rounded to 3 decimals. */
  averaged(minAbs = 0.01): Map<string, Array<[number, number]>> {
    const out = new Map<string, Array<[number, number]>>();
    for (const [f, w] of this.w) {
      const tot = this.totals.get(f)!, st = this.stamps.get(f)!;
      const row: Array<[number, number]> = [];
      for (let c = 0; c < w.length; c++) {
        const avg = (tot[c] + (this.i - st[c]) * w[c]) / Math.max(1, this.i);
        if (Math.abs(avg) >= minAbs) row.push([c, Math.round(avg * 1000) / 1000]);
      }
      if (row.length) out.set(f, row);
    }
    return out;
  }
}

let cached: EventClassifier | null | undefined;
/**
 * Load the committed classifier from `models/events` (memoized for the default folder).
 * Returns null when the folder is absent (the event coder then uses its rules alone).
 * Throws SteppeError E_BAD_DICTIONARY when the files are present but malformed.
 */
export function loadEventClassifier(dir = join(PACKAGE_ROOT, 'models', 'events')): EventClassifier | null {
  const isDefault = arguments.length === 0;
  if (isDefault && cached !== undefined) return cached;
  let model: EventClassifier | null = null;
  if (existsSync(join(dir, 'config.json'))) {
    try {
      const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as { classes: string[]; temperature: number };
      const raw = JSON.parse(readFileSync(join(dir, 'weights.json'), 'utf8')) as Record<string, Array<[number, number]>>;
      model = { classes: config.classes, temperature: config.temperature, weights: new Map(Object.entries(raw)) };
    } catch (e) {
      throw new SteppeError('E_BAD_DICTIONARY', dir, `cannot load the event classifier: ${(e as Error).message}`);
    }
  }
  if (isDefault) cached = model;
  return model;
}
