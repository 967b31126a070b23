/**
 * Scorer of quote extraction against attribution gold (PolNeAR-style source / cue / content).
 *
 * Units. A gold unit is one attribution: its (possibly discontinuous) content and its source.
 * A predicted unit is one attribution too: the quotes that share one cue occurrence and speaker
 * (`FoundQuote.cueSpan`) are joined, so `"A," she said. "B."` is one unit, as PolNeAR annotates
 * it; a quote without a cue span is a unit of its own.
 *
 * Kinds. Both sides get their kind from their spans by the same rule (`spanKind` in marks.ts):
 * direct (≥ 80% of the words inside quotation marks, and the quotation is a full one), partial
 * (some words quoted), indirect (none).
 *
 * Matching. Spans are compared as sets of word tokens (maximal runs of letters and digits, so
 * quotation marks and punctuation do not count). A predicted unit matches a gold unit when the
 * Jaccard ratio |P ∩ G| / |P ∪ G| ≥ 0.5; the matching is one-to-one, greedy by descending
 * Jaccard. Precision = matched predicted / predicted, recall = matched gold / gold, overall and
 * per kind (precision by the predicted unit's kind, recall by the gold unit's kind).
 *
 * Speaker accuracy is measured on matched pairs whose gold attribution has a source. Headline
 * (`speaker`, what the output contract shows): we name a speaker actor, and our speaker mention
 * or any mention of that actor overlaps the gold Source span by at least one character. Loose
 * (`speakerLoose`): the headline, or one of the actor's name words (capitalised, 3+ letters)
 * occurs in the gold Source text (same person named elsewhere). Source span (`speakerSpan`): the
 * headline, or our source mention overlaps the gold Source even when it names no actor ("a senior
 * official", an unresolved pronoun) — it measures finding the source apart from actor
 * resolution. PolNeAR has no coreference gold, so for a pronoun speaker these check the pronoun
 * mention, not the actor it resolves to.
 */
import type { QuoteKind } from '../schema.js';
import { quoteRegions, regionIndex, spanKind, type ParagraphRange } from './marks.js';
import type { FoundQuote } from './index.js';
import type { ActorResolution } from '../actors/resolve.js';

/** A possibly discontinuous span: half-open `[start, end)` fragments. */
export type SpanFragments = Array<[number, number]>;

/** A predicted attribution unit to score. */
export interface PredictedUnit {
  content: SpanFragments;
  /** Spans that name the speaker actor (the speaker mention and the actor's mentions); empty = no speaker. */
  speakerSpans: SpanFragments;
  /** The span naming the source even when it is no actor (`FoundQuote.sourceMention`), or empty. */
  sourceSpans?: SpanFragments;
  /** The speaker actor's name, for the loose check; null = no actor (there may still be a mention). */
  speakerName: string | null;
}

/** A gold attribution unit. */
export interface GoldUnit {
  content: SpanFragments;
  source: SpanFragments | null;
}

/** One document to score. */
export interface ScoreDoc {
  text: string;
  paragraphs: ParagraphRange[];
  predicted: PredictedUnit[];
  gold: GoldUnit[];
}

/** Precision, recall and F1 with their counts. */
export interface PRF { tp: number; predicted: number; gold: number; p: number; r: number; f: number }

/** Speaker figures of one gold kind: pairs, headline-correct, source-span-correct. */
export interface KindSpeaker { pairs: number; correct: number; span: number }

/** Scores over a set of documents. */
export interface QuoteScores {
  overall: PRF;
  byKind: Record<QuoteKind, PRF>;
  /** Speaker accuracy by the gold unit's kind (matched pairs with a gold source). */
  speakerByKind: Record<QuoteKind, KindSpeaker>;
  /** Matched pairs whose gold has a source. */
  speakerPairs: number;
  /** Headline speaker accuracy (see module doc) and its count of correct pairs. */
  speaker: number;
  speakerCorrect: number;
  /** Loose "same person" speaker accuracy. */
  speakerLoose: number;
  /** Share of the speaker pairs where we named a speaker actor. */
  attributed: number;
  /** Source span: our source mention (actor or not) or the actor's mentions overlap the gold Source. */
  speakerSpan: number;
  /** Matched pairs whose gold has no source, and the share of them where we named none either. */
  noSourcePairs: number;
  noSourceAgree: number;
}

