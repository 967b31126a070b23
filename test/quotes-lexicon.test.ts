/**
 * Quotes: the tagger's cue lexicon (data/quotes/cue-lexicon.yaml, index.ts `cueLexicon`), one test
 * per kind of entry on a short synthetic sentence written for these tests: the word is a cue word
 * for the tagger's features (features.ts `cue`), in its part of speech only, while the rules,
 * which read data/quotes/cues.yaml by bare lemma, do not see it.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cueLexicon, cueVerbs, CUE_LEXICON_KINDS } from '../src/quotes/index.js';
import { tokenFeatures } from '../src/quotes/features.js';
import { quoteRegions, regionIndex } from '../src/quotes/marks.js';
import { prepareActors } from './helpers.js';

/** Whether `word` in `text` gets the tagger's `cue` feature (cue set: `cueVerbs()` keys). */
function isCueWord(text: string, word: string): boolean {
  const { doc, res } = prepareActors(text);
  const regions = quoteRegions(doc.text, doc.article.paragraphs);
  const feats = tokenFeatures(doc, res, regions, regionIndex(doc.text, regions), new Set(cueVerbs().keys()), null, 0);
  const i = doc.tokens.findIndex((t) => t.text === word);
  assert.ok(i >= 0, `"${word}" is a token`);
  return feats[i].includes('cue');
}

/** One sentence per kind, with the lexicon word it exercises and that word's entry. */
const EXAMPLES: Record<(typeof CUE_LEXICON_KINDS)[number], [string, string, string]> = {
  speech: ['The minister confessed that the budget was late.', 'confessed', 'confess/VERB'],
  criticism: ['Anna Berg derided the new tax as a gift to landlords.', 'derided', 'deride/VERB'],
  praise: ['The mayor applauded the decision to reopen the library.', 'applauded', 'applaud/VERB'],
  stance: ['The governor favors a lower tax on diesel.', 'favors', 'favor/VERB'],
  cognition: ['Officials assume the bridge will open in May.', 'assume', 'assume/VERB'],
  emotion: ['The union resents the new rules on overtime.', 'resents', 'resent/VERB'],
  intention: ['The senator voted against the farm bill on Tuesday.', 'voted', 'vote/VERB'],
  request: ['The court instructed the ministry to release the files.', 'instructed', 'instruct/VERB'],
  noun: ['Her insistence that the port stay open surprised the council.', 'insistence', 'insistence/NOUN'],
};

describe('cue lexicon (data/quotes/cue-lexicon.yaml)', () => {
  test('every kind has entries, none repeated within a kind, and each is read in its part of speech', () => {
    const lex = cueLexicon();
    assert.deepEqual([...lex.keys()], [...CUE_LEXICON_KINDS]);
    for (const [kind, keys] of lex) {
      assert.ok(keys.length > 0, kind);
      assert.equal(new Set(keys).size, keys.length, `${kind} has no repeated entry`);
      for (const k of keys) assert.match(k, kind === 'noun' ? /\/NOUN$/ : /\/VERB$/);
    }
  });

  for (const kind of CUE_LEXICON_KINDS) {
    test(`${kind}: "${EXAMPLES[kind][1]}" is a cue word for the tagger`, () => {
      const [text, word, entry] = EXAMPLES[kind];
      assert.ok(cueLexicon().get(kind)!.includes(entry), `${entry} is a ${kind} entry`);
      assert.equal(cueVerbs().has(entry.slice(0, entry.indexOf('/'))), false, 'not a cue of cues.yaml already');
      assert.equal(isCueWord(text, word), true);
    });
  }

  test('a lexicon word is no cue in another part of speech, and no cue for the rules', () => {
    // "press" is a verb entry (request): the noun "press" is no cue word
    assert.equal(isCueWord('The press gathered outside the court.', 'press'), false);
    const cues = cueVerbs();
    assert.equal(cues.has('deride'), false, 'the rules look up bare lemmas: a lexicon entry is not one');
    assert.equal(cues.get('deride/VERB'), false);
  });
});
