/**
 * The actor dictionary: countries (from the world-countries package plus `data/actors/countries.yaml`),
 * IGOs (`igos.yaml`), people with roles and tenures (`people.yaml`), metonyms (`metonyms.yaml`) and
 * agent role words (`agents.yaml`). All files are our own writing from public facts; see data/README.md.
 *
 * `loadActorDictionary()` reads and validates the files once; a bad file throws a SteppeError
 * (`E_BAD_DICTIONARY`) naming the file, the line and the reason.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { parseDocument, LineCounter } from 'yaml';
import { z } from 'zod';
import { DATA_DIR } from '../paths.js';
import { SteppeError } from '../errors.js';
import type { ActorType } from '../schema.js';

const require = createRequire(import.meta.url);

/** CAMEO agent codes (CAMEO codebook v1.1b3, ch. 4 "Actor codes"). */
export const AGENT_CODES = [
  'GOV', 'MIL', 'COP', 'JUD', 'LEG', 'OPP', 'REB', 'PTY', 'CVL', 'BUS', 'MED', 'EDU', 'NGO', 'IGO',
  'SPY', 'CRM', 'REF', 'LAB', 'ELI', 'HLH', 'RAD', 'UAF', 'INS', 'AGR', 'REL', 'MOD', 'HRI', 'ENV',
] as const;
const AgentCode = z.enum(AGENT_CODES);

const Iso3 = z.string().regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code such as KAZ');
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

/** `countries.yaml`: additions to world-countries, keyed by ISO alpha-3. */
const CountryExtra = z.object({
  names: z.array(z.string()).default([]),
  demonyms: z.array(z.string()).default([]),
  /** Capitals and other place names that stand for the government (metonymy). */
  metonyms: z.array(z.string()).default([]),
}).strict();
const CountriesFile = z.record(Iso3, CountryExtra);

/** `igos.yaml`: international organizations and alliances. */
const IgoEntry = z.object({
  id: z.string().regex(/^[A-Z0-9]+$/),
  name: z.string(),
  names: z.array(z.string()).default([]),
  /** CAMEO code, e.g. "IGO" or a specific code such as "NAT" or "IGOUNO"; defaults to "IGO". */
  code: z.string().default('IGO'),
  members: z.array(Iso3).default([]),
  metonyms: z.array(z.string()).default([]),
}).strict();
const IgosFile = z.array(IgoEntry);

/** A role held by a person, with tenure (inclusive start, exclusive end; null end = still in office). */
const Role = z.object({
  title: z.string(),
  country: Iso3.nullable().default(null),
  agent: AgentCode.default('GOV'),
  start: Day,
  end: Day.nullable().default(null),
}).strict();
const PersonEntry = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  /** Spelling variants and short forms ("Tokayev", "Kassym-Jomart Tokayev"). Surnames alone are added by coreference. */
  names: z.array(z.string()).default([]),
  country: Iso3.nullable(),
  roles: z.array(Role).default([]),
}).strict();
const PeopleFile = z.array(PersonEntry);

/** `metonyms.yaml`: places and buildings that stand for an actor ("the Kremlin" → RUSGOV). */
const MetonymEntry = z.object({
  name: z.string(),
  country: Iso3.nullable().default(null),
  /** Actor id: ISO3 for a country, an IGO id; the mention resolves to that actor. */
  actor: z.string(),
  agent: AgentCode.nullable().default('GOV'),
}).strict();
const MetonymsFile = z.array(MetonymEntry);

/** `agents.yaml`: role words mapped to CAMEO agent codes ("security forces" → COP). */
const AgentEntry = z.object({
  phrase: z.string(),
  agent: z.string().regex(/^([A-Z]{3})+$/),
  type: z.enum(['group', 'organization', 'person']).default('group'),
}).strict();
const AgentsFile = z.array(AgentEntry);

/** `regions.yaml`: world regions (CAMEO region codes) and sub-national places often named as actors. */
const RegionEntry = z.object({
  name: z.string(),
  code: z.string().regex(/^[A-Z]{3}$/),
  names: z.array(z.string()).default([]),
  country: Iso3.nullable().default(null),
}).strict();
const RegionsFile = z.array(RegionEntry);

/** `roles.yaml`: title words (before names and in appositions), organization keywords, non-actor keywords. */
const RolesFile = z.object({
  titles: z.array(z.object({ words: z.string(), agent: AgentCode.nullable() }).strict()),
  organizations: z.array(z.object({ words: z.array(z.string()), agent: AgentCode }).strict()),
  non_actors: z.array(z.array(z.string())),
}).strict();
export type RolesDef = z.infer<typeof RolesFile>;

