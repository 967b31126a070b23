/**
 * Readers for the event gold data in ../shared/eval/events (development only: used by
 * scripts/train-events.ts and eval/events.ts, never by the product at run time).
 *
 * - NGEC synthetic stories (Halterman 2023): a zip of one CSV, one story per row with a PLOVER
 *   `label` and `mode`; `title` is the template (with {country_1} slots) and `prompt` the filled
 *   headline. We split by title template (FNV-1a hash of the template, 20% dev) so that no
 *   template is seen in both splits.
 * - PLOVER gold-standard records (OEDA, from the CAMEO 1.1b3 manual examples), PLOVER 0.5 types,
 *   mapped to the 16 current types (DEMAND→REQUEST, DISAPPROVE→ACCUSE, FIGHT→ASSAULT,
 *   INVESTIGATE→ACCUSE, as the PLOVER 2021 codebook merged them).
 * - PETRARCH2 unit-test records: sentences with gold CAMEO codes (fictional actors).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

/** One labelled text. */
export interface LabelledText { text: string; label: string; mode: string; template: string }

/** FNV-1a 32-bit hash of a string. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
  return h >>> 0;
}

/** Minimal RFC 4180 CSV parser (quoted fields, doubled quotes, newlines inside quotes). */
export function parseCsv(src: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], field = '', q = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (q) {
      if (ch === '"') { if (src[i + 1] === '"') { field += '"'; i++; } else q = false; } else field += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field); field = '';
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** First `n` sentences of a text (a plain splitter: ., ! or ? followed by space and a capital). */
export function leadSentences(text: string, n: number): string {
  const parts = text.replace(/\s+/g, ' ').split(/(?<=[.!?])\s+(?=["“A-Z])/);
  return parts.slice(0, n).join(' ');
}

/** NGEC stories: title (filled) + lead; `dev` = the held-out 20% of title templates. */
export function readNgec(sharedDir: string, lead = 2): { train: LabelledText[]; dev: LabelledText[] } {
  const zip = join(sharedDir, 'eval/events/ngec/gpt_synthetic_events_2023-10-19_19.csv.zip');
  const csv = execFileSync('unzip', ['-p', zip], { maxBuffer: 64 * 1024 * 1024 }).toString('utf8');
  const rows = parseCsv(csv);
  const head = rows[0];
  const col = (name: string) => head.indexOf(name);
  const train: LabelledText[] = [], dev: LabelledText[] = [];
  for (const r of rows.slice(1)) {
    const template = r[col('title')];
    const headline = r[col('prompt')].split('\n')[0];
    const item = { text: `${headline}. ${leadSentences(r[col('text')], lead)}`, label: r[col('label')], mode: r[col('mode')], template };
    (fnv1a(template) % 5 === 0 ? dev : train).push(item);
  }
  return { train, dev };
}

/** PLOVER 0.5 type → current type. */
export const PLOVER_05_TO_CURRENT: Record<string, string> = { DEMAND: 'REQUEST', DISAPPROVE: 'ACCUSE', FIGHT: 'ASSAULT', INVESTIGATE: 'ACCUSE' };

/** A PLOVER gold-standard record: text, type (current names), source/target country codes. */
export interface GsrRecord { id: string; text: string; type: string; source: string[]; target: string[] }

/** The PLOVER GSR records (DOCUMENT records skipped). */
export function readPloverGsr(sharedDir: string): GsrRecord[] {
  const raw = JSON.parse(readFileSync(join(sharedDir, 'eval/events/PLOVER_GSR_CAMEO.json'), 'utf8')) as Array<Record<string, unknown>>;
  const codes = (x: unknown) => (Array.isArray(x) ? x.map((a) => String((a as { code?: string }).code ?? '')).filter(Boolean) : []);
  return raw.filter((r) => r.event !== 'DOCUMENT' && typeof r.text === 'string').map((r) => ({
    id: String(r.id), text: String(r.text), type: PLOVER_05_TO_CURRENT[String(r.event)] ?? String(r.event), source: codes(r.source), target: codes(r.target),
  }));
}

/** A PETRARCH unit-test record: the sentence and its gold event codes (empty when "noevents"). */
export interface PetrarchRecord { id: string; text: string; codes: Array<{ source: string; target: string; code: string }> }

/** The PETRARCH2 unit-test records. */
export function readPetrarch(sharedDir: string): PetrarchRecord[] {
  const xml = readFileSync(join(sharedDir, 'eval/events/petrarch2_PETR.UnitTest.records.xml'), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
  const out: PetrarchRecord[] = [];
  const re = /<Sentence\b([^>]*)>([\s\S]*?)<\/Sentence>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const id = /id="([^"]*)"/.exec(m[1])?.[1] ?? '';
    const text = /<Text>([\s\S]*?)<\/Text>/.exec(m[2])?.[1].replace(/\s+/g, ' ').trim() ?? '';
    const codes = [...m[2].matchAll(/<EventCoding\s+sourcecode="([^"]*)"\s+targetcode="([^"]*)"\s+eventcode="([^"]*)"/g)].map((x) => ({ source: x[1], target: x[2], code: x[3] }));
    if (text) out.push({ id, text, codes });
  }
  return out;
}
