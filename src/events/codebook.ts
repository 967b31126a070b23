/**
 * The CAMEO codebook and its PLOVER mapping, read from three plain tables under `data/cameo/`:
 *
 * - `eventcodes.tsv`: every event code of CAMEO codebook v1.1b3 (20 roots, 316 codes) with its
 *   short name, Goldstein score and QuadClass;
 * - `plover.tsv`: CAMEO code → PLOVER event type and mode (OEDA conversion table, 2021);
 * - `plover-types.tsv`: the 16 PLOVER event types, the modes each allows, a one-line definition.
 *
 * Each file's header names its sources and every place where it departs from them.
 * `loadCodebook()` reads and validates the files once; a malformed row throws a SteppeError
 * `E_BAD_DICTIONARY` whose input is the file and whose message is `line N: reason`.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from '../paths.js';
import { SteppeError } from '../errors.js';

/** The 16 PLOVER event types, in codebook order (verbal/material cooperation, verbal/material conflict). */
export const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;

/**
 * One CAMEO event code (codebook v1.1b3).
 * - `code`: 2 digits (a root), 3 or 4 digits, as text so that leading zeros survive ("041").
 * - `root`: the first two digits, "01"–"20".
 * - `name`: the codebook's short name ("Discuss by telephone").
 * - `goldstein`: conflict–cooperation weight of the event type, −10 … +10 (Goldstein 1992 scale as
 *   adapted to and distributed with CAMEO; see the header of `eventcodes.tsv` for the five v1.1b3
 *   codes that scale leaves unscored).
 * - `quadClass`: 1 verbal cooperation (roots 01–05), 2 material cooperation (06–08),
 *   3 verbal conflict (09–13), 4 material conflict (14–20).
 */
export interface CameoCode {
  code: string;
  root: string;
  name: string;
  goldstein: number;
  quadClass: 1 | 2 | 3 | 4;
}

/**
 * A PLOVER label: `type` is one of {@link PLOVER_TYPES}; `mode` is one of the modes PLOVER allows
 * for that type (e.g. CONSULT "phone"), or null when the CAMEO code implies none.
 */
export interface PloverLabel {
  type: string;
  mode: string | null;
}

/** A PLOVER event type with its allowed modes (possibly none) and a one-line definition. */
export interface PloverType {
  type: string;
  modes: string[];
  definition: string;
}

/** Read-only access to the CAMEO codebook and the CAMEO→PLOVER mapping. Returned objects are frozen. */
export interface Codebook {
  /** The PLOVER definitions `plover()` follows (see {@link PloverVersion}). */
  readonly ploverVersion: PloverVersion;
  /** The code exactly as written ("041", not "41" or "0410"), or undefined when CAMEO has no such code. */
  get(code: string): CameoCode | undefined;
  /**
   * The PLOVER label of a code: its own row in `plover.tsv`, else its 3-digit parent's, else its
   * root's; null when none of them has one (root 01: PLOVER does not code public statements) or
   * the string is not 2–4 digits. In version "2025" appeals (02) are REQUEST (plover-2025.tsv);
   * in "2021" they have no type either.
   */
  plover(code: string): PloverLabel | null;
  /** Every code, in codebook order (a parent before its children). */
  all(): CameoCode[];
  /** The 16 PLOVER event types in codebook order. */
  ploverTypes(): PloverType[];
  /**
   * The code CAMEO gives a stated intent to carry out the act `code` ("will send aid", 070 →
   * 033; "vowed to strike", 190 → 1384): the longest prefix row of `intent.tsv`; null when the act
   * has no intent code (CAMEO codes intents only under roots 03 and 13).
   */
  intent(code: string): string | null;
}

const CODE = /^\d{2,4}$/;
const NUMBER = /^[+-]?\d+(\.\d+)?$/;
const TYPE_WORD = /^[A-Z]+$/;
const MODE_WORD = /^[a-z]+(-[a-z]+)*$/;

/** One data line of a TSV file: its 1-based line number and its TAB-separated fields. */
interface Row {
  line: number;
  fields: string[];
}

function bad(file: string, line: number, reason: string): SteppeError {
  return new SteppeError('E_BAD_DICTIONARY', file, `line ${line}: ${reason}`);
}

/** Reads a TSV table: skips blank lines and `#` comments, strips a BOM and CRs. */
function readRows(file: string): Row[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new SteppeError('E_NOT_FOUND', file,
      `cannot read the codebook table (${(err as NodeJS.ErrnoException).code ?? 'error'}); reinstall steppe or restore data/cameo/`);
  }
  const rows: Row[] = [];
  text.replace(/^\uFEFF/, '').split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) return;
    rows.push({ line: i + 1, fields: line.split('\t') });
  });
  return rows;
}

