/**
 * Tests of the `steppe` command line: the real CLI (bin/steppe.js) is run in a child process in a
 * temporary directory, always with `--db <tmp>/…` or `--no-db`. Covered: help, the output formats,
 * several inputs at once, one stderr line per bad input (alone and next to a good input), the
 * store, `--no-extract`, `--published`, stdin, and `steppe extract`.
 *
 * A CLI process costs about a second (it loads the NLP model), so the checks are grouped into few
 * runs, the tests run concurrently and `runCli` keeps to one process per core.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteStore } from '../src/store/sqlite.js';
import { ArticleSchema, DocumentSchema, type SteppeDocument } from '../src/schema.js';
import { EXAMPLES, FIXTURES, assertArticleValid, assertDocumentValid, runCli, tempDir, type CliResult } from './helpers.js';

const EXAMPLE = join(EXAMPLES, 'caspian-summit.txt');
const EXAMPLE_TITLE = 'Ministers Agree To Caspian Security Talks After Border Clash';
/** Tests run concurrently; runCli itself keeps to one CLI process per core. */
const CONCURRENCY = true;

/** Article count of a steppe database (0 when the file does not exist). */
function storedArticles(db: string): number {
  if (!existsSync(db)) return 0;
  const store = openSqliteStore({ file: db });
  try {
    return store.stats().articles;
  } finally {
    store.close();
  }
}

/** Parse `--format jsonl` output: one valid document per line. */
function jsonlDocs(r: CliResult): SteppeDocument[] {
  const lines = r.stdout.split('\n').filter((l) => l.length > 0);
  return lines.map((l) => DocumentSchema.parse(JSON.parse(l)));
}

/** The summary line the CLI prints after failures: `steppe: 1 document analysed, 2 failed (…)`. */
const SUMMARY = /^steppe: \d+ documents? (?:analysed|extracted), \d+ failed(?: \(\d+ stored in .+\))?$/;

/**
 * Exactly one stderr line names `input` (`steppe: <input>: <reason>`), and its reason matches;
 * returns that line.
 */
function assertOneErrorLine(r: CliResult, input: string, reason: RegExp): string {
  const prefix = `steppe: ${input}`;
  const mine = r.errLines.filter((l) => l.startsWith(prefix + ':') || l.startsWith(prefix + ' '));
  assert.equal(mine.length, 1, `stderr lines naming ${input}:\n${r.stderr}`);
  const rest = mine[0].slice(prefix.length).replace(/^:\s*/, '');
  assert.match(rest, reason, `reason for ${input}: ${mine[0]}`);
  assert.ok(!/\n\s+at /.test(r.stderr), `a stack trace on stderr:\n${r.stderr}`);
  return mine[0];
}

/** stderr holds only the error lines of `inputs` (each once) and the summary line. */
function assertOnlyErrorLines(r: CliResult, inputs: string[]): void {
  for (const l of r.errLines) {
    assert.ok(SUMMARY.test(l) || inputs.some((i) => l.startsWith(`steppe: ${i}:`)), `unexpected stderr line: ${l}`);
  }
  assert.ok(r.errLines.filter((l) => SUMMARY.test(l)).length <= 1, 'more than one summary line');
}

