/**
 * Compiled lookups over the actor dictionary, shared by the in-document resolver (resolve.ts) and
 * the text-level lookups (lookup.ts): surface forms by first word, accent- and case-folded forms,
 * surnames of people, titles with their offices, agent phrases with singular forms, organization
 * keywords. Build once per dictionary with `buildResolverIndex` and reuse for every document.
 *
 * Folding: `foldCase` lower-cases and strips combining marks ("Orbán" → "orban"), so that a name
 * written without its accents still matches; `foldMarks` strips marks and keeps the case.
 */
import type { ActorDictionary, DictActor, DictName } from './dictionary.js';
import type { AnnotatedText } from '../types.js';
import type { EntityMention } from '../nlp/ner/index.js';
import { loadNerRecognizer } from './ner.js';
import { loadPlaces, type PlaceIndex } from './places.js';

/** An entity a recognizer found: the NER stage's mention (offsets, token range, CoNLL type). */
export type FoundEntity = EntityMention;

/** A named-entity recognizer over an annotated document (pure: reads the document, returns entities). */
export type EntityRecognizer = (doc: AnnotatedText) => FoundEntity[];

/** Strip combining marks (NFD), keep case: "Orbán" → "Orban"; curly apostrophes become straight. */
export function foldMarks(s: string): string {
  if (ASCII.test(s)) return s;
  return s.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[’‘]/g, "'").normalize('NFC');
}
const ASCII = /^[\x00-\x7f]*$/;

