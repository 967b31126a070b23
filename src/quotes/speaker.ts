/**
 * Speakers: from a source span or a pronoun to an actor of the document (actors/resolve.ts).
 *
 * - A source span names its speaker by the first actor mention in it that heads the phrase: a
 *   mention followed by "'s" or by another noun is a modifier ("American Action Forum's Douglas
 *   Holtz-Eakin", "Clinton campaign officials") and is passed over while a head mention exists.
 * - A pronoun (he, she, they, it; "I"/"we" only in first-person text have no actor) resolves to
 *   a compatible actor before it, outside quotation marks, in the same or the two previous
 *   paragraphs — the first one named in the nearest sentence that names one (the subject rather
 *   than an object): he/she → a person; they/it → an organization, state, IGO or group (or,
 *   for "they", people). An actor who was the speaker of an earlier quote in those paragraphs
 *   wins over a nearer actor who was only mentioned ("…," Trump said of Clinton. He added …),
 *   unless another compatible actor is named earlier in the pronoun's sentence; a latest source
 *   that is no actor ("The Turkish transport minister told reporters …") blocks both, and the
 *   pronoun gets no actor. An unresolved pronoun source is not recorded (`recordSource`).
 * - With no compatible actor in those paragraphs (and no unnamed source blocking), he/she is the
 *   last person named earlier in the text outside quotation marks (confidence 0.5).
 * - A relative pronoun source ("Mr. Lewandowski, who said …") is the nearest actor before it in
 *   its sentence that fits (who → a person or group), reaching over an apposition, and into the
 *   sentence before when the splitter cut it off before ", who" (after "(R-Kans.)"); an aside in
 *   parentheses is passed over.
 *   An unresolved relative pronoun is not recorded as a source (`recordSource`).
 * - "his campaign" (a possessive pronoun before a body word) is the person the pronoun resolves to;
 *   a possessive pronoun alone as the source ("his support for …", the cue a noun) resolves as
 *   the personal pronoun ("he").
 * - A source span with no actor keeps its text as the source mention and speaker -1.
 * - (A first-time user's report.) A body named inside a title's complement and followed by the
 *   holder's name in apposition ("China's envoy to the United Nations, NAME, said") modifies the
 *   holder; "the" and capitalised words that end an earlier organization's name ("the Guards",
 *   "the Council") are that organization: the resolver links them when it makes them a candidate
 *   (src/actors/resolve.ts), `shortNameAntecedent` when it does not; for "it", a name after a body noun in lower case ("security firm
 *   NAME") is an organization whatever type the resolver gave it (`pronounType`).
 */
import type { AnnotatedText } from '../types.js';
import { COMPANY_KINDS, type ActorResolution } from '../actors/resolve.js';
import type { TokenSpan } from './attributions.js';

/** A speaker: actor index (or -1), the token range of the mention, and the rule's confidence. */
export interface SpeakerPick { speaker: number; mention: TokenSpan | null; conf: number; rule: string }

/** No speaker. */
export const NO_SPEAKER: SpeakerPick = { speaker: -1, mention: null, conf: 0, rule: 'none' };

const PERSON_PRONOUN = new Set(['he', 'she', 'him', 'her']);
const GROUP_PRONOUN = new Set(['they', 'it', 'them']);
const FIRST_PERSON = new Set(['i', 'we', 'me', 'us', 'you']);
const RELATIVE = new Set(['who', 'which', 'that']);
/** Possessive markers as tokens ("'s", "’s", and the plural's apostrophe). */
export const POSSESSIVE = new Set(["'s", '’s', "'", '’']);
/** Nouns of a body or spokesperson that speaks for the person or actor who owns it ("his campaign", "Clinton's office"). */
export const SPEAKS_FOR = new Set(['campaign', 'administration', 'government', 'camp', 'team', 'office', 'ministry', 'spokesman', 'spokeswoman', 'spokesperson']);

