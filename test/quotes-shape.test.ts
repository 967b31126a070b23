/**
 * The quote tagger's word shape (src/quotes/features.ts `shape`): its ASCII fast path must answer
 * as the Unicode regular expressions it stands for, on ASCII and non-ASCII words. Words written
 * for this test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shape } from '../src/quotes/features.js';

/** The definition `shape` reads faster. */
const reference = (w: string) =>
  /^\p{Lu}+$/u.test(w) && w.length > 1 ? 'XX' : /^\p{Lu}/u.test(w) ? 'Xx' : /^\p{Ll}/u.test(w) ? 'x' : /^\d/.test(w) ? 'd' : w.length === 1 ? w : 'p';

test('shape answers as the Unicode regular expressions', () => {
  const words = [
    '', 'A', 'a', 'Z', 'z', '0', '9', '.', '"', '--', 'NATO', 'Nato', 'nATO', 'NATO-led', 'US', 'U.S.', 'CSTO', 'X1', 'AB1',
    'Tokayev', 'tokayev', '2022', '1990s', '$', '...', 'É', 'Éric', 'ÉRIC', 'ÅS', 'AÉ', 'AÉb', 'Aé', 'ÉA1', 'é', 'élan',
    'Δ', 'ΔΣ', 'Δσ', 'δ', 'Москва', 'МОСКВА', 'москва', 'ǅ', 'ǅA', 'Aǅ', '١٢', 'ß', '𝐀', '𝐀𝐁', 'A𝐁', '_', 'Ab_', 'AB_',
  ];
  const seen = new Set<string>();
  for (const w of words) {
    assert.equal(shape(w), reference(w), JSON.stringify(w));
    seen.add(reference(w));
  }
  for (const s of ['XX', 'Xx', 'x', 'd', 'p']) assert.ok(seen.has(s), `the words cover shape ${s}`);
});
