/**
 * Event coding (first cut, rule-based): finds CAMEO events in an annotated document, with
 * source and target actors, negation, modality, date and place.
 *
 * - Triggers: verb lemmas and noun phrases of data/events/patterns.yaml (CAMEO codebook v1.1b3
 *   codes; names, Goldstein scores and QuadClass from data/cameo/eventcodes.tsv; PLOVER type and
 *   mode from data/cameo/plover.tsv).
 * - Source: for a verb, the nearest actor before it in its clause (skipping appositions and
 *   "X-led" modifiers); for a passive ("was requested by X") the actor after "by"; for a noun, a
 *   possessive or "between A and B". Target: the first actor after the pattern's preposition, or
 *   after the trigger; for a passive, the subject.
 * - Negation: "not", "n't", "never", "no" just before the trigger.
 * - Modality: hypothetical (could, might, may, would, likely/unlikely to, if, a question),
 *   intended (will, plan/intend/want/seek/aim/offer/pledge/promise/vow to), reported (inside a
 *   quote's content), else asserted.
 * - Date: the date expression of the sentence nearest to the trigger (time/), else the
 *   publication date. Place: a country or capital after "in"/"at", else the target's country.
 * - Events with the same code, source, target and date in one article are merged (first kept).
 *
 * `confidence` here is the rule score: 0.5 base, +0.2 with a source, +0.1 with a target, +0.1 for
 * a pattern with an object constraint, −0.2 for a generic (x0) code, −0.2 for a trigger with no
 * participant; events under `minConfidence` (0.35) are dropped. The pipeline then replaces it by
 * the calibrated confidence of src/events/confidence.ts (rule score + PLOVER classifier).
 *
 * Source and target come from the dependency parse when the document has one
 * (src/events/arguments.ts); the word-order rules above fill what the parse leaves empty. A stated
 * intent ("will send", "pledged to send") is coded under CAMEO root 03 or 13 (data/cameo/intent.tsv).
 */
import type { AnnotatedText } from '../types.js';
import type { Modality } from '../schema.js';
import { DOMESTIC_AGENTS, afterStateDescription, type ActorResolution } from '../actors/resolve.js';
import { raisedPassive, type FoundQuote } from '../quotes/index.js';
import { DEFAULT_PLOVER_VERSION, loadCodebook, type Codebook, type PloverVersion } from './codebook.js';
import { loadPatterns, loadTargetPrepositions, type EventPattern, type PatternIndex } from './patterns.js';
import { resolveDates } from '../time/index.js';
import { verbFormIndex } from './verb-forms.js';
import { isTitleCase } from '../nlp/title-case.js';
import { ACCUSE_VERBS, COMMENT_VERBS, caseOf, childrenOf, detachedConjunct, nounArguments, phraseTokens, subjectOf, verbArguments, type SyntaxView } from './arguments.js';

/** An event found in the text (internal form of the contract's event). */
export interface FoundEvent {
  code: string;
  root: string;
  name: string;
  quadClass: number;
  goldstein: number;
  plover: { type: string; mode: string | null } | null;
  /** indices into ActorResolution.actors, or -1 */
  source: number;
  target: number;
  date: string | null;
  datePrecision: 'day' | 'week' | 'month' | 'year' | null;
  /** where `date` came from: an expression of the event's sentence, or the publication date (null when undated) */
  dateSource: 'sentence' | 'publication' | null;
  location: { name: string; country: string | null } | null;
  sentence: { start: number; end: number };
  trigger: { start: number; end: number; text: string };
  negated: boolean;
  modality: Modality;
  confidence: number;
  /**
   * How the event was coded: absent for a pattern of data/events/patterns.yaml; 'classifier' for
   * the PLOVER classifier's event of a sentence no pattern matched (its confidence is then the
   * classifier's probability before calibration, as the rule score is for patterns).
   */
  origin?: 'classifier';
  /** Other mentions of the same happening merged into this event (sentence and trigger), in text order. */
  mentions?: Array<{ sentence: { start: number; end: number }; trigger: { start: number; end: number; text: string } }>;
}

/**
 * Is token `t` (after trigger `k`) in a later clause joined by "and" ("… invested in Kazakhstan and
 * Xi launched …"): outside `k`'s subtree, with a coordinating conjunction between them whose head
 * is a conjoined verb?
 */
function inLaterConjunct(v: SyntaxView, k: number, t: number): boolean {
  if (dominates(v, k, t) || !v.lower.slice(k, t).includes('and')) return false;
  for (let j = k + 1; j < t; j++) {
    const h = v.parse.head[j];
    if (v.tokens[j].pos === 'CCONJ' && h >= 0 && v.parse.relation[h] === 'conj' && v.tokens[h].pos === 'VERB') return true;
  }
  return false;
}

/**
 * The predicate whose finite clause holds token `i`: the nearest verb at or above it that has a
 * subject of its own (the root when none). Non-finite verbs ("to send", "rising prices", "…,
 * killing five") share the time of the clause they hang from, so they are climbed through.
 */
function clauseHead(v: SyntaxView, i: number): number {
  let cur = i;
  for (let n = 0; n < 50 && v.parse.head[cur] >= 0; n++) {
    if (v.tokens[cur].pos === 'VERB' && v.children[cur].some((c) => /^(?:nsubj|nsubj:pass|csubj)$/.test(v.parse.relation[c] ?? ''))) break;
    cur = v.parse.head[cur];
  }
  return cur;
}

/**
 * Does the date expression starting at token `d` date the event triggered at token `k`? Yes when
 * the date lies in the trigger's finite clause or in one that governs it (a date distributes down
 * to complements and adjuncts); no when it lies in a finite clause of its own below or beside the
 * trigger's ("… after protests removed leaders in 2003"). An unknown token (-1) counts as governing.
 */
function dateGoverns(v: SyntaxView, k: number, d: number): boolean {
  if (d < 0 || k < 0) return true;
  const cd = clauseHead(v, d);
  const ck = clauseHead(v, k);
  // a clause in the present tense ("…, a ruling Beijing rejects") keeps its own time: a past date
  // of the clause above does not date it
  if (ck !== cd && /^(?:acl|acl:relcl|ccomp|parataxis|conj)$/.test(v.parse.relation[ck] ?? '') && v.tokens[ck].pos === 'VERB' &&
    /[^s]s$/.test(v.lower[ck]) && !v.children[ck].some((c) => /^aux/.test(v.parse.relation[c] ?? ''))) return false;
  for (let cur = ck, n = 0; cur >= 0 && n < 50; cur = v.parse.head[cur], n++) if (cur === cd) return true;
  return false;
}

/** Is token `t` inside the subtree of token `k` (k itself included)? Walks at most 40 heads up. */
function dominates(v: SyntaxView, k: number, t: number): boolean {
  for (let i = t, n = 0; i >= 0 && n < 40; i = v.parse.head[i], n++) if (i === k) return true;
  return false;
}

/** Options of event coding. */
export interface EventOptions {
  /** Publication date YYYY-MM-DD, the reference for relative dates and the fallback date. */
  published: string | null;
  /** Events whose rule confidence is below this are dropped (default 0.35). */
  minConfidence?: number;
  /** Use the dependency parse for source and target when the document has one (default true). */
  syntax?: boolean;
  /**
   * The PLOVER sentence classifier (src/events/confidence.ts `ploverProbabilities`): sentence text →
   * probability of each PLOVER type and NONE. When given, a sentence where no pattern fires but
   * the classifier's best type reaches `classifierMin` gets one event from the classifier (see
   * `findEvents`). Absent: patterns only.
   */
  classify?: (sentence: string) => Record<string, number> | null;
  /** Least classifier probability of a classifier event's type (default 0.5: the type is more likely than every other answer, NONE included, together). */
  classifierMin?: number;
}

/** Loaded resources of the event coder; build once, reuse for every document. */
export interface EventCoder {
  codebook: Codebook;
  patterns: PatternIndex;
  /** Inflected forms of the pattern verbs → lemma (src/events/verb-forms.ts), for mis-tagged verbs. */
  verbForms: Map<string, string>;
  /** PLOVER type → the CAMEO code a classifier event of that type gets (see {@link genericCodes}). */
  genericCodes: Map<string, string>;
  /** CAMEO root → default target prepositions (data/events/target-prepositions.yaml). */
  targetPreps: Map<string, string[]>;
}

/**
 * The CAMEO code that stands for a whole PLOVER type: among the 3-digit codes the CAMEO→PLOVER
 * table maps to the type, the first "not specified below" code (ending in 0) in codebook order,
 * else the first 3-digit code (e.g. ASSAULT → "180", CONSULT → "040"): the generic code of the
 * type's first root (CAMEO codebook v1.1b3 writes event
 * codes with three or four digits; the 2-digit roots are categories).
 */
export function genericCodes(codebook: Codebook): Map<string, string> {
  const out = new Map<string, string>();
  // a root's "not specified below" code (x0) first, then any 3-digit code
  for (const generic of [true, false]) {
    for (const c of codebook.all()) {
      if (c.code.length !== 3 || (generic && !c.code.endsWith('0'))) continue;
      const t = codebook.plover(c.code)?.type;
      if (t && !out.has(t)) out.set(t, c.code);
    }
  }
  return out;
}

/** Load the codebook (PLOVER types after `ploverVersion`, default "2025") and the patterns once. */
export function createEventCoder(ploverVersion: PloverVersion = DEFAULT_PLOVER_VERSION): EventCoder {
  const patterns = loadPatterns();
  const codebook = loadCodebook(undefined, ploverVersion);
  return { codebook, patterns, verbForms: verbFormIndex(patterns.byVerb.keys()), genericCodes: genericCodes(codebook), targetPreps: loadTargetPrepositions() };
}

const NEG = new Set(['not', "n't", 'never', 'no', 'without', 'cannot', 'can\'t', 'won\'t', 'neither', 'nor']);
const HYPO = new Set(['could', 'might', 'may', 'would', 'should', 'if', 'whether', 'unless', 'likely', 'unlikely', 'possible', 'potential', 'risk']);
const INTEND = new Set(['will', "'ll", 'plan', 'intend', 'want', 'seek', 'aim', 'offer', 'pledge', 'promise', 'vow', 'hope', 'expect', 'prepare', 'threaten']);
/**
 * Codes of joint acts that take two sides (CAMEO codebook v1.1b3: consult and meet 04x, negotiate
 * 046, sign a formal agreement 057, cooperate 06x, fight with small arms 193 as in "clashed"):
 * with coordinated sources and no target, each source targets the others.
 */
const RECIPROCAL_CODES = /^(?:04|057|06|193|036|0311|0312|0313|0314|0871)/;
/** Definite descriptions that stand for an actor named before, with the actor types they may name. */
const DESCRIPTION_KIND: Record<string, string[]> = {
  country: ['state'], nation: ['state'], kingdom: ['state'], republic: ['state'],
  group: ['group', 'organization'], militia: ['group', 'organization'], movement: ['group', 'organization'],
  alliance: ['igo'], bloc: ['igo'], organization: ['igo', 'organization'], organisation: ['igo', 'organization'],
};
/** A sentence that speaks of the future: its bare weekdays are the coming ones ("will meet on Friday"). */
const FUTURE = /\b(?:will|shall|'ll|would|plans? to|planned to|planning to|is to|are to|scheduled|due to|expected to|set to|next|(?:offer|pledge|promise|vow|intend|hope)(?:s|ed)? to)\b/i;
/** Predicates whose infinitive complement is a stated intent ("agreed to send", "is ready to send"), and their nouns ("announced their intention to lay down arms"). */
const INTENT_GOVERNORS = new Set(['agree', 'ready', 'willing', 'prepared', 'committed', 'commit', 'decide', 'determined', 'resolve', 'going', 'eager',
  'intention', 'willingness', 'readiness']);
const MODIFIER_SUFFIX = /^(?:led|backed|based|run|funded|friendly|born|made|owned|controlled|sponsored|allied|aligned|flagged|registered|bound)$/;
const LOCATIVE = new Set(['in', 'at', 'inside', 'across', 'throughout']);
/** Things met that are no party ("met its targets", "meet the deadline"): no meeting (CAMEO 04). */
const MET_THINGS = new Set(['target', 'targets', 'goal', 'goals', 'deadline', 'deadlines', 'requirement', 'requirements', 'criteria', 'criterion',
  'condition', 'conditions', 'obligation', 'obligations', 'need', 'needs', 'expectation', 'expectations', 'standard', 'standards', 'threshold', 'quota',
  'quotas', 'benchmark', 'benchmarks', 'commitments', 'costs', 'cost', 'payments', 'payment', 'demand']);

/** Modal and future auxiliaries of a clause that states an obligation or a plan. */
const MODAL_FUTURE = new Set(['must', 'should', 'will', 'would', 'shall', "'ll", 'wo', 'ought', 'need']);
/** Indefinite pronouns: a subject that names no one ("will not allow anyone to threaten …"). */
const INDEFINITE_PRONOUNS = new Set(['anyone', 'anybody', 'someone', 'somebody', 'everyone', 'everybody', 'nobody', 'no-one', 'whoever']);

/** Nouns naming a charge made (a denial whose subject is one denies its content, not the making of it). */
const ALLEGATION_NOUNS = new Set(['charge', 'charges', 'claim', 'claims', 'accusation', 'accusations', 'allegation', 'allegations', 'assertion', 'assertions']);
/**
 * CAMEO codes whose act lands on a territory, so that a state named in the act's place phrase is
 * its target when nothing else is: ceasefires (087x), states of emergency and curfews (172x),
 * demobilisation (0356), aid given (07) or cut (16x), troops sent (074, 15x force posture) and
 * calls for reform (024). CAMEO codebook v1.1b3 codes the territory's state as the target of such
 * acts; the ConfliBERT CAMEO annotation (Parolin et al. 2022) marks it so ("suspended aid
 * deliveries in Nigeria": Nigeria).
 */
const TERRITORY_CODES = /^(?:087|172|0356|07|074|15|16[0-6]|024)/;
/** Prepositions of cause or circumstance: a noun act after one is the reason for the clause's act, not the clause subject's act. */
const REASON_PREPOSITIONS = new Set(['over', 'amid', 'despite', 'after', 'following', 'since', 'because', 'against', 'about', 'regarding', 'concerning']);
/** Directional prepositions that name a territory for TERRITORY_CODES ("aid to Gaza", "withdrew from Sinai"). */
const TERRITORY_DIRECTIONS = new Set(['to', 'into', 'from']);
/** Verbs that take an -ing complement sharing their subject ("considering sending", "began shelling", "stopped supplying"). */
const ING_CATENATIVES = new Set(['deny', 'admit', 'acknowledge', 'consider', 'start', 'begin', 'stop', 'continue', 'keep', 'resume', 'finish', 'quit', 'avoid', 'discuss', 'propose', 'recommend', 'suggest', 'contemplate', 'risk', 'cease']);
/** Verbs of asking and urging whose infinitive complement is the act requested ("urged Caracas to free …"). */
const ASKING = new Set(['ask', 'urge', 'call', 'request', 'demand', 'press', 'appeal', 'implore', 'beg', 'encourage', 'invite', 'petition', 'lobby']);
/** Plural nouns that name a pair of actors named before ("the two leaders"), with the actor types they take (none: any). */
const PAIR_NOUNS: Record<string, string[]> = {
  leaders: ['person'], presidents: ['person'], ministers: ['person'], premiers: ['person'], heads: ['person'],
  countries: ['state'], nations: ['state'], governments: ['state'], states: ['state'], neighbours: ['state'], neighbors: ['state'],
  sides: [], parties: [], delegations: [],
};
/** Prepositions that make an act named as a noun the reference point of another's date ("days after a clash"). */
const REFERENCE_WORDS = new Set(['after', 'before', 'following', 'since', 'ahead']);
/** Nouns by which an article refers back to a violent act it told ("condemned the strike"). */
const ACT_NOUNS = new Set(['strike', 'strikes', 'attack', 'attacks', 'bombing', 'shelling', 'killing', 'killings', 'raid', 'assault', 'invasion', 'offensive', 'massacre', 'airstrike']);
/** Direction words between a locative preposition and its place ("in northern Syria"). */
const DIRECTIONS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'northeastern', 'northwestern', 'southeastern', 'southwestern', 'north-eastern', 'north-western', 'south-eastern', 'south-western']);
/**
 * Verbs of attitude toward an act named as a noun ("supported a ceasefire", "would recognise
 * Russia's annexation", "proposed talks"): the noun names the act talked about, not one that
 * happens; the verb's own pattern, if any, is the event. Not the factive ones (condemn, praise,
 * welcome): "condemned the Israeli strike" presupposes the strike.
 */
const ATTITUDE_VERBS = new Set(['support', 'back', 'endorse', 'recognise', 'recognize', 'oppose', 'reject',
  'want', 'seek', 'propose', 'discuss', 'debate', 'consider', 'demand', 'urge', 'favor', 'favour', 'accept', 'acknowledge']);
/** Adverbs that attribute or hedge a claim ("allegedly shelled"): the act is reported. */
const HEDGES = new Set(['allegedly', 'reportedly', 'purportedly', 'supposedly', 'apparently']);
/** Markers of a condition; "once" only before a subject ("once the West lifted …"). */
const CONDITION_MARKS = new Set(['if', 'unless', 'once', 'provided', 'whether']);
/**
 * Words that open an adverbial or relative clause; a word-order argument search stops there. Not
 * "that", "if", "unless" or "whether": the subject of a demand's or a threat's clause is its target
 * ("demanded that the government …", "threatened to strike if Israel …").
 */
const CLAUSE_OPENERS = new Set(['after', 'before', 'when', 'while', 'because', 'since', 'until', 'although', 'though', 'whereas', 'once', 'which', 'who', 'whom', 'whose', 'where']);
/** Does an actor with this agent code act at home: a domestic agent (actors/resolve.ts `DOMESTIC_AGENTS`) or rebels, by its first agent ("CVLOPP" protesters are civilians)? */
const actsAtHome = (code: string | null): boolean => !!code && (DOMESTIC_AGENTS.has(code.slice(0, 3)) || code.startsWith('REB'));
/** Verbs that stop a text from taking effect ("vetoed a resolution that demanded …"). */
const REJECTING_TEXT = new Set(['veto', 'reject', 'block', 'defeat', 'oppose', 'withdraw', 'scrap']);
/** Nouns that make a war, an attack or an offensive no use of force: "trade war", "price war", "charm offensive". */
const NON_MILITARY_QUALIFIERS = new Set(['trade', 'price', 'tariff', 'currency', 'culture', 'cultural', 'information', 'propaganda', 'media', 'legal', 'bidding', 'turf', 'charm', 'diplomatic', 'verbal', 'cyber']);
/** Words that make a date the end of a period or a deadline: "until 2028", "by the end of March". */
const BOUND_BEFORE_DATE = /\b(?:until|till|through|by|before)\s+(?:the\s+(?:end|middle|start|beginning)\s+of\s+)?$/i;
/** Verbs that call an act off ("cancelled a planned visit", "postponed the talks"): the act named as their object did not take place. */
const CANCELLING = new Set(['cancel', 'postpone', 'suspend', 'scrap', 'delay', 'abandon', 'shelve', 'drop', 'defer', 'halt']);
/** Nouns of an act that may come ("the possibility of a ban", "the prospect of sanctions", "the risk of war"). */
const POSSIBILITY = new Set(['possibility', 'possibilities', 'prospect', 'prospects', 'potential', 'likelihood', 'spectre', 'specter', 'threat', 'risk', 'danger']);
/** Modifiers of a noun act that is only planned ("a planned visit", "the proposed talks"). */
const PLANNED = new Set(['planned', 'proposed', 'scheduled', 'expected', 'upcoming', 'possible', 'potential', 'prospective', 'mooted']);
/** Verbs of demanding whose "that" clause in the base form is an act asked for ("demanded that Rwanda withdraw"). */
const MANDATIVE = new Set(['demand', 'insist', 'urge', 'ask', 'request', 'propose', 'recommend', 'require']);
/** Object words of military aid that are also a sender's own forces when no one receives them (warships, jets, tanks). */
const FORCE_PLATFORMS = /^(?:warships?|ships?|fighter|jets?|aircraft|tanks?|armou?red|drones?|bombers?|submarines?|carriers?|vessels?)$/;
/** Aspectual verbs that take an act as a gerund ("to keep protesting", "to stop firing"). */
const ASPECTUAL = new Set(['keep', 'continue', 'stop', 'resume', 'start', 'begin', 'cease', 'quit']);
/** Nouns of forces moving ("the arrival of troops", "the withdrawal of CSTO forces"): the forces after "of" are the source. */
const MOVEMENT_NOUNS = new Set(['arrival', 'withdrawal', 'pullout', 'pull-out', 'departure']);
/** Verbs of saying that commit the speaker to an act of its own ("pledged to work with China", "vowed to retaliate"). */
const COMMITMENT = new Set(['pledge', 'promise', 'vow', 'agree', 'decide', 'threaten']);
/** Cue verbs whose object act is done by saying it (announce, declare, order, unveil, proclaim), as cue text. */
const PERFORMATIVE_CUES = /^(?:announc|declar|order|unveil|proclaim)/i;
const REPORTING = new Set(['say', 'tell', 'announce', 'state', 'declare', 'add', 'report', 'confirm', 'promise', 'pledge']);
/** Verbs of saying and thinking whose clause's pronoun subject is usually their own subject ("the rebels claimed that they had attacked"). */
const COMMUNICATION = new Set(['claim', 'insist', 'warn', 'vow', 'stress', 'reiterate', 'note', 'argue', 'allege', 'deny', 'admit', 'acknowledge', 'believe', 'think', 'hope', 'fear', 'know', 'indicate', 'signal', 'threaten', 'decide', 'agree', 'explain', 'write', 'assert', 'maintain', 'emphasize', 'emphasise']);
/**
 * Verbs of being, having and becoming: a state or a change of state, never an act that a classifier
 * event could stand on ("ties have grown closer", "the situation remains tense").
 */
