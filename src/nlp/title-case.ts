/**
 * Title Case detection for headlines set in a page's body or a corpus's text field: in such a
 * sentence capitals carry no information about names, and verbs are tagged as proper nouns.
 */

/** Words of four letters or more that Title Case style (AP, Chicago) may leave in lower case. */
const MINOR = new Set(['with', 'from', 'over', 'into', 'after', 'amid', 'about', 'against', 'upon', 'than', 'that', 'this', 'onto', 'near',
  'under', 'before', 'without', 'within', 'during', 'through', 'across', 'since', 'until', 'despite', 'toward', 'towards', 'among', 'while']);

/**
 * Is the sentence `[from, to)` a Title Case headline: after its first word, at least three words
 * of four or more letters, every one of them capitalised except the prepositions and conjunctions
 * that Title Case leaves in lower case? ("Rebel Group Releases Hostages in Border Town"; not "The
 * Harare Herald said Fidelis Mukonori met Timur Bekov", whose "said" is lower case.)
 */
export function isTitleCase(tokens: Array<{ text: string }>, from: number, to: number): boolean {
  let caps = 0;
  for (let i = from + 1; i < to; i++) {
    const w = tokens[i].text;
    if (!/^\p{L}{4,}$/u.test(w)) continue;
    if (/^\p{Lu}/u.test(w)) caps++;
    else if (!MINOR.has(w)) return false;
  }
  return caps >= 3;
}