describe('steppe CLI', { concurrency: CONCURRENCY }, () => {
  describe('help', { concurrency: CONCURRENCY }, () => {
    for (const [args, must] of [
      [['--help'], ['analyze', 'extract']],
      [['analyze', '--help'], ['--format', '--published', '--url', '--no-extract', '--db', '--no-db', '--actors', 'input']],
      [['extract', '--help'], ['--format', '--published', '--url', '--no-extract', 'input']],
    ] as [string[], string[]][]) {
      test(`steppe ${args.join(' ')}`, async (t) => {
        const r = await runCli(args, { cwd: tempDir(t) });
        assert.equal(r.status, 0, r.stderr);
        assert.match(r.stdout, /^Usage: steppe/m);
        for (const word of must) assert.ok(r.stdout.includes(word), `help lacks ${word}:\n${r.stdout}`);
        assert.equal(r.stderr, '');
      });
    }
    test('no command is a usage error (exit 2)', async (t) => {
      const r = await runCli(['analyze'], { cwd: tempDir(t) });
      assert.equal(r.status, 2);
      assert.match(r.stderr, /missing required argument/i);
    });
  });

  describe('output formats', { concurrency: CONCURRENCY }, () => {
    test('a directory gives a JSON array even for one document; --actors repeats; dates need a reference', async (t) => {
      const dir = tempDir(t);
      const corpus = join(dir, 'corpus');
      mkdirSync(corpus);
      writeFileSync(join(corpus, 'one.txt'), 'Aigerim Sadykova, a senator, met Marat Omarov last month in Astana. "The talks went well," Sadykova said.\n');
      writeFileSync(join(dir, 'a.yaml'), 'people:\n  - { id: aigerim-sadykova, name: Aigerim Sadykova, country: KAZ, roles: [{ title: Senator, country: KAZ, agent: LEG, start: 2020-01-01 }] }\n');
      writeFileSync(join(dir, 'b.yaml'), 'people:\n  - { id: marat-omarov, name: Marat Omarov, country: KAZ }\n');
      const r = await runCli(['analyze', corpus, '--format', 'json', '--no-db', '--no-extract', '--actors', join(dir, 'a.yaml'), '--actors', join(dir, 'b.yaml')], { cwd: dir });
      assert.equal(r.status, 0, r.stderr);
      const docs = JSON.parse(r.stdout) as SteppeDocument[];
      assert.ok(Array.isArray(docs) && docs.length === 1, 'an array for a directory');
      const doc = docs[0];
      assert.equal(doc.actors.find((a) => a.name === 'Aigerim Sadykova')?.code, 'KAZLEG');
      assert.ok(doc.actors.some((a) => a.name === 'Marat Omarov'));
      // no publication date: "last month" stays undated instead of resolving against today's clock
      assert.ok(doc.events.every((e) => e.date === null), JSON.stringify(doc.events.map((e) => e.date)));
      const bad = await runCli(['analyze', corpus, '--published', '9999-12-31', '--no-db'], { cwd: dir });
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /between 1900 and 2199/);
    });
    test('--format json: one valid document, stored in --db', async (t) => {
      const dir = tempDir(t);
      const db = join(dir, 'x.db');
      const r = await runCli(['analyze', EXAMPLE, '--format', 'json', '--published', '2023-03-04', '--db', db], { cwd: dir });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stderr, '');
      const doc = assertDocumentValid(JSON.parse(r.stdout), { joined: true });
      assert.equal(doc.schema, 'steppe.document/1');
      assert.equal(doc.article.source, EXAMPLE);
      assert.equal(doc.article.title, EXAMPLE_TITLE);
      assert.deepEqual(doc.article.byline, ['Anna Petrova', 'Daniel Okafor']);
      assert.equal(doc.article.published, '2023-03-04');
      assert.ok(doc.actors.length > 0 && doc.quotes.length > 0 && doc.events.length > 0);
      assert.equal(storedArticles(db), 1);
      assert.ok(!existsSync(join(dir, 'steppe.db')), 'the default steppe.db was written too');
      // the stored document is the printed one
      const store = openSqliteStore({ file: db });
      try {
        assert.deepEqual(store.getDocument(doc.article.id), doc);
      } finally {
        store.close();
      }
    });

    test('--format jsonl: one line per document; --no-db writes no database', async (t) => {
      const dir = tempDir(t);
      const r = await runCli(['analyze', EXAMPLE, '--format', 'jsonl', '--no-db'], { cwd: dir });
      assert.equal(r.status, 0, r.stderr);
      assert.ok(r.stdout.endsWith('\n'));
      const docs = jsonlDocs(r);
      assert.equal(docs.length, 1);
      assert.equal(r.stdout.split('\n').length, 2, 'the document is not on one line');
      assert.equal(docs[0].article.source, EXAMPLE);
      assert.deepEqual(readdirSync(dir), [], '--no-db left files behind');
    });

    test('--format md: title and the three sections', async (t) => {
      const dir = tempDir(t);
      const r = await runCli(['analyze', EXAMPLE, '--format', 'md', '--published', '2023-03-04', '--db', join(dir, 'x.db')], { cwd: dir });
      assert.equal(r.status, 0, r.stderr);
      assert.ok(r.stdout.includes(EXAMPLE_TITLE));
      for (const h of ['## Actors', '## Quotes', '## Events']) assert.match(r.stdout, new RegExp(`^${h}\\b`, 'm'), `no "${h}" heading`);
      assert.ok(r.stdout.indexOf('## Actors') < r.stdout.indexOf('## Quotes') && r.stdout.indexOf('## Quotes') < r.stdout.indexOf('## Events'));
      assert.ok(r.stdout.includes('Qasym-Zhomart Toqaev'));
    });
  });

  describe('several inputs at once', () => {
    test('a file, a directory and a jsonl corpus: each document names its own source', async (t) => {
      const dir = tempDir(t);
      copyFileSync(EXAMPLE, join(dir, 'one.txt'));
      mkdirSync(join(dir, 'pages', 'deep'), { recursive: true });
      copyFileSync(join(FIXTURES, 'mongolia-winter-aid.txt'), join(dir, 'pages', 'b-mongolia.txt'));
      copyFileSync(join(FIXTURES, 'georgia-port-protest.html'), join(dir, 'pages', 'deep', 'a-georgia.html'));
      writeFileSync(join(dir, 'pages', 'notes.md'), '# not an article\n');
      const body = readFileSync(join(FIXTURES, 'mongolia-winter-aid.txt'), 'utf8');
      const html = readFileSync(join(FIXTURES, 'georgia-port-protest.html'), 'utf8');
      writeFileSync(join(dir, 'corpus.jsonl'), [
        JSON.stringify({ id: 'mn-1', text: body.replace('February 14', 'February 13'), published: '2023-02-17T10:00:00Z', title: 'Mongolia Seeks Aid' }),
        '',
        JSON.stringify({ id: 7, html: html.replace('June 6', 'June 5'), url: 'https://blacksea.example/a/7' }),
      ].join('\n') + '\n');
      const db = join(dir, 'x.db');
      const r = await runCli(['analyze', 'one.txt', 'pages', 'corpus.jsonl', '--format', 'jsonl', '--db', db, '--published', '2023-03-04'], { cwd: dir });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stderr, '');
      const docs = jsonlDocs(r);
      for (const d of docs) assertDocumentValid(d, { joined: true });
      // directory files in path order, deeper directories included, other files skipped
      assert.deepEqual(docs.map((d) => d.article.source), [
        'one.txt', join('pages', 'b-mongolia.txt'), join('pages', 'deep', 'a-georgia.html'), 'corpus.jsonl#mn-1', 'corpus.jsonl#7',
      ]);
      const byId = new Map(docs.map((d) => [d.article.source, d.article]));
      // jsonl fields: title and published from the line, url from the line
      assert.equal(byId.get('corpus.jsonl#mn-1')?.published, '2023-02-17');
      assert.equal(byId.get('corpus.jsonl#mn-1')?.title, 'Mongolia Seeks Aid');
      assert.equal(byId.get('corpus.jsonl#7')?.url, 'https://blacksea.example/a/7');
      assert.equal(byId.get('one.txt')?.title, EXAMPLE_TITLE);
      // every document is stored once (distinct texts, distinct ids)
      assert.equal(new Set(docs.map((d) => d.article.id)).size, 5);
      assert.equal(storedArticles(db), 5);
    });
  });

  describe('bad inputs', { concurrency: CONCURRENCY }, () => {
    /** A bad input: how to make it in `dir`, the argument naming it, and the reason it must give. */
    interface Bad { name: string; make: (dir: string) => string[]; named: string[]; reason: RegExp }
    const RUSSIAN = 'Правительство Казахстана в понедельник объявило о новых мерах по снижению цен на топливо.\n\n' +
      'По словам министра энергетики, цены на сжиженный газ будут снижены во всех регионах страны до конца месяца.\n\n' +
      'Жители Жанаозена встретили это решение с осторожностью и потребовали от властей гарантий.\n';
    const bads: Bad[] = [
      { name: 'a missing path', make: () => ['missing.txt'], named: ['missing.txt'], reason: /no such file/i },
      { name: 'an empty file', make: (d) => (writeFileSync(join(d, 'empty.txt'), ''), ['empty.txt']), named: ['empty.txt'], reason: /empty/i },
      {
        name: 'a binary file',
        make: (d) => {
          const bytes = Buffer.alloc(512);
          for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 73 + 41) % 256;
          bytes[0] = 0x50; // not a gzip magic number
          bytes[100] = 0;
          writeFileSync(join(d, 'x.txt'), bytes);
          return ['x.txt'];
        },
        named: ['x.txt'],
        reason: /binary/i,
      },
      { name: 'an unsupported extension', make: (d) => (writeFileSync(join(d, 'report.pdf'), 'Kazakh police arrested six men.\n'), ['report.pdf']), named: ['report.pdf'], reason: /unsupported file type.*\.pdf/i },
      {
        name: 'a jsonl with a broken line and a line without text or html',
        make: (d) => {
          writeFileSync(join(d, 'bad.jsonl'), '{"id": "a", "text": \n{"id": "b", "title": "No body"}\n');
          return ['bad.jsonl'];
        },
        named: ['bad.jsonl:1', 'bad.jsonl:2'],
        reason: /invalid JSON|"text" or an "html"/i,
      },
      { name: 'a URL that fails', make: () => ['http://127.0.0.1:9/'], named: ['http://127.0.0.1:9/'], reason: /fetch failed \((?!fetch failed)/ },
      { name: 'a non-English article', make: (d) => (writeFileSync(join(d, 'ru.txt'), RUSSIAN), ['ru.txt']), named: ['ru.txt'], reason: /"ru"|russian|english|\ben\b/i },
      {
        name: 'a short article in another script (below the length where language detection is sure)',
        make: (d) => (writeFileSync(join(d, 'ja.txt'), '月曜日、政府は新しい燃料価格対策を発表した。警察は抗議者六人を逮捕した。'), ['ja.txt']),
        named: ['ja.txt'], reason: /not in Latin letters/,
      },
    ];

    for (const bad of bads) {
      test(`${bad.name}: one line on stderr, exit 1, nothing stored`, async (t) => {
        const dir = tempDir(t);
        const args = bad.make(dir);
        const db = join(dir, 'x.db');
        const r = await runCli(['analyze', ...args, '--format', 'jsonl', '--db', db], { cwd: dir });
        assert.equal(r.status, 1, r.stderr);
        assert.equal(r.stdout, '');
        for (const n of bad.named) assertOneErrorLine(r, n, bad.reason);
        assertOnlyErrorLines(r, bad.named);
        assert.equal(storedArticles(db), 0);
      });
    }

    test('every bad input next to two good ones: one line each, exit 1, the good ones printed and stored', async (t) => {
      const dir = tempDir(t);
      copyFileSync(EXAMPLE, join(dir, 'good.txt'));
      copyFileSync(join(FIXTURES, 'georgia-port-protest.html'), join(dir, 'good.html'));
      const args = bads.flatMap((b) => b.make(dir));
      const db = join(dir, 'x.db');
      const r = await runCli(['analyze', 'good.txt', ...args, 'good.html', '--format', 'json', '--db', db], { cwd: dir });
      assert.equal(r.status, 1, r.stderr);
      for (const b of bads) for (const n of b.named) assertOneErrorLine(r, n, b.reason);
      assertOnlyErrorLines(r, bads.flatMap((b) => b.named));
      const out = JSON.parse(r.stdout) as unknown[];
      assert.ok(Array.isArray(out), 'several documents as --format json is not an array');
      assert.deepEqual(out.map((d) => DocumentSchema.parse(d).article.source), ['good.txt', 'good.html']);
      assert.equal(storedArticles(db), 2);
      const summary = r.errLines.find((l) => SUMMARY.test(l));
      const failures = bads.reduce((n, b) => n + b.named.length, 0);
      if (summary) assert.match(summary, new RegExp(`2 documents analysed, ${failures} failed`));
    });
  });

  describe('store, --no-extract, --published, stdin, extract', { concurrency: CONCURRENCY }, () => {
    test('the same file analysed twice into one database is one article', async (t) => {
      const dir = tempDir(t);
      const db = join(dir, 'x.db');
      const first = await runCli(['analyze', EXAMPLE, '--format', 'jsonl', '--db', db, '--published', '2023-03-04'], { cwd: dir });
      assert.equal(first.status, 0, first.stderr);
      const before = openSqliteStore({ file: db });
      const stats1 = before.stats();
      before.close();
      // the second run names the file twice: three analyses of one text
      const second = await runCli(['analyze', EXAMPLE, EXAMPLE, '--format', 'jsonl', '--db', db, '--published', '2023-03-04'], { cwd: dir });
      assert.equal(second.status, 0, second.stderr);
      assert.equal(jsonlDocs(second).length, 2);
      const store = openSqliteStore({ file: db });
      try {
        assert.equal(store.stats().articles, 1);
        assert.deepEqual(store.stats(), stats1, 're-analysis changed the row counts');
      } finally {
        store.close();
      }
    });

    test('--no-extract: article.text is the input and every span slices it', async (t) => {
      const dir = tempDir(t);
      const content = readFileSync(EXAMPLE, 'utf8');
      const r = await runCli(['analyze', EXAMPLE, '--no-extract', '--format', 'json', '--no-db', '--published', '2023-03-04'], { cwd: dir });
      assert.equal(r.status, 0, r.stderr);
      const doc = assertDocumentValid(JSON.parse(r.stdout));
      assert.equal(doc.article.text, content);
      for (const a of doc.actors) for (const m of a.mentions) assert.equal(content.slice(m.start, m.end), m.text);
      for (const q of doc.quotes) assert.equal(content.slice(q.start, q.end), q.text);
      for (const e of doc.events) assert.equal(content.slice(e.trigger.start, e.trigger.end), e.trigger.text);
    });

    for (const bad of ['yesterday', '2023-02-30']) {
      test(`--published ${bad} is a usage error (exit 2)`, async (t) => {
        const dir = tempDir(t);
        const r = await runCli(['analyze', EXAMPLE, '--published', bad, '--db', join(dir, 'x.db')], { cwd: dir });
        assert.equal(r.status, 2, `exit ${r.status}; stderr: ${r.stderr}`);
        assert.equal(r.stdout, '');
        assert.ok(r.stderr.includes('--published') && r.stderr.includes(bad) && /YYYY-MM-DD/.test(r.stderr), r.stderr);
        assert.ok(!existsSync(join(dir, 'x.db')), 'a usage error opened the database');
      });
    }

    test('stdin: - reads a piped article', async (t) => {
      const dir = tempDir(t);
      const r = await runCli(['analyze', '-', '--format', 'json', '--no-db', '--published', '2023-03-04'], { cwd: dir, input: readFileSync(EXAMPLE) });
      assert.equal(r.status, 0, r.stderr);
      const doc = assertDocumentValid(JSON.parse(r.stdout), { joined: true });
      assert.equal(doc.article.source, '-');
      assert.equal(doc.article.title, EXAMPLE_TITLE);
      assert.ok(doc.events.length > 0);
    });

    test('a reader that closes the pipe early ends the run quietly (no EPIPE trace)', async (t) => {
      const dir = tempDir(t);
      const db = join(dir, 'x.db');
      const r = await runCli(['analyze', FIXTURES, EXAMPLES, '--format', 'jsonl', '--db', db], { cwd: dir, closeStdoutEarly: true });
      assert.doesNotMatch(r.stderr, /EPIPE|\n\s+at /, r.stderr);
      assert.equal(r.status, 0, r.stderr);
      assert.ok(storedArticles(db) >= 1, 'the document written before the pipe closed is not stored');
    });

    test('steppe extract prints the article object only', async (t) => {
      const dir = tempDir(t);
      const r = await runCli(['extract', EXAMPLE, '--published', '2023-03-04', '--url', 'https://caspianwire.example/a/1'], { cwd: dir });
      assert.equal(r.status, 0, r.stderr);
      const obj = JSON.parse(r.stdout) as Record<string, unknown>;
      assert.deepEqual(Object.keys(obj).sort(), Object.keys(ArticleSchema.shape).sort());
      assertArticleValid(obj, { joined: true });
      const a = ArticleSchema.parse(obj);
      assert.equal(a.source, EXAMPLE);
      assert.equal(a.title, EXAMPLE_TITLE);
      assert.equal(a.published, '2023-03-04');
      assert.equal(a.url, 'https://caspianwire.example/a/1');
      assert.deepEqual(readdirSync(dir), [], 'extract wrote a file');
    });
    test('--url must be an http(s) URL; --max-chars refuses a longer article with E_TOO_LARGE and stores nothing', async (t) => {
      const dir = tempDir(t);
      const badUrl = await runCli(['extract', EXAMPLE, '--url', 'caspianwire/a/1'], { cwd: dir });
      assert.equal(badUrl.status, 2, badUrl.stderr);
      assert.match(badUrl.stderr, /--url.*absolute URL/);
      const ftp = await runCli(['extract', EXAMPLE, '--url', 'ftp://caspianwire.example/a/1'], { cwd: dir });
      assert.equal(ftp.status, 2);
      assert.match(ftp.stderr, /http or https/);
      const db = join(dir, 'x.db');
      const big = await runCli(['analyze', EXAMPLE, '--max-chars', '500', '--format', 'jsonl', '--db', db], { cwd: dir });
      assert.equal(big.status, 1, big.stderr);
      assert.equal(big.stdout, '');
      assertOneErrorLine(big, EXAMPLE, /characters; the limit is 500/);
      assert.equal(storedArticles(db), 0);
    });
  });
});

