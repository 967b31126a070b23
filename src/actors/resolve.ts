/**
 * Actor resolution: finds actor mentions in an AnnotatedText and groups them into actors with
 * CAMEO actor codes (DESIGN.md, "actors/").
 *
 * Rules, in order of priority at each token:
 *  1. agent phrases ("Kazakh security forces", "protesters") → group actors such as KAZCOP;
 *  2. a title before a name ("Chinese Foreign Minister Wang Yi", "NATO Secretary-General Mark
 *     Rutte", "President Duterte"): the title is not in the mention but becomes the person's
 *     description, agent and country;
 *  3. a title as a mention ("the president", "the Turkish transport minister", "Kazakhstan's
 *     foreign minister", "the secretary-general of NATO"): resolved after the scan (below);
 *  4. dictionary names (countries, demonyms, capitals and buildings as metonyms, IGOs, people,
 *     regions), longest match, case-sensitive but for a lower-case first letter, accents optional
 *     ("Orban" for "Orbán"), long acronyms also as words ("Nato");
 *  5. people and organizations the dictionary lacks: from the NER model when one is loaded (PER →
 *     person, ORG → organization; see ner.ts), else from runs of capitalised tokens (with an
 *     organization keyword → organization; 2–4 name-like tokens → person; programme/building
 *     keywords → skipped).
 * Then: a capital preceded by a locative preposition ("in Beijing") is a place, not the state;
 * a person's name read with a title, abbreviated title, honorific or function word before it
 * ("Secretary Clinton", "Gov. Chris Christie", "Until Mr. Comey") loses those words and joins the
 * one person whose full name ends in it; surnames and Chinese-order family names ("Toqaev", "Wang") join the person's actor
 * (coreference); a title with one capitalised word ("President Japarov") is that dictionary
 * person, else a person named by the surname; appositions ("X, senior fellow at Y,") give the
 * description, the agent code and the country; a title used as a mention joins the last person
 * mentioned with that role (and that country, when the mention names one), else the person who
 * held the office on the publication date in the named country, or in the article's main country
 * (the state mentioned most), else — when the mention names a country — an unnamed person such
 * as "Turkish transport minister" (TURGOV).
 * Countries from the words around an actor: a bare apostrophe after -s is a possessive ("the
 * Bahamas' attorney general"); "the country's X" is the state named just before (in its sentence
 * or the two before); a body named after a state's possessive or before "of" and a state ("Chad's
 * National Army", "the Armed Forces of Niger") and a titled person before "of" and a state are that
 * state's; an unnamed official or agent "in/of/for" a body with a country ("a top official in
 * Kenya's main opposition party") takes the body's country, and its agent for a bare post.
 *
 * Agent codes: CAMEO codebook v1.1b3, ch. 4. Person codes come from the role held on the
 * publication date (tenures in data/actors/people.yaml; posts of an IGO take its code), else from
 * the description or the title written before the name.
 */
import type { AnnotatedText, Token } from '../types.js';
import type { ActorType } from '../schema.js';
import { codeOnDate, type DictActor, type DictName } from './dictionary.js';
import { firstWord, foldCase, formMatches, orgAgentOf, type ResolverIndex, type TitleDef } from './lexicon.js';
import { agentFromText, holderName, personBySurname, personCoding } from './lookup.js';
import { nerCandidates, LEADING_ADJECTIVES, type NerCandidates } from './ner.js';
import { isTitleCase } from '../nlp/title-case.js';
import { datelineEnd } from '../nlp/annotate.js';
import { placeKey, type Place } from './places.js';

type NerEntity = NerCandidates['entities'][number];

/** The resolver's lookup tables (built once per dictionary; see lexicon.ts). */
export { buildResolverIndex, type ResolverIndex } from './lexicon.js';

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
  /**
   * Where the actor came from: the dictionary, an agent phrase (a group), a title with no name
   * ("Turkish transport minister"), the NER model, or the capitalised-run rules.
   */
  origin?: 'dictionary' | 'group' | 'title' | 'ner' | 'rule';
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
/** Nouns of a settlement that a place name may be apposed to after a locative ("in the capital Harare", "in the port city Aden"). */
const SETTLEMENT_NOUNS = new Set(['capital', 'city', 'town', 'village', 'port', 'province', 'region', 'district', 'enclave', 'stronghold']);
/**
 * Agent codes of domestic actors, who act in their own state: police, government, opposition,
 * judiciary, legislature, press, civilians, labour, education, business, religion, agriculture,
 * health, crime (CAMEO codebook v1.1b3, ch. 4, domestic agents). Not the military, rebels or
 * unidentified armed forces, who may act abroad. A dateline's country places them (below), and
 * events/ places them where their physical acts are.
 */
export const DOMESTIC_AGENTS: ReadonlySet<string> = new Set(['COP', 'GOV', 'OPP', 'JUD', 'LEG', 'MED', 'CVL', 'LAB', 'EDU', 'BUS', 'REL', 'AGR', 'HLH', 'CRM']);
/**
 * Agents that belong to the place they are named in ("police in Nairobi" are Kenyan police): the
 * domestic ones and a few more. Not the military, refugees, intelligence or international agents:
 * "troops in Syria" or "refugees in Lebanon" may be anyone's.
 */
const LOCAL_AGENTS = new Set([...DOMESTIC_AGENTS, 'ELI', 'REB', 'UAF', 'SEP', 'ENV', 'MOD', 'RAD']);
/**
 * Agents a wire dateline places ("HARARE, Aug. 25 -- Police detained …"): the street-level domestic
 * ones (police, opposition, civilians, courts, crime, labour, schools, health, clergy, farmers).
 * Not lawmakers, diplomats, the press or companies, and no named person or organization: a story
 * filed from Brussels or Beijing is full of foreign ones ("Prime Minister Pedro Sanchez visited
 * Beijing"). A first-time user's test articles showed those going wrong.
 */
const DATELINE_AGENTS = new Set(['COP', 'OPP', 'CVL', 'JUD', 'CRM', 'LAB', 'EDU', 'HLH', 'REL', 'AGR']);
/** Names of a state's own bodies by their kind alone ("Interior Ministry", "the junta", "parliament"), which the story's country places. */
const STATE_BODY = /^(?:the\s+)?(?:[\p{L}-]+\s+){0,3}(?:ministry|government|junta|cabinet|presidency|parliament|legislature)$/iu;
/**
 * Does a wire dateline's country place this unnamed actor (an agent phrase or an unnamed title
 * holder, `name` as written)? A `DATELINE_AGENTS` agent, or "the government" (one, not "governments").
 */
const placedByDateline = (agent: string | null, name: string): boolean =>
  !!agent && (DATELINE_AGENTS.has(agent.slice(0, 3)) || (agent.slice(0, 3) === 'GOV' && /\bgovernment$/i.test(name)));
/** One-word titles a lower-case noun or adjective may qualify ("transport minister", "military spokesman"). */
const NOUN_QUALIFIED_TITLES = new Set(['minister', 'spokesman', 'spokeswoman', 'spokesperson', 'official', 'officials', 'adviser', 'advisor', 'commander', 'envoy', 'negotiator']);
/** Titles of a city's or region's office, which a city's name may precede ("Kyiv Mayor", "Kharkiv Governor"). */
const LOCAL_TITLES = new Set(['mayor', 'governor', 'deputy', 'police', 'prosecutor', 'council']);
/**
 * Titles a gazetteer place (data/actors/places.yaml) may precede to give the holder its state:
 * the local ones, and "leader" for a region's or a breakaway region's own leader ("Transnistrian
 * leader Vadim Krasnoselsky": MDA, the state the region lies in by international usage).
 */
const PLACE_TITLES = new Set([...LOCAL_TITLES, 'leader']);
/** Words of leaving or removal, after which "from" names the place left ("withdrawal of troops from Kazakhstan"). */
const LEAVING = /^(?:withdraw\w*|recall\w*|pull\w*|evacuat\w*|expel\w*|expuls\w*|depart\w*|retreat\w*|exit\w*|leav\w*|left|fle[de]\w*|oust\w*|remov\w*|extradit\w*|deport\w*|return\w*)$/;
/** Head words of diplomatic agents, who serve their state abroad: the place they are "in" is their host's. */
const DIPLOMATIC_AGENTS = /^(?:embass(?:y|ies)|ambassadors?|diplomats?|envoys?|consulates?|missions?|delegations?)$/;
/** Head words of installations (agents.yaml: "military base", "police station"), which belong to the state they stand in. */
const INSTALLATIONS = /^(?:bases?|airbase|posts?|stations?|barracks|checkpoints?|outposts?)$/;
/** Prepositions that name an agent's place: "police in Nairobi", "residents of Gaza". */
const PLACE_OF_AGENT = new Set(['in', 'of', 'from']);
/**
 * Nouns for a state or territory that a name follows after "of" in a descriptive phrase ("the
 * Caribbean nation of Suriname", "the former Portuguese colony of Angola", "the Gulf state of Qatar").
 */
const STATE_NOUNS = new Set(['nation', 'nations', 'country', 'countries', 'state', 'states', 'kingdom', 'republic', 'colony', 'colonies',
  'territory', 'emirate', 'monarchy', 'archipelago', 'island', 'islands', 'enclave', 'exclave']);
/**
 * Past a description of a state before its name, from token j: "small island nation of" in
 * "police in the small island nation of Fiji", "former Portuguese colony of" (at most five
 * modifiers, hyphens included, then a lower-case noun of {@link STATE_NOUNS}, then "of" and a
 * capitalised word of the same sentence): the index of the name, or j when no such description
 * starts there.
 */
export function afterStateDescription(tokens: readonly Token[], j: number): number {
  for (let k = j; k < j + 6 && k < tokens.length && tokens[k].sentence === tokens[j].sentence; k++) {
    const w = tokens[k].text;
    if (STATE_NOUNS.has(w) && tokens[k + 1]?.text === 'of') return tokens[k + 2] && isCap(tokens[k + 2].text) && tokens[k + 2].sentence === tokens[j].sentence ? k + 2 : j;
    if (!/^(?:ADJ|NOUN|PROPN|NUM)$/.test(tokens[k].pos) && w !== '-' && w !== 'former') return j;
  }
  return j;
}
/** Prepositions that place a person or agent in a body ("an official in the party", "a spokesman for the ministry"). */
const BODY_PREPOSITIONS = new Set(['in', 'of', 'for', 'at', 'from', 'within']);
/** Words for someone who holds no more than a post in a body, who takes the body's agent ("official", "member", "spokesman"). */
const GENERIC_MEMBER = /(?:^|\s)(?:officials?|members?|spokes(?:man|men|woman|women|person|people)|leaders?|heads?|chiefs?|representatives?|delegates?|staff|employees?|figures?|executives?|advis[eo]rs?|sources?)$/;
/** Nouns for a state that "the" and a possessive make a reference back to the state named before ("the country's parliament"). */
const COUNTRY_NOUNS = new Set(['country', 'nation', 'kingdom', 'republic', 'emirate']);
/**
 * Prefixes of ships' names: navies' (BRP Philippines, USS United States, HMS/HMAS/HMCS/HMNZS
 * Commonwealth, INS India, RFS Russia, ROKS South Korea, TCG Turkey, KRI Indonesia, PNS Pakistan,
 * JS Japan) and merchant ones (MV motor vessel, MT tanker, SS steamship, FV fishing vessel, RV
 * research vessel).
 */
const SHIP_PREFIX = /^(?:BRP|USS|USNS|HMS|HMAS|HMCS|HMNZS|INS|RFS|ROKS|TCG|KRI|PNS|JS|MV|MT|SS|FV|RV)$/;
/** Names of days and months, which end a place's name ("in the city of Aleppo Monday"). */
const DATE_WORD = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/;
/** Lower-case nouns of an administrative unit written after a place's name ("the Catatumbo region", "Macomia district"). */
const ADMIN_UNITS = new Set(['region', 'province', 'district', 'state', 'county', 'department', 'governorate', 'prefecture', 'municipality', 'township', 'village', 'town']);
/** Whether a name holds a noun as one of its words, case aside ("International Atomic Energy Agency" holds "agency"). */
const nameHolds = (name: string, noun: string): boolean => new RegExp(`(?:^|\\s)${noun}(?:$|\\s)`, 'i').test(name);
/** Two words that introduce a place name ("the town of Goma", "city of Aleppo"). */
const PLACE_LEAD = new Set(['town of', 'city of', 'village of', 'province of', 'region of', 'district of', 'port of', 'outskirts of', 'streets of', 'centre of', 'center of', 'north of', 'south of', 'east of', 'west of']);
/** Lower-case words for a kind of company that a business's name follows ("security firm Ambrey"). */
export const COMPANY_KINDS: ReadonlySet<string> = new Set(['firm', 'company', 'consultancy', 'producer', 'manufacturer', 'carrier', 'insurer', 'operator', 'giant', 'lender',
  'broker', 'contractor', 'startup', 'maker', 'conglomerate', 'miner', 'shipper', 'retailer', 'airline', 'automaker', 'exporter', 'importer']);
/** Words before "group" that make it no business ("militant group", "rights group", "opposition group"). */
const NON_BUSINESS_GROUP = new Set(['militant', 'rebel', 'armed', 'jihadist', 'terrorist', 'extremist', 'insurgent', 'opposition', 'rights', 'advocacy',
  'lobby', 'pressure', 'campaign', 'activist', 'separatist', 'paramilitary', 'islamist', 'criminal', 'hacker', 'hacking', 'ethnic', 'political',
  'civic', 'research', 'environmental', 'militia', 'resistance', 'protest', 'student', 'human', 'parliamentary', 'working', 'contact', 'support',
  'aid', 'humanitarian', 'monitoring', 'watchdog', 'religious', 'youth', 'women', 'veterans', 'victims', 'rival', 'splinter', 'breakaway', 'nationalist']);
/** Words of geography that open ("Strait of …") or end ("… Shoal") the name of a place that is no actor. */
const GEO_WORDS = new Set(['strait', 'straits', 'gulf', 'bay', 'shoal', 'reef', 'reefs', 'channel', 'canal', 'cape', 'lake', 'sea', 'ocean', 'river',
  'peninsula', 'desert', 'mountains', 'mountain', 'valley', 'atoll', 'archipelago', 'sound', 'passage', 'isthmus', 'delta', 'basin', 'plateau', 'highlands']);
