/**
 * Source actors: the speaker of a quote whose source phrase names no dictionary or NER actor.
 *
 * On PolNeAR train (`npm run eval:quotes -- --split train --errors N`, before this module) the
 * source phrase was right for ~90% of the matched quotes but named a resolved actor for only
 * ~72%: the rest were nominal sources ("the spokesman", "Clinton aides", "some Republicans",
 * "a senior diplomat"), surnames the resolver leaves open ("Clinton" with two Clintons in the
 * text, "Mrs. Clinton"), people the dictionary lacks ("Mr. Khan"), and relative pronouns after such
 * a phrase ("a woman who said"). This module turns such a phrase into a speaker:
 *
 * 1. a name (capitalised words, an honorific skipped) whose last word is the last name word of a
 *    person actor of the document → that person (coreference; the one mentioned last before the
 *    source, else the first one named);
 * 2. else a new actor built from the phrase (the leading article dropped): a name → a person (an
 *    organization when it has an organization word or is an acronym); a noun phrase whose head
 *    is plural → a group ("officials", "Clinton aides"); a body noun ("campaign", "agency",
 *    "newspaper") → an organization; else a person ("the spokesman"). New actors have no
 *    country, code or description; one phrase text (lower case) is one actor in a document.
 * 3. no actor for phrases that name no one: pronouns, relative and demonstrative words, and time
 *    words as heads ("Monday"); a document or poll whose author is named before its head speaks
 *    for that author ("the Monmouth poll" → Monmouth, an organization; "Mr. Hurt's book" → the
 *    person Hurt); (held-out tenths 0, 3 and 5 of train, issue 6: +34 to +36 correct speakers
 *    each) a bare quantifier ("some", "others", "many") is a group of its own, a poll or data
 *    source with no author named ("the poll", "public records") an organization, and a share of
 *    people ("47 percent") a group — PolNeAR counts them as sources; a definite document, poll or
 *    data phrase speaks first for its issuer named before it ("…, the U.S. Central Command said.
 *    …, according to the statement."; `issuerOf`), and an issued document with none ("the
 *    statement", "the report", "the letter"; `ISSUED`) names no one (a first-time user's report);
 * 4. an honorific and capitalised words ("Mr. Welch") are a person whatever part of speech the
 *    tagger gives the words ("Welch"/VERB);
 * 5. (held-out tenths 0, 3 and 5 of train, issue 6) a part of a group is the group ("a number of
 *    attendees", "79 percent of Democrats": the head after "of"; a bare "47 percent" still names no
 *    one), "the 46-year-old" a person, a number led by an adverb ("nearly 140 House members") a
 *    group, a pronoun after a preposition no clause ("a source close to him"), a demonstrative
 *    a determiner ("That person"), and a clause after the noun or a long adjunct is cut off
 *    ("Several people I've spoken with …" → "Several people"; `phraseEnd`);
 * 6. the writer of the article for a first-person source ("I think …"; `author`), and the one
 *    addressed for "you" ("If you prefer …", "Q: Do you think …"; `addressee`);
 * 7. an actor and a possessive mark before the head ("Halloran's family", "Berg's lawyers") is an
 *    actor of its own named after the owner ("Mark Halloran's family"), not the owner, except a
 *    body or spokesperson that speaks for the owner ("Clinton's campaign"; speaker.ts
 *    `SPEAKS_FOR`) and a document ("Mr. Hurt's book": the owner). A first-time user's report.
 * 8. (held-out tenths of train, issue 6) a counted group is a group of its own (`countedGroup`:
 *    "the two", "almost everyone", "at least 21,000", "47%", "nine in 10", "most of them",
 *    "some of those surveyed", "those around him", "no one"); a participle after the noun cuts the
 *    phrase ("New polls released Sunday" → "New polls"); a document word the part-of-speech
 *    tagger read as a verb is still the head ("national polling"); a capitalised name of several
 *    words ending in such a word is a name ("USA TODAY"); a modifier opening the sentence is no
 *    author ("Recent polling", but "Quinnipiac polling": Quinnipiac); a possessive pronoun
 *    that names no actor still gives a group, body or document ("Her critics" → "critics").
 *
 * The new actors extend a copy of the resolution (`SourceActors.res`): the original actors keep
 * their indices, new ones are appended, and the tokens of their source phrases point to them in
 * the copy's `actorAtToken`, so that a later pronoun can refer to them ("The spokesman declined …
 * He said …").
 */
import type { AnnotatedText } from '../types.js';
import type { ActorType } from '../schema.js';
import { HONORIFIC, type ActorResolution, type ResolvedActor } from '../actors/resolve.js';
import type { TokenSpan } from './attributions.js';
import { POSSESSIVE, SPEAKS_FOR, definiteAntecedent, possessedGeneric, type SpeakerHistory } from './speaker.js';

const ARTICLE = new Set(['the', 'a', 'an']);
/** Phrases that name no one (whole phrase, lower case). */
const NO_ONE = new Set([
  'some', 'many', 'others', 'other', 'both', 'one', 'another', 'none', 'neither', 'each', 'everyone', 'everybody', 'anyone', 'anybody',
  'someone', 'somebody', 'nobody', 'most', 'few', 'several', 'all', 'those', 'these', 'this', 'that', 'which', 'who', 'whom', 'whose',
  'it', 'they', 'he', 'she', 'i', 'we', 'you', 'me', 'us', 'them', 'him', 'her', 'his', 'its', 'their', 'our', 'my', 'your', 'there', 'here',
  'itself', 'themselves', 'himself', 'herself', 'what', 'more', 'half', 'no',
]);
/**
 * Heads that are documents, data, events or times, not actors (our list, from the source heads
 * of PolNeAR train attributions).
 */
