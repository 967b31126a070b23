/**
 * Faults a first-time user found in the whole pipeline (2026-11-29), each turned into a test of
 * its kind: speakers named after a nationality and a title, refusals and questions, places that
 * keep separate happenings apart, short English texts full of names, and classifier events on
 * sentences that report no act. Sentences are our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPipeline } from '../src/pipeline.js';
import { detectLanguage } from '../src/extract/language.js';
import type { SteppeDocument } from '../src/schema.js';

const pipe = createPipeline({ noExtract: true });
const run = (content: string): SteppeDocument => pipe.analyze({ source: 't', format: 'text', content, published: '2024-05-06' });
const name = (doc: SteppeDocument, id: string | null) => doc.actors.find((a) => a.id === id)?.name ?? null;

test('speaker: a state named before a title and a name is the holder\'s modifier, not the speaker', () => {
  for (const [text, speaker] of [
    ['"We are ready to talk to anyone who wants peace," Turkish President Recep Tayyip Erdogan said.', 'Recep Tayyip Erdoğan'],
    ['Chinese Foreign Minister Wang Yi said Beijing would invest more in the region.', 'Wang Yi'],
  ] as const) {
    const doc = run(text);
    assert.equal(doc.quotes.length, 1, text);
    assert.equal(name(doc, doc.quotes[0].speaker), speaker, text);
  }
  // a state speaking for itself is still the speaker
  const doc = run('"The border is closed," Turkey said in a statement.');
  assert.equal(name(doc, doc.quotes[0]?.speaker ?? null), 'Türkiye');
});

test('refusals negate the refused act; a question is hypothetical whatever its tense, and its auxiliary is no name', () => {
  const a = run('Pakistan refused to extradite the suspect to India.');
  const ex = a.events.find((e) => e.trigger.text === 'extradite');
  assert.ok(ex && ex.negated, JSON.stringify(a.events.map((e) => [e.trigger.text, e.negated])));
  assert.ok(a.events.some((e) => e.root === '12' && !e.negated), 'the refusal itself is coded');
  const q = run('Will China invade Taiwan?');
  assert.ok(q.events.length >= 1 && q.events.every((e) => e.modality === 'hypothetical'));
  assert.ok(!q.actors.some((x) => x.name.startsWith('Will ')), JSON.stringify(q.actors.map((x) => x.name)));
  assert.ok(run('Will Smith said the film was finished.').actors.some((x) => x.name === 'Will Smith'));
});

test('merging: the same act in two places is two happenings', () => {
  const doc = run('Police arrested protesters in Lagos. Police arrested protesters in Tbilisi.');
  const arrests = doc.events.filter((e) => e.root === '17');
  assert.equal(arrests.length, 2, JSON.stringify(arrests.map((e) => e.location)));
  assert.notDeepEqual(arrests[0].location, arrests[1].location);
});

test('language: a short English text full of foreign names is English', () => {
  assert.equal(detectLanguage('Wang Yi said Beijing would invest in Kazakhstan and Uzbekistan, and Toqaev said the talks with Xi Jinping in Astana were good. Mirziyoyev and Japarov agreed.'), 'en');
  assert.equal(detectLanguage('Der Präsident sagte am Montag in Berlin, dass die Regierung die Steuern senken werde, und die Opposition kritisierte den Plan scharf.'), 'de');
});

test('classifier events: never on a verb of saying, a passive or copular clause, or without a doer', () => {
  for (const text of [
    '"We will keep working on the bill," the senator said.',
    'The proposal is considered dead by most observers.',
    'The alert level was elevated on Sunday.',
    'Gunmen did not target the Pakistani checkpoint near the Afghan border.',
  ]) {
    const doc = run(text);
    assert.ok(!doc.events.some((e) => e.origin === 'classifier'), `${text}: ${JSON.stringify(doc.events.map((e) => [e.code, e.trigger.text]))}`);
  }
  for (const e of run('Gunmen targeted a Pakistani checkpoint near the Afghan border.').events.filter((x) => x.origin)) assert.ok(e.source);
});

test('dates: a weekday in a future sentence is the coming one; "this morning" is a day; "on the 5th" is a day of the month', async () => {
  const { resolveDates } = await import('../src/time/index.js');
  const at = (t: string, lookAhead = false) => resolveDates(t, '2024-05-06', { lookAhead }).map((d) => `${d.date}/${d.precision}`);
  assert.deepEqual(at('Azerbaijan will hold talks with Armenia on Friday.', true), ['2024-05-10/day']);
  assert.deepEqual(at('Police arrested six men on Friday.'), ['2024-05-03/day']);
  assert.deepEqual(at('Iran attacked Israel this morning.'), ['2024-05-06/day']);
  assert.deepEqual(at('Rebels attacked the town last night.'), ['2024-05-05/day']);
  assert.deepEqual(at('The talks ended on the 5th.'), ['2024-05-05/day']);
  assert.deepEqual(at('The talks ended on the 20th.'), ['2024-04-20/day'], 'a day still to come this month is last month\'s');
  assert.deepEqual(at('The vote is on the 9th.', true), ['2024-05-09/day']);
  assert.deepEqual(at('It was his 5th visit on the 31st floor.'), []);
  // a week is a week: the Monday of the ISO week counted from the publication date's own week
  // (2024-05-06 is a Monday; chrono alone gives days, and weeks that begin on Sunday)
  assert.deepEqual(at('Police arrested six men last week.'), ['2024-04-29/week']);
  assert.deepEqual(at('The talks began earlier this week.'), ['2024-05-06/week']);
  assert.deepEqual(at('Rebels seized the town two weeks ago.'), ['2024-04-22/week']);
  assert.deepEqual(at('The ministers will meet next week.', true), ['2024-05-13/week']);
  // a month without its year: "last December" is the one before the publication date, "next March"
  // the one after; a bare month still to come this year is last year's in a text about the past
  assert.deepEqual(at('France withdrew its troops last December.'), ['2023-12-01/month']);
  assert.deepEqual(at('The talks will resume next March.', true), ['2025-03-01/month']);
  assert.deepEqual(at('The deal was signed on December 5.'), ['2023-12-05/day']);
  assert.deepEqual(at('The talks began in March.'), ['2024-03-01/month']);
  assert.deepEqual(at('The vote is due in December.', true), ['2024-12-01/month']);
  // the verb "march" and the modal "may" are no months
  assert.deepEqual(at('Protesters plan to march again on Monday evening.', true), ['2024-05-06/day']);
  assert.deepEqual(at('Students may strike, and they will march on Friday.', true), ['2024-05-10/day']);
  assert.deepEqual(at('The vote was held in May.'), ['2024-05-01/month']);
});

test('a purpose of the same kind by the same side is the act told again ("met X to discuss"); "attacked X in Y" targets X', () => {
  const doc = run('Macron met German Chancellor Olaf Scholz in Berlin to discuss energy policy.');
  assert.equal(doc.events.filter((e) => e.root === '04').length, 1, JSON.stringify(doc.events.map((e) => [e.code, e.trigger.text])));
  // an announced act is still coded once, under its intent code
  const p = run('Japan pledged to send aid to Turkey.');
  assert.equal(p.events.filter((e) => e.root === '03').length, 1);
  const a = run('Israel attacked Hezbollah in southern Lebanon.');
  assert.equal(name(a, a.events.find((e) => e.root === '19')?.target ?? null), 'Hezbollah');
});

test('forces sent, deployed or withdrawn are the source\'s means, not the target, unless another state\'s', () => {
  const a = run('Uzbekistan will withdraw additional troops from the border.');
  const w = a.events.find((e) => e.code.startsWith('087') || e.root === '03');
  assert.ok(w, JSON.stringify(a.events.map((e) => e.code)));
  assert.notEqual(name(a, w.target), 'troops');
  const b = run('Armenia asked Russia to withdraw Azerbaijani troops.');
  const x = b.events.find((e) => e.trigger.text === 'withdraw');
  assert.match(b.actors.find((y) => y.id === x?.target)?.code ?? '', /^AZE/);
});

test('the Markdown report marks an event of the sentence classifier as such', async () => {
  const { renderMarkdown } = await import('../src/report/markdown.js');
  const doc = run('Gunmen targeted a Pakistani checkpoint near the Afghan border.');
  const md = renderMarkdown(doc);
  const line = md.split('\n').find((l) => l.includes('(180)'));
  assert.ok(line, md);
  assert.match(line, /from the sentence classifier/);
  assert.doesNotMatch(renderMarkdown(run('Police arrested dozens of protesters in Almaty on Wednesday.')), /sentence classifier/);
});

test('dateSource: an event dated by its sentence says "sentence", one dated by the publication says "publication"', () => {
  const doc = run('Police arrested dozens of protesters in Almaty on Wednesday. Gunmen attacked a police station in Kano.');
  const arrest = doc.events.find((e) => e.root === '17')!;
  assert.equal(arrest.date, '2024-05-01');
  assert.equal(arrest.dateSource, 'sentence');
  const attack = doc.events.find((e) => e.root === '19' || e.root === '18')!;
  assert.equal(attack.date, '2024-05-06');
  assert.equal(attack.dateSource, 'publication');
  // undated (no publication date, none in the sentence): no dateSource
  const undated = pipe.analyze({ source: 't', format: 'text', content: 'Gunmen attacked a police station in Kano.' });
  assert.ok(undated.events.every((e) => e.date === null && e.dateSource === undefined));
});

test('a negated verb governing the act as its complement negates the act ("never again allow terrorists to threaten")', () => {
  const a = run('Tokayev said Kazakhstan would never again allow terrorists to threaten its people.');
  const t = a.events.find((e) => e.trigger.text === 'threaten');
  assert.ok(t && t.negated, JSON.stringify(a.events.map((e) => [e.trigger.text, e.negated])));
  const b = run('The government allowed troops to fire on protesters.');
  assert.ok(b.events.some((e) => e.trigger.text === 'fire' && !e.negated));
});

test('a month followed by "last year" or "next year" is in that year, and the year phrase is no second date', async () => {
  const { resolveDates } = await import('../src/time/index.js');
  const last = resolveDates('She had been detained since February last year.', '2025-03-21');
  assert.deepEqual(last.map((d) => [d.date, d.precision, d.text]), [['2024-02-01', 'month', 'February last year']]);
  const next = resolveDates('The talks will resume in March next year.', '2025-03-21', { lookAhead: true });
  assert.deepEqual(next.map((d) => [d.date, d.precision]), [['2026-03-01', 'month']]);
  assert.deepEqual(resolveDates('Prices rose in February.', '2025-03-21').map((d) => d.date), ['2025-02-01']);
});