/** Auxiliaries that open a yes/no question. */
const QUESTION_OPENERS = new Set(['Did', 'Does', 'Do', 'Is', 'Are', 'Was', 'Were', 'Will', 'Would', 'Can', 'Could', 'Should', 'Has', 'Have', 'Had', 'Shall']);
const NAME_STOP = new Set([
  'The', 'A', 'An', 'But', 'And', 'Or', 'While', 'As', 'After', 'Before', 'During', 'Despite', 'It', 'He', 'She', 'They', 'We', 'I',
  'This', 'That', 'These', 'Those', 'His', 'Her', 'Their', 'Its', 'Our', 'In', 'On', 'At', 'By', 'For', 'From', 'To', 'With', 'Still',
  'Similar', 'If', 'When', 'Where', 'Why', 'How', 'What', 'Who', 'Both', 'Some', 'Many', 'Most', 'All', 'Such', 'Yet', 'So', 'Then',
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Mr', 'Mrs', 'Ms', 'Dr',
  'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten', 'Several', 'Few', 'Dozens', 'Hundreds', 'Thousands',
  // sentence-initial adjectives before a demonym or a title ("Senior Hungarian officials", "Ousted President …")
  ...LEADING_ADJECTIVES,
  // auxiliaries that open a question ("Did China threaten Taiwan?")
  ...QUESTION_OPENERS,
]);
/** Name particles inside a person's name ("Omar Hassan al-Bashir", "Ursula von der Leyen"). */
const PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'ben', 'abu', 'de', 'da', 'di', 'van', 'von', 'der', 'le', 'la', 'del', 'dos', 'das']);
/** Abbreviated titles written before a name ("Sen. Bernie Sanders", "Gov. Chris Christie"): no part of the name. */
const ABBREVIATED_TITLE = /^(?:Sen|Sens|Rep|Reps|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Amb|Pres|Rev|Sec|Atty|Cmdr|Maj|Supt|Insp|Cpl|Pvt)\.$/;
/** Capitalised title words written before a name ("Secretary Clinton", "Senator Cruz"): no part of the name. */
const TITLE_WORD = /^(?:Secretary|Senator|Governor|President|Congressman|Congresswoman|Representative|Judge|Justice|Mayor|Chairman|Chairwoman|Speaker|Ambassador|General|Director|Minister|Premier|Chancellor|Commissioner|Sheriff|Pastor|Reverend|Bishop|Cardinal|Pope|King|Queen|Prince|Princess|Candidate|Nominee|Leader)$/;
/** Honorifics written before a surname ("Mr. Reeves"): never part of a name. */
export const HONORIFIC = /^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Mme|M)\.?$/;
const CONNECTORS = new Set(['of', 'for', 'and', 'the', 'on', 'de', 'du', 'al', 'von', 'van', '&']);
const FAMILY_NAME_FIRST = new Set(['CHN', 'TWN', 'KOR', 'PRK', 'VNM', 'HKG', 'MAC', 'SGP', 'HUN']);
/** Words before a title that make it a past office. */
const FORMER_WORDS = new Set(['former', 'then', 'ex', 'retired']);
/** Modifiers of a title that name a different office ("prime minister" is not "the minister"). */
const DISTINCT_OFFICE = /^(?:prime|vice|deputy|first|acting)\b/;

