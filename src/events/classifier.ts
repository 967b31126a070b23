/**
 * PLOVER event-type classifier over one sentence (or a headline plus lead sentence): multinomial
 * logistic regression (softmax over the 16 PLOVER types plus NONE, "no PLOVER event"), trained by
 * SGD with exact L2 regularisation (Bottou's weight-scale trick) and iterate averaging, over sparse
 * binary features:
 *
 * - lower-cased word unigrams (minus stop words), bigrams and four-letter prefixes;
 * - light suffix-stripped stems (`stem`: "accused", "accuses", "accusing" → "accus");
 * - ordered stem pairs within three content words (verb–object pairs such as "releas~prisoner");
 * - trigger-lexicon hits: each stem (or stem bigram) that is a trigger of `data/events/patterns.yaml`
 *   fires `lex=<PLOVER type of its CAMEO code>`; the lexicon is copied into `config.json` at
 *   training time so the model is self-contained;
 * - cues: negation ("not", "refused", …) and future/modality ("will", "threatened to", …), alone
 *   and crossed with each lexicon type (`neg×lex=ASSAULT`);
 * - headline case: a text in title case ("Militants Storm Border Post", src/nlp/title-case.ts) fires `shape=title`, alone
 *   and crossed with each lexicon type (`title×lex=ASSAULT`): a headline states the story's main act,
 *   a body sentence often only its background (model version 3; older models ignore the feature).
 *
 * The model is a folder (DESIGN.md, model 4): `config.json` (classes, temperature, lexicon, feature
 * description, calibration coefficients), `weights.json` (feature → [[class index, weight], …],
 * pruned and rounded), `meta.json` (data, scores, how to retrain). `scripts/train-events.ts` trains
 * it; everything here except the loaders is pure. Scores become probabilities with a softmax whose
 * temperature is fitted on out-of-fold predictions of the training data (`config.temperature`).
 */
import { isTitleCaseText } from '../nlp/title-case.js';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import { SteppeError } from '../errors.js';

/** One of the 16 PLOVER event types, or NONE for "no PLOVER event". */
export type PloverClass = string;

/** The class meaning "no PLOVER event" (CAMEO comments and appeals, non-event sentences). */
export const NONE_CLASS = 'NONE';

/** A loaded classifier. */
export interface EventClassifier {
  /** class names; weight rows index into this list */
  classes: PloverClass[];
  /** feature → weights per class index (sparse: class index → weight) */
  weights: Map<string, Array<[number, number]>>;
  /** softmax temperature (scores are divided by it); 1 when absent */
  temperature: number;
  /** trigger stem (or "stem stem" bigram) → PLOVER types it triggers; empty map when absent */
  lexicon: Map<string, string[]>;
}

const STOP = new Set(['the', 'a', 'an', 'of', 'to', 'in', 'and', 'on', 'for', 'with', 'by', 'at', 'from', 'as', 'is', 'was', 'that', 'its', 'it', 'this', 'be', 'are', 'has', 'have', 'had', 'were', 'their', 'his', 'her', 'said', 'says', 'say', 'he', 'she', 'they', 'we', 'i', 'or', 'but', 'which', 'who', 'after', 'been', 'also', 'than', 'into', 'over', 'about', 'some', 'other', 'more', 'last', 'on', 'up']);
const NEG = new Set(['not', 'no', 'never', "n't", 'nor', 'without', 'refuse', 'refused', 'refuses', 'refusing', 'declined', 'declines', 'reject', 'rejected', 'rejects', 'deny', 'denied', 'denies', 'against']);
const MODAL = new Set(['will', 'would', 'could', 'may', 'might', 'shall', 'threaten', 'threatened', 'threatens', 'threatening', 'warn', 'warned', 'warns', 'vow', 'vowed', 'vows', 'promise', 'promised', 'promises', 'plan', 'plans', 'planned', 'intend', 'intends', 'ready', 'prepared', 'unless', 'if']);

/** Words of a text: lower case, letters and digits, numbers folded to `<num>`, possessive 's dropped. */
export function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}][\p{L}'’-]*|\d+/gu) ?? []).map((w) => (/^\d+$/.test(w) ? '<num>' : w.replace(/[’']s$/, '')));
}

/**
 * A light English suffix stripper (not Porter): -ies/-ied → -y, then -ing/-ed/-es/-s, a final -e
 * and a doubled final consonant; words of four letters or fewer are kept.
 * "accused" → "accus", "denies" → "deny", "stopped" → "stop", "protests" → "protest".
 */