/** The sources so far in text order, for pronouns: the actor (-1 for a source that is no actor, "the minister") and its first token. */
export type SpeakerHistory = Array<{ actor: number; token: number }>;

/** Personal and possessive pronouns: a source mention that, unresolved, names no one new. */
const PRONOUN_WORD = /^(?:he|she|it|they|him|her|them|his|its|their|i|we|you|me|us|my|our|your|who|which|that)$/i;

/**
 * Record a quote's source (token range `mention`, its speaker actor or -1) in `history`, for later
 * pronouns. A source that is no actor ("the minister told …") is recorded and blocks a later
 * pronoun from an actor named before it; an unresolved pronoun ("he", "his") is not recorded: it
 * names no one new (held-out tenth of PolNeAR train: after an unresolved "his", the next "he"
 * lost the actor named before both), nor is an unresolved relative pronoun ("who", "which",
 * "that": "X (R-Kans.), who has seen the messages, …" then "…," he said). `history` is kept in
 * token order; mutated.
 */
export function recordSource(doc: AnnotatedText, history: SpeakerHistory, mention: TokenSpan, speaker: number): void {
  if (speaker < 0 && mention.end - mention.start === 1 && PRONOUN_WORD.test(doc.tokens[mention.start].text)) return;
  // in token order (the history may hold sources found ahead by the rules)
  let i = history.length;
  while (i > 0 && history[i - 1].token > mention.start) i--;
  if (history[i - 1]?.token === mention.start && history[i - 1].actor === speaker) return;
  history.splice(i, 0, { actor: speaker, token: mention.start });
}

/** Whether a pronoun can refer to an actor of this type. */
function compatible(pron: string, type: string): boolean {
  if (PERSON_PRONOUN.has(pron)) return type === 'person';
  if (pron === 'it') return type === 'organization' || type === 'state' || type === 'igo' || type === 'ngo';
  return type !== 'location'; // they: people or bodies
}

/**
 * Nouns of a body written before its name ("security firm Ambrey", "the company Maersk"): the
 * resolver's words for a kind of company (whose names it makes businesses already) and other bodies.
 */
const BODY_BEFORE_NAME = new Set([...COMPANY_KINDS, 'group', 'agency', 'bank', 'organization', 'organisation', 'charity', 'network', 'outlet',
  'broadcaster', 'newspaper', 'publisher']);

/** Lower-case nouns of a business written before its name ("fertilizer group Yara", "security firm Ambrey"). */
const BUSINESS_BEFORE_NAME = new Set([...COMPANY_KINDS, 'group', 'company', 'corporation', 'conglomerate']);

/**
 * The type a pronoun reads an actor as: its own, except that an actor typed a person whose name
 * follows a noun of a body in lower case ("Shipping security firm Ambrey", a name the resolver
 * took for a person's) is an organization for "it" (a first-time user's report: "…, it added."
 * went past Ambrey to an organization named earlier).
 */
function pronounType(doc: AnnotatedText, res: ActorResolution, a: number): string {
  const actor = res.actors[a];
  if (actor.type !== 'person') return actor.type;
  for (const m of actor.mentions) {
    const before = doc.tokens[m.tokenStart - 1];
    if (before && /^\p{Ll}/u.test(before.text) && BODY_BEFORE_NAME.has(before.text.toLowerCase())) return 'organization';
  }
  return actor.type;
}

/**
 * "the Guards said" after "Iran's Revolutionary Guards …": "the" and capitalised words (no actor
 * mention) that end the name mention of an organization or group named earlier, outside quotation
 * marks, are a short form of it (the latest such actor; a first-time user's report). Returns the
 * actor and the words, or null.
 */
