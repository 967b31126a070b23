/**
 * Character encodings: a page's bytes → text, whether the encoding is declared or not.
 *
 * Order of evidence ({@link decodeHtmlBytes}):
 * 1. a byte-order mark (UTF-8, UTF-16LE/BE) always wins;
 * 2. the page's own declaration: a `<meta charset>` or `<meta http-equiv="Content-Type"
 *    content="…; charset=…">` in the first 1,024 bytes, found by the HTML Standard's prescan
 *    (html-encoding-sniffer implements it), else a late declaration (`<meta … charset>` or
 *    `<?xml … encoding>`) in the first 16 KiB; then the transport layer (HTTP `Content-Type:
 *    …; charset=`). Unlike the Standard, the page's declaration wins over the header: it is the
 *    more specific claim, and server defaults ("ISO-8859-1") are the common error. Unknown labels
 *    are skipped;
 * 3. a declared legacy encoding loses to UTF-8 when the bytes are valid UTF-8 holding non-ASCII
 *    sequences: such bytes are (nearly) never text in a legacy encoding, and mis-declared UTF-8
 *    pages are common;
 * 4. undeclared bytes: valid UTF-8 (or plain ASCII) is UTF-8; anything else is sniffed by
 *    {@link sniffLegacyEncoding}.
 * Decoding uses the WHATWG TextDecoder built into Node (full ICU), which knows every encoding of
 * the Encoding Standard (windows-125x, ISO-8859-x, KOI8-R/U, GBK/GB18030, Big5, Shift_JIS,
 * EUC-JP, EUC-KR …) and maps labels as browsers do ("iso-8859-1" → windows-1252, "gb2312" → GBK).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
type Sniffer = (bytes: Uint8Array, opts?: { transportLayerEncodingLabel?: string; defaultEncoding?: string | null }) => string | null;
/** html-encoding-sniffer (CommonJS): the HTML Standard's BOM + transport + `<meta>` prescan. */
const sniffHtmlEncoding = require('html-encoding-sniffer') as Sniffer;

/** Where the encoding of a page came from. */
export type EncodingSource = 'bom' | 'header' | 'meta' | 'utf8' | 'sniffed' | 'ascii';

/** A decoded page: its text, the WHATWG encoding name used, and the evidence for it. */
export interface DecodedText {
  text: string;
  /** Encoding name as TextDecoder reports it (`utf-8`, `windows-1251`, `gbk`, `shift_jis` …). */
  encoding: string;
  source: EncodingSource;
}

/** Options of {@link decodeHtmlBytes}. */
export interface DecodeOptions {
  /** The `charset` of an HTTP `Content-Type` header, when the bytes came over HTTP. */
  headerCharset?: string | null;
}

/** The WHATWG encoding name for a label, or null for an unknown label. */
export function encodingName(label: string | null | undefined): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim().toLowerCase()).encoding;
  } catch {
    return null;
  }
}

function hasNonAscii(bytes: Uint8Array, limit = bytes.length): boolean {
  for (let i = 0; i < limit; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

/** True when the bytes are well-formed UTF-8. */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const LATE_META = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i;
const XML_DECL = /^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i;

/** A declaration the 1,024-byte prescan misses: a `<meta … charset=…>` further down, or `<?xml encoding>`. */
function lateDeclaration(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 16384)).toString('latin1');
  const m = XML_DECL.exec(head) ?? LATE_META.exec(head);
  const name = encodingName(m?.[1]);
  // A page that calls itself UTF-16 in ASCII-compatible bytes is not UTF-16 (HTML Standard).
  return name && name.startsWith('utf-16') ? 'utf-8' : name;
}

/**
 * windows-1252 bytes 0x80–0x9F (Encoding Standard index). Node 20's ICU TextDecoder decodes
 * windows-1252 as ISO-8859-1 and yields C1 control characters there (curly quotes, dashes and
 * "€" come out as U+0080–U+009F); {@link decodeAs} maps them back. Undefined bytes stay as is.
 */
const CP1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Decode bytes in a WHATWG encoding (an unknown name decodes as UTF-8), working around Node's
 * windows-1252 fault (see {@link CP1252_C1}). Malformed sequences become U+FFFD. Never throws.
 */
export function decodeAs(bytes: Uint8Array, encoding: string): string {
  let text: string;
  try {
    text = new TextDecoder(encoding).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
  if (encodingName(encoding) === 'windows-1252') text = text.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]);
  return text;
}

const decode = decodeAs;

