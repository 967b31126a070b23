/**
 * Source and target of an event trigger from the dependency parse (issue 8, "who did what to
 * whom, from syntax"). Works on the Universal Dependencies relations of our parser
 * (src/nlp/parser, trained on UD English EWT; relation names as in UD v2).
 *
 * For a verb trigger:
 * - source: its `nsubj`; in the passive (`nsubj:pass`) the `obl:agent` ("was ousted by X") and the
 *   subject becomes the target. A verb with no subject of its own takes it from the verb it
 *   depends on: `xcomp` (subject control, "agreed to provide"; object control when the governing
 *   verb has an object, "asked the CSTO to send"), `conj` (shared subject, "attacked … and
 *   killed"), non-finite `advcl` ("…, killing five"); a participle `acl` takes the noun it
 *   modifies ("troops sent by Russia": passive, the noun is the target; "forces attacking the
 *   city": the noun is the source); a relative pronoun subject ("who", "which", "that") stands
 *   for the noun the relative clause modifies.
 * - target: an `obl`/`nmod` argument introduced by one of the pattern's prepositions; else the
 *   direct object (`obj`, then `iobj`) when it is not the pattern's theme word ("request help");
 *   else the same inside an `xcomp` ("offered to hand over to Britain").
 * For a noun trigger: source is its `nmod:poss` ("Russia's invasion"), an `nmod` with "by", or the
 * subject of the verb it is the object of ("launched an assault", "held talks"); target an
 * `nmod` (or the light verb's `obl`) with one of the pattern's prepositions.
 *
 * The functions return token indices of argument heads (or -1); `phraseActor` in
 * src/events/index.ts maps a head to the actor named in its phrase.
 */
import type { ParseView, Token } from '../types.js';

/** Argument heads of one trigger: token indices or -1; `passive` when the trigger is a passive verb. */
export interface ArgumentHeads {
  source: number;
  target: number;
  passive: boolean;
}

/** Clausal relations: an argument's phrase never extends across one of these. */
export const CLAUSAL = new Set(['acl', 'acl:relcl', 'advcl', 'ccomp', 'xcomp', 'parataxis', 'csubj', 'list', 'discourse', 'vocative', 'dislocated']);
const RELATIVE = new Set(['who', 'which', 'that', 'whom']);
/**
 * Object-control verbs: the object of "asked X to V" is the subject of V (our list of the common
 * English verbs of asking, ordering, enabling and causing; Huddleston & Pullum 2002, ch. 14).
 */
export const OBJECT_CONTROL = new Set([
  'ask', 'urge', 'tell', 'order', 'force', 'persuade', 'invite', 'encourage', 'allow', 'permit', 'press', 'pressure', 'push',
  'instruct', 'authorize', 'authorise', 'help', 'enable', 'expect', 'want', 'need', 'require', 'compel', 'oblige', 'advise', 'warn',
  'remind', 'request', 'appeal', 'beg', 'lead', 'cause', 'get', 'convince', 'inspire', 'prompt', 'direct', 'command', 'empower',
  'mandate', 'commission', 'task', 'entrust', 'recruit', 'train', 'teach', 'challenge', 'dare', 'pay', 'hire', 'choose', 'elect',
  'appoint', 'nominate', 'select', 'prefer', 'like', 'trust', 'implore', 'exhort', 'petition', 'lobby', 'motivate', 'tempt',
]);
/** Verbs that attribute an act to their object ("accused Armenia of shelling"). */
export const ACCUSE_VERBS = new Set(['accuse', 'blame', 'charge', 'suspect', 'condemn', 'criticize', 'criticise', 'fault', 'denounce']);
/** Nouns of a message that a subject issues and that then "calls", "urges" or "demands" for it. */
const MESSAGE_NOUNS = new Set(['statement', 'statements', 'letter', 'appeal', 'communique', 'communiqué', 'resolution', 'declaration', 'message', 'report', 'plea', 'call']);

/** Children lists of a parse (index: token → child token indices, in text order). */
export function childrenOf(parse: ParseView): number[][] {
  const out: number[][] = Array.from({ length: parse.head.length }, () => []);
  for (let i = 0; i < parse.head.length; i++) if (parse.head[i] >= 0) out[parse.head[i]].push(i);
  return out;
}

/** A syntax view for argument finding: the parse, its children lists and the tokens. */
export interface SyntaxView {
  parse: ParseView;
  children: number[][];
  tokens: Token[];
  lower: string[];
}