function shortNameAntecedent(doc: AnnotatedText, res: ActorResolution, span: TokenSpan, quoted: Uint8Array): { actor: number; mention: TokenSpan } | null {
  const { tokens } = doc;
  if (span.end - span.start < 2 || span.end - span.start > 4 || !/^the$/i.test(tokens[span.start].text)) return null;
  for (let k = span.start + 1; k < span.end; k++) if (!/^\p{Lu}\p{Ll}+$/u.test(tokens[k].text) || quoted[k]) return null;
  const words = tokens.slice(span.start + 1, span.end).map((t) => t.text).join(' ');
  const at = tokens[span.start].start;
  let best: { actor: number; start: number } | null = null;
  res.actors.forEach((a, i) => {
    if (!/^(?:organization|group|igo|ngo)$/.test(a.type)) return;
    for (const m of a.mentions) {
      if (m.start >= at || quoted[m.tokenStart] || m.text === words || !m.text.endsWith(` ${words}`)) continue;
      if (!best || m.start > best.start) best = { actor: i, start: m.start };
    }
  });
  return best ? { actor: (best as { actor: number }).actor, mention: { start: span.start + 1, end: span.end } } : null;
}

/** The personal pronoun of a possessive one ("his" → "he"), for `resolvePronoun`'s `as`. */
export const POSSESSIVE_PRONOUN: ReadonlyMap<string, string> = new Map([['his', 'he'], ['her', 'she'], ['its', 'it'], ['their', 'they']]);

/**
 * Resolve the pronoun at token `k` (see the module doc); `quoted[k]` marks tokens inside quotation
 * marks; `as` reads the token as that pronoun (a possessive: "his" as "he").
 */
export function resolvePronoun(doc: AnnotatedText, res: ActorResolution, k: number, quoted: Uint8Array, history: SpeakerHistory, as?: string): SpeakerPick {
  const { tokens, sentences } = doc;
  const pron = as ?? tokens[k].text.toLowerCase();
  if (FIRST_PERSON.has(pron) || !(PERSON_PRONOUN.has(pron) || GROUP_PRONOUN.has(pron))) return NO_SPEAKER;
  const para = sentences[tokens[k].sentence].paragraph;
  const inWindow = (j: number) => sentences[tokens[j].sentence].paragraph >= para - 2;
  // the nearest sentence (this one, then earlier ones) naming a compatible actor outside quotation
  // marks, and in it the first such actor: the subject rather than an object ("Zarina Toktogulova
  // opened the bridge over the Ak-Buura river. … she said")
  let nearest = -1;
  for (let si = tokens[k].sentence; si >= 0 && nearest < 0 && sentences[si].paragraph >= para - 2; si--) {
    const sent = sentences[si];
    for (let j = sent.tokenStart; j < Math.min(sent.tokenEnd, k); j++) {
      const a = res.actorAtToken[j];
      if (a < 0 || quoted[j] || POSSESSIVE.has(tokens[j + 1]?.text ?? '')) continue;
      if (compatible(pron, pron === 'it' ? pronounType(doc, res, a) : res.actors[a].type)) { nearest = j; break; }
    }
  }
  // the latest earlier source, named or not
  const last = [...history].reverse().find((e) => e.token < k && inWindow(e.token) && (e.actor < 0 || compatible(pron, pron === 'it' ? pronounType(doc, res, e.actor) : res.actors[e.actor].type)));
  if (last && last.actor < 0 && (nearest < 0 || nearest < last.token)) return NO_SPEAKER; // "The minister told …" then "he said"
  // a new person introduced as the subject of the sentence right before the pronoun's, after the
  // last speaker ("… said Marta Delgado. Chen Wei-lin, a professor at …, was more cautious. He said
  // …"): the preferred antecedent is that subject (centering: Grosz, Joshi & Weinstein 1995)
  if (last && last.actor >= 0 && nearest > last.token && res.actorAtToken[nearest] !== last.actor &&
    tokens[nearest].sentence === tokens[k].sentence - 1 && nearest <= sentences[tokens[nearest].sentence].tokenStart + 1) {
    return { speaker: res.actorAtToken[nearest], mention: { start: k, end: k + 1 }, conf: 0.6, rule: 'pronoun-new-subject' };
  }
  if (last && last.actor >= 0) {
    // the earlier speaker, unless another compatible actor is named before the pronoun in its own sentence
    let rival = false;
    for (let j = k - 1; j >= sentences[tokens[k].sentence].tokenStart; j--) {
      const a = res.actorAtToken[j];
      if (a >= 0 && a !== last.actor && !quoted[j] && compatible(pron, pron === 'it' ? pronounType(doc, res, a) : res.actors[a].type) && !POSSESSIVE.has(tokens[j + 1]?.text ?? '')) { rival = true; break; }
    }
    if (!rival) return { speaker: last.actor, mention: { start: k, end: k + 1 }, conf: 0.7, rule: 'pronoun-speaker' };
  }
  if (nearest >= 0) return { speaker: res.actorAtToken[nearest], mention: { start: k, end: k + 1 }, conf: 0.6, rule: 'pronoun-nearest' };
  if (last && last.actor < 0) return NO_SPEAKER;
  // no compatible actor in the window: "he"/"she" is the last person named before, outside
  // quotation marks, anywhere earlier in the text (news stories keep to their protagonist)
  if (PERSON_PRONOUN.has(pron)) {
    for (let j = k - 1; j >= 0; j--) {
      const a = res.actorAtToken[j];
      if (a >= 0 && !quoted[j] && res.actors[a].type === 'person' && !POSSESSIVE.has(tokens[j + 1]?.text ?? '')) return { speaker: a, mention: { start: k, end: k + 1 }, conf: 0.5, rule: 'pronoun-far' };
    }
  }
  return NO_SPEAKER;
}