function quadClassOf(root: string): 1 | 2 | 3 | 4 {
  const r = Number(root);
  return r <= 5 ? 1 : r <= 8 ? 2 : r <= 13 ? 3 : 4;
}

function parseEventCodes(file: string): CameoCode[] {
  const codes: CameoCode[] = [];
  const lineOf = new Map<string, number>();
  for (const { line, fields } of readRows(file)) {
    if (fields.length !== 4) throw bad(file, line, `expected 4 TAB-separated columns (code, name, goldstein, quadClass), found ${fields.length}`);
    const [code, name, goldstein, quad] = fields.map((f) => f.trim());
    if (!CODE.test(code)) throw bad(file, line, `code "${code}" is not 2-4 digits`);
    const root = code.slice(0, 2);
    const r = Number(root);
    if (r < 1 || r > 20) throw bad(file, line, `code ${code}: root ${root} is outside 01-20`);
    if (lineOf.has(code)) throw bad(file, line, `code ${code} already defined on line ${lineOf.get(code)}`);
    if (name === '') throw bad(file, line, `code ${code}: empty name`);
    if (!NUMBER.test(goldstein)) throw bad(file, line, `code ${code}: goldstein "${goldstein}" is not a number`);
    const score = Number(goldstein);
    if (score < -10 || score > 10) throw bad(file, line, `code ${code}: goldstein ${score} is outside [-10, 10]`);
    if (!/^[1-4]$/.test(quad)) throw bad(file, line, `code ${code}: quadClass "${quad}" is not 1-4`);
    const quadClass = Number(quad) as 1 | 2 | 3 | 4;
    if (quadClass !== quadClassOf(root)) {
      throw bad(file, line, `code ${code}: quadClass ${quadClass} does not match root ${root} (expected ${quadClassOf(root)})`);
    }
    lineOf.set(code, line);
    codes.push(Object.freeze({ code, root, name, goldstein: score, quadClass }));
  }
  for (const c of codes) {
    const parent = c.code.length === 4 ? c.code.slice(0, 3) : c.code.length === 3 ? c.root : null;
    if (parent !== null && !lineOf.has(parent)) {
      throw bad(file, lineOf.get(c.code)!, `code ${c.code}: its parent ${parent} is not defined`);
    }
  }
  codes.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return codes;
}

function parsePloverTypes(file: string): PloverType[] {
  const types: PloverType[] = [];
  const known = new Set<string>(PLOVER_TYPES);
  const seen = new Map<string, number>();
  for (const { line, fields } of readRows(file)) {
    if (fields.length !== 3) throw bad(file, line, `expected 3 TAB-separated columns (type, modes, definition), found ${fields.length}`);
    const [type, modeList, definition] = fields.map((f) => f.trim());
    if (!TYPE_WORD.test(type) || !known.has(type)) {
      throw bad(file, line, `"${type}" is not a PLOVER event type (${PLOVER_TYPES.join(', ')})`);
    }
    if (seen.has(type)) throw bad(file, line, `type ${type} already defined on line ${seen.get(type)}`);
    const modes = modeList === '' ? [] : modeList.split(',').map((m) => m.trim());
    for (const m of modes) {
      if (!MODE_WORD.test(m)) throw bad(file, line, `type ${type}: mode "${m}" is not a lower-case word (a-z, hyphens)`);
    }
    if (new Set(modes).size !== modes.length) throw bad(file, line, `type ${type}: a mode is listed twice`);
    if (definition === '') throw bad(file, line, `type ${type}: empty definition`);
    seen.set(type, line);
    types.push(Object.freeze({ type, modes: Object.freeze(modes) as string[], definition }));
  }
  return types;
}

function parsePlover(file: string, codes: Map<string, CameoCode>, types: Map<string, PloverType>): Map<string, PloverLabel> {
  const labels = new Map<string, PloverLabel>();
  const seen = new Map<string, number>();
  for (const { line, fields } of readRows(file)) {
    // The mode column may be empty; an editor may also have dropped the trailing TAB.
    if (fields.length !== 3 && fields.length !== 2) {
      throw bad(file, line, `expected 3 TAB-separated columns (cameo, ploverType, mode), found ${fields.length}`);
    }
    const [code, type, mode = ''] = fields.map((f) => f.trim());
    if (!codes.has(code)) throw bad(file, line, `"${code}" is not a code of eventcodes.tsv`);
    if (seen.has(code)) throw bad(file, line, `code ${code} already mapped on line ${seen.get(code)}`);
    const t = types.get(type);
    if (!t) throw bad(file, line, `code ${code}: "${type}" is not a type of plover-types.tsv`);
    if (mode !== '' && !t.modes.includes(mode)) {
      throw bad(file, line, `code ${code}: "${mode}" is not a mode of ${type} (${t.modes.join(', ') || 'none'})`);
    }
    seen.set(code, line);
    labels.set(code, Object.freeze({ type, mode: mode === '' ? null : mode }));
  }
  return labels;
}

