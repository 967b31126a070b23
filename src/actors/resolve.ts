/**
 * Actor resolution (first cut): finds actor mentions in an AnnotatedText and groups them into
 * actors with CAMEO actor codes.
 *
 * Rules, in order of priority at each token:
 *  1. dictionary names (countries, demonyms, capitals and buildings as metonyms, IGOs, people,
 *     regions), longest match, case-sensitive but for a lower-case first letter;
 *  2. a title before a name ("Chinese Foreign Minister Wang Yi"): the title is not in the mention
 *     but becomes the person's description;
 *  3. agent phrases ("Kazakh security forces", "protesters") → group actors such as KAZCOP;
 *  4. runs of capitalised tokens: with an organization keyword → organization; 2–4 name-like
 *     tokens → person; programme/building keywords → skipped.
 * Then: a capital preceded by a locative preposition ("in Beijing") is a place, not the state;
 * surnames and Chinese-order family names ("Toqaev", "Wang") join the person's actor
 * (coreference); appositions ("X, senior fellow at Y,") give the description, the agent code
 * and the country.
 *
 * Agent codes: CAMEO codebook v1.1b3, ch. 4. Person codes come from the role held on the
 * publication date (tenures in data/actors/people.yaml), else from the description.
 */
import type { AnnotatedText, Token } from '../types.js';
import type { ActorType } from '../schema.js';
import type { ActorDictionary, DictActor, DictName } from './dictionary.js';

/** One mention of an actor: character offsets and the token range `[tokenStart, tokenEnd)`. */
export interface ActorMention {
  start: number;
  end: number;
  text: string;
  tokenStart: number;
  tokenEnd: number;
  /** How the mention names the actor. */
  kind: 'name' | 'demonym' | 'metonym' | 'surname' | 'group' | 'title';
}

/** A resolved actor of one document (internal form of the contract's actor). */
export interface ResolvedActor {
  id: string;
  name: string;
  type: ActorType;
  country: string | null;
  code: string | null;
  description: string | null;
  mentions: ActorMention[];
  /** Dictionary id when the actor is in the dictionary. */
  dictId: string | null;
}

/** The result of actor resolution: actors and a per-token index of the actor mentioned there. */
export interface ActorResolution {
  actors: ResolvedActor[];
  /** For each token, the index into `actors` of the mention covering it, or -1. */
  actorAtToken: Int32Array;
  /** Places named with a locative preposition ("in Beijing"): name, ISO3 country, token index. */
  places: Array<{ name: string; country: string | null; tokenStart: number; tokenEnd: number }>;
}

/** Options of actor resolution. */
export interface ResolveOptions {
  /** Publication date YYYY-MM-DD, for tenures; null = today. */
  published: string | null;
}

const LOCATIVE = new Set(['in', 'at', 'near', 'outside', 'inside', 'across', 'throughout', 'around']);
const NAME_STOP = new Set([
  'The', 'A', 'An', 'But', 'And', 'Or', 'While', 'As', 'After', 'Before', 'During', 'Despite', 'It', 'He', 'She', 'They', 'We', 'I',
  'This', 'That', 'These', 'Those', 'His', 'Her', 'Their', 'Its', 'Our', 'In', 'On', 'At', 'By', 'For', 'From', 'To', 'With', 'Still',
  'Similar', 'If', 'When', 'Where', 'Why', 'How', 'What', 'Who', 'Both', 'Some', 'Many', 'Most', 'All', 'Such', 'Yet', 'So', 'Then',
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Mr', 'Mrs', 'Ms', 'Dr',
]);
const HONORIFIC = /^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Mme|M)\.?$/;
const CONNECTORS = new Set(['of', 'for', 'and', 'the', 'on', 'de', 'du', 'al', 'von', 'van', '&']);
const FAMILY_NAME_FIRST = new Set(['CHN', 'TWN', 'KOR', 'PRK', 'VNM', 'HKG', 'MAC', 'SGP', 'HUN']);