export function stem(w: string): string {
  if (w.length <= 4) return w;
  let s = w;
  if (/ie[sd]$/.test(s)) s = s.slice(0, -3) + 'y';
  else if (/ing$/.test(s) && s.length > 6) s = s.slice(0, -3);
  else if (/ed$/.test(s) && s.length > 5) s = s.slice(0, -2);
  else if (/[^s]es$/.test(s) && s.length > 5) s = s.slice(0, -2);
  else if (/[^su]s$/.test(s)) s = s.slice(0, -1);
  if (/e$/.test(s) && s.length > 4) s = s.slice(0, -1);
  if (/([bdgklmnprt])\1$/.test(s) && s.length > 4 && !/ll$/.test(s)) s = s.slice(0, -1);
  return s;
}

/** Sparse binary features of a text (see the module docstring); `lexicon` maps trigger stems to PLOVER types. */
export function features(text: string, lexicon: Map<string, string[]> = new Map()): string[] {
  const w = words(text);
  const out = new Set<string>(['bias']);
  const content: string[] = [];
  let neg = false, modal = false;
  const lexTypes = new Set<string>();
  for (let i = 0; i < w.length; i++) {
    const x = w[i];
    if (NEG.has(x) || x.endsWith("n't")) neg = true;
    if (MODAL.has(x)) modal = true;
    if (i + 1 < w.length) out.add(`b=${x}_${w[i + 1]}`);
    if (STOP.has(x)) continue;
    const s = stem(x);
    out.add(`w=${x}`);
    out.add(`s=${s}`);
    if (x.length > 5) out.add(`p=${x.slice(0, 4)}`);
    content.push(s);
  }
  for (let i = 0; i < content.length; i++) {
    for (let j = i + 1; j < Math.min(content.length, i + 4); j++) out.add(`k=${content[i]}~${content[j]}`);
    for (const t of lexicon.get(content[i]) ?? []) lexTypes.add(t);
    if (i + 1 < content.length) for (const t of lexicon.get(`${content[i]} ${content[i + 1]}`) ?? []) lexTypes.add(t);
  }
  if (neg) out.add('cue=neg');
  if (modal) out.add('cue=modal');
  for (const t of lexTypes) {
    out.add(`lex=${t}`);
    if (neg) out.add(`neg×lex=${t}`);
    if (modal) out.add(`modal×lex=${t}`);
  }
  if (!lexTypes.size) out.add('lex=none');
  if (isTitleCaseText(text)) {
    out.add('shape=title');
    for (const t of lexTypes) out.add(`title×lex=${t}`);
    if (!lexTypes.size) out.add('title×lex=none');
  }
  return [...out];
}

/** Raw class scores for a feature list, in `model.classes` order. */
export function scores(model: EventClassifier, feats: string[]): Float64Array {
  const s = new Float64Array(model.classes.length);
  for (const f of feats) {
    const ws = model.weights.get(f);
    if (ws) for (const [c, v] of ws) s[c] += v;
  }
  return s;
}

/** Softmax of `s / t` (numerically stable). */
export function softmax(s: ArrayLike<number>, t = 1): number[] {
  let max = -Infinity;
  for (let i = 0; i < s.length; i++) if (s[i] > max) max = s[i];
  const e = Array.from(s, (v) => Math.exp((v - max) / t));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / z);
}

/** Class probabilities (softmax of scores / temperature), in `model.classes` order; they sum to 1. */
export function predictProba(model: EventClassifier, text: string): number[] {
  return softmax(scores(model, features(text, model.lexicon)), model.temperature || 1);
}

/**
 * The most probable class and its probability. With `typesOnly`, the most probable of the 16 PLOVER
 * types (never NONE) and its probability (still out of the full distribution).
 */
export function predict(model: EventClassifier, text: string, typesOnly = false): { type: PloverClass; p: number } {
  const p = predictProba(model, text);
  let best = -1;
  for (let i = 0; i < p.length; i++) {
    if (typesOnly && model.classes[i] === NONE_CLASS) continue;
    if (best < 0 || p[i] > p[best]) best = i;
  }
  return { type: model.classes[best], p: p[best] };
}

/** Options of {@link SoftmaxTrainer}. */
export interface SoftmaxOptions {
  /** L2 penalty λ per example (the objective is mean NLL + λ/2 ‖w‖²); default 1e-4 */
  l2?: number;
  /** initial learning rate η₀; step t uses η₀ / (1 + η₀ λ t); default 0.2 */
  lr?: number;
}

/**
 * Multinomial logistic regression trained by SGD with exact lazy L2 (all weights share one scale
 * factor) and iterate averaging (averaged SGD, Polyak–Juditsky, with lazy per-weight totals).
 * Supports partial labels: an example may allow several classes (e.g. a CAMEO QuadClass allows the
 * PLOVER types of its roots); its loss is −log Σ_{c allowed} p_c.
 */
