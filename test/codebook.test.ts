/**
 * The CAMEO codebook tables (data/cameo/) and their loader: internal invariants, well-known codes,
 * malformed files, and a cross-check against the reference tables in ../shared when present.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCodebook, PLOVER_TYPES, PLOVER_VERSIONS, type PloverVersion } from '../src/events/codebook.js';
import { SteppeError } from '../src/errors.js';
import { SHARED_DIR } from '../src/paths.js';

const REF_DIR = join(SHARED_DIR, 'eval/events/codebooks');

/** v1.1b3 codes absent from the GDELT lookup tables (their Goldstein value is derived; see eventcodes.tsv). */
const ONLY_IN_V1_1B3 = ['155', '176', '1834', '1951', '1952'];
/** Codes of the 2021 CAMEO→PLOVER table that are not CAMEO v1.1b3 codes. */
const NOT_IN_V1_1B3 = ['1213', '1214'];
/**
 * The type departures of PLOVER version 2025 from the 2021 table (data/cameo/plover-2025.tsv, after
 * the 2025 PLOVER codebook's definitions): code pattern → [2021 type or '' for none, 2025 type].
 */
const TYPE_DEPARTURES: Array<[RegExp, string, string]> = [
  [/^02/, '', 'REQUEST'],
  [/^035/, 'AGREE', 'CONCEDE'],
  [/^0871$/, 'RETREAT', 'CONCEDE'],
  [/^116$/, 'ACCUSE', 'SANCTION'],
];
const typeDeparture = (code: string) => TYPE_DEPARTURES.find(([re]) => re.test(code));
/** Deliberate mode departures from the 2021 table: code → [table's mode, ours]; see plover.tsv. */
const MODE_DEPARTURES: Record<string, [string, string]> = {
  '085': ['ease', ''],
  '1321': ['political', 'rights'],
  '1712': ['seize', 'destroy'],
  '1724': ['martial-law', 'curfew'],
  '175': ['pro_autocracy', ''],
  '195': ['heavy-weapons', 'aerial'],
};

test('the table has 20 roots 01-20 and every code has its root and parent', () => {
  const cb = loadCodebook();
  const all = cb.all();
  const roots = all.filter((c) => c.code.length === 2).map((c) => c.code);
  assert.deepEqual(roots, Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, '0')));
  assert.equal(all.length, 316);
  assert.equal(new Set(all.map((c) => c.code)).size, all.length, 'codes are unique');
  for (const c of all) {
    assert.match(c.code, /^\d{2,4}$/);
    assert.equal(c.root, c.code.slice(0, 2));
    assert.ok(cb.get(c.root), `root of ${c.code}`);
    if (c.code.length === 4) assert.ok(cb.get(c.code.slice(0, 3)), `parent of ${c.code}`);
    assert.ok(c.name.length > 0 && c.name === c.name.trim(), `name of ${c.code}`);
  }
});

test('quadClass follows the root and goldstein lies in [-10, 10]', () => {
  for (const c of loadCodebook().all()) {
    const r = Number(c.root);
    const quad = r <= 5 ? 1 : r <= 8 ? 2 : r <= 13 ? 3 : 4;
    assert.equal(c.quadClass, quad, c.code);
    assert.ok(Number.isFinite(c.goldstein) && c.goldstein >= -10 && c.goldstein <= 10, c.code);
  }
});

test('well-known codes carry their codebook names and Goldstein values', () => {
  const cb = loadCodebook();
  const expect: [string, string, number, number][] = [
    ['041', 'Discuss by telephone', 1.0, 1],
    ['042', 'Make a visit', 1.9, 1],
    ['0211', 'Appeal for economic cooperation', 3.4, 1],
    ['057', 'Sign formal agreement', 8.0, 1],
    ['0874', 'Retreat or surrender militarily', 10.0, 2],
    ['145', 'Protest violently, riot, not specified below', -7.5, 4],
    ['173', 'Arrest, detain, or charge with legal action', -5.0, 4],
    ['190', 'Use conventional military force, not specified below', -10.0, 4],
  ];
  for (const [code, name, goldstein, quadClass] of expect) {
    const c = cb.get(code);
    assert.ok(c, code);
    assert.equal(c.name, name);
    assert.equal(c.goldstein, goldstein, code);
    assert.equal(c.quadClass, quadClass, code);
  }
  assert.equal(cb.get('41'), undefined, 'codes are exact strings');
  assert.equal(cb.get('999'), undefined);
  assert.equal(loadCodebook(), cb, 'the default codebook is memoized');
});

