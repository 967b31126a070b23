/**
 * Calibrated event confidence: an estimate of P(the event's PLOVER type is right) from the rule
 * pattern's score and the PLOVER classifier's probability of the event's type.
 *
 * Method: logistic regression (Platt scaling with extra inputs) on
 *   [1, logit(typeProbability), ruleScore, hasRule, hasSource, hasTarget]
 * where logit(p) = ln(p / (1 − p)) with p clipped to [1e-4, 1 − 1e-4] and hasRule = ruleScore > 0.
 * The coefficient of logit(p) is constrained to be ≥ 0, so the confidence never decreases when the
 * classifier's probability rises.
 *
 * Data: `scripts/train-events.ts` (`npm run train:events`) fits the coefficients on held-out
 * training data only: for each of 5 folds (grouped by NGEC title template), the full pipeline runs
 * with the classifier trained without that fold (see {@link useEventClassifier}) on the fold's NGEC
 * training stories (headline + lead sentence) and PETRARCH2 training-half records; every PLOVER
 * event it outputs (pattern events above the default rule threshold, and classifier events with
 * ruleScore = 0) is one row, with the probability of its type in its own sentence, and so is the
 * classifier's best type for the whole text (ruleScore 0; what eval/events.ts's "patterns +
 * classifier" system weighs against the pattern events; `--no-whole-text-rows` leaves these out),
 * each labelled "type = gold type". Never fitted on the NGEC dev split, the PLOVER GSR records or
 * the PETRARCH test half. Coefficients live in `models/events/config.json` under `calibration`; the
 * reliability (expected calibration error, 10 equal-width bins, each fold's rows scored by a
 * calibration fitted on the other folds) is stored next to them and in `models/events/meta.json`
 * (`calibration.ece`).
 *
 * Reliability (model version 3, 2026-11-30): ECE 0.014 on cross-fitted calibration data (11,778
 * candidate events). Ranking (the type of the most confident event, as eval/events.ts scores the
 * shipped coder), out of fold on the NGEC training stories: micro-F1 0.622 (meta.json
 * `scores.outOfFold.ngecShippedMicroF1`; 0.624 without the whole-text rows, whose "patterns +
 * classifier" ECE is then 0.096 instead of 0.026 out of fold). Held-out figures: `npm run eval:events`.
 *
 * `ruleScore` must be the pattern's raw (uncalibrated) score: the training script and
 * eval/events.ts run the pipeline with `eventCalibration: false`, so an event's `confidence` is
 * still that raw score there (the classifier's probability for a classifier event, which is
 * calibrated with ruleScore 0).
 */
import { join } from 'node:path';
import { readFileSync, existsSync } from 'node:fs';
import { PACKAGE_ROOT } from '../paths.js';
import { loadEventClassifier, predictProba, NONE_CLASS, type EventClassifier } from './classifier.js';

/** Inputs of {@link calibratedConfidence}. */
export interface ConfidenceInput {
  /** the rule pattern's (uncalibrated) confidence in [0, 1]; 0 when no rule pattern produced the event */
  ruleScore: number;
  /** the classifier's probability of the event's PLOVER type for its sentence, in [0, 1] (see {@link typeProbability}) */
  typeProbability: number;
  /** whether the event has a resolved source actor */
  hasSource: boolean;
  /** whether the event has a resolved target actor */
  hasTarget: boolean;
}

/** Calibration coefficients, in the order of {@link calibrationFeatures}. */
export interface CalibrationModel {
  /** names of the inputs, for documentation: ["bias", "logitP", "ruleScore", "hasRule", "hasSource", "hasTarget"] */
  inputs: string[];
  coef: number[];
  /** expected calibration error on held-out calibration data (10 bins), as measured at training time */
  ece?: number;
}

/** Coefficients used when models/events has none (a neutral fallback: the mean of the two scores' evidence). */
const FALLBACK: CalibrationModel = { inputs: ['bias', 'logitP', 'ruleScore', 'hasRule', 'hasSource', 'hasTarget'], coef: [-1, 1, 1.5, 0, 0, 0] };

/** The calibration inputs as a feature vector: [1, logit(p), ruleScore, hasRule, hasSource, hasTarget]. */
export function calibrationFeatures(x: ConfidenceInput): number[] {
  const p = Math.min(1 - 1e-4, Math.max(1e-4, Number.isFinite(x.typeProbability) ? x.typeProbability : 0));
  const r = Math.min(1, Math.max(0, Number.isFinite(x.ruleScore) ? x.ruleScore : 0));
  return [1, Math.log(p / (1 - p)), r, r > 0 ? 1 : 0, x.hasSource ? 1 : 0, x.hasTarget ? 1 : 0];
}

