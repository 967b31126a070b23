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
 * training data only: out-of-fold classifier probabilities (5 folds grouped by NGEC title template)
 * for the NGEC synthetic stories' training split (headline + lead sentence) and the training half
 * of the PETRARCH2 unit-test records, each candidate event being (a) every PLOVER event the rule
 * patterns (the pipeline) code in the text, and (b) the classifier's own best type with
 * ruleScore = 0 (an event the rules did not find); the label is "type = gold type". Never fitted
 * on the NGEC dev split, the PLOVER GSR records or the PETRARCH test half. Coefficients live in
 * `models/events/config.json` under `calibration`; the reliability (expected calibration error,
 * 10 equal-width bins, on out-of-fold calibration predictions) is stored next to them and in
 * `models/events/meta.json` (`calibration.ece`).
 *
 * Reliability (model of 2026-11-29): ECE 0.008 on out-of-fold calibration data (10,777 candidate
 * events); as scored by `npm run eval:events` on the type the combination picks, ECE 0.021 on the
 * NGEC dev split and 0.052 on the PLOVER GSR (GSR confidences run high: the GSR is off the
 * training distribution).
 *
 * `ruleScore` must be the pattern's raw (uncalibrated) score: if the event coder stores the
 * calibrated value in `confidence`, it should keep the raw one for refitting (the training script
 * reads `ruleConfidence` when an event has it, else `confidence`).
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

const probaCache = new Map<string, Record<string, number>>();
/**
 * The classifier's probabilities of the 16 PLOVER types and NONE for one sentence (the classifier
 * of models/events, loaded once; the last 2,000 sentences are cached), or null when the model is
 * absent. Values sum to 1.
 */
export function ploverProbabilities(sentence: string, model: EventClassifier | null = loadEventClassifier()): Record<string, number> | null {
  if (!model) return null;
  const hit = probaCache.get(sentence);
  if (hit) return hit;
  const p = predictProba(model, sentence);
  const out: Record<string, number> = {};
  model.classes.forEach((c, i) => { out[c] = p[i]; });
  if (probaCache.size >= 2000) probaCache.delete(probaCache.keys().next().value!);
  probaCache.set(sentence, out);
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
