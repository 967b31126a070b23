/**
 * From tags to attributions, and from gold spans to tags.
 *
 * `assembleAttributions` turns the tagger's tags (tagger.ts) into attributions: each cue span
 * opens one. A source span joins the cue right before it ("said X", "according to X"), else the
 * first cue after it in its sentence, else the nearest cue before it; a cue left without a source
 * shares the nearest source before it in its sentence ("Carson admitted …, but said …"). A
 * content span joins a cue of its sentence with no other content in between — the one before it
 * unless the one after it is nearer by more than twelve tokens — else the nearest cue of its
 * paragraph (so `"A," she said. "B."` is one attribution with two content spans). A content span with no cue in its paragraph joins the last attribution
 * of the previous paragraph when it opens its paragraph with a quotation mark (a run-on quote);
 * else it stands alone, with no cue and no source.
 *
 * `goldTags` is the inverse used for training: the BIO tag of each token under gold spans.
 */
import type { AnnotatedText } from '../types.js';
import { TAGS } from './tagger.js';

/** A token range `[start, end)` of `AnnotatedText.tokens`. */
export interface TokenSpan { start: number; end: number }

/** An attribution in token ranges: its cue (null for an orphan content), sources and contents. */
export interface TaggedAttribution {
  cue: TokenSpan | null;
  sources: TokenSpan[];
  contents: TokenSpan[];
}

type Role = 'S' | 'C' | 'Q';
interface RoleSpan extends TokenSpan { role: Role; para: number; s0: number; s1: number }