/**
 * Whether token `k` lies in a generic actor (an agent word in lower case, as "supporters") that a
 * possessive pronoun owns ("his own supporters"): the phrase names the owner's group, a source
 * actor (sources.ts), not the generic actor the resolver gives every such word.
 */
export function possessedGeneric(doc: AnnotatedText, res: ActorResolution, k: number): boolean {
  const { tokens } = doc;
  const a = res.actorAtToken[k];
  if (a < 0) return false;
  let s = k;
  while (s > 0 && res.actorAtToken[s - 1] === a) s--;
  for (let j = s; j < tokens.length && res.actorAtToken[j] === a; j++) if (!/^\p{Ll}/u.test(tokens[j].text)) return false;
  let p = s - 1;
  while (p >= 0 && s - p <= 3 && /^(?:ADJ|ADV)$/.test(tokens[p].pos) && tokens[p].sentence === tokens[s].sentence) p--;
  return p >= 0 && tokens[p].sentence === tokens[s].sentence && POSSESSIVE_PRONOUN.has(tokens[p].text.toLowerCase());
}

/** The speaker named by a source span (see the module doc). */
export function speakerOfSource(doc: AnnotatedText, res: ActorResolution, span: TokenSpan, quoted: Uint8Array, history: SpeakerHistory): SpeakerPick {
  const { tokens } = doc;
  const groups: Array<{ actor: number; start: number; end: number; modifier: boolean }> = [];
  for (let k = span.start; k < span.end; k++) {
    const a = res.actorAtToken[k];
    if (a < 0) continue;
    const g = groups[groups.length - 1];
    if (g && g.actor === a && g.end === k) { g.end = k + 1; continue; }
    groups.push({ actor: a, start: k, end: k + 1, modifier: false });
  }
  for (const g of groups) {
    const next = tokens[g.end];
    // "X's …", "X officials" and "X-led …" name a modifier, not the speaker
    const hyphenModifier = !!next && next.text === '-' && next.start === tokens[g.end - 1].end && /^(?:led|backed|based|run|funded|friendly|owned|controlled|allied|aligned)$/i.test(tokens[g.end + 1]?.text ?? '');
    // "his own supporters": the owner's group (a source actor), not the generic actor
    g.modifier = possessedGeneric(doc, res, g.start) || !!next && (hyphenModifier || POSSESSIVE.has(next.text) || ((next.pos === 'NOUN' || next.pos === 'PROPN') && res.actorAtToken[g.end] < 0 && /^\p{Ll}/u.test(next.text)));
  }
  // "Turkish President Recep Tayyip Erdogan", "Chinese Foreign Minister Wang Yi", "UN
  // Secretary-General Antonio Guterres": a state or body named before a title and the holder's name
  // modifies the holder, who is the speaker; so does an armed or political group ("Houthi military
  // spokesman Yahya Saree", "Hamas leader X") and a state before a body's description and name
  // ("French nuclear group Orano": the company speaks; a first-time user's report)
  for (let i = 0; i + 1 < groups.length; i++) {
    const g = groups[i], h = groups[i + 1];
    if (!/^(?:state|igo|organization|group|ngo)$/.test(res.actors[g.actor].type) || !/^(?:person|organization|group|ngo|igo)$/.test(res.actors[h.actor].type) || h.start - g.end > 4) continue;
    // a body after a body is its holder only through a description in lower case ("nuclear group")
    if (res.actors[h.actor].type !== 'person' && (h.start === g.end || !/^\p{Ll}/u.test(tokens[h.start - 1].text))) continue;
    let titleOnly = true;
    for (let j = g.end; j < h.start; j++) {
      const glued = tokens[j].text === '-' && tokens[j].start === tokens[j - 1].end;
      // "of" inside the title ("U.S. Secretary of State Marco Rubio")
      const of = /^of$/i.test(tokens[j].text) && j > g.end && j + 1 < h.start;
      if (!glued && !of && !/^(?:NOUN|PROPN|ADJ)$/.test(tokens[j].pos)) titleOnly = false;
    }
    if (titleOnly) g.modifier = true;
  }
  // "China's ambassador to the United Nations, Zhang Jun, said": a body inside the title's
  // complement, followed by the holder's name in apposition, modifies the holder (a first-time
  // user's report)
  for (let i = 0; i + 1 < groups.length; i++) {
    const g = groups[i], h = groups[i + 1];
    if (res.actors[g.actor].type !== 'person' && res.actors[h.actor].type === 'person' && h.start === g.end + 1 && tokens[g.end].text === ',' &&
      (tokens[h.end]?.text === ',' || h.end >= span.end)) g.modifier = true;
  }
  const head = groups.find((g) => !g.modifier && res.actors[g.actor].type !== 'location') ?? groups.find((g) => !g.modifier);
  if (head) {
    // ("the Forces said" after "Sudan's Rapid Support Forces" is already that body: the resolver
    // links the short form, src/actors/resolve.ts)
    return { speaker: head.actor, mention: { start: head.start, end: head.end }, conf: 0.9, rule: 'source' };
  }
  if (!groups.length) {
    const short = shortNameAntecedent(doc, res, span, quoted);
    if (short) return { speaker: short.actor, mention: short.mention, conf: 0.7, rule: 'short-name' };
  }
  // a relative pronoun ("Mr. Lewandowski, who said …"): the nearest compatible actor before it in
  // its sentence, over an apposition ("Zhang Xiao, China's ambassador to Kazakhstan, who told …")
  const rel = tokens[span.start].text.toLowerCase();
  if (RELATIVE.has(rel)) {
    let sent = doc.sentences[tokens[span.start].sentence];
    // a sentence the splitter cut after a party label or abbreviation (", who …" opens it): the
    // antecedent is in the sentence before, in the same paragraph ("X (R-Kans.) | , who said …")
    const si = tokens[span.start].sentence;
    if (si > 0 && span.start - sent.tokenStart <= 1 && tokens[sent.tokenStart].text === ',' && doc.sentences[si - 1].paragraph === sent.paragraph) sent = doc.sentences[si - 1];
    for (let j = span.start - 1; j >= sent.tokenStart && j >= span.start - 20; j--) {
      // an aside in parentheses ("(R-Kans.)") holds no antecedent
      if (tokens[j].text === ')') {
        let o = j - 1;
        while (o > sent.tokenStart && o > j - 8 && tokens[o].text !== '(') o--;
        if (tokens[o].text === '(') { j = o; continue; }
      }
      const a = res.actorAtToken[j];
      if (a < 0 || quoted[j]) continue;
      const type = res.actors[a].type;
      const ok = rel === 'who' ? type === 'person' || type === 'group' : type !== 'location';
      if (ok) return { speaker: a, mention: { start: span.start, end: span.start + 1 }, conf: 0.8, rule: 'relative' };
    }
  }
  // "his campaign said": a body of the person a possessive pronoun names speaks for that person;
  // another possessed noun ("her advisers") is no pronoun source (index.ts builds a source actor)
  const poss = POSSESSIVE_PRONOUN.get(tokens[span.start].text.toLowerCase());
  const possessed = !!poss && span.end > span.start + 1 && /^(?:NOUN|PROPN|ADJ)$/.test(tokens[span.start + 1].pos);
  if (poss && possessed && SPEAKS_FOR.has(tokens[span.start + 1].text.toLowerCase())) {
    const p = resolvePronoun(doc, res, span.start, quoted, history, poss);
    if (p.speaker >= 0) return { speaker: p.speaker, mention: { start: span.start, end: span.start + 2 }, conf: 0.6, rule: 'pronoun-body' };
  }
  // a possessive pronoun alone ("his support for …", "her call for …": the cue is the noun after
  // it) names the person or body it refers to
  if (poss && span.end === span.start + 1) {
    const p = resolvePronoun(doc, res, span.start, quoted, history, poss);
    return p.speaker >= 0 ? p : { speaker: -1, mention: { start: span.start, end: span.end }, conf: 0, rule: 'pronoun-unresolved' };
  }
  // a pronoun source
  for (let k = span.start; k < Math.min(span.end, span.start + 2) && !possessed; k++) {
    const w = tokens[k].text.toLowerCase();
    if (PERSON_PRONOUN.has(w) || GROUP_PRONOUN.has(w) || FIRST_PERSON.has(w)) {
      const p = resolvePronoun(doc, res, k, quoted, history);
      // an unresolved pronoun still names the speaker in the text
      return p.speaker >= 0 ? p : { speaker: -1, mention: { start: k, end: k + 1 }, conf: 0, rule: 'pronoun-unresolved' };
    }
  }
  // "the Clinton campaign said": a body named after its actor speaks for it
  const g0 = groups[0];
  if (g0 && SPEAKS_FOR.has(tokens[g0.end]?.text.toLowerCase() ?? '')) return { speaker: g0.actor, mention: { start: g0.start, end: g0.end + 1 }, conf: 0.7, rule: 'source-body' };
  // no actor: the phrase itself, up to a comma or relative pronoun
  let e = span.start;
  while (e < span.end && tokens[e].text !== ',' && !/^(?:who|which|that)$/i.test(tokens[e].text)) e++;
  if (e === span.start) e = span.end;
  return { speaker: -1, mention: { start: span.start, end: e }, conf: 0, rule: 'source-unresolved' };
}