let cachedCalibration: CalibrationModel | undefined;
/** The fitted calibration of `models/events/config.json` (memoized), or the neutral fallback when absent. */
export function loadCalibration(dir = join(PACKAGE_ROOT, 'models', 'events')): CalibrationModel {
  const isDefault = arguments.length === 0;
  if (isDefault && cachedCalibration) return cachedCalibration;
  let model = FALLBACK;
  const file = join(dir, 'config.json');
  if (existsSync(file)) {
    const c = (JSON.parse(readFileSync(file, 'utf8')) as { calibration?: CalibrationModel }).calibration;
    if (c && Array.isArray(c.coef) && c.coef.length === FALLBACK.coef.length) model = c;
  }
  if (isDefault) cachedCalibration = model;
  return model;
}

/**
 * P(the event's PLOVER type is right), in [0, 1]: the logistic function of the calibration
 * coefficients (`model`, by default those of models/events/config.json) times
 * {@link calibrationFeatures}. Pure given `model`; non-decreasing in `typeProbability`.
 */
export function calibratedConfidence(input: ConfidenceInput, model: CalibrationModel = loadCalibration()): number {
  const f = calibrationFeatures(input);
  let z = 0;
  for (let i = 0; i < f.length; i++) z += (model.coef[i] ?? 0) * f[i];
  return 1 / (1 + Math.exp(-z));
}

/** Per classifier: sentence → probabilities (the last 2,000 sentences of each model). */
const probaCaches = new WeakMap<EventClassifier, Map<string, Record<string, number>>>();
/** The classifier {@link ploverProbabilities} uses when given none: undefined = the committed one (models/events). */
let defaultModel: EventClassifier | null | undefined;
/**
 * Make `model` the classifier that {@link ploverProbabilities} (and so the pipeline's classifier
 * events and calibration) uses by default; `undefined` restores the committed model of
 * models/events. For training and cross-validation only (scripts/train-events.ts runs the pipeline
 * with each fold's classifier); the product never calls it.
 */
export function useEventClassifier(model: EventClassifier | null | undefined): void {
  defaultModel = model;
}

/**
 * The classifier's probabilities of the 16 PLOVER types and NONE for one sentence (by default the
 * classifier of models/events, loaded once, or the one given to {@link useEventClassifier}; the
 * last 2,000 sentences are cached per model), or null when there is no model. Values sum to 1.
 */
export function ploverProbabilities(sentence: string, model: EventClassifier | null = defaultModel === undefined ? loadEventClassifier() : defaultModel): Record<string, number> | null {
  if (!model) return null;
  let cache = probaCaches.get(model);
  if (!cache) { cache = new Map(); probaCaches.set(model, cache); }
  const hit = cache.get(sentence);
  if (hit) return hit;
  const p = predictProba(model, sentence);
  const out: Record<string, number> = {};
  model.classes.forEach((c, i) => { out[c] = p[i]; });
  if (cache.size >= 2000) cache.delete(cache.keys().next().value!);
  cache.set(sentence, out);
  return out;
}

/**
 * The classifier's probability (in [0, 1]) that `sentence` reports an event of PLOVER type
 * `type` (e.g. "ASSAULT"); 0 for an unknown type, and 0.5 when no classifier is installed (no
 * evidence either way). `NONE` gives the probability of no PLOVER event.
 */
export function typeProbability(sentence: string, type: string): number {
  const p = ploverProbabilities(sentence);
  if (!p) return 0.5;
  return p[type] ?? 0;
}

/** Expected calibration error: Σ_bins (n_b / n) · |mean confidence − accuracy| over `bins` equal-width bins of [0, 1]. */
export function expectedCalibrationError(pairs: Array<[confidence: number, correct: boolean]>, bins = 10): number {
  const n = new Array<number>(bins).fill(0), conf = new Array<number>(bins).fill(0), ok = new Array<number>(bins).fill(0);
  for (const [c, y] of pairs) {
    const b = Math.min(bins - 1, Math.max(0, Math.floor(c * bins)));
    n[b]++; conf[b] += c; ok[b] += y ? 1 : 0;
  }
  let e = 0;
  for (let b = 0; b < bins; b++) if (n[b]) e += (n[b] / Math.max(1, pairs.length)) * Math.abs(conf[b] / n[b] - ok[b] / n[b]);
  return e;
}
