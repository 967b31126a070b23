/**
 * Title Case detection for headlines set in a page's body or a corpus's text field: in such a
 * sentence capitals carry no information about names, and verbs are tagged as proper nouns.
 */

/** Words that Title Case style (AP, Chicago) may leave in lower case: articles, conjunctions, prepositions. */
const MINOR = new Set(['a', 'an', 'the', 'and', 'but', 'or', 'nor', 'for', 'so', 'yet', 'as', 'at', 'by', 'in', 'of', 'off', 'on', 'per', 'to',
  'up', 'via', 'vs', 'is', 'with', 'from', 'over', 'into', 'after', 'amid', 'about', 'against', 'upon', 'than', 'that', 'this', 'onto', 'near',
  'under', 'before', 'without', 'within', 'during', 'through', 'across', 'since', 'until', 'despite', 'toward', 'towards', 'among', 'while',
  // (and, in many outlets' headline style, short function words: "Strike if Deal is Not Reached", "Curfew will be Lifted")
  'if', 'be', 'are', 'was', 'were', 'will', 'not']);

/**
 * Is the sentence `[from, to)` a Title Case headline: after its first word, every word capitalised
 * except the articles, conjunctions and prepositions that Title Case leaves in lower case, and at
 * least three capitalised words of four or more letters? ("Rebel Group Releases Hostages in Border
 * Town"; not "The Harare Herald said Fidelis Mukonori met Timur Bekov" nor "John Smith met Mary
 * Jones in London", whose "said" and "met" are lower case.)
 */
export function isTitleCase(tokens: Array<{ text: string }>, from: number, to: number): boolean {
  let caps = 0;
  for (let i = from + 1; i < to; i++) {
    const w = tokens[i].text;
    if (!/^\p{L}+$/u.test(w)) continue;
    if (/^\p{Lu}/u.test(w)) { if (w.length >= 4) caps++; }
    else if (!MINOR.has(w)) return false;
  }
  return caps >= 3;
}

/**
 * {@link isTitleCase} on a raw text (a headline with no tokens yet): its words split at white
 * space, with the punctuation around each word left out ("Rebels Storm Border Post in Northern
 * Province" → true; "Rebels stormed a border post" → false).
 */
export function isTitleCaseText(text: string): boolean {
  const words = (text.match(/\S+/g) ?? []).map((w) => ({ text: w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '') }));
  return isTitleCase(words, 0, words.length);
}
