/**
 * Language identification for article text, via franc (trigram profiles, ISO 639-3 output),
 * mapped to ISO 639-1 codes as the output contract uses them (`article.language`).
 *
 * Only languages that have an ISO 639-1 code are considered (franc's `only` option): this keeps
 * franc from answering with close minor varieties (Scots for short English text, for example)
 * and makes detection faster. Text shorter than {@link MIN_LANGUAGE_CHARS} characters is too
 * short to call, and yields null. Plainly English text (many English function words, "the"
 * among them) is answered without franc, which is the costly part on long articles. franc's
 * answer itself is computed by {@link francLanguage} from franc's data, the same answer faster.
 */
import { data } from 'franc/data.js';
import { expressions } from 'franc/expressions.js';

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

/** The ISO 639-3 codes of {@link ISO3_TO_ISO1}: the only languages language detection may answer (franc's `only`). */
export const FRANC_ONLY: readonly string[] = Object.keys(ISO3_TO_ISO1);
const ONLY = new Set(FRANC_ONLY);

/** franc's longest sample (its MAX_LENGTH, UTF-16 units) and its distance for a trigram a model lacks (MAX_DIFFERENCE). */
const FRANC_MAX_LENGTH = 2048;
const FRANC_MAX_DIFFERENCE = 300;

/** franc's trigram models of one script, restricted to {@link ONLY}, inverted: trigram → languages. */
interface ScriptModels {
  /** The script's languages that ONLY allows, in franc's data order (the order that breaks ties). */
  langs: string[];
  /** trigram → flat pairs (index into `langs`, the trigram's rank in that language's model, 0 = most frequent). */
  postings: Map<string, number[]>;
}
let scriptModels: Map<string, ScriptModels> | null = null;

/** The inverted models of every script franc has trigram data for (built once). */
function trigramModels(): Map<string, ScriptModels> {
  if (scriptModels) return scriptModels;
  scriptModels = new Map();
  for (const script of Object.keys(data)) {
    const langs = Object.keys(data[script]).filter((l) => ONLY.has(l));
    const postings = new Map<string, number[]>();
    langs.forEach((lang, li) => {
      const model = data[script][lang].split('|');
      // as franc: a trigram listed twice keeps its first (smallest) rank
      const rank = new Map<string, number>();
      for (let w = model.length - 1; w >= 0; w--) rank.set(model[w], w);
      for (const [t, r] of rank) {
        let p = postings.get(t);
        if (!p) postings.set(t, (p = []));
        p.push(li, r);
      }
    });
    scriptModels.set(script, { langs, postings });
  }
  return scriptModels;
}

/**
 * franc 6.2's ranking, the languages of `francAll(value, { only: ONLY, minLength })` in its order
 * (ISO 639-3 codes; just ["und"] when it cannot tell, or the script's one language, e.g. ["kor"]),
 * computed from franc's own data and script expressions with the models inverted: franc measures
 * every allowed language's distance by looking each of the sample's trigrams up in that language's
 * model (most of detectLanguage's time on an article franc has to read); here each trigram is looked
 * up once and adds to the languages whose models hold it. The distances are the same integers and
 * equal distances keep franc's data order (its sort is stable), so the ranking is franc's
 * (test/extract-language.test.ts compares the two).
 */
export function francRanking(value: string, minLength: number): string[] {
  if (!value || value.length < minLength) return ['und'];
  value = value.slice(0, FRANC_MAX_LENGTH);
  // the script most characters are written in (franc's getTopScript)
  let top: string | undefined;
  let topShare = -1;
  for (const script of Object.keys(expressions)) {
    const share = (value.match(expressions[script])?.length ?? 0) / value.length || 0;
    if (share > topShare) { topShare = share; top = script; }
  }
  const models = top === undefined ? undefined : trigramModels().get(top);
  if (!models) return [!top || topShare === 0 || !ONLY.has(top) ? 'und' : top];
  const { langs, postings } = models;
  if (!langs.length) return ['und'];
  // trigram counts of the cleaned, padded sample (trigram-utils' asDictionary)
  const clean = ' ' + value.replace(/[\u0021-\u0040]+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase() + ' ';
  const counts = new Map<string, number>();
  for (let i = 0; i + 3 <= clean.length; i++) {
    const t = clean.slice(i, i + 3);
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  // distance = Σ over the sample's trigrams of |count - rank - 1| when the model has it, else 300
  const dist = new Array<number>(langs.length).fill(FRANC_MAX_DIFFERENCE * counts.size);
  for (const [t, c] of counts) {
    const p = postings.get(t);
    if (!p) continue;
    for (let k = 0; k < p.length; k += 2) dist[p[k]] += Math.abs(c - p[k + 1] - 1) - FRANC_MAX_DIFFERENCE;
  }
  return langs.map((_, li) => li).sort((x, y) => dist[x] - dist[y] || x - y).map((li) => langs[li]);
}

/** franc 6.2's answer, `franc(value, { only: ONLY, minLength })`: the first of {@link francRanking}. */
export function francLanguage(value: string, minLength: number): string {
  return francRanking(value, minLength)[0];
}

/** The characters of a text that language detection reads (see detectLanguage). */
const SAMPLE_CHARS = 1000;

/** Fewer letters than this and {@link detectLanguage} returns null. */
export const MIN_LANGUAGE_CHARS = 20;

/**
 * ISO 639-1 code ('en', 'ru', …) of the text via franc (franc's ISO 639-3 answer mapped to
 * 639-1 for every language that has a two-letter code), or null when the text is too short
 * (under {@link MIN_LANGUAGE_CHARS} characters), undetermined, or in a language without a
 * two-letter code. Looks at the first 1,000 characters only (a shorter sample changed the answer
 * on 1 to 20 of 1,469 texts of ../shared at 400 to 800 characters, so it stays). Never throws.
 */
export function detectLanguage(text: string): string | null {
  if (!text) return null;
  // 1,000 characters identify a language as well as franc's own 2,048 limit, at half the cost.
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  if (sample.trim().length < MIN_LANGUAGE_CHARS) return null;
  if (isClearlyEnglish(sample)) return 'en';
  const code = francLanguage(sample, MIN_LANGUAGE_CHARS);
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
