/**
 * The place gazetteer (data/actors/places.yaml, src/actors/places.ts): the loader's checks, and
 * places as event locations. Sentences are our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPlaces, placeKey } from '../src/actors/places.js';
import { createPipeline } from '../src/pipeline.js';
import { SteppeError } from '../src/errors.js';

const file = (body: string) => { const f = join(mkdtempSync(join(tmpdir(), 'steppe-places-')), 'places.yaml'); writeFileSync(f, body); return f; };

test('loader: forms are keyed as the tokenizer splits them; bad codes and repeated forms are refused', () => {
  assert.equal(placeKey('Deir ez-Zor'), 'deir ez - zor');
  const idx = loadPlaces(file('- { name: Khan Younis, names: [Khan Yunis], country: PSE }\n- { name: Kharkiv, names: [Kharkov], country: UKR }\n'));
  assert.deepEqual(idx.byForm.get('khan yunis'), { name: 'Khan Younis', country: 'PSE' });
  assert.equal(idx.maxWords, 2);
  assert.throws(() => loadPlaces(file('- { name: Kharkiv, names: [], country: Ukraine }\n')), (e: unknown) => e instanceof SteppeError && e.code === 'E_BAD_DICTIONARY' && /alpha-3/.test(e.message));
  assert.throws(() => loadPlaces(file('- { name: Kharkiv, names: [], country: UKR }\n- { name: Kharkov, names: [Kharkiv], country: UKR }\n')), /already a form of Kharkiv/);
  assert.equal(loadPlaces(join(tmpdir(), 'no-such-places.yaml')).byForm.size, 0);
});

test('the committed gazetteer: every entry is a place below a state, with its state', () => {
  const idx = loadPlaces();
  assert.ok(idx.byForm.size > 100, `${idx.byForm.size} forms`);
  for (const [form, p] of idx.byForm) assert.match(p.country, /^[A-Z]{3}$/, form);
  assert.equal(idx.byForm.get('kharkiv')?.country, 'UKR');
  assert.equal(idx.byForm.get('lagos')?.country, 'NGA');
});

test('events take a gazetteer place near the trigger as their location, with its country', () => {
  const pipe = createPipeline({ noExtract: true });
  const doc = pipe.analyze({ source: 't', format: 'text', content: 'Russian forces shelled residential buildings in Kharkiv on Monday. Police arrested dozens of protesters in Lagos.', published: '2024-05-06' });
  const shell = doc.events.find((e) => e.root === '19');
  assert.deepEqual(shell?.location, { name: 'Kharkiv', country: 'UKR' });
  const arrest = doc.events.find((e) => e.root === '17');
  assert.deepEqual(arrest?.location, { name: 'Lagos', country: 'NGA' });
  // a place is no actor: it is never an event's source or target
  assert.ok(!doc.actors.some((a) => a.name === 'Kharkiv' || a.name === 'Lagos'));
});

test('places a first-time user found missing are listed with their state (Sagaing, Catatumbo, Jarinje, Tegh, Macomia)', () => {
  const idx = loadPlaces();
  for (const [form, cc] of [['sagaing', 'MMR'], ['catatumbo', 'COL'], ['jarinje', 'XKX'], ['tegh', 'ARM'], ['macomia', 'MOZ']]) assert.equal(idx.byForm.get(form)?.country, cc, form);
  const pipe = createPipeline({ noExtract: true });
  const doc = pipe.analyze({ source: 't', format: 'text', content: 'Government troops shelled rebel positions in the Sagaing region on Tuesday.', published: '2025-01-15' });
  assert.deepEqual(doc.events[0]?.location, { name: 'Sagaing', country: 'MMR' });
});
