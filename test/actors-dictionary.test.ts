/**
 * The actor dictionary: one test per kind of entry (country, IGO, organization, person, tenure,
 * post of an IGO, metonym, agent, title), the loader's errors on bad user files, and hygiene
 * checks over the whole data set (tenures in order, no two holders of one office at once, no
 * surface form naming two actors by accident, one agent code per office across the files).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { AGENT_CODES, loadActorDictionary } from '../src/actors/dictionary.js';
import type { ActorDictionary, DictActor } from '../src/actors/dictionary.js';
import { SteppeError } from '../src/errors.js';
import { DATA_DIR } from '../src/paths.js';

const dict: ActorDictionary = loadActorDictionary();
const ACTORS_DIR = join(DATA_DIR, 'actors');

/** Actor ids a surface form names (exact form), optionally of one kind. */
function idsFor(form: string, kind?: 'name' | 'demonym' | 'metonym'): string[] {
  const ids = dict.names.filter((n) => n.form === form && (kind === undefined || n.kind === kind)).map((n) => n.actorId);
  return [...new Set(ids)].sort();
}

function holderId(title: string, country: string, date: string): string | null {
  return dict.holderOf(title, country, date)?.id ?? null;
}

function people(): DictActor[] {
  return [...dict.actors.values()].filter((a) => a.type === 'person');
}

function readList(file: string): Record<string, unknown>[] {
  return parse(readFileSync(join(ACTORS_DIR, file), 'utf8')) as Record<string, unknown>[];
}

