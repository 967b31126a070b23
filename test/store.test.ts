/**
 * Tests of the storage layer (src/store): the SQLite backend round-trips a `steppe.document/1`,
 * replaces an article on re-save, changes nothing on a failed save, migrates new files, and
 * refuses databases from a newer steppe and files that are not SQLite.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DocumentSchema, SCHEMA_ID } from '../src/schema.js';
import type { SteppeDocument } from '../src/schema.js';
import { SteppeError } from '../src/errors.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { LATEST_SCHEMA_VERSION, migrations } from '../src/store/migrations.js';

/** A fresh temporary directory, removed when the test ends. */
function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'steppe-store-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The `[start, end)` span of the `nth` occurrence of `needle` in `text`, with its text. */
function span(text: string, needle: string, nth = 0): { start: number; end: number; text: string } {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(needle, start + 1);
  assert.ok(start >= 0, `fixture: "${needle}" not in text`);
  return { start, end: start + needle.length, text: needle };
}

/** A small synthetic document exercising every field, nullable and optional, of the contract. */
function makeDocument(): SteppeDocument {
  const p1 = 'President Qasym-Zhomart Toqaev spoke by phone with Vladimir Putin on January 10.';
  const p2 = '"We will restore order," Toqaev said. Protesters in Almaty said they would not leave the square.';
  const cap = 'Toqaev in Astana. Photo: Reuters';
  const text = `${p1}\n\n${p2}\n\n${cap}`;
  const sent1 = { start: 0, end: p1.length };
  const quote = span(text, '"We will restore order,"');
  const call = span(text, 'spoke by phone');
  const leave = span(text, 'not leave');
  const sent3Start = text.indexOf('Protesters');
  const doc: SteppeDocument = {
    schema: SCHEMA_ID,
    article: {
      id: '0123456789abcdef',
      source: 'corpus/rferl-kazakhstan.html',
      url: 'https://www.rferl.org/a/kazakhstan-toqaev-putin/31650000.html',
      outlet: 'RFE/RL',
      title: 'Toqaev Calls Putin',
      byline: ['Reid Standish', 'Chris Rickleton'],
      published: '2022-01-20',
      language: 'en',
      text,
      paragraphs: [
        { start: 0, end: p1.length, kind: 'body' },
        { start: p1.length + 2, end: p1.length + 2 + p2.length, kind: 'body' },
        { start: text.length - cap.length, end: text.length, kind: 'caption' },
      ],
      removed: [{ text: 'Accessibility links', reason: 'navigation' }],
    },
    actors: [
      {
        id: 'a1', name: 'Qasym-Zhomart Toqaev', type: 'person', country: 'KAZ', code: 'KAZGOV',
        description: 'President',
        mentions: [span(text, 'Qasym-Zhomart Toqaev'), span(text, 'Toqaev', 1), span(text, 'Toqaev', 2)],
      },
      {
        id: 'a2', name: 'Vladimir Putin', type: 'person', country: 'RUS', code: 'RUSGOV',
        description: null, mentions: [span(text, 'Vladimir Putin')],
      },
      {
        id: 'a3', name: 'protesters', type: 'group', country: null, code: null, description: null,
        mentions: [span(text, 'Protesters')],
      },
      { id: 'a4', name: 'Astana', type: 'location', country: 'KAZ', code: null, description: null, mentions: [] },
    ],
    quotes: [
      {
        id: 'q1', text: quote.text, start: quote.start, end: quote.end, kind: 'direct', speaker: 'a1',
        speakerMention: (({ start, end }) => ({ start, end }))(span(text, 'Toqaev', 1)), cue: 'said', confidence: 0.9,
      },
      {
        id: 'q2', text: 'they would not leave the square', ...(({ start, end }) => ({ start, end }))(span(text, 'they would not leave the square')),
        kind: 'indirect', speaker: null, speakerMention: null, cue: null,
      },
    ],
    events: [
      {
        id: 'e1', code: '041', root: '04', quadClass: 1, goldstein: 1, name: 'Discuss by telephone',
        plover: { type: 'CONSULT', mode: 'phone' }, source: 'a1', target: 'a2',
        date: '2022-01-10', datePrecision: 'day', location: { name: 'Kazakhstan', country: 'KAZ' },
        sentence: sent1, trigger: call, negated: false, modality: 'asserted', confidence: 0.85,
        // told twice: both mentions, its own first (schema v2 table event_mentions)
        mentions: [
          { sentence: sent1, trigger: call },
          { sentence: { start: sent3Start, end: sent3Start + 'Protesters in Almaty said they would not leave the square.'.length }, trigger: leave },
        ],
      },
      {
        id: 'e2', code: '1411', root: '14', quadClass: 4, goldstein: -6.5,
        plover: { type: 'PROTEST', mode: null }, source: 'a3', target: null,
        date: null, datePrecision: null, location: null,
        sentence: { start: sent3Start, end: sent3Start + 'Protesters in Almaty said they would not leave the square.'.length },
        trigger: leave, negated: true, modality: 'reported', confidence: 0.4,
      },
      {
        id: 'e3', code: '20', root: '20', quadClass: 4, goldstein: -10, plover: null, source: null, target: null,
        date: '2022-01-01', datePrecision: 'month', location: { name: 'Almaty', country: null },
        sentence: sent1, trigger: call, negated: false, modality: 'hypothetical', confidence: 0,
      },
    ],
  };
  return DocumentSchema.parse(doc);
}

