/**
 * `francLanguage` (src/extract/language.ts) against franc itself: the inverted trigram models must
 * give franc's answer, for every script and for ties. Inline sentences in many languages and
 * scripts written for this test, their prefixes and mixes; with ../shared present, also the
 * PolNeAR dev texts (skipped with a notice when absent).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { franc, francAll } from 'franc';
import { detectLanguage, FRANC_ONLY, francLanguage, francRanking } from '../src/extract/language.js';
import { SHARED_DIR } from '../src/paths.js';

const ONLY = [...FRANC_ONLY];

const SAMPLES = [
  'The foreign ministers met in Astana on Tuesday and agreed to reopen the border crossing next month.',
  'Les ministres des affaires étrangères se sont réunis mardi à Astana et ont convenu de rouvrir la frontière.',
  'Die Außenminister trafen sich am Dienstag in Astana und vereinbarten, den Grenzübergang wieder zu öffnen.',
  'Los ministros de Asuntos Exteriores se reunieron el martes en Astaná y acordaron reabrir el paso fronterizo.',
  'Os ministros dos Negócios Estrangeiros reuniram-se na terça-feira em Astana e acordaram reabrir a fronteira.',
  'I ministri degli esteri si sono incontrati martedì ad Astana e hanno deciso di riaprire il valico.',
  'Ministrowie spraw zagranicznych spotkali się we wtorek w Astanie i uzgodnili ponowne otwarcie przejścia.',
  'Dışişleri bakanları salı günü Astana\'da bir araya geldi ve sınır kapısını yeniden açmayı kabul etti.',
  'Tashqi ishlar vazirlari seshanba kuni Ostonada uchrashib, chegara punktini qayta ochishga kelishdilar.',
  'Министры иностранных дел встретились во вторник в Астане и договорились вновь открыть пограничный переход.',
  'Міністри закордонних справ зустрілися у вівторок в Астані й домовилися знову відкрити пункт пропуску.',
  'Сыртқы істер министрлері сейсенбі күні Астанада кездесіп, шекара өткелін қайта ашуға келісті.',
  'التقى وزراء الخارجية في أستانا يوم الثلاثاء واتفقوا على إعادة فتح المعبر الحدودي الشهر المقبل.',
  'وزرای امور خارجه روز سه‌شنبه در آستانه دیدار کردند و بر بازگشایی گذرگاه مرزی توافق کردند.',
  'विदेश मंत्रियों ने मंगलवार को अस्ताना में मुलाकात की और सीमा चौकी फिर से खोलने पर सहमति जताई।',
  '外交部长们周二在阿斯塔纳会面，同意下个月重新开放边境口岸。',
  '外務大臣たちは火曜日にアスタナで会談し、来月国境検問所を再開することで合意した。',
  '외무장관들은 화요일 아스타나에서 만나 다음 달 국경 검문소를 다시 열기로 합의했다.',
  'Οι υπουργοί Εξωτερικών συναντήθηκαν την Τρίτη στην Αστάνα και συμφώνησαν να ανοίξει ξανά το πέρασμα.',
  'שרי החוץ נפגשו ביום שלישי באסטנה והסכימו לפתוח מחדש את מעבר הגבול בחודש הבא.',
  'საგარეო საქმეთა მინისტრები სამშაბათს ასტანაში შეხვდნენ და საზღვრის გახსნაზე შეთანხმდნენ.',
  '12,345 -- 67.890 // (2024) ** !!! ???',
  'Wang Yi said Beijing would send Xi Jinping to Astana for talks with Tokayev and Mirziyoyev.',
];

describe('francLanguage and francRanking give franc\'s answer and ranking', () => {
  test('sentences in many languages and scripts, their prefixes and mixes, two minimum lengths', () => {
    const inputs = [...SAMPLES, SAMPLES.join(' '), SAMPLES.slice(0, 9).join(' '), SAMPLES.slice(9).join(' '), '', 'a'];
    for (const s of SAMPLES) for (const n of [12, 25, 40, 70]) inputs.push(s.slice(0, n));
    const answers = new Set<string>();
    for (const v of inputs) {
      for (const min of [10, 20]) {
        const want = franc(v, { only: ONLY, minLength: min });
        answers.add(want);
        assert.equal(francLanguage(v, min), want, JSON.stringify(v.slice(0, 60)));
        // the whole ranking (it shows any change of a distance)
        assert.deepEqual(francRanking(v, min), francAll(v, { only: ONLY, minLength: min }).map((x) => x[0]), JSON.stringify(v.slice(0, 60)));
      }
    }
    assert.ok(answers.size >= 15, `the inputs cover many answers (${[...answers].join(' ')})`);
  });

  test('detectLanguage reads the languages of the inline sentences', () => {
    assert.equal(detectLanguage(SAMPLES[0]), 'en');
    assert.equal(detectLanguage(SAMPLES[1]), 'fr');
    assert.equal(detectLanguage(SAMPLES[9]), 'ru');
    assert.equal(detectLanguage(SAMPLES[12]), 'ar');
  });

  const dev = join(SHARED_DIR, 'eval/quotes/polnear/dev/text');
  const present = existsSync(dev);
  if (!present) console.log('# extract-language.test: ../shared is absent; skipping the PolNeAR texts');
  test('PolNeAR dev texts, at several sample lengths', { skip: !present }, () => {
    for (const f of readdirSync(dev).sort().slice(0, 40)) {
      const text = readFileSync(join(dev, f), 'utf8');
      for (const n of [30, 200, 1000, 3000]) {
        const v = text.slice(0, n);
        assert.deepEqual(francRanking(v, 20), francAll(v, { only: ONLY, minLength: 20 }).map((x) => x[0]), `${f} at ${n}`);
      }
    }
  });
});
