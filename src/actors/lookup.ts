/**
 * Text-level actor lookups over the dictionary: what a short piece of text ("the U.N.", "Armenian
 * Prime Minister", "President Duterte", "two Chinese warplanes") names, and its CAMEO code on a
 * date. Used by the in-document resolver (resolve.ts: person codes, descriptions of appositions)
 * and by `eval/actors.ts` (the NGEC actor-resolution cases).
 *
 *   const index = buildResolverIndex(loadActorDictionary());
 *   resolveName('The Collective Security Treaty Organization', index, '2022-01-20'); // → CSTO
 *   resolveName('Armenian Prime Minister', index, '2022-01-20');                     // → Nikol Pashinyan (holderOf)
 *   agentFromText('American warplanes', index);      // → { agent: 'MIL', country: 'USA', pattern: 'warplane' }
 *   codeActorText('Defense Minister', index, '2022-03-01'); // → { code: 'GOVMIL', … }
 *
 * Sources: the dictionary in data/actors (see data/README.md); agent codes are CAMEO v1.1b3.
 */
import type { DictActor, DictName, ActorDictionary, PersonRole } from './dictionary.js';
import {
  activeRole, pastRole, firstWord, foldCase, formMatches, isAllCaps, singular,
  type ResolverIndex, type TitleDef,
} from './lexicon.js';

/** Articles stripped from the start of a looked-up text ("The United Nations", "a US destroyer"). */
const LEADING_ARTICLE = /^(?:the|a|an)\s+/i;
/** Words before a title that make it a past office ("former president") → CAMEO ELI. */
const FORMER = /^(?:former|retired|ex|then|onetime|erstwhile)$/i;

/** What a text names in the dictionary (see `resolveName`). */
export interface NameMatch {
  /** The dictionary actor named. */
  actor: DictActor;
  /** The surface form matched, or null when found by surname or office. */
  name: DictName | null;
  /** How it was found: a dictionary form, a surname after a title, or the holder of an office. */
  via: 'name' | 'surname' | 'office';
  /** A title written before the name or standing alone ("Prime Minister"), with its agent code. */
  title: TitleDef | null;
  /** The state or IGO that qualifies the title ("Armenian", "NATO"), when the text gives one. */
  holder: DictActor | null;
  /** "former", "retired", "ex-" before the title. */
  former: boolean;
}

/** A country named in a text (see `findCountry`). */
export interface CountryMatch {
  /** ISO3 code. */
  country: string;
  /** UTF-16 offsets of the form in the text. */
  start: number;
  end: number;
  form: string;
  kind: DictName['kind'];
}

/** An agent phrase found in a text (see `agentFromText`). */
export interface AgentMatch {
  /** CAMEO agent code(s), primary first ("MIL", "CVLOPP", "GOVMIL", "ELI"). */
  agent: string;
  /** ISO3 code of a country named in the text ("American warplanes" → USA), else null. */
  country: string | null;
  /** The matched phrase, last word in the singular ("soldier" for "soldiers"). */
  pattern: string;
  /** What a mention of the phrase is: a group, an organization, or one person. */
  type: 'group' | 'organization' | 'person';
}

/** The CAMEO coding of a text on a date (see `codeActorText`). */
export interface ActorCoding {
  /** ISO3 country, or null (IGOs, unqualified groups). */
  country: string | null;
  /** CAMEO agent code(s) after the country ("GOV", "GOVMIL"), or null. */
  agent: string | null;
  /** The full CAMEO actor code ("KAZGOV", "IGONAT", "MIL"), or null. */
  code: string | null;
  /** The dictionary actor, when the text names one. */
  actor: DictActor | null;
  /** The office held on the date, or the title the text gives ("President of Russia"). */
  description: string | null;
  /** The agent phrase matched, for group codings. */
  pattern: string | null;
  /** Where the coding came from. */
  source: 'dictionary' | 'agent' | 'country';
}

/** Collapse whitespace, strip trailing punctuation and leading articles. */
function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[,;:]+$/, '').replace(LEADING_ARTICLE, '').trim();
}

/** "the United Nations" style name of a state or IGO, for descriptions. */
export function holderName(a: DictActor | undefined | null, fallback: string | null): string {
  if (!a) return fallback ?? '';
  return a.type === 'igo' && /\s/.test(a.name) ? `the ${a.name}` : a.name;
}

