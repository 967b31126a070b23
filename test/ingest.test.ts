/**
 * Tests of ingest (src/ingest/index.ts): directory listing, gzip, character decoding (BOMs,
 * `<meta charset>`, HTTP header charsets; byte sequences written by hand, since TextEncoder only
 * makes UTF-8), binary detection, jsonl corpora, stdin, URLs (a server of our own on loopback
 * only) and the rule that ingest never throws.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { countDocuments, decodeBytes, ingest, listDirectory, looksBinary, readDocumentFile, type IngestItem, type IngestOptions } from '../src/ingest/index.js';
import { SteppeError } from '../src/errors.js';
import { tempDir } from './helpers.js';

const ARTICLE = 'Kazakh police arrested six men in Almaty on Monday, officials said.\n\nThe men were charged with smuggling fuel across the border.\n';
const PAGE = `<!doctype html><html><head><title>Arrests in Almaty</title></head><body><article><p>${ARTICLE}</p></article></body></html>`;

/** "Привет, мир" (Hello, world) in windows-1251: П р и в е т , ␠ м и р. */
const CP1251 = [0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x2c, 0x20, 0xec, 0xe8, 0xf0];
/** "Привет, мир" in KOI8-R. */
const KOI8R = [0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4, 0x2c, 0x20, 0xcd, 0xc9, 0xd2];
/** "日本こんにちは" in Shift_JIS: 日 93FA, 本 967B, こ 82B1, ん 82F1, に 82C9, ち 82BF, は 82CD. */
const SJIS = [0x93, 0xfa, 0x96, 0x7b, 0x82, 0xb1, 0x82, 0xf1, 0x82, 0xc9, 0x82, 0xbf, 0x82, 0xcd];

/** An HTML page around `body` bytes, with `head` (ASCII) in <head>. */
function page(head: string, body: number[]): Buffer {
  return Buffer.concat([Buffer.from(`<!DOCTYPE html><html><head>${head}<title>t</title></head><body><p>`, 'latin1'), Buffer.from(body), Buffer.from('</p></body></html>', 'latin1')]);
}

/** UTF-16 bytes of `s` with a BOM. */
function utf16(s: string, be = false): Buffer {
  const le = Buffer.from(s, 'utf16le');
  if (!be) return Buffer.concat([Buffer.from([0xff, 0xfe]), le]);
  const out = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    out[i] = le[i + 1];
    out[i + 1] = le[i];
  }
  return Buffer.concat([Buffer.from([0xfe, 0xff]), out]);
}

async function collect(inputs: string[], opts?: IngestOptions): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of ingest(inputs, opts)) out.push(item);
  return out;
}

describe('listDirectory', () => {
  test('recurses, keeps documents and corpora only, skips hidden entries, sorts by path', (t) => {
    const dir = tempDir(t);
    for (const d of ['b', 'a/deep', 'empty', '.git', 'c']) mkdirSync(join(dir, d), { recursive: true });
    const files = ['z.txt', 'b/2.html', 'b/1.htm', 'a/deep/x.txt.gz', 'a/page.html.gz', 'a/notes.md', 'a/image.png', 'c/corpus.jsonl', 'c/more.jsonl.gz',
      '.hidden.txt', '.git/HEAD.txt', 'b/README', 'y.TXT'];
    for (const f of files) writeFileSync(join(dir, f), 'x');
    const got = listDirectory(dir).map((p) => p.slice(dir.length + 1));
    assert.deepEqual(got, [
      'a/deep/x.txt.gz', 'a/page.html.gz', 'b/1.htm', 'b/2.html', 'c/corpus.jsonl', 'c/more.jsonl.gz', 'y.TXT', 'z.txt',
    ].map((p) => join(...p.split('/'))));
    // the same order on every call
    assert.deepEqual(listDirectory(dir), listDirectory(dir));
    assert.deepEqual(listDirectory(join(dir, 'empty')), []);
  });

  test('ingest of a directory yields its documents in listing order, each naming its path', async (t) => {
    const dir = tempDir(t);
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'b.txt'), ARTICLE);
    writeFileSync(join(dir, 'sub', 'a.html'), PAGE);
    writeFileSync(join(dir, 'a.txt'), ARTICLE.replace('six', 'seven'));
    const items = await collect([dir]);
    assert.ok(items.every((i) => i.doc));
    assert.deepEqual(items.map((i) => i.doc!.source), listDirectory(dir));
    assert.deepEqual(items.map((i) => i.doc!.format), items.map((i) => (i.doc!.source.endsWith('.html') ? 'html' : 'text')));
  });

  test('an empty directory is one E_EMPTY error', async (t) => {
    const dir = tempDir(t);
    const items = await collect([dir]);
    assert.equal(items.length, 1);
    assert.equal(items[0].error?.code, 'E_EMPTY');
    assert.equal(items[0].error?.input, dir);
  });
});