/**
 * Decode a page's bytes (HTML or plain text) by the order of evidence in the module doc. Never
 * throws; undecodable bytes become U+FFFD. A BOM is not part of the returned text.
 */
export function decodeHtmlBytes(bytes: Uint8Array, opts: DecodeOptions = {}): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: decode(bytes.subarray(3), 'utf-8'), encoding: 'utf-8', source: 'bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le', source: 'bom' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be', source: 'bom' };

  let prescan: string | null = null;
  try {
    prescan = sniffHtmlEncoding(bytes, { defaultEncoding: null });
  } catch {
    prescan = null;
  }
  let declared = encodingName(prescan) ?? lateDeclaration(bytes);
  let source: EncodingSource = 'meta';
  if (!declared) {
    declared = encodingName(opts.headerCharset);
    source = 'header';
  }
  const nonAscii = hasNonAscii(bytes);
  if (declared) {
    if (declared !== 'utf-8' && nonAscii && isValidUtf8(bytes)) return { text: decode(bytes, 'utf-8'), encoding: 'utf-8', source: 'utf8' };
    return { text: decode(bytes, declared), encoding: declared, source };
  }
  if (!nonAscii) return { text: decode(bytes, 'utf-8'), encoding: 'utf-8', source: 'ascii' };
  if (isValidUtf8(bytes)) return { text: decode(bytes, 'utf-8'), encoding: 'utf-8', source: 'utf8' };
  const sniffed = sniffLegacyEncoding(bytes);
  return { text: decode(bytes, sniffed), encoding: sniffed, source: 'sniffed' };
}

// ---------------------------------------------------------------------------------------------
// statistical sniffing of undeclared legacy encodings

/**
 * Candidate legacy encodings, most likely first (ties go to the earlier one): Western and
 * Central European, Cyrillic, Greek, Turkish, Hebrew, Arabic, Baltic, then the CJK multi-byte
 * encodings.
 */
export const LEGACY_CANDIDATES: readonly string[] = [
  'windows-1252', 'windows-1250', 'iso-8859-2', 'windows-1251', 'koi8-r', 'koi8-u', 'iso-8859-5', 'ibm866',
  'windows-1253', 'iso-8859-7', 'windows-1254', 'windows-1255', 'iso-8859-8', 'windows-1256', 'iso-8859-6',
  'windows-1257', 'windows-874',
  'gbk', 'big5', 'shift_jis', 'euc-jp', 'euc-kr',
];

/**
 * The non-ASCII letters (lowercase) of the Latin-script languages that legacy single-byte
 * encodings serve. A correct decoding uses the letters of one language; a wrong one mixes
 * letters no language uses together ("pondìlí" for Czech "pondělí" read as windows-1252).
 */
const LATIN_ALPHABETS: readonly string[] = [
  'àâæçéèêëîïôœùûüÿ', // French
  'äöüß', // German
  'áéíñóúü', // Spanish
  'áâãàçéêíóôõú', // Portuguese
  'àèéìíîòóùú', // Italian
  'àçèéíïòóú', // Catalan
  'éëïöüáèó', // Dutch
  'åäöéü', // Swedish, Finnish
  'æøåéó', // Danish, Norwegian
  'áðéíóúýþæö', // Icelandic
  'ąćęłńóśźż', // Polish
  'áčďéěíňóřšťúůýž', // Czech
  'áäčďéíĺľňóôŕšťúýž', // Slovak
  'čćđšž', // Slovenian, Croatian, Bosnian, Serbian Latin
  'áéíóöőúüű', // Hungarian
  'ăâîșțşţ', // Romanian
  'çğıöşüâî', // Turkish
  'ąčęėįšųūž', // Lithuanian
  'āčēģīķļņšūž', // Latvian
  'äõöüšž', // Estonian
  'ëç', // Albanian
];
const COMMON_LATIN = new Set(LATIN_ALPHABETS.join('').split('').flatMap((c) => [c, c.toUpperCase()]));
const LATIN_SETS = LATIN_ALPHABETS.map((a) => new Set(a.split('')));

/** Occurrences of non-ASCII Latin letters that the best-fitting single alphabet does not cover. */
function latinIncoherence(counts: Map<string, number>): number {
  let total = 0;
  for (const n of counts.values()) total += n;
  if (!total) return 0;
  let bestCovered = 0;
  for (const set of LATIN_SETS) {
    let covered = 0;
    for (const [c, n] of counts) if (set.has(c)) covered += n;
    if (covered > bestCovered) bestCovered = covered;
  }
  return total - bestCovered;
}
/** Russian/Ukrainian/Bulgarian letters by frequency tier (lowercase). */
const CYRILLIC_TIER1 = new Set('оеаинтсрвл'.split(''));
const CYRILLIC_TIER2 = new Set('кмдпуяыьгзбчйх'.split(''));
const CYRILLIC_TIER3 = new Set('жшюцщэфъёіїєґ'.split(''));
/**
 * Frequent Han characters of Chinese (simplified and traditional) and Japanese text. A correct
 * CJK decoding hits this list often; a wrong one yields characters spread over the whole table.
 */