const rel = (v: SyntaxView, i: number) => v.parse.relation[i] ?? '';
/** The preposition (`case` child) of a nominal, lower case, or '' (multiword "on behalf of" keeps its first word). */
export function caseOf(v: SyntaxView, i: number): string {
  for (const c of v.children[i]) if (rel(v, c) === 'case') return v.lower[c];
  return '';
}

/**
 * Subject of a predicate: `{ head, passive }` with `head` -1 when none is found. Climbs at most
 * three governing predicates (see the module comment for the relations it follows).
 */
export function subjectOf(v: SyntaxView, pred: number, depth = 0): { head: number; passive: boolean } {
  // a reduced passive with its own subject ("with Nazarbaev removed from his post", "Masimov,
  // ousted as head"): a bare participle in a modifier clause, with no auxiliary, object or marker
  // (an absolute "with X V-ed", or a comma between subject and participle; a relative clause
  // with its object gapped, "the village they captured", is active)
  const reduced = /(?:ed|en)$/.test(v.lower[pred]) && /^(?:advcl|acl|acl:relcl)$/.test(rel(v, pred)) &&
    !v.children[pred].some((c) => /^(?:aux|aux:pass|obj|mark|cop)$/.test(rel(v, c))) &&
    v.children[pred].some((c) => (rel(v, c) === 'case' && v.lower[c] === 'with') ||
      ((rel(v, c) === 'nsubj') && v.lower.slice(c + 1, pred).includes(',')));
  // two subjects is a parse error ("Kosovo/nsubj Prime Minister Albin/nsubj Kurti met"): the one
  // nearest before the predicate is the head of the subject phrase
  const subjects = v.children[pred].filter((c) => rel(v, c) === 'nsubj' || rel(v, c) === 'nsubj:pass');
  const before = subjects.filter((c) => c < pred);
  const nearest = before[before.length - 1];
  // … when nothing but nouns and names stand between them (one phrase split in two)
  const onePhrase = before.length > 1 && v.tokens.slice(before[0] + 1, nearest).every((t) => /^(?:PROPN|NOUN|ADJ)$/.test(t.pos));
  // an infinitive has no subject of its own but after "for" ("for Russia to withdraw"): a noun
  // the parse makes its subject ("called Sergey/nsubj Lavrov to discuss") is the governing verb's
  // object, the infinitive's subject only under object control ("asked Russia to withdraw")
  const toInfinitive = v.children[pred].some((c) => rel(v, c) === 'mark' && v.lower[c] === 'to') && v.parse.head[pred] >= 0;
  for (const c of onePhrase ? [nearest] : v.children[pred]) {
    const r = rel(v, c);
    // a subject after its verb is a parse error in a statement ("Burkina Faso and Niger, both ruled
    // by soldiers, backed Bamako/nsubj"), but for the inverted verbs of saying ("…, said Lavrov")
    // and "there is"; the word-order rules find the subject instead
    if ((r === 'nsubj' || r === 'nsubj:pass') && c > pred && !INVERTING.has(v.tokens[pred].lemma.toLowerCase()) && !v.children[pred].some((x) => rel(v, x) === 'expl')) continue;
    if (toInfinitive && r === 'nsubj' && c < pred && v.lower[c - 1] !== 'for' && !v.children[c].some((x) => v.lower[x] === 'for')) {
      if (OBJECT_CONTROL.has(v.tokens[v.parse.head[pred]].lemma.toLowerCase())) return { head: c, passive: false };
      continue;
    }
    if (r === 'nsubj' || r === 'nsubj:pass') {
      const passive = r === 'nsubj:pass' || reduced;
      // "the forces which attacked": the relative pronoun stands for the noun the clause modifies
      if (RELATIVE.has(v.lower[c]) && rel(v, pred) === 'acl:relcl' && v.parse.head[pred] >= 0) return { head: v.parse.head[pred], passive };
      return { head: c, passive };
    }
  }
  const h = v.parse.head[pred];
  if (h < 0 || depth >= 3) return { head: -1, passive: false };
  const r = rel(v, pred);
  const w = v.lower[pred];
  // a passive auxiliary of its own ("while being accused of treason")
  const ownPassive = hasChild(v, pred, 'aux:pass');
  if (r === 'xcomp') {
    // object control: "asked the CSTO to send troops", "urged Russia to withdraw"; other verbs keep
    // their own subject ("called Lavrov to discuss Syria", "summoned the envoy to complain")
    if (OBJECT_CONTROL.has(v.tokens[h].lemma.toLowerCase())) {
      for (const c of v.children[h]) if ((rel(v, c) === 'obj' || rel(v, c) === 'iobj') && c < pred) return { head: c, passive: false };
    }
    return { head: subjectOf(v, h, depth + 1).head, passive: false };
  }
  if (r === 'conj') {
    // "said the government would not withdraw the law and accused the opposition": a past form
    // cannot share the first conjunct's modal or "to", so it is the reporting verb's conjunct
    const gov = detachedConjunct(v, pred);
    if (gov >= 0) return subjectOf(v, gov, depth + 1);
    const s = subjectOf(v, h, depth + 1);
    // a passive first conjunct does not make the second one passive ("was arrested and charged" stays passive)
    return { head: s.head, passive: ownPassive || (s.passive && /(?:ed|en)$/.test(w) && !hasChild(v, pred, 'obj')) };
  }
  // "Masimov, ousted as head …, while being accused of treason": a subjectless adverbial clause
  // with a passive auxiliary shares the subject of the clause it modifies
  if (r === 'advcl' && ownPassive) return { head: subjectOf(v, h, depth + 1).head, passive: true };
  // "Azerbaijan accused Armenia of shelling": the accused is the subject of the alleged act
  if ((r === 'advcl' || r === 'acl') && ACCUSE_VERBS.has(v.tokens[h].lemma.toLowerCase())) {
    for (const c of v.children[h]) if (rel(v, c) === 'obj' && c < pred) return { head: c, passive: false };
  }
  if (r === 'advcl' && /ing$/.test(w) && pred > 0 && /^(?:PROPN|NOUN)$/.test(v.tokens[pred - 1].pos) && v.parse.head[pred - 1] !== pred) {
    // a gerund right after a noun phrase ("led to President Toqaev requesting help") has that
    // phrase as its subject, whatever attachment the parser chose
    return { head: pred - 1, passive: false };
  }
  if (r === 'advcl' && (/ing$/.test(w) || v.lower[pred - 1] === 'to')) return { head: subjectOf(v, h, depth + 1).head, passive: false };
  if (r === 'acl' && v.children[pred].some((c) => rel(v, c) === 'mark' && v.lower[c] === 'to') && /^(?:obj|iobj)$/.test(rel(v, h)) &&
    v.parse.head[h] >= 0 && OBJECT_CONTROL.has(v.tokens[v.parse.head[h]].lemma.toLowerCase())) {
    // "asked the CSTO to send troops" parsed with the infinitive on the object: object control still
    return { head: h, passive: false };
  }
  if (r === 'acl') {
    // "troops sent by Russia" (passive participle: the noun is the target); "forces attacking the city";
    // but a noun that is the parse's root with nothing before it is the subject of a main verb
    // misread as its modifier ("Soldiers/root clashed/acl with rebels")
    // (or the last conjunct of such a root: "The United States and the European Union/conj called/acl on …")
    if (/(?:ed|en)$/.test(w)) {
      const rootConjunct = rel(v, h) === 'conj' && v.parse.head[h] >= 0 && rel(v, v.parse.head[h]) === 'root' && v.parse.head[h] < h;
      let first = rootConjunct ? v.parse.head[h] : h;
      while (first > 0 && v.tokens[first - 1].sentence === v.tokens[h].sentence && /^(?:DET|ADJ|PROPN|NOUN|NUM)$/.test(v.tokens[first - 1].pos)) first--;
      const opensSentence = first === 0 || v.tokens[first - 1].sentence !== v.tokens[h].sentence;
      return { head: h, passive: !((rel(v, h) === 'root' || rootConjunct) && opensSentence) };
    }
    if (/ing$/.test(w)) {
      // "issued a statement calling on X": a message noun speaks for the subject of its verb
      if (MESSAGE_NOUNS.has(v.lower[h]) && rel(v, h) === 'obj' && v.parse.head[h] >= 0) return { head: subjectOf(v, v.parse.head[h], depth + 1).head, passive: false };
      return { head: h, passive: false };
    }
  }
  return { head: -1, passive: false };
}