export class SoftmaxTrainer {
  readonly classes: string[];
  private readonly l2: number;
  private readonly lr0: number;
  private readonly ids = new Map<string, number>(); // feature → row
  private names: string[] = [];
  private w: Float64Array[] = []; // stored weights; true weight = scale × stored
  private acc: Float64Array[] = []; // Σ_t true weight_t, caught up lazily
  private stamp: number[] = []; // step of the row's last catch-up
  private scale = 1;
  private t = 0;
  constructor(classes: string[], opts: SoftmaxOptions = {}) {
    this.classes = classes;
    this.l2 = opts.l2 ?? 1e-4;
    this.lr0 = opts.lr ?? 0.2;
  }
  /** Row ids of a feature list (new features get new rows). Pass the result to {@link update} to save lookups. */
  rows(feats: string[]): Int32Array {
    const out = new Int32Array(feats.length);
    feats.forEach((f, i) => {
      let id = this.ids.get(f);
      if (id === undefined) {
        id = this.names.length;
        this.ids.set(f, id); this.names.push(f);
        this.w.push(new Float64Array(this.classes.length)); this.acc.push(new Float64Array(this.classes.length)); this.stamp.push(this.t);
      }
      out[i] = id;
    });
    return out;
  }
  /** Current class probabilities of a feature list (or row ids). */
  proba(feats: string[] | Int32Array): number[] {
    const rows = Array.isArray(feats) ? this.rows(feats) : feats;
    const s = new Float64Array(this.classes.length);
    for (const r of rows) { const v = this.w[r]; for (let c = 0; c < s.length; c++) s[c] += v[c]; }
    for (let c = 0; c < s.length; c++) s[c] *= this.scale;
    return softmax(s);
  }
  /** Catch a row's running total up to step `this.t` (the true weight is taken as constant since the last catch-up: λη is tiny). */
  private catchUp(r: number): void {
    const dt = this.t - this.stamp[r];
    if (dt > 0) { const a = this.acc[r], v = this.w[r]; for (let c = 0; c < v.length; c++) a[c] += dt * v[c] * this.scale; }
    this.stamp[r] = this.t;
  }
  /** One SGD step on an example whose allowed classes are `allowed` (indices), weighted by `weight`. */
  update(feats: string[] | Int32Array, allowed: number[], weight = 1): void {
    const rows = Array.isArray(feats) ? this.rows(feats) : feats;
    const p = this.proba(rows);
    let z = 0;
    for (const c of allowed) z += p[c];
    const g = p.slice();
    for (const c of allowed) g[c] -= p[c] / Math.max(z, 1e-12);
    for (const r of rows) this.catchUp(r);
    this.t++;
    const eta = this.lr0 / (1 + this.lr0 * this.l2 * this.t);
    this.scale *= 1 - eta * this.l2;
    const k = (eta * weight) / this.scale;
    for (const r of rows) { const v = this.w[r]; for (let c = 0; c < v.length; c++) v[c] -= k * g[c]; }
    if (this.scale < 1e-6) this.rescale();
  }
  private rescale(): void {
    for (let r = 0; r < this.w.length; r++) { this.catchUp(r); const v = this.w[r]; for (let c = 0; c < v.length; c++) v[c] *= this.scale; }
    this.scale = 1;
  }
  /**
   * The averaged weights (mean of the true weights over all steps), entries with |w| < `minAbs`
   * dropped and values rounded to 3 decimals.
   */
  averaged(minAbs = 0.01): Map<string, Array<[number, number]>> {
    const out = new Map<string, Array<[number, number]>>();
    for (let r = 0; r < this.w.length; r++) {
      this.catchUp(r);
      const a = this.acc[r];
      const row: Array<[number, number]> = [];
      for (let c = 0; c < a.length; c++) {
        const avg = a[c] / Math.max(1, this.t);
        if (Math.abs(avg) >= minAbs) row.push([c, Math.round(avg * 1000) / 1000]);
      }
      if (row.length) out.set(this.names[r], row);
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
      const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as { classes: string[]; temperature: number; lexicon?: Record<string, string[]> };
      const raw = JSON.parse(readFileSync(join(dir, 'weights.json'), 'utf8')) as Record<string, Array<[number, number]>>;
      if (!Array.isArray(config.classes)) throw new Error('config.json has no classes');
      model = { classes: config.classes, temperature: config.temperature || 1, weights: new Map(Object.entries(raw)), lexicon: new Map(Object.entries(config.lexicon ?? {})) };
    } catch (e) {
      throw new SteppeError('E_BAD_DICTIONARY', dir, `cannot load the event classifier: ${(e as Error).message}`);
    }
  }
  if (isDefault) cached = model;
  return model;
}