/** A deep copy, so that a test can break a document without touching the fixture. */
function clone<T>(x: T): T {
  return structuredClone(x);
}

test('fixture document is valid and its spans slice the text', () => {
  const doc = makeDocument();
  const t = doc.article.text;
  for (const a of doc.actors) for (const m of a.mentions) assert.equal(t.slice(m.start, m.end), m.text);
  for (const q of doc.quotes) assert.equal(t.slice(q.start, q.end), q.text);
  for (const e of doc.events) assert.equal(t.slice(e.trigger.start, e.trigger.end), e.trigger.text);
});

test('save then getDocument round-trips the document exactly', (t) => {
  const store = openSqliteStore({ file: join(tempDir(t), 'steppe.db') });
  t.after(() => store.close());
  const doc = makeDocument();
  store.saveDocument(doc);
  const got = store.getDocument(doc.article.id);
  assert.ok(got);
  assert.deepEqual(got, doc);
  assert.deepEqual(DocumentSchema.parse(got), doc);
  // Optional fields stay absent when absent (not `undefined`, not null).
  assert.equal('confidence' in got.quotes[1], false);
  assert.equal('name' in got.events[1], false);
  assert.equal(JSON.stringify(got), JSON.stringify(doc), 'same JSON, same key order');
  assert.deepEqual(store.stats(), { articles: 1, actors: 4, mentions: 5, quotes: 2, events: 3 });
  assert.equal(store.getDocument('ffffffffffffffff'), null);
});

test('an empty document (no actors, quotes, events) round-trips in memory', (t) => {
  const store = openSqliteStore({ file: ':memory:' });
  t.after(() => store.close());
  const doc = makeDocument();
  doc.actors = [];
  doc.quotes = [];
  doc.events = [];
  doc.article.title = null;
  doc.article.url = null;
  doc.article.byline = [];
  store.saveDocument(doc);
  assert.deepEqual(store.getDocument(doc.article.id), doc);
  assert.equal(store.schemaVersion(), LATEST_SCHEMA_VERSION);
});

test('saving the same article twice keeps one copy; a re-analysis replaces every row', (t) => {
  const store = openSqliteStore({ file: join(tempDir(t), 'steppe.db') });
  t.after(() => store.close());
  const doc = makeDocument();
  store.saveDocument(doc);
  const once = store.stats();
  store.saveDocument(doc);
  assert.deepEqual(store.stats(), once);
  assert.deepEqual(store.getDocument(doc.article.id), doc);

  const other = makeDocument();
  other.article.id = 'fedcba9876543210';
  other.article.source = 'corpus/other.html';
  store.saveDocument(other);
  assert.equal(store.stats().articles, 2);

  const reanalysed = clone(doc);
  reanalysed.article.title = 'Toqaev Calls Putin (updated)';
  reanalysed.actors = reanalysed.actors.slice(0, 2);
  reanalysed.actors[0].mentions = reanalysed.actors[0].mentions.slice(0, 1);
  reanalysed.quotes = [];
  reanalysed.events = [reanalysed.events[0]];
  store.saveDocument(reanalysed);
  assert.deepEqual(store.getDocument(doc.article.id), reanalysed);
  assert.deepEqual(store.getDocument(other.article.id), other, 'other articles untouched');
  assert.deepEqual(store.stats(), { articles: 2, actors: 6, mentions: 7, quotes: 2, events: 4 });
});