export type PersonRole = z.infer<typeof Role>;
export type PersonDef = z.infer<typeof PersonEntry>;
export type AgentDef = z.infer<typeof AgentEntry>;

/** One dictionary actor: what a mention can resolve to. */
export interface DictActor {
  /** Stable id: ISO3 for states, IGO id, person id. */
  id: string;
  name: string;
  type: ActorType;
  country: string | null;
  /** CAMEO actor code for the actor itself (e.g. "KAZ", "IGO", "RUSGOV" for metonyms are resolved at lookup). */
  code: string | null;
  roles: PersonRole[];
}

/** A surface form that names a dictionary actor. */
export interface DictName {
  /** The surface form as written in the dictionary. */
  form: string;
  actorId: string;
  /** How the name refers: its own name, a demonym ("Kazakh"), or a metonym ("Beijing", "the Kremlin"). */
  kind: 'name' | 'demonym' | 'metonym';
  /** Agent code the metonym implies ("GOV" for "the Kremlin"), else null. */
  agent: string | null;
}

export interface ActorDictionary {
  actors: Map<string, DictActor>;
  names: DictName[];
  agents: AgentDef[];
  roles: RolesDef;
  /** The person who held a role title (case-insensitive, e.g. "President") in a country on a date (YYYY-MM-DD). */
  holderOf(title: string, country: string, date: string): DictActor | null;
}

export interface LoadOptions {
  /** Directory holding the YAML files; default `data/actors` in the package. */
  dir?: string;
  /** Extra user files (`--actors my.yaml`): a YAML map with optional `people`, `igos`, `metonyms`, `agents` lists. */
  extraFiles?: string[];
}

function readYaml<T>(file: string, schema: z.ZodType<T>): T {
  let src: string;
  try {
    src = readFileSync(file, 'utf8');
  } catch (e) {
    throw new SteppeError('E_BAD_DICTIONARY', file, `cannot read actor file (${(e as NodeJS.ErrnoException).code ?? e})`);
  }
  const lc = new LineCounter();
  const doc = parseDocument(src, { lineCounter: lc });
  if (doc.errors.length) {
    const err = doc.errors[0];
    const line = err.linePos?.[0]?.line ?? '?';
    throw new SteppeError('E_BAD_DICTIONARY', file, `line ${line}: invalid YAML: ${err.message.split('\n')[0]}`);
  }
  const parsed = schema.safeParse(doc.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const node = doc.getIn(issue.path as (string | number)[], true) as { range?: [number, number, number] } | undefined;
    let line: number | string = '?';
    if (node && typeof node === 'object' && node.range) line = lc.linePos(node.range[0]).line;
    else {
      // fall back to the closest parent node that exists
      for (let i = issue.path.length - 1; i >= 0; i--) {
        const p = doc.getIn(issue.path.slice(0, i) as (string | number)[], true) as { range?: [number, number, number] } | undefined;
        if (p && typeof p === 'object' && p.range) { line = lc.linePos(p.range[0]).line; break; }
      }
    }
    throw new SteppeError('E_BAD_DICTIONARY', file, `line ${line}: ${issue.path.join('.') || '(top)'}: ${issue.message}`);
  }
  return parsed.data;
}

interface WorldCountry {
  cca3: string; name: { common: string; official: string }; altSpellings: string[]; capital: string[];
  demonyms?: { eng?: { f: string; m: string } }; independent?: boolean;
}

const UserFile = z.object({
  people: PeopleFile.default([]),
  igos: IgosFile.default([]),
  metonyms: MetonymsFile.default([]),
  agents: AgentsFile.default([]),
}).strict();

/**
 * Load and validate the actor dictionary. Throws SteppeError `E_BAD_DICTIONARY` with file and line
 * when a file does not parse or does not follow its schema.
 */
