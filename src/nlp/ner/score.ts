/**
 * Entity-level scoring of tag sequences, conlleval-style (DESIGN.md, model 5: scoring lives in the
 * library). A predicted entity counts only when its span and its type both match a reference
 * entity exactly. Chunks are read as conlleval reads them, so both IOB2 (`B-` starts every
 * entity) and IOB1 (`I-` after `O` or after another type starts one) sequences are scored alike;
 * BILOU tags (`L-`, `U-`) are read too.
 */

/** One entity read from a tag sequence: `[start, end)` token indices and its type. */
export interface TagSpan {
  start: number;
  end: number;
  type: string;
}

/** Precision, recall and F1 of one entity type (or of a micro-average). */
export interface PRF {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** The result of `scoreEntities`. */
export interface EntityScores {
  /** Per entity type found in either side. */
  byType: Record<string, PRF>;
  /** Micro-average over the requested types (default: all types). */
  micro: PRF;
  /** The types the micro-average covers. */
  microTypes: string[];
}

function split(tag: string): [string, string] {
  if (!tag || tag === 'O' || tag === '-' ) return ['O', ''];
  const dash = tag.indexOf('-');
  if (dash < 0) return [tag, ''];
  return [tag.slice(0, dash), tag.slice(dash + 1)];
}

/** Read the entities of a BIO/IOB1/BILOU tag sequence (conlleval's chunk rules). */
export function spansFromTags(tags: readonly string[]): TagSpan[] {
  const spans: TagSpan[] = [];
  let start = -1;
  let type = '';
  let prevPrefix = 'O';
  for (let i = 0; i <= tags.length; i++) {
    const [prefix, t] = i < tags.length ? split(tags[i]) : ['O', ''];
    // end of the open chunk?
    if (start >= 0) {
      const ends =
        prefix === 'O' || prefix === 'B' || prefix === 'U' || t !== type ||
        prevPrefix === 'L' || prevPrefix === 'U';
      if (ends) { spans.push({ start, end: i, type }); start = -1; }
    }
    if (prefix !== 'O' && start < 0) { start = i; type = t; }
    prevPrefix = prefix;
  }
  return spans;
}

function prf(tp: number, fp: number, fn: number): PRF {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

/**
 * Score (predicted, reference) tag sequences of the same lengths. `microTypes` selects the
 * types of the micro-average (e.g. `['PER', 'ORG', 'LOC']`); per-type scores cover all types.
 */
export function scoreEntities(pairs: Iterable<{ predicted: readonly string[]; reference: readonly string[] }>, microTypes?: string[]): EntityScores {
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const get = (t: string): { tp: number; fp: number; fn: number } => {
    let c = counts.get(t);
    if (!c) { c = { tp: 0, fp: 0, fn: 0 }; counts.set(t, c); }
    return c;
  };
  for (const { predicted, reference } of pairs) {
    if (predicted.length !== reference.length) throw new Error(`scoreEntities: ${predicted.length} predicted tags for ${reference.length} reference tags`);
    const gold = new Map<string, string>();
    for (const s of spansFromTags(reference)) gold.set(`${s.start}:${s.end}`, s.type);
    const seen = new Set<string>();
    for (const s of spansFromTags(predicted)) {
      const key = `${s.start}:${s.end}`;
      if (gold.get(key) === s.type) { get(s.type).tp++; seen.add(key); } else get(s.type).fp++;
    }
    for (const [key, type] of gold) if (!seen.has(key)) get(type).fn++;
  }
  const byType: Record<string, PRF> = {};
  for (const t of [...counts.keys()].sort()) { const c = counts.get(t)!; byType[t] = prf(c.tp, c.fp, c.fn); }
  const types = microTypes ?? [...counts.keys()].sort();
  let tp = 0, fp = 0, fn = 0;
  for (const t of types) { const c = counts.get(t); if (c) { tp += c.tp; fp += c.fp; fn += c.fn; } }
  return { byType, micro: prf(tp, fp, fn), microTypes: types };
}