const THING = new Set([
  'poll', 'polls', 'polling', 'survey', 'surveys', 'report', 'reports', 'reporting', 'study', 'studies', 'statement', 'statements',
  'result', 'results', 'record', 'records', 'filing', 'filings', 'document', 'documents', 'data', 'analysis', 'analyses', 'percent',
  'percentage', 'ad', 'ads', 'advertisement', 'letter', 'letters', 'email', 'emails', 'e-mail', 'memo', 'website', 'site', 'page', 'pages',
  'lawsuit', 'lawsuits', 'suit', 'release', 'estimate', 'estimates', 'figures', 'numbers', 'number', 'statistics', 'findings', 'evidence',
  'article', 'story', 'stories', 'book', 'memoir', 'video', 'videos', 'film', 'movie', 'tweet', 'tweets', 'post', 'message', 'note',
  'affidavit', 'complaint', 'order', 'ruling', 'decision', 'law', 'laws', 'legislation', 'bill', 'plan', 'proposal', 'platform', 'policy',
  'policies', 'rhetoric', 'research', 'investigation', 'inquiry', 'probe', 'review', 'summary', 'readout', 'transcript', 'editorial',
  'debate', 'speech', 'interview', 'campaign ad', 'tally', 'average', 'math', 'information', 'guidance', 'guidelines', 'regulations',
  'rules', 'precedents', 'precedent', 'history', 'experience', 'sign', 'signs', 'photos', 'photo', 'question', 'questions', 'reply',
  'response', 'reaction', 'move', 'effort', 'strategy', 'outcome', 'election', 'elections', 'race', 'vote', 'votes', 'week', 'weeks',
  'month', 'year', 'day', 'night', 'time', 'today', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'version', 'text', 'language', 'words', 'headline', 'quiz', 'test', 'joke', 'episode', 'skit', 'piece', 'item', 'account',
]);
/**
 * Heads of `THING` that are documents someone issues (lower case): as a source, they speak for
 * their issuer or for no one, never for an actor of their own (a first-time user's report: "…,
 * according to the statement" made an organization "statement"). Polls, surveys, studies and data
 * with no author stay sources of their own (PolNeAR counts them as sources).
 */
const ISSUED = /^(?:statements?|reports?|letters?|memos?|memorandum|communiqu[eé]s?|release|readouts?|transcripts?|filings?|documents?|declarations?|notices?|e-?mails?|tweets?|posts?|messages?|notes?|editorials?|articles?|affidavits?|complaints?|lawsuits?|suits?|orders?|rulings?|decisions?|books?|memoirs?|ads?|advertisements?|videos?|speech|speeches|interviews?|summary|reply|response|account|announcements?|remarks)$/;
/**
 * Whether a source phrase (token range) is a document someone issues (its last word before a
 * comma in `ISSUED`: "the statement", "a report"): with no issuer found it names no speaker, and,
 * being no person, it should not stop a later pronoun from reaching the person named before it.
 */
export function issuedDocument(doc: AnnotatedText, span: TokenSpan): boolean {
  const { tokens } = doc;
  let e = span.start;
  while (e < span.end && tokens[e].text !== ',') e++;
  while (e > span.start && !/[\p{L}\p{N}]/u.test(tokens[e - 1].text)) e--;
  if (e <= span.start) return false;
  const last = tokens[e - 1];
  return /^\p{Ll}/u.test(last.text) && (ISSUED.test(last.text.toLowerCase()) || ISSUED.test(last.lemma.toLowerCase()));
}

/** Documents that carry what their issuer said: with no earlier phrase naming one, the latest speaker before it issued it ("X said … . …, according to the statement"). */
const STATEMENT = /^(?:statements?|communiqu[eé]s?|announcements?|readouts?|release|remarks|declarations?)$/;
/** Verbs whose object is a document issued by their subject ("issued a statement", "released a report"; lemmas). */
const ISSUING = /^(?:issue|release|publish|put|send|sign|write|post|deliver|read|circulate|submit|file|present|unveil|produce|draft|adopt|prepare|make|give|share|tweet|compile|commission|run|air|launch|distribute|pen|author|organize|organise)$/;
/** Words before an issuer after a document's head ("a statement from X", "a report by X", "a letter signed by X"). */
const ISSUER_AFTER = /^(?:from|by)$/i;

