/**
 * The actor dictionary: countries (from the world-countries package plus `data/actors/countries.yaml`),
 * IGOs (`igos.yaml`), security services and armed groups (`organizations.yaml`), people with roles
 * and tenures (`people.yaml`; a role is held in a country or an IGO), metonyms (`metonyms.yaml`),
 * agent role words (`agents.yaml`), title and organization words (`roles.yaml`) and world regions
 * (`regions.yaml`). All files are our own writing from public facts; see data/README.md.
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
const AGENT_SET = new Set<string>(AGENT_CODES);
/**
 * One or more CAMEO agent codes run together, primary first ("GOV", "GOVMIL", "CVLOPP"); each
 * three-letter part must be one of AGENT_CODES.
 */
const AgentCodes = z.string()
  .regex(/^(?:[A-Z]{3})+$/, 'one or more 3-letter CAMEO agent codes run together, such as GOV or GOVMIL')
  .refine((s) => (s.match(/.{3}/g) ?? []).every((c) => AGENT_SET.has(c)), { message: `an agent code made of ${AGENT_CODES.join(' ')}` });

const Iso3 = z.string().regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code such as KAZ');
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

/** `countries.yaml`: additions to world-countries, keyed by ISO alpha-3. */
const CountryExtra = z.object({
  names: z.array(z.string()).default([]),
  demonyms: z.array(z.string()).default([]),
  /** Capitals and other place names that stand for the government (metonymy). */
  metonyms: z.array(z.string()).default([]),
  /** Names world-countries gives this country that news uses for another ("Congo" is the DRC in news style). */
  notNames: z.array(z.string()).default([]),
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

/**
 * Where a role is held: an ISO3 country code, or the id of an organization in igos.yaml ("UN",
 * "NATO", "EC"). Checked against the loaded countries and IGOs after all files are read.
 */
const RoleHolder = z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/, 'an ISO 3166-1 alpha-3 code such as KAZ, or an IGO id from igos.yaml such as NATO');
/**
 * A role held by a person, with tenure (inclusive start, exclusive end; null end = still in office).
 * `country` is a state (ISO3) or an IGO id; `agent` is the CAMEO agent of the office ("GOV",
 * "GOVMIL" for defence ministers); for an IGO post the person's code is the IGO's code.
 */
const Role = z.object({
  title: z.string(),
  country: RoleHolder.nullable().default(null),
  agent: AgentCodes.default('GOV'),
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

/**
 * `organizations.yaml`: security services and armed groups (non-state and sub-state bodies named
 * as actors); the actor's code is country + agent ("RUSSPY").
 */
const OrganizationEntry = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  names: z.array(z.string()).default([]),
  country: Iso3.nullable(),
  agent: AgentCodes,
  type: z.enum(['organization', 'group']).default('organization'),
  /**
   * Optional dated agents for a body whose role changed: `{ agent, start, end }` (start inclusive,
   * end exclusive, null = still). The Taliban are an armed group (REB) before 2021-08-15 and the
   * government (GOV) from that day; `agent` is the code outside every period.
   */
  periods: z.array(z.object({
    agent: AgentCodes,
    start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    end: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  }).strict()).default([]),
  /**
   * Optional ISO3 codes of other states where the same name also names a local body ("al-Shabaab"
   * is also what Mozambicans call the insurgents of Cabo Delgado): in a story about such a state
   * that never names the entry's own and places the body there, the resolver codes the namesake
   * (src/actors/resolve.ts `relocated`).
   */
  namesakes: z.array(Iso3).default([]),
}).strict();
const OrganizationsFile = z.array(OrganizationEntry);

/** `metonyms.yaml`: places and buildings that stand for an actor ("the Kremlin" → RUSGOV). */
const MetonymEntry = z.object({
  name: z.string(),
  country: Iso3.nullable().default(null),
  /** Actor id: ISO3 for a country, an IGO id; the mention resolves to that actor. */
  actor: z.string(),
  agent: AgentCodes.nullable().default('GOV'),
}).strict();
const MetonymsFile = z.array(MetonymEntry);

/** `agents.yaml`: role words mapped to CAMEO agent codes ("security forces" → COP). */
const AgentEntry = z.object({
  phrase: z.string(),
  agent: AgentCodes,
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

/**
 * `roles.yaml`: title words (before names, in appositions, and as mentions: "the president"),
 * organization keywords, non-actor keywords. A title's `office` is the people.yaml role title it
 * names for `holderOf` ("defence minister" → "Defense Minister"); by default the words themselves.
 */
const RolesFile = z.object({
  titles: z.array(z.object({ words: z.string(), agent: AgentCodes.nullable(), office: z.string().optional() }).strict()),
  organizations: z.array(z.object({ words: z.array(z.string()), agent: AgentCodes }).strict()),
  non_actors: z.array(z.array(z.string())),
  descriptions: z.array(z.object({
    noun: z.string().regex(/^[a-z]+$/, 'one lower-case noun'),
    refers: z.array(z.enum(['igo', 'organization', 'ngo'])).min(1),
    codes: z.array(z.string().regex(/^[A-Z]{3}$/, 'a three-letter CAMEO code part such as IMF or JUD')).default([]),
  }).strict()).default([]),
}).strict();
/**
 * `roles.yaml` as loaded: titles (words, agent, optional office), organization keywords, non-actor
 * keywords, and definite descriptions that refer back to an organization ("the bloc", "the lender").
 */
export type RolesDef = z.infer<typeof RolesFile>;

/** A role of a person: `{ title, country (ISO3 or IGO id) | null, agent, start, end | null }`. */
export type PersonRole = z.infer<typeof Role>;
/** A `people.yaml` entry: `{ id, name, names, country, roles }`. */
export type PersonDef = z.infer<typeof PersonEntry>;
/** An `agents.yaml` entry: `{ phrase, agent, type }`. */
export type AgentDef = z.infer<typeof AgentEntry>;
/** An `organizations.yaml` entry: `{ id, name, names, country, agent, type }`. */
export type OrganizationDef = z.infer<typeof OrganizationEntry>;

/** One dictionary actor: what a mention can resolve to. */
export interface DictActor {
  /** Stable id: ISO3 for states, IGO id, organizations.yaml or people.yaml id, "region:<name>". */
  id: string;
  /** The name we print. */
  name: string;
  type: ActorType;
  /** ISO3 country: the state itself, a person's nationality, an organization's state; null for IGOs. */
  country: string | null;
  /**
   * CAMEO actor code of the actor itself: "KAZ" for a state, "IGONAT" for an IGO, "RUSSPY" for an
   * organization, a region code; null for people (coded by their role on a date, see lookup.ts).
   */
  code: string | null;
  /** A person's roles with tenures; empty for other actors. */
  roles: PersonRole[];
  /** An organization's dated agents (organizations.yaml `periods`); absent or empty otherwise. */
  periods?: Array<{ agent: string; start: string; end: string | null }>;
  /** States where an organization's name also names a local body (organizations.yaml `namesakes`). */
  namesakes?: string[];
}

/**
 * The CAMEO code of a non-person dictionary actor on a date (YYYY-MM-DD): country + the agent of
 * the period holding the date, else the actor's own code.
 */
export function codeOnDate(actor: DictActor, date: string): string | null {
  const p = actor.periods?.find((x) => x.start <= date && (x.end === null || date < x.end));
  return p ? `${actor.country ?? ''}${p.agent}` : actor.code;
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

/** The loaded actor dictionary (see `loadActorDictionary`). */
export interface ActorDictionary {
  /** Every actor by id: states (ISO3), IGOs (igos.yaml id), regions ("region:…"), people (people.yaml id). */
  actors: Map<string, DictActor>;
  /** Every surface form, pointing at an actor. */
  names: DictName[];
  agents: AgentDef[];
  roles: RolesDef;
  /**
   * The person who held a role title (case-insensitive, e.g. "President", "Secretary-General") in a
   * country (ISO3) or an organization (IGO id such as "NATO") on a date (YYYY-MM-DD), else null.
   */
  holderOf(title: string, country: string, date: string): DictActor | null;
}

/** Options of `loadActorDictionary`. */
export interface LoadOptions {
  /** Directory holding the YAML files; default `data/actors` in the package. */
  dir?: string;
  /** Extra user files (`--actors my.yaml`): a YAML map with optional `people`, `igos`, `organizations`, `metonyms`, `agents` lists. */
  extraFiles?: string[];
}

/** A parsed and validated file, with a way to find the line of a path for later checks. */
interface Loaded<T> {
  data: T;
  file: string;
  /** 1-based line of the node at `path` (or of its closest existing parent); '?' when unknown. */
  lineOf(path: (string | number)[]): number | string;
}

function readYaml<T>(file: string, schema: z.ZodType<T>): T {
  return readYamlAt(file, schema).data;
}

function readYamlAt<T>(file: string, schema: z.ZodType<T>): Loaded<T> {
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
  const lineOf = (path: (string | number)[]): number | string => {
    // the node itself, else the closest parent node that exists
    for (let i = path.length; i >= 0; i--) {
      const p = doc.getIn(path.slice(0, i), true) as { range?: [number, number, number] } | undefined;
      if (p && typeof p === 'object' && p.range) return lc.linePos(p.range[0]).line;
    }
    return '?';
  };
  const parsed = schema.safeParse(doc.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const line = lineOf(issue.path as (string | number)[]);
    throw new SteppeError('E_BAD_DICTIONARY', file, `line ${line}: ${issue.path.join('.') || '(top)'}: ${issue.message}`);
  }
  return { data: parsed.data, file, lineOf };
}

interface WorldCountry {
  cca3: string; name: { common: string; official: string }; altSpellings: string[]; capital: string[];
  demonyms?: { eng?: { f: string; m: string } }; independent?: boolean;
}

const UserFile = z.object({
  people: PeopleFile.default([]),
  igos: IgosFile.default([]),
  organizations: OrganizationsFile.default([]),
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
  const peopleFile = readYamlAt(join(dir, 'people.yaml'), PeopleFile);
  let people = peopleFile.data;
  // where each person comes from, to name the line of a role that points at an unknown actor
  const peopleSources: Array<{ loaded: Loaded<unknown>; path: (string | number)[]; count: number }> = [{ loaded: peopleFile, path: [], count: people.length }];
  let metonyms = readYaml(join(dir, 'metonyms.yaml'), MetonymsFile);
  let agents = readYaml(join(dir, 'agents.yaml'), AgentsFile);
  let organizations = readYaml(join(dir, 'organizations.yaml'), OrganizationsFile);
  const regions = readYaml(join(dir, 'regions.yaml'), RegionsFile);
  const roles = readYaml(join(dir, 'roles.yaml'), RolesFile);
  for (const f of opts.extraFiles ?? []) {
    const loaded = readYamlAt(f, UserFile);
    const u = loaded.data;
    peopleSources.push({ loaded, path: ['people'], count: u.people.length });
    people = people.concat(u.people);
    igos = igos.concat(u.igos);
    organizations = organizations.concat(u.organizations);
    metonyms = metonyms.concat(u.metonyms);
    agents = agents.concat(u.agents);
  }

  const actors = new Map<string, DictActor>();
  const names: DictName[] = [];
  // Independent states first: a form that a sovereign state and a dependent territory share
  // ("American": USA and the Northern Mariana Islands; "French": France and its territories)
  // names the state. Forms written in countries.yaml always count.
  // world-countries gives Kosovo the placeholder "UNK", which CAMEO reads as "unknown"; Kosovo
  // takes XKX, the user-assigned code the European Commission and the IMF use for it
  const world = [...(require('world-countries') as WorldCountry[])].map((c) => (c.cca3 === 'UNK' ? { ...c, cca3: 'XKX' } : c))
    .sort((a, b) => Number(b.independent ?? false) - Number(a.independent ?? false));
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
    for (const form of new Set([c.name.common, c.name.official, ...c.altSpellings.filter((s) => /^[A-Z][A-Za-z .'-]{3,}$/.test(s))])) {
      if (!extra?.notNames.includes(form)) addCountryForm(form, c.cca3, 'name', false, dependent);
    }
    for (const form of extra?.names ?? []) addCountryForm(form, c.cca3, 'name', true, dependent);
    // (world-countries writes a two-part country's demonym as one string, "Bosnian, Herzegovinian",
    // "Kittitian or Nevisian": each part is a demonym)
    if (c.demonyms?.eng) {
      for (const form of new Set([c.demonyms.eng.m, c.demonyms.eng.f].flatMap((d) => d.split(/,\s*|\s+or\s+/)))) addCountryForm(form, c.cca3, 'demonym', false, dependent);
    }
    for (const form of extra?.demonyms ?? []) addCountryForm(form, c.cca3, 'demonym', true, dependent);
    // the capital of a dependent territory stands for no government in news ("Douglas", "Stanley",
    // "Hamilton" are names first); countries.yaml can still add one
    if (!dependent) for (const form of c.capital ?? []) addCountryForm(form, c.cca3, 'metonym', false, dependent);
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
  for (const o of organizations) {
    actors.set(o.id, { id: o.id, name: o.name, type: o.type, country: o.country, code: `${o.country ?? ''}${o.agent}`, roles: [], periods: o.periods, namesakes: o.namesakes });
    for (const form of new Set([o.name, ...o.names])) names.push({ form, actorId: o.id, kind: 'name', agent: null });
  }
  for (const r of regions) {
    const id = `region:${r.name.replace(/^the /, '')}`;
    actors.set(id, { id, name: r.name.replace(/^the /, ''), type: 'location', country: r.country, code: r.code, roles: [] });
    for (const form of new Set([r.name, ...r.names])) names.push({ form, actorId: id, kind: 'name', agent: null });
  }
  // a role is held in a state or an IGO that the dictionary knows
  {
    let n = 0;
    for (const src of peopleSources) {
      for (let k = 0; k < src.count; k++, n++) {
        const p = people[n];
        p.roles.forEach((r, ri) => {
          if (r.country === null) return;
          const a = actors.get(r.country);
          if (a && (a.type === 'state' || a.type === 'igo')) return;
          const line = src.loaded.lineOf([...src.path, k, 'roles', ri, 'country']);
          throw new SteppeError('E_BAD_DICTIONARY', src.loaded.file,
            `line ${line}: ${[...src.path, k, 'roles', ri, 'country'].join('.')}: "${r.country}" is neither a country code nor an IGO id of igos.yaml`);
        });
      }
    }
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
