/**
 * Language identification for article text, via franc (trigram profiles, ISO 639-3 output),
 * mapped to ISO 639-1 codes as the output contract uses them (`article.language`).
 *
 * Only languages that have an ISO 639-1 code are considered (franc's `only` option): this keeps
 * franc from answering with close minor varieties (Scots for short English text, for example)
 * and makes detection faster. Text shorter than {@link MIN_LANGUAGE_CHARS} characters is too
 * short to call, and yields null. Plainly English text (many English function words, "the"
 * among them) is answered without franc, which is the costly part on long articles.
 */
import { franc } from 'franc';

/**
 * franc's ISO 639-3 codes → ISO 639-1, for the languages franc (187-language build) knows and
 * that have a two-letter code. Macrolanguage members map to the macrolanguage's code
 * (arb → ar, cmn → zh, pes/prs → fa, zlm → ms, uzn → uz, nob → no …).
 */
const ISO3_TO_ISO1: Readonly<Record<string, string>> = {
  afr: 'af', als: 'sq', amh: 'am', arb: 'ar', azj: 'az', bam: 'bm', bel: 'be', ben: 'bn', bos: 'bs',
  bul: 'bg', cat: 'ca', ces: 'cs', ckb: 'ku', cmn: 'zh', dan: 'da', deu: 'de', ekk: 'et', ell: 'el',
  eng: 'en', epo: 'eo', ewe: 'ee', fin: 'fi', fra: 'fr', fuv: 'ff', glg: 'gl', guj: 'gu', hat: 'ht',
  hau: 'ha', heb: 'he', hin: 'hi', hrv: 'hr', hun: 'hu', hye: 'hy', ibo: 'ig', ind: 'id', ita: 'it',
  jav: 'jv', jpn: 'ja', kan: 'kn', kat: 'ka', kaz: 'kk', khk: 'mn', khm: 'km', kin: 'rw', kir: 'ky',
  kor: 'ko', lao: 'lo', lin: 'ln', lit: 'lt', lug: 'lg', lvs: 'lv', mal: 'ml', mar: 'mr', mkd: 'mk',
  mya: 'my', nld: 'nl', nno: 'nn', nob: 'no', npi: 'ne', nya: 'ny', ori: 'or', pan: 'pa', pbu: 'ps',
  pes: 'fa', plt: 'mg', pol: 'pl', por: 'pt', prs: 'fa', ron: 'ro', run: 'rn', rus: 'ru', sin: 'si',
  slk: 'sk', slv: 'sl', sna: 'sn', som: 'so', sot: 'st', spa: 'es', srp: 'sr', ssw: 'ss', sun: 'su',
  swe: 'sv', swh: 'sw', tam: 'ta', tat: 'tt', tel: 'te', tgk: 'tg', tgl: 'tl', tha: 'th', tir: 'ti',
  tsn: 'tn', tso: 'ts', tuk: 'tk', tur: 'tr', uig: 'ug', ukr: 'uk', urd: 'ur', uzn: 'uz', ven: 've',
  vie: 'vi', wol: 'wo', xho: 'xh', ydd: 'yi', yor: 'yo', zlm: 'ms', zul: 'zu',
};

const ONLY = Object.keys(ISO3_TO_ISO1);

const SAMPLE_CHARS = 1000;

/** Fewer letters than this and {@link detectLanguage} returns null. */
export const MIN_LANGUAGE_CHARS = 20;

/**
 * ISO 639-1 code ('en', 'ru', …) of the text via franc (franc's ISO 639-3 answer mapped to
 * 639-1 for every language that has a two-letter code), or null when the text is too short
 * (under {@link MIN_LANGUAGE_CHARS} characters), undetermined, or in a language without a
 * two-letter code. Looks at the first 1,000 characters only. Never throws.
 */
export function detectLanguage(text: string): string | null {
  if (!text) return null;
  // 1,000 characters identify a language as well as franc's own 2,048 limit, at half the cost.
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  if (sample.trim().length < MIN_LANGUAGE_CHARS) return null;
  if (isClearlyEnglish(sample)) return 'en';
  const code = franc(sample, { only: ONLY, minLength: MIN_LANGUAGE_CHARS });
  // franc's trigrams misread short English text full of foreign names ("Wang Yi said Beijing
  // would …" as Norwegian Nynorsk); under 60 words, words that only English uses decide
  if (code !== 'eng' && isShortEnglish(sample)) return 'en';
  return ISO3_TO_ISO1[code] ?? null;
}

/** Function words that no other language franc may answer writes as words of its own. */
const ONLY_ENGLISH_WORDS = new Set(['the', 'and', 'of', 'said', 'which', 'would', 'with', 'that', 'from', 'this', 'their', 'they', 'been', 'were', 'who', 'says']);

/**
 * A short text (under 60 words) with at least 3 words of {@link ONLY_ENGLISH_WORDS}, making 10% of
 * its words or more: English, whatever franc says (our rule, from texts franc misread).
 */
function isShortEnglish(sample: string): boolean {
  const words = sample.toLowerCase().match(/\p{L}+/gu);
  if (!words || words.length >= 60) return false;
  const hits = words.filter((w) => ONLY_ENGLISH_WORDS.has(w)).length;
  return hits >= 3 && hits / words.length >= 0.1;
}

const ENGLISH_FUNCTION_WORDS = new Set([
  'the', 'of', 'and', 'to', 'in', 'a', 'is', 'that', 'for', 'on', 'said', 'was', 'with', 'as', 'by',
  'it', 'his', 'her', 'at', 'from', 'has', 'have', 'be', 'are', 'were', 'which', 'would', 'will',
  'an', 'this', 'not', 'they', 'their', 'who', 'but', 'had', 'been', 'its',
]);

/**
 * Fast path for the common case: at least 60 words, over 30% of them English function words and
 * "the" among them. franc's answer on such text is English anyway; this skips its trigram
 * distances (the costliest part of language detection).
 */
function isClearlyEnglish(sample: string): boolean {
  const words = sample.toLowerCase().match(/\p{L}+/gu);
  if (!words || words.length < 60) return false;
  const n = Math.min(words.length, 150);
  let hits = 0;
  let the = 0;
  for (let i = 0; i < n; i++) {
    if (ENGLISH_FUNCTION_WORDS.has(words[i])) hits++;
    if (words[i] === 'the') the++;
  }
  return hits / n > 0.3 && the / n > 0.03;
}

/**
 * The primary subtag of a BCP 47 language tag as a lowercase two-letter code
 * ("en-GB" → "en", "pt_BR" → "pt"), or null when the tag has no two-letter primary subtag.
 */
export function primaryLanguageSubtag(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const m = /^\s*([a-z]{2})(?:[-_]|\s*$)/i.exec(tag);
  return m ? m[1].toLowerCase() : null;
}