test('one refused file prints nothing on stdout, like any other single failed input (no empty array)', async (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'blob.dat'), Buffer.from([0, 1, 2, 3, 250, 251]));
  const r = await runCli(['analyze', join(dir, 'blob.dat'), '--no-db', '--format', 'json'], { cwd: dir });
  assert.equal(r.status, 1);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /blob\.dat: unsupported file type/);
});

test('"--db FILE" with "--no-db" is refused; two inputs with the same text are stored once, and the run says so', async (t) => {
  const dir = tempDir(t);
  const clash = await runCli(['analyze', EXAMPLE, '--no-db', '--db', join(dir, 'x.db')], { cwd: dir });
  assert.equal(clash.status, 2);
  assert.match(clash.stderr, /--db and --no-db contradict each other/);
  assert.equal(existsSync(join(dir, 'x.db')), false);
  mkdirSync(join(dir, 'twice'));
  copyFileSync(EXAMPLE, join(dir, 'twice', 'a.txt'));
  copyFileSync(EXAMPLE, join(dir, 'twice', 'b.txt'));
  const db = join(dir, 'twice.db');
  const r = await runCli(['analyze', join(dir, 'twice'), '--db', db, '--format', 'jsonl', '--published', '2023-03-04'], { cwd: dir });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /b\.txt: the same text as .*a\.txt; stored once/);
  assert.match(r.stderr, /2 documents analysed, 0 failed \(1 stored in .*; 1 repeated an earlier input's text\)/);
  assert.equal(storedArticles(db), 1);
  // a later copy that knows less (no date, no URL) does not replace the row of one that knows them
  const text = readFileSync(EXAMPLE, 'utf8');
  writeFileSync(join(dir, 'two.jsonl'), [
    JSON.stringify({ id: 'rich', text, url: 'https://news.example.org/caspian', published: '2023-03-04' }),
    JSON.stringify({ id: 'bare', text }),
  ].join('\n') + '\n');
  const db2 = join(dir, 'two.db');
  const r2 = await runCli(['analyze', join(dir, 'two.jsonl'), '--db', db2, '--format', 'jsonl'], { cwd: dir });
  assert.equal(r2.status, 0, r2.stderr);
  assert.match(r2.stderr, /bare.*the same text as .*rich.*; stored once, as .*rich.*, whose date or URL this input lacks/);
  const store = openSqliteStore({ file: db2 });
  try {
    const kept = store.getDocument(jsonlDocs(r2)[0].article.id);
    assert.equal(kept?.article.published, '2023-03-04');
    assert.equal(kept?.article.url, 'https://news.example.org/caspian');
  } finally {
    store.close();
  }
});

test('a run whose every input is refused leaves no database it created; an existing one is kept', async (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'empty.txt'), '');
  const db = join(dir, 'new.db');
  const r = await runCli(['analyze', join(dir, 'empty.txt'), '--db', db], { cwd: dir });
  assert.equal(r.status, 1);
  assert.equal(existsSync(db), false);
  const ok = await runCli(['analyze', EXAMPLE, '--db', db, '--published', '2023-03-04'], { cwd: dir });
  assert.equal(ok.status, 0, ok.stderr);
  const again = await runCli(['analyze', join(dir, 'empty.txt'), '--db', db], { cwd: dir });
  assert.equal(again.status, 1);
  assert.equal(storedArticles(db), 1);
});