test('every PLOVER label is one of the 16 types with a mode that type allows', () => {
  for (const version of PLOVER_VERSIONS) checkLabels(version);
  const cb = loadCodebook();
  assert.equal(cb.ploverVersion, '2025', 'the default PLOVER version');
  assert.deepEqual(cb.plover('041'), { type: 'CONSULT', mode: 'phone' });
  assert.deepEqual(cb.plover('042'), { type: 'CONSULT', mode: 'visit' });
  assert.deepEqual(cb.plover('145'), { type: 'PROTEST', mode: 'riot' });
  assert.deepEqual(cb.plover('190'), { type: 'ASSAULT', mode: null });
  assert.deepEqual(cb.plover('0841'), { type: 'RETREAT', mode: 'release' });
  // Fallback to the 3-digit parent, then the root, for codes without an own row.
  assert.deepEqual(cb.plover('1213'), { type: 'REJECT', mode: 'assist' });
  assert.deepEqual(cb.plover('1459'), { type: 'PROTEST', mode: 'riot' });
  assert.deepEqual(cb.plover('189'), { type: 'ASSAULT', mode: null });
  // 2025: appeals are requests (an appeal takes its demand twin's type and mode), intents to yield
  // and declared truces are concessions; 2021: appeals have no type, the others are AGREE and RETREAT
  assert.deepEqual(cb.plover('0211'), cb.plover('1011'));
  assert.deepEqual(cb.plover('0234'), { type: 'REQUEST', mode: 'assist' });
  assert.equal(cb.plover('0356')?.type, 'CONCEDE');
  assert.equal(cb.plover('0871')?.type, 'CONCEDE');
  const old = loadCodebook(undefined, '2021');
  assert.equal(old.plover('0211'), null);
  assert.equal(old.plover('0356')?.type, 'AGREE');
  assert.deepEqual(old.plover('0871'), { type: 'RETREAT', mode: 'ceasefire' });
  assert.equal(cb.plover('010'), null);
  assert.equal(cb.plover('abc'), null);
  assert.equal(loadCodebook(undefined, '2021'), old, 'memoized per version');
});

/** Every code but root 01's has a PLOVER label of a known type and an allowed mode (root 02 too in 2025). */
function checkLabels(version: PloverVersion): void {
  const cb = loadCodebook(undefined, version);
  const types = cb.ploverTypes();
  assert.deepEqual(types.map((t) => t.type), [...PLOVER_TYPES]);
  const modes = new Map(types.map((t) => [t.type, t.modes]));
  for (const t of types) assert.ok(t.definition.length > 10, t.type);
  let mapped = 0;
  for (const c of cb.all()) {
    const label = cb.plover(c.code);
    if (c.root === '01' || (c.root === '02' && version === '2021')) {
      assert.equal(label, null, `${version} ${c.code}: no PLOVER type for public statements (and 2021: appeals)`);
      continue;
    }
    assert.ok(label, `${c.code} has a PLOVER type`);
    assert.ok(modes.has(label.type), `${c.code}: ${label.type}`);
    if (label.mode !== null) assert.ok(modes.get(label.type)!.includes(label.mode), `${c.code}: ${label.type}/${label.mode}`);
    mapped++;
  }
  assert.equal(mapped, version === '2021' ? 316 - 39 : 316 - 11, `${version}: all but the codes of root 01 (2021: and 02)`);
}

/** Writes a codebook folder with the given table bodies (defaults: a small valid codebook). */
function fixture(files: { eventcodes?: string; plover?: string; types?: string }): string {
  const dir = mkdtempSync(join(tmpdir(), 'steppe-codebook-'));
  writeFileSync(join(dir, 'eventcodes.tsv'), files.eventcodes ??
    '# test\n04\tConsult\t1.0\t1\n041\tDiscuss by telephone\t1.0\t1\n18\tAssault\t-9.0\t4\n182\tPhysically assault\t-9.5\t4\n1821\tSexually assault\t-9.0\t4\n');
  writeFileSync(join(dir, 'plover-types.tsv'), files.types ??
    'CONSULT\tvisit,phone\tMeet or talk.\nASSAULT\tbeat,sexual\tUse violence.\n');
  writeFileSync(join(dir, 'plover.tsv'), files.plover ?? '04\tCONSULT\t\n041\tCONSULT\tphone\n182\tASSAULT\tbeat\n');
  return dir;
}