test('a failing save throws E_STORE and leaves the previous version intact', (t) => {
  const store = openSqliteStore({ file: join(tempDir(t), 'steppe.db') });
  t.after(() => store.close());
  const doc = makeDocument();
  store.saveDocument(doc);
  const before = store.stats();

  // The last event violates CHECK (quad_class BETWEEN 1 AND 4); zod is bypassed on purpose.
  const bad = clone(doc);
  bad.article.title = 'should not be stored';
  (bad.events[2] as { quadClass: number }).quadClass = 7;
  assert.throws(() => store.saveDocument(bad), (e: unknown) => {
    assert.ok(e instanceof SteppeError);
    assert.equal(e.code, 'E_STORE');
    assert.equal(e.input, doc.article.source);
    assert.match(e.message, /quad_class/);
    assert.doesNotMatch(e.toLine(), /\n/);
    return true;
  });
  assert.deepEqual(store.getDocument(doc.article.id), doc);
  assert.deepEqual(store.stats(), before);

  // An event whose source is not an actor of the article violates a foreign key.
  const dangling = clone(doc);
  dangling.events[0].source = 'a99';
  assert.throws(() => store.saveDocument(dangling), (e: unknown) => e instanceof SteppeError && e.code === 'E_STORE' && /FOREIGN KEY/.test(e.message));
  assert.deepEqual(store.getDocument(doc.article.id), doc);

  // A structurally broken document (missing events) fails inside the transaction too.
  const broken = clone(doc) as unknown as { events?: unknown };
  delete broken.events;
  assert.throws(() => store.saveDocument(broken as SteppeDocument), (e: unknown) => e instanceof SteppeError && e.code === 'E_STORE');
  assert.deepEqual(store.getDocument(doc.article.id), doc);

  // A new article that fails leaves no trace at all.
  const badNew = clone(bad);
  badNew.article.id = '1111111111111111';
  assert.throws(() => store.saveDocument(badNew), SteppeError);
  assert.equal(store.getDocument('1111111111111111'), null);
  assert.deepEqual(store.stats(), before);
});

test('migrations run on a fresh file; reopening is a no-op', (t) => {
  const file = join(tempDir(t), 'steppe.db');
  const store = openSqliteStore({ file });
  assert.equal(store.schemaVersion(), LATEST_SCHEMA_VERSION);
  const doc = makeDocument();
  store.saveDocument(doc);
  store.close();
  store.close(); // harmless

  const raw = new Database(file, { readonly: true });
  const tables = (raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  for (const name of ['actors', 'articles', 'events', 'mentions', 'quotes', 'schema_migrations']) assert.ok(tables.includes(name), name);
  const indexes = (raw.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]).map((r) => r.name);
  for (const name of ['events_code', 'events_root', 'events_date', 'actors_code', 'actors_name']) assert.ok(indexes.includes(name), name);
  assert.equal(raw.pragma('journal_mode', { simple: true }), 'wal');
  const logged = raw.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[];
  assert.deepEqual(logged.map((r) => r.version), migrations.map((m) => m.version));
  raw.close();

  const again = openSqliteStore({ file });
  t.after(() => again.close());
  assert.equal(again.schemaVersion(), LATEST_SCHEMA_VERSION);
  assert.deepEqual(again.getDocument(doc.article.id), doc);
  const raw2 = new Database(file, { readonly: true });
  assert.equal((raw2.prepare('SELECT count(*) AS n FROM schema_migrations').get() as { n: number }).n, migrations.length);
  raw2.close();
});

test('migration versions run 1, 2, 3, … without gaps', () => {
  migrations.forEach((m, i) => assert.equal(m.version, i + 1));
  assert.equal(LATEST_SCHEMA_VERSION, migrations.length);
});