const COMMON_HAN = new Set(Array.from(
  '的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收钱党未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴切木团夜哪怕注调精' +
  '這們為說來國個過會時還發對裡後麼現樣將與點種聲話兒長動兩開無經頭問見電門東車體華報馬張難數應員關實當學務區義際業產總統經濟黨議選舉戰軍護衛' +
  '々円県駅込込歳億氏党首相朝鮮韓米露独仏英伊豪印比社説記者発表内閣与野党政府市町村都道府県警察裁判所' ,
));
/** The most frequent Hangul syllables of Korean text. */
const COMMON_HANGUL = new Set(Array.from(
  '이다는의에하고을가로한지서기도자리사들를어대수일시정인있아나해게으보전되부장주위생스국상제우그만과요적원중라문동소여성면것년경비방' +
  '했습니까요지만에서으로부터까지라고했다있는없는하는되는정부대통령회의발표관계자한국미국북한중국일본세계경제사회문화',
));

type Script = 'latin' | 'cyrillic' | 'greek' | 'cjk' | 'arabic' | 'hebrew' | 'thai' | 'other';

function scriptOf(cp: number): Script {
  if (cp < 0x250) return 'latin';
  if (cp >= 0x370 && cp < 0x400) return 'greek';
  if (cp >= 0x400 && cp < 0x530) return 'cyrillic';
  if (cp >= 0x590 && cp < 0x600) return 'hebrew';
  if (cp >= 0x600 && cp < 0x700) return 'arabic';
  if (cp >= 0xe00 && cp < 0xe80) return 'thai';
  if (cp >= 0x1e00 && cp < 0x1f00) return 'latin';
  if ((cp >= 0x3000 && cp < 0xa000) || (cp >= 0xac00 && cp < 0xd7b0) || (cp >= 0xf900 && cp < 0xfb00) || (cp >= 0xff00 && cp < 0xffa0)) return 'cjk';
  return 'other';
}

const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
/** Greek vowels with an accent (tonos): monotonic Greek puts one on nearly every longer word. */
const GREEK_TONOS = /[\u0386\u0388-\u038a\u038c\u038e-\u0390\u03ac-\u03b0\u03cc-\u03ce]/u;
/** Punctuation that legitimately sits inside words: apostrophes, hyphens, the Catalan middle dot. */
const IN_WORD_PUNCT = new Set([0x2019, 0x2018, 0xb7, 0x2010, 0x2011, 0x2bc]);

/** How much a non-ASCII letter looks like real text in its script (before context penalties). */
function letterWeight(ch: string, cp: number, script: Script): number {
  switch (script) {
    case 'latin':
      return COMMON_LATIN.has(ch) ? 1 : 0;
    case 'cyrillic': {
      const low = ch.toLowerCase();
      if (CYRILLIC_TIER1.has(low)) return 1.2;
      if (CYRILLIC_TIER2.has(low)) return 0.8;
      return CYRILLIC_TIER3.has(low) ? 0.4 : -1;
    }
    case 'greek':
      return cp === 0x390 || cp === 0x3b0 ? -1 : 1; // ΐ ΰ: rare in Greek, frequent in Hebrew read as Greek
    case 'arabic':
    case 'hebrew':
    case 'thai':
      return 1;
    case 'cjk':
      if (cp >= 0x3041 && cp <= 0x309f) return 2; // hiragana
      if (cp >= 0x30a0 && cp <= 0x30ff) return 1; // katakana
      if (cp >= 0xff61 && cp <= 0xff9f) return -1; // half-width katakana: rare in real text
      if (cp >= 0xac00 && cp < 0xd7b0) return COMMON_HANGUL.has(ch) ? 2 : 0.2;
      return COMMON_HAN.has(ch) ? 2 : 0;
    default:
      return 0;
  }
}