function hasChild(v: SyntaxView, i: number, r: string): boolean {
  return v.children[i].some((c) => rel(v, c) === r);
}

/** Prepositions of place: a phrase they introduce is a target only when the verb has no object. */
const PLACE_PREPS = new Set(['in', 'at', 'inside', 'near', 'across', 'throughout']);
const TIME_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may',
  'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep',
  'sept', 'oct', 'nov', 'dec', 'day', 'days', 'week', 'weeks', 'weekend', 'month', 'months', 'year', 'years', 'morning', 'afternoon',
  'evening', 'night', 'today', 'tonight', 'yesterday', 'tomorrow', 'anniversary', 'eve', 'occasion', 'time', 'hours', 'hour',
]);
/** Is the nominal at `i` a time expression ("on Friday", "on March 3", "on the 13th", "in 2008")? */
export function isTimeWord(v: SyntaxView, i: number): boolean {
  return TIME_WORDS.has(v.lower[i]) || /^\d+(?:st|nd|rd|th|s)?$/.test(v.lower[i]);
}

/** The `obl:agent` (or an `obl` with "by") of a passive predicate, or -1. */
export function agentOf(v: SyntaxView, pred: number): number {
  for (const c of v.children[pred]) if (rel(v, c) === 'obl:agent' || (rel(v, c) === 'obl' && caseOf(v, c) === 'by')) return c;
  return -1;
}

