/**
 * Tests for `src/extract/encoding.ts` and ingest's `decodeBytes`: pages in windows-1251, KOI8-R,
 * GBK, Shift_JIS and ISO-8859-x decode correctly whether the encoding is declared by the HTTP
 * header, a `<meta charset>`, a `<meta http-equiv>`, a BOM, or not at all.
 *
 * The pages are encoded here, by a small encoder built from Node's own TextDecoder: decoding
 * every byte (single-byte encodings) or every lead/trail byte pair (GBK, Shift_JIS) gives the
 * table from characters back to bytes. The texts are our own sentences.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { decodeBytes } from '../src/ingest/index.js';
import { decodeAs, decodeHtmlBytes, sniffLegacyEncoding, textPlausibility } from '../src/extract/encoding.js';
import { extractHtml } from '../src/extract/html.js';

const encoders = new Map<string, Map<string, number[]>>();

/** Character → bytes table of a WHATWG encoding, from decoding every one- and two-byte sequence. */
function encoderFor(encoding: string): Map<string, number[]> {
  const known = encoders.get(encoding);
  if (known) return known;
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder(encoding, { fatal: true });
  const add = (bytes: number[]) => {
    let ch: string;
    try {
      ch = decoder.decode(Uint8Array.from(bytes));
    } catch {
      return;
    }
    if (Array.from(ch).length === 1 && !table.has(ch)) table.set(ch, bytes);
  };
  const multiByte = ['gbk', 'shift_jis', 'big5', 'euc-kr', 'euc-jp'].includes(encoding);
  for (let b = 0; b < 0x100; b++) {
    // decodeAs, not Node's decoder alone: Node 20 decodes windows-1252 0x80–0x9F as C1 controls
    const ch = multiByte ? null : decodeAs(Uint8Array.from([b]), encoding);
    if (ch === null) add([b]);
    else if (ch !== '\ufffd' && !table.has(ch)) table.set(ch, [b]);
  }
  if (multiByte) {
    for (let lead = 0x81; lead <= 0xfe; lead++) for (let trail = 0x40; trail <= 0xfe; trail++) add([lead, trail]);
  }
  encoders.set(encoding, table);
  return table;
}

/** `text` in `encoding`; throws when a character has no byte sequence there. */
function encode(text: string, encoding: string): Buffer {
  const table = encoderFor(encoding);
  const out: number[] = [];
  for (const ch of text) {
    const bytes = table.get(ch);
    if (!bytes) throw new Error(`"${ch}" cannot be written in ${encoding}`);
    out.push(...bytes);
  }
  return Buffer.from(out);
}

interface Sample { encoding: string; label: string; lang: string; text: string }

/** Our own sentences, two paragraphs each, in the languages these encodings serve. */
const SAMPLES: Sample[] = [
  {
    encoding: 'windows-1251', label: 'windows-1251', lang: 'ru',
    text: 'Правительство Казахстана в понедельник объявило о новых мерах по снижению цен на сжиженный газ во всех регионах страны.|По словам министра энергетики, решение вступит в силу до конца месяца, а жители Жанаозена потребовали от властей письменных гарантий.',
  },
  {
    encoding: 'koi8-r', label: 'KOI8-R', lang: 'ru',
    text: 'Парламент Киргизии во вторник одобрил поправки к закону о выборах, несмотря на возражения оппозиционных депутатов.|Председатель комиссии заявил, что международные наблюдатели будут приглашены на голосование в следующем году.',
  },
  {
    encoding: 'gbk', label: 'GBK', lang: 'zh',
    text: '哈萨克斯坦政府周一宣布了降低全国液化气价格的新措施，这一决定将在本月底之前生效。|能源部长表示，政府将与各地区领导人举行会谈，以确保新的价格在所有城市得到执行。',
  },
  {
    encoding: 'shift_jis', label: 'Shift_JIS', lang: 'ja',
    text: 'カザフスタン政府は月曜日、国内のすべての地域で液化ガスの価格を引き下げる新たな措置を発表した。|エネルギー相によると、この決定は今月末までに発効し、政府は各地域の指導者と協議を続けるという。',
  },
  {
    encoding: 'iso-8859-2', label: 'ISO-8859-2', lang: 'pl',
    text: 'Rząd Kazachstanu ogłosił w poniedziałek nowe środki obniżające ceny gazu płynnego we wszystkich regionach kraju.|Według ministra energetyki decyzja wejdzie w życie do końca miesiąca, a mieszkańcy Żanaozenu zażądali od władz pisemnych gwarancji.',
  },
  {
    encoding: 'iso-8859-7', label: 'ISO-8859-7', lang: 'el',
    text: 'Η κυβέρνηση του Καζακστάν ανακοίνωσε τη Δευτέρα νέα μέτρα για τη μείωση των τιμών του υγραερίου σε όλες τις περιοχές της χώρας.|Σύμφωνα με τον υπουργό Ενέργειας, η απόφαση θα τεθεί σε ισχύ έως το τέλος του μήνα.',
  },
  {
    encoding: 'iso-8859-5', label: 'ISO-8859-5', lang: 'ru',
    text: 'Президент Монголии в среду подписал указ о выделении помощи скотоводам, пострадавшим от суровой зимы в западных аймаках.|Министр сельского хозяйства сообщил, что корма будут доставлены в отдаленные районы до конца февраля.',
  },
];