test('--no-extract on an HTML page warns on one line and still analyses, as asked', async (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'p.html'), '<!DOCTYPE html><html><body><p>Russia attacked Ukraine on Monday, officials said in Kyiv.</p></body></html>');
  const r = await runCli(['analyze', join(dir, 'p.html'), '--no-extract', '--no-db', '--format', 'json'], { cwd: dir });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /p\.html: warning: the input looks like an HTML page; --no-extract analyses its markup as text/);
  const clean = await runCli(['analyze', EXAMPLE, '--no-extract', '--no-db', '--format', 'json'], { cwd: dir });
  assert.doesNotMatch(clean.stderr, /warning/);
});

test('SIGTERM, or Ctrl-C twice, ends a run between two documents: what was analysed is printed and stored, the summary says so', async (t) => {
  const dir = tempDir(t);
  const inDir = join(dir, 'in');
  mkdirSync(inDir);
  // forty short articles of distinct text: the run is still going when the signal comes
  for (let k = 0; k < 40; k++) {
    writeFileSync(join(inDir, `a${String(k).padStart(2, '0')}.txt`),
      `Kenya and Tanzania agreed on Tuesday to reopen border crossing number ${k}, officials said. Trade ministers of both states met in Arusha to sign the accord.\n`);
  }
  for (const [signals, status] of [[['SIGTERM'], 143], [['SIGINT', 'SIGINT'], 130]] as const) {
    const db = join(dir, `${signals.join('-')}.db`);
    const r = await runCli(['analyze', inDir, '--format', 'jsonl', '--db', db], { cwd: dir, signalsAfterFirstOutput: [...signals] });
    const docs = jsonlDocs(r);
    assert.equal(r.status, status, r.stderr);
    assert.match(r.stderr, /steppe: interrupted: \d+ documents? analysed/, r.stderr);
    assert.ok(docs.length >= 1 && docs.length < 40, `${docs.length} documents printed`);
    assert.equal(storedArticles(db), docs.length, 'every printed document is stored, and no other');
  }
});

test('"analyse", the British spelling the help text reads, runs the same command', async (t) => {
  const dir = tempDir(t);
  const r = await runCli(['analyse', EXAMPLE, '--no-db', '--format', 'json'], { cwd: dir });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(DocumentSchema.parse(JSON.parse(r.stdout)).article.title, EXAMPLE_TITLE);
});