/** A real calendar day written YYYY-MM-DD ("2019-02-30" is not). */
function isDay(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Write a user actor file in a fresh temporary directory and load the dictionary with it. */
function loadWithUserFile(content: string): ActorDictionary {
  const dir = mkdtempSync(join(tmpdir(), 'steppe-actors-'));
  const file = join(dir, 'my-actors.yaml');
  writeFileSync(file, content);
  try {
    return loadActorDictionary({ extraFiles: [file] });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Assert that loading `content` as a user file throws E_BAD_DICTIONARY naming `line`. */
function assertBadUserFile(content: string, line: number, reason: RegExp): void {
  assert.throws(
    () => loadWithUserFile(content),
    (err: unknown) => {
      assert.ok(err instanceof SteppeError, `expected a SteppeError, got ${String(err)}`);
      assert.equal(err.code, 'E_BAD_DICTIONARY');
      assert.ok(err.input?.endsWith('my-actors.yaml'), `the error names the file: ${err.input}`);
      assert.match(err.message, new RegExp(`^line ${line}\\b`), `the error names line ${line}: ${err.message}`);
      assert.match(err.message, reason);
      return true;
    },
  );
}

// --- one test per kind of entry -----------------------------------------------------------------

test('a country resolves by name, alternate name, demonym and capital', () => {
  assert.deepEqual(idsFor('Kazakhstan', 'name'), ['KAZ']);
  assert.deepEqual(idsFor('Turkey', 'name'), ['TUR'], 'news name that world-countries lacks');
  assert.deepEqual(idsFor('Türkiye', 'name'), ['TUR']);
  assert.deepEqual(idsFor('South Korea', 'name'), ['KOR']);
  assert.deepEqual(idsFor('North Korea', 'name'), ['PRK']);
  assert.deepEqual(idsFor('Iran', 'name'), ['IRN']);
  assert.deepEqual(idsFor('Syria', 'name'), ['SYR']);
  assert.deepEqual(idsFor('Ivory Coast', 'name'), ['CIV']);
  assert.deepEqual(idsFor('Burma', 'name'), ['MMR']);
  assert.deepEqual(idsFor('Czech Republic', 'name'), ['CZE']);
  // news style: "Congo" is the DRC, "Congo Republic" the other (countries.yaml notNames)
  assert.deepEqual(idsFor('Congo', 'name'), ['COD']);
  assert.deepEqual(idsFor('Congo Republic', 'name'), ['COG']);
  assert.deepEqual(idsFor('Republic of the Congo', 'name'), ['COG']);
  assert.deepEqual(idsFor('UAE', 'name'), ['ARE']);
  assert.deepEqual(idsFor('Kazakh', 'demonym'), ['KAZ']);
  for (const [demonym, iso] of [
    ['Kyrgyz', 'KGZ'], ['Tajik', 'TJK'], ['Uzbek', 'UZB'], ['Turkmen', 'TKM'], ['Azeri', 'AZE'],
    ['Georgian', 'GEO'], ['Armenian', 'ARM'], ['Ukrainian', 'UKR'], ['Russian', 'RUS'], ['Chinese', 'CHN'],
    ['Iranian', 'IRN'], ['Israeli', 'ISR'], ['Palestinian', 'PSE'], ['Turkish', 'TUR'], ['Saudi', 'SAU'],
    ['Pakistani', 'PAK'], ['Afghan', 'AFG'], ['Japanese', 'JPN'], ['South Korean', 'KOR'], ['North Korean', 'PRK'],
    ['German', 'DEU'], ['Italian', 'ITA'], ['British', 'GBR'], ['Brazilian', 'BRA'], ['Mexican', 'MEX'],
    ['Canadian', 'CAN'], ['Australian', 'AUS'], ['South African', 'ZAF'], ['Indonesian', 'IDN'], ['Argentine', 'ARG'],
    // common spellings countries.yaml adds to world-countries' own ("Ecuadorean", "Slovene")
    ['Ecuadorian', 'ECU'], ['Ecuadorean', 'ECU'], ['Slovenian', 'SVN'], ['Slovene', 'SVN'], ['Nepali', 'NPL'], ['Icelandic', 'ISL'],
    // world-countries' two-part demonyms are split ("Bosnian, Herzegovinian")
    ['Bosnian', 'BIH'], ['Herzegovinian', 'BIH'], ['Kittitian', 'KNA'], ['Nevisian', 'KNA'],
  ] as const) {
    assert.deepEqual(idsFor(demonym, 'demonym'), [iso], demonym);
  }
  // world-countries gives these to a territory too (see KNOWN_COLLISIONS): the state is among them
  for (const [demonym, iso] of [['Indian', 'IND'], ['French', 'FRA'], ['American', 'USA']] as const) {
    assert.ok(idsFor(demonym, 'demonym').includes(iso), demonym);
  }
  // the capital of a dependent territory is no metonym ("Douglas" is a name first)
  assert.deepEqual(idsFor('Douglas', 'metonym'), []);
  assert.deepEqual(idsFor('Stanley', 'metonym'), []);
  assert.deepEqual(idsFor('Kingston', 'metonym'), ['JAM']);
  assert.deepEqual(idsFor('Beijing', 'metonym'), ['CHN']);
  assert.deepEqual(idsFor('Moscow', 'metonym'), ['RUS']);
  assert.deepEqual(idsFor('Nur-Sultan', 'metonym'), ['KAZ'], 'former capital');
  assert.deepEqual(idsFor('Kiev', 'metonym'), ['UKR'], 'older spelling of the capital');
  assert.deepEqual(idsFor('Kyiv', 'metonym'), ['UKR']);
  const beijing = dict.names.find((n) => n.form === 'Beijing');
  assert.equal(beijing?.agent, 'GOV', 'a capital stands for the government');
});

test('an IGO resolves by acronym and by full name, with its CAMEO code and members', () => {
  for (const [form, id] of [
    ['CSTO', 'CSTO'], ['Collective Security Treaty Organization', 'CSTO'], ['SCO', 'SCO'],
    ['Shanghai Cooperation Organisation', 'SCO'], ['NATO', 'NATO'], ['U.N.', 'UN'], ['United Nations', 'UN'],
    ['Eurasian Economic Union', 'EAEU'], ['EEU', 'EAEU'], ['African Union', 'AU'], ['Arab League', 'LAS'],
    ['G-20', 'G20'], ['World Bank', 'WBG'], ['OSCE', 'OSCE'], ['Commonwealth of Independent States', 'CIS'],
  ] as const) {
    assert.deepEqual(idsFor(form, 'name'), [id], form);
  }
  const csto = dict.actors.get('CSTO');
  assert.equal(csto?.type, 'igo');
  assert.equal(dict.actors.get('UN')?.code, 'IGOUNO');
  assert.equal(dict.actors.get('NATO')?.code, 'IGONAT');
  assert.equal(dict.actors.get('WTO')?.code, 'IGOWTO');
  assert.deepEqual(idsFor('Brussels', 'metonym'), ['BEL', 'EU'], 'Brussels: capital of Belgium and seat of the EU');
  const igos = readList('igos.yaml') as { id: string; members?: string[] }[];
  const members = (id: string) => igos.find((g) => g.id === id)?.members ?? [];
  assert.ok(members('CSTO').includes('KAZ'));
  assert.ok(members('NATO').includes('TUR') && members('NATO').length === 32);
  for (const g of igos) for (const m of g.members ?? []) assert.equal(dict.actors.get(m)?.type, 'state', `${g.id} member ${m}`);
});

test('an organization (security service, armed group) resolves by name and acronym, with country and code', () => {
  assert.deepEqual(idsFor('FSB', 'name'), ['fsb']);
  assert.deepEqual(idsFor('Federal Security Service', 'name'), ['fsb']);
  assert.deepEqual(idsFor('ISIS', 'name'), ['islamic-state']);
  assert.deepEqual(idsFor('Daesh', 'name'), ['islamic-state']);
  const fsb = dict.actors.get('fsb');
  assert.equal(fsb?.type, 'organization');
  assert.equal(fsb?.country, 'RUS');
  assert.equal(fsb?.code, 'RUSSPY');
  const is = dict.actors.get('islamic-state');
  assert.equal(is?.type, 'group');
  assert.equal(is?.country, null);
  assert.equal(is?.code, 'REBRAD');
  assert.equal(dict.actors.get('hezbollah')?.code, 'LBNREB');
  // insurgents of the 1990s-2000s archives, by name and acronym; UNITA's agent changes with its 2002 ceasefire
  assert.deepEqual(idsFor('Tamil Tigers', 'name'), ['ltte']);
  assert.deepEqual(idsFor('ONLF', 'name'), ['onlf']);
  assert.equal(dict.actors.get('ltte')?.code, 'LKAREB');
  assert.deepEqual(idsFor('UNITA', 'name'), ['unita']);
  assert.deepEqual(idsFor('UNRWA', 'name'), ['UNRWA']);
  // a body named after what it handles belongs to its own state (China's Taiwan Affairs Office)
  assert.equal(dict.actors.get('taiwan-affairs-office')?.code, 'CHNGOV');
  for (const o of readList('organizations.yaml') as { id: string; country: string | null }[]) {
    if (o.country) assert.equal(dict.actors.get(o.country)?.type, 'state', `${o.id}: country ${o.country}`);
  }
});

test('a person resolves by any spelling variant', () => {
  for (const [form, id] of [
    ['Toqaev', 'tokayev-kassym-jomart'], ['Tokayev', 'tokayev-kassym-jomart'], ['Kassym-Jomart Tokayev', 'tokayev-kassym-jomart'],
    ['Nazarbaev', 'nazarbayev-nursultan'], ['Nursultan Nazarbayev', 'nazarbayev-nursultan'],
    ['Mirziyoev', 'mirziyoyev-shavkat'], ['Mirziyoyev', 'mirziyoyev-shavkat'],
    ['Rakhmon', 'rahmon-emomali'], ['Rahmon', 'rahmon-emomali'], ['Emomali Rahmonov', 'rahmon-emomali'],
    ['Zelensky', 'zelensky-volodymyr'], ['Zelenskiy', 'zelensky-volodymyr'], ['Zelenskyy', 'zelensky-volodymyr'],
    ['Sadyr Zhaparov', 'japarov-sadyr'], ['Gurbanguly Berdymukhammedov', 'berdimuhamedov-gurbanguly'],
    ['Erdogan', 'erdogan-recep-tayyip'], ['Sergey Lavrov', 'lavrov-sergei'], ['Xi Jinping', 'xi-jinping'],
    ['William Lai', 'lai-ching-te'], ['Goita', 'goita-assimi'], ['Tchiani', 'tiani-abdourahamane'],
  ] as const) {
    assert.deepEqual(idsFor(form, 'name'), [id], form);
  }
  // Taiwan's presidency changed hands on 20 May 2024; Niger's junta took over in July 2023
  assert.equal(holderId('President', 'TWN', '2024-05-19'), 'tsai-ing-wen');
  assert.equal(holderId('President', 'TWN', '2024-05-20'), 'lai-ching-te');
  assert.equal(holderId('President', 'NER', '2023-07-01'), 'bazoum-mohamed');
  assert.equal(holderId('President', 'NER', '2024-01-01'), 'tiani-abdourahamane');
  const toqaev = dict.actors.get('tokayev-kassym-jomart');
  assert.equal(toqaev?.type, 'person');
  assert.equal(toqaev?.country, 'KAZ');
});

test('holderOf resolves a tenure by date (start inclusive, end exclusive)', () => {
  assert.equal(holderId('President', 'KAZ', '2018-05-01'), 'nazarbayev-nursultan');
  assert.equal(holderId('President', 'KAZ', '2022-01-20'), 'tokayev-kassym-jomart');
  assert.equal(holderId('President', 'KAZ', '2019-03-19'), 'nazarbayev-nursultan', 'last day in office');
  assert.equal(holderId('President', 'KAZ', '2019-03-20'), 'tokayev-kassym-jomart', 'end is exclusive');
  assert.equal(holderId('President', 'USA', '2018-06-15'), 'trump-donald');
  assert.equal(holderId('President', 'USA', '2022-06-15'), 'biden-joe');
  assert.equal(holderId('President', 'USA', '2025-06-15'), 'trump-donald', 'second term');
  assert.equal(holderId('Foreign Minister', 'CHN', '2022-01-10'), 'wang-yi');
  assert.equal(holderId('Foreign Minister', 'CHN', '2023-03-01'), 'qin-gang');
  assert.equal(holderId('foreign minister', 'CHN', '2024-03-01'), 'wang-yi', 'title is case-insensitive');
  assert.equal(holderId('Foreign Minister', 'USA', '2022-01-10'), 'blinken-antony');
  assert.equal(holderId('Secretary of State', 'USA', '2022-01-10'), 'blinken-antony');
  assert.equal(holderId('Defense Minister', 'RUS', '2022-01-10'), 'shoigu-sergei');
  assert.equal(holderId('Defense Minister', 'RUS', '2025-01-10'), 'belousov-andrei');
  assert.equal(holderId('Prime Minister', 'KAZ', '2022-01-20'), 'smailov-alikhan');
  assert.equal(holderId('Chancellor', 'DEU', '2020-01-01'), 'merkel-angela');
  assert.equal(holderId('King', 'SAU', '2020-01-01'), 'salman-bin-abdulaziz');
  assert.equal(holderId('Crown Prince', 'SAU', '2020-01-01'), 'mohammed-bin-salman');
  assert.equal(holderId('President', 'KAZ', '1980-01-01'), null, 'before any tenure');
});

test('posts of an IGO: holderOf by organization id (Secretary-General of the UN and NATO, EU presidents)', () => {
  assert.equal(holderId('Secretary-General', 'UN', '2016-06-01'), 'ban-ki-moon');
  assert.equal(holderId('Secretary-General', 'UN', '2022-01-10'), 'guterres-antonio');
  assert.equal(holderId('Secretary-General', 'NATO', '2022-01-10'), 'stoltenberg-jens');
  assert.equal(holderId('Secretary-General', 'NATO', '2024-09-30'), 'stoltenberg-jens', 'last day in office');
  assert.equal(holderId('secretary-general', 'NATO', '2024-10-01'), 'rutte-mark', 'end is exclusive; title case-insensitive');
  assert.equal(holderId('President', 'EC', '2018-01-01'), 'juncker-jean-claude');
  assert.equal(holderId('President', 'EC', '2022-01-01'), 'von-der-leyen-ursula');
  assert.equal(holderId('President', 'EUCO', '2025-01-01'), 'costa-antonio');
  assert.equal(holderId('High Representative', 'EU', '2022-01-01'), 'borrell-josep');
  assert.equal(holderId('President', 'UN', '2022-01-01'), null, 'no such post');
  // the same title in a country is another office
  assert.equal(holderId('President', 'PRT', '2022-01-01'), null);
  const guterres = dict.actors.get('guterres-antonio');
  assert.equal(guterres?.country, 'PRT', 'nationality stays the country');
  assert.equal(guterres?.roles[0].country, 'UN');
});

test('one agent code per office across people.yaml, roles.yaml and agents.yaml: defence GOVMIL, interior GOV', () => {
  const defence = new Set(['defense minister', 'acting defense minister', 'secretary of defense', 'acting secretary of defense', 'defence secretary']);
  const wrong: string[] = [];
  for (const p of people()) for (const r of p.roles) if (defence.has(r.title.toLowerCase()) && r.agent !== 'GOVMIL') wrong.push(`${p.id} ${r.title}: ${r.agent}`);
  assert.deepEqual(wrong, []);
  const title = (w: string) => dict.roles.titles.find((t) => t.words === w);
  const agent = (phrase: string) => dict.agents.find((a) => a.phrase === phrase)?.agent;
  for (const w of ['defense minister', 'defence minister', 'defence secretary', 'secretary of defense', 'minister of defense']) {
    assert.equal(title(w)?.agent, 'GOVMIL', `roles.yaml ${w}`);
  }
  for (const w of ['defense minister', 'defence minister', 'defence secretary', 'secretary of defense']) assert.equal(agent(w), 'GOVMIL', `agents.yaml ${w}`);
  assert.equal(title('interior minister')?.agent, 'GOV');
  assert.equal(agent('interior minister'), 'GOV');
  assert.equal(title('foreign minister')?.agent, 'GOV');
  // a title's office is a people.yaml title: "defence minister" is looked up as "Defense Minister"
  assert.equal(title('defence minister')?.office, 'Defense Minister');
  const offices = new Set(people().flatMap((p) => p.roles.map((r) => r.title.toLowerCase())));
  for (const t of dict.roles.titles) if (t.office) assert.ok(offices.has(t.office.toLowerCase()) || /deputy|interior/i.test(t.office), `office ${t.office} of "${t.words}" is no people.yaml title`);
});

test('a metonym resolves to its actor with the agent it implies', () => {
  const kremlin = dict.names.filter((n) => n.form === 'the Kremlin');
  assert.equal(kremlin.length, 1);
  assert.equal(kremlin[0].actorId, 'RUS');
  assert.equal(kremlin[0].kind, 'metonym');
  assert.equal(kremlin[0].agent, 'GOV');
  const agentOf = (form: string) => dict.names.find((n) => n.form === form && n.kind === 'metonym')?.agent;
  assert.deepEqual(idsFor('Number 10', 'metonym'), ['GBR']);
  assert.deepEqual(idsFor('the Blue House', 'metonym'), ['KOR']);
  assert.deepEqual(idsFor('Akorda', 'metonym'), ['KAZ']);
  assert.equal(agentOf('the Pentagon'), 'MIL');
  assert.equal(agentOf('Capitol Hill'), 'LEG');
  assert.equal(agentOf('Foggy Bottom'), 'GOV');
  assert.deepEqual(idsFor('Berlaymont', 'metonym'), ['EC']);
  assert.equal(agentOf('Berlaymont'), null, 'an IGO metonym implies no agent');
});

test('an agent phrase maps to CAMEO agent codes', () => {
  const agent = (phrase: string) => dict.agents.find((a) => a.phrase === phrase);
  assert.equal(agent('security forces')?.agent, 'COP');
  assert.equal(agent('protesters')?.agent, 'CVLOPP');
  assert.equal(agent('troops')?.agent, 'MIL');
  assert.equal(agent('lawmakers')?.agent, 'LEG');
  assert.equal(agent('state-run media')?.agent, 'MED');
  assert.equal(agent('defense minister')?.agent, 'GOVMIL');
  assert.equal(agent('defense minister')?.type, 'person');
  assert.equal(agent('intelligence agency')?.type, 'organization');
  assert.equal(agent('refugees')?.agent, 'REF');
  const known = new Set<string>(AGENT_CODES);
  const seen = new Set<string>();
  for (const a of dict.agents) {
    assert.equal(a.phrase, a.phrase.toLowerCase(), `phrase is lower case: ${a.phrase}`);
    assert.equal(a.phrase, a.phrase.trim().replace(/\s+/g, ' '), `phrase has single spaces: "${a.phrase}"`);
    assert.ok(!seen.has(a.phrase), `phrase listed twice: ${a.phrase}`);
    seen.add(a.phrase);
    for (const code of a.agent.match(/.{3}/g) ?? []) assert.ok(known.has(code), `${a.phrase}: ${code} is not a CAMEO agent code`);
  }
});

// --- the loader's errors ------------------------------------------------------------------------

test('a user file extends the dictionary', () => {
  const d = loadWithUserFile([
    'people:',
    '  - id: doe-jane',
    '    name: Jane Doe',
    '    country: KAZ',
    '    roles:',
    '      - { title: Akim of Almaty, country: KAZ, start: 2030-01-01 }',
    '',
  ].join('\n'));
  assert.equal(d.holderOf('Akim of Almaty', 'KAZ', '2030-06-01')?.id, 'doe-jane');
});

test('a user file with invalid YAML throws E_BAD_DICTIONARY naming the line', () => {
  assertBadUserFile([
    'people:',
    '  - id: bad-yaml',
    '    name: Bad Yaml',
    '    country: KAZ',
    '    roles: [{ title: President, country: KAZ, start: 2020-01-01 }',
    'agents:',
    '  - { phrase: x, agent: GOV }',
    '',
  ].join('\n'), 6, /invalid YAML/);
});

test('a user file with a bad ISO code throws E_BAD_DICTIONARY naming the line', () => {
  assertBadUserFile([
    'people:',
    '  - id: bad-country',
    '    name: Bad Country',
    '    country: kz',
    '',
  ].join('\n'), 4, /people\.0\.country: .*alpha-3/);
});

test('a user file may hold a post of its own IGO; a role in an unknown state or IGO throws naming the line', () => {
  const d = loadWithUserFile([
    'igos:',
    '  - { id: CACO, name: Central Asian Cooperation Organization, members: [KAZ, KGZ, TJK, UZB] }',
    'people:',
    '  - id: doe-john',
    '    name: John Doe',
    '    country: UZB',
    '    roles:',
    '      - { title: Secretary-General, country: CACO, start: 2030-01-01 }',
    '',
  ].join('\n'));
  assert.equal(d.holderOf('Secretary-General', 'CACO', '2030-02-01')?.id, 'doe-john');
  assertBadUserFile([
    'people:',
    '  - id: bad-holder',
    '    name: Bad Holder',
    '    country: KAZ',
    '    roles:',
    '      - { title: President, country: XYZ, start: 2020-01-01 }',
    '',
  ].join('\n'), 6, /people\.0\.roles\.0\.country: "XYZ" is neither a country code nor an IGO id/);
});

test('a user file with an unknown agent code throws E_BAD_DICTIONARY naming the line', () => {
  assertBadUserFile([
    'agents:',
    '  - { phrase: coast guard, agent: MIL }',
    '  - { phrase: space force, agent: MILXYZ }',
    '',
  ].join('\n'), 3, /agents\.1\.agent: an agent code made of GOV/);
  assertBadUserFile([
    'people:',
    '  - id: bad-agent',
    '    name: Bad Agent',
    '    country: KAZ',
    '    roles:',
    '      - { title: Minister, country: KAZ, agent: gov, start: 2020-01-01 }',
    '',
  ].join('\n'), 6, /people\.0\.roles\.0\.agent: one or more 3-letter CAMEO agent codes/);
});

test('a user file with a bad date throws E_BAD_DICTIONARY naming the line', () => {
  assertBadUserFile([
    'people:',
    '  - id: bad-date',
    '    name: Bad Date',
    '    country: KAZ',
    '    roles:',
    '      - { title: President, country: KAZ, start: 20-03-2019 }',
    '',
  ].join('\n'), 6, /people\.0\.roles\.0\.start: .*YYYY-MM-DD/);
});

// --- data hygiene over the whole dictionary -----------------------------------------------------

test('every role has real dates and starts before it ends', () => {
  const bad: string[] = [];
  for (const p of people()) {
    if (p.roles.length === 0) bad.push(`${p.id}: no roles`);
    for (const r of p.roles) {
      if (!isDay(r.start)) bad.push(`${p.id} ${r.title}: start ${r.start} is not a calendar day`);
      if (r.end !== null && !isDay(r.end)) bad.push(`${p.id} ${r.title}: end ${r.end} is not a calendar day`);
      if (r.end !== null && !(r.start < r.end)) bad.push(`${p.id} ${r.title}: start ${r.start} is not before end ${r.end}`);
      if (r.start > '2026-12-31') bad.push(`${p.id} ${r.title}: start ${r.start} is in the future`);
      const holder = r.country === null ? null : dict.actors.get(r.country)?.type;
      if (r.country !== null && holder !== 'state' && holder !== 'igo') bad.push(`${p.id} ${r.title}: unknown country or IGO ${r.country}`);
    }
    if (p.country !== null && dict.actors.get(p.country)?.type !== 'state') bad.push(`${p.id}: unknown country ${p.country}`);
  }
  assert.deepEqual(bad, []);
});

test('no two tenures of one office overlap', () => {
  const offices = new Map<string, { who: string; start: string; end: string | null }[]>();
  for (const p of people()) {
    for (const r of p.roles) {
      const key = `${r.title.toLowerCase()} @ ${r.country ?? '(organization)'}`;
      if (!offices.has(key)) offices.set(key, []);
      offices.get(key)!.push({ who: p.id, start: r.start, end: r.end });
    }
  }
  const overlaps: string[] = [];
  for (const [office, tenures] of offices) {
    tenures.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    for (let i = 1; i < tenures.length; i++) {
      const prev = tenures[i - 1];
      const cur = tenures[i];
      if (prev.end === null || prev.end > cur.start) {
        overlaps.push(`${office}: ${prev.who} (${prev.start}..${prev.end ?? 'now'}) overlaps ${cur.who} (from ${cur.start})`);
      }
    }
  }
  assert.deepEqual(overlaps, []);
});

test('ids are unique in each file', () => {
  for (const file of ['people.yaml', 'igos.yaml', 'organizations.yaml']) {
    const ids = readList(file).map((e) => e.id as string);
    const dups = ids.filter((id, i) => ids.indexOf(id) !== i);
    assert.deepEqual(dups, [], `${file} repeats ids`);
  }
  const igoIds = new Set(readList('igos.yaml').map((e) => e.id as string));
  const clash = readList('people.yaml').map((e) => e.id as string).filter((id) => igoIds.has(id) || dict.actors.get(id)?.type === 'state');
  assert.deepEqual(clash, [], 'a person id equals an IGO or country id');
});

test('every name form is non-empty and trimmed', () => {
  const bad = dict.names.filter((n) => n.form.trim() === '' || n.form !== n.form.trim() || /\s{2}/.test(n.form));
  assert.deepEqual(bad.map((n) => `${n.actorId}: "${n.form}"`), []);
});

/**
 * Surface forms (compared case-insensitively) that name more than one actor on purpose or through
 * world-countries data we cannot change from countries.yaml. Each entry lists the actors, sorted.
 * A new collision fails the test below: fix the data, or add it here with the reason.
 */
const KNOWN_COLLISIONS: Record<string, string> = {
  // Brussels is the capital of Belgium and the seat of the EU institutions (igos.yaml metonym).
  brussels: 'BEL EU',
  // world-countries: demonyms shared by two countries, or by a state and a dependent territory
  congolese: 'COD COG',
  dominican: 'DMA DOM',
  american: 'MNP USA',
  indian: 'IND IOT',
  french: 'ATF FRA',
  dutch: 'BES NLD',
  norwegian: 'NOR SJM',
  'channel islander': 'GGY JEY',
  'virgin islander': 'VGB VIR',
};

test('no surface form names two actors unless listed as intended', () => {
  const byForm = new Map<string, Set<string>>();
  for (const n of dict.names) {
    const key = n.form.toLowerCase();
    if (!byForm.has(key)) byForm.set(key, new Set());
    byForm.get(key)!.add(n.actorId);
  }
  const unexpected: string[] = [];
  const known: string[] = [];
  for (const [form, ids] of byForm) {
    if (ids.size < 2) continue;
    const actors = [...ids].sort().join(' ');
    if (KNOWN_COLLISIONS[form] === actors) known.push(`${form}: ${actors}`);
    else unexpected.push(`${form}: ${actors}`);
  }
  assert.deepEqual(unexpected, [], 'new surface-form collisions: fix the data or list them in KNOWN_COLLISIONS');
  assert.ok(known.length > 0);
});

/** Titles that count as each office, per country (heads of state and government differ by system). */
const HEAD_OF_STATE: Record<string, string[]> = {
  GBR: ['Queen', 'King'], CAN: ['Queen', 'King'], AUS: ['Queen', 'King'], JPN: ['Emperor'], SAU: ['King'],
};
const HEAD_OF_GOVERNMENT: Record<string, string[]> = {
  ARG: ['President'], BRA: ['President', 'Acting President'], IDN: ['President'], MEX: ['President'], ZAF: ['President'],
  USA: ['President'], TUR: ['Prime Minister', 'President'], DEU: ['Chancellor'], TKM: ['Chairman of the Cabinet of Ministers'],
  KGZ: ['Prime Minister', 'Acting Prime Minister'], ARM: ['Prime Minister', 'Acting Prime Minister'],
};
const COVERED = [
  'ARG', 'AUS', 'BRA', 'CAN', 'CHN', 'FRA', 'DEU', 'IND', 'IDN', 'ITA', 'JPN', 'MEX', 'RUS', 'SAU', 'ZAF', 'KOR', 'TUR',
  'GBR', 'USA', 'KAZ', 'KGZ', 'TJK', 'TKM', 'UZB', 'ARM', 'AZE', 'GEO',
];
/** Offices with no holder by design for part of the period: [country, office, first month covered]. */
const COVERAGE_STARTS: [string, string, string][] = [
  // Kyrgyzstan had a State Committee for Defence Affairs, not a minister, until February 2021.
  ['KGZ', 'defense', '2021-03'],
];

test('every covered country has a head of state, head of government, foreign and defence minister, 2015-2025', () => {
  const months: string[] = [];
  for (let y = 2015; y <= 2025; y++) for (let m = 1; m <= 12; m++) months.push(`${y}-${String(m).padStart(2, '0')}`);
  const problems: string[] = [];
  for (const iso of COVERED) {
    const offices: Record<string, string[]> = {
      'head of state': HEAD_OF_STATE[iso] ?? ['President', 'Acting President'],
      'head of government': HEAD_OF_GOVERNMENT[iso] ?? ['Prime Minister'],
      foreign: ['Foreign Minister'],
      defense: ['Defense Minister', 'Acting Defense Minister'],
    };
    for (const [office, titles] of Object.entries(offices)) {
      const from = COVERAGE_STARTS.find(([c, o]) => c === iso && o === office)?.[2] ?? '2015-01';
      const sampled = months.filter((m) => m >= from);
      const missing = sampled.filter((m) => !titles.some((t) => dict.holderOf(t, iso, `${m}-15`)));
      // A month may fall between two holders (an interim, a caretaker); more than three months in a
      // row, or more than a tenth of the period, is missing data.
      let run = 0;
      let longest = 0;
      for (const m of sampled) {
        run = missing.includes(m) ? run + 1 : 0;
        longest = Math.max(longest, run);
      }
      if (longest > 3 || missing.length > sampled.length / 10) {
        problems.push(`${iso} ${office}: no holder on the 15th of ${missing.join(', ')}`);
      }
    }
  }
  assert.deepEqual(problems, []);
});

// --- coverage extension: Middle East, Africa, Asia, Eastern Europe; armed groups; agent words ---

test('extension: leaders of newly covered states resolve by name and by date', () => {
  for (const [form, id] of [
    ['Netanyahu', 'netanyahu-benjamin'], ['Javad Zarif', 'zarif-mohammad-javad'], ['Kim Jong Un', 'kim-jong-un'],
    ['Abdel Fattah al-Sisi', 'sisi-abdel-fattah'], ['Bashar al-Assad', 'assad-bashar'], ['Abu Mohammed al-Jolani', 'sharaa-ahmed'],
    ['Viktor Orban', 'orban-viktor'], ['Aleksandar Vucic', 'vucic-aleksandar'], ['Hemedti', 'dagalo-mohamed-hamdan'],
  ] as const) {
    assert.deepEqual(idsFor(form, 'name'), [id], form);
  }
  assert.equal(holderId('Prime Minister', 'ISR', '2019-06-01'), 'netanyahu-benjamin');
  assert.equal(holderId('Prime Minister', 'ISR', '2021-09-01'), 'bennett-naftali');
  assert.equal(holderId('Prime Minister', 'ISR', '2024-06-01'), 'netanyahu-benjamin', 'second period');
  assert.equal(holderId('Foreign Minister', 'IRN', '2019-06-01'), 'zarif-mohammad-javad');
  assert.equal(holderId('Supreme Leader', 'IRN', '2019-06-01'), 'khamenei-ali');
  assert.equal(holderId('President', 'SYR', '2024-12-07'), 'assad-bashar', 'last day in office');
  assert.equal(holderId('President', 'SYR', '2024-12-08'), null, 'end is exclusive');
  assert.equal(holderId('President', 'AFG', '2021-08-14'), 'ghani-ashraf');
  assert.equal(holderId('Supreme Leader', 'AFG', '2022-01-01'), 'akhundzada-hibatullah');
  assert.equal(holderId('President', 'ZWE', '2017-11-16'), 'mugabe-robert');
  assert.equal(holderId('President', 'ZWE', '2018-01-01'), 'mnangagwa-emmerson');
  assert.equal(holderId('Prime Minister', 'PAK', '2020-01-01'), 'khan-imran');
  assert.equal(holderId('Emir', 'QAT', '2020-01-01'), 'tamim-bin-hamad');
  // the Taliban's leader is an insurgent before 2021-08-15 and the head of state after
  const ak = dict.actors.get('akhundzada-hibatullah');
  assert.equal(ak?.roles.find((r) => r.start <= '2019-01-01' && (r.end === null || '2019-01-01' < r.end))?.agent, 'REB');
});

test('extension: armed groups with CAMEO codes; ambiguous acronyms left out; the Taliban with dated agents', () => {
  assert.deepEqual(idsFor('YPG', 'name'), ['ypg']);
  assert.deepEqual(idsFor('HTS', 'name'), ['hayat-tahrir-al-sham']);
  assert.deepEqual(idsFor('Pakistani Taliban', 'name'), ['ttp']);
  assert.equal(dict.actors.get('ttp')?.code, 'PAKREBRAD');
  assert.equal(dict.actors.get('aqap')?.code, 'YEMREBRAD');
  assert.equal(dict.actors.get('rapid-support-forces')?.code, 'SDNREB');
  assert.equal(dict.actors.get('eln')?.code, 'COLREB');
  assert.deepEqual(idsFor('RSF'), [], 'also Reporters Without Borders');
  assert.deepEqual(idsFor('SDF'), [], "also Japan's Self-Defense Forces");
  assert.deepEqual(idsFor('Taliban'), ['taliban']);
  assert.deepEqual(dict.actors.get('taliban')?.periods, [{ agent: 'GOV', start: '2021-08-15', end: null }], 'governs part of the period: a dated agent');
});

test('extension: generic agent words', () => {
  const agent = (phrase: string) => dict.agents.find((a) => a.phrase === phrase)?.agent;
  assert.equal(agent('detainees'), 'CVL');
  assert.equal(agent('prisoners of war'), 'MIL');
  assert.equal(agent('households'), 'CVL');
  assert.equal(agent('worshippers'), 'CVLREL');
  assert.equal(agent('militias'), 'UAF');
  assert.equal(agent('fishermen'), 'AGR');
  assert.equal(agent('junta'), 'GOVMIL');
  assert.equal(agent('people'), undefined, 'would split "People\'s Liberation Army"');
});