describe('gzip', () => {
  test('.txt.gz and .html.gz are read, decoded and typed by their inner extension', (t) => {
    const dir = tempDir(t);
    writeFileSync(join(dir, 'a.txt.gz'), gzipSync(Buffer.from(ARTICLE)));
    writeFileSync(join(dir, 'b.html.gz'), gzipSync(page('<meta charset="windows-1251">', CP1251)));
    const txt = readDocumentFile(join(dir, 'a.txt.gz'));
    assert.equal(txt.content, ARTICLE);
    assert.equal(txt.format, 'text');
    assert.equal(txt.source, join(dir, 'a.txt.gz'));
    const html = readDocumentFile(join(dir, 'b.html.gz'));
    assert.equal(html.format, 'html');
    assert.ok(html.content.includes('<p>Привет, мир</p>'), html.content);
  });

  test('gzip bytes behind a plain .txt name are unpacked; a broken .gz is one clear error', async (t) => {
    const dir = tempDir(t);
    writeFileSync(join(dir, 'packed.txt'), gzipSync(Buffer.from(ARTICLE)));
    assert.equal(readDocumentFile(join(dir, 'packed.txt')).content, ARTICLE);
    writeFileSync(join(dir, 'broken.txt.gz'), Buffer.concat([gzipSync(Buffer.from(ARTICLE)).subarray(0, 12)]));
    const items = await collect([join(dir, 'broken.txt.gz')]);
    assert.equal(items.length, 1);
    assert.equal(items[0].error?.code, 'E_BAD_INPUT');
    assert.match(items[0].error!.toLine(), /broken\.txt\.gz: not a valid gzip file/);
  });

  test('a bare name.gz is sniffed; name.csv.gz is an unsupported type like name.csv', (t) => {
    const dir = tempDir(t);
    writeFileSync(join(dir, 'page.gz'), gzipSync(Buffer.from(PAGE)));
    const doc = readDocumentFile(join(dir, 'page.gz'));
    assert.deepEqual([doc.format, doc.content], ['html', PAGE]);
    writeFileSync(join(dir, 'table.csv.gz'), gzipSync(Buffer.from('a,b\n1,2\n')));
    assert.throws(() => readDocumentFile(join(dir, 'table.csv.gz')), (e: unknown) => e instanceof SteppeError && e.code === 'E_BAD_INPUT' && /unsupported file type "\.csv\.gz"/.test(e.message));
    writeFileSync(join(dir, 'table.csv'), 'a,b\n1,2\n');
    assert.throws(() => readDocumentFile(join(dir, 'table.csv')), (e: unknown) => e instanceof SteppeError && /unsupported file type "\.csv"/.test(e.message));
  });

  test('a gzipped jsonl corpus', async (t) => {
    const dir = tempDir(t);
    writeFileSync(join(dir, 'c.jsonl.gz'), gzipSync(Buffer.from(`${JSON.stringify({ id: 'x1', text: ARTICLE })}\n${JSON.stringify({ id: 'x2', html: PAGE })}\n`)));
    const items = await collect([join(dir, 'c.jsonl.gz')]);
    assert.deepEqual(items.map((i) => [i.doc?.source, i.doc?.format]), [[`${join(dir, 'c.jsonl.gz')}#x1`, 'text'], [`${join(dir, 'c.jsonl.gz')}#x2`, 'html']]);
  });

  test('stdin may be gzipped', async () => {
    const items = await collect(['-'], { stdin: async () => gzipSync(Buffer.from(ARTICLE)) });
    assert.equal(items[0].doc?.content, ARTICLE);
  });

  test('jsonl fields are checked: an impossible date, a URL that is not http(s), a missing id', async (t) => {
    const dir = tempDir(t);
    const file = join(dir, 'fields.jsonl');
    writeFileSync(file, [
      { id: 'a', text: ARTICLE, published: '2023-02-30' },
      { id: 'b', text: ARTICLE, url: 'notaurl' },
      { text: ARTICLE },
      { id: 'd', text: ARTICLE, published: '2023-03-01T10:00:00Z', url: 'https://news.example/a' },
    ].map((x) => JSON.stringify(x)).join('\n'));
    const items = await collect([file]);
    assert.match(items[0].error?.message ?? '', /published: must start with a real calendar day/);
    assert.match(items[1].error?.message ?? '', /url: must be an absolute http or https URL/);
    assert.match(items[2].error?.message ?? '', /id: needs an "id"/);
    assert.equal(items[3].doc?.published, '2023-03-01');
  });

  test('a jsonl id used twice: the second line is an error naming the first, the first document is kept', async (t) => {
    const dir = tempDir(t);
    const file = join(dir, 'dup.jsonl');
    writeFileSync(file, [{ id: 'a1', text: ARTICLE }, { id: 'b2', text: ARTICLE }, { id: 'a1', text: 'Another text.' }].map((x) => JSON.stringify(x)).join('\n'));
    const items = await collect([file]);
    assert.deepEqual(items.map((i) => i.doc?.source ?? null), [`${file}#a1`, `${file}#b2`, null]);
    const err = items[2].error;
    assert.ok(err instanceof SteppeError && err.code === 'E_BAD_INPUT');
    assert.equal(err.input, `${file}:3`);
    assert.match(err.message, /duplicate id "a1" \(first used on line 1\)/);
  });
});

