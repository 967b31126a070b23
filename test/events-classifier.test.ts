/**
 * The PLOVER event-type classifier (src/events/classifier.ts), its committed model
 * (models/events), the calibrated confidence (src/events/confidence.ts) and a smoke run of the
 * training script on a small slice (skipped when ../shared/eval/events is absent).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SoftmaxTrainer, stem, features, loadEventClassifier, predict, predictProba, NONE_CLASS, type EventClassifier } from '../src/events/classifier.js';
import { calibratedConfidence, loadCalibration, typeProbability, ploverProbabilities, expectedCalibrationError } from '../src/events/confidence.js';
import { PLOVER_TYPES } from '../src/events/codebook.js';
import { PACKAGE_ROOT, SHARED_DIR } from '../src/paths.js';
import { createPipeline } from '../src/pipeline.js';

test('stem folds inflections of trigger verbs', () => {
  assert.equal(stem('accused'), stem('accuses'));
  assert.equal(stem('accusing'), stem('accuse'));
  assert.equal(stem('denies'), 'deny');
  assert.equal(stem('stopped'), 'stop');
  assert.equal(stem('protests'), 'protest');
  assert.equal(stem('kill'), 'kill');
});

test('features include lexicon types and negation crossed with them', () => {
  const lex = new Map([['attack', ['ASSAULT']]]);
  const f = features('Rebels did not attack the town', lex);
  assert.ok(f.includes('lex=ASSAULT'));
  assert.ok(f.includes('neg×lex=ASSAULT'));
  assert.ok(f.includes('s=attack'));
  assert.ok(!features('Rebels met the envoy', lex).includes('lex=ASSAULT'));
});

test('SoftmaxTrainer learns a toy problem and honours partial labels', () => {
  const tr = new SoftmaxTrainer(['A', 'B', 'C'], { l2: 1e-4, lr: 0.3 });
  for (let e = 0; e < 30; e++) {
    tr.update(features('xx'), [0]);
    tr.update(features('yy'), [1]);
    tr.update(features('zz'), [1, 2]); // zz: B or C, never A
  }
  const model: EventClassifier = { classes: tr.classes, weights: tr.averaged(0), temperature: 1, lexicon: new Map() };
  assert.equal(predict(model, 'xx').type, 'A');
  assert.equal(predict(model, 'yy').type, 'B');
  const pz = predictProba(model, 'zz');
  assert.ok(pz[1] + pz[2] > 0.8, `zz should be B or C: ${pz}`);
});

const model = loadEventClassifier();

test('the committed model loads fast, is compact, and gives a distribution over 16 types + NONE', { skip: !model && 'no models/events' }, () => {
  const size = readFileSync(join(PACKAGE_ROOT, 'models/events/weights.json')).length;
  assert.ok(size < 5.5e6, `weights.json is ${size} bytes`);
  const t0 = Date.now();
  loadEventClassifier(join(PACKAGE_ROOT, 'models/events'));
  assert.ok(Date.now() - t0 < 2000, 'loads in under 2 s');
  assert.deepEqual(model!.classes, [...PLOVER_TYPES, NONE_CLASS]);
  const p = predictProba(model!, 'Soldiers opened fire on villagers, killing twelve people.');
  assert.ok(Math.abs(p.reduce((a, b) => a + b, 0) - 1) < 1e-9);
  assert.equal(predict(model!, 'Soldiers opened fire on villagers, killing twelve people.', true).type, 'ASSAULT');
  assert.equal(predict(model!, 'Thousands of workers marched through the capital to protest against the new labour law.', true).type, 'PROTEST');
});

test('typeProbability agrees with ploverProbabilities and lies in [0, 1]', { skip: !model && 'no models/events' }, () => {
  const s = 'The government imposed sanctions on the neighbouring state.';
  const all = ploverProbabilities(s)!;
  assert.equal(typeProbability(s, 'SANCTION'), all.SANCTION);
  for (const t of [...PLOVER_TYPES, NONE_CLASS]) assert.ok(typeProbability(s, t) >= 0 && typeProbability(s, t) <= 1);
  assert.equal(typeProbability(s, 'NOT_A_TYPE'), 0);
});

test('calibratedConfidence is in [0, 1] and non-decreasing in the type probability', () => {
  const cal = loadCalibration();
  assert.ok(cal.coef[1] >= 0);
  for (const ruleScore of [0, 0.3, 0.6, 0.9, 1]) {
    for (const hasSource of [false, true]) {
      for (const hasTarget of [false, true]) {
        let prev = -1;
        for (let p = 0; p <= 1.0001; p += 0.02) {
          const c = calibratedConfidence({ ruleScore, typeProbability: Math.min(1, p), hasSource, hasTarget });
          assert.ok(c >= 0 && c <= 1, `confidence ${c} out of range`);
          assert.ok(c >= prev - 1e-12, `not monotone at p=${p}`);
          prev = c;
        }
      }
    }
  }
  // a confident classifier is trusted more than a doubtful one
  const lo = calibratedConfidence({ ruleScore: 0.6, typeProbability: 0.05, hasSource: true, hasTarget: true });
  const hi = calibratedConfidence({ ruleScore: 0.6, typeProbability: 0.95, hasSource: true, hasTarget: true });
  assert.ok(hi - lo > 0.3, `${lo} → ${hi}`);
  // garbage in stays in range
  assert.ok(calibratedConfidence({ ruleScore: NaN, typeProbability: NaN, hasSource: false, hasTarget: false }) >= 0);
});

test('expectedCalibrationError of a perfectly calibrated and a wrong set', () => {
  assert.equal(expectedCalibrationError([[0.75, true], [0.75, true], [0.75, true], [0.75, false]]), 0);
  assert.ok(Math.abs(expectedCalibrationError([[0.95, false], [0.95, false]]) - 0.95) < 1e-12);
});

test('smoke: train-events on a small slice writes a loadable model', { skip: !existsSync(join(SHARED_DIR, 'eval/events')) && 'no ../shared/eval/events' }, () => {
  const out = mkdtempSync(join(tmpdir(), 'steppe-events-'));
  try {
    execFileSync(process.execPath, [join(PACKAGE_ROOT, 'dist/scripts/train-events.js'), '--out', out, '--limit', '300', '--folds', '0', '--epochs', '2', '--no-extra', '--story-weight', '0', '--quiet'], { stdio: 'pipe', timeout: 120_000 });
    const m = loadEventClassifier(out)!;
    assert.ok(m.weights.size > 100);
    assert.equal(m.classes.length, 17);
    const meta = JSON.parse(readFileSync(join(out, 'meta.json'), 'utf8'));
    assert.equal(meta.examples['ngec-headline'], 300);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('classifier events: a sentence no pattern matches gets the classifier\'s type, on its main verb, marked origin "classifier"', async () => {
  const { createPipeline } = await import('../src/pipeline.js');
  const { genericCodes } = await import('../src/events/index.js');
  const { loadCodebook } = await import('../src/events/codebook.js');
  const codes = genericCodes(loadCodebook());
  // the "not specified below" code of each type's first root, from the CAMEO→PLOVER table
  assert.equal(codes.get('ASSAULT'), '180');
  assert.equal(codes.get('CONSULT'), '040');
  assert.equal(codes.size, PLOVER_TYPES.length);
  if (!loadEventClassifier()) { console.log('# models/events has no classifier: classifier events not checked'); return; }
  const run = (content: string, eventClassifier?: boolean) =>
    createPipeline({ noExtract: true, eventClassifier }).analyze({ source: 't', format: 'text', content, published: '2023-05-10' });
  const text = 'Gunmen targeted a Pakistani checkpoint near the Afghan border.';
  const doc = run(text);
  const e = doc.events.find((x) => x.origin === 'classifier');
  assert.ok(e, JSON.stringify(doc.events));
  assert.equal(e.trigger.text, 'targeted');
  assert.equal(e.plover?.type, 'ASSAULT');
  assert.equal(e.code, '180');
  assert.equal(doc.actors.find((a) => a.id === e.source)?.name, 'Gunmen');
  assert.ok(e.confidence > 0 && e.confidence < 1);
  // patterns only: no event; and a sentence with no act gets none either way
  assert.deepEqual(run(text, false).events, []);
  assert.deepEqual(run('The weather in Nairobi was pleasant on Monday.').events, []);
  // a sentence a pattern matches gets no classifier event
  assert.ok(!run('Ethiopian troops shelled rebel positions near the Sudanese border on Tuesday.').events.some((x) => x.origin));
});

test('a verb of perceiving or watching is no classifier event ("was following the situation closely")', () => {
  const p = createPipeline({ noExtract: true, languages: 'any' });
  const doc = p.analyze({ source: 't', format: 'text', content: 'Brussels said it was following events in Minsk closely and would not comment.', published: '2024-05-06' });
  assert.deepEqual(doc.events.filter((e) => e.trigger.text === 'following').map((e) => e.code), []);
});