const isCap = (s: string) => /^\p{Lu}/u.test(s);
const isNameWord = (s: string) => /^\p{Lu}[\p{L}'’.]*$/u.test(s) && !/^\p{Lu}{2,}$/u.test(s);

/** A non-dictionary or dictionary actor candidate found at a token range. */
interface Candidate {
  tokenStart: number;
  tokenEnd: number;
  kind: ActorMention['kind'];
  /** dictionary actor, or null for a non-dictionary actor */
  dict: DictActor | null;
  dictName?: DictName;
  /** grouping key: same key, same actor */
  key: string;
  /** the country came from the story's dateline only (see `placedByDateline`) */
  datelinePlaced?: boolean;
  name: string;
  type: ActorType;
  country: string | null;
  agent: string | null;
  description: string | null;
  /** office (people.yaml title, lower case) of a title written before the name */
  office?: string | null;
  /** IGO whose post a title names ("NATO Secretary-General"), for its code */
  igo?: DictActor | null;
  /** the body whose post the title before the name is ("junta spokesman Zaw Min Tun"): its country when he has none */
  body?: Candidate | null;
  origin: NonNullable<ResolvedActor['origin']>;
}

/** A title before a name, waiting for the name. */
interface PendingTitle {
  text: string;
  agent: string | null;
  country: string | null;
  office: string;
  igo: DictActor | null;
  former: boolean;
  start: number;
  /** first token of the title words */
  titleStart: number;
  /** the body named right before the title ("Taliban spokesman", "junta spokesman"), if any */
  body?: Candidate | null;
}

/** A title used as a mention ("the president"), resolved after the scan. */
interface RoleMention {
  tokenStart: number;
  tokenEnd: number;
  title: TitleDef;
  /** the state or IGO the mention names ("Turkish", "Kazakhstan's", "of NATO") */
  holder: DictActor | null;
  former: boolean;
  /** an unnamed office holder keeps the words as written, without the article */
  nameStart: number;
  /** introduced by "a", "an" or "another" ("a rebel leader"): a new person, never an earlier one */
  indefinite: boolean;
}

/**
 * Marks possessives written as a bare apostrophe after a word ending in -s ("The Bahamas' Attorney
 * General", "the Philippines' foreign minister"; English orthography for a noun ending in -s): in
 * `lower` (the lower-cased token texts, changed in place) such a token becomes "'s", so that every
 * rule reading "'s" reads it too. The apostrophe must be glued to the word, be followed by a space
 * and a word of the same sentence, and not close a single quotation opened earlier in the sentence
 * ("called them 'rebels' and …" has no possessive). One pass over the tokens.
 */
export function markBareApostrophes(tokens: readonly Token[], lower: string[]): void {
  let open = false;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (k > 0 && tokens[k - 1].sentence !== t.sentence) open = false;
    if (t.text !== "'" && t.text !== '’' && t.text !== '‘') continue;
    const prev = tokens[k - 1];
    const next = tokens[k + 1];
    const gluedBefore = !!prev && prev.end === t.start && prev.sentence === t.sentence;
    const gluedAfter = !!next && next.start === t.end && next.sentence === t.sentence;
    // an opening quotation mark: a space (or the sentence start) before, a word glued after
    if (!gluedBefore && gluedAfter) { open = true; continue; }
    if (!gluedBefore || gluedAfter || t.text === '‘') continue;
    if (open) { open = false; continue; }
    if (/^\p{L}[\p{L}.-]*s$/iu.test(prev.text) && next && next.sentence === t.sentence && /^\p{L}/u.test(next.text)) lower[k] = "'s";
  }
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
  const roleMentions: RoleMention[] = [];
  const titledSurnames: Array<{ tok: number; title: PendingTitle }> = [];
  /** one-word people the NER model finds: coreference first, else a person of their own */
  const nerSingles: Array<{ e: NerEntity; title: PendingTitle | null }> = [];
  /** acronyms of programmes ("BRI" after "Belt and Road Initiative"), not actors */
  const nonActorAcronyms = new Set<string>();
  const lower = tokens.map((t) => t.text.toLowerCase());
  /** roles.yaml definite descriptions by their noun ("the agency", "the bloc") */
  const descByNoun = new Map(dict.roles.descriptions.map((d) => [d.noun, d]));
  // a possessive written as a bare apostrophe after -s ("the Bahamas' attorney general", "the
  // Philippines' foreign minister") reads as "'s" everywhere below
  markBareApostrophes(tokens, lower);
  /** each token's bucket key in the index's by-first-word tables */
  const keys = tokens.map((t) => firstWord(t.text));
  const ner = index.ner ? nerCandidates(doc, index) : null;
  /** Title Case sentences (headlines in the text): capitals there name nothing, like a heading's */
  const titleCaseSentence = doc.sentences.map((st) => isTitleCase(tokens, st.tokenStart, st.tokenEnd));
  /** sentences of a heading paragraph or in Title Case: their capitals name nothing */
  const headingSentence = doc.sentences.map((st, s) => doc.article.paragraphs[st.paragraph]?.kind === 'heading' || titleCaseSentence[s]);

  /** the token ending at each character offset, or -1 */
  const tokenEndAt = new Int32Array(text.length + 1).fill(-1);
  tokens.forEach((t, i) => { tokenEndAt[t.end] = i; });
  const sameSentence = (a: number, b: number) => b < tokens.length && tokens[a].sentence === tokens[b].sentence;
  /**
   * Is the name at token i in a phrase of place: right after a locative preposition ("in Harare"),
   * or after one and a noun of settlement that the name is apposed to ("in the capital Harare", "in
   * the Kenyan capital, Nairobi", "near Kenya's port city Mombasa"), with at most four words of
   * qualification (adjectives, demonyms, a possessive) between?
   */
  const locativeBefore = (i: number): boolean => {
    if (i > 0 && LOCATIVE.has(lower[i - 1])) return true;
    let k = i - 1;
    if (lower[k] === ',') k--;
    if (k < 1 || !SETTLEMENT_NOUNS.has(lower[k]) || !sameSentence(k, i)) return false;
    k--;
    if (SETTLEMENT_NOUNS.has(lower[k] ?? '') || lower[k] === 'border' || lower[k] === 'coastal') k--;
    for (let n = 0; n < 4 && k >= 0 && (tokens[k].pos === 'ADJ' || tokens[k].pos === 'PROPN' || /^(?:'s|’s)$/.test(lower[k])) && lower[k] !== 'the'; n++) k--;
    if (lower[k] === 'the') k--;
    return k >= 0 && LOCATIVE.has(lower[k]) && sameSentence(k, i);
  };

  /**
   * Longest dictionary name starting at token i; returns [endToken(exclusive), name]. Memoized per
   * token. A gazetteer place of more words starting there wins: its first words are no actor
   * ("British Columbia", "Santiago de Cuba", "the Niger Delta", "Xi'an").
   */
  const dictMemo: Array<[number, DictName] | null | undefined> = new Array(tokens.length);
  const dictMatch = (i: number): [number, DictName] | null => {
    if (i >= tokens.length) return null;
    let m = dictMemo[i];
    if (m === undefined) {
      m = dictMatchAt(i);
      // (a longer place starting at the same word, or at the next when the name opens with "the":
      // "the West Bank" is no mention of "the West")
      if (m && ((placeAt(i)?.end ?? 0) > m[0] || (lower[i] === 'the' && (placeAt(i + 1)?.end ?? 0) > m[0]))) m = null;
      dictMemo[i] = m;
    }
    return m;
  };
  /** Whether some dictionary name starts at token k and ends at a token boundary (no other test). */
  const anyNameAt = (k: number): boolean => dictMatchAt(k) !== null;
  /**
   * Whether the upper-case name at tokens [i, end) is glued by a hyphen to an upper-case word that
   * names nothing, so that it is a piece of a longer word, no mention: "AU" in "PORT-AU-PRINCE" (a
   * dateline's city). A hyphenated pair of names ("US-EU talks", "NATO-RUSSIA") and a lower-case
   * modifier ("AU-led", "pro-EU") still name the actors.
   */
  const insideUpperWord = (i: number, end: number): boolean => {
    const surface = text.slice(tokens[i].start, tokens[end - 1].end);
    if (!/^\p{Lu}[\p{Lu}.]*$/u.test(surface)) return false;
    const gluedUpper = (h: number, w: number) => h >= 0 && w >= 0 && w < tokens.length && lower[h] === '-' &&
      tokens[Math.min(h, w)].end === tokens[Math.max(h, w)].start && /^\p{Lu}{2,}$/u.test(tokens[w].text) && !anyNameAt(w);
    return (i >= 2 && tokens[i - 1].end === tokens[i].start && gluedUpper(i - 1, i - 2)) ||
      (end + 1 < tokens.length && tokens[end - 1].end === tokens[end].start && gluedUpper(end, end + 1));
  };
  const dictMatchAt = (i: number): [number, DictName] | null => {
    const t = tokens[i];
    const list = index.byFirstWord.get(keys[i]);
    if (!list) return null;
    for (const n of list) {
      // (the token boundary first: it rules out most names without making a string)
      const endTok = tokenEndAt[t.start + n.form.length] ?? -1;
      if (endTok < 0 || tokens[endTok].sentence !== t.sentence) continue;
      if (!formMatches(text.slice(t.start, t.start + n.form.length), n.form)) continue;
      // "Moscow-led": a hyphenated modifier still names the actor; a name inside a longer capitalised word does not
      if (insideUpperWord(i, endTok + 1)) continue;
      // a capital an IGO lists as its metonym stands for the IGO as a party ("Brussels hoped …": the
      // EU, igos.yaml), and for its state's capital as a place ("in Brussels")
      if (n.kind === 'metonym' && !locativeBefore(i)) {
        const igo = list.find((x) => x !== n && x.kind === 'metonym' && x.form === n.form && dict.actors.get(x.actorId)?.type === 'igo');
        if (igo) return [endTok + 1, igo];
      }
      return [endTok + 1, n];
    }
    return null;
  };
  /**
   * Lower-case words matched from token j on; tokens written without a space between them are
   * glued ("secretary", "-", "general" is "secretary-general"). Returns the end token or -1.
   */
  const matchWords = (j: number, words: string[], stripPrefix = false): number => {
    let k = j;
    for (let w = 0; w < words.length; w++) {
      if (k >= tokens.length || !sameSentence(j, k)) return -1;
      const want = words[w];
      let got = w === 0 && stripPrefix ? lower[k].replace(/^(?:then|ex)-/, '') : lower[k];
      let e = k + 1;
      while (got !== want && want.startsWith(got) && e < tokens.length && tokens[e].start === tokens[e - 1].end && sameSentence(j, e)) {
        got += lower[e];
        e++;
      }
      if (got !== want) return -1;
      k = e;
    }
    return k;
  };
  /**
   * The longest title starting at token j (case-insensitive; "then-prime minister" too); from
   * `byFirst`, the titles of roles.yaml unless told (`index.personRolesByFirst`: one-person agents).
   */
  const titleMatch = (j: number, byFirst = index.titlesByFirst): { title: TitleDef; start: number; end: number; former: boolean } | null => {
    if (lower[j] === undefined) return null;
    const former = /^(?:then|ex)-/.test(lower[j]);
    const list = byFirst.get(former ? firstWord(lower[j].replace(/^(?:then|ex)-/, '')) : keys[j]);
    if (!list) return null;
    for (const t of list) {
      const end = matchWords(j, t.words, true);
      if (end > 0) return { title: t, start: j, end, former };
    }
    return null;
  };
  const agentMatch = (i: number): [number, ResolverIndex['agents'][number]] | null => {
    if (lower[i] === undefined) return null;
    const list = index.agentsByFirst.get(keys[i]);
    if (!list) return null;
    for (const a of list) {
      if (a.type === 'person') continue;
      const end = matchWords(i, a.words);
      if (end > 0) return [end, a];
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
      // a plural possessive inside a name: "Georgian Young Lawyers' Association", "Workers' Party"
      if (j > i && /^['’]$/.test(w) && tokens[j].start === tokens[j - 1].end && /s$/.test(tokens[j - 1].text) && j + 1 < tokens.length &&
        sameSentence(i, j + 1) && isCap(tokens[j + 1].text) && index.orgWords.has(tokens[j + 1].text.toLowerCase())) { j++; continue; }
      // a capitalised common noun's possessive inside a name: "Sierra Leone People's Party",
      // "the People's Liberation Army", "National Women's Council" (an organization word within
      // the next four capitalised words; not a state's possessive, "Kenya's National Army")
      if (j > i && lower[j] === "'s" && tokens[j].start === tokens[j - 1].end && tokens[j - 1].pos === 'NOUN' && !dictMatch(j - 1) &&
        j + 1 < tokens.length && sameSentence(i, j + 1) && isCap(tokens[j + 1].text)) {
        let org = false;
        for (let k = j + 1; k < j + 5 && k < tokens.length && isCap(tokens[k].text) && sameSentence(i, k) && !org; k++) org = index.orgWords.has(lower[k]);
        if (org) { j++; continue; }
      }
      // a name particle before a capitalised word: "al-Bashir", "bin Salman"
      if (j > i && PARTICLES.has(w) && j + 1 < tokens.length && sameSentence(i, j + 1)) {
        const k = tokens[j + 1].text === '-' && tokens[j + 1].start === tokens[j].end ? j + 2 : j + 1;
        if (k < tokens.length && isCap(tokens[k].text) && /^\p{Lu}[\p{L}'’]+$/u.test(tokens[k].text) && tokens[k].pos === 'PROPN') { j = k + 1; continue; }
      }
      if (j > i && CONNECTORS.has(w) && j + 1 < tokens.length && isCap(tokens[j + 1].text) && !NAME_STOP.has(tokens[j + 1].text) && sameSentence(i, j + 1)) {
        // connectors only inside organization-like names
        let k = j + 1;
        while (k < tokens.length && isCap(tokens[k].text) && sameSentence(i, k)) k++;
        const words = tokens.slice(i, k).map((t) => t.text.toLowerCase());
        // ("The European Union and Russia": a state or IGO named after "and" is an actor of its own)
        const m = w === 'and' ? dictMatch(j + 1) : null;
        const ownActor = !!m && /^(?:state|igo)$/.test(dict.actors.get(m[1].actorId)?.type ?? '');
        if (!ownActor && words.some((x) => index.orgWords.has(x) || index.nonActorWords.has(x))) { j++; continue; }
      }
      break;
    }
    return j;
  };

  /**
   * The country of the state named last before token `at`, in its sentence or the two before: a
   * state's name, demonym or capital, an agent or organization placed by its own words ("Kenyan
   * police"), or a place of the gazetteer ("in Mombasa"); the antecedent of "the country" in news
   * copy. Null when none. Reads the candidates and places found so far, so it must be called
   * during the scan.
   */
  const antecedentCountry = (at: number): string | null => {
    const floor = tokens[at].sentence - 2;
    let best = -1;
    let country: string | null = null;
    for (let c = cands.length - 1; c >= 0; c--) {
      const x = cands[c];
      if (tokens[x.tokenStart].sentence < floor) break;
      if (x.tokenStart >= at || x.tokenStart <= best || x.type === 'person' || !x.country || x.datelinePlaced) continue;
      if (x.dict && x.dict.type !== 'state') continue;
      best = x.tokenStart;
      country = x.country;
    }
    for (let p = places.length - 1; p >= 0; p--) {
      const x = places[p];
      if (tokens[x.tokenStart].sentence < floor) break;
      if (x.tokenStart < at && x.tokenStart > best && x.country) { best = x.tokenStart; country = x.country; }
    }
    return country;
  };
  /**
   * "the country's", "the small island nation's", "the oil-rich kingdom's" (or, with `bare`, "the
   * country" without a possessive: "the president of the country") with its first word after "the"
   * at token i: the state it refers back to (`antecedentCountry`) and the end token past the
   * possessive; else null. At most three lower-case modifiers before the noun.
   */
  const countryNounAt = (i: number, bare = false): { country: string; end: number } | null => {
    if (lower[i - 1] !== 'the') return null;
    for (let k = i; k < i + 4 && k < tokens.length && sameSentence(i, k); k++) {
      if (COUNTRY_NOUNS.has(lower[k])) {
        const possessive = /^['’]s$/.test(lower[k + 1] ?? '');
        if (!possessive && !(bare && !/^(?:NOUN|PROPN)$/.test(tokens[k + 1]?.pos ?? ''))) return null;
        const country = antecedentCountry(i);
        return country ? { country, end: possessive ? k + 2 : k + 1 } : null;
      }
      // (lower-case modifiers only: a capitalised one may name another state's region, "the
      // Nordic country's foreign minister" after "Spanish")
      if (!(/^(?:ADJ|NOUN)$/.test(tokens[k].pos) && tokens[k].text === lower[k]) && lower[k] !== '-') return null;
    }
    return null;
  };
  /** A country (name or demonym, possibly possessive) at token i: its ISO3 code and end token. */
  const takeCountryPrefix = (i: number): { country: string | null; end: number; text: string } => {
    // ("the country's parliament": the state named just before)
    const back = lower[i - 1] === 'the' ? countryNounAt(i) : null;
    if (back) return { country: back.country, end: back.end, text: text.slice(tokens[i].start, tokens[back.end - 1].end) };
    const m = dictMatch(i);
    // (a gazetteer place before an agent word gives its state: "the Alberta government", "British
    // Columbia police")
    const place = index.places.maxWords && isCap(tokens[i]?.text ?? '') ? placeAt(i) : null;
    if (place && place.place.country && !m) {
      let end = place.end;
      if (lower[end] === "'s" || lower[end] === '’s') end++;
      if (agentMatch(end)) return { country: place.place.country, end, text: text.slice(tokens[i].start, tokens[end - 1].end) };
    }
    if (m && (m[1].kind === 'demonym' || (m[1].kind === 'name' && dict.actors.get(m[1].actorId)?.type === 'state'))) {
      const actor = dict.actors.get(m[1].actorId)!;
      let end = m[0];
      if (lower[end] === "'s" || lower[end] === '’s') end++;
      return { country: actor.country, end, text: text.slice(tokens[i].start, tokens[end - 1].end) };
    }
    return { country: null, end: i, text: '' };
  };
  /**
   * The body a definite description at token k refers back to during the scan ("the agency" in
   * "the agency's Director General Rafael Grossi" after "the International Atomic Energy Agency"):
   * the last candidate of a kind roles.yaml `descriptions` allows for the noun (and, when listed,
   * holding one of its code parts), named in the six sentences before, one whose name holds the
   * noun first; else null. The same rule as
   * the definite descriptions resolved after the scan, read early so that a title after the
   * description's possessive serves that body.
   */
  const describedBody = (k: number): Candidate | null => {
    const d = descByNoun.get(lower[k]);
    if (!d || tokens[k].pos !== 'NOUN' || isCap(tokens[k].text)) return null;
    const floor = tokens[k].sentence - 6;
    let last: Candidate | null = null;
    for (let c = cands.length - 1; c >= 0; c--) {
      const x = cands[c];
      if (tokens[x.tokenStart].sentence < floor) break;
      if (x.tokenEnd > k) continue;
      const code = x.dict?.code ?? `${x.country ?? ''}${x.agent ?? ''}`;
      if (!d.refers.includes(x.type as 'igo' | 'organization' | 'ngo') || (d.codes.length && !d.codes.some((p) => code.includes(p)))) continue;
      if (nameHolds(x.dict?.name ?? x.name, d.noun)) return x;
      last ??= x;
    }
    return last;
  };
  /**
   * The country of a leader named right before a government word ("the Trump administration",
   * "Kim Jong Un's regime", "the Orban government"): the person candidate ending at token `at`
   * (or before its possessive "'s"), when it has a country; else null. Reads `cands`, so it must be
   * called during the scan.
   */
  const leaderCountry = (at: number): string | null => {
    const end = at > 0 && /^(?:'s|’s)$/.test(lower[at - 1]) ? at - 1 : at;
    const prev = cands[cands.length - 1];
    return prev && prev.tokenEnd === end && prev.type === 'person' && prev.country && sameSentence(prev.tokenStart, at) ? prev.country : null;
  };
  /**
   * The country of the owner of an agent after a possessive pronoun, from the candidates found so
   * far in its sentence (`cands`, so it must be called during the scan): after "its" or "their"
   * ("Turkey said its troops …", "announced the withdrawal of its troops"), the nearest state named
   * before it, the antecedent these most often have in news copy, unless a body comes nearer: a
   * body with a country of its own gives it ("the ELN released all its hostages" after "… Cuba,
   * Norway and Mexico": the ELN's, not Mexico's), an IGO gives none ("the UN said its
   * peacekeepers"); after "his" or "her", the nearest person named before it, the subject whose
   * state the pronoun's noun belongs to ("President Nicolas Maduro said his government …": VEN),
   * or a title used as a mention nearer still ("the Turkish president said his army"). Null when
   * there is none or it has no country.
   */
  const ownerCountry = (at: number): string | null => {
    if (at === 0 || !sameSentence(at - 1, at)) return null;
    const personal = lower[at - 1] === 'his' || lower[at - 1] === 'her';
    if (!personal && !/^(?:its|their)$/.test(lower[at - 1])) return null;
    const rm = personal ? roleMentions[roleMentions.length - 1] : undefined;
    const role = rm && rm.tokenEnd <= at && sameSentence(rm.tokenStart, at) ? rm : undefined;
    for (let c = cands.length - 1; c >= 0; c--) {
      const prev = cands[c];
      if (prev.tokenEnd > at || !sameSentence(prev.tokenStart, at)) break;
      if (personal) {
        if (role && role.tokenStart > prev.tokenStart) break;
        if (prev.type === 'person') return prev.country;
        continue;
      }
      if (prev.type === 'state' && prev.country) return prev.country;
      if (prev.type === 'igo') return null;
      if ((prev.type === 'organization' || prev.type === 'group') && prev.country && !prev.datelinePlaced && prev.kind !== 'demonym') return prev.country;
    }
    return role?.holder?.type === 'state' ? role.holder.country : null;
  };
  /**
   * Past a description of a state before its name from token j (`afterStateDescription`: "the
   * Pacific island nation of Palau"), or a capitalised "Republic of", "Kingdom of" that the
   * dictionary does not list with the name ("the Republic of Uruguay"): the index of the name; j
   * when a dictionary name starts at j or no description does.
   */
  const pastStateDescription = (j: number): number => {
    if (j >= tokens.length || dictMatch(j)) return j;
    const k = afterStateDescription(tokens, j);
    if (k !== j) return k;
    return /^(?:Republic|Kingdom|Federation|Commonwealth|Principality|Sultanate|Emirate|State)$/.test(tokens[j].text) && lower[j + 1] === 'of' &&
      isCap(tokens[j + 2]?.text ?? '') && sameSentence(j, j + 2) ? j + 2 : j;
  };
  /**
   * The country of a state, capital or gazetteer place named right after an agent noun: by "from"
   * for any agent ("troops, mostly from Russia", "refugees from Syria"), by "in" or "of" too for a
   * `local` agent ("police in Nairobi", "residents of Gaza"): ISO3 or null. The place phrase itself
   * is left to the scan (it stays a mention or a place of its own).
   */
  const countryOfPlaceAfter = (end: number, local: boolean): string | null => {
    // ", predominantly from Russia": a comma and an adverb may come between
    let p = end;
    if (lower[p] === ',' && tokens[p + 1]?.pos === 'ADV' && lower[p + 2] === 'from') p += 2;
    // "from" gives an origin, except after a verb of movement, whose own "from" phrase it is
    // ("withdrew peacekeepers from Rwanda")
    let origin = lower[p] === 'from';
    // (nor after a noun of leaving: "the withdrawal of CSTO troops from Kazakhstan")
    for (let k = end - 1; origin && k >= Math.max(0, end - 6) && sameSentence(k, end); k--) if (tokens[k].pos === 'VERB' || LEAVING.test(lower[k])) origin = false;
    // ("of" and a state's name give the owner of any agent: "the armed forces of Gabon", "the
    // embassy of Uruguay"; a place after "of" only a local agent's: "residents of Gaza")
    const owner = !origin && !local && lower[p] === 'of';
    if (!(origin || owner || (local && PLACE_OF_AGENT.has(lower[p] ?? '')))) return null;
    end = p;
    let j = end + 1;
    if (lower[j] === 'the') j++;
    j = pastStateDescription(j);
    if (j >= tokens.length || !sameSentence(end, j) || !isCap(tokens[j].text)) return null;
    const m = dictMatch(j);
    const place = placeAt(j);
    if (m) {
      const a = dict.actors.get(m[1].actorId);
      // a state's name or capital, not a demonym ("police of Russian origin") or an organization
      return a && a.type === 'state' && m[1].kind !== 'demonym' && !(lower[m[0]] === "'s" || lower[m[0]] === '’s') ? a.country : null;
    }
    return owner ? null : place?.place.country ?? null;
  };
  /**
   * The longest gazetteer place (data/actors/places.yaml) starting at token j within j's sentence:
   * its end token and entry, or null.
   */
  const placeAt = (j: number): { end: number; place: Place } | null => {
    if (!index.places.firstWords.has(lower[j] ?? '')) return null;
    for (let n = Math.min(index.places.maxWords, tokens.length - j); n >= 1; n--) {
      if (!sameSentence(j, j + n - 1)) continue;
      const place = index.places.byForm.get(lower.slice(j, j + n).join(' '));
      if (place) return { end: j + n, place };
    }
    return null;
  };
  /**
   * The state a sentence places a place the gazetteer does not list at tokens [a, b) in: a state
   * whose possessive comes before it, with at most two lower-case words between ("in Mozambique's
   * northern Macomia district"); a state's name after a comma ("Macomia, Mozambique"); or, after
   * "in" (and a lower-case noun of an administrative unit), a state or a gazetteer place ("the town
   * of Macomia in Mozambique's Cabo Delgado province"). ISO3 or null.
   */
  const placeStateAround = (a: number, b: number): string | null => {
    let k = a - 1;
    while (k > a - 3 && k >= 0 && tokens[k].text === lower[k] && /^(?:ADJ|NOUN)$/.test(tokens[k].pos)) k--;
    if (k > 0 && /^['’]s$/.test(lower[k])) {
      const c = cands[cands.length - 1];
      if (c && c.tokenEnd === k && c.type === 'state' && sameSentence(k, a)) return c.country;
    }
    let j = b;
    if (ADMIN_UNITS.has(tokens[j]?.text ?? '')) j++;
    if (j >= tokens.length || !sameSentence(a, j)) return null;
    const comma = lower[j] === ',';
    if (!comma && lower[j] !== 'in') return null;
    j++;
    if (!comma && lower[j] === 'the') j++;
    if (j >= tokens.length || !sameSentence(a, j) || !isCap(tokens[j].text)) return null;
    const m = dictMatch(j);
    const state = m && m[1].kind === 'name' ? dict.actors.get(m[1].actorId) : undefined;
    if (state?.type === 'state') return state.country;
    return comma ? null : placeAt(j)?.place.country ?? null;
  };
  /** Whether a local office's title (mayor, governor) starts at token i ("Kyiv Mayor …"). */
  const localTitleAt = (i: number): boolean => LOCAL_TITLES.has(lower[i] ?? '');
  /**
   * A gazetteer place before a local office's title ("Odesa Mayor Gennady Trukhanov", "Kharkiv
   * Governor …") or after one (`afterLocalTitle`: "the governor of Kharkiv"): the place's state as
   * the holder, or null.
   */
  const localHolder = (i: number, afterLocalTitle = false): { actor: DictActor; end: number; possessive: boolean } | null => {
    if (!isCap(tokens[i].text)) return null;
    if (!afterLocalTitle) {
      // cheap test first: a local title must follow within the place's length
      let title = false;
      for (let k = i + 1; k <= i + index.places.maxWords + 1 && k < tokens.length && !title; k++) title = PLACE_TITLES.has(lower[k]);
      if (!title) return null;
    }
    const hit = placeAt(i);
    if (!hit || hit.end >= tokens.length || !sameSentence(i, hit.end)) return null;
    const possessive = lower[hit.end] === "'s" || lower[hit.end] === '’s';
    const end = possessive ? hit.end + 1 : hit.end;
    const state = hit.place.country ? dict.actors.get(hit.place.country) : undefined;
    return state && (afterLocalTitle ? !possessive : PLACE_TITLES.has(lower[end] ?? '')) ? { actor: state, end, possessive } : null;
  };
  /** A state or an IGO named at token i (not as a metonym), possibly possessive: the actor and end token. */
  const holderPrefix = (i: number, afterLocalTitle = false): { actor: DictActor; end: number; possessive: boolean } | null => {
    if (i >= tokens.length) return null;
    // ("the country's foreign minister": the state named just before)
    const back = countryNounAt(i);
    const backActor = back ? dict.actors.get(back.country) : undefined;
    if (back && backActor) return { actor: backActor, end: back.end, possessive: true };
    const m = dictMatch(i);
    if (!m || (m[1].kind === 'metonym' && !localTitleAt(m[0]) && !afterLocalTitle)) return localHolder(i, afterLocalTitle);
    const actor = dict.actors.get(m[1].actorId)!;
    if (actor.type !== 'state' && actor.type !== 'igo') return null;
    let end = m[0];
    const possessive = lower[end] === "'s" || lower[end] === '’s';
    if (possessive) end++;
    return { actor, end, possessive };
  };
  /**
   * A title phrase at token i: [the] [state|IGO ['s]] [former|then] [noun] title [of [the] state|IGO].
   * A noun before the title only for "minister" ("the Turkish transport minister").
   */
  const rolePhrase = (i: number) => {
    let j = i;
    const det = lower[j] === 'the';
    const indefinite = !det && /^(?:a|an|another)$/.test(lower[j] ?? '');
    if (det || indefinite) j++;
    const pre = holderPrefix(j);
    if (pre) j = pre.end;
    let former = false;
    if (FORMER_WORDS.has(lower[j] ?? '') && lower[j + 1] !== '-') { former = true; j++; }
    // a one-person agent is a role only with an article or a holder ("a rebel leader", "the
    // gunman", "a Kenyan soldier"): a bare "soldier" may be an adjective or a name's word
    let tm = titleMatch(j) ?? (det || indefinite || pre ? titleMatch(j, index.personRolesByFirst) : null);
    // a lower-case qualifier, or a capitalised one before a capitalised title ("Commerce Minister")
    if (!tm && j + 1 < tokens.length && (tokens[j].pos === 'NOUN' || tokens[j].pos === 'ADJ' || tokens[j].pos === 'PROPN') &&
      (/^\p{Ll}+$/u.test(tokens[j].text) ? tokens[j].pos !== 'PROPN' : /^\p{Lu}\p{Ll}+$/u.test(tokens[j].text) && /^\p{Lu}/u.test(tokens[j + 1].text))) {
      const t2 = titleMatch(j + 1);
      // ("the Turkish transport minister", "Israeli military spokesman …", "a senior defence official")
      if (t2 && t2.title.words.length === 1 && NOUN_QUALIFIED_TITLES.has(t2.title.words[0])) tm = t2;
    }
    // an article, then adjectives, then a one-person role ("a female rebel commander", "the veteran
    // opposition leader"): the adjectives describe the person
    if (!tm && (det || indefinite)) {
      let a = j;
      while (a < j + 2 && tokens[a]?.pos === 'ADJ' && /^\p{Ll}+$/u.test(tokens[a].text)) a++;
      if (a > j) tm = titleMatch(a) ?? titleMatch(a, index.personRolesByFirst);
    }
    if (!tm || !sameSentence(i, tm.end - 1)) return null;
    let end = tm.end;
    let holder = pre?.actor ?? null;
    if (!pre && lower[end] === 'of') {
      // (a description of the state may come before its name: "the president of the Pacific
      // island nation of Palau"; or the state is "the country" named just before)
      const at = lower[end + 1] === 'the' ? end + 2 : end + 1;
      const h = holderPrefix(lower[end + 1] === 'the' ? pastStateDescription(at) : at, LOCAL_TITLES.has(lower[end - 1]));
      const back = !h ? countryNounAt(at, true) : null;
      if (h && !h.possessive && sameSentence(i, h.end - 1)) { holder = h.actor; end = h.end; }
      else if (back && dict.actors.get(back.country)) { holder = dict.actors.get(back.country)!; end = back.end; }
    }
    return { det, indefinite, pre, holder, former: former || tm.former, title: tm.title, titleStart: tm.start, titleEnd: tm.end, end, prefixStart: det || indefinite ? i + 1 : i };
  };

  let i = 0;
  let pendingTitle: PendingTitle | null = null;
  // a wire dateline, a sentence of its own (nlp/annotate.ts `datelineEnd`), names the place of
  // filing and the agency, no party to the story ("BAKU, May 14 (Reuters) --")
  const datelineSentence = doc.sentences.map((s, n) => {
    if (n > 0 && doc.sentences[n - 1].paragraph === s.paragraph) return false;
    const next = doc.sentences[n + 1];
    if (!next || next.paragraph !== s.paragraph) return false;
    // the dateline and the lead's first word, as the annotator split them
    const idx = Array.from({ length: s.tokenEnd - s.tokenStart + 1 }, (_, k) => s.tokenStart + k);
    return datelineEnd(tokens, idx) === idx.length - 1;
  });
  /**
   * For each sentence, the token where a dateline left at the start of a paragraph's first sentence
   * ends, or -1: one whose city is a hyphenated word ("PORT-AU-PRINCE, Haiti (Wire) -- Gunmen …"),
   * which the annotator does not split off because it reads the city's hyphen as the dateline's
   * dash. The city's hyphens and pieces are left out before `datelineEnd` reads the tokens.
   */
  const datelineUntil = doc.sentences.map((s, n) => {
    if (datelineSentence[n]) return s.tokenEnd;
    if ((n > 0 && doc.sentences[n - 1].paragraph === s.paragraph) || !tokens.slice(s.tokenStart, s.tokenStart + 3).some((x) => x.text === '-')) return -1;
    const idx: number[] = [];
    const innerHyphen = (k: number) => lower[k] === '-' && k > s.tokenStart && k + 1 < s.tokenEnd && tokens[k - 1].end === tokens[k].start && tokens[k].end === tokens[k + 1].start;
    for (let k = s.tokenStart; k < s.tokenEnd; k++) if (!innerHyphen(k) && !innerHyphen(k - 1)) idx.push(k);
    const e = datelineEnd(tokens, idx);
    return e > 0 ? idx[e] : -1;
  });
  // the country of the first dateline's place (its capital or a gazetteer place), or null
  let datelineCountry: string | null = null;
  const firstDateline = datelineUntil.findIndex((e) => e >= 0);
  if (firstDateline >= 0) {
    // the place is the capitalised words before the first comma, parenthesis or dash ("NEW YORK",
    // "PORT-AU-PRINCE")
    const ds = doc.sentences[firstDateline];
    let e = ds.tokenStart;
    while (e < ds.tokenEnd && (/^\p{Lu}/u.test(tokens[e].text) || (lower[e] === '-' && tokens[e - 1].end === tokens[e].start && tokens[e + 1]?.start === tokens[e].end)) && !/^[,(]$/.test(tokens[e].text)) e++;
    const place = text.slice(tokens[ds.tokenStart].start, tokens[Math.max(ds.tokenStart, e - 1)].end);
    const hit = (index.byFolded.get(foldCase(place)) ?? []).map((n) => dict.actors.get(n.actorId)).find((a) => a?.type === 'state');
    datelineCountry = hit?.country ?? index.places.byForm.get(placeKey(place))?.country ?? null;
  }
  while (i < tokens.length) {
    const t = tokens[i];
    if (i < datelineUntil[t.sentence]) { i++; continue; }
    // agent phrase, possibly after a country prefix: "Kazakh security forces", "the Chinese government"
    const pre = takeCountryPrefix(i);
    // coordinated countries sharing one agent: "Hungarian and Romanian officials", "the Russian and
    // Chinese governments": the first country gets the agent too (the second is the next mention)
    if (pre.end > i && lower[pre.end] === 'and' && !/['’]s$/.test(pre.text)) {
      const pre2 = takeCountryPrefix(pre.end + 1);
      const ag2 = pre2.end > pre.end + 1 && pre2.country ? agentMatch(pre2.end) : null;
      if (ag2 && pre.country && (ag2[1].words.length > 1 || tokens[ag2[0] - 1].pos === 'NOUN' || tokens[ag2[0] - 1].pos === 'PROPN')) {
        const a = ag2[1];
        cands.push({
          tokenStart: i, tokenEnd: pre.end, kind: 'group', dict: null,
          key: `group:${pre.country}:${a.agent}:${a.words.join(' ')}`, name: `${pre.text} ${text.slice(tokens[pre2.end].start, tokens[ag2[0] - 1].end)}`,
          type: a.type === 'organization' ? 'organization' : 'group', country: pre.country, agent: a.agent, description: null, origin: 'group',
        });
        i = pre.end + 1;
        pendingTitle = null;
        continue;
      }
    }
    let ag = agentMatch(pre.end);
    // (one or two lower-case adjectives may qualify the agent after its country: "France's
    // conservative government", "the Ethiopian central government", "Vietnamese communist authorities")
    // (after a possessive, also a participle or a noun the tagger calls so, and up to three words:
    // "Paraguay's governing congress", "Saudi Arabia's ultraconservative clergy", "France's top human
    // rights court"; not after a bare name, whose next word may be a verb: "Ukraine swapped prisoners")
    if (!ag && pre.end > i && pre.country) {
      const possessive = lower[pre.end - 1] === "'s" || lower[pre.end - 1] === '’s';
      for (let j = pre.end; j < pre.end + (possessive ? 3 : 2) && tokens[j] && tokens[j].text === lower[j] && /^\p{Ll}/u.test(lower[j]) && sameSentence(pre.end - 1, j) &&
        (tokens[j].pos === 'ADJ' || (possessive && (tokens[j].pos === 'NOUN' || (tokens[j].pos === 'VERB' && /(?:ing|ed)$/.test(lower[j]))))); j++) {
        const qualified = agentMatch(j + 1);
        if (qualified && sameSentence(j + 1, qualified[0] - 1)) { ag = qualified; break; }
      }
    }
    // a one-word agent ("military") must be a noun here, not an adjective ("military alliance");
    // bare "forces" only after a country or a word that is no noun ("market forces" are none) or
    // possessive pronoun ("its forces" are its owner's, events/ finds the owner)
    // ("when rebels attacked": wink tags a plural agent noun before a verb as a verb, "rebels"; and
    // an agent word that ends its phrase after a determiner or adjective as an adjective: "The
    // military said", "the Malian military's statement")
    const agentNoun = (e: number) => tokens[e].pos === 'NOUN' || tokens[e].pos === 'PROPN' ||
      (tokens[e].pos === 'VERB' && /s$/.test(lower[e]) && (tokens[e + 1]?.pos === 'VERB' || tokens[e + 1]?.pos === 'AUX') && sameSentence(e, e + 1)) ||
      (tokens[e].pos === 'ADJ' && /^(?:DET|ADJ|PROPN)$/.test(tokens[e - 1]?.pos ?? '') &&
        !(/^(?:NOUN|PROPN|ADJ|NUM)$/.test(tokens[e + 1]?.pos ?? '') && sameSentence(e, e + 1)));
    // a one-word agent used as an adjective before an agent noun ("Mali's military government",
    // "Russian military officials"): the noun is the head, and the phrase keeps its country
    if (ag && ag[1].words.length === 1 && !agentNoun(ag[0] - 1)) {
      const head = agentMatch(ag[0]);
      if (head && sameSentence(ag[0] - 1, head[0] - 1) && (head[1].words.length > 1 || agentNoun(head[0] - 1))) ag = head;
    }
    // an agent phrase that is also a title before a name ("Opposition leader Raila Odinga") is the title
    const rp0 = ag ? rolePhrase(i) : null;
    const titleBeforeName = !!rp0 && rp0.end > ag![0] - 1 && rp0.end < tokens.length && sameSentence(i, rp0.end) && tokens[rp0.end].pos === 'PROPN' && isCap(tokens[rp0.end].text) && !rp0.det;
    // an agent word opening a capitalised organization name ("Citizens Coalition for Change",
    // "Media Institute of Southern Africa") is part of that name
    const inOrgName = !!ag && pre.end === i && isCap(tokens[i].text) && (() => {
      const r = capRun(i);
      return r > ag[0] && tokens.slice(ag[0], r).some((x) => index.orgWords.has(x.text.toLowerCase()));
    })();
    // (so is one opening a longer dictionary name: "Doctors Without Borders")
    const inDictName = !!ag && pre.end === i && (dictMatch(i)?.[0] ?? 0) > ag[0];
    // ("social media" is where something is posted, not the press)
    const channel = !!ag && pre.end === i && i > 0 && lower[i - 1] === 'social' && ag[1].words[0] === 'media';
    if (ag && !channel && !titleBeforeName && !inOrgName && !inDictName && (ag[1].words.length > 1 || agentNoun(ag[0] - 1)) &&
      !(ag[1].words.length === 1 && ag[1].words[0] === 'forces' && pre.end === i && i > 0 && (tokens[i - 1].pos === 'NOUN' || tokens[i - 1].pos === 'PRON') && sameSentence(i - 1, i))) {
      let [end, a] = ag;
      // an agent noun modifying another ("Syrian government warplanes", "opposition activists"): the
      // last one is the head, the actor
      for (let n = 0; n < 2; n++) {
        const head = agentMatch(end);
        if (!head || !sameSentence(end - 1, head[0] - 1) || !agentNoun(head[0] - 1) || head[1].type === 'person') break;
        [end, a] = head;
      }
      // an agent noun right after an armed group's name ("Hamas fighters", "Houthi rebels") is
      // that group, one mention with its name
      const prev = cands[cands.length - 1];
      if (pre.end === i && prev && prev.tokenEnd === i && prev.dict?.type === 'group' && sameSentence(i - 1, i)) {
        prev.tokenEnd = end;
        i = end;
        pendingTitle = null;
        continue;
      }
      const mentionStart = pre.end > i ? i : pre.end;
      const name = text.slice(tokens[mentionStart].start, tokens[end - 1].end);
      // (an embassy or envoy "in Kabul" is another state's, there)
      // (so is an installation, whatever its agent: "a military base in Rakhine state" is one of the
      // state it stands in, when no owner is named before it)
      const local = (LOCAL_AGENTS.has(a.agent.slice(0, 3)) && !DIPLOMATIC_AGENTS.test(a.words[a.words.length - 1])) || INSTALLATIONS.test(a.words[a.words.length - 1]);
      const own = pre.country ?? countryOfPlaceAfter(end, local) ?? ownerCountry(mentionStart) ?? (a.agent.startsWith('GOV') ? leaderCountry(mentionStart) : null);
      // (the dateline's country here already, so that "Police" and "Zimbabwean police" are one actor)
      const country = own ?? (placedByDateline(a.agent, name) ? datelineCountry : null);
      cands.push({
        tokenStart: mentionStart, tokenEnd: end, kind: 'group', dict: null,
        key: `group:${country ?? ''}:${a.agent}:${a.words.join(' ')}`, name, type: a.type === 'organization' ? 'organization' : 'group',
        country, agent: a.agent, description: null, origin: 'group', datelinePlaced: !own && !!country,
      });
      i = end;
      pendingTitle = null;
      continue;
    }
    // a US party-and-state label after a name ("Sen. Roy Blunt (R-Mo.)", "(D-Calif.)") names no actor
    if (lower[i - 1] === '(' && /^[RDI]$/.test(t.text) && lower[i + 1] === '-' && isCap(tokens[i + 2]?.text ?? '')) {
      let close = i + 2;
      while (close < Math.min(tokens.length, i + 6) && lower[close] !== ')') close++;
      if (lower[close] === ')') { i = close + 1; pendingTitle = null; continue; }
    }
    // honorifics ("Mr.", "Mrs", "Dr.") are not part of a name: "Mr. Reeves" is a surname mention
    if (HONORIFIC.test(t.text) && i + 1 < tokens.length && isCap(tokens[i + (lower[i + 1] === '.' ? 2 : 1)]?.text ?? '')) {
      i += lower[i + 1] === '.' ? 2 : 1;
      continue;
    }
    // titles: before a name ("Chinese Foreign Minister Wang Yi"), or a mention ("the president")
    let rp = rolePhrase(i);
    // a capitalised name with an organization keyword is the organization ("U.N. General Assembly")
    if (rp && isCap(t.text) && !rp.det) {
      const r = capRun(i);
      if (r > rp.titleEnd && tokens.slice(rp.titleEnd, r).some((x) => index.orgWords.has(x.text.toLowerCase()) || index.nonActorWords.has(x.text.toLowerCase()))) rp = null;
    }
    if (rp) {
      const next = tokens[rp.end];
      const beforeName = next && sameSentence(i, rp.end) && isCap(next.text) && next.pos === 'PROPN' && !NAME_STOP.has(next.text);
      if (beforeName && (rp.det || rp.indefinite)) { i++; continue; }
      // a capitalised title set off by a comma before the name ("Bahraini Prime Minister, Prince
      // Khalifa, …", "The Grand Mufti of Egypt, Sheikh Shawki Allam, …") is that name's title too
      const after1 = tokens[rp.end + 1];
      const apposedName = !beforeName && lower[rp.end] === ',' && isCap(tokens[rp.titleStart].text) && !!after1 && sameSentence(i, rp.end + 1) &&
        isCap(after1.text) && after1.pos === 'PROPN' && !NAME_STOP.has(after1.text) && lower[i - 1] !== ',';
      if (beforeName || apposedName) {
        // the state named before the title is a mention of its own; a city before a local office
        // ("Kyiv Mayor …", "Odesa Mayor …") names the office's place, not the government
        const m0 = rp.pre ? dictMatch(i) : null;
        if (m0 && m0[1].kind !== 'metonym') pushDict(i, m0);
        const igo = rp.holder?.type === 'igo' ? rp.holder : null;
        // a title right after an organization or a state's metonym of its own ("Iran's Foreign
        // Ministry spokesman …", "Kremlin spokesman …"): the holder serves that body's state
        // (or an armed group or a body named by its kind, "Taliban spokesman …", "junta spokesman
        // …": the body's country, also when the story's country gives it only later, `body`)
        // (or a definite description's possessive, "the agency's Director General Rafael Grossi":
        // the body it refers back to, `describedBody`)
        const prev = cands[cands.length - 1];
        const bodyPrev = !rp.holder && !rp.det && prev && prev.tokenEnd === i && (prev.type === 'organization' || prev.type === 'group' || prev.kind === 'metonym') ? prev : null;
        const described = !rp.holder && !rp.det && !bodyPrev && i >= 3 && /^['’]s$/.test(lower[i - 1]) && lower[i - 3] === 'the' ? describedBody(i - 2) : null;
        const body = bodyPrev ?? (described?.type === 'igo' ? null : described);
        pendingTitle = {
          text: text.slice(tokens[i].start, tokens[rp.end - 1].end), agent: rp.former ? 'ELI' : rp.title.agent,
          country: rp.holder?.type === 'state' ? rp.holder.country : body?.country ?? null, office: rp.title.office,
          igo: igo ?? (described?.type === 'igo' ? described.dict : null), former: rp.former, start: i, titleStart: rp.titleStart, body,
        };
        i = apposedName ? rp.end + 1 : rp.end;
        continue;
      }
      // "the president, Qasym-Zhomart Toqaev," names the person next; "X, the president," describes X
      // (after a lower-case title's complement too: "Russia's envoy to the IAEA, Mikhail Ulyanov,";
      // the description is then read from the text before the name, see the appositions below)
      let comma = rp.end;
      if (/^(?:to|at|in|for|of)$/.test(lower[comma] ?? '') && tokens.slice(rp.titleStart, rp.end).every((x) => !isCap(x.text))) {
        let c = comma + 1;
        if (lower[c] === 'the') c++;
        const capStart = c;
        while (c < capStart + 5 && isCap(tokens[c]?.text ?? '') && sameSentence(i, c)) c++;
        if (c > capStart && lower[c] === ',') comma = c;
      }
      const apposNext = lower[comma] === ',' && isCap(tokens[comma + 1]?.text ?? '') && tokens[comma + 1]?.pos === 'PROPN';
      const last = cands[cands.length - 1];
      const apposPrev = lower[i - 1] === ',' && last && last.type === 'person' && last.tokenEnd === i - 1;
      // the title is the head noun, not a modifier ("Israel's general election")
      const head = tokens[rp.titleEnd - 1];
      const after = tokens[rp.end];
      const isHead = head.pos !== 'VERB' &&
        !(after && sameSentence(i, rp.end) && /^(?:NOUN|PROPN|ADJ|NUM)$/.test(after.pos) && !/^['’]s$/.test(lower[rp.end]));
      if (!beforeName && isHead && (rp.det || rp.indefinite || rp.pre) && rp.title.agent && !apposNext && !apposPrev) {
        roleMentions.push({ tokenStart: i, tokenEnd: rp.end, title: rp.title, holder: rp.holder, former: rp.former, nameStart: rp.prefixStart, indefinite: rp.indefinite });
        i = rp.end;
        pendingTitle = null;
        continue;
      }
    }
    // a ship's name after its navy's or its trade's prefix ("the grounded BRP Sierra Madre", "USS
    // Carl Vinson", "MV Galaxy Leader"): a vessel, no actor (what a ship does is done by its
    // navy or owner, named apart)
    if (SHIP_PREFIX.test(t.text) && i + 1 < tokens.length && sameSentence(i, i + 1) && isNameWord(tokens[i + 1].text)) {
      i = Math.max(capRun(i), i + 2);
      pendingTitle = null;
      continue;
    }
    let dm = dictMatch(i);
    // a gazetteer place after a preposition of place ("in Kharkiv", "near Bakhmut", "the town of
    // Goma"), or elsewhere when the place is the whole capitalised run ("shelled Kharkiv", "Mariupol
    // fell"): a place, not an actor, unless the dictionary names an actor there (in as many words:
    // `dictMatch` yields to a longer place, "British Columbia" is no mention of the British)
    if (index.places.maxWords && isCap(tokens[i].text) && !dm && !NAME_STOP.has(tokens[i].text)) {
      const hit = placeAt(i);
      const placeContext = i > 0 && (locativeBefore(i) || PLACE_LEAD.has(`${lower[i - 2] ?? ''} ${lower[i - 1]}`));
      if (hit && (placeContext || capRun(i) === hit.end)) {
        places.push({ name: text.slice(tokens[i].start, tokens[hit.end - 1].end), country: hit.place.country, tokenStart: i, tokenEnd: hit.end });
        i = hit.end;
        continue;
      }
    }
    // a people named by its plural demonym ("Americans said", "Ukrainians fled"): the state's
    // civilians, a group (CAMEO CVL), unless the word modifies a noun
    const people = !dm ? index.demonymPlurals.get(tokens[i].text) : undefined;
    if (people && !(/^(?:NOUN|PROPN)$/.test(tokens[i + 1]?.pos ?? '') && sameSentence(i, i + 1))) {
      cands.push({ tokenStart: i, tokenEnd: i + 1, kind: 'group', dict: null, key: `group:${people}:CVL:people`, name: tokens[i].text, type: 'group', country: people, agent: 'CVL', description: null, origin: 'group' });
      pendingTitle = null;
      i++;
      continue;
    }
    // a place the gazetteer does not list: a capitalised run after "the town of", "the port of" …
    // ("near the northern town of Zubin Potok", "the village of Let Yet Kone": the whole run, its
    // words being no stop words there), or one that a word of geography opens or ends ("the Strait
    // of Hormuz", "the Second Thomas Shoal", "the Gulf of Oman"), or one that a lower-case noun of
    // an administrative unit follows after "the" or a state's possessive ("in the Catatumbo
    // region", "in Mozambique's Macomia district"): a place, not an actor (a state's own name,
    // "the Marshall Islands", is matched as a state first), of the state the sentence places it in
    // (`placeStateAround`: "Macomia, Mozambique"), else of no known state
    if (isCap(tokens[i].text) && !NAME_STOP.has(tokens[i].text) && !(dm && dm[0] >= capRun(i))) {
      let r = capRun(i);
      const lead = i > 1 && PLACE_LEAD.has(`${lower[i - 2]} ${lower[i - 1]}`);
      if (lead && !dm) while (r < tokens.length && sameSentence(i, r) && /^\p{Lu}[\p{L}'’.-]*$/u.test(tokens[r].text) && !DATE_WORD.test(tokens[r].text) && !dictMatch(r)) r++;
      const geoOpen = GEO_WORDS.has(lower[r - 1]) && lower[r] === 'of' && isCap(tokens[r + 1]?.text ?? '') && sameSentence(i, r + 1);
      if (geoOpen) r = capRun(r + 1);
      const geoEnd = !geoOpen && r - i > 1 && GEO_WORDS.has(lower[r - 1]);
      const unit = !dm && !lead && !geoOpen && !geoEnd && r <= i + 3 && ADMIN_UNITS.has(tokens[r]?.text ?? '') && sameSentence(i, r) &&
        !(/^(?:NOUN|PROPN)$/.test(tokens[r + 1]?.pos ?? '') && sameSentence(r, r + 1)) &&
        (lower[i - 1] === 'the' || (/^['’]s$/.test(lower[i - 1] ?? '') && cands[cands.length - 1]?.tokenEnd === i - 1 && cands[cands.length - 1].type === 'state'));
      // ("attacked Macomia, Mozambique, on Saturday": one to three capitalised words after a verb
      // or a preposition, then a comma and a state's name that ends its phrase: the state's place)
      const commaState = !dm && !lead && !geoOpen && !geoEnd && !unit && r <= i + 3 && i > 0 && /^(?:ADP|VERB)$/.test(tokens[i - 1].pos) &&
        lower[r] === ',' && sameSentence(i, r + 1) && (() => {
          const m = dictMatch(r + 1);
          return !!m && m[1].kind === 'name' && dict.actors.get(m[1].actorId)?.type === 'state' && /^[,.;:)]$/.test(lower[m[0]] ?? '.') && !pendingTitle;
        })();
      if ((lead && !dm) || geoOpen || geoEnd || unit || commaState) {
        places.push({ name: text.slice(tokens[i].start, tokens[r - 1].end), country: placeStateAround(i, r), tokenStart: i, tokenEnd: r });
        i = unit ? r + 1 : r;
        continue;
      }
    }
    const tk = tokens[i];
    // an organization the NER model finds around a dictionary name ("Kazakh Foreign Ministry") is the organization
    const ne = ner?.startingAt.get(i);
    // (unless the dictionary name ends where a coordination begins: "The European Union and Russia"
    // is two actors, however the NER model spans it)
    if (dm && ne !== undefined && ner!.entities[ne].type === 'ORG' && ner!.entities[ne].tokenEnd > dm[0] &&
      !(lower[dm[0]] === 'and' && /^(?:state|igo)$/.test(dict.actors.get(dm[1].actorId)?.type ?? ''))) dm = null;
    const run = isCap(tk.text) && !(NAME_STOP.has(tk.text)) ? capRun(i) : i;
    // the agent of the run's first organization keyword, and whether the run has a non-actor word
    let orgAgent: string | undefined;
    let nonActor = false;
    for (let k = i; k < run; k++) {
      orgAgent ||= index.orgWords.get(lower[k]);
      nonActor ||= index.nonActorWords.has(lower[k]);
    }
    // a capital that opens the name a title introduces is a given name ("Defense Minister Wellington
    // Koo"), not the capital's state
    if (dm && pendingTitle && dm[1].kind === 'metonym' && run > dm[0] && tokens[dm[0]].pos === 'PROPN') dm = null;
    if (dm && !(run > dm[0] && (orgAgent || nonActor))) {
      // locative capital: "in Beijing" is a place, not the government
      if (dm[1].kind === 'metonym' && locativeBefore(i) && dict.actors.get(dm[1].actorId)?.type === 'state') {
        places.push({ name: text.slice(tk.start, tokens[dm[0] - 1].end), country: dict.actors.get(dm[1].actorId)!.country, tokenStart: i, tokenEnd: dm[0] });
        i = dm[0];
        continue;
      }
      pushDict(i, dm);
      i = dm[0];
      continue;
    }
    // a heading, or a photo credit ("Photo: Caspian Wire", "Credit: Getty Images"), names no actor
    const inHeading = headingSentence[tk.sentence] ||
      (i >= 2 && lower[i - 1] === ':' && /^(?:photo|photos|photograph|credit|image|images|source|video|graphic)$/.test(lower[i - 2]));
    // a title and one capitalised word: "President Duterte", "Minister Smith" (resolved after the scan)
    if (pendingTitle && isCap(tokens[pendingTitle.titleStart].text) && run === i + 1 && isNameWord(tk.text) && tk.pos === 'PROPN' && !inHeading &&
      !(tokens[i + 1] && sameSentence(i, i + 1) && /^(?:NOUN|PROPN)$/.test(tokens[i + 1].pos)) && !index.orgWords.has(lower[i]) &&
      !index.nonActorWords.has(lower[i]) && !(ner && ner.covering[i] >= 0 && ner.entities[ner.covering[i]].tokenEnd > i + 1)) {
      titledSurnames.push({ tok: i, title: pendingTitle });
      pendingTitle = null;
      i++;
      continue;
    }
    // a name right after a lower-case word for a kind of company ("security firm Ambrey", "the
    // potash producer Belaruskali", "consultancy Dryad Global"): a business, whatever the NER
    // model calls it
    // (also "group" after a word of trade, "fertilizer group Yara", "nuclear group Orano"; not an
    // armed, political or advocacy group's: "militant group", "rights group")
    const businessGroup = lower[i - 1] === 'group' && i > 1 && tokens[i - 2].text === lower[i - 2] && /^(?:NOUN|ADJ)$/.test(tokens[i - 2].pos) && !NON_BUSINESS_GROUP.has(lower[i - 2]);
    if (run > i && !inHeading && i > 0 && (COMPANY_KINDS.has(lower[i - 1]) || businessGroup) && tokens[i - 1].text === lower[i - 1] && sameSentence(i - 2, i)) {
      const name = text.slice(tk.start, tokens[run - 1].end);
      // (its country: one inside the name, else a demonym before the words of its kind, "Norwegian
      // fertilizer group Yara", "Chinese tech giant Zhiyun")
      let home: string | null = null;
      for (let k = i - 2; !home && k >= Math.max(0, i - 5) && sameSentence(k, i); k--) {
        const m = dictMatch(k);
        if (m && m[0] === k + 1 && m[1].kind === 'demonym') home = dict.actors.get(m[1].actorId)?.country ?? null;
        else if (tokens[k].text !== lower[k] || !/^(?:NOUN|ADJ)$/.test(tokens[k].pos)) break;
      }
      cands.push({ tokenStart: i, tokenEnd: run, kind: 'name', dict: null, key: `org:${name}`, name, type: 'organization', country: countryInside(i, run) ?? home, agent: 'BUS', description: null, origin: 'rule' });
      pendingTitle = null;
      i = run;
      continue;
    }
    /** A person or organization candidate from the NER entity at token i. */
    const nerCand = (e: NerEntity): Candidate => {
      const per = e.type === 'PER';
      return {
        tokenStart: e.tokenStart, tokenEnd: e.tokenEnd, kind: 'name', dict: null, key: `${per ? 'person' : 'org'}:${e.text}`,
        name: e.text, type: per ? 'person' : 'organization',
        country: per ? pendingTitle?.country ?? null : countryInside(e.tokenStart, e.tokenEnd),
        agent: per ? pendingTitle?.agent ?? null : e.agent, description: per ? pendingTitle?.text ?? null : null,
        office: per ? pendingTitle?.office ?? null : null, igo: per ? pendingTitle?.igo ?? null : null, body: per ? pendingTitle?.body ?? null : null, origin: 'ner',
      };
    };
    // NER replacing the capitalised-run rules: every PER and ORG entity (one-word people wait for coreference)
    if (ner && index.nerMode === 'replace') {
      if (ne !== undefined && !inHeading) {
        const e = ner.entities[ne];
        if (e.type === 'PER' && e.tokenEnd - e.tokenStart === 1) nerSingles.push({ e, title: pendingTitle });
        else cands.push(nerCand(e));
        i = e.tokenEnd;
        pendingTitle = null;
        continue;
      }
      pendingTitle = null;
      i++;
      continue;
    }
    if (run > i && !inHeading) {
      if (nonActor) { i = run; pendingTitle = null; continue; }
      // one organization word opening a sentence before a lower-case word is a common noun written
      // with a capital ("Rights group Amnesty International said …", "Police said …"), no name
      if (run === i + 1 && orgAgent && i === doc.sentences[tk.sentence].tokenStart && /^\p{Ll}/u.test(tokens[i + 1]?.text ?? '')) { i = run; continue; }
      const name = text.slice(tk.start, tokens[run - 1].end);
      if (orgAgent) {
        // an organization, a title and a name: "Palestinian Authority President Mahmoud Abbas"
        let split = -1;
        for (let k = i + 1; k < run - 1 && split < 0; k++) {
          const tmk = titleMatch(k);
          if (tmk && tmk.end < run && isCap(tokens[k].text) && tokens.slice(i, k).some((x) => index.orgWords.has(x.text.toLowerCase()))) split = k;
        }
        if (split > 0) {
          const tmk = titleMatch(split)!;
          const orgName = text.slice(tk.start, tokens[split - 1].end);
          const country = countryInside(i, split);
          const orgAg = tokens.slice(i, split).map((x) => index.orgWords.get(x.text.toLowerCase())).find((x) => x)!;
          cands.push({ tokenStart: i, tokenEnd: split, kind: 'name', dict: null, key: `org:${orgName}`, name: orgName, type: 'organization', country, agent: orgAg, description: null, origin: 'rule' });
          pendingTitle = { text: text.slice(tk.start, tokens[tmk.end - 1].end), agent: tmk.title.agent, country, office: tmk.title.office, igo: null, former: false, start: i, titleStart: split };
          i = tmk.end;
          continue;
        }
        cands.push({ tokenStart: i, tokenEnd: run, kind: 'name', dict: null, key: `org:${name}`, name, type: 'organization', country: countryInside(i, run), agent: orgAgent, description: null, origin: 'rule' });
        i = run;
        pendingTitle = null;
        continue;
      }
      const nameWords = tokens.slice(i, run).filter((x) => x.text !== '-' && !PARTICLES.has(x.text));
      const personLike = nameWords.length >= 2 && nameWords.length <= 4 && nameWords.every((x) => isNameWord(x.text)) &&
        (nameWords.some((x) => x.pos === 'PROPN') || pendingTitle !== null);
      if (personLike && ner) {
        // NER backing up the rules: a longer name the model finds wins ("Omar Hassan al-Bashir");
        // a run the model tags as a place or a thing is no person, as an organization it is one
        const over = ner.covering[i];
        const oe = over >= 0 ? ner.entities[over] : null;
        if (oe && oe.tokenStart === i && oe.tokenEnd > run && oe.type === 'PER') {
          cands.push(nerCand(oe));
          i = oe.tokenEnd;
          pendingTitle = null;
          continue;
        }
        const typed = pendingTitle ? null : nerType(i, run);
        if (typed === 'LOC' || typed === 'MISC') { i = run; continue; }
        if (typed === 'ORG') {
          cands.push({ tokenStart: i, tokenEnd: run, kind: 'name', dict: null, key: `org:${name}`, name, type: 'organization', country: countryInside(i, run), agent: orgAgentOf(name, index), description: null, origin: 'ner' });
          i = run;
          continue;
        }
      }
      if (personLike) {
        cands.push({
          tokenStart: i, tokenEnd: run, kind: 'name', dict: null, key: `person:${name}`, name, type: 'person',
          country: pendingTitle?.country ?? null, agent: pendingTitle?.agent ?? null, description: pendingTitle?.text ?? null,
          office: pendingTitle?.office ?? null, igo: pendingTitle?.igo ?? null, body: pendingTitle?.body ?? null, origin: 'rule',
        });
        i = run;
        pendingTitle = null;
        continue;
      }
    }
    // NER backing up the rules: what the rules did not take
    if (ner && ne !== undefined && !inHeading && nerAddable(ner.entities[ne])) {
      const e = ner.entities[ne];
      const multi = e.tokenEnd - e.tokenStart >= 2;
      if (e.type === 'PER' && !multi) { nerSingles.push({ e, title: pendingTitle }); pendingTitle = null; i = e.tokenEnd; continue; }
      // a one-word organization only as an acronym, a name with a capital inside ("ExxonMobil",
      // "PetroChina": a company's name, never a common noun; not a surname, "McCarthy") or with an organization keyword: the
      // model calls "Belt", "Muslims" and "Council" organizations too ("Reuters" is lost with them)
      if (e.type === 'PER' || multi || e.agent || /^\p{Lu}[\p{Lu}\d/&.-]+$/u.test(e.text) || (e.type === 'ORG' && /^\p{Lu}\p{Ll}+\p{Lu}\p{Ll}+$/u.test(e.text) && !/^(?:Mc|Mac|De|Di|Da|La|Le|Du)\p{Lu}/u.test(e.text))) {
        cands.push(nerCand(e));
        i = e.tokenEnd;
        pendingTitle = null;
        continue;
      }
    }
    pendingTitle = null;
    i++;
  }

  /**
   * Whether an entity the rules did not take can be added: not a phrase with a lower-case word
   * other than a name particle ("Embassies in Kenya", "People in Beijing in 2002"), not a run of
   * capitals ("DESMOND KWANDE", a photo credit), a one-word person only as a proper noun ("Tourism"
   * at a sentence start is none), and not the acronym of a programme ("Belt and Road Initiative (BRI)").
   */
  function nerAddable(e: NerEntity): boolean {
    const toks = tokens.slice(e.tokenStart, e.tokenEnd);
    if (toks.some((x) => /^\p{Ll}+$/u.test(x.text) && !CONNECTORS.has(x.text)) || /[.,;:]$/.test(e.text)) return false;
    if (/\s/.test(e.text) && !/\p{Ll}/u.test(e.text)) return false;
    if (e.type === 'PER' && toks.length === 1 && (toks[0].pos !== 'PROPN' || NAME_STOP.has(toks[0].text))) return false;
    // a question's opening auxiliary is no first name ("Will China invade Taiwan?"; "Will Smith said" stays)
    const sent = doc.sentences[toks[0].sentence];
    if (toks.length > 1 && e.tokenStart === sent.tokenStart && QUESTION_OPENERS.has(toks[0].text) && text.slice(sent.start, sent.end).trimEnd().endsWith('?')) return false;
    if (nonActorAcronyms.has(e.text)) return false;
    if (/^[RDI]-\p{Lu}/u.test(e.text) && lower[e.tokenStart - 1] === '(') return false;
    if (toks.length === 1 && /^\p{Lu}{2,}$/u.test(e.text) && lower[e.tokenStart - 1] === '(') {
      const from = Math.max(tokens[e.tokenStart].sentence === tokens[Math.max(0, e.tokenStart - 8)].sentence ? e.tokenStart - 8 : 0, 0);
      if (lower.slice(from, e.tokenStart - 1).some((w) => index.nonActorWords.has(w))) { nonActorAcronyms.add(e.text); return false; }
    }
    return true;
  }

  /** The NER type covering more than half of the tokens [a, b), or null. */
  function nerType(a: number, b: number): NerEntity['type'] | 'LOC' | 'MISC' | null {
    if (!ner || !ner.all) return null;
    const count = new Map<string, number>();
    for (let k = a; k < b; k++) { const t = ner.all[k]; if (t) count.set(t, (count.get(t) ?? 0) + 1); }
    for (const [t, n] of count) if (n * 2 > b - a) return t as NerEntity['type'];
    return null;
  }

  /**
   * The country of the first dictionary actor (a demonym or country name) named inside tokens
   * [a, b) of an organization's name ("Kazakh Foreign Ministry"); else that of an organization that
   * owns the span ("the U.S. Navy's Fifth Fleet": the Navy's) or a state that does ("Kenya's
   * National Army", "the Bahamas' Legislative Assembly"); else that of a state named after "of"
   * ("the Armed Forces of Gabon", "the Embassy of the Republic of Uruguay", "the Supreme Court of
   * the island nation of Fiji"); else null.
   */
  function countryInside(a: number, b: number): string | null {
    for (let k = a; k < b; k++) {
      const m = dictMatch(k);
      if (m) { const c = dict.actors.get(m[1].actorId)?.country ?? null; if (c) return c; }
    }
    const owner = cands[cands.length - 1];
    if (owner && /^['’]s$/.test(lower[a - 1] ?? '') && owner.tokenEnd === a - 1 && owner.country && (owner.type === 'organization' || owner.dict?.type === 'state')) return owner.country;
    if (lower[b] === 'of' && b > a && sameSentence(b - 1, b + 1)) {
      const k = lower[b + 1] === 'the' ? pastStateDescription(b + 2) : b + 1;
      const m = isCap(tokens[k]?.text ?? '') && sameSentence(b, k) ? dictMatch(k) : null;
      const state = m && m[1].kind === 'name' && !/^['’]s$/.test(lower[m[0]] ?? '') ? dict.actors.get(m[1].actorId) : undefined;
      if (state?.type === 'state') return state.country;
    }
    return null;
  }

  function pushDict(at: number, m: [number, DictName]) {
    const [end, n] = m;
    const a = dict.actors.get(n.actorId)!;
    const c: Candidate = {
      tokenStart: at, tokenEnd: end, kind: n.kind, dict: a, dictName: n, key: `dict:${a.id}`, name: a.name, type: a.type,
      country: a.country, agent: null, description: null, origin: 'dictionary',
    };
    if (a.type === 'person' && pendingTitle) {
      c.description = pendingTitle.text;
      c.agent = pendingTitle.agent;
      c.office = pendingTitle.office;
    }
    pendingTitle = null;
    cands.push(c);
  }

  // ---- group candidates into actors ----
  interface Acc {
    cand: Candidate; mentions: ActorMention[]; description: string | null; appositive: boolean; country: string | null;
    agent: string | null; office: string | null; igo: DictActor | null; first: number;
  }
  const byKey = new Map<string, Acc>();
  const mentionOf = (a: number, b: number, kind: ActorMention['kind']): ActorMention =>
    ({ start: tokens[a].start, end: tokens[b - 1].end, text: text.slice(tokens[a].start, tokens[b - 1].end), tokenStart: a, tokenEnd: b, kind });
  const add = (c: Candidate) => {
    let acc = byKey.get(c.key);
    if (!acc) {
      acc = { cand: c, mentions: [], description: null, appositive: false, country: c.country, agent: c.agent, office: c.office ?? null, igo: c.igo ?? null, first: c.tokenStart };
      byKey.set(c.key, acc);
    }
    acc.mentions.push(mentionOf(c.tokenStart, c.tokenEnd, c.kind));
    acc.first = Math.min(acc.first, c.tokenStart);
    if (c.description && !acc.description) acc.description = c.description;
    if (c.country && !acc.country) acc.country = c.country;
    if (c.agent && !acc.agent) acc.agent = c.agent;
    if (c.office && !acc.office) acc.office = c.office;
    if (c.igo && !acc.igo) acc.igo = c.igo;
    return acc;
  };
  cands.sort((a, b) => a.tokenStart - b.tokenStart);
  // the candidates by their first token, for `bodyAfter`
  const candAt = new Map<number, Candidate>();
  for (const c of cands) if (!candAt.has(c.tokenStart)) candAt.set(c.tokenStart, c);
  /**
   * The body an unnamed person or group is placed in by a preposition after its words ("a top
   * official in Kenya's main opposition party", "a spokesman for the Australian government",
   * "officials of Kenya's ruling party"): the organization or agent candidate that starts right
   * after "in", "of", "for", "at", "from" or "within" (and "the"), when it has a country of its own
   * words (not a dateline's; nor a people, "Turks"); else null. A state after the preposition is left to the rules of
   * place and of titles ("officials in Kenya", "the president of Kenya").
   */
  const bodyAfter = (end: number): Candidate | null => {
    if (!BODY_PREPOSITIONS.has(lower[end] ?? '')) return null;
    const at = lower[end + 1] === 'the' ? end + 2 : end + 1;
    const c = candAt.get(at);
    // (not a people named by its demonym: "the government of Turks and Caicos" is no Turkish body)
    return c && sameSentence(end, at) && (c.type === 'organization' || c.type === 'group') && c.country && !c.datelinePlaced &&
      !c.key.endsWith(':CVL:people') ? c : null;
  };
  /**
   * The agent of someone placed in a body (`bodyAfter`): the body's own agent when his words name
   * no more than a post in it ("official", "member", "spokesman": a party official is the party's,
   * OPP for an opposition party), else his own ("a commander in Kenya's army" stays MIL).
   */
  const agentInBody = (words: string, own: string | null, body: Candidate): string | null =>
    GENERIC_MEMBER.test(words) && body.agent ? body.agent : own ?? body.agent;
  // a titled person of no known country followed by "of" and a state ("President Adama Barrow of
  // the small West African nation of the Gambia", "Prime Minister Ana Brnabic of Serbia"): that state's
  for (const c of cands) {
    if (c.type !== 'person' || c.dict || c.country || !c.description || lower[c.tokenEnd] !== 'of') continue;
    const k = lower[c.tokenEnd + 1] === 'the' ? pastStateDescription(c.tokenEnd + 2) : c.tokenEnd + 1;
    const m = k < tokens.length && sameSentence(c.tokenEnd, k) ? dictMatch(k) : null;
    const state = m && m[1].kind === 'name' && !/^['’]s$/.test(lower[m[0]] ?? '') ? dict.actors.get(m[1].actorId) : undefined;
    if (state?.type === 'state') c.country = state.country;
  }
  // unnamed agents placed in a body: "officials in Kenya's ruling party" (KENGOVPTY)
  for (const c of cands) {
    if (c.origin !== 'group' || c.country || c.dict) continue;
    const body = bodyAfter(c.tokenEnd);
    if (!body) continue;
    c.country = body.country;
    c.agent = agentInBody(lower[c.tokenEnd - 1], c.agent, body);
    c.key = `group:${c.country}:${c.agent}:${lower.slice(c.tokenStart, c.tokenEnd).join(' ')}`;
  }
  // a name the model calls an organization once and the text shows to be a person elsewhere is the person
  const personNames = new Set(cands.filter((c) => c.type === 'person' && !c.dict).map((c) => c.name));
  for (const c of cands) {
    if (c.origin === 'ner' && c.type === 'organization' && personNames.has(c.name)) { c.type = 'person'; c.key = `person:${c.name}`; c.agent = null; c.country = null; }
  }
  // a person's name read with the words before it ("Secretary Clinton", "Gov. Chris Christie",
  // "Until Mr. Comey", "Even Corey Lewandowski"): a title, an abbreviated title, an honorific or a
  // function word is no part of the name (it becomes the description when it is a title), so that
  // the name joins the person named in full and its surname stays unambiguous ("Mrs. Clinton")
  const stripped = new Set<Candidate>();
  for (const c of cands) {
    if (c.type !== 'person' || c.dict || c.tokenEnd - c.tokenStart < 2) continue;
    let k = c.tokenStart;
    let title: string | null = null;
    while (k < c.tokenEnd - 1) {
      const t = tokens[k];
      if (HONORIFIC.test(t.text) || ABBREVIATED_TITLE.test(t.text) || t.text === '.') { if (ABBREVIATED_TITLE.test(t.text)) title = t.text; k++; continue; }
      const tm = isCap(t.text) ? titleMatch(k) ?? (TITLE_WORD.test(t.text) ? { end: k + 1 } : null) : null;
      if (tm && tm.end < c.tokenEnd) { title = text.slice(t.start, tokens[tm.end - 1].end); k = tm.end; continue; }
      if (/^(?:ADP|ADV|SCONJ|CCONJ|DET|PRON|PART|INTJ)$/.test(t.pos) && !PARTICLES.has(lower[k])) { k++; continue; }
      break;
    }
    if (k === c.tokenStart || !isCap(tokens[k].text)) continue;
    c.tokenStart = k;
    c.name = text.slice(tokens[k].start, tokens[c.tokenEnd - 1].end);
    c.key = `person:${c.name}`;
    if (title && !c.description) c.description = title;
    stripped.add(c);
  }
  // "Bin Laden" after "Osama bin Laden": a name that ends a longer person's name is that person
  // (also one word left of a stripped name, "Clinton" of "Secretary Clinton", or a hyphenated
  // surname, "Kosiniak-Kamysz", when one person's name ends in it)
  const people = cands.filter((c) => c.type === 'person' && !c.dict);
  // the people whose ` ${lower-case name}` ends in a given ` word…` suffix, in the order of `people`
  // (the suffixes that start at a space), so that the tests below need not scan every person
  const bySuffix = new Map<string, typeof people>();
  for (const o of people) {
    const lo = ` ${o.name.toLowerCase()}`;
    for (let p = lo.indexOf(' '); p >= 0; p = lo.indexOf(' ', p + 1)) {
      const suffix = lo.slice(p);
      const list = bySuffix.get(suffix);
      if (list) list.push(o); else bySuffix.set(suffix, [o]);
    }
  }
  for (const c of people) {
    const low = ` ${c.name.toLowerCase()}`;
    const ending = bySuffix.get(low) ?? [];
    const longer = ending.find((o) => o !== c && o.name.length > c.name.length);
    if (longer && c.name.includes(' ')) { c.key = longer.key; c.kind = 'surname'; }
    else if ((stripped.has(c) || c.name.includes('-')) && !c.name.includes(' ')) {
      const keys = new Set(ending.filter((o) => o !== c && o.name.includes(' ')).map((o) => o.key));
      if (keys.size === 1) { c.key = [...keys][0]; c.kind = 'surname'; }
    }
  }
  // a name and an acronym in parentheses right after it ("the National Liberation Army (ELN)",
  // "the Kurdistan Workers' Party (PKK)"): news copy introduces a body's acronym so, whether or
  // not the letters are the name's initials (the ELN's are Spanish), and the two are one actor;
  // a dictionary entry on either side names it (every other mention of the name too)
  for (const c of cands) {
    if (c.type !== 'organization' && c.type !== 'group') continue;
    if (lower[c.tokenEnd] !== '(' || !sameSentence(c.tokenStart, c.tokenEnd + 2)) continue;
    const acr = candAt.get(c.tokenEnd + 1);
    if (!acr || acr === c || acr.tokenEnd !== acr.tokenStart + 1 || lower[acr.tokenEnd] !== ')' || !/^\p{Lu}{2,6}$/u.test(tokens[acr.tokenStart].text)) continue;
    if (acr.type !== 'organization' && acr.type !== 'group' && acr.type !== 'igo') continue;
    if (c.dict && acr.dict) continue;
    const [named, other] = acr.dict ? [acr, c] : [c, acr];
    const oldKey = other.key;
    for (const o of cands) {
      if (o !== other && (o.key !== oldKey || o.dict)) continue;
      Object.assign(o, { key: named.key, dict: named.dict, dictName: named.dictName, name: named.name, type: named.type, country: named.country, agent: named.agent, origin: named.origin });
      if (o.kind === 'surname' || o.kind === 'title') o.kind = 'name';
    }
  }
  // an acronym of a name met before ("the Rapid Support Forces … The RSF", "the Lebanese Armed
  // Forces (LAF)"): the initials of that name's capitalised words, "of", "and", "the" and "for"
  // skipped, make one actor of the two
  // the candidates that may be named by an acronym, by their initials, in the order of `cands`
  let byInitials: Map<string, typeof cands> | null = null;
  for (const c of cands) {
    if (c.dict || !/^\p{Lu}{2,6}$/u.test(c.name)) continue;
    if (!byInitials) {
      byInitials = new Map();
      for (const o of cands) {
        if (o.type === 'person' || o.type === 'state' || !o.name.includes(' ')) continue;
        const initials = o.name.split(/[\s-]+/).filter((w) => !/^(?:of|and|the|for|&)$/i.test(w)).map((w) => w[0]).join('').toUpperCase();
        const list = byInitials.get(initials);
        if (list) list.push(o); else byInitials.set(initials, [o]);
      }
    }
    const named = byInitials.get(c.name)?.find((o) => o.tokenStart < c.tokenStart);
    if (named) { c.key = named.key; c.kind = 'name'; }
  }
  // the short form of a name met before ("Iran's Revolutionary Guards … the Guards", "the Southern
  // Transitional Council … the Council"): "the" and the last words of that organization's or
  // group's name make one actor of the two
  // (also a body named by its bare word after a preposition, "protesters gathered outside
  // parliament" after "Georgia's parliament": a state's own body, written without "the")
  const longNames = cands.filter((o) => (o.type === 'organization' || o.type === 'group' || o.type === 'igo') && o.name.includes(' '));
  for (const c of cands) {
    const bareBody = c.origin === 'group' && c.type === 'organization' && !c.country && c.tokenEnd - c.tokenStart === 1 && tokens[c.tokenStart - 1]?.pos === 'ADP';
    if (c.dict || c.type === 'person' || c.type === 'state' || (lower[c.tokenStart - 1] !== 'the' && !bareBody) || !longNames.length) continue;
    const long = longNames.find((o) => o.tokenStart < c.tokenStart && o.name.length > c.name.length && o.name.endsWith(` ${c.name}`));
    if (long) { c.key = long.key; c.kind = 'name'; }
  }
  for (const c of cands) add(c);
  const covered = new Int8Array(tokens.length);
  for (const c of cands) for (let k = c.tokenStart; k < c.tokenEnd; k++) covered[k] = 1;
  for (const r of roleMentions) for (let k = r.tokenStart; k < r.tokenEnd; k++) covered[k] = 1;

  // ---- coreference: single name tokens of persons ("Toqaev", "Wang", "Ma") ----
  const nameToKey = new Map<string, string | null>();
  const register = (form: string, key: string) => {
    const prev = nameToKey.get(form);
    nameToKey.set(form, prev === undefined || prev === key ? key : null);
  };
  const registerPerson = (key: string, acc: Acc) => {
    const full = acc.cand.dict ? acc.cand.dict.name : acc.cand.name;
    const parts = full.split(/\s+/);
    const last = parts[parts.length - 1];
    register(last, key);
    // "al-Bashir" is also "Bashir"
    const bare = /^(?:al|el|ad|as|ash|at|az|ar|an|bin|ibn)-(\p{Lu}[\p{L}'’-]+)$/iu.exec(last);
    if (bare) register(bare[1], key);
    if (acc.cand.dict) {
      // every single-word variant in the dictionary, and the family name first for Chinese-order names
      for (const form of index.singleNames.get(acc.cand.dict.id) ?? []) register(form, key);
      if (acc.cand.dict.country && FAMILY_NAME_FIRST.has(acc.cand.dict.country)) register(parts[0], key);
    } else if (parts.length === 2) {
      register(parts[0], key);
    }
  };
  for (const [key, acc] of byKey) if (acc.cand.type === 'person') registerPerson(key, acc);

  // ---- a title and a surname: the person of the document, else the dictionary's, else a new person ----
  for (const { tok, title } of titledSurnames) {
    const tk = tokens[tok];
    const key = nameToKey.get(tk.text);
    let acc: Acc;
    if (key) {
      acc = byKey.get(key)!;
      acc.mentions.push(mentionOf(tok, tok + 1, 'surname'));
    } else {
      const titleDef: TitleDef = { words: title.office.split(' '), agent: title.agent, office: title.office };
      const person = personBySurname(tk.text, index, date, titleDef, title.igo?.id ?? title.country);
      const c: Candidate = person
        ? { tokenStart: tok, tokenEnd: tok + 1, kind: 'surname', dict: person, key: `dict:${person.id}`, name: person.name, type: 'person', country: person.country, agent: title.agent, description: title.text, office: title.office, origin: 'dictionary' }
        : { tokenStart: tok, tokenEnd: tok + 1, kind: 'name', dict: null, key: `person:${tk.text}`, name: tk.text, type: 'person', country: title.country, agent: title.agent, description: title.text, office: title.office, igo: title.igo, body: title.body ?? null, origin: 'rule' };
      acc = add(c);
      registerPerson(c.key, acc);
    }
    if (!acc.description) acc.description = title.text;
    if (!acc.office) acc.office = title.office;
    covered[tok] = 1;
  }
  // ---- one-word people the NER model finds: a person of the document, else a person of their own ----
  for (const { e, title } of nerSingles) {
    if (covered[e.tokenStart]) continue;
    const key = nameToKey.get(e.text);
    if (key) {
      byKey.get(key)!.mentions.push(mentionOf(e.tokenStart, e.tokenEnd, 'surname'));
    } else {
      // an unknown capitalised word opening a sentence is too often a common noun ("Tourism is …")
      if (!title && doc.sentences[tokens[e.tokenStart].sentence].tokenStart === e.tokenStart) continue;
      const c: Candidate = {
        tokenStart: e.tokenStart, tokenEnd: e.tokenEnd, kind: 'name', dict: null, key: `person:${e.text}`, name: e.text, type: 'person',
        country: title?.country ?? null, agent: title?.agent ?? null, description: title?.text ?? null, office: title?.office ?? null, igo: title?.igo ?? null, body: title?.body ?? null, origin: 'ner',
      };
      registerPerson(c.key, add(c));
    }
    covered[e.tokenStart] = 1;
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
    acc.mentions.push(mentionOf(k, k + 1, 'surname'));
    covered[k] = 1;
  }

  // ---- definite descriptions: "the bloc", "the lender" name the last organization of their kind ----
  // (roles.yaml `descriptions`; the last such actor named in the six sentences before, else none)
  if (dict.roles.descriptions.length) {
    const byNoun = new Map(dict.roles.descriptions.map((d) => [d.noun, d]));
    const orgs = [...byKey.values()].filter((a) => a.cand.type === 'igo' || a.cand.type === 'organization' || a.cand.type === 'ngo');
    for (let k = 1; k < tokens.length && orgs.length; k++) {
      const d = byNoun.get(lower[k]);
      if (!d || lower[k - 1] !== 'the' || tokens[k].pos !== 'NOUN' || isCap(tokens[k].text)) continue;
      // (an agent phrase the resolver made of the word alone, "the court" as JUD with no country,
      // gives way to the organization it refers back to)
      const agentOnly = covered[k] ? [...byKey.values()].find((a) => a.cand.origin === 'group' && !a.country && a.mentions.some((m) => m.tokenStart <= k && k < m.tokenEnd && m.tokenEnd - m.tokenStart === 1)) : undefined;
      if (covered[k] && !agentOnly) continue;
      if (/^(?:NOUN|PROPN)$/.test(tokens[k + 1]?.pos ?? '') && sameSentence(k, k + 1)) continue;
      const floor = Math.max(0, tokens[k].sentence - 6);
      // (an antecedent whose own name holds the noun first: "the agency" is the International Atomic
      // Energy Agency, not the United Nations named after it)
      let best: Acc | null = null, bestAt = -1, bestNamed = false;
      for (const a of orgs) {
        const code = a.cand.dict?.code ?? `${a.country ?? ''}${a.agent ?? ''}`;
        if (!d.refers.includes(a.cand.type as 'igo' | 'organization' | 'ngo') || (d.codes.length && !d.codes.some((c) => code.includes(c)))) continue;
        const named = nameHolds(a.cand.dict?.name ?? a.cand.name, d.noun);
        if (bestNamed && !named) continue;
        for (const m of a.mentions) {
          if (m.tokenStart < k && (m.tokenStart > bestAt || (named && !bestNamed)) && tokens[m.tokenStart].sentence >= floor) { best = a; bestAt = m.tokenStart; bestNamed = named; }
        }
      }
      if (best) {
        best.mentions.push(mentionOf(k - 1, k + 1, 'title'));
        covered[k] = 1;
        if (agentOnly) {
          agentOnly.mentions = agentOnly.mentions.filter((m) => !(m.tokenStart <= k && k < m.tokenEnd));
          if (!agentOnly.mentions.length) byKey.delete(agentOnly.cand.key);
        }
      }
    }
  }

  // ---- appositions give descriptions: "X, senior fellow at Y, told", "Y's then-prime minister, X," ----
  const titleRe = index.titleRe;
  for (const acc of byKey.values()) {
    if (acc.cand.type !== 'person') continue;
    for (const m of [...acc.mentions].sort((a, b) => a.start - b.start)) {
      const sent = doc.sentences[tokens[m.tokenStart].sentence];
      const after = text.slice(m.end, sent.end);
      // the apposition runs to the next comma or clause; a period inside an abbreviation ("U.S.") does not end it
      // (nor does one after a single capital: "U.S. undersecretary of state")
      const post = /^,\s+(?:(?:a|an|the)\s+)?((?:[^,;"“”.]|\.(?=\S)|(?<=(?:^|[\s.])\p{Lu})\.(?=\s))+?)(?=,|\s+who\b|\s+which\b|\s+and\s+\p{Ll}+ed\b|;(?:\s|$)|(?<!(?:^|[\s.])\p{Lu})\.(?:\s|$)|$)/u.exec(after);
      // (a verb after the comma opens a predicate, not an apposition: "X, received the envoy")
      const verbNext = /^(?:VERB|AUX)$/.test(tokens[m.tokenEnd + 1]?.pos ?? '') && lower[m.tokenEnd] === ',';
      if (post && !verbNext && titleRe.test(post[1]) && post[1].split(/\s+/).length <= 16 && !/^(?:who|which|whose|whom|that)\b/i.test(post[1])) {
        acc.description = post[1].trim();
        acc.appositive = true;
        break;
      }
      const before = text.slice(sent.start, m.start);
      // (the pattern ends in a comma and spaces: a cheap test first, as it is tried at every position)
      const trimmed = before.trimEnd();
      // (a title may end in a complement naming a body or place: "Russia's envoy to the IAEA, X,")
      const pre = trimmed.length < before.length && trimmed.endsWith(',') && /(?:^|[,;]\s+|\s)((?:\p{Lu}[\p{L}'’-]*(?:'s|’s)\s+)?(?:then-|former\s+)?\p{Ll}[\p{Ll} -]+?(?:\s+(?:to|at|in|for|of)\s+(?:the\s+)?\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,4})?),\s+$/u.exec(before);
      if (pre && titleRe.test(pre[1]) && pre[1].split(/\s+/).length <= 8 && !acc.appositive) {
        acc.description = pre[1].trim();
        acc.appositive = true;
        break;
      }
    }
  }

  // ---- country and agent from a description ----
  const descCountry = (desc: string): string | null => {
    // first country, demonym or capital named in the description
    const re = /\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*/gu;
    for (let m = re.exec(desc); m; m = re.exec(desc)) {
      const words = m[0].split(/\s+/);
      for (let a = 0; a < words.length; a++) {
        for (let b = words.length; b > a; b--) {
          const form = words.slice(a, b).join(' ').replace(/(?:'s|’s)$/, '');
          const hits = index.byFirstWord.get(firstWord(form))?.filter((n) => n.form.length === form.length && formMatches(form, n.form));
          if (hits?.length) {
            const actor = dict.actors.get(hits[0].actorId);
            if (actor?.country) return actor.country;
          }
        }
      }
    }
    return null;
  };
  const descAgent = (desc: string): string | null => agentFromText(desc, index, { personFirst: true })?.agent ?? null;

  // ---- titles used as mentions: "the president", "the Turkish transport minister" ----
  if (roleMentions.length) {
    /**
     * Offices (lower case) and countries a person holds as the document and the dictionary say on
     * the date; with `former`, the offices held before.
     */
    const rolesOf = (acc: Acc, former: boolean): Array<{ office: string; country: string | null }> => {
      const out: Array<{ office: string; country: string | null }> = [];
      const country = acc.country ?? (acc.description ? descCountry(acc.description) : null) ?? acc.cand.dict?.country ?? null;
      const said = [acc.description, acc.cand.description].filter((d): d is string => !!d);
      const saysFormer = said.some((d) => /\b(?:former|then-|ex-|retired)/i.test(d));
      if (saysFormer === former) {
        if (acc.office) out.push({ office: acc.office, country: acc.igo?.id ?? country });
        for (const d of said) {
          const low = d.toLowerCase();
          for (const { title, re } of index.titlePatterns) if (re.test(low)) out.push({ office: title.office, country });
        }
      }
      for (const r of acc.cand.dict?.roles ?? []) {
        const active = r.start <= date && (r.end === null || date < r.end);
        const past = r.end !== null && r.end <= date;
        if (former ? past : active) out.push({ office: r.title.toLowerCase(), country: r.country });
      }
      return out;
    };
    const officeMatches = (mention: TitleDef, office: string) => {
      if (office === mention.office) return true;
      if (!office.endsWith(` ${mention.office}`)) return false;
      return !DISTINCT_OFFICE.test(office);
    };
    // the article's main country: the state mentioned most (strictly)
    const stateCounts = [...byKey.values()].filter((a) => a.cand.dict?.type === 'state').map((a) => ({ id: a.cand.dict!.id, n: a.mentions.length })).sort((a, b) => b.n - a.n);
    const mainCountry = stateCounts.length && (stateCounts.length === 1 || stateCounts[0].n > stateCounts[1].n) ? stateCounts[0].id : null;

    /** An unnamed holder of the mention's role, a person coded by the role's agent and the holder's state. */
    const addUnnamedHolder = (rm: RoleMention, key: string, body: Candidate | null = null) => {
      const name = text.slice(tokens[rm.nameStart].start, tokens[rm.tokenEnd - 1].end);
      const igo = rm.holder?.type === 'igo' ? rm.holder : null;
      add({
        tokenStart: rm.tokenStart, tokenEnd: rm.tokenEnd, kind: 'title', dict: null, key, name, type: 'person',
        country: igo ? null : rm.holder?.country ?? body?.country ?? null, agent: body ? agentInBody(rm.title.office, rm.title.agent, body) : rm.title.agent,
        description: name, office: rm.title.office, igo, origin: 'title',
      });
    };
    for (const rm of roleMentions) {
      const start = tokens[rm.tokenStart].start;
      // "a rebel leader", "an official": a person the story introduces, no earlier one and no
      // office holder of the dictionary; unnamed, coded by the role's agent ("REB", "TURGOV"), one
      // actor per such mention (a later "the rebel leader" joins it as the last with that role)
      // (a holder placed in a body after his title, "a top official in Kenya's main opposition
      // party", "the spokesman for the Australian government", is of the body's country)
      const body = rm.holder ? null : bodyAfter(rm.tokenEnd);
      const holderId = rm.holder?.id ?? body?.country ?? null;
      if (rm.indefinite) {
        if (!rm.former) addUnnamedHolder(rm, `role:${holderId ?? ''}:${rm.title.office}:${rm.tokenStart}`, body);
        continue;
      }
      // the last person mentioned before with this role (and this country, when the mention names one)
      let best: Acc | null = null;
      let bestAt = -1;
      for (const acc of byKey.values()) {
        if (acc.cand.type !== 'person') continue;
        const before = acc.mentions.filter((m) => m.start < start).map((m) => m.start);
        if (!before.length) continue;
        const at = Math.max(...before);
        if (at <= bestAt) continue;
        const ok = rolesOf(acc, rm.former).some((r) => officeMatches(rm.title, r.office) && (!holderId || r.country === holderId || acc.country === holderId));
        if (!ok) continue;
        best = acc;
        bestAt = at;
      }
      if (best) {
        best.mentions.push(mentionOf(rm.tokenStart, rm.tokenEnd, 'title'));
        continue;
      }
      if (rm.former) continue;
      // (a post in a body is none of the state's offices: an unnamed holder)
      if (body) { addUnnamedHolder(rm, `role:${holderId}:${rm.title.office}`, body); continue; }
      // else the holder of the office on the date, in the country named or the main country
      const where = rm.holder?.id ?? mainCountry;
      const who = where ? dict.holderOf(rm.title.office, where, date) : null;
      if (who) {
        const known = byKey.get(`dict:${who.id}`);
        if (known) known.mentions.push(mentionOf(rm.tokenStart, rm.tokenEnd, 'title'));
        else add({ tokenStart: rm.tokenStart, tokenEnd: rm.tokenEnd, kind: 'title', dict: who, key: `dict:${who.id}`, name: who.name, type: 'person', country: who.country, agent: null, description: null, origin: 'dictionary' });
        continue;
      }
      // else, when the mention names the country, an unnamed holder ("Turkish transport minister");
      // or a one-person agent's role, no office, with none before ("the gunman"): a person of its own
      // (a roles.yaml title with the words of a one-person agent, "the journalist", is one too)
      const words = rm.title.words.join(' ');
      const personRole = index.personRolesByFirst.get(firstWord(rm.title.words[0]))?.includes(rm.title) ||
        index.agents.some((a) => a.type === 'person' && a.words.join(' ') === words);
      if (rm.holder || personRole) addUnnamedHolder(rm, `role:${rm.holder?.id ?? ''}:${rm.title.office}`);
    }
  }

  // ---- an unnamed office holder named later ("Moldova's energy minister accused Russia … Energy
  // Minister Victor Parlicov said …"): the first person introduced afterwards with that office in
  // his title, of no other country, is the holder; the two are one actor
  for (const [key, t] of byKey) {
    if (!key.startsWith('role:') || t.igo || !t.office) continue;
    const office = t.office.toLowerCase();
    let holder: Acc | undefined;
    for (const p of byKey.values()) {
      if (p === t || p.cand.type !== 'person' || p.cand.dict || p.first <= t.first || (p.country && p.country !== t.country)) continue;
      if (!(p.description ?? '').toLowerCase().endsWith(office) && (p.office ?? '').toLowerCase() !== office) continue;
      if (!holder || p.first < holder.first) holder = p;
    }
    if (!holder) continue;
    holder.mentions.push(...t.mentions);
    holder.first = Math.min(holder.first, t.first);
    holder.country ??= t.country;
    holder.agent ??= t.agent;
    byKey.delete(key);
  }

  // ---- codes ----
  const accs = [...byKey.values()].sort((a, b) => a.first - b.first);
  // a story filed from abroad ("GENEVA -- … Sudan's army … El Fasher …"): when another country is
  // named at least twice and more often than the dateline's (by actors of that country and places
  // in it, the dateline itself not counted), the dateline places no one
  const countryMentions = new Map<string, number>();
  const countMention = (cc: string | null) => { if (cc) countryMentions.set(cc, (countryMentions.get(cc) ?? 0) + 1); };
  for (const c of cands) if (!c.datelinePlaced) countMention(c.country ?? (c.dict?.type === 'state' ? c.dict.id : null));
  for (const pl of places) if (!datelineSentence[tokens[pl.tokenStart].sentence]) countMention(pl.country);
  const datelineMentions = datelineCountry ? countryMentions.get(datelineCountry) ?? 0 : 0;
  const foreignDateline = !!datelineCountry && [...countryMentions].some(([cc, n]) => cc !== datelineCountry && n >= 2 && n > datelineMentions);
  // the story's country: the one whose actors (the state, its people, bodies and officials) and
  // places are named at least four times and more than twice as often as any other country's (a
  // story about one country's unrest, not one between two states); null otherwise
  const ranked = [...countryMentions].sort((a, b) => b[1] - a[1]);
  const storyCountry = ranked.length && ranked[0][1] >= 4 && ranked[0][1] > 2 * (ranked[1]?.[1] ?? 0) ? ranked[0][0] : null;
  /**
   * The story's country for a dictionary organization or group bound to another state whose name
   * also names a local body of the story's country (organizations.yaml `namesakes`: "al-Shabaab"
   * in Mozambique), when the story never names the entry's state (by anything but the body
   * itself) and names the story's country in the sentence of the body's first mention or the one
   * before: the text places the body there, and the name is the namesake's. Else null (the Somali
   * group raiding Kenya stays SOM: Kenya is no namesake's state).
   */
  function relocated(acc: Acc): string | null {
    const home = acc.cand.dict?.country;
    // (the story's country, else a dateline's that is also the country named most: "MAPUTO -- …")
    const story = storyCountry ?? (datelineCountry && !foreignDateline && ranked[0]?.[0] === datelineCountry && ranked[0][1] > (ranked[1]?.[1] ?? 0) ? datelineCountry : null);
    if (!home || !story || story === home || !acc.cand.dict!.namesakes?.includes(story)) return null;
    const own = cands.filter((x) => x.dict === acc.cand.dict).length;
    if ((countryMentions.get(home) ?? 0) > own) return null;
    const s = tokens[acc.first].sentence;
    const near = (tok: number) => tokens[tok].sentence >= s - 1 && tokens[tok].sentence <= s;
    return cands.some((x) => near(x.tokenStart) && (x.country ?? (x.dict?.type === 'state' ? x.dict.id : null)) === story) ||
      places.some((pl) => near(pl.tokenStart) && pl.country === story) ? story : null;
  }
  /** each actor's country as coded below, for the people who serve a body coded before them */
  const finalCountry = new Map<Acc, string | null>();
  const actors: ResolvedActor[] = accs.map((acc, n) => {
    const c = acc.cand;
    let country = acc.country;
    if (foreignDateline && c.datelinePlaced && country === datelineCountry) country = null;
    let code: string | null = null;
    let description = acc.description;
    if (c.dict) {
      if (c.dict.type === 'person') {
        country = c.dict.country ?? country;
        const pc = personCoding(c.dict, date, dict, acc.agent);
        code = pc.code;
        // a person acting for an international organization ("UN Secretary-General Antonio
        // Guterres", IGOUNO) acts for no state: his nationality is not his actor country
        if (code?.startsWith('IGO')) country = null;
        // an apposition in the text wins; else the role held on the date (or held before); else the title written before the name
        // ("Kazakhstan's then-prime minister, Karim Masimov," in an old photo caption describes a past
        // role, so for a dictionary person the role on the publication date wins over it)
        const pastApposition = acc.appositive && /\b(?:then|former|ex)-|\bformer\b/i.test(description ?? '');
        if ((!acc.appositive || pastApposition) && pc.description) description = pc.description;
      } else {
        code = codeOnDate(c.dict, date);
        // a body the dictionary binds to one state, named in a story wholly about another that
        // never names the first and places the body there: that state's namesake ("al-Shabaab",
        // the Somali group's name, is also the local name of Mozambique's insurgents in Cabo
        // Delgado), `relocated`
        const moved = relocated(acc);
        if (moved && code) { country = moved; code = moved + code.slice(c.dict.country!.length); }
      }
    } else if (acc.igo && c.type === 'person') {
      code = acc.igo.code;
      description = description ?? `${acc.office} of ${holderName(acc.igo, null)}`;
    } else {
      if (description) {
        country = country ?? descCountry(description);
        acc.agent = acc.agent ?? descAgent(description);
      }
      // a domestic agent or official with no country of its own, in a story filed from one country
      // ("HARARE, Aug. 25 -- Police detained …"): the dateline's country (wire convention: the
      // dateline names where the story happens)
      if (!country && datelineCountry && !foreignDateline && (c.origin === 'group' || c.origin === 'title') && placedByDateline(acc.agent, c.name)) country = datelineCountry;
      // (with no dateline, the story's country, `storyCountry`, places an unnamed street-level group
      // the same way, and a state body named by its kind alone: "Police detained …", "the Interior
      // Ministry said", "the junta" in a story about one country)
      // (a dateline alone places no ministry: a story filed from Brussels names foreign ones; the
      // story's country does, also when it is the dateline's)
      else if (!country && storyCountry && !c.dict && ((!(datelineCountry && !foreignDateline) && c.origin === 'group' && placedByDateline(acc.agent, c.name)) ||
        ((!datelineCountry || storyCountry === datelineCountry || foreignDateline) && c.type === 'organization' && /^(?:GOV|LEG)/.test(acc.agent ?? '') && STATE_BODY.test(c.name)))) country = storyCountry;
      // (a story filed from abroad, "BANGKOK -- … the junta …" about Myanmar, too: the dateline
      // is then no party's country, `foreignDateline`)
      // a person whose title follows a body's name ("junta spokesman Zaw Min Tun", "Taliban
      // spokesman …"): the body's country, also one the story gave it above
      if (!country && c.type === 'person' && c.body) {
        const b = byKey.get(c.body.key);
        country = (b && finalCountry.get(b)) ?? c.body.country ?? null;
      }
      // a spokesperson with no country, named in or just after a ministry's statement ("China's
      // foreign ministry said … Spokesperson Lin Jian told a briefing …") or a state's metonym
      // ("The Kremlin denied … Spokesman Dmitry Peskov said …"): the ministry's or state's country
      if (!country && c.type === 'person' && /\bspokes(?:man|woman|person)\b/i.test(description ?? '')) {
        const sentence = tokens[acc.first].sentence;
        let best = -1;
        for (const o of accs) {
          const oc = finalCountry.get(o) ?? o.country;
          if (o === acc || !oc) continue;
          const body = o.cand.type === 'organization' && /GOV/.test(o.agent ?? o.cand.dict?.code ?? '');
          if (!body && o.cand.dict?.type !== 'state') continue;
          for (const m of o.mentions) {
            if ((body || m.kind === 'metonym') && m.tokenStart < acc.first && m.tokenStart > best && tokens[m.tokenStart].sentence >= sentence - 1) { best = m.tokenStart; country = oc; }
          }
        }
      }
      // an office holder named with a title of a state's office and no country ("Defence Minister
      // Ivan Velasquez said" in a story about Colombia): the story's country (news copy qualifies
      // a foreign official's title: "Venezuelan Defence Minister …"); not a spokesperson, who
      // speaks for a body named near him (above), nor a post of an IGO
      if (!country && c.type === 'person' && storyCountry && acc.office && /^(?:GOV|MIL|LEG|JUD)/.test(acc.agent ?? '') &&
        !/\bspokes(?:man|woman|person)\b|\bformer\b|\bthen-/i.test(description ?? '')) country = storyCountry;
      code = country || acc.agent ? `${country ?? ''}${acc.agent ?? ''}` : null;
    }
    finalCountry.set(acc, country);
    return {
      id: `a${n + 1}`, name: c.dict ? c.dict.name : c.name, type: c.type, country, code: code || null, description,
      mentions: acc.mentions.sort((a, b) => a.start - b.start), dictId: c.dict?.id ?? null, origin: c.origin,
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

