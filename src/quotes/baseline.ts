/**
 * The simple baseline that `npm run eval:quotes` prints next to our quote finder: every
 * quotation (quotation-mark span, marks.ts) is a quote of the kind `regionKind` gives it, and its
 * speaker is the actor mention nearest to the quotation in its paragraph, before or after it,
 * by character distance (none when the paragraph names no actor). No cue verbs, no indirect quotes.
 */
import type { AnnotatedText } from '../types.js';
import type { ActorResolution } from '../actors/resolve.js';
import type { FoundQuote } from './index.js';
import { quoteRegions, regionContent, regionKind } from './marks.js';

/** Baseline quotes: quotation marks + nearest actor mention in the paragraph. */
export function baselineQuotes(doc: AnnotatedText, res: ActorResolution): FoundQuote[] {
  const { text } = doc;
  const paras = doc.article.paragraphs;
  const mentions = res.actors.flatMap((a, n) => a.mentions.map((m) => ({ actor: n, start: m.start, end: m.end })));
  const out: FoundQuote[] = [];
  for (const r of quoteRegions(text, paras)) {
    const [start, end] = regionContent(text, r);
    if (end <= start) continue;
    const p = paras[r.paragraph];
    let best: { actor: number; start: number; end: number } | null = null;
    let bestDist = Infinity;
    for (const m of mentions) {
      if (m.start < p.start || m.end > p.end) continue;
      if (m.start >= r.open && m.end <= r.close) continue; // inside the quotation
      const dist = m.end <= r.open ? r.open - m.end : m.start - r.close;
      if (dist >= 0 && dist < bestDist) { bestDist = dist; best = m; }
    }
    out.push({
      text: text.slice(start, end), start, end, kind: regionKind(text, p.start, r),
      speaker: best ? best.actor : -1, speakerMention: best ? { start: best.start, end: best.end } : null,
      cue: null, confidence: best ? 0.5 : 0,
    });
  }
  return out;
}