test('a database from a newer steppe is refused', (t) => {
  const file = join(tempDir(t), 'future.db');
  openSqliteStore({ file }).close();
  const raw = new Database(file);
  raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
  raw.close();
  assert.throws(() => openSqliteStore({ file }), (e: unknown) => {
    assert.ok(e instanceof SteppeError);
    assert.equal(e.code, 'E_STORE');
    assert.equal(e.input, file);
    assert.equal(e.message,
      `database schema v${LATEST_SCHEMA_VERSION + 1} is newer than this steppe (v${LATEST_SCHEMA_VERSION}); upgrade steppe`);
    return true;
  });
  const check = new Database(file, { readonly: true });
  assert.equal(check.pragma('user_version', { simple: true }), LATEST_SCHEMA_VERSION + 1, 'left as it was');
  check.close();
});

test('a file that is not a SQLite database is refused with a one-line message', (t) => {
  const file = join(tempDir(t), 'notes.txt');
  const content = 'These are my notes, not a database.\n'.repeat(50);
  writeFileSync(file, content);
  assert.throws(() => openSqliteStore({ file }), (e: unknown) => {
    assert.ok(e instanceof SteppeError);
    assert.equal(e.code, 'E_STORE');
    assert.equal(e.input, file);
    assert.match(e.message, /not a SQLite database/);
    assert.doesNotMatch(e.toLine(), /\n/);
    assert.ok(e.toLine().startsWith(file));
    return true;
  });
  assert.equal(readFileSync(file, 'utf8'), content, 'the file is left untouched');
});

test('a database in a missing directory is refused with a clear message', (t) => {
  const file = join(tempDir(t), 'no', 'such', 'dir', 'steppe.db');
  assert.throws(() => openSqliteStore({ file }), (e: unknown) => e instanceof SteppeError && e.code === 'E_STORE' && e.input === file);
});

test('a directory given as the database is refused, saying it is a directory', (t) => {
  const dir = tempDir(t);
  assert.throws(() => openSqliteStore({ file: dir }), (e: unknown) => e instanceof SteppeError && e.code === 'E_STORE' && e.input === dir && /is a directory/.test(e.message));
});

test('a version-1 database is upgraded to the latest schema on open, keeping its rows', (t) => {
  const file = join(tempDir(t), 'old.db');
  const raw = new Database(file);
  raw.exec(migrations[0].up);
  raw.pragma('user_version = 1');
  raw.prepare("INSERT INTO articles (id, source, byline, text, paragraphs, removed, analyzed_at) VALUES ('aaaaaaaaaaaaaaaa', 'old.txt', '[]', 'Old text.', '[]', '[]', '2022-01-01T00:00:00Z')").run();
  raw.close();
  const store = openSqliteStore({ file });
  t.after(() => store.close());
  assert.equal(store.stats().articles, 1, 'the old row is kept');
  const doc = makeDocument();
  store.saveDocument(doc);
  assert.deepEqual(store.getDocument(doc.article.id)?.events[0].mentions, doc.events[0].mentions);
  const check = new Database(file, { readonly: true });
  t.after(() => check.close());
  assert.equal(check.pragma('user_version', { simple: true }), LATEST_SCHEMA_VERSION);
  assert.ok(LATEST_SCHEMA_VERSION >= 2);
});

test('a version-2 database gains events.origin (v3) and events.date_source (v4); both round-trip, absent when unset', (t) => {
  const file = join(tempDir(t), 'v2.db');
  const raw = new Database(file);
  raw.exec(migrations[0].up);
  raw.exec(migrations[1].up);
  raw.pragma('user_version = 2');
  raw.close();
  const store = openSqliteStore({ file });
  t.after(() => store.close());
  assert.ok(LATEST_SCHEMA_VERSION >= 3);
  const doc = makeDocument();
  assert.ok(doc.events.length >= 1);
  doc.events[0] = { ...doc.events[0], origin: 'classifier', ...(doc.events[0].date ? { dateSource: 'publication' as const } : {}) };
  store.saveDocument(doc);
  const back = store.getDocument(doc.article.id)!;
  assert.equal(back.events[0].origin, 'classifier');
  for (const e of back.events.slice(1)) assert.equal(e.origin, undefined);
  assert.deepEqual(back, doc);
  // the column refuses other values
  const check = new Database(file);
  t.after(() => check.close());
  assert.throws(() => check.prepare("UPDATE events SET origin = 'guess'").run(), /CHECK/);
  assert.throws(() => check.prepare("UPDATE events SET date_source = 'guess'").run(), /CHECK/);
  assert.ok(LATEST_SCHEMA_VERSION >= 4);
});