/**
 * A plausibility score of decoded text, from its non-ASCII characters only (markup is ASCII and
 * the same under every candidate). Letters score by how common they are in their script:
 * frequency tiers for Cyrillic, frequent-character lists for Han and Hangul, kana, letters of
 * some Latin alphabet; a capital inside a word earns nothing. Penalties: U+FFFD and C1 controls
 * (-10); private-use characters (-5); symbols inside words (-3); an uppercase letter right after
 * a lowercase one (-2: the case inversion of KOI8-R ↔ windows-1251 mix-ups); a Greek final
 * sigma inside a word (-3); a Greek word of four letters or more without an accented vowel (-2);
 * letters of two scripts in one word (-2); a third non-ASCII Latin letter in a row (-2: CJK or
 * Greek bytes read as Latin-1); and each non-ASCII Latin letter outside the one alphabet of
 * {@link LATIN_ALPHABETS} that fits the text best (-1.5).
 */
export function textPlausibility(text: string): number {
  let score = 0;
  let prevScript: Script | null = null; // script of the previous letter in the current word
  let prevLower = false;
  let latinRun = 0; // consecutive non-ASCII Latin letters
  let greekLetters = 0; // Greek letters of the current word
  let greekTonos = false; // … and whether one carries an accent
  const latinLetters = new Map<string, number>(); // non-ASCII Latin letters, lowercased
  const endWord = (): void => {
    if (greekLetters >= 4 && !greekTonos) score -= 2;
    prevScript = null;
    prevLower = false;
    latinRun = 0;
    greekLetters = 0;
    greekTonos = false;
  };
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) {
      const isLetter = (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
      if (!isLetter) {
        endWord();
        continue;
      }
      if (prevScript && prevScript !== 'latin' && prevScript !== 'cjk') score -= 2;
      prevScript = 'latin';
      prevLower = cp >= 0x61;
      latinRun = 0;
      continue;
    }
    if (cp === 0xfffd || (cp >= 0x80 && cp < 0xa0)) {
      score -= 10;
      endWord();
      continue;
    }
    if (cp >= 0xe000 && cp < 0xf900) {
      score -= 5;
      endWord();
      continue;
    }
    if (LETTER.test(ch)) {
      const script = scriptOf(cp);
      // Running text is mostly lowercase: a capital inside a word (all-caps runs, case-inverted
      // decodings) earns nothing.
      const innerCapital = prevScript !== null && UPPER.test(ch);
      if (!innerCapital) score += letterWeight(ch, cp, script);
      if (prevScript) {
        if (prevScript !== script && script !== 'cjk' && prevScript !== 'cjk') score -= 2;
        if (UPPER.test(ch) && prevLower) score -= 2;
      }
      if (script === 'greek') {
        greekLetters++;
        if (GREEK_TONOS.test(ch)) greekTonos = true;
        // The final sigma ends words; inside one it is a Cyrillic "т" read as Greek.
        if (cp === 0x3c2 && i + 1 < chars.length && LETTER.test(chars[i + 1])) score -= 3;
      }
      if (script === 'latin') {
        const low = ch.toLowerCase().charAt(0);
        latinLetters.set(low, (latinLetters.get(low) ?? 0) + 1);
      }
      latinRun = script === 'latin' ? latinRun + 1 : 0;
      if (latinRun >= 3) score -= 2;
      prevScript = script;
      prevLower = LOWER.test(ch);
      continue;
    }
    // a symbol or punctuation mark: suspicious between two letters
    const next = chars[i + 1];
    if (prevScript && next && LETTER.test(next) && !IN_WORD_PUNCT.has(cp)) score -= 3;
    endWord();
  }
  endWord();
  return score - 1.5 * latinIncoherence(latinLetters);
}

/** Bytes looked at when sniffing; enough text to decide, bounded cost on huge pages. */
const SNIFF_BYTES = 65536;

/**
 * The most plausible legacy encoding of bytes that declare none and are not UTF-8: each of
 * {@link LEGACY_CANDIDATES} decodes the first 64 KiB and {@link textPlausibility} scores the
 * result; the best score wins (ties: the earlier candidate). Returns a WHATWG encoding name.
 */
export function sniffLegacyEncoding(bytes: Uint8Array): string {
  const sample = bytes.length > SNIFF_BYTES ? bytes.subarray(0, SNIFF_BYTES) : bytes;
  let best = LEGACY_CANDIDATES[0];
  let bestScore = -Infinity;
  for (const enc of LEGACY_CANDIDATES) {
    let text = decodeAs(sample, enc);
    // A multi-byte sequence cut at the end of the sample is not the candidate's fault.
    if (sample !== bytes) text = text.replace(/\ufffd$/, '');
    const s = textPlausibility(text);
    if (s > bestScore) {
      bestScore = s;
      best = enc;
    }
  }
  return best;
}