/** Compiled lookups derived from the dictionary; build once per dictionary. */
export interface ResolverIndex {
  byFirstWord: Map<string, DictName[]>;
  titles: Array<{ words: string[]; agent: string | null }>;
  /** titles and agent phrases by their first word (lower case) */
  titlesByFirst: Map<string, Array<{ words: string[]; agent: string | null }>>;
  agentsByFirst: Map<string, Array<{ words: string[]; agent: string; type: 'group' | 'organization' | 'person' }>>;
  /** any title word, for appositions; and each title with its agent as a compiled regexp */
  titleRe: RegExp;
  titleAgents: Array<{ re: RegExp; agent: string }>;
  /** single-word dictionary names of each person, for surname coreference */
  singleNames: Map<string, string[]>;
  orgWords: Map<string, string>;
  nonActorWords: Set<string>;
  agents: Array<{ words: string[]; agent: string; type: 'group' | 'organization' | 'person' }>;
  dict: ActorDictionary;
}

function firstWord(s: string): string {
  const m = /^[\p{L}\p{N}]+/u.exec(s);
  return (m ? m[0] : s.slice(0, 1)).toLowerCase();
}

/** Build the resolver's lookup tables from a loaded dictionary (call once, reuse for every document). */
export function buildResolverIndex(dict: ActorDictionary): ResolverIndex {
  const byFirstWord = new Map<string, DictName[]>();
  for (const n of dict.names) {
    const k = firstWord(n.form);
    const list = byFirstWord.get(k) ?? [];
    list.push(n);
    byFirstWord.set(k, list);
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.form.length - a.form.length);
  const titles = dict.roles.titles
    .map((t) => ({ words: t.words.split(/\s+/), agent: t.agent }))
    .sort((a, b) => b.words.length - a.words.length);
  const orgWords = new Map<string, string>();
  for (const o of dict.roles.organizations) for (const w of o.words) if (!orgWords.has(w)) orgWords.set(w, o.agent);
  const nonActorWords = new Set(dict.roles.non_actors.flat());
  const agents = dict.agents
    .map((a) => ({ words: a.phrase.toLowerCase().split(/\s+/), agent: a.agent, type: a.type }))
    .sort((a, b) => b.words.length - a.words.length);
  const group = <T extends { words: string[] }>(list: T[]) => {
    const m = new Map<string, T[]>();
    for (const x of list) { const k = firstWord(x.words[0]); m.set(k, [...(m.get(k) ?? []), x]); }
    return m;
  };
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const titleRe = new RegExp(`\\b(?:${titles.map((t) => escape(t.words.join(' '))).join('|')})\\b`, 'i');
  const titleAgents = titles.filter((t) => t.agent).map((t) => ({ re: new RegExp(`\\b${escape(t.words.join(' '))}\\b`), agent: t.agent as string }));
  const singleNames = new Map<string, string[]>();
  for (const n of dict.names) if (!/\s/.test(n.form) && dict.actors.get(n.actorId)?.type === 'person') singleNames.set(n.actorId, [...(singleNames.get(n.actorId) ?? []), n.form]);
  return { byFirstWord, titles, titlesByFirst: group(titles), agentsByFirst: group(agents), titleRe, titleAgents, singleNames, orgWords, nonActorWords, agents, dict };
}

