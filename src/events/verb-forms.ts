/**
 * Inflected forms of the pattern verbs ("sent" → send, "tortured" → torture, "lifts" → lift), so
 * that a verb the part-of-speech tagger mislabels as a noun or adjective still triggers its
 * pattern. wink-nlp's tagger reads many sentence-medial past tenses as nouns ("The US military
 * sent/NOUN 200 troops", "Police tortured/NOUN the inmate"); the event coder then accepts such a
 * token as a verb only in a verb's position (see `verbPosition` in src/events/index.ts).
 *
 * Regular forms follow English spelling rules (e-drop, y → ie/ied, consonant doubling after a
 * stressed short vowel for one-syllable stems); irregular past forms are our own list of common
 * English irregular verbs. The bare lemma is never included: "attack" or "visit" written alone is
 * as often a noun, and the noun patterns cover it.
 */

/** Irregular past tense and past participle forms → lemma (our own list). */
const IRREGULAR: Record<string, string> = {
  sent: 'send', took: 'take', taken: 'take', gave: 'give', given: 'give', held: 'hold', met: 'meet', fought: 'fight',
  struck: 'strike', stricken: 'strike', shot: 'shoot', froze: 'freeze', frozen: 'freeze', threw: 'throw', thrown: 'throw',
  led: 'lead', brought: 'bring', told: 'tell', said: 'say', made: 'make', began: 'begin', begun: 'begin', withdrew: 'withdraw',
  withdrawn: 'withdraw', drove: 'drive', driven: 'drive', sought: 'seek', spoke: 'speak', spoken: 'speak', broke: 'break',
  broken: 'break', beat: 'beat', beaten: 'beat', bought: 'buy', kept: 'keep', left: 'leave', won: 'win', lost: 'lose',
  overran: 'overrun', undertook: 'undertake', undertaken: 'undertake', forbade: 'forbid', forbidden: 'forbid', stole: 'steal',
  stolen: 'steal', swore: 'swear', sworn: 'swear', rode: 'ride', flew: 'fly', flown: 'fly', fled: 'flee', laid: 'lay',
  paid: 'pay', ran: 'run', rose: 'rise', risen: 'rise', stood: 'stand', wrote: 'write', written: 'write', chose: 'choose',
  chosen: 'choose', shook: 'shake', shaken: 'shake', drew: 'draw', drawn: 'draw', found: 'find', fed: 'feed', dealt: 'deal',
  sold: 'sell', upheld: 'uphold', overthrew: 'overthrow', overthrown: 'overthrow', withheld: 'withhold', forgave: 'forgive',
  forgiven: 'forgive', bound: 'bind', hid: 'hide', hidden: 'hide', bore: 'bear', borne: 'bear', slew: 'slay', slain: 'slay',
  blew: 'blow', blown: 'blow', woke: 'wake', overtook: 'overtake', overtaken: 'overtake', shut: 'shut', cut: 'cut', hit: 'hit',
  set: 'set', put: 'put', quit: 'quit', spread: 'spread', cast: 'cast', upset: 'upset', beset: 'beset', sped: 'speed',
  lent: 'lend', spent: 'spend', built: 'build', dug: 'dig', hung: 'hang', sank: 'sink', sunk: 'sink', swept: 'sweep',
  knelt: 'kneel', went: 'go', gone: 'go', came: 'come', saw: 'see', seen: 'see', did: 'do', done: 'do',
};

const VOWEL = /[aeiou]/;

/** Regular inflections of a lemma: 3rd person -s, past -ed, gerund -ing. */
export function regularForms(lemma: string): string[] {
  if (!/^[a-z]+$/.test(lemma)) return [];
  const out: string[] = [];
  // -s
  if (/(?:s|x|z|ch|sh|o)$/.test(lemma)) out.push(`${lemma}es`);
  else if (/[^aeiou]y$/.test(lemma)) out.push(`${lemma.slice(0, -1)}ies`);
  else out.push(`${lemma}s`);
  // -ed, -ing
  if (lemma.endsWith('e')) { out.push(`${lemma}d`, `${lemma.slice(0, -1)}ing`); }
  else if (/[^aeiou]y$/.test(lemma)) { out.push(`${lemma.slice(0, -1)}ied`, `${lemma}ing`); }
  else if (/^[^aeiou]*[aeiou][^aeiouwxy]$/.test(lemma) && (lemma.match(VOWEL) ?? []).length === 1) {
    // one-syllable stems ending consonant-vowel-consonant double the consonant: ban → banned
    const c = lemma[lemma.length - 1];
    out.push(`${lemma}${c}ed`, `${lemma}${c}ing`);
  } else out.push(`${lemma}ed`, `${lemma}ing`);
  return out;
}

/**
 * Map of inflected form → lemma for the given verb lemmas (the pattern index's verbs): regular
 * forms plus the irregular forms whose lemma is among them. The lemma itself is left out.
 */
export function verbFormIndex(lemmas: Iterable<string>): Map<string, string> {
  const wanted = new Set(lemmas);
  const out = new Map<string, string>();
  for (const l of wanted) for (const f of regularForms(l)) if (f !== l && !out.has(f)) out.set(f, l);
  for (const [f, l] of Object.entries(IRREGULAR)) if (wanted.has(l)) out.set(f, l);
  return out;
}
