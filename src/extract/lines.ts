/**
 * Line-level page-chrome patterns shared by the HTML walker (html.ts) and the plain-text
 * extractor (text.ts): share-button rows, related-story labels and datelines.
 */

const SHARE_WORD = '(?:share(?: (?:this|the|on|via|to)(?: (?:story|article|page|post|facebook|twitter|x|linkedin|whatsapp|email))?)?|share article|tweet|email|e-mail|mail|print|pin|pinterest|save|whatsapp|facebook|twitter|x|linkedin|reddit|messenger|telegram|vk|copy(?: the)? link|copy url|link copied|comments?|sms|flipboard)';
/** A line made only of share-button labels: "Facebook Twitter Email", "Share on X | Share on WhatsApp". */
export const SHARE_LINE = new RegExp(`^(?:${SHARE_WORD}[\\s:·|,/•]*)+$`, 'i');

/** The label of a related-stories list standing alone: "Related stories", "Read more", "Most read". */
export const RELATED_LABEL = /^[[(]?\s*(?:read more|read also|also read|more reading|further reading|related(?: (?:stories|articles|coverage|content|links|topics|news|reading|posts))?|see also|more on this(?: story| topic)?|more (?:from|on|about) [\p{L}\s.&']{2,40}|more stories|more news|recommended(?: for you| stories| articles)?|you (?:may|might) also like|what to read next|read next|top stories|most (?:read|popular|viewed|shared)|trending(?: now| stories)?|editors?['’]? picks|in other news|elsewhere on [\p{L}\s.]{2,30}|latest(?: news| stories)?|don['’]t miss|must[- ]reads?|more to explore|around the web|from around the web|(?:sponsored|promoted|popular) stories|popular now|we recommend|up next|keep reading)\s*[\]):.…»>!-]*\s*$/iu;

/** Words a dateline is made of ("Updated Nov 19, 9:41 AM; Posted Nov 18"), besides digits and punctuation. */
const DATE_WORDS = /\b(?:published|updated|posted|last|first|modified|on|at|am|pm|a\.m|p\.m|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|today|yesterday|ago|minutes?|mins?|hours?|hrs?|days?|gmt|utc|bst|cst|cdt|est|edt|pst|pdt|mst|mdt|et|pt|ct|cet|cest|msk|ist|aest)\b/gi;
/**
 * The same for datelines in Portuguese, Spanish, French, German and Italian ("segunda-feira, 22
 * de janeiro de 2018 às 0:13", "Mis à jour le 3 mars 2021"): month and weekday names, "de",
 * "à", "um", "Uhr", "updated"/"published" words. Letters are matched whole (no `\b`, which is
 * ASCII-only in JavaScript).
 */
const DATE_WORDS_OTHER = /(?<!\p{L})(?:janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro|enero|febrero|marzo|mayo|junio|julio|septiembre|setiembre|octubre|noviembre|diciembre|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|januar|februar|märz|juni|juli|oktober|dezember|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira|sábado|domingo|lunes|martes|miércoles|jueves|viernes|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|de|del|às|as|a las|à|le|el|em|um|uhr|am|alle|ore|atualizado|publicado|actualizado|mis à jour|publié|aktualisiert|veröffentlicht|aggiornato|pubblicato|hace|il y a|vor)(?!\p{L})/giu;
const DATE_SHAPE = /\d{1,2}:\d{2}|\d{4}-\d{2}-\d{2}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b\d{1,2}(?:\.|\s+de)?\s+\p{L}{3,}\.?(?:\s+de)?\s+\d{4}\b|\b\d{1,2}([./])\d{1,2}\1\d{2,4}\b/iu;

/** "Published", "Updated" … (and in Portuguese, Spanish, French, German, Italian): a dateline anywhere on the page. */
export const DATELINE_CUE = /\b(?:published|updated|posted|modified)\b|(?<!\p{L})(?:atualizado|publicado|actualizado|mis à jour|publié|aktualisiert|veröffentlicht|aggiornato|pubblicato)(?!\p{L})/iu;

/** A short line made only of a date, a time and words like "Updated" or "Posted". */
export function isDateline(t: string): boolean {
  if (t.length > 100 || !DATE_SHAPE.test(t)) return false;
  return t.replace(DATE_WORDS, ' ').replace(DATE_WORDS_OTHER, ' ').replace(/[\d\s.,:;|•·\-–—/()]+/g, '').length === 0;
}

/**
 * Photo-caption cues: a position marker, or a present-tense verb of a pictured action (lower case:
 * "March 3" is a date, not a march).
 */
export const CAPTION_CUE = /\((?:left|right|center|centre|top|bottom|l|r|c|file|L|R|C|File)\)|\b(?:meets|meet|shakes hands|shake hands|inspects|inspect|speaks|attends|attend|arrives|arrive|walks|walk|stands|stand|gestures|gesture|looks on|listens|poses|pose|waves|wave|holds|fold|folds|march|marches|gather|gathers|is seen|are seen|takes part|take part|sits|sit|lays|lay|salutes|salute|chant|chants|rally|rallies)\b/;

/** One sentence (abbreviations such as "Mr." and "U.S." do not end one). */
export function isSingleSentence(s: string): boolean {
  return !/[.!?]["”’]?\s+[A-Z"“]/.test(s.replace(/\b(?:[A-Z]\.|Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Jr|Sr|U\.S|U\.N)\./g, ''));
}

function words(s: string): string[] {
  return s.split(/\s+/).filter(Boolean);
}

/** News and photo agencies that appear as photo credits. */
const AGENCY = String.raw`(?:reuters|afp|ap|ap photo|the associated press|associated press|epa|epa-efe|efe|getty images|getty|afp via getty images|anadolu(?: agency)?|aa|tass|xinhua|sputnik|ria novosti|itar-tass|shutterstock|alamy|pa(?: media| images| wire)?|bloomberg|dpa|ansa|yonhap|kyodo|kcna|irna|wana|upi|nurphoto|sopa images|zuma(?: press)?|abaca|imago|sipa|rfe/rl|file|handout|supplied|courtesy)`;
/** A credit: an agency, "Name/AGENCY", "AGENCY/Name", "Name via Getty Images". */
const CREDIT = String.raw`(?:${AGENCY}|[\p{L}.' -]{2,40}\s*/\s*${AGENCY}|${AGENCY}\s*/\s*[\p{L}.' -]{2,40}|[\p{L}.' -]{2,40} (?:via|for) ${AGENCY})`;
/** The same, in a form that cannot be the end of a sentence ("… said the AP"): with a slash or "via". */
const SLASH_CREDIT = String.raw`(?:[\p{L}.' -]{2,40}\s*/\s*${AGENCY}|${AGENCY}\s*/\s*[\p{L}.' -]{2,40}|[\p{L}.' -]{2,40} via ${AGENCY})`;
const PHOTO_WORD = String.raw`(?:photo(?:graph)?|image|picture|pic|video|footage|illustration|graphic|file photo)s?`;
/** A line that is only a credit: "REUTERS/Jane Doe", "(AFP)", "Handout". */
const BARE_CREDIT = new RegExp(String.raw`^[([]?\s*${CREDIT}\s*[)\]]?\.?$`, 'iu');
/** A labelled credit: "Photo: Reuters", "Image source, Getty Images", "Photo credit: Jane Doe", "Photo by Jane Doe/AFP". */
const LABELLED_CREDIT = new RegExp(String.raw`^[([]?\s*(?:${PHOTO_WORD}\s*(?:credit|source|courtesy|copyright)\s*[:,]?|${PHOTO_WORD}\s*[:©]|${PHOTO_WORD}\s+by\b|credits?\s*:|source\s*:|courtesy(?: of)?\b|copyright\b|©)\s*(?<rest>[^.!?]{2,60}?)\s*[)\]]?\.?$`, 'iu');
/** A labelled caption: "Photo: Ministers arrive for the talks.", "Image caption, …", "Pictured: …". */
const CAPTION_LABEL = new RegExp(String.raw`^[([]?\s*(?:(?:${PHOTO_WORD}(?: caption)?|caption|pictured|main image)\s*:|(?:image|photo|picture|video) caption\s*,?|(?:${PHOTO_WORD}|caption)\s+[–—|-])\s*\S`, 'iu');
/** A caption that ends with a photo credit: "… talks in Sochi. (Photo: AFP)", "… in Kyiv. Photo: AFP", "… REUTERS/Jane Doe". */
const PHOTO_CREDIT_END = new RegExp(String.raw`(?:[([]\s*(?:${PHOTO_WORD}\s*(?:credit)?\s*[:,]?\s*${CREDIT}|${SLASH_CREDIT})\s*[)\]]|(?:[.|–—-]\s*|\s)${PHOTO_WORD}\s*(?:credit)?\s*:\s*[^.!?:]{2,40}|\s${SLASH_CREDIT})\.?$`, 'iu');
/** A line that ends with an agency in brackets: "… talks in Sochi. (Reuters)": a caption when it describes a pictured action. */
const AGENCY_END = new RegExp(String.raw`[([]\s*${AGENCY}\s*[)\]]\.?$`, 'iu');
/**
 * What every match of {@link PHOTO_CREDIT_END} holds: a photo word, a slash or " via " (same flags,
 * so the same letters match). PHOTO_CREDIT_END is tried at every position of a line, with runs
 * of up to 40 letters at each, which made it a few percent of a whole analysis; this cheap test
 * lets most lines skip it with the same answer.
 */
export const PHOTO_CREDIT_HINT = /\/| via |pic|photo|image|video|footage|illustration|graphic/iu;
/** What every match of {@link AGENCY_END} holds: a closing bracket at the end, before an optional period. */
const BRACKET_END = /[)\]]\.?$/;

/**
 * A photo-credit line with no caption text: "Photo: Reuters", "Image source, Getty Images",
 * "REUTERS/Jane Doe", "Photo credit: Jane Doe". A labelled line whose text is long or describes
 * a pictured action ("Photo: Ministers arrive for the talks") is a caption, not a credit.
 */
export function isCreditLine(s: string): boolean {
  if (s.length > 90) return false;
  if (BARE_CREDIT.test(s)) return true;
  const rest = LABELLED_CREDIT.exec(s)?.groups?.rest;
  return !!rest && words(rest).length <= 8 && !CAPTION_CUE.test(rest);
}

/**
 * A photo caption line: labelled ("Photo: …", "Image caption, …", "Pictured: …"), or one
 * sentence of at most 45 words that ends with a photo credit ("… Photo: AFP", "… (Photo:
 * Reuters)", "… REUTERS/Jane Doe"), or with an agency in brackets when it describes a pictured
 * action ("… speaks in Chisinau. (Reuters)"; a news item ending "… the ban. [Reuters]" is not one).
 */
export function isCaptionLine(s: string): boolean {
  if (CAPTION_LABEL.test(s)) return true;
  if (words(s).length > 45) return false;
  if (PHOTO_CREDIT_HINT.test(s) && PHOTO_CREDIT_END.test(s)) return isSingleSentence(s.replace(PHOTO_CREDIT_END, ''));
  return BRACKET_END.test(s) && AGENCY_END.test(s) && CAPTION_CUE.test(s) && isSingleSentence(s.replace(AGENCY_END, ''));
}

