/**
 * The parser's scorer (DESIGN.md, model 5): attachment scores over (predicted, reference)
 * sentence pairs with the same words.
 *
 * As in the CoNLL 2018 shared task's UAS/LAS, every word counts, punctuation included, and LAS
 * compares the universal part of the relation (`obl:agent` counts as `obl`); `lasFull` also
 * requires the subtype to match. Unlike the shared task, the words are the reference's (no
 * tokenisation alignment is needed, since the parser is given the gold words).
 *
 * Two baselines live here too, so that evaluation and tests print them in the same run.
 */

/** One parsed sentence: 0-based heads (-1 root) and UD relations. */
export interface ParsedSentence {
  head: ArrayLike<number>;
  relation: ArrayLike<string>;
}

/** Attachment scores. */
export interface AttachmentScores {
  /** Unlabelled attachment score: words with the right head / words. */
  uas: number;
  /** Labelled attachment score: right head and right universal relation. */
  las: number;
  /** Right head and right full relation (with subtype). */
  lasFull: number;
  /** Right universal relation, head ignored. */
  labelAccuracy: number;
  /** Sentences whose every head is right. */
  exactUnlabelled: number;
  words: number;
  sentences: number;
}

const universal = (r: string) => {
  const i = r.indexOf(':');
  return i < 0 ? r : r.slice(0, i);
};

/** Score predicted parses against references (pairs of the same length). */
export function scoreParses(pairs: Array<{ predicted: ParsedSentence; reference: ParsedSentence }>): AttachmentScores {
  let words = 0;
  let uh = 0;
  let lh = 0;
  let lf = 0;
  let la = 0;
  let exact = 0;
  for (const { predicted: p, reference: r } of pairs) {
    if (p.head.length !== r.head.length) throw new Error(`scoreParses: ${p.head.length} predicted words against ${r.head.length} reference words`);
    let all = true;
    for (let i = 0; i < r.head.length; i++) {
      words++;
      const headOk = p.head[i] === r.head[i];
      const relOk = universal(p.relation[i]) === universal(r.relation[i]);
      if (headOk) uh++; else all = false;
      if (headOk && relOk) lh++;
      if (headOk && p.relation[i] === r.relation[i]) lf++;
      if (relOk) la++;
    }
    if (all) exact++;
  }
  const d = Math.max(1, words);
  return { uas: uh / d, las: lh / d, lasFull: lf / d, labelAccuracy: la / d, exactUnlabelled: exact / Math.max(1, pairs.length), words, sentences: pairs.length };
}

/** The most common relation of each UPOS tag in English EWT, for the baselines' labels. */
const BASELINE_RELATION: Record<string, string> = {
  NOUN: 'obj', PROPN: 'nsubj', PRON: 'nsubj', VERB: 'conj', AUX: 'aux', ADJ: 'amod', ADV: 'advmod', ADP: 'case', DET: 'det',
  CCONJ: 'cc', SCONJ: 'mark', PART: 'mark', NUM: 'nummod', PUNCT: 'punct', SYM: 'dep', INTJ: 'discourse', X: 'dep',
};

/** Baseline: every word is attached to the previous word; the first word is the root. */
export function previousWordBaseline(upos: string[]): { head: number[]; relation: string[] } {
  return {
    head: upos.map((_, i) => i - 1),
    relation: upos.map((t, i) => (i === 0 ? 'root' : BASELINE_RELATION[t] ?? 'dep')),
  };
}

/**
 * Baseline: the first verb (else the first word) is the root; other verbs attach to it; every
 * other word attaches to the nearest verb (the left one on a tie).
 */
export function nearestVerbBaseline(upos: string[]): { head: number[]; relation: string[] } {
  const verbs: number[] = [];
  upos.forEach((t, i) => { if (t === 'VERB') verbs.push(i); });
  const root = verbs.length ? verbs[0] : 0;
  const head = upos.map((t, i) => {
    if (i === root) return -1;
    if (t === 'VERB' || !verbs.length) return root;
    let best = root;
    for (const v of verbs) if (Math.abs(v - i) < Math.abs(best - i)) best = v;
    return best;
  });
  return { head, relation: upos.map((t, i) => (i === root ? 'root' : BASELINE_RELATION[t] ?? 'dep')) };
}