const STATIVE = new Set(['be', 'have', 'become', 'remain', 'seem', 'appear', 'grow', 'get', 'look', 'stay', 'continue', 'exist', 'include', 'contain', 'mean', 'lie', 'sit', 'stand', 'feel', 'sound', 'turn', 'prove', 'tend', 'belong', 'depend', 'consist', 'cost', 'weigh', 'rise', 'fall', 'increase', 'decrease', 'decline', 'drop']);
/**
 * Verbs of perceiving, knowing and watching: no act toward anyone, whatever a classifier reads in
 * the sentence ("NATO said it was following the situation closely").
 */
const PERCEIVING = new Set(['follow', 'monitor', 'watch', 'observe', 'track', 'know', 'believe', 'think', 'hope', 'understand', 'see', 'hear', 'notice', 'wonder', 'remember', 'recall']);
/**
 * Agent codes of forces (CAMEO MIL, COP, SPY): as the theme of an act ("sent troops", "deployed
 * warships") they are the source's own means, not the target, unlike people acted upon ("freed
 * prisoners", and soldiers released or returned, CAMEO 08x).
 */
const OWN_FORCES = /(?:MIL|COP|SPY)$/;
/** Documents and figures: a verb whose object is one of them publishes, it does not act. */
const DOCUMENT_NOUNS = new Set(['statement', 'statements', 'report', 'reports', 'letter', 'video', 'videos', 'results', 'figures', 'data',
  'book', 'film', 'album', 'photo', 'photos', 'document', 'documents', 'study', 'survey', 'poll', 'list', 'details', 'transcript', 'readout', 'communique', 'communiqué']);
/** Verbs of urging whose clause says what another party must do ("insisted that Israel must withdraw"). */
const DEMANDING = new Set(['urge', 'demand', 'insist', 'stress', 'tell', 'write']);
/** Verbs of travel that govern a visit named further on ('arrived in Astana … for a state visit'). */
const TRAVEL_VERBS = new Set(['arrive', 'come', 'travel', 'fly']);
/** Light verbs whose subject is the source of an event noun they govern ("offer support", "hold talks"). */
const SUPPORT_VERBS = new Set(['arrive', 'pay', 'come', 'travel', 'fly', 'offer', 'throw', 'give', 'pledge', 'express', 'make', 'hold', 'launch', 'conduct', 'enhance', 'increase', 'deepen', 'announce', 'begin', 'start', 'stage', 'order', 'carry', 'voice', 'lend', 'provide', 'undertake', 'perform', 'open', 'mount', 'wage', 'file', 'issue', 'lodge', 'impose', 'extend', 'step']);

/**
 * Code the events of one document. Pure function of its inputs.
 */