/**
 * Target of a predicate for a pattern: a prepositional argument whose preposition is in `preps`,
 * else the direct object (skipping the pattern's theme words), else inside an `xcomp` or a
 * theme object's own prepositional modifiers. A theme object that names an actor (`isActor`
 * true at its head: "freed prisoners", "released two journalists") is the target itself: CAMEO
 * codes the people released, returned or expelled as the target (codebook v1.1b3, code 0841).
 * Returns a token index or -1.
 */
export function targetOf(v: SyntaxView, pred: number, preps: string[], theme: string[], depth = 0, isActor: (i: number) => boolean = () => false): number {
  const kids = v.children[pred];
  const isTheme = (i: number) => (theme.includes(v.lower[i]) || theme.includes(v.tokens[i].lemma.toLowerCase())) && !isActor(i);
  // the pattern's prepositions in their order ("to" before "on"); a time phrase ("on Friday") is no
  // target; a place phrase ("in", "at") only when the verb has no direct object ("intervened in
  // Syria", but "attacked Hezbollah in southern Lebanon" targets Hezbollah)
  const hasObject = kids.some((c) => rel(v, c) === 'obj');
  for (const pr of preps) {
    if (hasObject && PLACE_PREPS.has(pr)) continue;
    for (const c of kids) if ((rel(v, c) === 'obl' || rel(v, c) === 'nmod' || rel(v, c) === 'obl:arg') && caseOf(v, c) === pr && !isTimeWord(v, c)) return c;
  }
  for (const r of ['obj', 'iobj']) {
    for (const c of kids) {
      if (rel(v, c) !== r) continue;
      if (isTheme(c)) {
        // "requested help from the CSTO": the theme's own modifier
        for (const g of v.children[c]) if (rel(v, g) === 'nmod' && preps.includes(caseOf(v, g)) && !isTimeWord(v, g)) return g;
        // deeper in a long theme ("returned a pendant engraved with the image of Peter the Great to
        // Russian authorities"): the parser often hangs the recipient on the theme's last word; the
        // first such phrase after the theme, through modifiers and participles but no relative clause
        const queue = [...v.children[c]];
        for (let qi = 0; qi < queue.length && qi < 40; qi++) {
          const g = queue[qi];
          if (rel(v, g) === 'acl:relcl' || rel(v, g) === 'conj') continue;
          if (g > c && (rel(v, g) === 'nmod' || rel(v, g) === 'obl') && preps.includes(caseOf(v, g)) && !isTimeWord(v, g)) return g;
          queue.push(...v.children[g]);
        }
        continue;
      }
      return c;
    }
  }
  if (depth < 1) for (const c of kids) if (rel(v, c) === 'xcomp') { const t = targetOf(v, c, preps, theme, depth + 1, isActor); if (t >= 0) return t; }
  return -1;
}