test('a version-4 database is rebuilt for week precision (v5) keeping its events and their mentions', (t) => {
  const file = join(tempDir(t), 'v4.db');
  const raw = new Database(file);
  for (const m of migrations.slice(0, 4)) raw.exec(m.up);
  raw.pragma('user_version = 4');
  raw.prepare("INSERT INTO articles (id, source, byline, text, paragraphs, removed, analyzed_at) VALUES ('bbbbbbbbbbbbbbbb', 'old.txt', '[]', 'Chad met Niger. Chad met Niger again.', '[]', '[]', '2022-01-01T00:00:00Z')").run();
  raw.prepare("INSERT INTO actors (article_id, id, pos, name, type, country, code) VALUES ('bbbbbbbbbbbbbbbb', 'a1', 0, 'Chad', 'state', 'TCD', 'TCD'), ('bbbbbbbbbbbbbbbb', 'a2', 1, 'Niger', 'state', 'NER', 'NER')").run();
  raw.prepare(`INSERT INTO events (article_id, id, pos, code, root, quad_class, goldstein, source_actor, target_actor, date, date_precision,
    sentence_start, sentence_end, trigger_start, trigger_end, trigger_text, negated, modality, confidence, origin, date_source)
    VALUES ('bbbbbbbbbbbbbbbb', 'e1', 0, '040', '04', 1, 1.0, 'a1', 'a2', '2022-01-01', 'month', 0, 15, 5, 8, 'met', 0, 'asserted', 0.8, NULL, 'sentence')`).run();
  raw.prepare(`INSERT INTO event_mentions (article_id, event_id, pos, sentence_start, sentence_end, trigger_start, trigger_end, trigger_text)
    VALUES ('bbbbbbbbbbbbbbbb', 'e1', 0, 0, 15, 5, 8, 'met'), ('bbbbbbbbbbbbbbbb', 'e1', 1, 16, 37, 21, 24, 'met')`).run();
  raw.close();
  const store = openSqliteStore({ file });
  t.after(() => store.close());
  assert.ok(LATEST_SCHEMA_VERSION >= 5);
  const old = store.getDocument('bbbbbbbbbbbbbbbb');
  assert.equal(old?.events.length, 1);
  assert.equal(old?.events[0].datePrecision, 'month');
  assert.equal(old?.events[0].dateSource, 'sentence');
  assert.deepEqual(old?.events[0].mentions?.map((m) => m.trigger.start), [5, 21], 'both mentions survive the rebuild');
  const doc = makeDocument();
  doc.events[0] = { ...doc.events[0], date: '2022-01-03', datePrecision: 'week' };
  store.saveDocument(doc);
  assert.equal(store.getDocument(doc.article.id)?.events[0].datePrecision, 'week');
});

test("the README's sample SQL runs on a store and keeps asserted and reported acts, not denied or hypothetical ones", async (t) => {
  const { PACKAGE_ROOT } = await import('../src/paths.js');
  const { createPipeline } = await import('../src/pipeline.js');
  const readme = readFileSync(join(PACKAGE_ROOT, 'README.md'), 'utf8');
  const sql = /sqlite3 steppe\.db "([^"]+)"/.exec(readme)?.[1];
  assert.ok(sql, 'no sample query in the README');
  const file = join(tempDir(t), 'steppe.db');
  const store = openSqliteStore({ file });
  t.after(() => store.close());
  const pipe = createPipeline({ noExtract: true });
  store.saveDocument(pipe.analyze({ source: 'wire.txt', format: 'text', published: '2024-03-06', content:
    'Rebels attacked an army base in Mali on Monday, officials said. Mali did not arrest the rebel commander. Mali may attack the rebels next week.' }));
  const db = new Database(file, { readonly: true });
  t.after(() => db.close());
  const rows = db.prepare(sql).all() as Array<{ event: string; modality: string }>;
  assert.ok(rows.some((r) => r.event.startsWith('19') || r.event.startsWith('18')), JSON.stringify(rows));
  assert.ok(rows.every((r) => r.modality === 'asserted' || r.modality === 'reported'), JSON.stringify(rows));
  assert.ok(!rows.some((r) => r.event === '173'), 'a denied arrest is listed');
});