export function findEvents(doc: AnnotatedText, res: ActorResolution, quotes: FoundQuote[], coder: EventCoder, opts: EventOptions): FoundEvent[] {
  const { tokens, text, sentences } = doc;
  const lower = tokens.map((t) => t.text.toLowerCase());
  const { actors, actorAtToken } = res;
  const events: FoundEvent[] = [];
  /** noun acts found deep in an intent's infinitive: trigger start → the intending verb's start ("threatened" in "threatened to trigger … sanctions") */
  const intentHeadAt = new Map<number, number>();
  /** Token index of an event's trigger (the token starting at its first character), for the passes over coded events. */
  const tokenAtStart = new Map(tokens.map((t, i) => [t.start, i]));
  /** The first token starting at or after `offset` (tokens are in text order), else -1: `tokens.findIndex((x) => x.start >= offset)` by binary search. */
  const firstTokenFrom = (offset: number): number => {
    let lo = 0, hi = tokens.length;
    while (lo < hi) { const mid = (lo + hi) >>> 1; if (tokens[mid].start >= offset) hi = mid; else lo = mid + 1; }
    return lo < tokens.length ? lo : -1;
  };
  const triggerToken = (e: FoundEvent): number => tokenAtStart.get(e.trigger.start) ?? -1;
  /**
   * Whether token j ends a noun pattern of two or more words that starts before it and names an
   * act of another PLOVER type than `code` ("air strikes", ASSAULT, is no labour strike, PROTEST).
   */
  const endsNounPattern = (j: number, code: string): boolean => {
    const type = coder.codebook.plover(code)?.type;
    for (let a = Math.max(0, j - 3); a < j; a++) {
      for (const q of coder.patterns.byNoun.get(lower[a]) ?? []) {
        if (q.words.length === j - a + 1 && q.words.every((w, x) => lower[a + x] === w) && coder.codebook.plover(q.code)?.type !== type) return true;
      }
    }
    return false;
  };
  /**
   * Whether "and" or "but" stands before the mention starting at token `start`, past at most
   * `modifiers` names, nouns, adjectives or determiners ("and Chinese President Xi"), after `floor`.
   */
  const conjunctionBefore = (start: number, floor: number, modifiers: number): number => {
    let b = start - 1;
    while (b > floor && start - 1 - b < modifiers && /^(?:PROPN|NOUN|ADJ|DET)$/.test(tokens[b].pos)) b--;
    return b > floor && (lower[b] === 'and' || lower[b] === 'but') ? b : -1;
  };
  /**
   * Whether actor `a` is named after token `k` (before `end`) only as the subject of a coordinated
   * clause: "and" (or "but") before the mention and its modifiers ("and Chinese President Xi
   * Jinping"), a verb after it, past adverbs ("even launched").
   */
  const nextClauseSubject = (a: number, k: number, end: number): boolean => {
    const ms = actors[a].mentions.filter((m) => m.tokenStart > k && m.tokenEnd <= end);
    return ms.length > 0 && ms.every((m) => {
      if (conjunctionBefore(m.tokenStart, k, 4) < 0) return false;
      let f = m.tokenEnd;
      while (f < end && tokens[f].pos === 'ADV') f++;
      return f < end && (tokens[f].pos === 'VERB' || tokens[f].pos === 'AUX');
    });
  };
  /** The forces (an actor coded MIL, COP or SPY) named within six tokens from `from`, before any verb or punctuation, or -1. */
  const movingForces = (from: number, end: number): number => {
    for (let j = from; j < Math.min(end, from + 6); j++) {
      if (tokens[j].pos === 'VERB' || tokens[j].pos === 'PUNCT') return -1;
      if (participant(j)) return OWN_FORCES.test(actors[actorAtToken[j]].code ?? '') ? actorAtToken[j] : -1;
    }
    return -1;
  };
  /**
   * Actors coordinated before actor `a`'s last mention before token `end` in the sentence ("Egypt
   * and the African Union", "France, Germany and Italy"): walking back over "and", commas and
   * determiners, at most three, nearest first; [] when `a` opens the list.
   */
  const joinedBefore = (a: number, floor: number, end: number): number[] => {
    const m = actors[a].mentions.filter((x) => x.tokenStart >= floor && x.tokenEnd <= end).pop();
    const out: number[] = [];
    let j = m ? m.tokenStart - 1 : -1;
    while (j > floor && out.length < 3) {
      while (j > floor && (tokens[j].pos === 'DET' || tokens[j].pos === 'ADJ')) j--;
      // the connector next to `a` must be "and" ("In Cairo and Amman, officials …" joins no one)
      if (lower[j] !== 'and' && (lower[j] !== ',' || !out.length)) break;
      j--;
      while (j > floor && tokens[j].pos === 'DET') j--;
      const b = actorAtToken[j];
      if (b < 0 || b === a || out.includes(b) || !participant(j)) break;
      let first = j;
      while (first > floor && actorAtToken[first - 1] === b) first--;
      // after a comma, an actor governed by a preposition ends an opening phrase, not a list
      // ("when it comes to Kazakhstan, Beijing and Moscow are …")
      if (lower[j + 1] === ',' && first > floor && /^(?:ADP|SCONJ)$/.test(tokens[first - 1].pos)) break;
      // nor is an earlier clause's object ("Azerbaijan released 32 Armenian servicemen and Armenia freed …")
      let before = first - 1;
      while (before > floor && /^(?:DET|ADJ|NUM)$/.test(tokens[before].pos)) before--;
      if (first > floor && /^(?:VERB|AUX|ADP)$/.test(tokens[before].pos)) break;
      out.push(b);
      j = first - 1;
    }
    // and after it, up to the trigger ("Sudan's army and the paramilitary Rapid Support Forces agreed")
    j = m ? m.tokenEnd : end;
    while (j < end && out.length < 3 && lower[j] === 'and') {
      j++;
      while (j < end && (tokens[j].pos === 'DET' || tokens[j].pos === 'ADJ')) j++;
      const b = j < end ? actorAtToken[j] : -1;
      if (b < 0 || b === a || out.includes(b) || !participant(j)) break;
      out.push(b);
      while (j < end && actorAtToken[j] === b) j++;
    }
    return out;
  };
  /** Does the conjunction at `j` open another verb phrase or clause: a verb or auxiliary within the next eight tokens, before any punctuation? */
  const conjoinsClause = (j: number, end: number): boolean => {
    for (let i = j + 1; i < Math.min(end, j + 9); i++) {
      if (tokens[i].pos === 'PUNCT') return false;
      // no clause: a participle right after its noun ("threats made by …"), one used as an
      // adjective ("the continuing threats"), an infinitive ("equipment to assist Ethiopia")
      if (tokens[i].pos === 'VERB' && ((/ed$/.test(lower[i]) && tokens[i - 1].pos === 'NOUN') || /^(?:DET|ADJ)$/.test(tokens[i - 1].pos) || lower[i - 1] === 'to')) continue;
      if (tokens[i].pos === 'VERB' || tokens[i].pos === 'AUX') return true;
    }
    return false;
  };
  /**
   * The actor named right before verb `k` (past auxiliaries, adverbs and "not") whose mention opens a
   * coordinated clause ("Russia attacked Ukraine and Belarus helped it": Belarus), or -1.
   */
  const coordinatedSubjectBefore = (k: number, floor: number): number => {
    let e = k - 1;
    while (e > floor && (tokens[e].pos === 'ADV' || tokens[e].pos === 'AUX' || tokens[e].pos === 'PART')) e--;
    const a = e > floor ? actorAtToken[e] : -1;
    if (a < 0 || !participant(e)) return -1;
    let start = e;
    while (start > floor && actorAtToken[start - 1] === a) start--;
    const b = conjunctionBefore(start, floor, 5 - (e - start));
    if (b < 0) return -1;
    // a clause before the conjunction ("Russia attacked Ukraine and …"), not a coordinated subject
    // ("Russia and China signed")
    for (let j = b - 1; j >= floor; j--) if (tokens[j].pos === 'VERB') return a;
    return -1;
  };
  /**
   * The comma that opens a sentence-final attribution ("…, opposition activists and a monitor
   * reported."; "…, the ministry said on Friday."): a reporting verb among the sentence's last
   * twelve tokens, a comma at most ten tokens before it and no other verb between. Token index or -1.
   */
  const attributionAt = new Map<number, number>();
  const trailingAttribution = (s: number): number => {
    let at = attributionAt.get(s);
    if (at !== undefined) return at;
    at = -1;
    const sent = sentences[s];
    for (let j = sent.tokenEnd - 1; j >= Math.max(sent.tokenStart, sent.tokenEnd - 12) && at < 0; j--) {
      if (tokens[j].pos !== 'VERB' || !REPORTING.has(tokens[j].lemma.toLowerCase())) continue;
      for (let c = j - 1; c >= Math.max(sent.tokenStart, j - 10); c--) {
        if (lower[c] === ',') { at = c; break; }
        // a verb in a noun's place is a noun the tagger misread ("a war monitor reported")
        if (tokens[c].pos === 'VERB' && !/^(?:DET|NOUN|ADJ)$/.test(tokens[c - 1]?.pos ?? '')) break;
      }
      break;
    }
    attributionAt.set(s, at);
    return at;
  };
  /**
   * Whether the clause of token `k` is a condition: a `mark` child "if", "unless" or "once" (before a
   * subject) on `k` or on the clauses it hangs from (up to three steps), else, by word order, such a
   * word at most ten tokens before `k` with no comma, semicolon or other verb between.
   */
  const inCondition = (k: number, floor: number): boolean => {
    const isMark = (i: number) => CONDITION_MARKS.has(lower[i]) && (lower[i] !== 'once' || /^(?:DET|PROPN|PRON|NOUN)$/.test(tokens[i + 1]?.pos ?? ''));
    const v = syntax(tokens[k].sentence);
    if (v) {
      for (let cur = k, n = 0; n < 4 && cur >= 0; n++) {
        if (v.children[cur].some((c) => v.parse.relation[c] === 'mark' && isMark(c))) return true;
        // (a noun act goes up to its verb first: "if its forces came under attack")
        if (!/^(?:xcomp|conj|advcl)$/.test(v.parse.relation[cur]) && !(n === 0 && tokens[k].pos === 'NOUN' && /^(?:obj|obl|nsubj|nsubj:pass)$/.test(v.parse.relation[cur]))) break;
        cur = v.parse.head[cur];
      }
    }
    for (let j = k - 1; j >= Math.max(floor, k - 10); j--) {
      if (isMark(j)) return true;
      if (lower[j] === ',' || lower[j] === ';' || (tokens[j].pos === 'VERB' && j < k - 1)) return false;
    }
    return false;
  };
  /**
   * "The two leaders", "the two countries", "both sides" at head token `h`: the last two distinct
   * actors of that kind named before it (in its sentence or the two before), earlier one first, or
   * null. Leaders, presidents and ministers are people; countries, nations and governments
   * are states; sides, parties and delegations any actor.
   */
  const pairBefore = (h: number, floor: number, except = -1): [number, number] | null => {
    const noun = lower[h];
    const kinds = PAIR_NOUNS[noun];
    if (!kinds || !((lower[h - 1] === 'two' && lower[h - 2] === 'the') || lower[h - 1] === 'both')) return null;
    const from = sentences[Math.max(0, tokens[h].sentence - 2)].tokenStart;
    // the two parties of the last two-sided act told in the six sentences before ("Chinese vessels rammed a Philippine boat
    // … The United States condemned … Japan called on both sides": China and the Philippines)
    // (never the excepted actor's own state: "The UAE foreign ministry thanked both countries")
    const own = (a: number) => except >= 0 && !!actors[except].country && actors[a].type === 'state' && actors[a].country === actors[except].country;
    const ok = (a: number) => a >= 0 && a !== except && !own(a) && (kinds.length === 0 || kinds.includes(actors[a].type));
    for (let e = events.length - 1; e >= 0; e--) {
      const ev = events[e];
      if (ev.trigger.start >= tokens[h].start) continue;
      if (ev.sentence.start < sentences[Math.max(0, tokens[h].sentence - 6)].start) break;
      // (an appeal or demand is most often a third party's to one side: "The United States and
      // Britain have urged Venezuela …" does not make them the two sides of the dispute)
      if (/^(?:02|10)/.test(ev.root)) continue;
      if (ok(ev.source) && ok(ev.target) && ev.source !== ev.target) return [ev.source, ev.target];
    }
    const seen: number[] = [];
    for (let j = h - 2; j >= from && seen.length < 2; j--) {
      const a = actorAtToken[j];
      if (ok(a) && !seen.includes(a) && participant(j)) seen.push(a);
    }
    return seen.length === 2 ? [seen[1], seen[0]] : null;
  };
  /** Whether token `k` lies inside a multi-word actor mention ("riot police", "border guards"). */
  const insideActorName = (k: number): boolean => actorAtToken[k] >= 0 &&
    (actorAtToken[k + 1] === actorAtToken[k] || (k > 0 && actorAtToken[k - 1] === actorAtToken[k] && tokens[k - 1].end + 1 >= tokens[k].start));
  /**
   * Whether the noun at token `k` is the object of a verb of attitude ("supported a ceasefire",
   * "would recognise Russia's annexation of …"): that verb at most five tokens before it, with only
   * determiners, adjectives, numbers, names, nouns and possessives between.
   */
  const attitudeObject = (k: number, floor: number): boolean => {
    for (let j = k - 1; j >= Math.max(floor, k - 6); j--) {
      if (tokens[j].pos === 'VERB') return ATTITUDE_VERBS.has(tokens[j].lemma.toLowerCase());
      if (!/^(?:DET|ADJ|NUM|PROPN|NOUN|PART|PRON)$/.test(tokens[j].pos) && !/^['’]s$/.test(lower[j])) return false;
    }
    return false;
  };
  /**
   * The last token of the object a participle at token `k` modifies, a reduced relative ("released
   * three police officers arrested near the border", "every American wrongfully detained abroad"),
   * else -1: an actor mention ends right before it (or before one adverb), and a verb governs that
   * mention (at most three determiners, numbers, adjectives or adverbs between).
   */
  const reducedRelative = (k: number): number => {
    const m = tokens[k - 1]?.pos === 'ADV' && /ly$/.test(lower[k - 1]) ? k - 2 : k - 1;
    if (!/(?:ed|en|wn)$/.test(lower[k]) || m < 0 || !participant(m)) return -1;
    // a participle followed by its own object is a finite verb ("said China welcomed the mission")
    if (/^(?:DET|PROPN|NOUN|PRON|NUM)$/.test(tokens[k + 1]?.pos ?? '')) return -1;
    let b = m;
    while (b > 0 && actorAtToken[b - 1] === actorAtToken[m]) b--;
    for (let j = b - 1, n = 0; j >= 0 && n < 4 && tokens[j].sentence === tokens[k].sentence; j--, n++) {
      // "said China welcomed …": the subject of a reported clause
      if (tokens[j].pos === 'VERB') return !REPORTING.has(tokens[j].lemma.toLowerCase()) && !COMMUNICATION.has(tokens[j].lemma.toLowerCase()) ? m : -1;
      if (!/^(?:DET|NUM|ADJ|ADV)$/.test(tokens[j].pos)) return -1;
    }
    return -1;
  };
  /** Whether token `i` is a verb of asking (ASKING); "call" only as "call on/upon/for" ("called Lavrov to discuss Syria" is a phone call). */
  const asking = (i: number): boolean => {
    const lem = tokens[i].lemma.toLowerCase();
    return ASKING.has(lem) && (lem !== 'call' || /^(?:on|upon|for)$/.test(lower[i + 1] ?? ''));
  };
  /**
   * Whether the infinitive at token `k` is what someone is asked to do: the `xcomp` of a verb of
   * asking or urging in the parse, else such a verb at most six tokens before "to" with no other
   * verb between ("asked NATO peacekeepers to intervene").
   */
  const requestedAct = (k: number, floor: number, conjoined = false): boolean => {
    const v = syntax(tokens[k].sentence);
    // (the parse may hang "to V" on the asking verb as an adverbial clause: "called on X to extend")
    if (v && (v.parse.relation[k] === 'xcomp' || (v.parse.relation[k] === 'advcl' && lower[k - 1] === 'to')) && v.parse.head[k] >= 0 && asking(v.parse.head[k])) return true;
    // a second requested act, conjoined to the first ("urged the EU to go further and impose an
    // embargo", "called on X to extend a ceasefire and allow aid")
    // (not a past form, which the infinitive cannot govern: "… to respect X and urged them" is a second request)
    if (v && !conjoined && v.parse.relation[k] === 'conj' && v.parse.head[k] >= 0 && tokens[v.parse.head[k]].pos === 'VERB' && detachedConjunct(v, k) < 0) return requestedAct(v.parse.head[k], floor, true);
    // word order, for an infinitive only ("urged Caracas to free …")
    if (lower[k - 1] !== 'to') return false;
    for (let j = k - 2; j >= Math.max(floor, k - 8); j--) {
      if (tokens[j].pos === 'VERB') return asking(j);
      if (/^[,;.]$/.test(lower[j])) return false;
    }
    return false;
  };
  /**
   * Whether token `k` is an act someone denies: the complement of "deny" in the parse (up to three
   * steps up), or "denied that …" / "denies V-ing" before it in the sentence with no other clause
   * verb between.
   */
  const deniedAct = (k: number, floor: number): boolean => {
    const denies = (i: number) => tokens[i].lemma.toLowerCase() === 'deny' || /^den(?:y|ies|ied|ying)$/.test(lower[i]);
    const v = syntax(tokens[k].sentence);
    if (v) {
      // a past form conjoined after the denied clause is the denier's own act ("denied that Belgrade
      // was involved and accused Pristina of …": the accusation is made, not denied)
      if (detachedConjunct(v, k) >= 0) return false;
      for (let cur = k, n = 0; n < 3; n++) {
        const up = v.parse.head[cur];
        if (up < 0 || !/^(?:ccomp|xcomp|advcl)$/.test(v.parse.relation[cur])) break;
        // "X accused Y of …, a charge Z denied": the denial is of the charge's content, after the
        // accusation; the accusing itself took place
        if (denies(up) && up > cur && v.children[up].some((c) => /^nsubj/.test(v.parse.relation[c]) && ALLEGATION_NOUNS.has(lower[c]))) return false;
        if (denies(up)) return true;
        // what the denier says instead ("denied that …, saying its aircraft had struck a depot") is asserted by it
        if (REPORTING.has(tokens[up].lemma.toLowerCase()) || lower[up] === 'saying') break;
        cur = up;
      }
    }
    for (let j = k - 1; j >= Math.max(floor, k - 12); j--) {
      if (lower[j] === ',' && tokens[j + 1]?.pos === 'VERB' && j + 1 < k) return false;
      if (denies(j) && (lower[j + 1] === 'that' || j === k - 1)) return true;
      if (lower[j] === ';' || lower[j] === '.') return false;
    }
    return false;
  };
  /** First tokens of the gazetteer places the resolver found (src/actors/places.ts). */
  const placeStarts = new Set(res.places.map((pl) => pl.tokenStart));

  /**
   * The last token of the actor mention at token `k`, or of the capitalised place run starting there
   * (the following tokens of the same actor that touch it; a gazetteer place's proper nouns).
   */
  const mentionEnd = (k: number): number => {
    let e = k;
    const a = actorAtToken[k];
    if (a >= 0) while (e + 1 < tokens.length && actorAtToken[e + 1] === a && tokens[e + 1].start <= tokens[e].end + 1) e++;
    else if (placeStarts.has(k)) while (e + 1 < tokens.length && tokens[e + 1].pos === 'PROPN' && tokens[e + 1].sentence === tokens[k].sentence) e++;
    return e;
  };
  /**
   * Does a locative preposition open the phrase of the mention of actor a at token k (any word of
   * it): "in Kazakhstan", "in the United States", "in east London", "in the Gulf state of Qatar"?
   */
  const afterLocative = (k: number, a: number): boolean => {
    while (k > 0 && actorAtToken[k - 1] === a) k--;
    for (let j = k - 1; j >= Math.max(0, k - 9) && actorAtToken[j] !== a; j--) if (LOCATIVE.has(lower[j])) return placeNameAfter(j) === k;
    return false;
  };
  /**
   * The token where the place named after the locative preposition at token j starts: past "the",
   * a direction word that is no part of a name ("in eastern Chad", but "in South Korea") and a
   * description of a state ("in the Gulf state of Qatar", `afterStateDescription`).
   */
  const placeNameAfter = (j: number): number => {
    let at = lower[j + 1] === 'the' ? j + 2 : j + 1;
    if (DIRECTIONS.has(lower[at]) && (actorAtToken[at] < 0 || actorAtToken[at] !== actorAtToken[at + 1])) at++;
    return afterStateDescription(tokens, at);
  };
  /** Is the actor mention at token k a usable participant (not a place, not an "X-led" modifier)? */
  const participant = (k: number, allowLocative = false): boolean => {
    const a = actorAtToken[k];
    // a region ("Gaza", "Crimea") takes part only where a place may ("struck Gaza": the attacked territory)
    if (a < 0 || (actors[a].type === 'location' && !allowLocative)) return false;
    // "in Kazakhstan" names a place, not a participant; so does an organization or group "along" or
    // "across" ("exchanged fire along the Line of Control": a line, whatever the resolver made of it)
    if (!allowLocative && actors[a].type === 'state' && afterLocative(k, a)) return false;
    if (actors[a].type === 'organization' || actors[a].type === 'group') {
      let m0 = k;
      while (m0 > 0 && actorAtToken[m0 - 1] === a) m0--;
      const before = m0 > 0 && tokens[m0 - 1].pos === 'DET' ? m0 - 2 : m0 - 1;
      if (before >= 0 && /^(?:along|across)$/.test(lower[before])) return false;
    }
    // "Moscow-led": mention followed by "-" and a modifier word
    const e = mentionEnd(k);
    if (lower[e + 1] === '-' && MODIFIER_SUFFIX.test(lower[e + 2] ?? '')) return false;
    // "Russia-China relationship"
    if (lower[e + 1] === '-' && tokens[e + 1].start === tokens[e].end && actorAtToken[e + 2] >= 0) return false;
    return true;
  };
  /** Prefer a more specific actor in a noun phrase: "Chinese Foreign Minister Wang Yi" → Wang Yi. */
  const headOfPhrase = (k: number, limit: number): number => {
    let best = k;
    for (let j = k + 1; j < limit; j++) {
      // ("of" inside a capitalised title goes on: "U.S. Secretary of State Marco Rubio")
      if (/^[,;:.()]$/.test(tokens[j].text) || lower[j] === 'and' || tokens[j].pos === 'VERB' ||
        (tokens[j].pos === 'ADP' && !(lower[j] === 'of' && /^\p{Lu}/u.test(tokens[j - 1].text) && /^\p{Lu}/u.test(tokens[j + 1]?.text ?? '')))) break;
      if (actorAtToken[j] >= 0 && actorAtToken[j] !== actorAtToken[best] && participant(j)) {
        const generic = actors[actorAtToken[j]].type === 'group' && !actors[actorAtToken[j]].country;
        if (!generic) best = j;
      }
    }
    return best;
  };
  /** Is actor `a` forces of the source's own, sent or withdrawn as the means of a `code` act? (see OWN_FORCES) */
  const ownMeans = (code: string, a: number, src: number): boolean =>
    /^(?:07|15|087)/.test(code) && OWN_FORCES.test(actors[a].code ?? '') && (!actors[a].country || (src >= 0 && actors[a].country === actors[src].country));
  let themeWords: string[] = [];
  let forcesAreMeans = true;
  const actorAfter = (from: number, limit: number, allowLocative = false): number => {
    for (let j = from; j < limit; j++) {
      if (themeWords.includes(lower[j])) continue;
      if (lower[j] === '.' || lower[j] === ';' || (j > from && tokens[j].pos === 'VERB' && lower[j - 1] !== '-')) break;
      // another clause begins ("restore ties with X five years after crowds trashed its embassy"):
      // its subject is no participant of this trigger; nor is the speaker of a trailing attribution
      // ("…, killing five people, opposition activists reported")
      if (j > from && (CLAUSE_OPENERS.has(lower[j]) || j === trailingAttribution(tokens[j].sentence))) break;
      if (participant(j, allowLocative && j === from)) return actorAtToken[headOfPhrase(j, limit)];
    }
    return -1;
  };
  /**
   * The subject before token `from`: the nearest participant walking back, through appositions,
   * "planned to" chains and coordinated verb phrases ("shifted gears and offered"), but not
   * across another clause's verb.
   */
  const actorBefore = (from: number, floor: number): number => {
    let commaDepth = 0;
    let passedAnd = lower[from - 1] === 'and' || (tokens[from - 1]?.pos === 'ADV' && lower[from - 2] === 'and');
    // in a coordinated verb phrase ("Lavrov spoke with his Kazakh counterpart and welcomed"), actors
    // between "and" and the first verb are that verb's objects, not the subject
    let inFirstConjunct = passedAnd;
    for (let j = from - 1; j >= floor; j--) {
      const w = lower[j];
      if (w === ',') { commaDepth++; continue; }
      if (w === ';' || w === '.') break;
      if (w === 'that' || w === 'which' || w === 'who') { if (j < from - 1 && !passedAnd) break; }
      if (tokens[j].pos === 'VERB') {
        // "planned to send", "is considering sending", "began shelling": the chain shares its subject
        const chain = lower[j + 1] === 'to' || passedAnd || (ING_CATENATIVES.has(tokens[j].lemma.toLowerCase()) && /ing$/.test(lower[j + 1]) && tokens[j + 1].pos === 'VERB');
        if (!chain) break;
        passedAnd = false;
        inFirstConjunct = false;
        continue;
      }
      if (inFirstConjunct) continue;
      // the agent of a parenthetical participle ("the Egyptian army, then led by Sisi, ousted …"):
      // the whole aside is passed over, back to its opening comma
      if (participant(j) && commaDepth >= 1 && /^(?:by|under)$/.test(lower[j - 1] ?? '')) {
        let c = j - 2;
        while (c > floor && lower[c] !== ',' && !/^[.;]$/.test(lower[c])) c--;
        if (lower[c] === ',') { j = c; commaDepth++; continue; }
      }
      if (participant(j)) return actorAtToken[j];
      if (commaDepth > 2) break;
    }
    return -1;
  };
  /** The main-clause subject: the first participant of the sentence before its first verb. */
  const clauseSubject = (sentIdx: number): number => {
    const sent = sentences[sentIdx];
    for (let j = sent.tokenStart; j < sent.tokenEnd; j++) {
      if (tokens[j].pos === 'VERB') break;
      if (participant(j)) return actorAtToken[headOfPhrase(j, sent.tokenEnd)];
    }
    return -1;
  };
  /** A reporting verb earlier in the sentence ("Mirziyoev said Uzbekistan would withdraw"): "would" is then future-in-the-past. */
  const hasCueBefore = (k: number, floor: number): boolean => {
    for (let j = k - 1; j >= floor; j--) if (tokens[j].pos === 'VERB' && REPORTING.has(tokens[j].lemma.toLowerCase())) return true;
    return false;
  };
  /** Per character of the text, the index of the first quote (in `quotes` order) that holds it, else -1; built on first use. */
  let quoteAt: Int32Array | null = null;
  /** No token inside quotation marks, for `raisedPassive` (the act's own clause is read whether quoted or not). */
  let unquoted: Uint8Array | undefined;
  const inQuote = (offset: number): FoundQuote | undefined => {
    if (!quoteAt) {
      quoteAt = new Int32Array(text.length + 1).fill(-1);
      // later quotes first, so that the first quote holding a character is the one left there (as `quotes.find`)
      for (let n = quotes.length - 1; n >= 0; n--) {
        const q = quotes[n];
        for (let i = Math.max(0, q.start), to = Math.min(q.end, text.length); i < to; i++) quoteAt[i] = n;
      }
    }
    if (!(offset >= 0 && offset < text.length) || !Number.isInteger(offset)) return quotes.find((q) => q.start <= offset && offset < q.end);
    const n = quoteAt[offset];
    return n >= 0 ? quotes[n] : undefined;
  };

  /**
   * Actors coordinated with an argument's actor `first` ("Hungary and Romania", "Hungarian and
   * Romanian officials"): the actors of the `conj` dependents inside the argument's phrase, at
   * most four, in text order, `first` excluded.
   */
  const coordinated = (v: SyntaxView, head: number, first: number): number[] => {
    const out: number[] = [];
    const toks = phraseTokens(v, head);
    const inPhrase = new Set(toks);
    // the conjunction must join the argument itself or its modifiers ("Hungarian and Romanian
    // officials"), not a phrase nested in it ("militants in Iraq and Syria")
    const onSpine = (t: number): boolean => {
      for (let i = t, n = 0; n < 12; i = v.parse.head[i], n++) {
        if (i === head) return true;
        if (i < 0 || !/^(?:amod|compound|flat|conj|appos|nmod:poss|det)$/.test(v.parse.relation[i])) return false;
      }
      return false;
    };
    const add = (a: number) => { if (a >= 0 && a !== first && !out.includes(a) && actors[a].type !== 'location') out.push(a); };
    for (const t of toks) {
      const h = v.parse.head[t];
      if (v.parse.relation[t] !== 'conj' || !inPhrase.has(h) || !onSpine(h)) continue;
      // both conjuncts: "Hungarian" (the head of the conjunction) and "Romanian"; not the state of
      // a title before the first actor's name ("Kosovo Prime Minister Albin Kurti and Vucic": the
      // parse may head the conjunction on "Kosovo")
      const titleState = participant(h) && first >= 0 && actors[actorAtToken[h]].type === 'state' && actors[first].type === 'person' &&
        actors[first].mentions.some((m) => m.tokenStart > h && m.tokenStart <= h + 5 && tokens.slice(h + 1, m.tokenStart).every((x) => /^(?:PROPN|NOUN|ADJ)$/.test(x.pos) && actorAtToken[h] !== actorAtToken[m.tokenStart]));
      if (participant(h) && !titleState) add(actorAtToken[h]);
      add(phraseActor(v, t, false));
      if (out.length >= 4) break;
    }
    return out.slice(0, 4);
  };

  // ---- the dependency parse, sentence by sentence: only sentences with a trigger are parsed
  // (null without a parser)
  let syntaxView: SyntaxView | null | undefined;
  const indexed = new Uint8Array(sentences.length);
  const syntax = (si: number): SyntaxView | null => {
    if (syntaxView === null) return null;
    if (syntaxView === undefined) {
      if ((!doc.parse && !doc.parseSentences) || opts.syntax === false) return (syntaxView = null);
      if (!doc.parseSentences) {
        const parse = doc.parse!();
        indexed.fill(1);
        return (syntaxView = { parse, children: childrenOf(parse), tokens, lower });
      }
      syntaxView = { parse: doc.parseSentences([si]), children: Array.from({ length: tokens.length }, () => []), tokens, lower };
    }
    if (!indexed[si]) {
      doc.parseSentences?.([si]);
      const { head } = syntaxView.parse;
      for (let i = sentences[si].tokenStart; i < sentences[si].tokenEnd; i++) if (head[i] >= 0) syntaxView.children[head[i]].push(i);
      indexed[si] = 1;
    }
    return syntaxView;
  };
  /**
   * The actor a pronoun at token `head` stands for (`form`: he, she, it, they, we): the subject of
   * the verb of saying whose clause holds it, else the main clause's subject when it comes first
   * and agrees; -1 when neither.
   */
  const pronounActor = (v: SyntaxView, head: number, form: string): number => {
    /** Does actor `a` agree with the pronoun: he/she a person, it/they a non-person? */
    const agrees = (a: number): boolean => a >= 0 && (/^(?:he|she)$/.test(form) ? actors[a].type === 'person' : /^(?:it|they)$/.test(form) ? actors[a].type !== 'person' : true);
    let pred = v.parse.head[head];
    for (let depth = 0; pred >= 0 && depth < 4; depth++) {
      const r = v.parse.relation[pred];
      const up = v.parse.head[pred];
      if (up < 0) break;
      // the subject of the clause an adverbial clause hangs on, when it agrees ("China would avoid
      // military action while it negotiated …": it = China)
      if (r === 'advcl') {
        const subj = v.children[up].find((c) => v.parse.relation[c] === 'nsubj' && c < head && tokens[c].pos !== 'PRON');
        const a = subj !== undefined ? phraseActor(v, subj, false) : -1;
        if (agrees(a)) return a;
      }
      if (r === 'ccomp' && (REPORTING.has(tokens[up].lemma.toLowerCase()) || COMMUNICATION.has(tokens[up].lemma.toLowerCase()))) {
        const subj = v.children[up].find((c) => v.parse.relation[c] === 'nsubj');
        const a = subj !== undefined ? phraseActor(v, subj, false) : -1;
        if (agrees(a)) return a;
        break;
      }
      if (r !== 'conj' && r !== 'xcomp' && r !== 'advcl' && r !== 'ccomp') break;
      pred = up;
    }
    // else the subject of the sentence's main clause, when it comes first and agrees ("the Libyan
    // National Army released a ship it seized"): subjects are the preferred antecedents (Grosz,
    // Joshi & Weinstein 1995, centering); he/she need a person, it/they a non-person
    let root = head;
    for (let n = 0; v.parse.head[root] >= 0 && n < 40; n++) root = v.parse.head[root];
    const subj = v.children[root].find((c) => v.parse.relation[c] === 'nsubj' && c < head);
    if (subj !== undefined && subj !== head && tokens[subj].pos !== 'PRON') {
      const a = phraseActor(v, subj, false);
      if (agrees(a)) return a;
    }
    // a pronoun opening its sentence's subject: the previous sentence's subject, when it agrees
    // ("Israeli military spokesman Daniel Hagari said … He threatened further strikes"); same centering rule
    const s0 = tokens[head].sentence;
    if (s0 > 0 && head === sentences[s0].tokenStart && /^(?:he|she|it|they)$/.test(form)) {
      const a = clauseSubject(s0 - 1);
      if (agrees(a)) return a;
      // (a person named in that subject after a possessor: "Ukraine's human rights commissioner,
      // Dmytro Lubinets, said … He accused …")
      if (/^(?:he|she)$/.test(form)) {
        const prev = sentences[s0 - 1];
        for (let j = prev.tokenStart; j < prev.tokenEnd && tokens[j].pos !== 'VERB'; j++) if (participant(j) && agrees(actorAtToken[j])) return actorAtToken[j];
      }
    }
    return -1;
  };
  /**
   * The actor named by an argument phrase: the first participant mention met breadth first from
   * the phrase head (so "Chinese Foreign Minister Wang Yi" gives Wang Yi, "the Afghan army base"
   * the Afghan army); places after "in" only when `allowLocative` and nothing else is named.
   * A pronoun subject inside a reported clause ("NAF says it has killed") is the reporting
   * verb's subject.
   */
  const phraseActor = (v: SyntaxView, head: number, allowLocative: boolean | 'nested'): number => {
    const toks = phraseTokens(v, head);
    // (the most specific actor of the run of names it opens: "United Nations Secretary-General
    // Antonio Guterres" is Guterres, whichever word the parse made the head)
    const end = toks.reduce((m, j) => Math.max(m, j + 1), head + 1);
    for (const j of toks) if (participant(j)) return actorAtToken[headOfPhrase(j, end)];
    // a place is a participant only as the argument itself ("troops arrived in Kazakhstan" is not; "an
    // appeal to Kazakhstan" is), never from inside a phrase ("prices in Kazakhstan"); except for
    // material conflict: "shelled positions in Syria" targets Syria, as CAMEO codes the attacked place
    // by its state (CAMEO codebook v1.1b3, roots 18-20: the target is the attacked party or territory)
    if (allowLocative && participant(head, true)) return actorAtToken[head];
    if (allowLocative === 'nested') for (const j of toks) if (participant(j, true) && actors[actorAtToken[j]].type === 'state') return actorAtToken[j];
    // "its forces", "their troops": the owner, found as a pronoun subject would be
    const poss = v.children[head].find((c) => v.parse.relation[c] === 'nmod:poss' && /^(?:its|their)$/.test(lower[c]));
    if (poss !== undefined && tokens[head].pos !== 'PRON') {
      const a = pronounActor(v, poss, /^its$/.test(lower[poss]) ? 'it' : 'they');
      if (a >= 0) return a;
    }
    if (tokens[head].pos === 'PRON' && /^(?:it|they|he|she|we)$/.test(lower[head])) return pronounActor(v, head, lower[head]);
    // a definite description ("the country", "the group", "the alliance") names the last actor of
    // its kind mentioned before it, in this sentence or the two before
    const kind = DESCRIPTION_KIND[lower[head]];
    if (kind && v.children[head].some((c) => lower[c] === 'the') && !v.children[head].some((c) => /^(?:amod|compound|nmod)$/.test(v.parse.relation[c]))) {
      const floor = sentences[Math.max(0, tokens[head].sentence - 2)].tokenStart;
      // a state named on its own before one named as a modifier of a noun, which mostly gives a
      // person's or a group's nationality ("in Kazakhstan and Chinese President Xi … a visit to the
      // country"; "U.S. President …")
      const modifierAt = (a: number, j: number) => actors[a].mentions.some((m) => m.tokenStart <= j && j < m.tokenEnd &&
        m.tokenEnd < tokens.length && tokens[m.tokenEnd].sentence === tokens[j].sentence && /^(?:NOUN|PROPN)$/.test(tokens[m.tokenEnd].pos));
      for (const modifiers of [false, true]) {
        for (let j = head - 1; j >= floor; j--) {
          const a = actorAtToken[j];
          if (a >= 0 && kind.includes(actors[a].type) && (modifiers || !modifierAt(a, j))) return a;
        }
      }
    }
    return -1;
  };

  const consumed = new Set<number>();
  for (let s = 0; s < sentences.length; s++) {
    const sent = sentences[s];
    const sentText = text.slice(sent.start, sent.end);
    /** the sentence's dates resolved backward from publication (`past`) and forward (`ahead`), each computed once */
    let datesPast: ReturnType<typeof resolveDates> | null = null;
    let datesAhead: ReturnType<typeof resolveDates> | null = null;
    // (a Title Case headline, read in lower case by the annotator or not)
    const titleCase = !!sent.headline || isTitleCase(tokens, sent.tokenStart, sent.tokenEnd);
    const eventsBefore = events.length;
    for (let k = sent.tokenStart; k < sent.tokenEnd; k++) {
      const t = tokens[k];
      // the second part of a hyphenated compound ("visa-free", "Iranian-backed") is no trigger
      if (k > sent.tokenStart && lower[k - 1] === '-' && tokens[k - 1].end === t.start && tokens[k - 2]?.end === tokens[k - 1].start) continue;
      let candidates: EventPattern[] | undefined;
      // a pattern verb by its lemma, or by its form when wink's lemma is wrong ("raped" → "rap", "lay" → "lie")
      // (a word of an actor's name is none: "border guards", read as a verb)
      if (t.pos === 'VERB' && !insideActorName(k)) candidates = coder.patterns.byVerb.get(t.lemma.toLowerCase()) ?? coder.patterns.byVerb.get(lower[k]) ?? coder.patterns.byVerb.get(coder.verbForms.get(lower[k]) ?? '');
      // a noun trigger is written in lower case ("March 3" is not a march), unless it opens the
      // sentence or the sentence is a Title Case headline; a modifier inside an actor's name ("riot
      // police", "peacekeeping troops") names the actor, not an act
      else if ((t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ') && (k === sent.tokenStart || titleCase || !/^\p{Lu}/u.test(t.text)) &&
        coder.patterns.byNoun.has(lower[k]) && !insideActorName(k) && !attitudeObject(k, sent.tokenStart)) candidates = coder.patterns.byNoun.get(lower[k]);
      // a Title Case headline ("Rebel Group Releases Hostages"): the tagger reads its verbs as proper
      // nouns; a capitalised word that is a pattern verb or one of its forms is taken as the verb
      // (truecased, the same words are lower-case nouns: "rebels return/NOUN seized property")
      if (!candidates && titleCase && (t.pos === 'PROPN' || t.pos === 'NOUN') && k > sent.tokenStart && /^\p{L}\p{Ll}+$/u.test(t.text)) {
        const lemma = coder.patterns.byVerb.has(lower[k]) ? lower[k] : coder.verbForms.get(lower[k]);
        if (lemma && actorAtToken[k] < 0) candidates = coder.patterns.byVerb.get(lemma);
      }
      // a verb the tagger read as a noun or adjective ("The US military sent/NOUN 200 troops",
      // "Police tortured/NOUN the inmate"): an inflected form of a pattern verb, after a subject-like
      // word and before an object-like one; -ing forms are left alone ("striking workers")
      if (!candidates && (t.pos === 'NOUN' || t.pos === 'ADJ') && k > sent.tokenStart && k + 1 < sent.tokenEnd && !/ing$/.test(lower[k]) && !insideActorName(k)) {
        const lemma = coder.verbForms.get(lower[k]);
        // a past form ("sent", "tortured") is rarely a noun: any word but a determiner, preposition
        // or possessive before it; a 3rd-person -s form ("lifts") needs a subject-like word before it
        const past = !/s$/.test(lower[k]) || /(?:ed|en)$/.test(lower[k]);
        const before = past ? !/^(?:DET|ADP|CCONJ|PUNCT)$/.test(tokens[k - 1].pos) : /^(?:PROPN|NOUN|PRON)$/.test(tokens[k - 1].pos);
        // (or before the "to" of a pattern's "verb + to": "the government declines/NOUN to end the curfew")
        const verbTo = lower[k + 1] === 'to' && !!lemma && (coder.patterns.byVerb.get(lemma) ?? []).some((p) => p.words.join(' ') === `${lemma} to`);
        if (lemma && before && (/^(?:DET|NUM|PROPN|ADP|PRON|ADJ|NOUN)$/.test(tokens[k + 1].pos) || verbTo) &&
          !/^['’]s$/.test(lower[k - 1])) candidates = coder.patterns.byVerb.get(lemma);
      }
      // a pattern verb's base form the tagger read as an adjective or noun after a modal, or after
      // the "to" of a verb's infinitive ("would close/ADJ two border crossings", "decided to close/ADJ")
      if (!candidates && (t.pos === 'ADJ' || t.pos === 'NOUN') && k > sent.tokenStart + 1 && coder.patterns.byVerb.has(lower[k]) && !insideActorName(k) &&
        (/^(?:will|would|shall|should|could|can|may|might|must|'ll|wo)$/.test(lower[k - 1]) || (lower[k - 1] === 'to' && tokens[k - 2].pos === 'VERB'))) {
        candidates = coder.patterns.byVerb.get(lower[k]);
      }
      // a progressive the tagger read as an adjective or noun ("warplanes are striking/ADJ rebel
      // positions", "troops were shelling/ADJ the town", "have been torturing/NOUN detainees"): an
      // -ing form of a pattern verb right after a form of "be" and before an object-like word
      if (!candidates && (t.pos === 'ADJ' || t.pos === 'NOUN') && /ing$/.test(lower[k]) && k > sent.tokenStart && k + 1 < sent.tokenEnd &&
        /^(?:is|are|was|were|be|been)$/.test(lower[k - 1]) && /^(?:DET|NUM|PROPN|NOUN|PRON)$/.test(tokens[k + 1].pos) && !insideActorName(k)) {
        const lemma = coder.verbForms.get(lower[k]);
        if (lemma) candidates = coder.patterns.byVerb.get(lemma);
      }
      // "help" with an infinitive ("helping to finance protests", "helped rebuild") is a role in
      // another act, not aid given (CAMEO 070 is material aid)
      // ("helped secure/ADJ the agreement": the parse's xcomp right after the verb)
      if (candidates && /^(?:help|assist)$/.test(t.lemma.toLowerCase())) {
        const hv = syntax(s);
        const infinitive = (lower[k + 1] === 'to' && tokens[k + 2]?.pos === 'VERB') || tokens[k + 1]?.pos === 'VERB' ||
          (!!hv && hv.parse.relation[k + 1] === 'xcomp' && hv.parse.head[k + 1] === k);
        if (infinitive) candidates = candidates.filter((c) => !c.code.startsWith('07'));
      }
      if (!candidates?.length) continue;
      k = codeTrigger(k, candidates, 'pattern');
    }
    // ---- the classifier: a sentence where no pattern fired, whose best PLOVER type (not NONE) is
    // likely enough, gets one event of that type's generic CAMEO code; the trigger is the main verb
    // (through a verb of saying to the act it reports: "X said Y attacked Z" → "attacked"), whose
    // arguments are found as for a pattern with the root's default target prepositions
    if (events.length === eventsBefore && opts.classify && !sentText.includes('?') && /\S/.test(sentText)) classifierEvent();

    /** Add the classifier's event for this sentence, if any (see above). */
    function classifierEvent(): void {
      const v = syntax(s);
      if (!v) return;
      let root = -1;
      for (let j = sent.tokenStart; j < sent.tokenEnd; j++) if (v.parse.head[j] < 0) { root = j; break; }
      for (let hop = 0; root >= 0 && hop < 3; hop++) {
        const lem = tokens[root].lemma.toLowerCase();
        if (!REPORTING.has(lem) && !COMMUNICATION.has(lem)) break;
        const c = v.children[root].find((x) => v.parse.relation[x] === 'ccomp' && tokens[x].pos === 'VERB');
        if (c === undefined) break;
        root = c;
      }
      if (root < 0 || tokens[root].pos !== 'VERB') return;
      // a verb of saying with no reported act below it ("…," X said) is no act: quotes cover it
      const rootLemma = tokens[root].lemma.toLowerCase();
      if (REPORTING.has(rootLemma) || COMMUNICATION.has(rootLemma) || DEMANDING.has(rootLemma)) return;
      // a passive or copular clause ("is considered", "was elevated") names no doer
      if (v.children[root].some((c) => /^(?:aux:pass|nsubj:pass|cop)$/.test(v.parse.relation[c] ?? ''))) return;
      // a pattern verb whose patterns all declined ("released a statement": release needs a person
      // as its object) is not an act of its own; the patterns' constraints win over the classifier
      if (STATIVE.has(tokens[root].lemma.toLowerCase()) || PERCEIVING.has(tokens[root].lemma.toLowerCase())) return;
      // publishing a document ("released a statement", "issued a report") is no act of its own
      if (v.children[root].some((c) => v.parse.relation[c] === 'obj' && DOCUMENT_NOUNS.has(lower[c]))) return;
      // a pattern verb that acts only on an object ("return" the prisoners or the artefacts), used
      // with none ("the president returned to Brasilia"), is another sense of the verb
      const own = coder.patterns.byVerb.get(tokens[root].lemma.toLowerCase());
      if (own && own.every((p) => p.object.length) && !v.children[root].some((c) => v.parse.relation[c] === 'obj')) return;
      const probs = opts.classify!(sentText);
      if (!probs) return;
      let type = '', best = 0;
      for (const [c, pr] of Object.entries(probs)) if (c !== 'NONE' && pr > best) { best = pr; type = c; }
      const code = coder.genericCodes.get(type);
      if (!code || best < (opts.classifierMin ?? 0.5)) return;
      const pattern: EventPattern = {
        code, kind: 'verb', words: [tokens[root].lemma.toLowerCase()], object: [], subject: [], prep: coder.targetPreps.get(code.slice(0, 2)) ?? [],
        target: 'object', source: 'subject',
      };
      const n = events.length;
      codeTrigger(root, [pattern], 'classifier');
      // a classifier event needs a doer, and an act that is said to happen: with no source actor, or
      // a negated verb ("we don't understand why …"), the sentence is too weak evidence; the doer
      // is the subject itself, not an actor named inside it ("ceasefires brokered by the United
      // States collapsed" is no act of the United States)
      const subj = subjectOf(v, root).head;
      // (the subject's head, its modifiers and conjuncts: "The Bulgarian military", "Immigration and
      // Customs Enforcement"; not a prepositional phrase or clause inside it)
      const near: number[] = subj >= 0 ? [subj] : [];
      for (const c of subj >= 0 ? v.children[subj] : []) {
        if (!/^(?:amod|compound|flat|conj|nmod:poss|appos)$/.test(v.parse.relation[c])) continue;
        near.push(c);
        for (const d of v.children[c]) if (/^(?:compound|flat|amod)$/.test(v.parse.relation[d])) near.push(d);
      }
      const ownSubject = (a: number) => subj >= 0 && (tokens[subj].pos === 'PRON' || actors[a].mentions.some((m) => near.some((j) => m.tokenStart <= j && j < m.tokenEnd)));
      for (let i = events.length - 1; i >= n; i--) if (events[i].source < 0 || events[i].negated || !ownSubject(events[i].source)) events.splice(i, 1);
      for (let i = n; i < events.length; i++) { events[i].origin = 'classifier'; events[i].confidence = Math.round(best * 1000) / 1000; }
    }
    /**
     * Code the event at trigger token `k` from the first of `candidates` that matches there; returns
     * the last token of the trigger (the loop resumes after it), or `k` when none matches.
     */
    function codeTrigger(k: number, candidates: EventPattern[], origin: 'pattern' | 'classifier'): number {
      const t = tokens[k];
      if (consumed.has(k)) return k;
      let objectAt = -1;
      let objectPair = false;
      let match: { p: EventPattern; end: number } | null = null;
      // a pattern whose object word is present is more specific than one with none, whatever their
      // length ("called for the release": 0253, not "call for" 020); among them the nearest object
      // wins ("offered concessions in talks": concessions, not talks), ties in file order; else the
      // first plain pattern (longest trigger first)
      let bestObject = Infinity;
      let plain: { p: EventPattern; end: number } | null = null;
      /** where the object search after a trigger ending at `end` stops: six tokens on, or six after a "with" that follows the recipient */
      const windowEnds = new Map<number, number>();
      const objectWindowEnd = (end: number): number => {
        let limit = windowEnds.get(end);
        if (limit !== undefined) return limit;
        // (a hyphenated compound counts as one word: "a Marshall Islands-flagged oil tanker")
        limit = end + 6;
        for (let j = end + 1; j < Math.min(sent.tokenEnd, limit); j++) if (lower[j] === '-' && tokens[j].start === tokens[j - 1].end && tokens[j + 1]?.start === tokens[j].end) limit += 2;
        // (so does a short phrase of place: "put its army units near the boundary on high alert")
        for (let j = end + 1; j < Math.min(sent.tokenEnd, limit); j++) {
          if (!/^(?:near|along|at|across|outside|inside|around)$/.test(lower[j])) continue;
          let e = j + 1;
          while (e < Math.min(sent.tokenEnd, j + 4) && /^(?:DET|ADJ|NOUN|PROPN)$/.test(tokens[e].pos)) e++;
          limit += e - j;
          break;
        }
        for (let j = end + 1; j < Math.min(sent.tokenEnd, end + 9); j++) {
          if (lower[j] === 'with' && (actorAtToken[j - 1] >= 0 || (lower[j - 1] === ')' && actorAtToken[j - 2] >= 0))) { limit = j + 6; break; }
        }
        windowEnds.set(end, limit);
        return limit;
      };
      /**
       * whether the subject of the verb at `k` is headed or modified by one of `words` ("Chinese
       * peacekeepers arrived", "peacekeeping troops arrived"): the parse's subject head and its
       * compound and adjective modifiers; with no parse, the words before `k` back to the previous verb
       */
      const subjectIn = (k: number, words: string[]): boolean => {
        const v = syntax(s);
        if (v) {
          const head = subjectOf(v, k).head;
          if (head < 0) return false;
          return [head, ...v.children[head].filter((c) => /^(?:compound|amod)$/.test(v.parse.relation[c]))]
            .some((j) => words.includes(lower[j]) || words.includes(tokens[j].lemma.toLowerCase()));
        }
        for (let j = k - 1; j >= sent.tokenStart && tokens[j].pos !== 'VERB'; j--) if (words.includes(lower[j])) return true;
        return false;
      };
      /** whether the actor or place at token `j` runs into "-flagged", "-based" or another modifier suffix */
      const placeModifier = (j: number): boolean => {
        const e = mentionEnd(j);
        return lower[e + 1] === '-' && MODIFIER_SUFFIX.test(lower[e + 2] ?? '');
      };
      // a passive's subject is its theme ("195 servicemen had been returned from …"): a person or
      // group there is the "@person" object of a pattern
      let passiveTheme = -1;
      if (/^(?:was|were|been|being|be|is|are)$/.test(lower[k - 1] ?? '')) {
        let j = k - 2;
        while (j >= sent.tokenStart && /^(?:AUX|ADV|PART)$/.test(tokens[j].pos)) j--;
        if (j >= sent.tokenStart && actorAtToken[j] >= 0 && (actors[actorAtToken[j]].type === 'person' || actors[actorAtToken[j]].type === 'group')) passiveTheme = j;
      }
      for (const p of candidates) {
        let end = k + 1;
        let ok = true;
        for (let w = 1; w < p.words.length; w++) {
          if (lower[k + w] !== p.words[w]) { ok = false; break; }
          end = k + w + 1;
        }
        if (!ok) continue;
        if (p.subject.length && !subjectIn(k, p.subject)) continue;
        // a noun phrase whose last word is another pattern's object ("appealed for humanitarian aid":
        // the aid is what was asked for, not an act of its own)
        if (p.kind === 'noun' && end - k > 1 && consumed.has(end - 1)) continue;
        // a noun trigger of "call" needs a phone/telephone context or a "between"
        if (p.kind === 'noun' && p.words.join(' ') === 'call' && !/\b(?:phone|telephone|video)\b/i.test(sentText)) continue;
        if (p.object.length && passiveTheme >= 0 && p.object.includes('@person')) {
          bestObject = 0; objectAt = -1; objectPair = false; match = { p, end };
          continue;
        }
        if (p.object.length) {
          let at = -1, pair = false;
          // (the recipient first, the thing after "with": "provided the Lebanese army with aircraft
          // and weapons", "supplied Kyiv with tanks": the window runs on from the "with")
          const limit = objectWindowEnd(end);
          for (let j = end; j < Math.min(sent.tokenEnd, limit, end + bestObject); j++) {
            const phrase2 = `${lower[j]} ${lower[j + 1] ?? ''}`;
            // a light verb's object word that ends another pattern's noun phrase is that phrase
            // ("launched air strikes": air strikes, 195, not a strike, 143); not an intent's object,
            // which names what is promised ("pledged military aid": 033, CAMEO codebook v1.1b3 03x)
            if ((p.object.includes(lower[j]) || p.object.includes(tokens[j].lemma)) && j > end && !p.code.startsWith('03') && SUPPORT_VERBS.has(t.lemma.toLowerCase()) && endsNounPattern(j, p.code)) continue;
            // (a word of a capitalised name is no object word: "a Marshall Islands-flagged tanker" names no
            // islands; in a Title Case headline every word is capitalised: "Expels Dozens of Diplomats")
            if ((p.object.includes(lower[j]) || p.object.includes(tokens[j].lemma)) && !(actorAtToken[j] >= 0 && j > end && /^\p{Lu}/u.test(tokens[j].text) && !titleCase)) { at = j; break; }
            // a two-word object ("formal protest", "security cooperation"): both words are the object's
            if (p.object.includes(phrase2)) { at = j; pair = true; break; }
            // "@person": a person or group actor as the object ("released Pablo Moncayo"), at the end
            // of its mention, its head: a pattern that names the head word ("expelled the French
            // ambassador": ambassador, 166) is as near and comes first
            if (actorAtToken[j] >= 0 && p.object.includes('@person') && (actors[actorAtToken[j]].type === 'person' || actors[actorAtToken[j]].type === 'group')) { at = mentionEnd(j); break; }
            // "@place": a gazetteer place or a state named as the object ("recaptured Kherson", "annexed Crimea")
            // (the object itself, right after the verb or its determiner: "captured in Mariupol" is no seizure of Mariupol)
            // (not a place that only modifies the object: "seized a Marshall Islands-flagged tanker")
            if (p.object.includes('@place') && (j === end || (j === end + 1 && tokens[end].pos === 'DET')) && !placeModifier(j) &&
              ((actorAtToken[j] >= 0 && actors[actorAtToken[j]].type === 'state') || placeStarts.has(j))) { at = j; break; }
            if (/^[.;]$/.test(lower[j])) break;
          }
          if (at < 0 || at - end >= bestObject) continue;
          bestObject = at - end;
          objectAt = at;
          objectPair = pair;
          match = { p, end };
          continue;
        }
        plain ??= { p, end };
      }
      if (!match) match = plain;
      if (!match) return k;
      // "met targets", "meet the deadline": a thing met is no party met (demands met are accession, 083)
      if (match.p.kind === 'verb' && t.lemma.toLowerCase() === 'meet' && !match.p.object.length) {
        let j = match.end;
        while (j < sent.tokenEnd && (/^(?:DET|ADJ|ADV|NUM)$/.test(tokens[j].pos) || /^(?:its|their|his|her|our)$/.test(lower[j]))) j++;
        if (MET_THINGS.has(lower[j])) return k;
      }
      // the object word of a matched pattern ("pledged support") is its theme, not a second event
      if (objectAt >= 0) consumed.add(objectAt);
      if (objectAt >= 0 && objectPair) consumed.add(objectAt + 1);
      const { p } = match;
      themeWords = p.object;
      // forces as the theme are the source's means ("sent troops"), except when they are released
      // or returned (CAMEO 084x: "freed captured soldiers")
      forcesAreMeans = !/^08(?:[0-6]|8)/.test(p.code);
      const triggerStart = k, triggerEnd = match.end;

      // ---- passive voice: "was requested by X", "were ousted by X"
      // a protest or force noun that modifies another noun ("NATO's war machine", "attack
      // helicopters", "protest leaders") names a thing, not an act; nor a war of trade or words
      // ("a trade war", "a propaganda war")
      // (so does an aid noun: "aid convoy", "humanitarian aid workers")
      if (p.kind === 'noun' && /^1[4-9]|^20|^07/.test(p.code) && ((tokens[triggerEnd]?.pos === 'NOUN' && tokens[triggerEnd].sentence === t.sentence) ||
        NON_MILITARY_QUALIFIERS.has(lower[k - 1] ?? ''))) return k;
      // "in protest at/against", "in protest": the motive of another act, not a demonstration
      if (/^14/.test(p.code) && lower[k - 1] === 'in' && tokens[k].lemma.toLowerCase() === 'protest') return k;
      // a gerund used as a modifier ("an official welcoming ceremony") is not an event; nor is a
      // participle between a determiner and its noun ("a kidnapped volunteer", "the occupied
      // territories"): it describes the noun's state, not an act of this sentence
      if (p.kind === 'verb' && /ing$/.test(lower[k]) && (tokens[k - 1]?.pos === 'DET' || tokens[k - 1]?.pos === 'ADJ' ||
        (tokens[k + 1]?.pos === 'NOUN' && ['DET', 'ADJ', 'NOUN'].includes(tokens[k - 1]?.pos ?? '')))) return k;
      if (p.kind === 'verb' && /ed$/.test(lower[k]) && tokens[k - 1]?.pos === 'DET' && /^(?:NOUN|PROPN|ADJ)$/.test(tokens[k + 1]?.pos ?? '') && tokens[k + 1].sentence === t.sentence) return k;
      // a gerund that is the clause's subject names a kind of act, not an act of this story ("Killing
      // civilians is a war crime", "Attacking hospitals violates the law")
      if (p.kind === 'verb' && /ing$/.test(lower[k]) && syntax(s)?.parse.relation[k] === 'csubj') return k;
      // passive: "was requested by X"; reduced: "Masimov, ousted as head", "Nazarbaev removed from" (a transitive
      // verb in the active voice takes its object first, so a participle followed by a preposition is passive)
      // (after a form of "be", irregular participles too: "was shot at", "were struck", "was hit": a
      // past form whose lemma differs, or one of the verbs whose participle is their base)
      const participle = /(?:ed|en)$/.test(lower[k]);
      const irregular = p.kind === 'verb' && !participle && !/(?:s|ing)$/.test(lower[k]) &&
        (tokens[k].lemma.toLowerCase() !== lower[k] || /^(?:hit|cut|put|set|shut|hurt|let|cast|burst|spread|quit)$/.test(lower[k]));
      const passive = p.kind === 'verb' && (participle || irregular) && k > sent.tokenStart &&
        (['was', 'were', 'been', 'being', 'is', 'are', 'be', 'get', 'got'].includes(lower[k - 1] === 'not' ? lower[k - 2] : lower[k - 1]) ||
          (participle && ((tokens[triggerEnd]?.pos === 'ADP' && ['from', 'as', 'by', 'over', 'for'].includes(lower[triggerEnd]) && lower[k - 1] !== 'have' && lower[k - 1] !== 'has' && lower[k - 1] !== 'had') ||
            reducedRelative(k) >= 0)));
      let source = -1, target = -1;
      let mediatedPair: [number, number] | null = null;
      /** "under attack", "under heavy fire": the token "under" before a force noun, else -1 */
      const underAttack = p.kind === 'noun' && /^1[89]/.test(p.code) ? [triggerStart - 1, triggerStart - 2].find((j) => lower[j] === 'under' &&
        tokens.slice(j + 1, triggerStart).every((x) => x.pos === 'ADJ')) ?? -1 : -1;
      if (p.kind === 'noun' && lower[triggerEnd] === 'between') {
        const andAt = lower.indexOf('and', triggerEnd);
        const lim = Math.min(sent.tokenEnd, andAt > 0 ? andAt : sent.tokenEnd);
        source = actorAfter(triggerEnd + 1, lim);
        if (andAt > 0 && andAt < sent.tokenEnd) {
          let comma = andAt + 1;
          while (comma < sent.tokenEnd && !/^[,;.]$/.test(lower[comma])) comma++;
          target = actorAfter(andAt + 1, comma);
        }
        // a mediation "between A and B" (045): both are its targets, the mediator its source
        // (CAMEO codebook v1.1b3, 045: "mediate between the parties")
        if (p.code.startsWith('045')) { mediatedPair = [source, target]; target = source; source = -1; }
      } else if (underAttack >= 0) {
        // "came under attack", "were under heavy fire from rebels": the subject is struck, the
        // attacker only a "from" or "by" phrase
        let verb = underAttack - 1;
        while (verb > sent.tokenStart && /^(?:ADV|AUX|PART)$/.test(tokens[verb].pos)) verb--;
        target = actorBefore(tokens[verb].pos === 'VERB' || tokens[verb].pos === 'AUX' ? verb : underAttack, sent.tokenStart);
        const from = [triggerEnd, triggerEnd + 1].find((j) => lower[j] === 'from' || lower[j] === 'by');
        if (from !== undefined) source = actorAfter(from + 1, Math.min(sent.tokenEnd, from + 8));
      } else if (p.kind === 'noun' && MOVEMENT_NOUNS.has(lower[triggerStart]) && lower[triggerEnd] === 'of' && (source = movingForces(triggerEnd + 1, sent.tokenEnd)) >= 0) {
        // forces that arrive or withdraw are the ones acting: "the arrival of a few thousand troops,
        // predominantly from Russia" (CAMEO 074/0874: the source sends or withdraws its forces)
      } else if (p.kind === 'noun') {
        // possessive source: "Russia's 2008 invasion", "Moscow's decision"
        for (let j = triggerStart - 1; j >= Math.max(sent.tokenStart, triggerStart - 4); j--) {
          if ((lower[j] === "'s" || lower[j] === '’s') && participant(j - 1)) { source = actorAtToken[j - 1]; break; }
          // a possessive split in two tokens ("Iran ’ s", as pre-tokenised text writes it)
          if (lower[j] === 's' && (lower[j - 1] === "'" || lower[j - 1] === '’') && j >= 2 && participant(j - 2)) { source = actorAtToken[j - 2]; break; }
          if (/^[,;.]$/.test(lower[j]) || tokens[j].pos === 'VERB') break;
        }
        // a state or group named as the noun's modifier ("An Israeli air strike", "Russian shelling",
        // "US sanctions on Iran"): the actor of the act, as CAMEO codes an adjectival actor
        if (source < 0) {
          for (let j = triggerStart - 1; j >= Math.max(sent.tokenStart, triggerStart - 3); j--) {
            if (participant(j) && /^(?:ADJ|PROPN|NOUN)$/.test(tokens[j].pos)) {
              let e = j;
              while (e + 1 < triggerStart && actorAtToken[e + 1] === actorAtToken[j]) e++;
              // the modifier must run up to the trigger through adjectives or nouns only
              if (tokens.slice(e + 1, triggerStart).every((x) => /^(?:ADJ|NOUN)$/.test(x.pos))) source = actorAtToken[j];
              break;
            }
            if (!/^(?:ADJ|NOUN)$/.test(tokens[j].pos)) break;
          }
        }
        // a verb the tagger read as a noun right after its subject ("Protesters clash with police",
        // "Rebels attack army base"): the actor just before it is the source
        if (source < 0 && k > sent.tokenStart && coder.patterns.byVerb.has(lower[k]) && participant(k - 1) && actorAtToken[k] !== actorAtToken[k - 1] &&
          /^(?:NOUN|PROPN)$/.test(tokens[k - 1].pos) && !/^(?:['’]s|of)$/.test(lower[k - 2] ?? '') && /^(?:ADP|DET|PROPN|NUM)$/.test(tokens[k + 1]?.pos ?? '')) {
          source = actorAtToken[k - 1];
        }
        // "the arrival of troops", "the withdrawal of CSTO peacekeeping troops from Kazakhstan"
        if (source < 0 && lower[triggerEnd] === 'of' && p.code.startsWith('0') ) {
          const a = actorAfter(triggerEnd + 1, Math.min(sent.tokenEnd, triggerEnd + 8));
          if (a >= 0) source = a;
        }
        if (source < 0 && p.source !== 'none') {
          // a light verb governs the noun ("Beijing offered full-throated support"): its subject is the source
          // (a verb of travel may stand further off: "arrived in Astana on Tuesday for a three-day state visit")
          // (the noun is the light verb's object, not in a phrase of its own: "imposed sanctions over the
          // crackdown" is no crackdown by the one imposing; "a series of attacks" still is)
          let inPhrase = false;
          for (let j = triggerStart - 1; j >= Math.max(sent.tokenStart, triggerStart - 11); j--) {
            const travel = TRAVEL_VERBS.has(tokens[j].lemma.toLowerCase());
            if (SUPPORT_VERBS.has(tokens[j].lemma.toLowerCase()) && tokens[j].pos !== 'ADJ' && ((triggerStart - j <= 6 && !inPhrase) || travel)) { source = actorBefore(j, sent.tokenStart); break; }
            if (tokens[j].pos === 'ADP' && lower[j] !== 'of') inPhrase = true;
            // parts of a hyphenated modifier ("full-throated") are not the governing verb
            if (tokens[j].pos === 'VERB' && lower[j - 1] !== '-') break;
          }
          // a meeting or call the sentence's verb happened in ("Putin said in a phone call with
          // Pashinyan …", "agreed during talks with …"): the subject of that verb
          if (source < 0 && /^04/.test(p.code)) {
            const at = [1, 2, 3, 4].map((d) => triggerStart - d).find((j) => j >= sent.tokenStart && /^(?:in|during|at)$/.test(lower[j]));
            if (at !== undefined && tokens.slice(at + 1, triggerStart).every((x) => /^(?:DET|ADJ|NOUN|NUM)$/.test(x.pos))) {
              for (let j = at - 1; j >= Math.max(sent.tokenStart, at - 8); j--) if (tokens[j].pos === 'VERB') { source = actorBefore(j, sent.tokenStart); break; }
            }
          }
          // coordination: "Russia's 2008 invasion of Georgia and 2014 occupation of …" shares the source
          // (only for bare nouns: "and the arrival of troops" starts a new phrase)
          const andAt = [triggerStart - 1, triggerStart - 2].find((j) => lower[j] === 'and' && tokens[j + 1]?.pos !== 'DET');
          if (source < 0 && andAt !== undefined) {
            const prev = events[events.length - 1];
            if (prev && prev.sentence.start === sent.start && prev.trigger.end <= tokens[andAt].start) source = prev.source;
          }
        }
      } else if (passive) {
        // the agent's "by" in the trigger's own clause: not past a comma ("If Serbs are attacked,
        // Serbia will not stand by, Vucic said" names no attacker)
        let clauseEnd = triggerEnd;
        while (clauseEnd < sent.tokenEnd && !/^[,;:]$/.test(lower[clauseEnd])) clauseEnd++;
        const byAt = lower.slice(triggerEnd, clauseEnd).indexOf('by');
        if (byAt >= 0) source = actorAfter(triggerEnd + byAt + 1, Math.min(sent.tokenEnd, triggerEnd + byAt + 8));
        target = actorBefore(k, sent.tokenStart);
      } else if (p.source !== 'none') {
        // a purpose infinitive ("gathered outside the embassy to demand") takes the main clause's subject
        const purpose = lower[k - 1] === 'to' && tokens[k - 2] && tokens[k - 2].pos !== 'VERB' && tokens[k - 2].pos !== 'AUX';
        source = purpose ? clauseSubject(s) : actorBefore(k, sent.tokenStart);
        // a participle adjunct ("while calling for", "by intervening") takes the main clause's subject
        if (/ing$/.test(lower[k]) && ['while', 'by', 'after', 'before', 'when', 'in', ','].includes(lower[k - 1])) source = clauseSubject(s);
      }
      if (p.target === 'subject') {
        target = actorBefore(triggerStart, sent.tokenStart);
      } else if (target < 0 && p.target !== 'none' && !passive) {
        // the pattern's preposition first, then the first actor after the trigger
        let from = -1;
        for (let j = triggerEnd; j < Math.min(sent.tokenEnd, triggerEnd + 10); j++) {
          // (an infinitive's "to" is no preposition: "urged all sides to resolve …")
          if (p.prep.includes(lower[j]) && !(lower[j] === 'to' && tokens[j + 1]?.pos === 'VERB')) { from = j + 1; break; }
          // the pattern's own object phrase ("fired tear gas at protesters": wink tags "tear" a verb)
          const objectWords = p.object.find((o) => o.includes(' ') && lower.slice(j, j + o.split(' ').length).join(' ') === o);
          if (objectWords) { j += objectWords.split(' ').length - 1; continue; }
          if (/^[;.]$/.test(lower[j]) || ((tokens[j].pos === 'VERB' || tokens[j].pos === 'AUX') && !p.object.includes(lower[j]) && !p.object.includes(tokens[j].lemma))) break;
        }
        if (from > 0) target = actorAfter(from, Math.min(sent.tokenEnd, from + 8), true);
        if (target < 0) {
          // direct object: an actor right after the trigger (up to a preposition or verb)
          for (let j = triggerEnd; j < Math.min(sent.tokenEnd, triggerEnd + 6); j++) {
            // "demanded that the government free …", "urged that Kenya …": the subject of the
            // demanded act is the target of a demand or an appeal (CAMEO roots 10 and 02)
            if (j === triggerEnd && lower[j] === 'that' && /^(?:02|10)/.test(p.code)) continue;
            if (tokens[j].pos === 'VERB' || tokens[j].pos === 'AUX' || /^(?:[,;.]|that|which|who)$/.test(lower[j])) break;
            if (tokens[j].pos === 'ADP' && !p.prep.includes(lower[j])) break;
            if (themeWords.includes(lower[j]) && (!participant(j) || (forcesAreMeans && OWN_FORCES.test(actors[actorAtToken[j]].code ?? '')))) continue;
            if (participant(j)) { target = actorAtToken[headOfPhrase(j, Math.min(sent.tokenEnd, j + 6))]; break; }
          }
        }
      }
      // ---- syntax: for a verb the parse's subject, agent and object win over the word-order rules
      // above; for a noun (whose word-order rules are specific: "between A and B", "the arrival
      // of troops") the parse only fills what they left empty
      const wordTarget = target;
      /** the state of a place struck as the object (named anywhere in the article), or -1 */
      let struckTerritory = -1;
      const v = syntax(s);
      const sentIndex = s;
      let extraSources: number[] = [], extraTargets: number[] = [];
      /** the parse's subject is an indefinite pronoun ("anyone"): no source, by word order either */
      let indefiniteSubject = false;
      let parsePassive = false;
      /** the trigger praises or blames an act named as its object: no target but that act's doer */
      let commentedAct = false;
      if (v) {
        const args = p.kind === 'verb' ? verbArguments(v, k, p.prep, p.object, (i) => participant(i) && !(forcesAreMeans && OWN_FORCES.test(actors[actorAtToken[i]].code ?? ''))) : nounArguments(v, k, p.prep);
        parsePassive = args.passive;
        let s = args.source >= 0 && p.source !== 'none' ? phraseActor(v, args.source, false) : -1;
        // a noun act's possessive pronoun ("supplying missiles to Russia for use in its war against
        // Ukraine"): the nearest state, group or organization named before it in the sentence
        if (s < 0 && p.kind === 'noun' && p.source !== 'none') {
          const poss = v.children[k].find((c) => v.parse.relation[c] === 'nmod:poss' && /^(?:its|their)$/.test(lower[c]));
          for (let j = (poss ?? sent.tokenStart) - 1; poss !== undefined && j >= sent.tokenStart && s < 0; j--) {
            if (participant(j) && actors[actorAtToken[j]].type !== 'person') s = actorAtToken[j];
          }
        }
        // "the two leaders", "both sides": the last two actors of that kind named before
        const pair = s < 0 && args.source >= 0 && p.source !== 'none' ? pairBefore(args.source, sent.tokenStart) : null;
        if (pair) s = pair[0];
        let tg = args.target >= 0 && p.target !== 'none' ? phraseActor(v, args.target, /^(?:18|19|20)/.test(p.code) ? 'nested' : true) : -1;
        // praise or blame of an act ("condemned the attack on the hospital", "welcomed the release of
        // the hostages"): aimed at the one who did it, named by "by" or a possessive, else at nobody;
        // never at the act's own target (CAMEO codebook v1.1b3, 05 and 11: the target is the
        // praised or criticised party)
        if (tg >= 0 && /^(?:05|11)/.test(p.code) && (coder.patterns.byNoun.has(lower[args.target]) || coder.patterns.byNoun.has(tokens[args.target].lemma.toLowerCase()))) {
          // (its source as a noun act's, or a demonym before it: "the Israeli strike on Lebanon")
          const doer = nounArguments(v, args.target, []).source;
          const demonym = v.children[args.target].find((c) => v.parse.relation[c] === 'amod' && participant(c));
          tg = doer >= 0 ? phraseActor(v, doer, false) : demonym !== undefined ? actorAtToken[demonym] : -1;
          commentedAct = true;
        }
        // "called on both sides", "urged the two countries": the pair named before, the source apart
        // (not for force, roots 18-20, whose targets are the ones struck)
        const targetPair = tg < 0 && args.target >= 0 && p.target !== 'none' && !/^(?:18|19|20)/.test(p.code) ? pairBefore(args.target, sent.tokenStart, s >= 0 ? s : source) : null;
        if (targetPair) tg = targetPair[0];
        if (tg >= 0 && ownMeans(p.code, tg, s >= 0 ? s : source)) tg = -1;
        if (s >= 0) extraSources = pair ? [pair[1]] : args.source >= 0 ? coordinated(v, args.source, s) : [];
        if (tg >= 0) extraTargets = targetPair ? [targetPair[1]] : coordinated(v, args.target, tg).filter((a) => p.kind !== 'verb' || !nextClauseSubject(a, k, sent.tokenEnd));
        // material conflict with no named target: the state where it struck ("hit positions in Saudi
        // Arabia's Asir region"), unless that is the source's own state (CAMEO codes an attack on a
        // territory as an attack on its state; internal violence names its target or has none)
        let place = -1;
        // the same for acts imposed on or ended in a territory, a ceasefire (087x) or a state of
        // emergency, curfew or martial law (172x) "in Yemen", "in Colombia": CAMEO codes the
        // territory's state as the target, its own government's state included
        // so are aid given or cut, troops sent or withdrawn and reform demanded "in"/"to" a state
        // with no other target ("suspended aid deliveries in Nigeria", "calls for reform in
        // Myanmar"): the state that receives or loses them (TERRITORY_CODES)
        const onTerritory = TERRITORY_CODES.test(p.code);
        if (tg < 0 && (p.kind === 'verb' || onTerritory) && !args.passive && (/^(?:18|19|20)/.test(p.code) || onTerritory)) {
          // the verb's place phrase, or its object's ("declared a ceasefire in Somalia")
          const objs = v.children[k].filter((c) => v.parse.relation[c] === 'obj' || (onTerritory && /^(?:obl|nmod)$/.test(v.parse.relation[c])));
          const spots = [...v.children[k].filter((c) => /^(?:obl|nmod)$/.test(v.parse.relation[c])), ...objs.flatMap((o) => v.children[o].filter((c) => v.parse.relation[c] === 'nmod'))];
          for (const c of spots) {
            const prep = caseOf(v, c);
            if (!LOCATIVE.has(prep) && !(onTerritory && TERRITORY_DIRECTIONS.has(prep))) continue;
            const a = phraseActor(v, c, 'nested');
            const src = s >= 0 ? s : source;
            // (a state reached or left is never the source's own: "troops, mostly from Russia" is their origin)
            const own = src >= 0 && actors[src].country === actors[a]?.country;
            if (a >= 0 && actors[a].type === 'state' && ((onTerritory && !(own && TERRITORY_DIRECTIONS.has(prep))) || !own)) { place = a; break; }
          }
          // a gazetteer place struck as the object ("Israel struck Gaza", "shelled Kharkiv"): its
          // state, when the article names that state as an actor
          if (place < 0) {
            const src = s >= 0 ? s : source;
            for (const o of objs) {
              const pl = res.places.find((x) => x.tokenStart <= o && o < x.tokenEnd);
              const st = pl?.country ? actors.findIndex((a) => a.type === 'state' && a.country === pl.country) : -1;
              if (st >= 0 && (src < 0 || actors[src].country !== pl!.country)) { place = st; struckTerritory = st; break; }
            }
          }
        }
        if (p.kind === 'verb' && p.target !== 'subject') {
          // a participle adjunct the parse hangs on a relative clause ("fired at protesters who
          // stormed parliament, killing five people"): the killing is the main clause's act, as the
          // comma says; its subject is the main clause's; so too on an adverbial clause of time
          // ("opened fire on the palace while Embalo was chairing a meeting, killing two guards")
          const h = v.parse.head[k];
          if (s >= 0 && lower[k - 1] === ',' && /ing$/.test(lower[k]) && v.parse.relation[k] === 'advcl' && h >= 0 &&
            (v.parse.relation[h] === 'acl:relcl' || (v.parse.relation[h] === 'advcl' && v.children[h].some((c) => v.parse.relation[c] === 'mark' && /^(?:while|as|when|after|before)$/.test(lower[c]))))) {
            const cs = clauseSubject(sentIndex);
            if (cs >= 0) s = cs;
          }
          if (s >= 0) source = s;
          // the parse's subject is a noun that names no actor ("the party would file complaints with
          // the Constitutional Court and would organise rallies"): an actor named between it and the
          // trigger sits in the predicate, not in the subject, and is no source by word order
          else if (args.source >= 0 && source >= 0 && tokens[args.source].pos === 'NOUN' && !args.passive &&
            actors[source].mentions.some((m) => m.tokenStart > args.source && m.tokenEnd <= k)) source = -1;
          // an indefinite subject ("will not allow anyone to threaten its sovereignty") names no source
          else if (args.source >= 0 && INDEFINITE_PRONOUNS.has(lower[args.source])) { source = -1; indefiniteSubject = true; }
          // "… and Belarus helped": an actor right before the verb, after "and", is its own subject,
          // whatever subject the parse lends the verb from the first conjunct
          const cs = args.passive ? -1 : coordinatedSubjectBefore(k, sent.tokenStart);
          if (cs >= 0) source = cs;
          if (tg >= 0 || commentedAct) target = tg;
          else if (place >= 0) target = place;
          // a word-order target in another conjoined clause ("China has invested billions in Kazakhstan
          // and Chinese President Xi even launched …" does not target Xi); other word-order targets
          // stay (on the ConfliBERT development half, dropping every target outside the verb's
          // subtree lost more right targets than wrong ones: the parser misattaches them)
          else if (target >= 0 && !args.passive && actors[target].mentions.some((m) => m.tokenStart > k && m.tokenEnd <= sent.tokenEnd && inLaterConjunct(v, k, m.tokenStart))) target = -1;
          else if (args.passive && s >= 0 && target === s) target = -1;
        } else {
          if (source < 0) source = s;
          if (target < 0) target = tg >= 0 ? tg : place;
        }
      }
      // a reduced relative ("officers arrested near the border") is passive whatever the parse says:
      // the noun it modifies is the target, the source only a "by" phrase
      const modified = passive && p.kind === 'verb' ? reducedRelative(k) : -1;
      if (modified >= 0) {
        target = actorAtToken[modified];
        const byAt = lower.slice(triggerEnd, Math.min(sent.tokenEnd, triggerEnd + 6)).indexOf('by');
        source = byAt >= 0 ? actorAfter(triggerEnd + byAt + 1, Math.min(sent.tokenEnd, triggerEnd + byAt + 8)) : -1;
      }
      // a target that is the subject of a coordinated clause ("invested billions in Kazakhstan and
      // Chinese President Xi Jinping even launched …"): the parse often reads it as a conjunct of the
      // object; the word-order target stands instead, unless it is that subject too
      if (target >= 0 && p.kind === 'verb' && nextClauseSubject(target, k, sent.tokenEnd)) target = wordTarget >= 0 && !nextClauseSubject(wordTarget, k, sent.tokenEnd) ? wordTarget : -1;
      // no target from the parse or the word-order rules: the first actor after the trigger in the
      // same clause (TABARI's positional rule, as for the source below; a new clause, "after",
      // "which" …, ends the search). On the ConfliBERT development half this found 43 more right
      // targets for 22 more where the gold names none; its rule score gains less than a syntactic one.
      let positionalTarget = false;
      if (target < 0 && p.target !== 'none' && !passive && !parsePassive && !commentedAct) {
        for (let j = triggerEnd; j < sent.tokenEnd; j++) {
          if (/^[;.]$/.test(lower[j]) || CLAUSE_OPENERS.has(lower[j]) || lower[j] === 'but' || (lower[j] === ',' && /^(?:and|but)$/.test(lower[j + 1] ?? ''))) break;
          // a conjunction that opens another verb phrase or clause ("… and throwing its support
          // behind Toqaev", "… and the alliance could come at the expense of the SCO")
          if (tokens[j].pos === 'CCONJ' && conjoinsClause(j, sent.tokenEnd)) break;
          // a participle adjunct after a comma is another act ("rejected the appeal, saying Yerevan …")
          if (lower[j] === ',' && tokens[j + 1]?.pos === 'VERB') break;
          // a request or demand made of a party that is no actor ("urged all sides to resolve the
          // dispute through the courts"): an actor inside the act asked for is not the one asked
          if (p.kind === 'verb' && /^(?:02|10)/.test(p.code) && j > triggerEnd && lower[j] === 'to' && tokens[j + 1]?.pos === 'VERB') break;
          // a noun act's phrase ends at a verb or a relative "that"/"what" ("protests that removed
          // leaders from Georgia", "looting led to Toqaev requesting …"), but a purpose infinitive
          // goes on ("a mediation effort to resolve the rift between Qatar and …")
          // (nor at a participle right after the noun: "attacks targeting the government")
          if (p.kind === 'noun' && ((tokens[j].pos === 'VERB' && lower[j - 1] !== 'to' && !(j === triggerEnd && /ing$/.test(lower[j]))) ||
            tokens[j].pos === 'AUX' || lower[j] === 'that' || lower[j] === 'what')) break;
          // (not the source's own state: "troops, predominantly from Russia" names their origin)
          const own = source >= 0 && actors[actorAtToken[j]]?.type === 'state' && actors[actorAtToken[j]].country === actors[source].country;
          if (participant(j) && actorAtToken[j] !== source && !own) { target = actorAtToken[headOfPhrase(j, sent.tokenEnd)]; positionalTarget = true; break; }
        }
      }
      // the speaker of a trailing attribution ("…, killing five people, activists reported") is no target
      const attribution = trailingAttribution(s);
      if (target >= 0 && target !== struckTerritory && attribution > k && actors[target].mentions.every((m) => m.tokenStart < sent.tokenStart || m.tokenStart >= sent.tokenEnd || m.tokenStart > attribution)) target = -1;
      if (target === source) target = -1;
      // no source from the parse or the word-order rules: the main clause's subject, when it comes
      // before the trigger, is the actor (TABARI's positional rule: the first actor of the sentence
      // is the source; Schrodt, TABARI manual 0.8, ch. 5). A passive or source-less pattern keeps none.
      let positionalSource = false;
      if (source < 0 && p.source !== 'none' && !passive && !parsePassive && p.target !== 'subject' && underAttack < 0 && !indefiniteSubject) {
        const cs = clauseSubject(s);
        const m = cs >= 0 && cs !== target ? actors[cs].mentions.find((x) => x.tokenStart >= sent.tokenStart && x.tokenEnd <= triggerStart) : undefined;
        /**
         * Does token j, between that subject and the trigger, cut the subject off from the act?
         * - a clause boundary ("asked … after a severe winter killed"), "that";
         * - a request, whose content is another's act ("asked donors for assistance");
         * - for a noun act, a verb of attitude or comment whose object it is ("condemned the bombing");
         * - a verb of saying, whose content is another's act ("Governor X said two guided bombs
         *   struck the market"), unless a pronoun follows it, mostly the speaker ("the federation
         *   said it is skeptical"), or it commits the speaker to an act of its own ("pledged to work").
         */
        const cuts = (j: number): boolean => {
          if (CLAUSE_OPENERS.has(lower[j]) || lower[j] === 'that') return true;
          // a noun act in a phrase of cause or circumstance ("imposed sanctions over the crackdown",
          // "amid the fighting"): the reason for the subject's act, not an act of the subject's
          if (p.kind === 'noun' && REASON_PREPOSITIONS.has(lower[j]) && tokens.slice(j + 1, triggerStart).every((x) => /^(?:DET|ADJ|NUM|NOUN|PROPN|PRON)$/.test(x.pos))) return true;
          if (tokens[j].pos !== 'VERB') return false;
          const lem = tokens[j].lemma.toLowerCase();
          if (asking(j)) return true;
          if (p.kind === 'noun' && (ATTITUDE_VERBS.has(lem) || COMMENT_VERBS.has(lem))) return true;
          if (!(REPORTING.has(lem) || COMMUNICATION.has(lem)) || COMMITMENT.has(lem)) return false;
          const n = lower[j + 1] === 'that' && j + 1 < triggerStart ? j + 2 : j + 1;
          return n >= triggerStart || tokens[n].pos !== 'PRON';
        };
        let cut = !m;
        for (let j = m ? m.tokenEnd : triggerStart; j < triggerStart && !cut; j++) cut = cuts(j);
        if (!cut) { source = cs; positionalSource = true; }
      }
      // forces sent, deployed or withdrawn ("would withdraw additional troops", "deployed
      // warships") are the source's means, not the target of aid (07), a show of force (15) or a
      // retreat (087x), unless they are another state's
      if (target >= 0 && ownMeans(p.code, target, source)) target = -1;
      // a help or cooperation "against" someone is not help to them ("protecting its border against the
      // FDLR", "cooperate against the militants"): the one opposed is no target of roots 05-07 or of
      // an intent to help (033); a concession stays theirs ("lifted sanctions against Iran", 08)
      if (target >= 0 && /^(?:0[5-7]|033)/.test(p.code)) {
        const at = actors[target].mentions.filter((m) => m.start > t.start && m.start < sent.end).map((m) => tokenAtStart.get(m.start) ?? -1);
        if (at.length && at.every((i) => i > 0 && (lower[i - 1] === 'against' || (lower[i - 2] === 'against' && tokens[i - 1].pos === 'DET')))) target = -1;
      }
      // a court a case is filed at is the venue, not the one sued (CAMEO 115)
      // (so is one a complaint is filed or lodged with: "would file complaints with the Constitutional Court")
      if (target >= 0 && (p.code.startsWith('115') || (/^11[14]/.test(p.code) && /^(?:file|lodge|submit)$/.test(t.lemma.toLowerCase()))) &&
        /JUD$/.test(actors[target].code ?? '')) target = -1;

      // ---- negation and modality
      let negated = false;
      let modality: Modality = 'asserted';
      for (let j = Math.max(sent.tokenStart, k - 4); j < k; j++) {
        if (NEG.has(lower[j])) negated = true;
        // "failed to reach a deal", "unable to agree": the act did not happen
        if ((lower[j] === 'failed' || lower[j] === 'fail' || lower[j] === 'fails' || lower[j] === 'unable') && lower[j + 1] === 'to') negated = true;
        // "refused to extradite", "declined to sign": the act was not carried out (the refusal
        // itself is coded by its own pattern, 12x)
        if (/^(?:refuse[sd]?|refusing|decline[sd]?|declining)$/.test(lower[j]) && lower[j + 1] === 'to') negated = true;
      }
      // a negated verb that governs the act as its complement ("will never again allow terrorists to
      // threaten", "did not order troops to fire"): the act does not happen either
      const nv = syntax(s);
      if (!negated && nv && p.kind === 'verb') {
        const negator = (i: number) => /^(?:not|n't|never)$/.test(lower[i]);
        for (let cur = k, n = 0; n < 3 && nv.parse.relation[cur] === 'xcomp' && nv.parse.head[cur] >= 0; n++) {
          cur = nv.parse.head[cur];
          if (nv.children[cur].some((c) => negator(c) || (nv.parse.relation[c] === 'advmod' && nv.children[c].some(negator)))) { negated = true; break; }
        }
      }
      // a noun act its own source did not take part in, by a negated verb that governs it ("Sudan's
      // army did not send a delegation to the talks", "Russia did not join the talks"): negated
      // (only where the source is that verb's subject: "did not comment on the talks between A and B"
      // says nothing of A's talks)
      if (!negated && nv && p.kind === 'noun' && source >= 0) {
        const negator = (i: number) => /^(?:not|n't|never)$/.test(lower[i]);
        for (let cur = k, n = 0; n < 3 && /^(?:obj|obl|nmod)$/.test(nv.parse.relation[cur]) && nv.parse.head[cur] >= 0; n++) {
          cur = nv.parse.head[cur];
          if (tokens[cur].pos !== 'VERB') continue;
          const subj = subjectOf(nv, cur);
          if (nv.children[cur].some(negator) && subj.head >= 0 && phraseActor(nv, subj.head, false) === source) negated = true;
          break;
        }
      }
      // a noun act called off ("cancelled a planned visit", "postponed their meeting") did not take
      // place; one only planned ("a planned visit", "the proposed talks") is not yet a fact
      let plannedAct = false;
      if (p.kind === 'noun') {
        for (let j = triggerStart - 1; j >= Math.max(sent.tokenStart, triggerStart - 4); j--) {
          if (PLANNED.has(lower[j])) plannedAct = true;
          if (tokens[j].pos === 'VERB' && !PLANNED.has(lower[j])) {
            const lem = tokens[j].lemma.toLowerCase();
            if (CANCELLING.has(lem) || (lem === 'call' && lower[j + 1] === 'off')) negated = true;
            // a planned act someone made or held took place ("made a planned visit")
            if (SUPPORT_VERBS.has(lem)) plannedAct = false;
            break;
          }
          if (!/^(?:DET|ADJ|PRON|NUM|PROPN|NOUN|PART)$/.test(tokens[j].pos) && !PLANNED.has(lower[j]) && lower[j] !== 'off') break;
        }
      }
      // a stated intent ("will send", "pledged to send", "is ready to send") is coded as CAMEO codes
      // intents (data/cameo/intent.tsv); a bare infinitive ("tools to fight militants") is only not yet a fact
      let statedIntent = false;
      // (a past form conjoined after a modal clause starts after its "and": "would not withdraw the
      // law and accused …" is not under "would")
      const sv = syntax(s);
      const cc = sv && detachedConjunct(sv, k) >= 0 ? sv.children[k].find((c) => sv.parse.relation[c] === 'cc') ?? -1 : -1;
      for (let j = Math.max(sent.tokenStart, k - 6, cc + 1); j < k; j++) {
        const lem = tokens[j].lemma.toLowerCase();
        // ("would" told as said, before or after: "said Beijing would take …", "Beijing would take …, the spokesman said")
        if (lower[j] === 'would' && (hasCueBefore(j, sent.tokenStart) || trailingAttribution(s) > k)) { modality = 'intended'; statedIntent = true; }
        // (the month "May" is no modal: "On May 3, Russian forces shelled …", "BAKU, May 14 --")
        else if (HYPO.has(lower[j]) && !(lower[j] === 'may' && (tokens[j].text !== 'may' || tokens[j + 1]?.pos === 'NUM'))) { modality = 'hypothetical'; statedIntent = false; }
        else if (modality === 'asserted' && (INTEND.has(lem) || INTEND.has(lower[j]) || INTENT_GOVERNORS.has(lem)) && (lower[j + 1] === 'to' || lower[j] === 'will' || lower[j] === "'ll")) { modality = 'intended'; statedIntent = true; }
      }
      if (modality === 'asserted' && p.kind === 'verb' && lower[k - 1] === 'to') modality = 'intended';
      // a noun act deep in what someone threatens, pledges or plans to do ("threatened to trigger
      // the snapback of UN sanctions"), beyond the word window above: by the parse, the object and
      // modifier chain up to an infinitive whose governing verb states an intent; the act is that
      // side's stated intent
      if (modality === 'asserted' && p.kind === 'noun' && sv) {
        let cur = k;
        for (let n = 0; n < 5 && /^(?:obj|nmod|compound)$/.test(sv.parse.relation[cur] ?? '') && sv.parse.head[cur] >= 0; n++) {
          cur = sv.parse.head[cur];
          if (tokens[cur].pos !== 'VERB') continue;
          const h = sv.parse.head[cur];
          const toMark = sv.children[cur].some((c) => sv.parse.relation[c] === 'mark' && lower[c] === 'to');
          if (toMark && sv.parse.relation[cur] === 'xcomp' && h >= 0 && (INTEND.has(tokens[h].lemma.toLowerCase()) || INTENT_GOVERNORS.has(tokens[h].lemma.toLowerCase()))) {
            modality = 'intended';
            statedIntent = true;
            intentHeadAt.set(tokens[triggerStart].start, tokens[h].start);
            // (the act is the intending side's: "Britain threatened to trigger UN sanctions")
            const subj = subjectOf(sv, h);
            const who = subj.head >= 0 && !subj.passive ? phraseActor(sv, subj.head, false) : -1;
            if (who >= 0 && who !== target) source = who;
          }
          break;
        }
      }
      // an act whose possibility its side raises ("raised the possibility of suspending talks",
      // "raises the prospect of sanctions") is that side's stated intent (CAMEO codes it as a threat
      // or an offer, data/cameo/intent.tsv); an act only possible ("the risk of war", "the
      // possibility of a ban") is not yet a fact
      // (the possibility noun itself may have made it hypothetical above: "potential", "risk")
      if (modality === 'asserted' || modality === 'hypothetical') {
        let j = triggerStart - 1;
        while (j > sent.tokenStart && /^(?:DET|ADJ|NUM)$/.test(tokens[j].pos)) j--;
        if (lower[j] === 'of' && POSSIBILITY.has(lower[j - 1]) && (modality === 'asserted' || HYPO.has(lower[j - 1]))) {
          let v = j - 2;
          while (v > sent.tokenStart && /^(?:DET|ADJ)$/.test(tokens[v].pos)) v--;
          if (/^(?:rais(?:e|es|ed|ing)|float(?:s|ed|ing)?)$/.test(lower[v])) { modality = 'intended'; statedIntent = true; } else modality = 'hypothetical';
        }
      }
      // the act someone is asked or urged to do ("would ask NATO peacekeepers to intervene", "urged
      // Caracas to free all political prisoners") is the request's content: not yet done, not intended
      // (for a noun act, the verb whose object it is: "called on X to extend a ceasefire")
      // (or the aspectual verb that carries the act's "to": "called on Venezuelans to keep protesting")
      const rq = p.kind === 'verb' ? (k >= 2 && lower[k - 2] === 'to' && ASPECTUAL.has(tokens[k - 1].lemma.toLowerCase()) && /ing$/.test(lower[k]) ? k - 1 : k)
        : nv && nv.parse.relation[k] === 'obj' && nv.parse.head[k] >= 0 && tokens[nv.parse.head[k]].pos === 'VERB' ? nv.parse.head[k] : -1;
      if (rq >= 0 && (lower[rq - 1] === 'to' || nv?.parse.relation[rq] === 'conj') && requestedAct(rq, sent.tokenStart)) {
        modality = 'hypothetical';
        statedIntent = false;
        // the one asked would do it, not the one asking ("called on Russia to withdraw", "appealed to
        // both parties to allow access"): the addressee between the asking verb and "to" of the
        // (first conjoined) infinitive, if named
        let inf = rq;
        if (lower[inf - 1] !== 'to' && nv && nv.parse.relation[inf] === 'conj' && nv.parse.head[inf] >= 0) inf = nv.parse.head[inf];
        if (lower[inf - 1] === 'to') {
          let ask = inf - 2;
          while (ask > sent.tokenStart && !(tokens[ask].pos === 'VERB' && asking(ask))) ask--;
          if (ask > sent.tokenStart || (tokens[ask].pos === 'VERB' && asking(ask))) {
            let addressee = -1;
            for (let j = ask + 1; j < inf - 1 && addressee < 0; j++) if (participant(j)) addressee = actorAtToken[headOfPhrase(j, inf - 1)];
            const asker = source >= 0 && actors[source].mentions.some((m) => m.tokenStart < ask && m.tokenStart >= sent.tokenStart);
            if (addressee >= 0) { source = addressee; if (target === addressee || (target >= 0 && ownMeans(p.code, target, source))) target = -1; }
            else if (asker) source = -1;
          }
        }
      }
      if (plannedAct && !negated && modality === 'asserted') modality = 'intended';
      // what a rejected text says ("vetoed a resolution that demanded a ceasefire and called for
      // aid", "blocked a statement criticising Iran"): the text never took effect, its acts are
      // only proposed
      if (nv && p.kind === 'verb') {
        let c = k;
        if (nv.parse.relation[c] === 'conj' && nv.parse.head[c] >= 0) c = nv.parse.head[c];
        const doc = nv.parse.relation[c] === 'acl:relcl' || nv.parse.relation[c] === 'acl' ? nv.parse.head[c] : -1;
        const g = doc >= 0 && nv.parse.relation[doc] === 'obj' ? nv.parse.head[doc] : -1;
        if (g >= 0 && REJECTING_TEXT.has(tokens[g].lemma.toLowerCase())) { modality = 'hypothetical'; statedIntent = false; }
      }
      // a question asks whether the act happens, whatever its tense ("Will China invade Taiwan?")
      if (sentText.trimEnd().endsWith('?')) modality = 'hypothetical';
      // a conditional sentence ("If the lights go out, the government will be blamed") states no
      // fact and no plan, whatever the tense of its main clause
      if ((modality === 'asserted' || modality === 'intended') && /^\s*(?:if|whether|unless)\b/i.test(sentText)) { modality = 'hypothetical'; statedIntent = false; }
      // an act in a condition ("… if ethnic Serbs were attacked again", "once the West lifted the
      // restrictions"): the parse's marker of the trigger's clause, else the nearest "if"/"unless"
      // before the trigger with no comma or other verb between
      if (modality !== 'hypothetical' && inCondition(k, sent.tokenStart)) modality = 'hypothetical';
      // an act in a clause of time under an obligation or a plan ("Armenia must amend its
      // constitution before Azerbaijan signs any agreement", "will stay until the rebels disarm"):
      // not yet done
      if (modality !== 'hypothetical' && nv) {
        let c = k;
        if (p.kind === 'noun' && /^(?:obj|obl|nsubj)$/.test(nv.parse.relation[c] ?? '') && nv.parse.head[c] >= 0) c = nv.parse.head[c];
        // (a clause the tagger misread as a noun phrase, "before Azerbaijan signs/NOUN any agreement", counts too)
        const h = /^(?:advcl|obl)$/.test(nv.parse.relation[c] ?? '') && nv.children[c].some((x) => /^(?:mark|case)$/.test(nv.parse.relation[x]) && /^(?:before|until|till)$/.test(lower[x])) ? nv.parse.head[c] : -1;
        if (h >= 0 && nv.children[h].some((x) => /^aux/.test(nv.parse.relation[x]) && MODAL_FUTURE.has(lower[x]))) modality = 'hypothetical';
      }
      // an act someone denies ("denied that Moscow had supplied weapons", "denies supplying drones")
      // is reported as not done
      if (deniedAct(k, sent.tokenStart)) { negated = true; if (modality === 'asserted') modality = 'reported'; }
      // what someone says is reported, but an act its own source announces, declares or orders
      // ("The EU announced new sanctions on Russia", "declared a ceasefire") is done by the saying
      // (a performative: Austin 1962; CAMEO codes the announced sanction as imposed, 163)
      const quoted = modality === 'asserted' ? inQuote(t.start) : undefined;
      if (quoted && !(source >= 0 && quoted.speaker === source && p.kind === 'noun' && PERFORMATIVE_CUES.test(quoted.cue ?? ''))) modality = 'reported';
      // a claim the article attributes or hedges ("Russia allegedly shelled …", "According to Kuleba,
      // Russia launched …"): reported, not asserted
      // (so is one someone "is said/believed/thought to" do: "Father X is said to be mediating",
      // the quote module's `raisedPassive`)
      if (modality === 'asserted' && (/\baccording to\b/i.test(sentText) || lower.slice(Math.max(sent.tokenStart, k - 4), k + 2).some((w) => HEDGES.has(w)) ||
        lower.slice(Math.max(sent.tokenStart, k - 6), k).some((_, n, w) => {
          const j = k - w.length + n;
          return tokens[j].pos === 'VERB' && raisedPassive(doc, { start: j, end: j + 1 }, unquoted ??= new Uint8Array(tokens.length));
        }))) modality = 'reported';
      // an act inside what someone says, alleges or denies ("Tajikistan denied that its soldiers had
      // opened fire", "accused Armenia of shelling") is reported, not asserted by the article
      // An act inside an accusation is the accuser's claim even when the accused is said to plan it
      // ("accused France of planning a military intervention to free Bazoum"): reported, no intent
      // an act demanded in a "that" clause in the base form or under "should" ("demanded that
      // Rwanda withdraw its forces", "insisted that Israel should withdraw") is asked for: not yet
      // done, whoever tells of the demand (English mandative subjunctive)
      const mv = syntax(s);
      if (mv && p.kind === 'verb' && mv.parse.relation[k] === 'ccomp' && mv.parse.head[k] >= 0 && MANDATIVE.has(tokens[mv.parse.head[k]].lemma.toLowerCase()) &&
        (lower[k] === t.lemma.toLowerCase() || mv.children[k].some((c) => mv.parse.relation[c] === 'aux' && /^(?:should|must)$/.test(lower[c])))) {
        modality = 'hypothetical';
        statedIntent = false;
      }
      if ((modality === 'asserted' || modality === 'intended') && syntax(s)) {
        const sv = syntax(s)!;
        for (let cur = k, n = 0; n < 5; n++) {
          const r = sv.parse.relation[cur], up = sv.parse.head[cur];
          if (up < 0 || !/^(?:ccomp|advcl|acl|xcomp|conj|parataxis|obj|obl|nmod)$/.test(r)) break;
          // (a conjunct that belongs to the higher clause is not under the accusation: "accused
          // Rwanda of backing the rebels and cut ties", see detachedConjunct)
          if (r === 'conj' && detachedConjunct(sv, cur) >= 0) break;
          const lem = tokens[up].lemma.toLowerCase();
          if (modality === 'asserted' && (r === 'ccomp' || r === 'parataxis') && (REPORTING.has(lem) || COMMUNICATION.has(lem))) { modality = 'reported'; break; }
          // (the parse may hang the act on the accused: "accused the army of killing civilians")
          if ((r === 'advcl' || r === 'acl' || (r === 'obj' && cur !== k)) && ACCUSE_VERBS.has(lem)) {
            modality = 'reported';
            statedIntent = false;
            // the act is the accused's, not the accuser's ("accused France of planning … to free …")
            const accused = sv.children[up].find((c) => sv.parse.relation[c] === 'obj');
            const accuser = subjectOf(sv, up);
            const a = accused !== undefined ? phraseActor(sv, accused, false) : -1;
            if (a >= 0 && cur !== k && (source < 0 || (accuser.head >= 0 && source === phraseActor(sv, accuser.head, false)))) { source = a; if (target === a) target = -1; }
            break;
          }
          cur = up;
        }
      }
      // (by word order where the parse strays: "accusing Minsk of helping Russia evade …", the
      // gerund right after "of" following an accusing verb and its object)
      if ((modality === 'asserted' || modality === 'intended') && lower[k - 1] === 'of' && /ing$/.test(lower[k])) {
        for (let j = k - 2; j >= Math.max(sent.tokenStart, k - 8); j--) {
          if (ACCUSE_VERBS.has(tokens[j].lemma.toLowerCase())) {
            modality = 'reported';
            statedIntent = false;
            const a = actorAfter(j + 1, k - 1);
            if (a >= 0) { source = a; if (target === a) target = -1; }
            break;
          }
          if (/^[,;.]$/.test(lower[j]) || tokens[j].pos === 'VERB' || tokens[j].pos === 'AUX') break;
        }
      }

      // ---- date: nearest expression in the sentence, else the publication date
      // a weekday or month with no direction is read forward only for a planned or hypothetical act
      // in a sentence that speaks of the future ("will meet on Friday"); an act told as done or said
      // is dated backward whatever else the sentence plans ("ended talks on Monday without reaching
      // an agreement on the next tranche")
      const ahead = (modality === 'intended' || modality === 'hypothetical') && FUTURE.test(sentText);
      const dates = ahead ? (datesAhead ??= resolveDates(sentText, opts.published, { lookAhead: true })) : (datesPast ??= resolveDates(sentText, opts.published, { lookAhead: false }));
      let date: string | null = opts.published;
      let precision: FoundEvent['datePrecision'] = opts.published ? 'day' : null;
      let dateSource: FoundEvent['dateSource'] = opts.published ? 'publication' : null;
      // with the parse, a date in another clause ("… removed leaders from Georgia in 2003") does not
      // date this event; one in the trigger's clause or in a clause that governs it ("On January 5,
      // Toqaev asked the CSTO to send troops") does
      let ownDates = sv ? dates.filter((d) => dateGoverns(sv, k, firstTokenFrom(sent.start + d.start))) : dates;
      // the end of a period or a deadline ("suspend talks until 2028", "withdraw by March") is not
      // when the act happens; nor a year that modifies another noun ("violated the 2021 ceasefire
      // understanding" dates the understanding): only one that modifies the trigger dates it
      ownDates = ownDates.filter((d) => {
        if (BOUND_BEFORE_DATE.test(sentText.slice(0, d.start))) return false;
        // (so does a day or month between a determiner and its noun: "after the disputed July 28
        // presidential election" dates the election, not a crackdown after it)
        // (but the noun of a time the act falls in dates it: "During a January 10 phone call, Wang
        // said China welcomed …", "at a May 3 meeting")
        const first = tokenAtStart.get(sent.start + d.start) ?? -1;
        const bare = d.precision === 'year' && d.text.length === 4;
        if (first < 0 || (!bare && !/^(?:DET|ADJ)$/.test(tokens[first - 1]?.pos ?? '') && !/(?:ed|en)$/.test(lower[first - 1] ?? ''))) return true;
        if (!bare) {
          let b = first - 1;
          while (b > sent.tokenStart && /^(?:DET|ADJ)$/.test(tokens[b].pos)) b--;
          if (/^(?:during|at|in|on|amid)$/.test(lower[b])) return true;
        }
        let y = first;
        while (y + 1 < tokens.length && tokens[y + 1].end <= sent.start + d.end) y++;
        const next = tokens[y + 1];
        if (!next || !/^(?:NOUN|ADJ|PROPN)$/.test(next.pos) || next.sentence !== tokens[y].sentence) return true;
        return y < triggerStart && triggerStart <= y + 4 && !tokens.slice(y + 1, triggerStart).some((x) => x.pos === 'VERB' || x.pos === 'ADP');
      });
      // a possessive date ("the results of Sunday's election") dates the noun it owns: another date
      // of the act's own wins over it ("rejected the results of Sunday's election on Tuesday"); with
      // none it stands ("attacked by troops in Tuesday night's coup")
      const possessive = (d: { start: number; end: number }) => /^\s*['’]s\b/.test(sentText.slice(d.end)) && !(sent.start + d.end <= t.start && t.start - (sent.start + d.end) <= 24);
      if (ownDates.some((d) => !possessive(d))) ownDates = ownDates.filter((d) => !possessive(d));
      // an act named as the point of reference of another's date ("hosted him on March 3, days after
      // a deadly clash"): only a date after it is its own; with none it is undated, since neither
      // the main clause's date nor the publication date is its day
      const reference = p.kind === 'noun' && lower.slice(Math.max(sent.tokenStart, k - 4), k).some((w) => REFERENCE_WORDS.has(w));
      if (reference) {
        ownDates = ownDates.filter((d) => sent.start + d.start >= t.end);
        date = null; precision = null; dateSource = null;
      }
      if (ownDates.length) {
        const rel = t.start - sent.start;
        const best = ownDates.reduce((a, b) => (Math.abs(b.start - rel) < Math.abs(a.start - rel) ? b : a));
        // a date after publication names a planned act ("agreed to send teams before the end of
        // April"): it dates an intended or hypothetical event, never an asserted or reported one
        const future = opts.published !== null && best.date > opts.published;
        if (!future || modality === 'intended' || modality === 'hypothetical') {
          date = best.date;
          precision = best.precision;
          dateSource = 'sentence';
        }
      }

      // ---- place: "in Kazakhstan", "in Beijing", else the target's country when a state
      // the locative phrase nearest the trigger, within 12 tokens of it (a place named in another
      // clause of the sentence belongs to another event)
      let location: FoundEvent['location'] = null;
      let bestDist = 13;
      for (let j = Math.max(sent.tokenStart, triggerStart - 12); j < Math.min(sent.tokenEnd - 1, triggerEnd + 12); j++) {
        if (!LOCATIVE.has(lower[j])) continue;
        const dist = j < triggerStart ? triggerStart - j : j - triggerEnd;
        if (dist >= bestDist) continue;
        // "in northern Syria", "in eastern Ukraine": a direction word before the place
        const at = placeNameAfter(j);
        const a = actorAtToken[at];
        const place = res.places.find((pl) => pl.tokenStart === at);
        if (place) { location = { name: place.name, country: place.country }; bestDist = dist; }
        else if (a >= 0 && actors[a].type === 'state') { location = { name: actors[a].name, country: actors[a].country }; bestDist = dist; }
      }
      // a gazetteer place the resolver found after "near", "outside", "the town of" … (src/actors/places.ts)
      for (const pl of res.places) {
        if (pl.tokenStart < sent.tokenStart || pl.tokenStart >= sent.tokenEnd) continue;
        const dist = pl.tokenStart < triggerStart ? triggerStart - pl.tokenStart - 1 : pl.tokenStart - triggerEnd;
        if (dist >= 0 && dist < bestDist) { location = { name: pl.name, country: pl.country }; bestDist = dist; }
      }
      // aid delivered and force used (CAMEO roots 07, 18-20) happen on the target state's ground;
      // other acts (a threat, a rejection, sanctions decided at home) happen wherever the source is
      const material = /^(?:07|18|19|20)/.test(p.code);
      // (not when the state only modifies the thing struck: "rammed Philippine supply boats", "fired on
      // the Chinese vessel" happen at sea, where placing them in a state would claim its waters)
      const modifierOnly = target >= 0 && actors[target].mentions.some((m) => m.tokenStart >= sent.tokenStart && m.tokenEnd <= sent.tokenEnd && m.tokenStart >= triggerEnd &&
        /^(?:NOUN|PROPN)$/.test(tokens[m.tokenEnd]?.pos ?? '') && actorAtToken[m.tokenEnd] < 0);
      if (!location && material && target >= 0 && actors[target].type === 'state' && !modifierOnly) location = { name: actors[target].name, country: actors[target].country };

      // bombing by a state or its military is aerial (CAMEO 195), not the "suicide, car, or other
      // non-military bombing" of 183 (CAMEO codebook v1.1b3)
      // violence by protesters or civilians ("protesters clashed with police", "protesters attacked
      // the embassy") is a violent protest, CAMEO 145, not armed combat (19x) or an assault (18x)
      const byProtesters = source >= 0 && actors[source].type !== 'state' && /(?:CVL|OPP)/.test(actors[source].code ?? '') && !/(?:MIL|REB|COP|GOV)/.test(actors[source].code ?? '');
      // a state, government or international organization that protests ("summoned the ambassador to
      // protest against the incident") lodges a verbal protest, CAMEO 111, not a demonstration (14x)
      const byOfficials = source >= 0 && (actors[source].type === 'state' || actors[source].type === 'igo' || /GOV$/.test(actors[source].code ?? ''));
      const actCode = p.code === '183' && source >= 0 && (actors[source].type === 'state' || /MIL$/.test(actors[source].code ?? '')) ? '195'
        : byProtesters && /^(?:180|182|190|193)$/.test(p.code) ? '145'
          : byOfficials && p.code.startsWith('14') && tokens[k].lemma.toLowerCase() === 'protest' ? '111'
            // troops sent with no state to receive them ("had not sent troops to the border", "did
            // not deploy forces") are a mobilization (154), not peacekeeping or protection given (074)
            // (a state named further on, "send troops to distribute supplies in Somalia", keeps 074)
            // (so are warships, jets or tanks sent with none, "sending warships and fighter jets to
            // surround the island": a show of force, not military aid, 072; weapons stay aid)
            : (p.code === '074' || (p.code === '072' && objectAt >= 0 && FORCE_PLATFORMS.test(lower[objectAt]))) && p.kind === 'verb' && target < 0 && /^(?:send|deploy|dispatch)$/.test(tokens[k].lemma.toLowerCase()) &&
              !lower.slice(triggerEnd, sent.tokenEnd).some((_, n) => { const a = actorAtToken[triggerEnd + n]; return a >= 0 && actors[a].type === 'state' && (source < 0 || actors[a].country !== actors[source].country); }) ? '154' : p.code;
      const intentCode = statedIntent && modality === 'intended' && !negated ? coder.codebook.intent(actCode) : null;
      const cameo = coder.codebook.get(intentCode ?? actCode)!;
      // a noun with no participant at all ("sanctions") is a topic more often than an event, unless the
      // pattern expects no source (protests) or the act is violence (CAMEO roots 18-20: "a car bomb
      // exploded in Beirut, killing 12 people", whose perpetrators are unknown) and the sentence places it
      // (nor does violence whose victims are told in the passive or by their number: "14 killed in
      // air strike", "at least 12 people were killed"; "a harsh winter killed livestock" is none)
      const victimsTold = p.kind === 'verb' && /^(?:18|19|20)/.test(p.code) && (tokens[triggerStart - 1]?.pos === 'NUM' || /^(?:was|were|been|being|be)$/.test(lower[triggerStart - 1] ?? ''));
      const orphan = source < 0 && target < 0 && !((p.source === 'none' || /^(?:18|19|20)/.test(p.code)) && location) && !victimsTold;
      let confidence = 0.5 + (source >= 0 ? (positionalSource ? 0.1 : 0.2) : 0) + (target >= 0 ? (positionalTarget ? 0.05 : 0.1) : 0) + (p.object.length ? 0.1 : 0) - (/0$/.test(p.code) ? 0.2 : 0) - (orphan ? 0.2 : 0);
      confidence = Math.round(Math.max(0.05, Math.min(0.95, confidence)) * 100) / 100;
      // coordinated actors ("Russia and China signed …", "met Uzbek and Tajik officials"): CAMEO codes
      // one event per source and target (CAMEO codebook v1.1b3, ch. 1 "compound actors"); each
      // keeps the trigger, so all of them point at the same characters
      // the parse missed a coordinated subject ("Egypt and the African Union welcomed …", read
      // with Egypt as the root): the actors joined to the source by "and" or a comma before it
      if (source >= 0 && !extraSources.some((a) => a !== source)) extraSources = joinedBefore(source, sent.tokenStart, triggerStart);
      // (a coordinated source of the target's own country does not strike it: "Indian and Pakistani
      // troops exchanged fire, killing two Indian soldiers" is no Indian attack on Indian soldiers)
      const ownSide = (a: number) => /^(?:18|19|20)/.test(p.code) && target >= 0 && !!actors[a].country && actors[a].country === actors[target].country;
      const sources = [source, ...extraSources.filter((a) => a !== source && a !== target && !ownSide(a))];
      if (mediatedPair && mediatedPair[1] >= 0 && target === mediatedPair[0]) extraTargets = [mediatedPair[1]];
      let targets = [target, ...extraTargets.filter((a) => a !== source && a !== target && !extraSources.includes(a))];
      // a reciprocal object ("Beijing and Moscow increased their support for each other"): each
      // source targets the others
      // the same for a joint act that needs two sides ("Russia and China signed an agreement",
      // "Armenia and Azerbaijan held talks", "… clashed"): CAMEO codes it once from each side
      const reciprocal = target < 0 && sources.length > 1 && (RECIPROCAL_CODES.test(p.code) ||
        / (?:each other|one another)\b/.test(text.slice(tokens[triggerStart].start, sent.end).toLowerCase()));
      if (reciprocal) targets = sources;
      for (const src of sources) for (const tgt of targets) {
        if (src >= 0 && src === tgt) continue;
        events.push({
          code: cameo.code, root: cameo.root, name: cameo.name, quadClass: cameo.quadClass, goldstein: cameo.goldstein,
          plover: coder.codebook.plover(cameo.code),
          source: src, target: tgt, date, datePrecision: date ? precision : null, dateSource: date ? dateSource : null, location,
          sentence: { start: sent.start, end: sent.end },
          trigger: { start: tokens[triggerStart].start, end: tokens[triggerEnd - 1].end, text: text.slice(tokens[triggerStart].start, tokens[triggerEnd - 1].end) },
          negated, modality, confidence,
        });
      }
      return triggerEnd - 1;
    }
  }
  // "Russia says Israel must end its attacks": an act someone says another party must (or should)
  // carry out is that speaker's demand of the party (CAMEO codebook v1.1b3, 100 "Demand, not
  // specified below"; PLOVER REQUEST), not the act itself
  const demand = coder.codebook.get('100')!;
  for (const e of events) {
    const t0 = triggerToken(e);
    const v = t0 >= 0 ? syntax(tokens[t0].sentence) : null;
    if (!v) continue;
    // a noun trigger that is the object of the clause's verb ("must end attacks") stands for that verb
    const k = v.parse.relation[t0] === 'obj' && v.parse.head[t0] >= 0 ? v.parse.head[t0] : t0;
    if (v.parse.relation[k] !== 'ccomp' || !v.children[k].some((c) => v.parse.relation[c] === 'aux' && /^(?:must|should)$/.test(lower[c]))) continue;
    const h = v.parse.head[k];
    const lem = tokens[h].lemma.toLowerCase();
    if (!REPORTING.has(lem) && !COMMUNICATION.has(lem) && !DEMANDING.has(lem)) continue;
    const subj = subjectOf(v, h);
    const sayer = subj.head >= 0 && !subj.passive ? phraseActor(v, subj.head, false) : -1;
    if (sayer < 0 || sayer === e.source) continue;
    Object.assign(e, {
      code: demand.code, root: demand.root, name: demand.name, quadClass: demand.quadClass, goldstein: demand.goldstein,
      plover: coder.codebook.plover(demand.code), target: e.source, source: sayer, modality: 'asserted', negated: false,
    });
  }
  // a verbal act done for a purpose toward someone the main verb acts on ("summoned the US envoy to
  // complain about …", "called Lavrov to discuss Syria"): with no target of its own, that person;
  // so too for a consultation whose object is only its topic ("discuss Syria" names no party)
  for (const e of events) {
    if (!/^(?:0[1-5]|09|1[0-3])/.test(e.root)) continue;
    const k = triggerToken(e);
    const v = k >= 0 ? syntax(tokens[k].sentence) : null;
    if (!v || !/^(?:xcomp|advcl)$/.test(v.parse.relation[k] ?? '') || lower[k - 1] !== 'to') continue;
    if (e.target >= 0 && !(e.root === '04' && v.children[k].some((c) => v.parse.relation[c] === 'obj' && actorAtToken[c] === e.target))) continue;
    const h = v.parse.head[k];
    // (or the noun the parse made the infinitive's subject: "called Sergey/nsubj Lavrov to discuss")
    const obj = (h >= 0 ? v.children[h].find((c) => v.parse.relation[c] === 'obj' && c < k) : undefined) ??
      v.children[k].find((c) => v.parse.relation[c] === 'nsubj' && c < k && lower[c - 1] !== 'for');
    const a = obj !== undefined ? phraseActor(v, obj, false) : -1;
    if (a >= 0 && a !== e.source && !OWN_FORCES.test(actors[a].code ?? '')) e.target = a;
  }
  // a verb whose complement is an event of its own ("refused to lift the ban on Cypriot ships",
  // "agreed to release the prisoners"): with no target of its own it takes the complement's, as
  // CAMEO codes the refusal or agreement against the party the complement acts on
  for (const e of events) {
    if (e.target >= 0) continue;
    const k = triggerToken(e);
    const v = k >= 0 ? syntax(tokens[k].sentence) : null;
    if (!v) continue;
    for (const c of v.children[k]) {
      if (v.parse.relation[c] !== 'xcomp') continue;
      const x = events.find((y) => y.trigger.start === tokens[c].start && y.target >= 0 && y.target !== e.source);
      if (x) { e.target = x.target; break; }
    }
  }
  // a killing whose subject is a violent act named as a noun ("An Israeli air strike killed six
  // people", "shelling that killed nine soldiers") is that act's outcome, not a second happening:
  // the act keeps it, with the killing's target when it has none
  const outcomes = new Set<FoundEvent>();
  for (const e of events) {
    if (!/^(?:1823|180|190)$/.test(e.code) || !/^kill/.test(e.trigger.text.toLowerCase())) continue;
    const k = triggerToken(e);
    // the cause is the kill verb's subject: by the parse, or by word order (only adverbs,
    // auxiliaries and "that"/"which" between)
    const v = syntax(tokens[k].sentence);
    const subj = v ? subjectOf(v, k) : null;
    const subjectPhrase = v && subj && subj.head >= 0 && !subj.passive ? new Set(phraseTokens(v, subj.head)) : null;
    // a trailing ", killing …" is done by the side of the nearest violent act before it, whoever the
    // parse makes its subject ("… suspended talks after the rebels attacked civilians, killing 80":
    // the rebels), never by the victims' own side
    if (lower[k - 1] === ',' && /ing$/.test(lower[k])) {
      const before = events.filter((x) => x !== e && x.sentence.start === e.sentence.start && /^(?:18|19|20)/.test(x.root) && x.trigger.end <= e.trigger.start && x.source >= 0);
      const end = Math.max(-1, ...before.map((x) => x.trigger.end));
      const victims = e.target >= 0 ? actors[e.target].country : null;
      const doer = before.find((x) => x.trigger.end === end && !(victims && actors[x.source].country === victims));
      if (doer && doer.source !== e.target) e.source = doer.source;
    }
    const cause = events.find((x) => x !== e && x.sentence.start === e.sentence.start && /^(?:18|19|20)/.test(x.root) && x.trigger.end <= e.trigger.start &&
      !outcomes.has(x) && ((subjectPhrase?.has(tokenAtStart.get(x.trigger.start) ?? -1) ?? false) ||
        tokens.slice(tokenAtStart.get(x.trigger.start) ?? k, k).every((t, i) => i === 0 || t.start < x.trigger.end ||
          /^(?:ADV|AUX)$/.test(t.pos) || /^(?:that|which|,)$/.test(t.text.toLowerCase()))));
    if (!cause) continue;
    // the act takes the killing's participants it lacks, and their share of the rule score (0.2 a
    // source, 0.1 a target, 0.2 for no longer having none); a cause still under the threshold
    // leaves the killing standing
    const gainTarget = cause.target < 0 && e.target >= 0 && e.target !== cause.source;
    const gainSource = cause.source < 0 && e.source >= 0;
    const boost = (gainSource ? 0.2 : 0) + (gainTarget ? 0.1 : 0) + (cause.source < 0 && cause.target < 0 && (gainSource || gainTarget) ? 0.2 : 0);
    if (cause.confidence + boost < (opts.minConfidence ?? 0.35)) continue;
    if (gainTarget) cause.target = e.target;
    if (gainSource) cause.source = e.source;
    cause.confidence = Math.min(0.95, Math.round((cause.confidence + boost) * 100) / 100);
    outcomes.add(e);
  }
  // a comment on an act named as its object ("condemned the Israeli strike", "praised Russia's
  // withdrawal") is aimed at the act's source, as CAMEO codes a condemnation of an attack against
  // the attacker (roots 01, 05, 11, 12: statements, support, disapproval, rejection)
  for (const e of events) {
    if (e.target >= 0 || !/^(?:01|05|11|12)$/.test(e.root)) continue;
    const k = triggerToken(e);
    if (k < 0 || tokens[k].pos !== 'VERB') continue;
    for (let j = k + 1; j < Math.min(tokens.length, k + 6) && tokens[j].sentence === tokens[k].sentence; j++) {
      const act = events.find((x) => x !== e && x.trigger.start === tokens[j].start);
      if (act) { if (act.source >= 0 && act.source !== e.source) e.target = act.source; break; }
      // "condemned the strike": a definite act noun names the last violent act told before it
      // (in this sentence or the five before), whose source is then the target
      if (lower[j - 1] === 'the' && ACT_NOUNS.has(lower[j])) {
        const s0 = tokens[k].sentence;
        const earlier = events.filter((x) => x !== e && /^(?:18|19|20)/.test(x.root) && x.source >= 0 && x.source !== e.source &&
          x.trigger.end <= tokens[j].start && tokens[tokenAtStart.get(x.trigger.start) ?? 0].sentence >= s0 - 5);
        // the last act named by the same noun ("air strike" for "the strike"), else the last one
        const stem = lower[j].replace(/s$/, '');
        const last = [...earlier].reverse().find((x) => x.trigger.text.toLowerCase().includes(stem)) ?? earlier[earlier.length - 1];
        if (last) e.target = last.source;
        break;
      }
      if (!/^(?:DET|ADJ|PROPN|NOUN|PART|NUM)$/.test(tokens[j].pos) && !/^['’]s$/.test(lower[j])) break;
    }
  }
  // a noun act that only qualifies another act's noun ("ceasefire talks", "peace talks" read as two
  // words, "sanctions talks") is the topic of that act, not a happening of its own
  for (const e of events) {
    const k = triggerToken(e);
    const v = k >= 0 ? syntax(tokens[k].sentence) : null;
    if (!v || tokens[k].pos === 'VERB' || v.parse.relation[k] !== 'compound') continue;
    const h = v.parse.head[k];
    if (h > k && tokens[h].pos === 'NOUN' && events.some((x) => x !== e && x.trigger.start === tokens[h].start &&
      x.confidence >= (opts.minConfidence ?? 0.35))) outcomes.add(e);
  }
  // a noun naming the same kind of act as the verb it is the object of ("fought a war", "signed a
  // peace deal") restates that verb's event
  for (const e of events) {
    const k = triggerToken(e);
    // (not intents, roots 03 and 13: an announced act and its announcement are joined below)
    if (k < 1 || tokens[k].pos === 'VERB' || outcomes.has(e) || e.root === '03' || e.root === '13') continue;
    for (let j = k - 1; j >= Math.max(0, k - 5) && tokens[j].sentence === tokens[k].sentence; j--) {
      if (tokens[j].pos === 'VERB') {
        const verbEvent = events.find((x) => x !== e && x.trigger.start === tokens[j].start);
        if (verbEvent && verbEvent.root === e.root && verbEvent.confidence >= (opts.minConfidence ?? 0.35)) outcomes.add(e);
        break;
      }
      if (!/^(?:DET|ADJ|NUM|NOUN|PRON)$/.test(tokens[j].pos)) break;
    }
  }
  // a violent act with no source of its own ("At least 23 civilians were killed … as government
  // forces launched air strikes …") is done by the side of the violent act beside it in the
  // sentence: one happening told twice (CAMEO roots 18-20); its rule score gains the source's 0.2
  // and loses the no-participant penalty
  for (const e of events) {
    if (e.source >= 0 || !/^(?:18|19|20)/.test(e.root)) continue;
    const other = events.find((x) => x !== e && x.sentence.start === e.sentence.start && x.source >= 0 && x.source !== e.target &&
      /^(?:18|19|20)/.test(x.root) && !x.negated && x.negated === e.negated && x.modality === e.modality);
    if (!other) continue;
    e.source = other.source;
    e.confidence = Math.min(0.95, Math.round((e.confidence + (e.target < 0 ? 0.4 : 0.2)) * 100) / 100);
  }
  // a verb of intent that is itself a pattern ("pledged" 033) and the act it announces ("pledged to
  // send aid": 0333, intended) are one event: the announced act's intent code is the more specific
  const announcing = new Set<FoundEvent>();
  const extraIntents: FoundEvent[] = [];
  for (const b of events) {
    if (b.modality !== 'intended' || (b.root !== '03' && b.root !== '13')) continue;
    const a = events.find((x) => x !== b && x.sentence.start === b.sentence.start && x.root === b.root && x.trigger.end <= b.trigger.start &&
      (b.trigger.start - x.trigger.end <= 24 || intentHeadAt.get(b.trigger.start) === x.trigger.start) && (x.source === b.source || b.source < 0));
    if (!a) continue;
    announcing.add(a);
    if (b.source < 0) b.source = a.source;
    // (the same verb's other coordinated sources announce it too: "Britain, France and Germany
    // threatened to trigger sanctions" is each one's threat)
    for (const x of events) {
      if (x === a || x.trigger.start !== a.trigger.start || x.root !== a.root || announcing.has(x)) continue;
      announcing.add(x);
      if (x.source >= 0 && x.source !== b.source && !events.some((y) => y.trigger.start === b.trigger.start && y.source === x.source)) extraIntents.push({ ...b, source: x.source });
    }
  }
  events.push(...extraIntents);
  // the purpose of an act, of the same kind and by the same side ("met Scholz in Berlin to discuss
  // energy policy", "used tear gas to disperse the crowd") is that act told again, not a second event
  const purposes = new Set<FoundEvent>();
  for (const b of events) {
    if (b.modality !== 'intended') continue;
    const k = triggerToken(b);
    const v = k >= 0 ? syntax(tokens[k].sentence) : null;
    if (!v || lower[k - 1] !== 'to') continue;
    const sameAct = (x: FoundEvent) => x !== b && x.root === b.root && x.source === b.source && x.confidence >= (opts.minConfidence ?? 0.35) && !announcing.has(x);
    const h = /^(?:xcomp|advcl)$/.test(v.parse.relation[k] ?? '') ? v.parse.head[k] : -1;
    // the verb the parse governs the infinitive by; or, where the parse went astray ("Police fired
    // tear gas to disperse …" parsed with "fired" as a modifier), the act just before the "to" in
    // the same clause (no comma or semicolon between)
    let a = events.find((x) => h >= 0 && x.trigger.start === tokens[h].start && sameAct(x));
    if (!a) {
      const before = events.filter((x) => sameAct(x) && x.sentence.start === b.sentence.start && x.trigger.end <= b.trigger.start &&
        !/[,;:]/.test(text.slice(x.trigger.end, b.trigger.start)) && b.trigger.start - x.trigger.end <= 60);
      a = before.sort((x, y) => y.trigger.end - x.trigger.end)[0];
    }
    if (a && (b.target < 0 || b.target === a.target)) purposes.add(b);
  }
  // a region ("Southeast Asia", "Europe") is a place, not a party: never a source, and a target only
  // of force or aid that lands on it ("struck Gaza", roots 07 and 18-20) (data/README.md, regions)
  for (const e of events) {
    if (e.source >= 0 && actors[e.source].type === 'location') e.source = -1;
    if (e.target >= 0 && actors[e.target].type === 'location' && !/^(?:07|18|19|20)/.test(e.root)) e.target = -1;
  }
  // a domestic agent with no country of its own ("Police fired tear gas at protesters in Nairobi",
  // "Rebels attacked an army post in Kidal") belongs to the state where it acts: where all of its
  // physical acts that have a place (CAMEO roots 14-20: protest, force posture, coercion, assault,
  // fighting) are in one country, it takes that country, as PETRARCH-era datasets code
  // unattributed police and protesters by the story's country (CAMEO codebook v1.1b3, ch. 2,
  // domestic agents). Verbal acts are no evidence: "condemned the attack in Kabul" is said anywhere.
  const actsAt = new Map<number, Set<string>>();
  for (const e of events) {
    if (!/^(?:1[4-9]|20)/.test(e.root) || !e.location?.country || e.confidence < (opts.minConfidence ?? 0.35)) continue;
    for (const a of [e.source, e.target]) {
      if (a < 0 || actors[a].country || actors[a].type === 'person' || !actsAtHome(actors[a].code)) continue;
      if (!actsAt.has(a)) actsAt.set(a, new Set());
      actsAt.get(a)!.add(e.location.country);
    }
  }
  for (const [a, countries] of actsAt) {
    if (countries.size !== 1) continue;
    const [c] = countries;
    actors[a].country = c;
    actors[a].code = `${c}${actors[a].code}`;
  }
  // merge the same happening: same code, dyad, date, negation and modality
  // (the first is kept, with the others' sentences and triggers as its `mentions`)
  const seen = new Map<string, FoundEvent>();
  const minConf = opts.minConfidence ?? 0.35;
  return events.filter((e) => {
    if (e.confidence < minConf || announcing.has(e) || purposes.has(e) || outcomes.has(e)) return false;
    // the place too: arrests in Lagos and in Tbilisi are two happenings, even undated
    // (a place written in capitals in a dateline, "SOCHI", is the same place as "Sochi")
    const key = `${e.code}|${e.source}|${e.target}|${e.date}|${e.negated}|${e.modality}|${(e.location?.name ?? '').toLowerCase()}`;
    const first = seen.get(key);
    if (first) {
      // coordinated actors share one trigger: the same trigger is not a second mention
      if (first.trigger.start !== e.trigger.start) {
        first.mentions ??= [{ sentence: first.sentence, trigger: first.trigger }];
        first.mentions.push({ sentence: e.sentence, trigger: e.trigger });
        first.confidence = Math.max(first.confidence, e.confidence);
      }
      return false;
    }
    seen.set(key, e);
    return true;
  });
}