/**
 * Which PLOVER definitions map CAMEO codes to PLOVER types: "2021", the Open Event Data Alliance
 * conversion table (plover.tsv), or "2025", that table with the overlay of plover-2025.tsv (the
 * 2025 PLOVER structured codebook's definitions of REQUEST and CONCEDE). Default "2025".
 */
export type PloverVersion = '2021' | '2025';
/** The PLOVER versions, oldest first. */
export const PLOVER_VERSIONS: readonly PloverVersion[] = ['2021', '2025'];
/** The version used when none is given. */
export const DEFAULT_PLOVER_VERSION: PloverVersion = '2025';

const defaultCodebooks = new Map<PloverVersion, Codebook>();

/**
 * `intent.tsv`: act code prefix → intent code (both codes of eventcodes.tsv; the intent code under
 * root 03 or 13). An absent file gives an empty table (a codebook folder of one's own may omit it).
 */
function parseIntent(file: string, codes: Map<string, CameoCode>): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(file)) return out;
  for (const { line, fields } of readRows(file)) {
    if (fields.length !== 2) throw bad(file, line, `expected 2 TAB-separated columns, got ${fields.length}`);
    const [act, intent] = fields;
    if (!codes.has(act)) throw bad(file, line, `"${act}" is not a code of eventcodes.tsv`);
    if (!codes.has(intent)) throw bad(file, line, `"${intent}" is not a code of eventcodes.tsv`);
    if (!/^(?:03|13)/.test(intent)) throw bad(file, line, `intent code ${intent} is not under root 03 or 13`);
    if (out.has(act)) throw bad(file, line, `duplicate act code ${act}`);
    out.set(act, intent);
  }
  return out;
}

/**
 * Reads `eventcodes.tsv`, `plover-types.tsv`, `plover.tsv` (and, for PLOVER version "2025", the
 * overlay `plover-2025.tsv` when present) and `intent.tsv` from `dir` (default `DATA_DIR/cameo`,
 * read once per version and memoized; an explicit `dir` is read afresh on every call).
 *
 * @throws SteppeError `E_BAD_DICTIONARY` (input: the file; message `line N: reason`) for a
 *   malformed row: wrong column count, a code that is not 2–4 digits or has no parent, a duplicate,
 *   a Goldstein score that is not a number in [−10, 10], a QuadClass that does not match the root,
 *   an unknown PLOVER type or a mode the type does not allow; `E_NOT_FOUND` when a file is missing.
 */
export function loadCodebook(dir?: string, ploverVersion: PloverVersion = DEFAULT_PLOVER_VERSION): Codebook {
  if (dir === undefined && defaultCodebooks.has(ploverVersion)) return defaultCodebooks.get(ploverVersion)!;
  const base = dir ?? join(DATA_DIR, 'cameo');
  const codeList = parseEventCodes(join(base, 'eventcodes.tsv'));
  const codes = new Map(codeList.map((c) => [c.code, c]));
  const typeList = parsePloverTypes(join(base, 'plover-types.tsv'));
  const types = new Map(typeList.map((t) => [t.type, t]));
  const labels = parsePlover(join(base, 'plover.tsv'), codes, types);
  // the 2025 overlay replaces or adds rows (a codebook folder of one's own may omit the file)
  const overlay = join(base, 'plover-2025.tsv');
  if (ploverVersion === '2025' && existsSync(overlay)) for (const [code, label] of parsePlover(overlay, codes, types)) labels.set(code, label);
  const intents = parseIntent(join(base, 'intent.tsv'), codes);

  const codebook: Codebook = {
    ploverVersion,
    get: (code) => codes.get(code),
    plover(code) {
      if (!CODE.test(code)) return null;
      return labels.get(code)
        ?? (code.length === 4 ? labels.get(code.slice(0, 3)) : undefined)
        ?? labels.get(code.slice(0, 2))
        ?? null;
    },
    all: () => codeList.slice(),
    ploverTypes: () => typeList.slice(),
    intent(code) {
      for (let n = code.length; n >= 2; n--) { const c = intents.get(code.slice(0, n)); if (c) return c; }
      return null;
    },
  };
  if (dir === undefined) defaultCodebooks.set(ploverVersion, codebook);
  return codebook;
}