function assertBad(files: Parameters<typeof fixture>[0], file: string, message: RegExp): void {
  const dir = fixture(files);
  try {
    assert.throws(() => loadCodebook(dir), (err: unknown) => {
      assert.ok(err instanceof SteppeError);
      assert.equal(err.code, 'E_BAD_DICTIONARY');
      assert.equal(err.input, join(dir, file));
      assert.match(err.message, message);
      return true;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a valid fixture loads from an explicit directory', () => {
  const dir = fixture({});
  try {
    const cb = loadCodebook(dir);
    assert.equal(cb.all().length, 5);
    assert.deepEqual(cb.plover('1821'), { type: 'ASSAULT', mode: 'beat' });
    assert.deepEqual(cb.plover('04'), { type: 'CONSULT', mode: null });
    assert.equal(cb.plover('18'), null);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('malformed rows throw E_BAD_DICTIONARY naming the file and line', () => {
  assertBad({ eventcodes: '04\tConsult\t1.0\n' }, 'eventcodes.tsv', /^line 1: expected 4 TAB-separated columns/);
  assertBad({ eventcodes: '# c\n\n04\tConsult\tabc\t1\n' }, 'eventcodes.tsv', /^line 3: code 04: goldstein "abc" is not a number/);
  assertBad({ eventcodes: '04\tConsult\t11\t1\n' }, 'eventcodes.tsv', /^line 1: .*outside \[-10, 10\]/);
  assertBad({ eventcodes: '04\tConsult\t1.0\t3\n' }, 'eventcodes.tsv', /^line 1: code 04: quadClass 3 does not match root 04/);
  assertBad({ eventcodes: '21\tNone\t1.0\t4\n' }, 'eventcodes.tsv', /^line 1: code 21: root 21 is outside 01-20/);
  assertBad({ eventcodes: '4a\tBad\t1.0\t1\n' }, 'eventcodes.tsv', /^line 1: code "4a" is not 2-4 digits/);
  assertBad({ eventcodes: '04\tConsult\t1.0\t1\n04\tConsult\t1.0\t1\n' }, 'eventcodes.tsv', /^line 2: code 04 already defined on line 1/);
  assertBad({ eventcodes: '04\tConsult\t1.0\t1\n0411\tOrphan\t1.0\t1\n' }, 'eventcodes.tsv', /^line 2: code 0411: its parent 041 is not defined/);
  assertBad({ types: 'CHAT\t\tTalk.\n' }, 'plover-types.tsv', /^line 1: "CHAT" is not a PLOVER event type/);
  assertBad({ types: 'CONSULT\tPhone\tTalk.\n' }, 'plover-types.tsv', /^line 1: type CONSULT: mode "Phone"/);
  assertBad({ plover: '041\tCONSULT\tfax\n' }, 'plover.tsv', /^line 1: code 041: "fax" is not a mode of CONSULT/);
  assertBad({ plover: '041\tAGREE\t\n' }, 'plover.tsv', /^line 1: code 041: "AGREE" is not a type of plover-types.tsv/);
  assertBad({ plover: '999\tCONSULT\t\n' }, 'plover.tsv', /^line 1: "999" is not a code of eventcodes.tsv/);
});

test('a missing table throws E_NOT_FOUND', () => {
  const dir = mkdtempSync(join(tmpdir(), 'steppe-codebook-'));
  try {
    assert.throws(() => loadCodebook(dir), (err: unknown) => err instanceof SteppeError && err.code === 'E_NOT_FOUND');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Reads a reference table `CODE<TAB>VALUE` with one header line. */
function readReference(file: string): Map<string, string> {
  const lines = readFileSync(file, 'utf8').split('\n').slice(1);
  return new Map(lines.filter((l) => l.trim() !== '').map((l) => {
    const [code, value] = l.replace(/\r$/, '').split('\t');
    return [code.trim(), value.trim()];
  }));
}

test('codes and Goldstein values agree with the reference CAMEO tables', (t) => {
  if (!existsSync(REF_DIR)) {
    console.log(`notice: codebook cross-check skipped: ${REF_DIR} absent`);
    t.skip('../shared absent: reference codebooks not available');
    return;
  }
  const cb = loadCodebook();
  const names = readReference(join(REF_DIR, 'cameo/CAMEO.eventcodes.txt'));
  const scores = readReference(join(REF_DIR, 'cameo/CAMEO.goldsteinscale.txt'));
  assert.deepEqual([...names.keys()].sort(), [...scores.keys()].sort(), 'the two reference tables list the same codes');
  for (const [code, score] of scores) {
    const ours = cb.get(code);
    assert.ok(ours, `reference code ${code} is in eventcodes.tsv`);
    assert.equal(ours.goldstein, Number(score), `Goldstein of ${code}`);
  }
  const extra = cb.all().map((c) => c.code).filter((c) => !scores.has(c));
  assert.deepEqual(extra, ONLY_IN_V1_1B3, 'our codes missing from the reference are exactly the documented v1.1b3 additions');
});

test('the CAMEO→PLOVER mapping agrees with the reference conversion table', (t) => {
  if (!existsSync(REF_DIR)) {
    console.log(`notice: PLOVER cross-check skipped: ${REF_DIR} absent`);
    t.skip('../shared absent: reference codebooks not available');
    return;
  }
  const cb = loadCodebook(undefined, '2021');
  const rows = new Map<string, { type: string; mode: string }>();
  const rootTypes = new Map<string, string[]>();
  for (const raw of readFileSync(join(REF_DIR, 'plover/CAMEO2PLOVER-2021.txt'), 'utf8').split('\n')) {
    const line = raw.split('#')[0].trim();
    const m = /^(\d{2,4}):\s*(.*)$/.exec(line);
    if (!m) continue;
    const [type, mode = ''] = m[2].split(',').map((f) => f.trim());
    if (m[1].length === 2) rootTypes.set(m[1], [...(rootTypes.get(m[1]) ?? []), type]);
    else rows.set(m[1], { type, mode });
  }
  assert.ok(rows.size > 250, 'reference table parsed');

  for (const [code, ref] of rows) {
    if (NOT_IN_V1_1B3.includes(code)) {
      assert.equal(cb.get(code), undefined, `${code} is documented as not a v1.1b3 code`);
      continue;
    }
    const ours = cb.plover(code);
    assert.ok(ours, `${code} is mapped`);
    assert.equal(ours.type, ref.type, `type of ${code}`);
    const departure = MODE_DEPARTURES[code];
    if (departure) {
      assert.equal(ref.mode, departure[0], `${code}: the reference mode is the one documented`);
      assert.equal(ours.mode ?? '', departure[1], `${code}: our documented mode`);
    } else {
      assert.equal(ours.mode ?? '', ref.mode, `mode of ${code}`);
    }
  }
  for (const [root, types] of rootTypes) {
    assert.ok(types.includes(cb.plover(root)?.type ?? ''), `root ${root}: ${cb.plover(root)?.type} in ${types.join('/')}`);
  }
  // Vice versa: every non-root code we map is in the reference, or a documented v1.1b3 addition.
  const mappedOnlyHere = cb.all()
    .filter((c) => c.code.length > 2 && cb.plover(c.code) !== null && !rows.has(c.code))
    .map((c) => c.code);
  assert.deepEqual(mappedOnlyHere, ONLY_IN_V1_1B3);
  // Codes the reference leaves out (roots 01 and 02) are unmapped here too.
  for (const c of cb.all()) {
    if (c.code.length > 2 && !rows.has(c.code) && !ONLY_IN_V1_1B3.includes(c.code)) assert.equal(cb.plover(c.code), null, c.code);
  }
  // Version 2025 differs from it exactly by the documented type departures of plover-2025.tsv.
  const now = loadCodebook(undefined, '2025');
  for (const c of now.all()) {
    const dep = typeDeparture(c.code);
    if (!dep) { assert.deepEqual(now.plover(c.code), cb.plover(c.code), `2025 = 2021 for ${c.code}`); continue; }
    assert.equal(cb.plover(c.code)?.type ?? '', dep[1], `${c.code}: the 2021 type is the one documented`);
    assert.equal(now.plover(c.code)?.type, dep[2], `${c.code}: the 2025 type`);
    if (c.root === '02') assert.deepEqual(now.plover(c.code), now.plover(`10${c.code.slice(2)}`), `${c.code}: its 10x twin`);
  }
});