const isCap = (s: string) => /^\p{Lu}/u.test(s);
const isNameWord = (s: string) => /^\p{Lu}[\p{L}'’.]*$/u.test(s) && !/^\p{Lu}{2,}$/u.test(s);

interface Candidate {
  tokenStart: number;
  tokenEnd: number;
  kind: ActorMention['kind'];
  /** dictionary actor, or a key for a non-dictionary actor */
  dict: DictActor | null;
  dictName?: DictName;
  key: string;
  name: string;
  type: ActorType;
  country: string | null;
  agent: string | null;
  description: string | null;
}

/**
 * Resolve the actors of one annotated document. Pure: reads `doc` and `index`, returns new objects.
 */
export function resolveActors(doc: AnnotatedText, index: ResolverIndex, opts: ResolveOptions): ActorResolution {
  const { tokens, text } = doc;
  const date = opts.published ?? new Date().toISOString().slice(0, 10);
  const dict = index.dict;
  const cands: Candidate[] = [];
  const places: ActorResolution['places'] = [];
  const lower = tokens.map((t) => t.text.toLowerCase());

  const tokenEndAt = new Map<number, number>();
  tokens.forEach((t, i) => tokenEndAt.set(t.end, i));
  const sameSentence = (a: number, b: number) => b < tokens.length && tokens[a].sentence === tokens[b].sentence;

  /** Longest dictionary name starting at token i; returns [endToken(exclusive), name]. */
  const dictMatch = (i: number): [number, DictName] | null => {
    const t = tokens[i];
    const list = index.byFirstWord.get(firstWord(t.text));
    if (!list) return null;
    for (const n of list) {
      const s = text.slice(t.start, t.start + n.form.length);
      const ok = s === n.form || (/^\p{Ll}/u.test(n.form) && s.toLowerCase() === n.form.toLowerCase() && s.slice(1) === n.form.slice(1));
      if (!ok) continue;
      const endTok = tokenEndAt.get(t.start + n.form.length);
      if (endTok === undefined || tokens[endTok].sentence !== t.sentence) continue;
      // "Moscow-led": a hyphenated modifier still names the actor; a name inside a longer capitalised word does not
      return [endTok + 1, n];
    }
    return null;
  };
  /** Title words starting at token i (case-insensitive); returns end token (exclusive) and agent. */
  const titleMatch = (i: number): [number, string | null] | null => {
    if (lower[i] === undefined) return null;
    const list = index.titlesByFirst.get(firstWord(lower[i].replace(/^then-|^ex-/, '')));
    if (!list) return null;
    for (const t of list) {
      let ok = true;
      for (let k = 0; k < t.words.length; k++) {
        const tok = lower[i + k];
        if (tok === undefined || !sameSentence(i, i + k) || tok.replace(/^then-|^ex-/, '') !== t.words[k]) { ok = false; break; }
      }
      if (ok) return [i + t.words.length, t.agent];
    }
    return null;
  };
  const agentMatch = (i: number): [number, ResolverIndex['agents'][number]] | null => {
    if (lower[i] === undefined) return null;
    const list = index.agentsByFirst.get(firstWord(lower[i]));
    if (!list) return null;
    for (const a of list) {
      if (a.type === 'person') continue;
      let ok = true;
      let end = i;
      for (let k = 0; k < a.words.length; k++) {
        // phrases such as "state-run media" are one or several tokens: compare on the joined text
        const want = a.words[k];
        let got = lower[end];
        let e = end + 1;
        while (got !== undefined && want.startsWith(got) && got !== want && e < tokens.length && tokens[e].start === tokens[e - 1].end) {
          got += lower[e];
          e++;
        }
        if (got !== want || !sameSentence(i, e - 1)) { ok = false; break; }
        end = e;
      }
      if (ok) return [end, a];
    }
    return null;
  };
  /** A run of capitalised tokens (with inner connectors and hyphens) starting at i. */
  const capRun = (i: number): number => {
    let j = i;
    while (j < tokens.length && sameSentence(i, j)) {
      const w = tokens[j].text;
      if (isCap(w) && /^[\p{L}][\p{L}'’.]*$/u.test(w) && !(j > i && NAME_STOP.has(w) && w !== 'The')) { j++; continue; }
      const glued = j > i && tokens[j].start === tokens[j - 1].end && w === '-' && j + 1 < tokens.length && isCap(tokens[j + 1].text) && tokens[j + 1].start === tokens[j].end;
      if (glued) { j += 2; continue; }
      if (j > i && CONNECTORS.has(w) && j + 1 < tokens.length && isCap(tokens[j + 1].text) && !NAME_STOP.has(tokens[j + 1].text) && sameSentence(i, j + 1)) {
        // connectors only inside organization-like names
        let k = j + 1;
        while (k < tokens.length && isCap(tokens[k].text) && sameSentence(i, k)) k++;
        const words = tokens.slice(i, k).map((t) => t.text.toLowerCase());
        if (words.some((x) => index.orgWords.has(x) || index.nonActorWords.has(x))) { j++; continue; }
      }
      break;
    }
    return j;
  };

  const takeCountryPrefix = (i: number): { country: string | null; end: number; text: string } => {
    const m = dictMatch(i);
    if (m && (m[1].kind === 'demonym' || (m[1].kind === 'name' && dict.actors.get(m[1].actorId)?.type === 'state'))) {
      const actor = dict.actors.get(m[1].actorId)!;
      let end = m[0];
      if (lower[end] === "'s" || lower[end] === '’s') end++;
      return { country: actor.country, end, text: text.slice(tokens[i].start, tokens[end - 1].end) };
    }
    return { country: null, end: i, text: '' };
  };

  let i = 0;
  let pendingTitle: { text: string; agent: string | null; country: string | null; start: number } | null = null;
  while (i < tokens.length) {
    const t = tokens[i];
    // agent phrase, possibly after a country prefix: "Kazakh security forces", "the Chinese government"
    const pre = takeCountryPrefix(i);
    const ag = agentMatch(pre.end);
    // a one-word agent ("military") must be a noun here, not an adjective ("military alliance")
    if (ag && (ag[1].words.length > 1 || tokens[ag[0] - 1].pos === 'NOUN' || tokens[ag[0] - 1].pos === 'PROPN')) {
      const [end, a] = ag;
      const mentionStart = pre.end > i ? i : pre.end;
      const country = pre.country;
      const name = text.slice(tokens[mentionStart].start, tokens[end - 1].end);
      cands.push({
        tokenStart: mentionStart, tokenEnd: end, kind: 'group', dict: null,
        key: `group:${country ?? ''}:${a.agent}:${a.words.join(' ')}`, name, type: a.type === 'organization' ? 'organization' : 'group',
        country, agent: a.agent, description: null,
      });
      i = end;
      pendingTitle = null;
      continue;
    }
    // honorifics ("Mr.", "Mrs", "Dr.") are not part of a name: "Mr. Reeves" is a surname mention
    if (HONORIFIC.test(t.text) && i + 1 < tokens.length && isCap(tokens[i + (lower[i + 1] === '.' ? 2 : 1)]?.text ?? '')) {
      i += lower[i + 1] === '.' ? 2 : 1;
      continue;
    }
    // title before a name: [Country|demonym]? [former]? Title Name
    {
      let j = pre.end;
      if (lower[j] === 'former' || lower[j] === 'then') j++;
      const tm = titleMatch(j);
      if (tm && tm[0] < tokens.length && sameSentence(i, tm[0]) && isCap(tokens[tm[0]].text) && tokens[tm[0]].pos === 'PROPN') {
        if (pre.end > i) pushDict(i, dictMatch(i)!);
        pendingTitle = { text: text.slice(tokens[i].start, tokens[tm[0] - 1].end), agent: tm[1], country: pre.country, start: i };
        i = tm[0];
        continue;
      }
    }
    const dm = dictMatch(i);
    const run = isCap(t.text) && !(NAME_STOP.has(t.text)) ? capRun(i) : i;
    const runWords = tokens.slice(i, run).map((x) => x.text.toLowerCase());
    const orgAgent = runWords.map((w) => index.orgWords.get(w)).find((x) => x);
    const nonActor = runWords.some((w) => index.nonActorWords.has(w));
    if (dm && !(run > dm[0] && (orgAgent || nonActor))) {
      // locative capital: "in Beijing" is a place, not the government
      const prev = lower[i - 1];
      if (dm[1].kind === 'metonym' && prev && LOCATIVE.has(prev) && dict.actors.get(dm[1].actorId)?.type === 'state') {
        places.push({ name: text.slice(t.start, tokens[dm[0] - 1].end), country: dict.actors.get(dm[1].actorId)!.country, tokenStart: i, tokenEnd: dm[0] });
        i = dm[0];
        continue;
      }
      pushDict(i, dm);
      i = dm[0];
      continue;
    }
    const inHeading = doc.article.paragraphs[doc.sentences[t.sentence]?.paragraph]?.kind === 'heading';
    if (run > i && !inHeading) {
      if (nonActor) { i = run; pendingTitle = null; continue; }
      const name = text.slice(t.start, tokens[run - 1].end);
      if (orgAgent) {
        // country from a demonym or country name inside the organization's name
        let country: string | null = null;
        for (let k = i; k < run; k++) {
          const m = dictMatch(k);
          if (m) { country = dict.actors.get(m[1].actorId)?.country ?? null; if (country) break; }
        }
        cands.push({ tokenStart: i, tokenEnd: run, kind: 'name', dict: null, key: `org:${name}`, name, type: 'organization', country, agent: orgAgent, description: null });
        i = run;
        pendingTitle = null;
        continue;
      }
      const nameWords = tokens.slice(i, run).filter((x) => x.text !== '-');
      const personLike = nameWords.length >= 2 && nameWords.length <= 4 && nameWords.every((x) => isNameWord(x.text)) &&
        (nameWords.some((x) => x.pos === 'PROPN') || pendingTitle !== null);
      if (personLike) {
        cands.push({
          tokenStart: i, tokenEnd: run, kind: 'name', dict: null, key: `person:${name}`, name, type: 'person',
          country: pendingTitle?.country ?? null, agent: pendingTitle?.agent ?? null, description: pendingTitle?.text ?? null,
        });
        i = run;
        pendingTitle = null;
        continue;
      }
    }
    pendingTitle = null;
    i++;
  }

  function pushDict(at: number, m: [number, DictName]) {
    const [end, n] = m;
    const a = dict.actors.get(n.actorId)!;
    const c: Candidate = {
      tokenStart: at, tokenEnd: end, kind: n.kind, dict: a, dictName: n, key: `dict:${a.id}`, name: a.name, type: a.type,
      country: a.country, agent: null, description: null,
    };
    if (a.type === 'person' && pendingTitle) {
      c.description = pendingTitle.text;
      c.agent = pendingTitle.agent;
    }
    pendingTitle = null;
    cands.push(c);
  }

  // ---- group candidates into actors ----
  interface Acc { cand: Candidate; mentions: ActorMention[]; description: string | null; appositive: boolean; country: string | null; agent: string | null; first: number }
  const byKey = new Map<string, Acc>();
  const add = (c: Candidate) => {
    let acc = byKey.get(c.key);
    if (!acc) {
      acc = { cand: c, mentions: [], description: null, appositive: false, country: c.country, agent: c.agent, first: c.tokenStart };
      byKey.set(c.key, acc);
    }
    acc.mentions.push({ start: tokens[c.tokenStart].start, end: tokens[c.tokenEnd - 1].end, text: text.slice(tokens[c.tokenStart].start, tokens[c.tokenEnd - 1].end), tokenStart: c.tokenStart, tokenEnd: c.tokenEnd, kind: c.kind });
    if (c.description && !acc.description) acc.description = c.description;
    if (c.country && !acc.country) acc.country = c.country;
    if (c.agent && !acc.agent) acc.agent = c.agent;
  };
  // A non-dictionary person whose full name is a dictionary person's variant is already matched above.
  cands.sort((a, b) => a.tokenStart - b.tokenStart);
  for (const c of cands) add(c);

  // ---- coreference: single name tokens of persons ("Toqaev", "Wang", "Ma") ----
  const covered = new Int8Array(tokens.length);
  for (const c of cands) for (let k = c.tokenStart; k < c.tokenEnd; k++) covered[k] = 1;
  const nameToKey = new Map<string, string | null>();
  const register = (form: string, key: string) => {
    const prev = nameToKey.get(form);
    nameToKey.set(form, prev === undefined || prev === key ? key : null);
  };
  for (const [key, acc] of byKey) {
    if (acc.cand.type !== 'person') continue;
    const full = acc.cand.dict ? acc.cand.dict.name : acc.cand.name;
    const parts = full.split(/\s+/);
    register(parts[parts.length - 1], key);
    if (acc.cand.dict) {
      // every single-word variant in the dictionary, and the family name first for Chinese-order names
      for (const form of index.singleNames.get(acc.cand.dict.id) ?? []) register(form, key);
      if (acc.cand.dict.country && FAMILY_NAME_FIRST.has(acc.cand.dict.country)) register(parts[0], key);
    } else if (parts.length === 2) {
      register(parts[0], key);
    }
  }
  for (let k = 0; k < tokens.length; k++) {
    if (covered[k]) continue;
    const tk = tokens[k];
    if (!isNameWord(tk.text)) continue;
    const key = nameToKey.get(tk.text);
    if (!key) continue;
    // not part of a longer capitalised run ("Ma Ying-jeou" would be its own person)
    if (k + 1 < tokens.length && covered[k + 1] === 0 && isNameWord(tokens[k + 1].text) && tokens[k + 1].sentence === tk.sentence && tokens[k + 1].pos === 'PROPN') continue;
    const acc = byKey.get(key)!;
    acc.mentions.push({ start: tk.start, end: tk.end, text: tk.text, tokenStart: k, tokenEnd: k + 1, kind: 'surname' });
    covered[k] = 1;
  }

  // ---- appositions give descriptions: "X, senior fellow at Y, told", "Y's then-prime minister, X," ----
  const titleRe = index.titleRe;
  for (const acc of byKey.values()) {
    if (acc.cand.type !== 'person') continue;
    for (const m of acc.mentions) {
      const sent = doc.sentences[tokens[m.tokenStart].sentence];
      const after = text.slice(m.end, sent.end);
      // the apposition runs to the next comma or clause; a period inside an abbreviation ("U.S.") does not end it
      const post = /^,\s+(?:(?:a|an|the)\s+)?((?:[^,;"“”.]|\.(?=\S))+?)(?=,|\s+who\b|\s+which\b|\s+and\s+\p{Ll}+ed\b|[.;](?:\s|$)|$)/u.exec(after);
      if (post && titleRe.test(post[1]) && post[1].split(/\s+/).length <= 16 && !/^(?:who|which|whose|whom|that)\b/i.test(post[1])) {
        acc.description = post[1].trim();
        acc.appositive = true;
        break;
      }
      const before = text.slice(sent.start, m.start);
      const pre = /(?:^|[,;]\s+|\s)((?:\p{Lu}[\p{L}'’-]*(?:'s|’s)\s+)?(?:then-|former\s+)?\p{Ll}[\p{Ll} -]+),\s+$/u.exec(before);
      if (pre && titleRe.test(pre[1]) && pre[1].split(/\s+/).length <= 8 && !acc.appositive) {
        acc.description = pre[1].trim();
        acc.appositive = true;
        break;
      }
    }
  }

  // ---- country and agent from the description; codes ----
  const descCountry = (desc: string): string | null => {
    // first country, demonym or capital named in the description
    const re = /\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*/gu;
    for (let m = re.exec(desc); m; m = re.exec(desc)) {
      const words = m[0].split(/\s+/);
      for (let a = 0; a < words.length; a++) {
        for (let b = words.length; b > a; b--) {
          const form = words.slice(a, b).join(' ').replace(/(?:'s|’s)$/, '');
          const hits = index.byFirstWord.get(firstWord(form))?.filter((n) => n.form === form);
          if (hits?.length) {
            const actor = dict.actors.get(hits[0].actorId);
            if (actor?.country) return actor.country;
          }
        }
      }
    }
    return null;
  };
  const descAgent = (desc: string): string | null => {
    const low = desc.toLowerCase();
    for (const t of index.titleAgents) if (t.re.test(low)) return t.agent;
    for (const w of low.split(/[^\p{L}]+/u)) { const a = index.orgWords.get(w); if (a) return a; }
    return null;
  };

  const accs = [...byKey.values()].sort((a, b) => a.first - b.first);
  const actors: ResolvedActor[] = accs.map((acc, n) => {
    const c = acc.cand;
    let country = acc.country;
    let code: string | null = null;
    let description = acc.description;
    if (c.dict) {
      if (c.dict.type === 'person') {
        const active = c.dict.roles.find((r) => r.start <= date && (r.end === null || date < r.end));
        const past = c.dict.roles.filter((r) => r.start <= date).sort((a, b) => (a.start < b.start ? 1 : -1))[0];
        const role = active ?? null;
        country = c.dict.country ?? country;
        code = role ? `${role.country ?? country ?? ''}${role.agent}` : past ? `${country ?? ''}ELI` : (country ?? null);
        // an apposition in the text wins; else the role held on the date; else the title written before the name
        if (!acc.appositive && role) description = `${role.title} of ${dict.actors.get(role.country ?? '')?.name ?? role.country}`;
        else if (!acc.appositive && past) description = `former ${past.title} of ${dict.actors.get(past.country ?? '')?.name ?? past.country}`;
      } else {
        code = c.dict.code;
      }
    } else {
      if (description) {
        country = country ?? descCountry(description);
        const ag = descAgent(description);
        acc.agent = acc.agent ?? ag;
      }
      code = country || acc.agent ? `${country ?? ''}${acc.agent ?? ''}` : null;
    }
    return {
      id: `a${n + 1}`, name: c.dict ? c.dict.name : c.name, type: c.type, country, code: code || null, description,
      mentions: acc.mentions.sort((a, b) => a.start - b.start).map((m) => m), dictId: c.dict?.id ?? null,
    };
  });
  const actorAtToken = new Int32Array(tokens.length).fill(-1);
  actors.forEach((a, n) => { for (const m of a.mentions) for (let k = m.tokenStart; k < m.tokenEnd; k++) actorAtToken[k] = n; });
  return { actors, actorAtToken, places };
}

/** The tokens of a sentence (helper for later stages). */
export function sentenceTokens(doc: AnnotatedText, s: number): Token[] {
  const sent = doc.sentences[s];
  return doc.tokens.slice(sent.tokenStart, sent.tokenEnd);
}
