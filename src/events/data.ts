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

/**
 * A ConfliBERT CAMEO source/target record (Parolin et al. 2022, `cameo_ner_train.txt`): the
 * sentence rebuilt from its tokens (single spaces, no space before closing punctuation) and the
 * character spans of the gold source (S), target (T) and reciprocal (R: both source and target,
 * as in "A and B met") phrases.
 */
export interface SourceTargetRecord {
  id: number;
  text: string;
  source: Array<[number, number]>;
  target: Array<[number, number]>;
  reciprocal: Array<[number, number]>;
}

/** The ConfliBERT source/target records; `id` is the sentence's index in the file. */
export function readConflibertSourceTarget(sharedDir: string): SourceTargetRecord[] {
  const raw = readFileSync(join(sharedDir, 'eval/events/conflibert/cameo_ner_train.txt'), 'utf8');
  const out: SourceTargetRecord[] = [];
  raw.split(/\n\s*\n/).forEach((block, id) => {
    const lines = block.split('\n').filter((l) => l.trim());
    if (!lines.length) return;
    let text = '';
    const spans: Record<string, Array<[number, number]>> = { S: [], T: [], R: [] };
    let open = null as { kind: string; start: number } | null;
    let lastEnd = 0;
    const close = () => { if (open) spans[open.kind].push([open.start, lastEnd]); open = null; };
    for (const line of lines) {
      const sp = line.lastIndexOf(' ');
      const word = line.slice(0, sp), tag = line.slice(sp + 1);
      const glue = text === '' || /^(?:[,.;:!?)\]}%]|'s|’s|n't|')$/.test(word) || /[([{$]$/.test(text);
      if (!glue) text += ' ';
      const start = text.length;
      text += word;
      const kind = tag.slice(2);
      if (tag.startsWith('B-') || (tag.startsWith('I-') && open?.kind !== kind)) { close(); open = { kind, start }; }
      else if (tag === 'O') close();
      lastEnd = text.length;
    }
    close();
    out.push({ id, text, source: spans.S, target: spans.T, reciprocal: spans.R });
  });
  return out;
}

/** One NGEC story split into parts: the filled headline and its first sentences (at most 6). */
export interface NgecStory { headline: string; sentences: string[]; label: string; mode: string; template: string }

/**
 * NGEC stories with headline and sentences kept apart (for training on more of each story), in the
 * same train/dev split as {@link readNgec} (FNV-1a(template) % 5 === 0 is dev).
 */
export function readNgecStories(sharedDir: string): { train: NgecStory[]; dev: NgecStory[] } {
  const zip = join(sharedDir, 'eval/events/ngec/gpt_synthetic_events_2023-10-19_19.csv.zip');
  const rows = parseCsv(execFileSync('unzip', ['-p', zip], { maxBuffer: 64 * 1024 * 1024 }).toString('utf8'));
  const col = (name: string) => rows[0].indexOf(name);
  const train: NgecStory[] = [], dev: NgecStory[] = [];
  for (const r of rows.slice(1)) {
    const template = r[col('title')];
    const sentences = r[col('text')].replace(/\s+/g, ' ').split(/(?<=[.!?])\s+(?=["“A-Z])/).slice(0, 6);
    const story = { headline: r[col('prompt')].split('\n')[0], sentences, label: r[col('label')], mode: r[col('mode')], template };
    (fnv1a(template) % 5 === 0 ? dev : train).push(story);
  }
  return { train, dev };
}

/**
 * A ConfliBERT CAMEO classification sentence (Parolin et al. 2022, `conflibert/cameo_class_train.tsv`)
 * with its label 0–4: 0 = CAMEO roots 01–02 (statements: no PLOVER type; appeals: REQUEST), 1 = verbal
 * cooperation (03–05), 2 = material cooperation (06–08), 3 = verbal conflict (09–13), 4 = material
 * conflict (14–20). (The file documents no label names; this reading is from its sentences.)
 */
export interface QuadSentence { text: string; quad: number }

/** The ConfliBERT CAMEO classification training sentences (CRLF and a missing label tolerated; unlabelled rows skipped). */
export function readConfliBertClass(sharedDir: string): QuadSentence[] {
  const src = readFileSync(join(sharedDir, 'eval/events/conflibert/cameo_class_train.tsv'), 'utf8');
  const out: QuadSentence[] = [];
  for (const line of src.split(/\r?\n/)) {
    const [text, label] = line.split('\t');
    if (text && label !== undefined && /^[0-4]$/.test(label.trim())) out.push({ text: text.trim(), quad: Number(label.trim()) });
  }
  return out;
}

/**
 * Split of the PETRARCH2 unit-test records for the classifier: records with FNV-1a(id) % 2 === 0
 * may be used for training and calibration (`train`); the others (`test`) stay unseen by training
 * and are the ones an evaluation should score once the classifier feeds the event coder.
 */
export function splitPetrarch(records: PetrarchRecord[]): { train: PetrarchRecord[]; test: PetrarchRecord[] } {
  const train: PetrarchRecord[] = [], test: PetrarchRecord[] = [];
  for (const r of records) (fnv1a(r.id) % 2 === 0 ? train : test).push(r);
  return { train, test };
}