export function loadActorDictionary(opts: LoadOptions = {}): ActorDictionary {
  const dir = opts.dir ?? join(DATA_DIR, 'actors');
  const countriesExtra = readYaml(join(dir, 'countries.yaml'), CountriesFile);
  let igos = readYaml(join(dir, 'igos.yaml'), IgosFile);
  let people = readYaml(join(dir, 'people.yaml'), PeopleFile);
  let metonyms = readYaml(join(dir, 'metonyms.yaml'), MetonymsFile);
  let agents = readYaml(join(dir, 'agents.yaml'), AgentsFile);
  const regions = readYaml(join(dir, 'regions.yaml'), RegionsFile);
  const roles = readYaml(join(dir, 'roles.yaml'), RolesFile);
  for (const f of opts.extraFiles ?? []) {
    const u = readYaml(f, UserFile);
    people = people.concat(u.people);
    igos = igos.concat(u.igos);
    metonyms = metonyms.concat(u.metonyms);
    agents = agents.concat(u.agents);
  }

  const actors = new Map<string, DictActor>();
  const names: DictName[] = [];
  // Independent states first: a form that a sovereign state and a dependent territory share
  // ("American": USA and the Northern Mariana Islands; "French": France and its territories)
  // names the state. Forms written in countries.yaml always count.
  const world = [...(require('world-countries') as WorldCountry[])].sort((a, b) => Number(b.independent ?? false) - Number(a.independent ?? false));
  const claimed = new Set<string>();
  const addCountryForm = (form: string, id: string, kind: DictName['kind'], own: boolean, dependent: boolean) => {
    if (!form) return;
    const key = `${kind}:${form}`;
    if (dependent && !own && claimed.has(key)) return;
    claimed.add(key);
    names.push({ form, actorId: id, kind, agent: kind === 'metonym' ? 'GOV' : null });
  };
  for (const c of world) {
    const extra = countriesExtra[c.cca3];
    const dependent = c.independent === false;
    actors.set(c.cca3, { id: c.cca3, name: c.name.common, type: 'state', country: c.cca3, code: c.cca3, roles: [] });
    for (const form of new Set([c.name.common, c.name.official, ...c.altSpellings.filter((s) => /^[A-Z][A-Za-z .'-]{3,}$/.test(s))])) addCountryForm(form, c.cca3, 'name', false, dependent);
    for (const form of extra?.names ?? []) addCountryForm(form, c.cca3, 'name', true, dependent);
    if (c.demonyms?.eng) for (const form of new Set([c.demonyms.eng.m, c.demonyms.eng.f])) addCountryForm(form, c.cca3, 'demonym', false, dependent);
    for (const form of extra?.demonyms ?? []) addCountryForm(form, c.cca3, 'demonym', true, dependent);
    for (const form of c.capital ?? []) addCountryForm(form, c.cca3, 'metonym', false, dependent);
    for (const form of extra?.metonyms ?? []) addCountryForm(form, c.cca3, 'metonym', true, dependent);
  }
  for (const key of Object.keys(countriesExtra)) {
    if (!actors.has(key)) throw new SteppeError('E_BAD_DICTIONARY', join(dir, 'countries.yaml'), `unknown country code ${key}`);
  }
  for (const g of igos) {
    actors.set(g.id, { id: g.id, name: g.name, type: 'igo', country: null, code: g.code, roles: [] });
    for (const form of new Set([g.name, g.id, ...g.names])) names.push({ form, actorId: g.id, kind: 'name', agent: null });
    for (const form of g.metonyms) names.push({ form, actorId: g.id, kind: 'metonym', agent: null });
  }
  for (const r of regions) {
    const id = `region:${r.name.replace(/^the /, '')}`;
    actors.set(id, { id, name: r.name.replace(/^the /, ''), type: 'location', country: r.country, code: r.code, roles: [] });
    for (const form of new Set([r.name, ...r.names])) names.push({ form, actorId: id, kind: 'name', agent: null });
  }
  for (const p of people) {
    actors.set(p.id, { id: p.id, name: p.name, type: 'person', country: p.country, code: null, roles: p.roles });
    for (const form of new Set([p.name, ...p.names])) names.push({ form, actorId: p.id, kind: 'name', agent: null });
  }
  for (const m of metonyms) {
    if (!actors.has(m.actor)) throw new SteppeError('E_BAD_DICTIONARY', 'metonyms', `metonym "${m.name}" names unknown actor ${m.actor}`);
    names.push({ form: m.name, actorId: m.actor, kind: 'metonym', agent: m.agent });
  }

  const holderOf = (title: string, country: string, date: string): DictActor | null => {
    const t = title.toLowerCase();
    for (const p of people) {
      for (const r of p.roles) {
        if (r.country === country && r.title.toLowerCase() === t && r.start <= date && (r.end === null || date < r.end)) {
          return actors.get(p.id) ?? null;
        }
      }
    }
    return null;
  };
  return { actors, names, agents, roles, holderOf };
}