/** Strip combining marks and lower-case, collapse whitespace: the key of case-insensitive lookups. */
export function foldCase(s: string): string {
  return foldMarks(s).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** `firstWord` of the token texts seen so far (bounded): the resolver asks it of every token. */
const firstWordCache = new Map<string, string>();

/** The first word of a form, folded: the bucket key of `byFirstWord`. */
export function firstWord(s: string): string {
  let w = firstWordCache.get(s);
  if (w === undefined) {
    const f = ASCII.test(s) ? s.toLowerCase() : foldCase(s);
    const m = /^[\p{L}\p{N}]+/u.exec(f);
    w = m ? m[0] : f.slice(0, 1);
    if (firstWordCache.size >= 100_000) firstWordCache.clear();
    firstWordCache.set(s, w);
  }
  return w;
}

/** Singular of an English plural noun, for matching agent phrases ("soldiers" → "soldier"). */
export function singular(w: string): string {
  if (w.length <= 3) return w;
  if (/men$/.test(w)) return w.replace(/men$/, 'man');
  if (/ies$/.test(w) && w.length > 4) return w.replace(/ies$/, 'y');
  if (/(?:ss|us|is|ics|news|series|forces?)$/.test(w)) return w === 'forces' ? 'force' : w;
  if (/(?:ches|shes|sses|xes)$/.test(w)) return w.slice(0, -2);
  if (/s$/.test(w) && !/'s$/.test(w)) return w.slice(0, -1);
  return w;
}

/** A title word sequence (roles.yaml) with its agent code(s) and the office it names for holderOf. */
export interface TitleDef {
  /** Lower-case words, e.g. ["foreign", "minister"]; a hyphenated word is one word ("secretary-general"). */
  words: string[];
  /** CAMEO agent code(s) of the title, or null when the title alone does not say ("director"). */
  agent: string | null;
  /** The people.yaml role title, lower case, e.g. "defense minister" for "defence minister". */
  office: string;
}

/** An agent phrase of agents.yaml, with its words in lower case and in the singular. */
export interface AgentPhrase {
  words: string[];
  /** The words with the last one in the singular: matched against singularised text. */
  singular: string[];
  agent: string;
  type: 'group' | 'organization' | 'person';
}

/** Options of `buildResolverIndex`. */
export interface IndexOptions {
  /**
   * A named-entity recognizer: PER and ORG entities the dictionary lacks become actors (see
   * `nerMode`). Absent: our trained model in models/ner when it is there (loaded once, here);
   * null: none, the capitalised-run rules alone find people and organizations.
   */
  ner?: EntityRecognizer | null;
  /**
   * How NER entities are used: `backup` (default) keeps the capitalised-run rules and lets the
   * model veto or retype their people (a run it tags LOC or MISC is no actor; ORG is an
   * organization), lengthen a name, and add the people and organizations the rules miss;
   * `replace` takes the model's PER and ORG entities instead of the rules.
   */
  nerMode?: 'backup' | 'replace';
}

/** Compiled lookups derived from the dictionary; build once per dictionary. */
export interface ResolverIndex {
  dict: ActorDictionary;
  /** Dictionary names by the folded first word of their form, longest form first. */
  byFirstWord: Map<string, DictName[]>;
  /** Dictionary names by their whole folded form (`foldCase`). */
  byFolded: Map<string, DictName[]>;
  /** People by folded surname (last word of the name, and every one-word variant). */
  surnames: Map<string, string[]>;
  /** Titles, longest first, and by their first word. */
  titles: TitleDef[];
  titlesByFirst: Map<string, TitleDef[]>;
  /**
   * The one-person agent phrases of agents.yaml that are no title of roles.yaml ("rebel leader",
   * "soldier", "gunman"), as titles whose office is the phrase, by their first word: an unnamed
   * "a soldier" or "the gunman" is a person of its own, coded by the agent.
   */
  personRolesByFirst: Map<string, TitleDef[]>;
  /** Agent phrases, longest first, and by the first word of their singular form. */
  agents: AgentPhrase[];
  agentsByFirst: Map<string, AgentPhrase[]>;
  /** any title word, or a word naming one person's role ("diplomat", "journalist"), for appositions */
  titleRe: RegExp;
  /** each title as a whole-word pattern over lower-case text, longest first */
  titlePatterns: Array<{ title: TitleDef; re: RegExp }>;
  /** single-word dictionary names of each person, for surname coreference */
  singleNames: Map<string, string[]>;
  /** organization keyword → agent code ("university" → EDU) */
  orgWords: Map<string, string>;
  /** words that make a capitalised phrase a non-actor ("initiative", "summit") */
  nonActorWords: Set<string>;
  /** the place gazetteer (data/actors/places.yaml) */
  places: PlaceIndex;
  /**
   * plural demonyms naming a people → the state's ISO3 ("Americans" → USA, "Ukrainians" → UKR):
   * each one-word demonym plus "s", but not those that do not take one ("Chinese", "French", "Swiss")
   */
  demonymPlurals: Map<string, string>;
  /** the named-entity recognizer, when one is loaded */
  ner: EntityRecognizer | null;
  nerMode: 'backup' | 'replace';
}

/**
 * Build the resolver's lookup tables from a loaded dictionary, and load the NER model unless told
 * otherwise (call once, reuse for every document).
 */
export function buildResolverIndex(dict: ActorDictionary, opts: IndexOptions = {}): ResolverIndex {
  const byFirstWord = new Map<string, DictName[]>();
  const byFolded = new Map<string, DictName[]>();
  for (const n of dict.names) {
    const k = firstWord(n.form);
    const list = byFirstWord.get(k) ?? [];
    list.push(n);
    byFirstWord.set(k, list);
    const f = foldCase(n.form);
    byFolded.set(f, [...(byFolded.get(f) ?? []), n]);
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.form.length - a.form.length);

  const titles: TitleDef[] = dict.roles.titles
    .map((t) => ({ words: t.words.split(/\s+/), agent: t.agent, office: (t.office ?? t.words).toLowerCase() }))
    .sort((a, b) => b.words.length - a.words.length || b.words.join(' ').length - a.words.join(' ').length);
  const orgWords = new Map<string, string>();
  for (const o of dict.roles.organizations) for (const w of o.words) if (!orgWords.has(w)) orgWords.set(w, o.agent);
  const nonActorWords = new Set(dict.roles.non_actors.flat());
  const agents: AgentPhrase[] = dict.agents
    .map((a) => {
      const words = a.phrase.toLowerCase().split(/\s+/);
      return { words, singular: [...words.slice(0, -1), singular(words[words.length - 1])], agent: a.agent, type: a.type };
    })
    .sort((a, b) => b.words.length - a.words.length);
  const group = <T>(list: T[], key: (x: T) => string) => {
    const m = new Map<string, T[]>();
    for (const x of list) { const k = key(x); m.set(k, [...(m.get(k) ?? []), x]); }
    return m;
  };
  // agent phrases by the first word as written and in the singular ("soldiers", "soldier")
  const agentsByFirst = new Map<string, AgentPhrase[]>();
  for (const a of agents) {
    for (const k of new Set([firstWord(a.words[0]), firstWord(a.singular[0])])) agentsByFirst.set(k, [...(agentsByFirst.get(k) ?? []), a]);
  }
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const roleWords = [...titles.map((t) => t.words.join(' ')), ...agents.filter((a) => a.type === 'person').map((a) => a.words.join(' '))];
  const titleRe = new RegExp(`\\b(?:${roleWords.map(escape).join('|')})\\b`, 'i');
  const titlePatterns = titles.map((t) => ({ title: t, re: new RegExp(`(?:^|[^\\p{L}-])${escape(t.words.join(' '))}(?![\\p{L}-])`, 'u') }));
  const singleNames = new Map<string, string[]>();
  const surnames = new Map<string, string[]>();
  const addSurname = (form: string, id: string) => {
    const k = foldCase(form);
    const list = surnames.get(k) ?? [];
    if (!list.includes(id)) list.push(id);
    surnames.set(k, list);
  };
  for (const n of dict.names) {
    const a = dict.actors.get(n.actorId);
    if (a?.type !== 'person') continue;
    if (!/\s/.test(n.form)) {
      singleNames.set(n.actorId, [...(singleNames.get(n.actorId) ?? []), n.form]);
      addSurname(n.form, n.actorId);
    } else {
      const parts = n.form.split(/\s+/).filter((p) => !/^(?:Jr\.?|Sr\.?|[IVX]+)$/.test(p));
      addSurname(parts[parts.length - 1], n.actorId);
    }
  }
  return {
    dict, byFirstWord, byFolded, surnames, titles, titlesByFirst: group(titles, (t) => firstWord(t.words[0])),
    personRolesByFirst: group(
      agents.filter((a) => a.type === 'person' && !titles.some((t) => t.words.join(' ') === a.words.join(' ')))
        .map((a) => ({ words: a.words, agent: a.agent, office: a.words.join(' ') })),
      (t) => firstWord(t.words[0])),
    agents, agentsByFirst, titleRe, titlePatterns, singleNames, orgWords, nonActorWords, places: loadPlaces(), demonymPlurals: demonymPlurals(dict),
    ner: opts.ner === undefined ? loadNerRecognizer() : opts.ner, nerMode: opts.nerMode ?? 'backup',
  };
}

/** Plural demonyms of the dictionary's states (see `ResolverIndex.demonymPlurals`); a form two states share names neither. */
function demonymPlurals(dict: ActorDictionary): Map<string, string> {
  const out = new Map<string, string>();
  const shared = new Set<string>();
  for (const n of dict.names) {
    if (n.kind !== 'demonym' || !/^\p{Lu}\p{Ll}+$/u.test(n.form) || /(?:ese|ch|sh|s|x|z)$/.test(n.form)) continue;
    const plural = `${n.form}s`;
    const cc = dict.actors.get(n.actorId)?.country;
    if (!cc) continue;
    if (out.has(plural) && out.get(plural) !== cc) shared.add(plural);
    else out.set(plural, cc);
  }
  for (const p of shared) out.delete(p);
  return out;
}

/**
 * The agent code of the first organization keyword in a name ("Frostburg State University" → EDU,
 * "Red Cross" → NGO), keywords of several words included; null when there is none.
 */
export function orgAgentOf(name: string, index: ResolverIndex): string | null {
  // memoized per keyword table and name (bounded): a document names its organizations again and again
  let memo = orgAgentMemo.get(index.orgWords);
  if (!memo) {
    memo = { padded: [...index.orgWords].map(([w, a]) => [` ${w} `, a]), byName: new Map() };
    orgAgentMemo.set(index.orgWords, memo);
  }
  let agent = memo.byName.get(name);
  if (agent === undefined) {
    const words = ` ${name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
    let best: { at: number; agent: string } | null = null;
    for (const [w, a] of memo.padded) {
      const at = words.indexOf(w);
      if (at >= 0 && (!best || at < best.at)) best = { at, agent: a };
    }
    agent = best?.agent ?? null;
    if (memo.byName.size >= 50_000) memo.byName.clear();
    memo.byName.set(name, agent);
  }
  return agent;
}
/** Per keyword table (`ResolverIndex.orgWords`): its keywords with a space either side, and `orgAgentOf` by name. */
const orgAgentMemo = new WeakMap<Map<string, string>, { padded: Array<[string, string]>; byName: Map<string, string | null> }>();

/** Whether `s` is the form written in all capitals ("NATO", "WHO", "U.N."). */
export function isAllCaps(s: string): boolean {
  return /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s);
}

/**
 * Whether `s` (text as written) names the dictionary form `form`. Exact, or: the form with its
 * first letter in lower case written with a lower-case first letter ("the Kremlin" at a sentence
 * start is "The Kremlin"); the same letters without accents ("Orban" for "Orbán"); an acronym of
 * four or more capitals written as a word ("Nato", "Opec"). Short acronyms ("WHO", "US", "AU")
 * match only in capitals.
 */
export function formMatches(s: string, form: string): boolean {
  if (s === form) return true;
  // folding keeps the length of NFC text (a precomposed "á" is one unit, as "a")
  if (s.length !== form.length) return false;
  if (/^\p{Ll}/u.test(form) && s.slice(1) === form.slice(1) && s[0].toLowerCase() === form[0]) return true;
  const fs = foldMarks(s);
  const ff = foldMarks(form);
  if (fs === ff) return true;
  if (/^\p{Ll}/u.test(ff) && fs.slice(1) === ff.slice(1) && fs[0].toLowerCase() === ff[0]) return true;
  if (/^\p{Lu}{4,}$/u.test(ff) && fs === ff[0] + ff.slice(1).toLowerCase()) return true;
  return false;
}

/** The role held by a dictionary person on a date (YYYY-MM-DD), the first one listed when several. */
export function activeRole(actor: DictActor, date: string): DictActor['roles'][number] | null {
  return actor.roles.find((r) => r.start <= date && (r.end === null || date < r.end)) ?? null;
}

/** The most recent role a dictionary person held before a date, when none is held on it. */
export function pastRole(actor: DictActor, date: string): DictActor['roles'][number] | null {
  return actor.roles.filter((r) => r.start <= date).sort((a, b) => (a.start < b.start ? 1 : -1))[0] ?? null;
}