/** Minimum Jaccard ratio of word tokens for a predicted span to match a gold span. */
export const MATCH_JACCARD = 0.5;

const prf = (tp: number, predicted: number, gold: number): PRF => {
  const p = predicted ? tp / predicted : 0;
  const r = gold ? tp / gold : 0;
  return { tp, predicted, gold, p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};

/** Word tokens of a text as start offsets (maximal runs of letters and digits). */
function wordStarts(text: string): Int32Array {
  const starts: number[] = [];
  const re = /[\p{L}\p{N}]+/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) starts.push(m.index);
  return Int32Array.from(starts);
}

/** The word-token indices inside some fragment (a word counts when it starts inside). */
function tokenSet(starts: Int32Array, frags: SpanFragments): Set<number> {
  const out = new Set<number>();
  for (const [s, e] of frags) {
    let lo = 0, hi = starts.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (starts[mid] < s) lo = mid + 1; else hi = mid; }
    for (let k = lo; k < starts.length && starts[k] < e; k++) out.add(k);
  }
  return out;
}

/** Jaccard ratio of two token sets. */
export function jaccard(a: Set<number>, b: Set<number>): number {
  if (!a.size && !b.size) return 0;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

const overlaps = (a: SpanFragments, b: SpanFragments) => a.some(([s, e]) => b.some(([t, u]) => s < u && t < e));

/**
 * One-to-one greedy matching of predicted to gold units by descending Jaccard (≥ MATCH_JACCARD).
 * Returns, for each predicted unit, the index of its gold unit or -1.
 */
export function matchUnits(text: string, predicted: SpanFragments[], gold: SpanFragments[]): number[] {
  const starts = wordStarts(text);
  const P = predicted.map((f) => tokenSet(starts, f));
  const G = gold.map((f) => tokenSet(starts, f));
  const pairs: Array<[number, number, number]> = [];
  for (let i = 0; i < P.length; i++) {
    for (let j = 0; j < G.length; j++) {
      const J = jaccard(P[i], G[j]);
      if (J >= MATCH_JACCARD) pairs.push([J, i, j]);
    }
  }
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const out = new Array<number>(P.length).fill(-1);
  const usedG = new Set<number>();
  for (const [, i, j] of pairs) {
    if (out[i] >= 0 || usedG.has(j)) continue;
    out[i] = j;
    usedG.add(j);
  }
  return out;
}

/** Whether our speaker names the gold source: [headline, loose]. */
export function speakerCorrect(text: string, pred: PredictedUnit, source: SpanFragments): [boolean, boolean] {
  if (!pred.speakerSpans.length || !pred.speakerName) return [false, false];
  if (overlaps(pred.speakerSpans, source)) return [true, true];
  const goldText = source.map(([s, e]) => text.slice(s, e)).join(' ');
  const goldWords = new Set(goldText.split(/[^\p{L}]+/u));
  const loose = pred.speakerName.split(/[^\p{L}]+/u).some((w) => w.length >= 3 && /^\p{Lu}/u.test(w) && goldWords.has(w));
  return [false, loose];
}

/** Score predicted against gold units over documents (see the module doc for the rules). */
export function scoreQuotes(docs: ScoreDoc[]): QuoteScores {
  const kinds: QuoteKind[] = ['direct', 'partial', 'indirect'];
  const tp = { all: 0, direct: 0, partial: 0, indirect: 0 };
  const tpGold = { all: 0, direct: 0, partial: 0, indirect: 0 };
  const nPred = { all: 0, direct: 0, partial: 0, indirect: 0 };
  const nGold = { all: 0, direct: 0, partial: 0, indirect: 0 };
  let speakerPairs = 0, correct = 0, loose = 0, attributed = 0, noSourcePairs = 0, noSourceAgree = 0, spanCorrect = 0;
  const speakerByKind = Object.fromEntries(kinds.map((k) => [k, { pairs: 0, correct: 0, span: 0 }])) as Record<QuoteKind, KindSpeaker>;
  for (const d of docs) {
    const regions = quoteRegions(d.text, d.paragraphs);
    const at = regionIndex(d.text, regions);
    const kindOf = (f: SpanFragments) => spanKind(d.text, d.paragraphs, regions, at, f);
    const pk = d.predicted.map((p) => kindOf(p.content));
    const gk = d.gold.map((g) => kindOf(g.content));
    const m = matchUnits(d.text, d.predicted.map((p) => p.content), d.gold.map((g) => g.content));
    pk.forEach((k) => { nPred.all++; nPred[k]++; });
    gk.forEach((k) => { nGold.all++; nGold[k]++; });
    m.forEach((j, i) => {
      if (j < 0) return;
      tp.all++;
      tp[pk[i]]++;
      tpGold[gk[j]]++;
      const g = d.gold[j];
      const p = d.predicted[i];
      if (!g.source) {
        noSourcePairs++;
        if (!p.speakerName) noSourceAgree++;
        return;
      }
      speakerPairs++;
      if (p.speakerName) attributed++;
      const [h, l] = speakerCorrect(d.text, p, g.source);
      if (h) correct++;
      const sp = h || overlaps(p.sourceSpans ?? [], g.source);
      if (sp) spanCorrect++;
      const bk = speakerByKind[gk[j]];
      bk.pairs++;
      if (h) bk.correct++;
      if (sp) bk.span++;
      if (h || l) loose++;
    });
  }
  const byKind = Object.fromEntries(kinds.map((k) => {
    const p = nPred[k] ? tp[k] / nPred[k] : 0;
    const r = nGold[k] ? tpGold[k] / nGold[k] : 0;
    return [k, { tp: tpGold[k], predicted: nPred[k], gold: nGold[k], p, r, f: p + r ? (2 * p * r) / (p + r) : 0 }];
  })) as Record<QuoteKind, PRF>;
  return {
    overall: prf(tp.all, nPred.all, nGold.all), byKind, speakerByKind, speakerPairs,
    speaker: speakerPairs ? correct / speakerPairs : 0, speakerCorrect: correct,
    speakerLoose: speakerPairs ? loose / speakerPairs : 0,
    attributed: speakerPairs ? attributed / speakerPairs : 0,
    speakerSpan: speakerPairs ? spanCorrect / speakerPairs : 0,
    noSourcePairs, noSourceAgree: noSourcePairs ? noSourceAgree / noSourcePairs : 0,
  };
}

/**
 * Predicted units from found quotes: quotes sharing one cue occurrence (`cueSpan`) and speaker
 * form one unit (their spans joined); others stand alone. `res` gives the speaker actors' mentions.
 */
export function unitsFromQuotes(quotes: FoundQuote[], res: ActorResolution): PredictedUnit[] {
  const groups = new Map<string, FoundQuote[]>();
  const out: FoundQuote[][] = [];
  for (const q of quotes) {
    if (!q.cueSpan) { out.push([q]); continue; }
    const key = `${q.cueSpan.start}:${q.cueSpan.end}:${q.speaker}`;
    const g = groups.get(key);
    if (g) g.push(q);
    else { const list = [q]; groups.set(key, list); out.push(list); }
  }
  return out.map((g) => {
    const q = g[0];
    const actor = q.speaker >= 0 ? res.actors[q.speaker] : null;
    const speakerSpans: SpanFragments = [];
    if (actor) {
      if (q.speakerMention) speakerSpans.push([q.speakerMention.start, q.speakerMention.end]);
      for (const m of actor.mentions) speakerSpans.push([m.start, m.end]);
    }
    const src = q.sourceMention ?? q.speakerMention;
    const content = g.map((x) => [x.start, x.end] as [number, number]).sort((a, b) => a[0] - b[0]);
    return { content, speakerSpans, speakerName: actor ? actor.name : null, sourceSpans: src ? [[src.start, src.end]] : [] };
  });
}