describe('decodeBytes', () => {
  test('windows-1251 declared by <meta charset>', () => {
    const s = decodeBytes(page('<meta charset="windows-1251">', CP1251));
    assert.ok(s.includes('<p>Привет, мир</p>'), s);
  });
  test('koi8-r declared by <meta http-equiv="Content-Type">', () => {
    const s = decodeBytes(page('<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">', KOI8R));
    assert.ok(s.includes('<p>Привет, мир</p>'), s);
  });
  test('shift_jis declared by an unquoted <meta charset=Shift_JIS>', () => {
    const s = decodeBytes(page('<meta charset=Shift_JIS>', SJIS));
    assert.ok(s.includes('<p>日本こんにちは</p>'), s);
  });
  test('the HTTP header charset when the page declares none; a declared charset first', () => {
    assert.ok(decodeBytes(page('', CP1251), 'windows-1251').includes('Привет, мир'));
    assert.ok(decodeBytes(page('', KOI8R), 'KOI8-R').includes('Привет, мир'));
    assert.ok(decodeBytes(page('<meta charset="koi8-r">', KOI8R), 'windows-1251').includes('Привет, мир'));
  });
  test('an unknown label falls through to the next source, then UTF-8', () => {
    assert.ok(decodeBytes(page('<meta charset="x-no-such-charset">', CP1251), 'windows-1251').includes('Привет, мир'));
    const utf8 = Buffer.from('<html><head><meta charset="bogus"></head><body><p>Привет</p></body></html>');
    assert.ok(decodeBytes(utf8, 'also-bogus').includes('<p>Привет</p>'));
  });
  test('no declaration: UTF-8', () => {
    assert.equal(decodeBytes(Buffer.from('Almaty — «Привет» 日本')), 'Almaty — «Привет» 日本');
  });
  test('a BOM is removed and wins over any declaration', () => {
    const text = '<meta charset="windows-1251"><p>Привет</p>';
    assert.equal(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])), text);
    assert.equal(decodeBytes(utf16(text)), text);
    assert.equal(decodeBytes(utf16(text, true)), text);
    assert.equal(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('x')]), 'windows-1251'), 'x');
  });
  test('files: a windows-1251 page and UTF-16 text with a BOM are read into proper strings', (t) => {
    const dir = tempDir(t);
    writeFileSync(join(dir, 'ru.html'), page('<meta charset="windows-1251">', CP1251));
    assert.ok(readDocumentFile(join(dir, 'ru.html')).content.includes('Привет, мир'));
    writeFileSync(join(dir, 'u16le.txt'), utf16(ARTICLE));
    writeFileSync(join(dir, 'u16be.txt'), utf16(ARTICLE, true));
    writeFileSync(join(dir, 'bom8.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ARTICLE)]));
    for (const f of ['u16le.txt', 'u16be.txt', 'bom8.txt']) assert.equal(readDocumentFile(join(dir, f)).content, ARTICLE, f);
  });
});

