/**
 * Known names at a position of a text, for truecasing Title Case headlines (src/nlp/annotate.ts
 * `truecase`): which capitalised words are names and keep their capital.
 */
import type { ResolverIndex } from './lexicon.js';
import { namesAtStart } from './lookup.js';
import { placeKey } from './places.js';

/**
 * The end (a character offset into `text`) of the longest known name starting at character
 * `start`: a form of the actor dictionary (a state, demonym, capital, IGO, person or organization,
 * as `formMatches` compares them: "Saint Lucia", "Human Rights Watch") or a gazetteer place of
 * data/actors/places.yaml ("Khan Younis"), ending at a word boundary; -1 when none starts there.
 */
export function knownNameEnd(index: ResolverIndex, text: string, start: number): number {
  const word = /^[\p{L}\p{N}][\p{L}\p{N}'’.-]*/u.exec(text.slice(start, start + 60));
  if (!word) return -1;
  let best = namesAtStart(text.slice(start), index).reduce((m, n) => Math.max(m, start + n.form.length), -1);
  const places = index.places;
  if (places.maxWords && places.firstWords.has(placeKey(word[0]).split(' ')[0])) {
    // the next words, each ending where white space begins
    const re = /\S+/gy;
    re.lastIndex = start;
    let end = start;
    for (let n = 0; n < places.maxWords; n++) {
      const m = re.exec(text);
      if (!m) break;
      end = m.index + m[0].replace(/[^\p{L}\p{N}]+$/u, '').length;
      if (end > best && places.byForm.has(placeKey(text.slice(start, end)))) best = end;
      const gap = /\s+/y;
      gap.lastIndex = m.index + m[0].length;
      if (!gap.exec(text)) break;
      re.lastIndex = gap.lastIndex;
    }
  }
  return best;
}