/**
 * Kinds of body a definite description names, by head noun (lower case): CAMEO agent roles of
 * actors it can refer to, and words one of their names holds (our table, after a first-time
 * user's report: "Hezbollah … the group said" made a new actor "the group"). `anyNamed` also
 * admits a named organization or group with no agent role (an NER organization, as "the group"
 * often stands for an advocacy group).
 */
const DEFINITE_HEADS: ReadonlyMap<string, { roles: string[]; types: string[]; name?: RegExp; anyNamed?: boolean; notRoles?: string[]; described?: boolean }> = (() => {
  const group = { roles: ['REB', 'INS', 'OPP', 'PTY', 'SEP', 'UAF', 'RAD', 'NGO', 'HRI', 'ENV', 'LAB', 'REL', 'MOD', 'CVL'], types: ['group', 'ngo', 'organization'],
    name: /\b(?:Group|Movement|Front|Brigades?|Party|Watch|International|Organi[sz]ation|Militia|Taliban|Hezbollah|Hamas)\b/, anyNamed: true,
    notRoles: ['GOV', 'MIL', 'COP', 'SPY', 'JUD', 'LEG', 'MED', 'BUS', 'EDU'] };
  const outlet = { roles: ['MED'], types: ['organization'], name: /\b(?:Times|Post|Journal|Herald|Tribune|Gazette|Telegraph|Guardian|Daily|News|Observer|Chronicle|Globe|Mail|Express|Monitor|Kommersant|Izvestia|Pravda|Reuters|Interfax|Xinhua|Tass|TASS|Radio|TV|Television|Broadcasting)\b/ };
  const company = { roles: ['BUS'], types: ['organization'], name: /\b(?:Inc|Corp|Corporation|Ltd|LLC|Co|Company|Holdings|Airlines?|Motors|Energy|Petroleum|Oil|Gas|Bank|Group|PLC|plc|AG|SA)\b\.?/, described: true };
  const m = new Map<string, { roles: string[]; types: string[]; name?: RegExp; anyNamed?: boolean; notRoles?: string[]; described?: boolean }>();
  for (const w of ['group', 'militia', 'faction', 'movement', 'organization', 'organisation', 'insurgents', 'rebels']) m.set(w, group);
  for (const w of ['newspaper', 'paper', 'daily', 'tabloid', 'outlet', 'broadcaster', 'network', 'channel', 'station', 'magazine', 'weekly', 'website']) m.set(w, outlet);
  for (const w of ['company', 'firm', 'corporation', 'conglomerate', 'carrier', 'airline', 'manufacturer', 'producer', 'retailer', 'operator', 'lender', 'giant']) m.set(w, company);
  m.set('ministry', { roles: [], types: ['organization'], name: /\bMinistry\b/i });
  m.set('department', { roles: [], types: ['organization'], name: /\bDepartment\b/i });
  m.set('party', { roles: ['PTY'], types: ['organization', 'group'], name: /\bParty\b/ });
  m.set('agency', { roles: ['MED', 'SPY'], types: ['organization', 'igo'], name: /\bAgency\b/ });
  m.set('army', { roles: ['MIL'], types: ['organization', 'group'], name: /\bArmy\b/ });
  m.set('military', { roles: ['MIL'], types: ['organization', 'group'] });
  m.set('alliance', { roles: [], types: ['igo'], name: /\bAlliance\b/ });
  m.set('bloc', { roles: [], types: ['igo'] });
  // bodies named by their kind: the name holds the word ("the committee" → "Senate Intelligence Committee")
  for (const w of ['committee', 'commission', 'council', 'court', 'union', 'coalition', 'bank', 'institute', 'foundation', 'bureau', 'board', 'fund', 'association', 'federation', 'tribunal', 'watchdog', 'regulator']) {
    m.set(w, { roles: w === 'court' || w === 'tribunal' ? ['JUD'] : [], types: ['organization', 'igo', 'ngo', 'group'], name: new RegExp(`\\b${w[0].toUpperCase()}${w.slice(1)}\\b`) });
  }
  return m;
})();