/** An HTML page with `head` markup in <head> (ASCII) and the sample's paragraphs, encoded. */
function page(sample: Sample, head: string): Buffer {
  const paragraphs = sample.text.split('|').map((p) => `<p>${p}</p>`).join('\n');
  const before = Buffer.from(`<!doctype html><html><head>${head}<title>t</title></head><body><article>\n`, 'latin1');
  const after = Buffer.from('\n</article></body></html>', 'latin1');
  return Buffer.concat([before, encode(paragraphs, sample.encoding), after]);
}

const first = (s: Sample) => s.text.split('|')[0];

describe('decodeBytes: declared encodings', () => {
  for (const s of SAMPLES) {
    test(`${s.label} declared by the HTTP header`, () => {
      assert.ok(decodeBytes(page(s, ''), s.label).includes(first(s)));
    });
    test(`${s.label} declared by <meta charset>`, () => {
      assert.ok(decodeBytes(page(s, `<meta charset="${s.label}">`)).includes(first(s)));
    });
    test(`${s.label} declared by <meta http-equiv>`, () => {
      assert.ok(decodeBytes(page(s, `<meta http-equiv="Content-Type" content="text/html; charset=${s.label.toLowerCase()}">`)).includes(first(s)));
    });
  }
  test('a declaration after the first 1,024 bytes is still found', () => {
    const s = SAMPLES[0];
    const head = `<meta name="description" content="${'x'.repeat(1500)}"><meta charset="${s.label}">`;
    const d = decodeHtmlBytes(page(s, head));
    assert.equal(d.encoding, 'windows-1251');
    assert.equal(d.source, 'meta');
  });
  test('<?xml encoding> declares an encoding', () => {
    const s = SAMPLES[1];
    const bytes = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="koi8-r"?>'), page(s, '')]);
    assert.ok(decodeBytes(bytes).includes(first(s)));
  });
});

describe('decodeBytes: BOMs', () => {
  const text = '<!doctype html><html><head><meta charset="windows-1251"></head><body><p>Привет, 世界</p></body></html>';
  test('a UTF-8 BOM wins over the declaration and is dropped', () => {
    const d = decodeHtmlBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), { headerCharset: 'koi8-r' });
    assert.equal(d.text, text);
    assert.equal(d.source, 'bom');
  });
  test('UTF-16LE and UTF-16BE BOMs', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1], be[i]];
    assert.equal(decodeBytes(le), text);
    assert.equal(decodeBytes(be), text);
  });
});

describe('decodeBytes: undeclared encodings are sniffed', () => {
  for (const s of SAMPLES) {
    test(`${s.label}, no declaration anywhere`, () => {
      const bytes = page(s, '');
      const d = decodeHtmlBytes(bytes);
      assert.equal(d.source, 'sniffed');
      // the encoding itself, or one that decodes these bytes the same (windows-1253 for ISO-8859-7)
      assert.ok(d.encoding === new TextDecoder(s.encoding).encoding || d.text === decodeAs(bytes, s.encoding), d.encoding);
      assert.ok(d.text.includes(first(s)), d.text.slice(0, 200));
    });
  }
  test('a short undeclared KOI8-R line is told from windows-1251', () => {
    const line = 'Новости дня: выборы назначены на воскресенье';
    assert.equal(sniffLegacyEncoding(encode(line, 'koi8-r')), 'koi8-r');
    assert.equal(sniffLegacyEncoding(encode(line, 'windows-1251')), 'windows-1251');
  });
  test('undeclared Western European text is windows-1252, with its curly quotes', () => {
    const text = '<p>Le ministre a déclaré : « Nous poursuivrons les négociations » — c’est l’essentiel.</p>';
    const d = decodeHtmlBytes(encode(text, 'windows-1252'));
    assert.equal(d.encoding, 'windows-1252');
    assert.equal(d.text, text);
  });
  test('valid UTF-8 wins over a wrong legacy declaration; ASCII is UTF-8', () => {
    const text = '<meta charset="windows-1251"><p>Президент — «да»</p>';
    const d = decodeHtmlBytes(Buffer.from(text), { headerCharset: 'iso-8859-1' });
    assert.equal(d.text, text);
    assert.equal(d.source, 'utf8');
    assert.equal(decodeHtmlBytes(Buffer.from('<p>plain</p>')).source, 'ascii');
  });
  test('the right decoding scores higher than a wrong one', () => {
    const bytes = encode(SAMPLES[0].text, 'windows-1251');
    assert.ok(textPlausibility(decodeAs(bytes, 'windows-1251')) > textPlausibility(decodeAs(bytes, 'koi8-r')));
    assert.ok(textPlausibility(decodeAs(bytes, 'windows-1251')) > textPlausibility(decodeAs(bytes, 'windows-1252')));
  });
  test('decodeAs maps windows-1252 bytes 0x80–0x9F to their characters', () => {
    assert.equal(decodeAs(Uint8Array.from([0x93, 0x41, 0x94, 0x20, 0x80, 0x97]), 'windows-1252'), '“A” €—');
    assert.equal(decodeAs(Uint8Array.from([0x92]), 'iso-8859-1'), '’'); // the label means windows-1252
  });
});

describe('decoded pages extract with their language', () => {
  for (const s of SAMPLES) {
    test(`${s.label} page → language "${s.lang}"`, () => {
      const html = decodeBytes(page(s, ''));
      const a = extractHtml(html, { source: `${s.label}.html` });
      assert.ok(a.text.includes(first(s)));
      assert.equal(a.language, s.lang);
    });
  }
});