/** Quantifiers that, alone, are a source of people ("some", "others", "many"). */
const QUANTIFIER = /^(?:some|many|others|most|few|several|both|all|none|everyone|everybody|someone|somebody|anyone|anybody|nobody|another|those|more)$/;
/** Degree words and articles before a count of people ("almost everyone", "at least 21,000", "the two"). */
const DEGREE = /^(?:the|almost|nearly|about|roughly|only|just|at|least|more|than|over|under|fewer|less|around|some|perhaps|even|all|not)$/i;
/** Modifiers of a poll or document that open a sentence capitalised ("New polls show …"): no author's name. */
const OPENING_MODIFIER = /^(?:new|recent|latest|early|exit|national|internal|public|private|fresh|separate|previous|similar|official|independent|several|other|further|many|most|some|both|two|three|four|five)$/;
/** Time words among the heads of `THING`: a misread source ("Monday said"), never a speaker. */
const TIME_WORD = /^(?:week|weeks|month|year|day|night|time|today|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;
/** Heads naming a body, not a person or a crowd (our list). */
const BODY = new Set([
  'campaign', 'group', 'agency', 'newspaper', 'paper', 'office', 'team', 'committee', 'party', 'board', 'department', 'foundation', 'firm',
  'organization', 'organisation', 'union', 'network', 'company', 'council', 'commission', 'panel', 'institute', 'administration',
  'government', 'ministry', 'court', 'magazine', 'outlet', 'station', 'channel', 'caucus', 'coalition', 'alliance', 'movement', 'faction',
  'establishment', 'leadership', 'staff', 'police', 'press', 'media', 'house', 'senate', 'congress', 'assembly', 'parliament', 'pac',
  'association', 'federation', 'center', 'centre', 'bureau', 'service', 'watchdog', 'bank', 'fund', 'university', 'school', 'club',
  'industry', 'community', 'electorate', 'audience', 'base', 'majority', 'minority', 'side',
]);
/** Who owns or runs a thing ("its Greek manager" of a ship): after "its", a company. */
const OWNER_OF_THING = /^(?:manager|owner|operator|charterer|insurer|shipowner|lessor|builder|manufacturer|maker)s?$/;
/** Heads that measure a part of a group ("a number of attendees", "79 percent of Democrats", "half of respondents"): the group after "of" is the head. */
const QUANTITY = /^(?:number|numbers|percent|percentage|majority|minority|share|half|third|thirds|quarter|quarters|fraction|handful|plurality|dozen|dozens|hundreds|thousands|millions|lot|lots|bunch|rest|bulk|portion|proportion)$/i;
/** Organization words inside a capitalised name ("the Daily News", "USA TODAY"). */
const ORG_WORD = /^(?:News|Times|Post|Journal|Herald|Tribune|Press|Magazine|Network|Committee|Party|Council|Association|Institute|Foundation|Center|Centre|Group|Agency|Department|Ministry|Office|Bureau|Commission|University|College|Inc|Corp|Co|Ltd|PAC|Fund|Bank|Union|League|Coalition|Alliance|Campaign|Project|Today|Daily|Radio|TV|Television|Media|Review|Report|Monitor|Club|Society|Forum|Council|Court|Senate|House|Congress)\.?$/i;

const norm = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const isNameWord = (s: string) => /^\p{Lu}/u.test(s) || /^(?:al|el|bin|ibn|de|da|di|van|von|der|le|la|del|dos|das)$/.test(s) || s === '-';

/** The source actors of one document: a growing copy of the actor resolution (see the module doc). */
export class SourceActors {
  /** The resolution extended with the source actors (actors appended; `actorAtToken` a copy). */
  readonly res: ActorResolution;
  private readonly byKey = new Map<string, number>();

  /** `doc` and `res` are read, never changed. */
  constructor(private readonly doc: AnnotatedText, private readonly base: ActorResolution) {
    this.res = { actors: [...base.actors], actorAtToken: Int32Array.from(base.actorAtToken), places: base.places };
  }

  /** Number of actors of the original resolution (indices at or above it are source actors). */
  get baseCount(): number { return this.base.actors.length; }

  /**
   * The actor a source phrase (token range, already cut at a comma or relative pronoun) names:
   * an actor of the extended resolution already on its tokens, a person by surname, a new source
   * actor, or -1 when the phrase names no one (module doc). A phrase opened by a possessive
   * pronoun ("his advisers") needs `owner`, the actor index the pronoun resolves to. `history`
   * (the sources of the quotes before it, in token order) gives the issuer of a statement
   * named by no earlier phrase (`issuerOf`). `ownerName` names the owner of a possessive pronoun
   * in the new actor's name in place of `owner`'s name ("Brazil, Colombia and Mexico" for "their"
   * after a coordination; the speaker stays one actor, the contract's quote has one speaker).
   */
  actorFor(span: TokenSpan, owner = -1, history: SpeakerHistory = [], ownerName?: string): number {
    const { tokens, text } = this.doc;
    let s = span.start, e = span.end;
    while (s < e && !/[\p{L}\p{N}]/u.test(tokens[s].text)) s++;
    while (e > s && (!/[\p{L}\p{N}]/u.test(tokens[e - 1].text) || /^(?:'s|’s)$/.test(tokens[e - 1].text))) e--;
    const e0 = e;
    e = this.phraseEnd(s, e);
    if (e <= s || e - s > 8) return -1;
    // "Halloran's family", "Trump's lawyers": an actor and a possessive mark before the head name
    // the owner; the phrase is an actor of its own, except a body or spokesperson that speaks for
    // the owner ("Clinton's campaign"; speaker.ts SPEAKS_FOR)
    let ownedFrom = -1;
    for (let k = s; k < e; k++) {
      const x = this.res.actorAtToken[k];
      if (x < 0) continue;
      let j = k;
      while (j < e && this.res.actorAtToken[j] === x) j++;
      if (ownedFrom < 0 && owner < 0 && j + 1 < e && POSSESSIVE.has(tokens[j].text) && this.res.actorAtToken[e - 1] < 0 &&
        /^(?:NOUN|PROPN)$/.test(tokens[e - 1].pos) && !SPEAKS_FOR.has(tokens[e - 1].text.toLowerCase())) {
        owner = x;
        ownedFrom = j + 1;
        k = j;
        continue;
      }
      // "his own supporters" with the pronoun's owner: the owner's group, not the generic actor
      if (owner >= 0 && possessedGeneric(this.doc, this.res, k)) {
        k = j - 1;
        continue;
      }
      // a place named before the head noun ("three European powers", "Western diplomats") only
      // modifies it: a place speaks not, the phrase is a source actor of its own (a first-time
      // user's report: "The three European powers … said" gave the place "Europe")
      if (this.res.actors[x].type === 'location' && j < e && tokens[j].pos === 'NOUN' && /^\p{Ll}/u.test(tokens[j].text)) {
        k = j - 1;
        continue;
      }
      // a state's adjective after a possessive ("its Greek manager", "the ship's Turkish owner"):
      // the nationality of someone owned, who speaks for no state (a first-time user's report)
      if (this.res.actors[x].type === 'state' && j < e && /^\p{Ll}/u.test(tokens[j].text) && /^(?:NOUN|ADJ)$/.test(tokens[j].pos) && k > s &&
        (POSSESSIVE.has(tokens[k - 1].text) || /^(?:its|his|her|their)$/i.test(tokens[k - 1].text))) {
        k = j - 1;
        continue;
      }
      return x;
    }
    const low = tokens.slice(s, e).map((t) => t.text.toLowerCase());
    // a bare quantifier ("some", "many", "others"): a group of people of its own
    if (e - s === 1 && QUANTIFIER.test(low[0])) return this.add(s, e, s, 'group', false, '');
    // a quantifier or a count standing alone after degree words, or of a pronoun ("almost
    // everyone", "the two", "at least 21,000", "most of them"): a group of its own
    const counted = this.countedGroup(s, e);
    if (counted >= 0) {
      // the percent sign stays with its number ("47%")
      const end = tokens[e]?.text === '%' && tokens[e].start === tokens[e - 1].end ? e + 1 : e;
      return this.add(s, end, ARTICLE.has(low[0]) ? s + 1 : s, 'group', false, '');
    }
    if (NO_ONE.has(low.join(' ')) || NO_ONE.has(low[0]) && e - s === 1) return -1;
    // a possessive pronoun opens an actor phrase only when it names its owner ("his advisers" →
    // "Donald Trump's advisers"; `owner` is the actor the pronoun resolves to)
    const possessive = /^(?:his|her|its|their|our|my|your)$/.test(low[0]);
    if (possessive && e - s < 2) return -1;
    // a possessive pronoun that names no actor: a group, body or document of its own only ("Her
    // critics", "its FEC reports"), never a person ("his support")
    const lastLow = low[e - s - 1];
    if (possessive && owner < 0 && !(/^\p{Ll}+[^s]s$/u.test(lastLow) && tokens[e - 1].pos === 'NOUN' || BODY.has(lastLow) || THING.has(lastLow) || OWNER_OF_THING.test(lastLow) && low[0] === 'its')) return -1;
    let a = possessive ? s + 1 : ownedFrom >= 0 ? ownedFrom : s;
    if (ARTICLE.has(tokens[a].text.toLowerCase())) a++;
    while (a < e && (HONORIFIC.test(tokens[a].text) || tokens[a].text === '.')) a++;
    if (a >= e) return -1;
    const words = tokens.slice(a, e);
    const honorific = s < a && tokens.slice(s, a).some((t) => HONORIFIC.test(t.text));
    // "Mr. Welch", "Mrs. Hurt": capitalised words after an honorific are a surname, whatever part
    // of speech the tagger gives them ("Welch"/VERB; held-out tenth of PolNeAR train)
    if (honorific && words.length <= 3 && words.every((t) => /^\p{Lu}/u.test(t.text) || t.text === '-')) {
      const surname = words[words.length - 1];
      const person = this.personBySurname(norm(surname.text), s);
      if (person >= 0) return person;
      return this.add(s, e, a, 'person', true, '');
    }
    // the head: the last word, or the last word before a preposition ("the secretary of state",
    // "a spokesman for the group")
    let hi = words.length - 1;
    const prep = words.findIndex((t, i) => i > 0 && t.pos === 'ADP' && /^(?:of|for|at|in|from|with|on|to)$/i.test(t.text));
    if (prep > 0) hi = prep - 1;
    if (prep > 0 && words[prep].text.toLowerCase() === 'of' && (!/^(?:NOUN|PROPN)$/.test(words[hi].pos) || QUANTITY.test(words[hi].text))) {
      // a part of a group ("some of his supporters", "two-thirds of Republicans in Ohio"): the group's head
      const next = words.findIndex((t, i) => i > prep + 1 && t.pos === 'ADP');
      hi = next > 0 ? next - 1 : words.length - 1;
    }
    // (a document word the part-of-speech tagger read as a verb stays the head: "national polling")
    const thingHead = (i: number) => THING.has(words[i].text.toLowerCase()) && /^\p{Ll}/u.test(words[i].text) && (i === 0 || /^(?:DET|ADJ|NOUN|PROPN|NUM)$/.test(words[i - 1].pos));
    while (hi > 0 && !/^(?:NOUN|PROPN)$/.test(words[hi].pos) && !thingHead(hi)) hi--; // "a source close to …", "one Democrat familiar with …"
    const head = words[hi];
    const headLow = head.text.toLowerCase();
    // "the 46-year-old": a person described by age (tokens "46", "-", "year", "-", "old")
    if (/^(?:\d+|\p{L}+)-years?-old$/iu.test(text.slice(tokens[a].start, tokens[e - 1].end))) return this.add(s, e, a, 'person', false, '');
    // a capitalised name of several words ending in such a word is a name ("USA TODAY", "the Drudge
    // Report"), no document or time
    const capitalisedName = words.length > 1 && /^\p{Lu}/u.test(head.text) && words.every((t) => isNameWord(t.text));
    if (!capitalisedName && (THING.has(headLow) || THING.has(head.lemma.toLowerCase()))) {
      if (ownedFrom >= 0) return owner;
      // "its statement", "their report": the owner the pronoun names
      if (possessive && owner >= 0) return owner;
      const author = this.ownerOf(a, a + hi, s, e);
      if (author >= 0 || TIME_WORD.test(headLow) || !/^(?:NOUN|PROPN)$/.test(head.pos) && !thingHead(hi)) return author;
      if (headLow === 'percent' || headLow === 'percentage') return this.add(s, e, a, 'group', false, '');
      // a document with no author in its phrase: its issuer named before ("U.S. Central Command
      // said … . …, according to the statement.", "Amnesty published a report … The report
      // said …"); an issued document with none speaks for no one; a poll or data source with none
      // is the speaker itself ("the poll", "public records": PolNeAR counts them as sources)
      // its issuer after "by" or "from" in the phrase ("a memo released Friday by the agency's
      // watchdog", "a letter from the party's lawyers")
      for (let k = a + hi + 1; k + 1 < e0; k++) {
        if (!ISSUER_AFTER.test(tokens[k].text)) continue;
        const by = this.actorFor({ start: k + 1, end: e0 }, -1, history);
        if (by >= 0) return by;
        break;
      }
      // (only a definite phrase refers back: "a new poll" is another one)
      const issuer = /^(?:a|an|another|one|some)$/i.test(tokens[s].text) ? -1 : this.issuerOf(a + hi, s, e, history);
      if (issuer >= 0 || ISSUED.test(headLow) || ISSUED.test(head.lemma.toLowerCase())) return issuer;
      return this.add(s, e, a, 'organization', false, '');
    }
    // a noun phrase: a noun or name as head, no clause inside ("looking out at dozens of Mainers",
    // "who requested anonymity" are misread sources, not actors)
    if (!/\p{L}/u.test(head.text) || !/^(?:NOUN|PROPN)$/.test(head.pos)) return -1;
    if (/^(?:VERB|AUX|ADP|ADV|SCONJ|CCONJ|PART)$/.test(words[0].pos) && !/^(?:NOUN|PROPN|ADJ|NUM)$/.test(words[1]?.pos ?? '')) return -1;
    // a clause inside the phrase: a verb, or a pronoun other than a possessive, a demonstrative
    // before its noun ("That person") or the object of a preposition ("a source close to him")
    const determiner = (i: number) => i === 0 && /^(?:this|that|these|those)$/i.test(words[0].text) && /^(?:NOUN|PROPN|ADJ)$/.test(words[1]?.pos ?? '');
    const clause = words.some((t, i) => /^(?:AUX|SCONJ)$/.test(t.pos) ||
      t.pos === 'PRON' && !/^(?:his|her|its|their|our|my|your)$/i.test(t.text) && !determiner(i) && !(i > 0 && words[i - 1].pos === 'ADP' && /^(?:him|her|them|it|us|me)$/i.test(t.text)) ||
      t.pos === 'VERB' && !/^(?:NOUN|PROPN|ADJ)$/.test(words[i + 1]?.pos ?? ''));
    if (clause) return -1;
    let isName = words.every((t) => isNameWord(t.text)) && !words.every((t) => t.pos !== 'PROPN');
    if (isName && words.length === 1 && a === this.doc.sentences[head.sentence].tokenStart && !this.namedMidSentence(head.text)) {
      // one capitalised word opening a sentence is a name only when the text writes it
      // capitalised inside a sentence too ("Prices were discussed" is no one)
      isName = false;
    }
    if (isName) {
      const person = this.personBySurname(norm(head.text), s);
      if (person >= 0) return person;
    }
    let type: ActorType;
    if (isName) {
      const acronym = words.length === 1 && /^\p{Lu}{2,}$/u.test(head.text);
      type = !honorific && (acronym || words.some((t) => ORG_WORD.test(t.text))) ? 'organization' : 'person';
    } else if (BODY.has(headLow) || possessive && low[0] === 'its' && OWNER_OF_THING.test(headLow)) type = 'organization';
    else if ((head.lemma.toLowerCase() !== headLow || head.pos === 'PROPN') && /[^s]s$/.test(headLow) || /^(?:people|men|women|children|folks|family|relatives)$/.test(headLow)) type = 'group';
    else type = 'person';
    // (the owner of "its manager" is a ship or a firm, seldom an actor: no owner's name)
    const thingOwned = possessive && low[0] === 'its' && OWNER_OF_THING.test(headLow);
    return this.add(s, e, a, type, isName, (possessive || ownedFrom >= 0) && owner >= 0 && !thingOwned ? `${possessive && ownerName ? ownerName : this.res.actors[owner].name}'s ` : '');
  }

  /**
   * Where the name of a counted group starts, or -1: a source phrase `[s, e)` that is a quantifier
   * or a count of people with nothing but degree words before it and no noun after it ("almost
   * everyone", "not everyone", "the two", "at least 21,000", "Fifty", "each", "more"), such a
   * word and "of" a plural pronoun or a "those" group ("most of them", "all three of them", "some
   * of those surveyed"), "those" and a participle or a preposition ("those surveyed", "those
   * around him"), "no one", or a share "N in M" ("nine in 10", "about one in five"). PolNeAR counts
   * such phrases as sources (held-out tenths of train, issue 6: "the two admit …", "most of them
   * said …" were left without a speaker). A year ("2016") and "one" alone are no count.
   */
  private countedGroup(s: number, e: number): number {
    const { tokens } = this.doc;
    const count = (k: number) => {
      const w = tokens[k].text.toLowerCase();
      return QUANTIFIER.test(w) || w === 'each' ||
        tokens[k].pos === 'NUM' && w !== 'one' && !/^(?:1[89]|20)\d\d$/.test(w) && /^(?:[\d,]+|\p{L}+)$/u.test(w);
    };
    let q = s;
    while (q < e - 1 && DEGREE.test(tokens[q].text)) q++;
    // "those surveyed", "those around him": a group of people named by what follows "those"
    if (/^those$/i.test(tokens[q].text) && q + 1 < e && (tokens[q + 1].pos === 'VERB' || tokens[q + 1].pos === 'ADP' && !/^of$/i.test(tokens[q + 1].text))) return q;
    // "no one"; "nine in 10", "about one in five": a share of people
    if (q + 2 === e && /^no$/i.test(tokens[q].text) && /^one$/i.test(tokens[q + 1].text)) return q;
    if (q + 3 === e && /^in$/i.test(tokens[q + 1].text) && tokens[q].pos === 'NUM' && tokens[q + 2].pos === 'NUM') return q;
    let end = q + 1;
    while (end < e && tokens[end].pos === 'NUM' && count(end)) end++; // "all three"
    if (!count(q)) return -1;
    if (end === e) return q;
    // "most of them", "some of those surveyed"
    if (end + 2 <= e && /^of$/i.test(tokens[end].text) && (end + 2 === e && /^(?:them|us|those|these)$/i.test(tokens[end + 1].text) ||
      /^(?:those|these)$/i.test(tokens[end + 1].text) && this.countedGroup(end + 1, e) >= 0)) return q;
    return -1;
  }

  /**
   * The issuer of the document whose head is token `h` (of the source phrase `[s, e)`, which names
   * no author), named before it in the text, or -1 (a first-time user's report, issue 6: "…,
   * according to the statement" after "U.S. Central Command said …" made an organization
   * "statement"; our rule):
   * 1. the nearest earlier mention of the same head word (lemma) that names its issuer: an actor in
   *    its own phrase ("the Pentagon statement", "Amnesty's report"), an actor after "from" or
   *    "by" ("a report by Amnesty", "a statement issued by the army"), the source of a quote that
   *    phrase was the source of ("The report said …", via `history`), a capitalised author
   *    (`ownerOf`: "a Quinnipiac poll"), or the subject of the verb it is the object or means of
   *    ("X issued a statement", "X said in a statement", "X wrote in a letter"; `subjectOf`);
   * 2. else, for a statement (`STATEMENT`), the latest speaker before it (`history`, an actor) in
   *    its paragraph or the two before: "X said … . …, according to the statement".
   * Not called for an indefinite phrase ("a new poll", "a report": another one).
   */
  private issuerOf(h: number, s: number, e: number, history: SpeakerHistory): number {
    const { tokens } = this.doc;
    const lemma = tokens[h].lemma.toLowerCase();
    const word = tokens[h].text.toLowerCase();
    const res = this.res;
    const actorRun = (k: number) => { let e = k; while (e < tokens.length && res.actorAtToken[e] === res.actorAtToken[k]) e++; return e; };
    const speaks = (x: number) => x >= 0 && res.actors[x].type !== 'location';
    for (let k = s - 1; k >= 0; k--) {
      if (tokens[k].pos !== 'NOUN' && !THING.has(tokens[k].text.toLowerCase()) || tokens[k].lemma.toLowerCase() !== lemma && tokens[k].text.toLowerCase() !== word) continue;
      const sent = tokens[k].sentence;
      // its phrase: determiners, modifiers, names and possessives before it
      let np = k;
      while (np > 0 && tokens[np - 1].sentence === sent && (/^(?:DET|ADJ|NOUN|PROPN|NUM)$/.test(tokens[np - 1].pos) || POSSESSIVE.has(tokens[np - 1].text) || res.actorAtToken[np - 1] >= 0) && k - np < 8) np--;
      // the source of a quote this phrase was the source of
      const source = [...history].reverse().find((x) => x.token >= np && x.token <= k && x.actor >= 0);
      if (source) return source.actor;
      // an actor in the phrase ("the Pentagon statement", "Amnesty's report")
      for (let j = np; j < k; j++) {
        const x = res.actorAtToken[j];
        if (speaks(x)) return x;
      }
      // an actor after "from"/"by" ("a report by Amnesty", "a statement issued by the army")
      let j = k + 1;
      if (tokens[j]?.pos === 'VERB' && /ed$/i.test(tokens[j].text)) j++;
      if (j < tokens.length && ISSUER_AFTER.test(tokens[j].text) && tokens[j].sentence === sent) {
        for (let m = j + 1; m < Math.min(tokens.length, j + 5) && tokens[m].sentence === sent; m++) {
          const x = res.actorAtToken[m];
          if (speaks(x)) {
            const end = actorRun(m);
            // "Ukraine's foreign ministry": the possessed body when it is an actor
            const next = res.actorAtToken[end + 1];
            if (POSSESSIVE.has(tokens[end]?.text ?? '') && speaks(next)) return next;
            return x;
          }
          if (!/^(?:DET|ADJ|NOUN|PROPN|NUM)$/.test(tokens[m].pos)) break;
        }
      }
      // a capitalised author ("a Quinnipiac poll")
      if (np < k && /^\p{Ll}/u.test(tokens[k].text)) {
        const author = this.ownerOf(np, k, s, e);
        if (author >= 0) return author;
      }
      // "X issued a statement", "X said in a statement", "X wrote in a letter to …"
      const before = np - 1;
      if (before >= 0 && tokens[before].sentence === sent) {
        let v = -1;
        if (tokens[before].pos === 'VERB' && ISSUING.test(tokens[before].lemma.toLowerCase())) v = before;
        else if (/^(?:out|up)$/i.test(tokens[before].text) && before > 0 && ISSUING.test(tokens[before - 1].lemma.toLowerCase())) v = before - 1;
        else if (/^(?:in|through|via|with)$/i.test(tokens[before].text)) {
          for (let m = before - 1; m >= 0 && m >= before - 4 && tokens[m].sentence === sent; m--) if (tokens[m].pos === 'VERB') { v = m; break; }
        }
        if (v >= 0) {
          const x = this.subjectOf(v, history);
          if (x >= 0) return x;
        }
      }
    }
    if (!STATEMENT.test(word) && !STATEMENT.test(lemma)) return -1;
    const para = this.doc.sentences[tokens[s].sentence].paragraph;
    const last = [...history].reverse().find((x) => x.token < s);
    if (last && last.actor >= 0 && speaks(last.actor) && this.doc.sentences[tokens[last.token].sentence].paragraph >= para - 2) return last.actor;
    return -1;
  }

  /**
   * The subject of the verb at token `v` as an actor, or -1: the source of a quote recorded before
   * the verb in its sentence (`history`), else the last actor named before the verb in its sentence
   * that is neither a place nor a modifier (followed by a possessive mark or a noun in lower case:
   * "Clinton's", "Russian officials"), else the body a definite description opening the sentence
   * refers to ("The group is running ads").
   */
  private subjectOf(v: number, history: SpeakerHistory): number {
    const { tokens } = this.doc;
    const res = this.res;
    const sent = tokens[v].sentence;
    const start = this.doc.sentences[sent].tokenStart;
    const src = [...history].reverse().find((x) => x.token < v && x.token >= start && x.actor >= 0);
    if (src) return src.actor;
    for (let k = v - 1; k >= start; k--) {
      const x = res.actorAtToken[k];
      if (x < 0 || res.actors[x].type === 'location') continue;
      const next = tokens[k + 1];
      if (next && res.actorAtToken[k + 1] !== x && (POSSESSIVE.has(next.text) || next.pos === 'NOUN' && /^\p{Ll}/u.test(next.text))) continue;
      return x;
    }
    // a definite description opening the sentence ("The group is also running ads"): the body it
    // names before (speaker.ts `definiteAntecedent`)
    let e = start;
    while (e < v && /^(?:DET|ADJ|NOUN)$/.test(tokens[e].pos)) e++;
    return e > start + 1 ? definiteAntecedent(this.doc, res, { start, end: e }, new Uint8Array(tokens.length)) : -1;
  }

  /**
   * The author of a document, poll or data source phrase (mention `[s, e)`) named by capitalised
   * words before its head (tokens `[a, h)`): "the Monmouth poll", "a CNN/WMUR poll", "a Wall Street
   * Journal article" (an organization), "Mr. Hurt's book", "Bush's Facebook post" (the person of
   * the text with that surname, else a person); a capitalised adjective or adverb opening the
   * sentence ("Only 24 percent") is no name. The head must be written in lower case (a Title
   * Case headline's "New Poll Shows" names no one); -1 when no name precedes the head. The poll or
   * document speaks for its author: PolNeAR counts the phrase as the source, and the contract's
   * actor types have no documents (held-out tenth of train: a fifth of the sources left without
   * an actor were such phrases, several with their author named).
   */
  private ownerOf(a: number, h: number, s: number, e: number): number {
    const { tokens } = this.doc;
    if (h >= e || !/^\p{Ll}/u.test(tokens[h].text)) return -1;
    const cap = (k: number) => /^\p{Lu}/u.test(tokens[k].text) && !/^(?:ADJ|ADV)$/.test(tokens[k].pos) || HONORIFIC.test(tokens[k].text) ||
      /^[-/&.]$/.test(tokens[k].text) && k > a && /^\p{Lu}/u.test(tokens[k - 1].text) && tokens[k - 1].end === tokens[k].start;
    let r0 = a;
    while (r0 < h && !cap(r0)) r0++;
    // a modifier opening the sentence ("New polls …", "Recent polling …", "Exit polling …"), or a
    // capitalised word there that the text also writes in lower case, is no name
    const low0 = r0 < h ? tokens[r0].text.toLowerCase() : '';
    if (r0 < h && r0 === this.doc.sentences[tokens[r0].sentence].tokenStart && !this.namedMidSentence(tokens[r0].text) &&
      (OPENING_MODIFIER.test(low0) || this.texts().all.has(low0))) {
      r0++;
      while (r0 < h && !cap(r0)) r0++;
    }
    if (r0 >= h) return -1;
    let r1 = r0;
    while (r1 < h && cap(r1)) r1++;
    while (r1 > r0 && /^[-/&.]$/.test(tokens[r1 - 1].text)) r1--;
    const honorific = HONORIFIC.test(tokens[r0].text);
    let n0 = r0;
    while (n0 < r1 && (HONORIFIC.test(tokens[n0].text) || tokens[n0].text === '.')) n0++;
    if (n0 >= r1 || r1 - n0 > 5) return -1;
    // only modifiers between the name and the head ("'s", "own", "fresh", "published", a year)
    for (let k = r1; k < h; k++) if (!/^(?:'s|’s|'|’)$/.test(tokens[k].text) && !/^(?:ADJ|NUM|VERB|NOUN)$/.test(tokens[k].pos)) return -1;
    const possessive = r1 < h && /^(?:'s|’s|'|’)$/.test(tokens[r1].text);
    if (honorific || possessive && r1 - n0 <= 2) {
      const person = this.personBySurname(norm(tokens[r1 - 1].text), s);
      if (person >= 0) return this.mentionOf(person, s, e, 'title');
      if (honorific) return this.add(s, e, n0, 'person', true, '', r1);
    }
    const acronym = r1 - n0 === 1 && /^\p{Lu}{2,}$/u.test(tokens[n0].text);
    const type: ActorType = possessive && !acronym && !tokens.slice(n0, r1).some((t) => ORG_WORD.test(t.text)) && r1 - n0 === 2 ? 'person' : 'organization';
    return this.add(s, e, n0, type, true, '', r1);
  }

  /**
   * The end of a source phrase `[s, e)` without a clause that qualifies its noun: cut before a
   * subject pronoun or auxiliary that follows a noun ("Several people I've spoken with" →
   * "Several people"), and a phrase longer than eight tokens before its first adjunct preposition
   * after a noun ("lawyers with the … Project" → "lawyers"). Returns the new end (`e` when no cut).
   */
  private phraseEnd(s: number, e: number): number {
    const { tokens } = this.doc;
    for (let k = s + 1; k < e; k++) {
      if (!/^(?:NOUN|PROPN)$/.test(tokens[k - 1].pos)) continue;
      if (tokens[k].pos === 'PRON' && /^(?:i|we|you|he|she|they)$/i.test(tokens[k].text) || tokens[k].pos === 'AUX') return k;
      // a participle after the noun opens a reduced clause ("New polls released Sunday", "People
      // briefed on the move", "many people jogging and walking")
      if (tokens[k].pos === 'VERB' && /^\p{Ll}+(?:ed|en|ing)$/u.test(tokens[k].text) && k + 1 < e) return k;
    }
    if (e - s <= 8) return e;
    for (let k = s + 1; k < e; k++) if (tokens[k].pos === 'ADP' && /^(?:in|at|with|from|on)$/i.test(tokens[k].text) && /^(?:NOUN|PROPN)$/.test(tokens[k - 1].pos)) return k;
    return e;
  }

  /**
   * The writer of the article as the speaker of a first-person source outside quotation marks
   * ("I think …", "we know …" in an opinion piece or a reporter's first-person account): one
   * person actor per document, named by the byline when the article has one, else "the author";
   * the pronoun (token range `span`) is its mention. Returns its index.
   */
  author(span: TokenSpan): number {
    const name = this.doc.article.byline[0] ?? 'the author';
    const idx = this.add(span.start, span.end, span.start, 'person', false, '', span.end, `author:${name}`);
    this.res.actors[idx].name = name;
    return idx;
  }

  /**
   * The person a second-person source outside quotation marks addresses ("If you prefer to …" in
   * an opinion piece: the reader; "Q: Do you think …" in an interview: the one interviewed): one
   * person actor per document, "the addressee", the pronoun (token range `span`) its mention; the
   * counterpart of `author`. PolNeAR marks such a "you" as the source (held-out tenths of train).
   * Returns its index.
   */
  addressee(span: TokenSpan): number {
    const idx = this.add(span.start, span.end, span.start, 'person', false, '', span.end, 'addressee:');
    this.res.actors[idx].name = 'the addressee';
    return idx;
  }

  /** Add the mention `[s, e)` to actor `idx` (its tokens then point to it); returns idx. */
  private mentionOf(idx: number, s: number, e: number, kind: 'name' | 'title'): number {
    const { tokens, text } = this.doc;
    const actor = this.res.actors[idx];
    actor.mentions.push({ start: tokens[s].start, end: tokens[e - 1].end, text: text.slice(tokens[s].start, tokens[e - 1].end), tokenStart: s, tokenEnd: e, kind });
    actor.mentions.sort((x, y) => x.start - y.start);
    for (let k = s; k < e; k++) this.res.actorAtToken[k] = idx;
    return idx;
  }

  /**
   * The source actor named by tokens `[a, nameEnd)` (its mention `[s, e)`): the one of that type
   * and name made before in the document, else a new actor; `prefix` opens the name ("Donald Trump's ").
   */
  private add(s: number, e: number, a: number, type: ActorType, isName: boolean, prefix: string, nameEnd = e, key0?: string): number {
    const { tokens, text } = this.doc;
    const name = prefix + text.slice(tokens[a].start, tokens[nameEnd - 1].end);
    const key = key0 ?? `${type}:${norm(name)}`;
    let idx = this.byKey.get(key);
    if (idx === undefined) {
      idx = this.res.actors.length;
      const actor: ResolvedActor = {
        id: `a${idx + 1}`, name, type, country: null, code: null, description: null, mentions: [], dictId: null, origin: 'rule',
      };
      this.res.actors.push(actor);
      this.byKey.set(key, idx);
    }
    const actor = this.res.actors[idx];
    actor.mentions.push({
      start: tokens[s].start, end: tokens[e - 1].end, text: text.slice(tokens[s].start, tokens[e - 1].end),
      tokenStart: s, tokenEnd: e, kind: isName ? 'name' : type === 'group' ? 'group' : 'title',
    });
    actor.mentions.sort((x, y) => x.start - y.start);
    for (let k = s; k < e; k++) this.res.actorAtToken[k] = idx;
    return idx;
  }

  /** Whether `word` occurs capitalised inside a sentence (not as its first token). */
  private namedMidSentence(word: string): boolean {
    return this.texts().mid.has(word);
  }

  private textCache: { all: Set<string>; mid: Set<string> } | null = null;
  /** The document's token texts: all of them, and those written inside a sentence (not opening it); built once. */
  private texts(): { all: Set<string>; mid: Set<string> } {
    if (!this.textCache) {
      const { tokens, sentences } = this.doc;
      const all = new Set<string>(), mid = new Set<string>();
      tokens.forEach((t, k) => { all.add(t.text); if (sentences[t.sentence].tokenStart !== k) mid.add(t.text); });
      this.textCache = { all, mid };
    }
    return this.textCache;
  }

  /** A person actor whose last name word is `surname` (normalised): mentioned last before token `before`, else the first one. */
  private personBySurname(surname: string, before: number): number {
    let best = -1, bestAt = -1;
    this.res.actors.forEach((x, i) => {
      if (x.type !== 'person') return;
      const parts = norm(x.name).split(/[\s]+/);
      if (parts[parts.length - 1] !== surname && !(parts.length > 1 && parts[0] === surname && /^\p{Lu}/u.test(x.name))) return;
      if (parts.length === 1 && i >= this.base.actors.length) return; // another bare source name: found by key
      const at = Math.max(-1, ...x.mentions.filter((m) => m.tokenStart < before).map((m) => m.tokenStart));
      if (best < 0 || at > bestAt) { best = i; bestAt = at; }
    });
    return best;
  }
}