/** Agent roles of an actor's CAMEO code (3-letter blocks after its country, if any): "LBNREB" → ["REB"]. */
function agentRoles(code: string | null, country: string | null): string[] {
  if (!code) return [];
  const rest = country && code.startsWith(country) ? code.slice(country.length) : code;
  return rest.match(/.{3}/g) ?? [];
}

/**
 * Whether an actor is a specific body, one a definite description can refer to: named (a name
 * mention, a dictionary or name-finder actor) or an agent of a country ("the Russian defence
 * ministry"). A bare agent phrase with no country ("the ministry": code GOV alone) is not.
 */
function specific(a: ActorResolution['actors'][number]): boolean {
  return a.dictId !== null || a.country !== null || a.mentions.some((m) => m.kind === 'name');
}

/**
 * The antecedent of a definite description used as a source: "the group", "the militant group",
 * "the ministry", "the newspaper", "the company" (token range `mention`: "the", up to three
 * modifiers written in lower case or demonyms, and a head noun of `DEFINITE_HEADS`) refers to the
 * nearest specific actor named before it (outside quotation marks) that is compatible with the
 * head noun: an agent role of the noun's kind (group ↔ armed, political or advocacy group;
 * newspaper ↔ media; company ↔ business; army ↔ military), or a name holding the noun's word
 * ("Ministry", "Committee"). Returns the actor index, or -1: not such a description, a
 * description whose own tokens already name a specific actor ("the Russian defence ministry"),
 * or no compatible actor before it. Source of the rule: issue 6 (speakers that are
 * organizations), a first-time user's report; the table is ours.
 */