describe('looksBinary', () => {
  test('text is not binary', () => {
    assert.equal(looksBinary(Buffer.from(ARTICLE)), false);
    assert.equal(looksBinary(Buffer.from(PAGE)), false);
    assert.equal(looksBinary(Buffer.from('Привет\tмир\r\n日本\f')), false);
    assert.equal(looksBinary(Buffer.from(CP1251)), false);
    assert.equal(looksBinary(Buffer.alloc(0)), false);
  });
  test('a NUL byte or many control bytes is binary', () => {
    assert.equal(looksBinary(Buffer.from([0x41, 0x42, 0x00, 0x43])), true);
    const ctrl = Buffer.from(ARTICLE.repeat(3));
    for (let i = 0; i < ctrl.length; i += 10) ctrl[i] = 0x01;
    assert.equal(looksBinary(ctrl), true);
    // a PNG header
    assert.equal(looksBinary(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d])), true);
  });
  test('only the first 8 KiB is looked at', () => {
    const late = Buffer.concat([Buffer.from('a'.repeat(9000)), Buffer.from([0])]);
    assert.equal(looksBinary(late), false);
  });
  test('UTF-16 text with a BOM is text; a NUL code unit in it is binary', () => {
    assert.equal(looksBinary(utf16(ARTICLE)), false);
    assert.equal(looksBinary(utf16(ARTICLE, true)), false);
    assert.equal(looksBinary(utf16('abc\u0000def')), true);
  });
});

describe('ingest', () => {
  test('never throws: each bad input is one error naming it, and the next input is read', async (t) => {
    const dir = tempDir(t);
    writeFileSync(join(dir, 'good.txt'), ARTICLE);
    writeFileSync(join(dir, 'empty.txt'), '  \n\n ');
    writeFileSync(join(dir, 'bin.txt'), Buffer.from([0x41, 0x00, 0x42]));
    writeFileSync(join(dir, 'doc.pdf'), '%PDF-1.4');
    writeFileSync(join(dir, 'c.jsonl'), [
      JSON.stringify({ id: 1, text: ARTICLE, published: '2023-03-04T08:00:00Z', title: 'T', url: 'https://example.org/a' }),
      '{"id": 2, "text": ',
      JSON.stringify({ id: 3 }),
      JSON.stringify({ id: 4, text: '   ' }),
      JSON.stringify({ id: 5, text: ARTICLE, published: 'March 4' }),
      '',
    ].join('\n'));
    const g = join(dir, 'good.txt');
    const items = await collect([join(dir, 'missing.txt'), join(dir, 'empty.txt'), join(dir, 'bin.txt'), join(dir, 'doc.pdf'), join(dir, 'c.jsonl'), g]);
    const lines = items.map((i) => (i.error ? `${i.error.code} ${i.error.toLine().slice(dir.length + 1)}` : `doc ${i.doc.source.slice(dir.length + 1)}`));
    assert.deepEqual(lines.map((l) => l.replace(/: .*/, '')), [
      'E_NOT_FOUND missing.txt', 'E_EMPTY empty.txt', 'E_BINARY bin.txt', 'E_BAD_INPUT doc.pdf', 'doc c.jsonl#1', 'E_BAD_INPUT c.jsonl:2', 'E_BAD_INPUT c.jsonl:3', 'E_EMPTY c.jsonl#4', 'E_BAD_INPUT c.jsonl:5', 'doc good.txt',
    ]);
    for (const i of items) if (i.error) assert.ok(i.error instanceof SteppeError && !i.error.toLine().includes('\n'), i.error.toLine());
    const j = items[4].doc!;
    assert.deepEqual({ ...j, content: undefined }, { source: `${join(dir, 'c.jsonl')}#1`, format: 'text', content: undefined, url: 'https://example.org/a', title: 'T', published: '2023-03-04' });
    assert.equal(items.at(-1)!.doc!.content, ARTICLE);
  });

  test('stdin: "-" reads the given stream and sniffs HTML', async () => {
    const [text] = await collect(['-'], { stdin: async () => Buffer.from(ARTICLE) });
    assert.deepEqual(text.doc, { source: '-', format: 'text', content: ARTICLE });
    const [html] = await collect(['-'], { stdin: async () => Buffer.from(`\n  ${PAGE}`) });
    assert.equal(html.doc?.format, 'html');
    const [empty] = await collect(['-'], { stdin: async () => Buffer.alloc(0) });
    assert.equal(empty.error?.code, 'E_EMPTY');
    assert.equal(empty.error?.input, '-');
  });

  test('countDocuments counts files, jsonl lines, URLs and missing inputs', (t) => {
    const dir = tempDir(t);
    mkdirSync(join(dir, 'd'));
    writeFileSync(join(dir, 'd', 'a.txt'), ARTICLE);
    writeFileSync(join(dir, 'd', 'b.html'), PAGE);
    writeFileSync(join(dir, 'c.jsonl'), '{"id":1,"text":"a"}\n\n{"id":2,"text":"b"}\n{"id":3,"text":"c"}\n');
    assert.equal(countDocuments([join(dir, 'd'), join(dir, 'c.jsonl'), 'https://example.org/x', '-', join(dir, 'nope.txt')]), 2 + 3 + 1 + 1 + 1);
  });
});