/**
 * Dictionary names whose form is the whole of `text`: exact, or case- and accent-insensitively
 * ("Nato", "Viktor Orban"), except that acronyms of up to three letters ("WHO", "US") must be
 * written in capitals. Names before demonyms before metonyms.
 */
function wholeForm(text: string, index: ResolverIndex): DictName[] {
  const hits = (index.byFolded.get(foldCase(text)) ?? []).filter((n) => {
    if (formMatches(text, n.form)) return true;
    const letters = n.form.replace(/[^\p{L}]/gu, '');
    return !(isAllCaps(n.form) && letters.length <= 3);
  });
  const rank = { name: 0, demonym: 1, metonym: 2 } as const;
  return hits.sort((a, b) => rank[a.kind] - rank[b.kind]);
}

/** A state (name or demonym, possibly possessive) or an IGO at the start of `text`: [actor, length]. */
function holderAt(text: string, index: ResolverIndex): [DictActor, number] | null {
  const list = index.byFirstWord.get(firstWord(text));
  if (!list) return null;
  for (const n of list) {
    const a = index.dict.actors.get(n.actorId);
    if (!a || !(a.type === 'state' || a.type === 'igo') || n.kind === 'metonym') continue;
    const s = text.slice(0, n.form.length);
    if (!formMatches(s, n.form)) continue;
    let len = n.form.length;
    if (/^['’]s\b/.test(text.slice(len))) len += 2;
    // (a bare apostrophe after -s is a possessive too: "the Bahamas' attorney general")
    else if (/s$/i.test(n.form) && /^['’](?=\s)/.test(text.slice(len))) len += 1;
    if (len < text.length && /[\p{L}\p{N}]/u.test(text[len])) continue;
    return [a, len];
  }
  return null;
}

/** The longest title at the start of `text` (lower-cased words): [title, length in characters]. */
function titleAt(text: string, index: ResolverIndex): [TitleDef, number] | null {
  const low = text.toLowerCase();
  for (const t of index.titlesByFirst.get(firstWord(low)) ?? []) {
    const phrase = t.words.join(' ');
    if (low.startsWith(phrase) && (low.length === phrase.length || !/[\p{L}\p{N}]/u.test(low[phrase.length]))) return [t, phrase.length];
  }
  return null;
}

/** Whether a person ever held the office (lower-case title) in the holder (ISO3 or IGO id, or any). */
function heldOffice(a: DictActor, office: string, holder: string | null, date: string | null): PersonRole | null {
  return a.roles.find((r) => r.title.toLowerCase() === office && (holder === null || r.country === holder) &&
    (date === null || (r.start <= date && (r.end === null || date < r.end)))) ?? null;
}

/**
 * People named by a surname alone ("Duterte", "Tokayev"), narrowed by a title ("President") and
 * its country when given: holders of that office on the date first, then anyone who held it.
 */
export function personBySurname(surname: string, index: ResolverIndex, date: string, title: TitleDef | null = null, holder: string | null = null): DictActor | null {
  const ids = index.surnames.get(foldCase(surname)) ?? [];
  let people = ids.map((id) => index.dict.actors.get(id)!).filter(Boolean);
  if (holder) people = people.filter((p) => p.country === holder || p.roles.some((r) => r.country === holder));
  if (title) {
    const now = people.filter((p) => heldOffice(p, title.office, holder, date));
    if (now.length === 1) return now[0];
    const ever = people.filter((p) => heldOffice(p, title.office, holder, null));
    if (ever.length === 1) return ever[0];
    if (ever.length > 1 || now.length > 1) return null;
  }
  if (people.length === 1) return people[0];
  const active = people.filter((p) => activeRole(p, date));
  return active.length === 1 ? active[0] : null;
}

/**
 * What `text` names in the actor dictionary on `date` (YYYY-MM-DD), or null:
 *  1. the whole text as a dictionary form, after dropping a leading article ("the U.N.",
 *     "The Collective Security Treaty Organization"), case- and accent-insensitively ("Nato",
 *     "Viktor Orban" for "Viktor Orbán");
 *  2. a title with an optional country or IGO before it and "former" ("Armenian Prime Minister
 *     Nikol Pashinyan", "US Senator Marco Rubio"): the rest is looked up as in 1 and 3; a title
 *     with nothing after it is the office, resolved to its holder on the date ("Armenian Prime
 *     Minister" → holderOf("Prime Minister", "ARM", date));
 *  3. one word is a surname ("President Duterte", "Trump"), narrowed by the title.
 */
export function resolveName(text: string, index: ResolverIndex, date: string): NameMatch | null {
  const t = clean(text);
  if (!t) return null;
  const whole = wholeForm(t, index);
  if (whole.length) {
    const actor = index.dict.actors.get(whole[0].actorId)!;
    return { actor, name: whole[0], via: 'name', title: null, holder: null, former: false };
  }
  // [holder] [former] title [of holder] [name]
  let rest = t;
  let holder: DictActor | null = null;
  const h = holderAt(rest, index);
  if (h) { holder = h[0]; rest = rest.slice(h[1]).trim(); }
  let former = false;
  const fm = /^(\p{L}+)(?:\s+|-)/u.exec(rest);
  if (fm && FORMER.test(fm[1])) { former = true; rest = rest.slice(fm[0].length); }
  const tm = titleAt(rest, index);
  if (!tm) {
    if (holder || former) return null;
    return /^[\p{Lu}][\p{L}'’-]+$/u.test(t) ? surnameMatch(t, null, null, false) : null;
  }
  const title = tm[0];
  rest = rest.slice(tm[1]).trim();
  const of = /^of\s+(?:the\s+)?/i.exec(rest);
  if (of && !holder) {
    const h2 = holderAt(rest.slice(of[0].length), index);
    if (h2) { holder = h2[0]; rest = rest.slice(of[0].length + h2[1]).trim(); }
  }
  rest = rest.replace(/^,\s*/, '');
  if (!rest) {
    if (!holder || former) return null;
    const who = index.dict.holderOf(title.office, holder.id, date);
    return who ? { actor: who, name: null, via: 'office', title, holder, former } : null;
  }
  const inner = wholeForm(rest, index).find((n) => index.dict.actors.get(n.actorId)?.type === 'person');
  if (inner) return { actor: index.dict.actors.get(inner.actorId)!, name: inner, via: 'name', title, holder, former };
  if (/^[\p{Lu}][\p{L}'’-]+$/u.test(rest)) return surnameMatch(rest, title, holder, former);
  return null;

  function surnameMatch(word: string, ti: TitleDef | null, ho: DictActor | null, fo: boolean): NameMatch | null {
    const p = personBySurname(word, index, date, ti, ho?.type === 'state' ? ho.id : ho?.id ?? null);
    return p ? { actor: p, name: null, via: 'surname', title: ti, holder: ho, former: fo } : null;
  }
}

/** The coding of a dictionary organization or group: its country and the agent part of its code. */
function orgCoding(a: DictActor): ActorCoding {
  const agent = a.code ? a.code.slice((a.country ?? '').length) || null : null;
  return { country: a.country, agent, code: a.code, actor: a, description: null, pattern: null, source: 'dictionary' };
}

/**
 * The longest dictionary organization, group, IGO or person named inside a text (not a state:
 * countries inside a text qualify an agent instead, see `findCountry`).
 */
export function findActorIn(text: string, index: ResolverIndex): DictActor | null {
  let best: { actor: DictActor; len: number } | null = null;
  for (const { start } of words(text)) {
    for (const n of namesAtStart(text.slice(start), index)) {
      const a = index.dict.actors.get(n.actorId);
      if (!a || a.type === 'state' || a.type === 'location' || n.kind !== 'name') continue;
      if (!best || n.form.length > best.len) best = { actor: a, len: n.form.length };
      break;
    }
  }
  return best?.actor ?? null;
}

/**
 * The dictionary names whose form opens `s` (as `formMatches` compares them: case- and
 * accent-insensitively, short acronyms in capitals) and ends at a word boundary there, longest
 * first (the order of `byFirstWord`). `s` may run on past the name (a text from an offset).
 */
export function namesAtStart(s: string, index: ResolverIndex): DictName[] {
  // (the bucket key from the first word alone: `firstWord` caches its argument)
  const list = index.byFirstWord.get(firstWord(/^\S+/.exec(s)?.[0] ?? s)) ?? [];
  return list.filter((n) => formMatches(s.slice(0, n.form.length), n.form) && !(n.form.length < s.length && /[\p{L}\p{N}]/u.test(s[n.form.length])));
}

/** Word tokens of a short text with their offsets (letters, digits, inner apostrophes, hyphens and dots). */
function words(text: string): Array<{ w: string; start: number; end: number }> {
  const out: Array<{ w: string; start: number; end: number }> = [];
  const re = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ w: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/**
 * The first country a text names: a state's name, demonym (also in the plural: "Russians"),
 * capital or seat of government ("Minsk police station" → BLR), or a region inside one
 * ("Xinjiang" → CHN). Longest form at each word, case as written (acronyms in capitals).
 */
export function findCountry(text: string, index: ResolverIndex): CountryMatch | null {
  for (const { w, start } of words(text)) {
    const s = text.slice(start);
    // a plural demonym ("Russians") is looked up by its singular too
    const buckets = [firstWord(s), ...(/s$/.test(w) ? [firstWord(w.slice(0, -1))] : [])];
    for (const n of buckets.flatMap((b) => index.byFirstWord.get(b) ?? [])) {
      const a = index.dict.actors.get(n.actorId);
      if (!a || !a.country || !(a.type === 'state' || a.type === 'location')) continue;
      if (a.type === 'state' && a.id !== a.country) continue;
      if (!formMatches(s.slice(0, n.form.length), n.form)) continue;
      let len = n.form.length;
      if (n.kind === 'demonym' && s[len] === 's' && !/[\p{L}\p{N}]/u.test(s[len + 1] ?? ' ')) len++;
      if (len < s.length && /[\p{L}\p{N}]/u.test(s[len])) continue;
      return { country: a.country, start, end: start + len, form: text.slice(start, start + len), kind: n.kind };
    }
  }
  return null;
}

/**
 * The CAMEO agent a short text names ("soldiers" → MIL, "American warplanes" → USA + MIL,
 * "retired vice president" → ELI, "Chile's Ministry of Mines" → CHL + GOV), or null. Looks for
 * agent phrases (agents.yaml, plural or singular), titles with an agent (roles.yaml), and
 * organization keywords; the longest match wins, then the last one (the head of an English noun
 * phrase comes last). A title after "former", "retired" or "ex-" is ELI (CAMEO: elites include
 * former officials). The country is the first one the text names. `personFirst`: a person's own
 * title or role word wins over an organization named after it (for descriptions: "researcher at
 * the Foreign Ministry" is EDU).
 */
export function agentFromText(text: string, index: ResolverIndex, opts: { personFirst?: boolean } = {}): AgentMatch | null {
  const ws = words(text).map((x) => x.w.toLowerCase().replace(/['’]s$/, ''));
  const sing = ws.map(singular);
  interface Hit { at: number; len: number; agent: string; pattern: string; type: AgentMatch['type']; rank: number }
  const hits: Hit[] = [];
  for (let i = 0; i < ws.length; i++) {
    const phrases = new Set([...(index.agentsByFirst.get(firstWord(ws[i])) ?? []), ...(index.agentsByFirst.get(firstWord(sing[i])) ?? [])]);
    for (const p of phrases) {
      const n = p.words.length;
      const raw = ws.slice(i, i + n);
      const sg = sing.slice(i, i + n);
      if (raw.join(' ') === p.words.join(' ') || sg.join(' ') === p.singular.join(' ')) {
        hits.push({ at: i, len: n, agent: p.agent, pattern: p.singular.join(' '), type: p.type, rank: 2 });
      }
    }
    for (const t of index.titlesByFirst.get(firstWord(ws[i])) ?? []) {
      const n = t.words.length;
      if (!t.agent || ws.slice(i, i + n).join(' ') !== t.words.join(' ')) continue;
      const former = i > 0 && FORMER.test(ws[i - 1]);
      hits.push({ at: i, len: n, agent: former ? 'ELI' : t.agent, pattern: t.words.join(' '), type: 'person', rank: former ? 3 : 1 });
    }
    const org = index.orgWords.get(ws[i]) ?? index.orgWords.get(sing[i]);
    if (org) hits.push({ at: i, len: 1, agent: org, pattern: sing[i], type: 'organization', rank: 0 });
  }
  if (!hits.length) return null;
  const personRank = (h: Hit) => (opts.personFirst && h.type === 'person' ? 1 : 0);
  hits.sort((a, b) => personRank(b) - personRank(a) || b.len - a.len || b.rank - a.rank || b.at - a.at);
  const best = hits[0];
  return { agent: best.agent, country: findCountry(text, index)?.country ?? null, pattern: best.pattern, type: best.type };
}

/**
 * The code of a dictionary person on a date: the office held then (its country and agent, or the
 * IGO's code for a post of an organization); else `<country>ELI` when the person held an office
 * before (CAMEO codes former officials as elites); else the agent of a title the text gives
 * (`titleAgent`, e.g. LEG for "Senator"); else the person's country alone.
 */
export function personCoding(actor: DictActor, date: string, dict: ActorDictionary, titleAgent: string | null = null): { code: string | null; agent: string | null; description: string | null; role: PersonRole | null } {
  const country = actor.country;
  const role = activeRole(actor, date);
  if (role) {
    const holder = role.country ? dict.actors.get(role.country) : undefined;
    const description = `${role.title} of ${holderName(holder, role.country)}`;
    if (holder?.type === 'igo') return { code: holder.code, agent: null, description, role };
    return { code: `${role.country ?? country ?? ''}${role.agent}`, agent: role.agent, description, role };
  }
  const past = pastRole(actor, date);
  if (past) {
    const holder = past.country ? dict.actors.get(past.country) : undefined;
    return { code: `${country ?? ''}ELI`, agent: 'ELI', description: `former ${past.title} of ${holderName(holder, past.country)}`, role: null };
  }
  if (titleAgent) return { code: `${country ?? ''}${titleAgent}`, agent: titleAgent, description: null, role: null };
  return { code: country, agent: null, description: null, role: null };
}

/**
 * The CAMEO coding of a short text on a date: a dictionary actor (`resolveName`: a state alone is
 * its ISO3 code; a metonym adds its agent, "Beijing" → CHNGOV; a person is coded by
 * `personCoding`), else an agent phrase with the country the text names (`agentFromText`), else a
 * country alone ("Two Russians" → RUS), else null (an unknown name such as "Marcus Beam").
 */
export function codeActorText(text: string, index: ResolverIndex, date: string): ActorCoding | null {
  const dict = index.dict;
  const r = resolveName(text, index, date);
  if (r) {
    const a = r.actor;
    if (a.type === 'person') {
      const titleAgent = r.title ? (r.former ? 'ELI' : r.title.agent) : null;
      const pc = personCoding(a, date, dict, titleAgent);
      let agent = pc.agent;
      let code = pc.code;
      if (r.former && pc.role && r.title && pc.role.title.toLowerCase() !== r.title.office) { agent = 'ELI'; code = `${a.country ?? ''}ELI`; }
      return { country: a.country, agent, code, actor: a, description: pc.description, pattern: null, source: 'dictionary' };
    }
    if (a.type === 'igo') return { country: null, agent: null, code: a.code, actor: a, description: null, pattern: null, source: 'dictionary' };
    if (a.type === 'organization' || a.type === 'group') return orgCoding(a);
    const agent = r.name?.kind === 'metonym' ? r.name.agent : null;
    const country = a.country;
    return { country, agent, code: `${country ?? a.code ?? ''}${agent ?? ''}` || null, actor: a, description: null, pattern: null, source: agent ? 'dictionary' : 'country' };
  }
  // a named organization or person inside a longer text: "the rebel FDLR force", "Boko Haram gunmen"
  const inside = findActorIn(text, index);
  if (inside) {
    if (inside.type === 'person') {
      const pc = personCoding(inside, date, dict);
      return { country: inside.country, agent: pc.agent, code: pc.code, actor: inside, description: pc.description, pattern: null, source: 'dictionary' };
    }
    if (inside.type === 'igo') return { country: null, agent: null, code: inside.code, actor: inside, description: null, pattern: null, source: 'dictionary' };
    return orgCoding(inside);
  }
  const ag = agentFromText(text, index);
  if (ag) return { country: ag.country, agent: ag.agent, code: `${ag.country ?? ''}${ag.agent}`, actor: null, description: null, pattern: ag.pattern, source: 'agent' };
  const c = findCountry(text, index);
  if (c) return { country: c.country, agent: null, code: c.country, actor: null, description: null, pattern: null, source: 'country' };
  return null;
}