/** Argument heads of a verb trigger at token `k`; `isActor` as for `targetOf`. */
export function verbArguments(v: SyntaxView, k: number, preps: string[], theme: string[], isActor?: (i: number) => boolean): ArgumentHeads {
  const subj = subjectOf(v, k);
  if (subj.passive) {
    // a passive whose subject is the pattern's theme ("Sanctions were imposed on Belarus by the EU"):
    // the target is the prepositional argument, as in the active
    const themeSubject = subj.head >= 0 && (theme.includes(v.lower[subj.head]) || theme.includes(v.tokens[subj.head].lemma.toLowerCase())) && !isActor?.(subj.head);
    return { source: agentOf(v, k), target: themeSubject ? targetOf(v, k, preps, theme, 0, isActor) : subj.head, passive: true };
  }
  let target = targetOf(v, k, preps, theme, 0, isActor);
  // a relative clause with its object gapped ("a village they captured"): the noun it modifies
  const h = v.parse.head[k];
  if (target < 0 && rel(v, k) === 'acl:relcl' && h >= 0 && subj.head >= 0 && subj.head !== h && !hasChild(v, k, 'obj')) target = h;
  return { source: subj.head, target, passive: false };
}

/**
 * Verbs that comment on an act named as their object ("condemned the bombing", "welcomed the
 * release"), or that meet or suffer it ("repelled an attack", "foiled a coup", "survived an
 * assassination attempt"): the act is another's.
 */
export const COMMENT_VERBS = new Set(['condemn', 'denounce', 'criticize', 'criticise', 'welcome', 'praise', 'blame', 'deplore', 'hail', 'applaud',
  'investigate', 'protest', 'mourn', 'report', 'deny', 'claim', 'confirm', 'describe', 'call', 'decry', 'slam', 'regret', 'commend', 'rule', 'dismiss', 'thank',
  'repel', 'repulse', 'foil', 'thwart', 'survive', 'withstand', 'suffer', 'prevent', 'resist', 'avert']);
/** Argument heads of a noun trigger at token `k` (see the module comment). */
export function nounArguments(v: SyntaxView, k: number, preps: string[]): ArgumentHeads {
  let source = -1, target = -1;
  for (const c of v.children[k]) {
    const r = rel(v, c);
    // a possessive pronoun ("throwing its support") is left to the light verb's subject below
    if (r === 'nmod:poss' && source < 0 && v.tokens[c].pos !== 'PRON') source = c;
    else if (r === 'nmod' && caseOf(v, c) === 'by' && source < 0) source = c;
    else if (r === 'nmod' && preps.includes(caseOf(v, c)) && target < 0) target = c;
  }
  // an adjective or noun predicate ("IMA said it is skeptical of …"): its own subject
  if (source < 0) for (const c of v.children[k]) if (rel(v, c) === 'nsubj') { source = c; break; }
  const h = v.parse.head[k];
  // the passive subject of a verb ("Sanctions were imposed on Belarus by the EU"): the verb's agent
  // and prepositional argument
  if (h >= 0 && rel(v, k) === 'nsubj:pass') {
    if (source < 0) source = agentOf(v, h);
    if (target < 0) for (const c of v.children[h]) if (rel(v, c) === 'obl' && preps.includes(caseOf(v, c)) && !isTimeWord(v, c)) { target = c; break; }
  }
  // the object of a light verb ("launched an assault", "held talks"), or its "with" phrase
  // ("reinforced its commitment with a contribution")
  // (not of a verb that comments on another's act: "condemned the bombing" is no bombing by the condemner)
  if (h >= 0 && v.tokens[h].pos === 'VERB' && !COMMENT_VERBS.has(v.tokens[h].lemma.toLowerCase()) && (rel(v, k) === 'obj' || (rel(v, k) === 'obl' && caseOf(v, k) === 'with'))) {
    if (source < 0) { const s = subjectOf(v, h); if (!s.passive) source = s.head; }
    if (target < 0) for (const c of v.children[h]) if (rel(v, c) === 'obl' && preps.includes(caseOf(v, c))) { target = c; break; }
  }
  return { source, target, passive: false };
}

/** Verbs whose subject may follow them in a statement: quotative inversion ("…, said Lavrov", "added the minister") and being ("there were clashes"). */
const INVERTING = new Set(['say', 'tell', 'add', 'write', 'report', 'announce', 'declare', 'note', 'warn', 'ask', 'reply', 'respond', 'insist', 'explain', 'continue', 'be', 'come', 'follow', 'remain']);

const MODALS = new Set(['would', 'will', 'could', 'can', 'may', 'might', 'should', 'must', 'shall', "'ll", 'wo']);