describe('URLs (loopback only)', () => {
  test('a closed port is one E_FETCH error with a real reason', async () => {
    const items = await collect(['http://127.0.0.1:9/']);
    assert.equal(items.length, 1);
    const e = items[0].error!;
    assert.equal(e.code, 'E_FETCH');
    assert.equal(e.input, 'http://127.0.0.1:9/');
    assert.match(e.message, /^fetch failed \(.+\)$/);
    assert.doesNotMatch(e.message, /\(fetch failed\)|timeout/, 'the reason says nothing, or claims a timeout');
  });

  test('a server of our own: header charsets, content types, HTTP errors, timeouts', async (t) => {
    const server: Server = createServer((req, res) => {
      if (req.url === '/cp1251') {
        res.writeHead(200, { 'content-type': 'text/html; charset=windows-1251' });
        res.end(page('', CP1251));
      } else if (req.url === '/plain') {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(ARTICLE);
      } else if (req.url === '/bin') {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]));
      } else if (req.url === '/huge') {
        // chunked, no length: more than MAX_DOWNLOAD_BYTES of text, written until the client hangs up
        res.writeHead(200, { 'content-type': 'text/plain' });
        const chunk = Buffer.alloc(1 << 20, 'a');
        let sent = 0;
        const more = () => { while (sent < 30 && res.write(chunk)) sent++; if (sent >= 30) res.end(); };
        res.on('drain', () => { sent++; more(); });
        res.on('close', () => { sent = 30; });
        more();
      } else if (req.url === '/declared') {
        res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(100 * 1024 * 1024) });
        res.write('<p>start');
      } else if (req.url === '/slow') {
        setTimeout(() => res.end(PAGE), 2000).unref();
      } else {
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('<p>Not here</p>');
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    t.after(() => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const [cp] = await collect([`${base}/cp1251`]);
    assert.equal(cp.doc?.format, 'html');
    assert.equal(cp.doc?.source, `${base}/cp1251`);
    assert.equal(cp.doc?.url, `${base}/cp1251`);
    assert.ok(cp.doc?.content.includes('<p>Привет, мир</p>'), cp.doc?.content);

    const [plain] = await collect([`${base}/plain`]);
    assert.deepEqual([plain.doc?.format, plain.doc?.content], ['text', ARTICLE]);

    const [missing] = await collect([`${base}/missing`]);
    assert.equal(missing.error?.code, 'E_FETCH');
    assert.match(missing.error!.toLine(), /\/missing: HTTP 404 Not Found$/);

    const [bin] = await collect([`${base}/bin`]);
    assert.equal(bin.error?.code, 'E_BINARY');

    const [huge] = await collect([`${base}/huge`]);
    assert.equal(huge.error?.code, 'E_TOO_LARGE');
    assert.match(huge.error!.message, /over \d+ bytes/);
    const [declared] = await collect([`${base}/declared`]);
    assert.equal(declared.error?.code, 'E_TOO_LARGE');
    assert.match(declared.error!.message, /104857600 bytes; the limit is/);

    const [slow] = await collect([`${base}/slow`], { timeoutMs: 200 });
    assert.equal(slow.error?.code, 'E_FETCH');
    assert.match(slow.error!.message, /timeout/);
  });
});
