/**
 * Actor resolution (src/actors/resolve.ts) on sentences we write: titles, coreference,
 * metonymy, appositions, agent groups, tenures by date.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPipeline } from '../src/pipeline.js';
import type { SteppeDocument } from '../src/schema.js';

const pipeline = createPipeline({ noExtract: true });
const run = (text: string, published = '2022-01-20'): SteppeDocument => pipeline.analyze({ source: 'test', format: 'text', content: text, published });
const actor = (doc: SteppeDocument, nm: string) => doc.actors.find((a) => a.name === nm);

test('a title before a name is not in the mention but gives the role; the surname joins the actor', () => {
  const doc = run('Chinese Foreign Minister Wang Yi arrived in Astana. Wang met officials there.');
  const wang = actor(doc, 'Wang Yi');
  assert.ok(wang);
  assert.deepEqual(wang.mentions.map((m) => m.text), ['Wang Yi', 'Wang']);
  assert.equal(wang.code, 'CHNGOV');
  assert.equal(wang.type, 'person');
});

test('spelling variants and short forms resolve to one dictionary person', () => {
  const doc = run('Kassym-Jomart Tokayev spoke on Monday. Toqaev later flew to Moscow. Tokayev returned on Friday.');
  const t = doc.actors.filter((a) => a.code === 'KAZGOV' && a.type === 'person');
  assert.equal(t.length, 1);
  assert.equal(t[0].mentions.length, 3);
});

test('tenures: the same person is coded by the office held on the publication date', () => {
  const before = run('Nursultan Nazarbayev addressed the nation.', '2018-05-01');
  assert.equal(actor(before, 'Nursultan Nazarbaev')?.code, 'KAZGOV');
  const after = run('Nursultan Nazarbayev addressed the nation.', '2022-01-20');
  assert.equal(actor(after, 'Nursultan Nazarbaev')?.code, 'KAZELI');
  assert.match(actor(after, 'Nursultan Nazarbaev')?.description ?? '', /^former President/);
});

test('metonymy: capitals and buildings stand for the state; after "in" a capital is a place', () => {
  const doc = run('Beijing welcomed the decision, and the Kremlin said Moscow would send envoys. Talks were held in Beijing.');
  const china = actor(doc, 'China');
  const russia = actor(doc, 'Russia');
  assert.deepEqual(china?.mentions.map((m) => m.text), ['Beijing']);
  assert.deepEqual(russia?.mentions.map((m) => m.text), ['the Kremlin', 'Moscow']);
});

test('appositions give the description, agent code and country of an unknown person', () => {
  const doc = run('"The border is calm," said Timur Bekov, a senior analyst at the Almaty Institute for Regional Studies. Zhang Xiao, China\'s ambassador to Kazakhstan, told reporters the same.');
  const bekov = actor(doc, 'Timur Bekov');
  assert.equal(bekov?.description, 'senior analyst at the Almaty Institute for Regional Studies');
  assert.equal(bekov?.code, 'EDU');
  const zhang = actor(doc, 'Zhang Xiao');
  assert.equal(zhang?.description, "China's ambassador to Kazakhstan");
  assert.equal(zhang?.code, 'CHNGOV');
  assert.equal(zhang?.country, 'CHN');
  assert.equal(actor(doc, 'Almaty Institute for Regional Studies')?.type, 'organization');
});

test('agent phrases become group actors with the country that qualifies them', () => {
  const doc = run('Kazakh security forces detained protesters, and Russian soldiers guarded the airport.');
  assert.equal(actor(doc, 'Kazakh security forces')?.code, 'KAZCOP');
  assert.equal(actor(doc, 'Russian soldiers')?.code, 'RUSMIL');
  const p = doc.actors.find((a) => a.name === 'protesters');
  assert.equal(p?.type, 'group');
  assert.equal(p?.country, null);
});

test('honorifics are not names: "Mr. Reeves" is a mention of Eric Reeves', () => {
  const doc = run('Eric Reeves, a senior fellow at Harvard University, criticized the decision. Mr. Reeves has written about Sudan for years.');
  const reeves = actor(doc, 'Eric Reeves');
  assert.deepEqual(reeves?.mentions.map((m) => m.text), ['Eric Reeves', 'Reeves']);
  assert.ok(!doc.actors.some((a) => a.name.startsWith('Mr')));
});

test('a demonym shared with a dependent territory names the sovereign state', () => {
  const doc = run('American officials met their Indian counterparts.');
  assert.equal(actor(doc, 'American officials')?.country, 'USA');
});

test('headings and programmes are not people or actors', () => {
  const doc = pipeline.analyze({ source: 't', format: 'text', content: 'China and Kazakhstan signed a deal.\n\nFinding Common Ground\n\nThe Belt and Road Initiative grew.', published: '2022-01-20' });
  assert.ok(!doc.actors.some((a) => a.name === 'Finding Common Ground' || /Initiative/.test(a.name)));
});