export function definiteAntecedent(doc: AnnotatedText, res: ActorResolution, mention: TokenSpan, quoted: Uint8Array): number {
  const { tokens } = doc;
  let s = mention.start, e = mention.end;
  while (e > s && !/[\p{L}\p{N}]/u.test(tokens[e - 1].text)) e--;
  // a mention that leaves out the article ("ministry" of an agent phrase): back to it
  const article = (k: number) => /^(?:the|this|that)$/i.test(tokens[k].text);
  for (let k = s - 1; !article(s) && k >= 0 && k >= mention.start - 4 && tokens[k].sentence === tokens[s].sentence; k--) {
    if (!article(k) && !/^\p{Ll}/u.test(tokens[k].text) && tokens[k].text !== '-') break;
    if (article(k)) s = k;
  }
  if (e - s < 2 || e - s > 5 || !article(s)) return -1;
  const head = tokens[e - 1];
  const kind = DEFINITE_HEADS.get(head.text.toLowerCase());
  if (!kind || !/^\p{Ll}/u.test(head.text)) return -1;
  // what follows the description: not "the group's …", "the group of …" (the head is elsewhere)
  const next = tokens[e];
  if (next && /^(?:'s|’s|'|’|of)$/i.test(next.text)) return -1;
  for (let k = s + 1; k < e - 1; k++) {
    const t = tokens[k];
    if (!(/^\p{Ll}/u.test(t.text) || t.text === '-' || t.pos === 'ADJ' && /^\p{Lu}\p{Ll}+$/u.test(t.text))) return -1;
  }
  for (let k = s; k < e; k++) {
    const a = res.actorAtToken[k];
    if (a >= 0 && specific(res.actors[a])) return -1;
  }
  const fits = (i: number): boolean => {
    const a = res.actors[i];
    const roles = agentRoles(a.code, a.country);
    // a business introduced by a description in lower case ("fertilizer group Yara", "security firm
    // Ambrey"), whatever type and code the resolver gave its name (a first-time user's report)
    if (kind.described && specific(a) && (a.type === 'organization' || a.type === 'person') && roles.every((r) => r === 'BUS') &&
      a.mentions.some((m) => m.kind === 'name' && BUSINESS_BEFORE_NAME.has(tokens[m.tokenStart - 1]?.text ?? ''))) return true;
    if (!specific(a) || !kind.types.includes(a.type)) return false;
    if (kind.notRoles && roles.some((r) => kind.notRoles!.includes(r))) return false;
    if (roles.some((r) => kind.roles.includes(r))) return true;
    if (kind.name && (kind.name.test(a.name) || a.mentions.some((m) => kind.name!.test(m.text)))) return true;
    return !!kind.anyNamed && roles.length === 0 && a.mentions.some((m) => m.kind === 'name');
  };
  // (each actor is judged once: a long text names the same actors thousands of times)
  const judged = new Int8Array(res.actors.length);
  for (let k = s - 1; k >= 0; k--) {
    const a = res.actorAtToken[k];
    if (a < 0 || quoted[k] || a === res.actorAtToken[s]) continue;
    if (judged[a] === 0) judged[a] = fits(a) ? 1 : -1;
    if (judged[a] === 1) return a;
  }
  return -1;
}
