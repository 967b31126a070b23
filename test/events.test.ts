/**
 * Event coding (src/events): who did what to whom, negation, modality, date, place, and the
 * pattern file's loader. Sentences are our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPipeline } from '../src/pipeline.js';
import { loadPatterns } from '../src/events/patterns.js';
import { SteppeError } from '../src/errors.js';
import type { SteppeDocument } from '../src/schema.js';

const pipeline = createPipeline({ noExtract: true });
function run(text: string, published = '2022-01-20'): SteppeDocument {
  return pipeline.analyze({ source: 'test', format: 'text', content: text, published });
}
const name = (doc: SteppeDocument, id: string | null) => doc.actors.find((a) => a.id === id)?.name ?? null;
const only = (doc: SteppeDocument, code: string) => {
  const evs = doc.events.filter((e) => e.code === code);
  assert.equal(evs.length, 1, `expected one ${code} event, got ${JSON.stringify(doc.events.map((e) => e.code))}`);
  return evs[0];
};

test('active verb: source is the subject, target the object after the pattern preposition', () => {
  const doc = run('President Qasym-Zhomart Toqaev requested help from the Collective Security Treaty Organization on January 5.');
  const e = only(doc, '023');
  assert.equal(name(doc, e.source), 'Qasym-Zhomart Toqaev');
  assert.equal(name(doc, e.target), 'Collective Security Treaty Organization');
  assert.equal(e.date, '2022-01-05');
  assert.equal(e.datePrecision, 'day');
  assert.equal(e.root, '02');
  assert.equal(e.quadClass, 1);
  // PLOVER 2025 (the default) counts appeals as requests; the 2021 table gives root 02 no type
  assert.deepEqual(e.plover, { type: 'REQUEST', mode: 'assist' });
});

test('passive: "was requested by X" makes X the source and the subject the target', () => {
  const doc = run('The mission of the Collective Security Treaty Organization was requested by Kazakhstan.');
  const e = doc.events.find((x) => x.root === '02');
  assert.ok(e);
  assert.equal(name(doc, e.source), 'Kazakhstan');
  assert.equal(name(doc, e.target), 'Collective Security Treaty Organization');
});

test('nominal event: "a phone call between A and B" gives the dyad; titles before names are skipped', () => {
  const doc = run('During a January 10 phone call between Chinese Foreign Minister Wang Yi and Russian counterpart Sergei Lavrov, the two men discussed trade.');
  const e = only(doc, '041');
  assert.equal(name(doc, e.source), 'Wang Yi');
  assert.equal(name(doc, e.target), 'Sergei Lavrov');
  assert.equal(e.date, '2022-01-10');
  assert.deepEqual(e.plover, { type: 'CONSULT', mode: 'phone' });
  assert.equal(e.trigger.text, 'phone call');
});

test('negation and modality: negated, hypothetical, intended and reported events are never asserted', () => {
  const neg = run('Russia did not attack Ukraine on Monday.');
  const n = neg.events.find((e) => e.root === '19');
  assert.ok(n && n.negated, 'negated attack');
  const hypo = run('Russia could invade Georgia, officials in Tbilisi warned.');
  const h = hypo.events.find((e) => e.root === '19');
  assert.equal(h?.modality, 'hypothetical');
  // a stated intent is coded as CAMEO codes it (root 03 / 13, data/cameo/intent.tsv), still "intended"
  const plan = run('China plans to send troops to Kazakhstan.');
  const p = plan.events.find((e) => e.code === '0334');
  assert.equal(p?.modality, 'intended');
  const will = run('Uzbekistan will withdraw its troops from Tajikistan next month.');
  assert.equal(will.events.find((e) => e.code === '0356')?.modality, 'intended');
  const reported = run('"Russia attacked our positions," Zelensky said.');
  assert.equal(reported.events.find((e) => e.root === '19')?.modality, 'reported');
  const question = run('Will Russia invade Georgia?');
  assert.ok(question.events.every((e) => e.modality !== 'asserted'));
});

test('dates: sentence date wins; year and month precision; publication date as fallback', () => {
  const year = run("Russia's 2008 invasion of Georgia changed the region.");
  const y = year.events.find((e) => e.root === '19');
  assert.equal(y?.date, '2008-01-01');
  assert.equal(y?.datePrecision, 'year');
  assert.equal(name(year, y?.source ?? null), 'Russia');
  assert.equal(name(year, y?.target ?? null), 'Georgia');
  const month = run('Vladimir Putin met with Xi Jinping last month.');
  const m = month.events.find((e) => e.root === '04');
  assert.equal(m?.date, '2021-12-01');
  assert.equal(m?.datePrecision, 'month');
  // "last week" names a week, not a day: the Monday of that ISO week, with week precision
  // (published Thursday 2022-01-20: last week began on Monday 2022-01-10)
  const week = run('Vladimir Putin met with Xi Jinping last week.');
  const w = week.events.find((e) => e.root === '04');
  assert.equal(w?.date, '2022-01-10');
  assert.equal(w?.datePrecision, 'week');
  const none = run('Kazakh police arrested six men in Almaty.');
  assert.equal(none.events.find((e) => e.code === '173')?.date, '2022-01-20');
});

test('place: a country or capital after "in" locates the event and is not a participant', () => {
  const doc = run('Protesters rallied against fuel prices in Kazakhstan on January 2.');
  const e = doc.events.find((x) => x.root === '14');
  assert.ok(e);
  assert.deepEqual(e.location, { name: 'Kazakhstan', country: 'KAZ' });
  assert.notEqual(name(doc, e.target), 'Kazakhstan');
  const cap = run('Xi Jinping hosted Qasym-Zhomart Toqaev in Beijing in 2019.');
  const c = cap.events.find((x) => x.code === '043');
  assert.equal(c?.location?.country, 'CHN');
  assert.equal(name(cap, c?.source ?? null), 'Xi Jinping');
  assert.equal(name(cap, c?.target ?? null), 'Qasym-Zhomart Toqaev');
});

test('coordinated verbs share the subject; objects of the first verb are not the source', () => {
  const doc = run('Sergei Lavrov spoke by phone with his Kazakh counterpart on March 2 and welcomed the talks.', '2023-03-04');
  const welcome = doc.events.find((e) => e.code === '051');
  assert.equal(name(doc, welcome?.source ?? null), 'Sergei Lavrov');
});

test('the same happening told twice in one article is one event that keeps both mentions', () => {
  const text = 'Kazakh police arrested six men in Almaty. Kazakh police arrested six men in Almaty.';
  const doc = run(text);
  const arrests = doc.events.filter((e) => e.code === '173');
  assert.equal(arrests.length, 1);
  const m = arrests[0].mentions ?? [];
  assert.equal(m.length, 2);
  assert.deepEqual(m[0].trigger, arrests[0].trigger, 'the event\'s own mention first');
  assert.ok(m[1].trigger.start > m[0].trigger.start);
  for (const x of m) assert.equal(text.slice(x.trigger.start, x.trigger.end), 'arrested');
  // told once: no mentions list
  assert.equal(run('Kazakh police arrested six men in Almaty.').events.find((e) => e.code === '173')?.mentions, undefined);
});

test('a trigger with no participant at all is dropped; a capitalised month is no "march"', () => {
  const doc = run('A severe winter killed thousands of animals. Talks resumed on March 3.', '2023-03-04');
  assert.ok(!doc.events.some((e) => e.root === '18'));
  assert.ok(!doc.events.some((e) => e.root === '14'));
});

test('pattern file: unknown CAMEO codes and empty entries are refused with the entry number', () => {
  const dir = mkdtempSync(join(tmpdir(), 'steppe-patterns-'));
  const bad = join(dir, 'p.yaml');
  writeFileSync(bad, '- { code: "999", verbs: [attack] }\n');
  assert.throws(() => loadPatterns(bad), (e: unknown) => e instanceof SteppeError && /entry 0: unknown CAMEO code 999/.test(e.message));
  writeFileSync(bad, '- { code: "190" }\n');
  assert.throws(() => loadPatterns(bad), (e: unknown) => e instanceof SteppeError && /needs verbs or nouns/.test(e.message));
  writeFileSync(bad, '- { code: "190", verbs: [attack], colour: red }\n');
  assert.throws(() => loadPatterns(bad), (e: unknown) => e instanceof SteppeError && /entry 0/.test(e.message));
});

test('the shipped pattern file loads, validated against the codebook', () => {
  const idx = loadPatterns();
  let n = 0;
  for (const list of idx.byVerb.values()) n += list.length;
  for (const list of idx.byNoun.values()) n += list.length;
  assert.ok(n > 100, `only ${n} triggers`);
});