/**
 * For a verb `k` the parse conjoins to a base-form verb under a modal or "to" ("would not withdraw
 * the law and accused …", "to respect the right … and urged them"): when `k` is an inflected past
 * form of its own, which no modal or "to" can govern, the verb that governs the first conjunct
 * (the reporting or asking verb both belong to); else -1. English grammar: a modal or infinitival
 * "to" takes a bare verb, so a past form after "and" starts a predicate of the higher clause; and
 * a gerund's conjunct is a gerund, so a verb of another form after "and" does too.
 */
export function detachedConjunct(v: SyntaxView, k: number): number {
  if (rel(v, k) !== 'conj') return -1;
  const h = v.parse.head[k];
  if (h < 0) return -1;
  const form = v.lower[k];
  // a gerund's clause ("accused Rwanda of backing the rebels and cut ties with Kigali"): a verb
  // after "and" that is no gerund ("cut", "expelled") cannot share the gerund's "of", so it is a
  // predicate of the clause the gerund depends on (a base-looking past form too)
  if (v.tokens[h].pos === 'VERB' && /ing$/.test(v.lower[h]) && /^(?:advcl|acl)$/.test(rel(v, h)) && v.tokens[k].pos === 'VERB' &&
    !/ing$/.test(form) && !v.children[k].some((c) => /^(?:aux|nsubj|mark)/.test(rel(v, c))) && v.parse.head[h] >= 0 && v.tokens[v.parse.head[h]].pos === 'VERB') {
    return v.parse.head[h];
  }
  if (form === v.tokens[k].lemma.toLowerCase() || /(?:ing|s)$/.test(form) || v.children[k].some((c) => /^aux/.test(rel(v, c)))) return -1;
  // (a reported copular clause, "said the result was null and accused the chairman": the act
  // conjoined to its predicate is the reporter's, as a verb of its own after "and")
  if (v.tokens[h].pos !== 'VERB' && rel(v, h) === 'ccomp' && hasChild(v, h, 'cop') && v.tokens[k].pos === 'VERB') return v.parse.head[h];
  if (v.tokens[h].pos !== 'VERB' || v.lower[h] !== v.tokens[h].lemma.toLowerCase()) return -1;
  const governed = v.children[h].some((c) => (rel(v, c) === 'aux' && MODALS.has(v.lower[c])) || (rel(v, c) === 'mark' && v.lower[c] === 'to'));
  if (!governed || !/^(?:ccomp|xcomp|advcl)$/.test(rel(v, h))) return -1;
  return v.parse.head[h];
}

/** Nouns of number or group whose "of" phrase names the participants ("tens of thousands of protesters", "a group of rebels"). */
const QUANTITY_NOUNS = new Set(['tens', 'hundreds', 'thousands', 'millions', 'dozens', 'scores', 'dozen', 'hundred', 'thousand', 'million',
  'group', 'groups', 'number', 'crowd', 'crowds', 'majority', 'handful', 'band', 'contingent', 'unit', 'units']);

/**
 * Tokens of an argument's phrase, breadth first from its head (the head first, then its
 * dependents by depth, an apposition before the other dependents), never entering a clausal
 * dependent (`CLAUSAL`). Conjuncts come after the first conjunct's own words.
 */
export function phraseTokens(v: SyntaxView, head: number): number[] {
  const out: number[] = [head];
  const later: number[] = [];
  for (let i = 0; i < out.length; i++) {
    // an apposition names the same referent more precisely ("the Palestinian president, Mahmoud
    // Abbas"): it comes before the head's modifiers
    const kids = v.children[out[i]];
    const ordered = kids.some((c) => rel(v, c) === 'appos') ? [...kids.filter((c) => rel(v, c) === 'appos'), ...kids.filter((c) => rel(v, c) !== 'appos')] : kids;
    // a quantity's "of" phrase names what is counted ("tens of thousands of protesters outside
    // parliament"): it comes whole, before the quantity's other modifiers
    const counted = QUANTITY_NOUNS.has(v.lower[out[i]]) ? ordered.find((c) => rel(v, c) === 'nmod' && caseOf(v, c) === 'of') : undefined;
    if (counted !== undefined) out.push(...phraseTokens(v, counted));
    for (const c of ordered) {
      const r = rel(v, c);
      if (CLAUSAL.has(r) || c === counted) continue;
      if (r === 'conj') later.push(c); else out.push(c);
    }
  }
  for (const c of later) for (const t of phraseTokens(v, c)) out.push(t);
  return out;
}