const QUOTE_OPEN = /^(?:["“„«]|'')$/;
/** How many tokens nearer a following cue must be to win a content over a preceding one. */
const CUE_BEFORE_BONUS = 12;

/** The role spans of a tag sequence over the whole document (tags indexed like doc.tokens). */
function roleSpans(doc: AnnotatedText, tags: Uint8Array): RoleSpan[] {
  const out: RoleSpan[] = [];
  const { tokens, sentences } = doc;
  let cur: RoleSpan | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const tag = TAGS[tags[i]];
    const para = sentences[tokens[i].sentence]?.paragraph ?? -1;
    const role = tag === 'O' ? null : (tag.slice(2) as Role);
    const begins = tag.startsWith('B-') || !cur || cur.role !== role || cur.para !== para;
    if (!role) { cur = null; continue; }
    if (begins) {
      cur = { role, start: i, end: i + 1, para, s0: tokens[i].sentence, s1: tokens[i].sentence };
      out.push(cur);
    } else if (cur) {
      cur.end = i + 1;
      cur.s1 = tokens[i].sentence;
    }
  }
  return out;
}

/** Group tagged spans into attributions (see the module doc). */
export function assembleAttributions(doc: AnnotatedText, tags: Uint8Array): TaggedAttribution[] {
  const spans = roleSpans(doc, tags);
  const cues = spans.filter((s) => s.role === 'C');
  const atts = new Map<RoleSpan, TaggedAttribution>();
  for (const c of cues) atts.set(c, { cue: { start: c.start, end: c.end }, sources: [], contents: [] });
  const orphans: TaggedAttribution[] = [];
  const contentSpans = spans.filter((x) => x.role === 'Q');
  // spans are in token order and do not overlap, so the first content span starting at or after `a`
  // is the one that ends first among them: `contentSpans.some((q) => q.start >= a && q.end <= b)`
  const between = (a: number, b: number) => {
    let lo = 0, hi = contentSpans.length;
    while (lo < hi) { const mid = (lo + hi) >>> 1; if (contentSpans[mid].start >= a) hi = mid; else lo = mid + 1; }
    return lo < contentSpans.length && contentSpans[lo].end <= b;
  };
  /** The cues of each paragraph, in order. */
  const cuesByPara = new Map<number, RoleSpan[]>();
  for (const c of cues) {
    const list = cuesByPara.get(c.para);
    if (list) list.push(c); else cuesByPara.set(c.para, [c]);
  }
  const noCues: RoleSpan[] = [];
  /**
   * The cue of a content span: in its sentence, the nearest cue before it with no other content
   * between (English puts the cue first: "X told Y that …"), unless a cue right after it is
   * nearer by more than CUE_BEFORE_BONUS tokens ("…," X said); else the nearest cue in the paragraph.
   */
  const nearest = (s: RoleSpan): RoleSpan | null => {
    const same = (cuesByPara.get(s.para) ?? noCues).filter((c) => c.s0 <= s.s1 && s.s0 <= c.s1);
    const left = same.filter((c) => c.end <= s.start && !between(c.end, s.start)).pop();
    const right = same.find((c) => c.start >= s.end && !between(s.end, c.start));
    if (left && right) return left.start >= 0 && s.start - left.end <= right.start - s.end + CUE_BEFORE_BONUS ? left : right;
    if (left || right) return left ?? right ?? null;
    let best: RoleSpan | null = null;
    let bestGap = Infinity;
    for (const c of cuesByPara.get(s.para) ?? noCues) {
      const gap = c.start >= s.end ? c.start - s.end : s.start >= c.end ? s.start - c.end : 0;
      if (gap < bestGap) { bestGap = gap; best = c; }
    }
    return best;
  };
  // a source joins the cue right before it ("said X", "according to X"), else the first cue after
  // it in its sentence (its verb), else the nearest cue before it
  const sourceCue = (s: RoleSpan): RoleSpan | null => {
    const same = (cuesByPara.get(s.para) ?? noCues).filter((c) => c.s0 <= s.s1 && s.s0 <= c.s1);
    const before = same.filter((c) => c.end <= s.start).pop();
    if (before && s.start - before.end <= 1) return before;
    const afterIt = same.find((c) => c.start >= s.end);
    return afterIt ?? before ?? null;
  };
  const sourceSpans: RoleSpan[] = [];
  const lastByPara = new Map<number, TaggedAttribution>();
  for (const s of spans) {
    if (s.role === 'C') { lastByPara.set(s.para, atts.get(s)!); continue; }
    if (s.role === 'S') {
      sourceSpans.push(s);
      const c = sourceCue(s);
      if (c) atts.get(c)!.sources.push({ start: s.start, end: s.end });
      continue;
    }
    const c = nearest(s);
    if (c) { atts.get(c)!.contents.push({ start: s.start, end: s.end }); continue; }
    // run-on: a paragraph opening with a quotation continues the previous paragraph's attribution
    const prev = lastByPara.get(s.para - 1);
    const first = doc.sentences.find((x) => x.paragraph === s.para);
    if (prev && first && s.start <= first.tokenStart + 1 && QUOTE_OPEN.test(doc.tokens[first.tokenStart].text)) {
      prev.contents.push({ start: s.start, end: s.end });
      lastByPara.set(s.para, prev);
      continue;
    }
    const orphan = { cue: null, sources: [], contents: [{ start: s.start, end: s.end }] };
    orphans.push(orphan);
  }
  // a cue with no source of its own shares the nearest source before it in its sentence
  // ("Carson admitted …, but said …")
  for (const c of cues) {
    const a = atts.get(c)!;
    if (a.sources.length) continue;
    const s = sourceSpans.filter((x) => x.end <= c.start && x.para === c.para && x.s1 >= c.s0 && x.s0 <= c.s1).pop();
    if (s) a.sources.push({ start: s.start, end: s.end });
  }
  return [...atts.values(), ...orphans].filter((a) => a.contents.length).sort((a, b) => a.contents[0].start - b.contents[0].start);
}

/**
 * Gold BIO tags (indices into TAGS) of every token under gold attributions given as character
 * fragments: a token takes the role of the fragment covering its first character (or its last);
 * B- where a fragment starts, the previous token lies in another fragment or paragraph, or a
 * line break comes first (the tagger reads lines apart, features.ts tagRanges).
 */
export function goldTags(doc: AnnotatedText, atts: Array<{ source: Array<[number, number]> | null; cue: Array<[number, number]> | null; content: Array<[number, number]> }>): Uint8Array {
  const n = doc.text.length;
  const role = new Uint8Array(n); // 0 none, 1 S, 2 C, 3 Q
  const frag = new Int32Array(n).fill(-1);
  let id = 0;
  const mark = (fr: Array<[number, number]> | null, r: number) => {
    for (const [s, e] of fr ?? []) { for (let k = Math.max(0, s); k < Math.min(n, e); k++) { role[k] = r; frag[k] = id; } id++; }
  };
  for (const a of atts) { mark(a.source, 1); mark(a.cue, 2); mark(a.content, 3); }
  const tags = new Uint8Array(doc.tokens.length);
  let prevFrag = -1;
  let prevPara = -1;
  doc.tokens.forEach((t, i) => {
    let k = t.start;
    if (!role[k] && t.end - 1 > t.start) k = t.end - 1;
    const r = role[k];
    const para = doc.sentences[t.sentence]?.paragraph ?? -1;
    if (!r) { tags[i] = 0; prevFrag = -1; prevPara = para; return; }
    const lineBreak = i > 0 && doc.text.slice(doc.tokens[i - 1].end, t.start).includes('\n');
    const begin = frag[k] !== prevFrag || para !== prevPara || lineBreak;
    const name = ['', 'S', 'C', 'Q'][r];
    tags[i] = TAGS.indexOf(`${begin ? 'B' : 'I'}-${name}` as (typeof TAGS)[number]);
    prevFrag = frag[k];
    prevPara = para;
  });
  return tags;
}
