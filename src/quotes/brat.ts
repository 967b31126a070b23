/**
 * Reader of attribution corpora in BRAT standoff format, as PolNeAR ships them (development and
 * evaluation only; the product never reads these files).
 *
 * Layout: `<split>/text/<name>.txt` and `<split>/attributions/<name>_<annotator>.ann`. An `.ann`
 * file holds text-bound annotations `T<n>\t<Type> <start> <end>[;<start> <end>…]\t<text>` of type
 * Source, Cue, Content (and Attribution / Attribution-no-source anchors, Discuss / Discard notes)
 * and events `E<n>\tAttribution:T<a> Source:T<s> Cue:T<c> Content:T<t>` tying them together.
 * Offsets are character offsets into the `.txt` file (PolNeAR is plain ASCII + BMP punctuation,
 * so UTF-16 and code-point offsets agree; the reader checks that the stored text matches).
 *
 * When several annotators annotated one article, the file of the lexicographically first
 * annotator id is read, so that every article counts once.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A possibly discontinuous span: half-open `[start, end)` fragments in text order. */
export type Fragments = Array<[number, number]>;

/** One gold attribution: who (source), the cue, and what (content); source is null for "Attribution-no-source". */
export interface GoldAttribution {
  id: string;
  source: Fragments | null;
  cue: Fragments | null;
  content: Fragments;
}

/** One article of an attribution corpus with its gold attributions. */
export interface AttributionDoc {
  name: string;
  text: string;
  attributions: GoldAttribution[];
}

function parseFragments(s: string): Fragments {
  return s.split(';').map((part) => {
    const [a, b] = part.trim().split(/\s+/).map(Number);
    return [a, b] as [number, number];
  });
}

/**
 * Parse one `.ann` file against its text. Returns the attributions that have a Content span;
 * Discuss and Discard notes are ignored.
 */
export function parseBratAttributions(ann: string, text: string): GoldAttribution[] {
  const spans = new Map<string, { type: string; fragments: Fragments }>();
  const events: Array<{ id: string; args: Map<string, string> }> = [];
  for (const line of ann.split('\n')) {
    const cols = line.split('\t');
    if (cols.length < 2 || !cols[1]) continue;
    if (cols[0].startsWith('T')) {
      const sp = cols[1].indexOf(' ');
      if (sp < 0) continue;
      spans.set(cols[0], { type: cols[1].slice(0, sp), fragments: parseFragments(cols[1].slice(sp + 1)) });
    } else if (cols[0].startsWith('E')) {
      const args = new Map<string, string>();
      for (const a of cols[1].trim().split(/\s+/)) {
        const [role, id] = a.split(':');
        if (role && id) args.set(role, id);
      }
      events.push({ id: cols[0], args });
    }
  }
  const out: GoldAttribution[] = [];
  const get = (id: string | undefined) => (id ? spans.get(id)?.fragments ?? null : null);
  for (const e of events) {
    const content = get(e.args.get('Content'));
    if (!content) continue;
    const ok = (f: Fragments | null) => !f || f.every(([s, t]) => s >= 0 && s <= t && t <= text.length);
    const source = get(e.args.get('Source'));
    const cue = get(e.args.get('Cue'));
    if (!ok(content) || !ok(source) || !ok(cue)) continue;
    out.push({ id: e.id, source, cue, content });
  }
  return out.sort((a, b) => a.content[0][0] - b.content[0][0]);
}

/**
 * Read one split (`train`, `dev`) of a BRAT attribution corpus under `dir`: one document per
 * article (its first annotator's file), or with `allAnnotators` one per annotation file (an
 * article annotated twice comes twice, in file-name order; training reads them all).
 * Returns [] when the folder is absent.
 */
export function readBratSplit(dir: string, split: string, opts: { allAnnotators?: boolean } = {}): AttributionDoc[] {
  const annDir = join(dir, split, 'attributions');
  const textDir = join(dir, split, 'text');
  if (!existsSync(annDir)) return [];
  const seen = new Set<string>();
  const docs: AttributionDoc[] = [];
  for (const f of readdirSync(annDir).filter((x) => x.endsWith('.ann')).sort()) {
    const name = f.replace(/_[0-9a-f]+\.ann$/, '').replace(/\.ann$/, '');
    if (seen.has(name) && !opts.allAnnotators) continue;
    const textFile = join(textDir, `${name}.txt`);
    if (!existsSync(textFile)) continue;
    seen.add(name);
    const text = readFileSync(textFile, 'utf8');
    docs.push({ name, text, attributions: parseBratAttributions(readFileSync(join(annDir, f), 'utf8'), text) });
  }
  return docs;
}

/**
 * The fixed held-out tenth of a training split, for developing rules and model settings without
 * touching dev: an article is held out when a simple hash of its name is 0 mod 10. `fold`
 * (0–9, default 0) picks another tenth (hash ≡ fold mod 10), to check a choice on a second
 * held-out tenth (`--fold` of scripts/train-quotes.ts and eval/quotes.ts).
 */
export function isHoldout(name: string, fold = 0): boolean {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) >>> 0;
  return h % 10 === fold;
}
