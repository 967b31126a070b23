/**
 * `countLetters` (src/pipeline.ts), the letter counts behind the script check of `analyze`: the
 * same counts as the regular expressions it replaces, on Latin, other scripts, astral letters,
 * combining marks and lone surrogates.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countLetters } from '../src/pipeline.js';

function byRegex(text: string): { letters: number; latin: number } {
  const letters = text.match(/\p{L}/gu) ?? [];
  return { letters: letters.length, latin: letters.filter((ch) => /\p{Script=Latin}/u.test(ch)).length };
}

test('countLetters counts as /\\p{L}/gu and /\\p{Script=Latin}/u do', () => {
  const texts = [
    '', 'Kazakhstan asked Russia for help on Jan. 5, 2022.', 'Ünïcödé ŞĞ İstanbul — “quoted” ’s',
    'Москва и Пекин', '北京 東京 서울', 'ǅ ʰ ª Ⅻ ａｂｃ', '𝔘𝔫𝔦 𐐀𐐨', 'e\u0301 a\u0308', 'lone \ud800 and \udc00 surrogates \ud800',
    'مرحبا שלום नमस्ते', '12345 !?@#$%^&*()',
  ];
  for (const t of texts) assert.deepEqual(countLetters(t), byRegex(t), t);
  let mixed = '';
  for (let cp = 0; cp < 0x3000; cp += 7) mixed += String.fromCodePoint(cp);
  assert.deepEqual(countLetters(mixed), byRegex(mixed));
});
