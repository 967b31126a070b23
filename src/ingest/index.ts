/**
 * Ingest: turns the CLI's inputs into RawDocuments.
 *
 * Inputs: a file (`.html`, `.htm`, `.txt`, each optionally gzipped as `.gz`), a directory (every
 * such file inside, recursively, in path order), a `.jsonl` corpus (one document a line:
 * `{"id", "text" | "html", "url"?, "title"?, "published"?}`), an http(s) URL, or `-` for stdin.
 *
 * Each item is yielded as `{ doc }` or, for an input that cannot be read, `{ error }` with a
 * SteppeError naming the input and the reason, so that the caller reports it and goes on.
 */
import { isCalendarDay } from '../time/index.js';
import { readFileSync, statSync, readdirSync } from 'node:fs';
import { join, extname, basename } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { SteppeError } from '../errors.js';
import type { RawDocument } from '../types.js';
import { decodeHtmlBytes } from '../extract/encoding.js';

/** One ingested item: a document, or the error that stopped one input. */
export type IngestItem = { doc: RawDocument; error?: undefined } | { error: SteppeError; doc?: undefined };

/** Options of ingest. */
export interface IngestOptions {
  /** Read stdin for `-` (default: process.stdin). */
  stdin?: () => Promise<Buffer>;
  /** Fetch timeout in milliseconds for URLs (default 30 000). */
  timeoutMs?: number;
}

const DOC_EXT = /\.(?:html?|txt)(?:\.gz)?$/i;

/** The documents a directory holds, recursively, sorted by path (hidden entries skipped). */
export function listDirectory(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name.startsWith('.')) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && (DOC_EXT.test(e.name) || /\.jsonl(?:\.gz)?$/i.test(e.name))) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Count the documents an input will yield (files and jsonl lines), for a progress bar; URLs and stdin count 1. */
export function countDocuments(inputs: string[]): number {
  let n = 0;
  for (const input of inputs) {
    try {
      if (input === '-' || /^https?:\/\//i.test(input)) { n++; continue; }
      const st = statSync(input);
      const files = st.isDirectory() ? listDirectory(input) : [input];
      for (const f of files) {
        if (/\.jsonl(?:\.gz)?$/i.test(f)) n += decodeUtf8(readMaybeGz(f)).split('\n').filter((l) => l.trim()).length;
        else n++;
      }
    } catch {
      n++;
    }
  }
  return n;
}

function readMaybeGz(file: string): Buffer {
  const buf = readFileSync(file);
  if (/\.gz$/i.test(file) || (buf[0] === 0x1f && buf[1] === 0x8b)) {
    try {
      return gunzipSync(buf);
    } catch {
      throw new SteppeError('E_BAD_INPUT', file, 'not a valid gzip file');
    }
  }
  return buf;
}

function decodeUtf8(buf: Buffer): string {
  return new TextDecoder('utf-8').decode(buf);
}

/** True when the bytes look binary: a NUL byte, or many control characters, in the first 8 KiB. */
export function looksBinary(buf: Buffer): boolean {
  // UTF-16 text with a BOM holds NUL bytes by design: judge its code units instead of its bytes
  const le = buf[0] === 0xff && buf[1] === 0xfe;
  if (le || (buf[0] === 0xfe && buf[1] === 0xff)) {
    const units = Math.floor(Math.min(buf.length - 2, 8192) / 2);
    let ctrl = 0;
    for (let i = 2; i < 2 + units * 2; i += 2) {
      const u = le ? buf[i] | (buf[i + 1] << 8) : (buf[i] << 8) | buf[i + 1];
      if (u === 0) return true;
      if (u < 9 || (u > 13 && u < 32)) ctrl++;
    }
    return units > 0 && ctrl / units > 0.05;
  }
  const n = Math.min(buf.length, 8192);
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) ctrl++;
  }
  return n > 0 && ctrl / n > 0.05;
}

/**
 * Decode a page's bytes: a BOM, then the HTTP header charset, then a `<meta charset>` /
 * `http-equiv` declaration (the HTML Standard's prescan, then a late one in the first 16 KiB);
 * declared legacy encodings lose to valid UTF-8; undeclared non-UTF-8 bytes are sniffed among
 * the legacy encodings (windows-125x, ISO-8859-x, KOI8, GBK, Big5, Shift_JIS, EUC-JP, EUC-KR).
 * See `extract/encoding.ts`. Decoding uses the WHATWG TextDecoder built into Node's ICU.
 */
export function decodeBytes(buf: Buffer, headerCharset?: string | null): string {
  return decodeHtmlBytes(buf, { headerCharset }).text;
}

function sniffFormat(name: string, content: string): 'html' | 'text' {
  if (/\.html?(?:\.gz)?$/i.test(name)) return 'html';
  if (/\.txt(?:\.gz)?$/i.test(name)) return 'text';
  return /^\s*(?:<!doctype html|<html|<head|<body|<article|<div|<p[\s>])/i.test(content) ? 'html' : 'text';
}

function checkContent(source: string, buf: Buffer): void {
  if (buf.length === 0 || !buf.toString('utf8').trim()) throw new SteppeError('E_EMPTY', source, 'the input is empty');
  if (looksBinary(buf)) throw new SteppeError('E_BINARY', source, 'the input is a binary file, not HTML or text');
}

const JsonlLine = z.object({
  id: z.union([z.string(), z.number()], { error: 'needs an "id" (a string or a number)' }).transform(String),
  text: z.string().optional(),
  html: z.string().optional(),
  url: z.string().refine(isHttpUrl, 'must be an absolute http or https URL').nullable().optional(),
  title: z.string().nullable().optional(),
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'must start with YYYY-MM-DD')
    .refine((v) => isCalendarDay(v.slice(0, 10)), 'must start with a real calendar day between 1900 and 2199').nullable().optional(),
}).refine((d) => d.text !== undefined || d.html !== undefined, { message: 'needs a "text" or an "html" field' });

function* jsonlDocuments(file: string): Generator<IngestItem> {
  let content: string;
  try {
    content = decodeUtf8(readMaybeGz(file));
  } catch (e) {
    yield { error: e instanceof SteppeError ? e : new SteppeError('E_NOT_FOUND', file, String((e as Error).message)) };
    return;
  }
  const lines = content.split('\n');
  /** id → line of its first use: a corpus names each document once */
  const seen = new Map<string, number>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const where = `${file}:${i + 1}`;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (e) {
      yield { error: new SteppeError('E_BAD_INPUT', where, `invalid JSON: ${(e as Error).message}`) };
      continue;
    }
    const parsed = JsonlLine.safeParse(json);
    if (!parsed.success) {
      const iss = parsed.error.issues[0];
      yield { error: new SteppeError('E_BAD_INPUT', where, `${iss.path.join('.') || 'line'}: ${iss.message}`) };
      continue;
    }
    const d = parsed.data;
    const first = seen.get(String(d.id));
    if (first !== undefined) {
      yield { error: new SteppeError('E_BAD_INPUT', where, `duplicate id "${d.id}" (first used on line ${first})`) };
      continue;
    }
    seen.set(String(d.id), i + 1);
    const body = d.html ?? d.text ?? '';
    if (!body.trim()) {
      yield { error: new SteppeError('E_EMPTY', `${file}#${d.id}`, 'the document is empty') };
      continue;
    }
    yield {
      doc: {
        source: `${file}#${d.id}`, format: d.html !== undefined ? 'html' : 'text', content: body,
        url: d.url ?? null, title: d.title ?? null, published: d.published ? d.published.slice(0, 10) : null,
      },
    };
  }
}

/** Is `v` an absolute http or https URL (the inputs and `url` fields this module fetches or records)? */
export function isHttpUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Largest HTTP response body read, in bytes (20 MiB: a heavy news page is 1–3 MB). */
export const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;

async function fetchUrl(url: string, timeoutMs: number): Promise<RawDocument> {
  let res: Response;
  try {
    res = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(timeoutMs), headers: { 'user-agent': 'steppe/0.1 (+news analysis)' } });
  } catch (e) {
    // the reason: a timeout, else the network error's code (ECONNREFUSED, ENOTFOUND…) or message ("bad port")
    const err = e as Error & { cause?: { code?: string; message?: string } };
    const why = err.name === 'TimeoutError' || err.name === 'AbortError' ? `timeout after ${timeoutMs} ms` : err.cause?.code ?? err.cause?.message ?? err.message;
    throw new SteppeError('E_FETCH', url, `fetch failed (${why})`);
  }
  if (!res.ok) throw new SteppeError('E_FETCH', url, `HTTP ${res.status} ${res.statusText}`.trim());
  // read at most MAX_DOWNLOAD_BYTES: a larger response is refused as soon as it passes the limit,
  // not after it has been held in memory whole
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > MAX_DOWNLOAD_BYTES) throw new SteppeError('E_TOO_LARGE', url, `the response is ${declared} bytes; the limit is ${MAX_DOWNLOAD_BYTES}`);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of res.body ?? []) {
      size += (chunk as Uint8Array).length;
      if (size > MAX_DOWNLOAD_BYTES) {
        await res.body?.cancel().catch(() => undefined);
        throw new SteppeError('E_TOO_LARGE', url, `the response is over ${MAX_DOWNLOAD_BYTES} bytes, the limit`);
      }
      chunks.push(Buffer.from(chunk as Uint8Array));
    }
  } catch (e) {
    if (e instanceof SteppeError) throw e;
    const err = e as Error;
    throw new SteppeError('E_FETCH', url, `download failed (${err.name === 'TimeoutError' || err.name === 'AbortError' ? `timeout after ${timeoutMs} ms` : err.message})`);
  }
  const buf = Buffer.concat(chunks);
  checkContent(url, buf);
  const type = res.headers.get('content-type') ?? '';
  const charset = /charset=([\w-]+)/i.exec(type)?.[1] ?? null;
  const content = decodeBytes(buf, charset);
  const format = /html|xml/i.test(type) ? 'html' : /text\/plain/i.test(type) ? 'text' : sniffFormat(url, content);
  return { source: url, format, content, url: res.url || url };
}

/** Read one file into a RawDocument. Throws SteppeError for a missing, empty, binary or unsupported file. */
export function readDocumentFile(file: string): RawDocument {
  // a bare `name.gz` is sniffed; `name.csv.gz` is as unsupported as `name.csv`
  const inner = file.replace(/\.gz$/i, '');
  if (!DOC_EXT.test(file) && (inner === file || extname(inner) !== '')) {
    const ext = file.slice(inner.length - extname(inner).length) || basename(file);
    throw new SteppeError('E_BAD_INPUT', file, `unsupported file type "${ext}" (expected .html, .htm, .txt, .jsonl, optionally .gz)`);
  }
  const buf = readMaybeGz(file);
  checkContent(file, buf);
  const content = decodeBytes(buf);
  return { source: file, format: sniffFormat(file, content), content };
}

/**
 * Expand the inputs into documents, in order. Never throws: problems with one input are yielded
 * as `{ error }` and the next input is read.
 */
export async function* ingest(inputs: string[], opts: IngestOptions = {}): AsyncGenerator<IngestItem> {
  for (const input of inputs) {
    try {
      if (input === '-') {
        let buf = await (opts.stdin ?? readStdin)();
        // a gzip stream on stdin (gzip magic number 1f 8b, RFC 1952) is unpacked like a .gz file
        if (buf[0] === 0x1f && buf[1] === 0x8b) {
          try { buf = gunzipSync(buf); } catch { throw new SteppeError('E_BAD_INPUT', '-', 'not a valid gzip stream'); }
        }
        checkContent('-', buf);
        const content = decodeBytes(buf);
        yield { doc: { source: '-', format: sniffFormat('', content), content } };
        continue;
      }
      if (/^https?:\/\//i.test(input)) {
        yield { doc: await fetchUrl(input, opts.timeoutMs ?? 30_000) };
        continue;
      }
      let st;
      try {
        st = statSync(input);
      } catch {
        throw new SteppeError('E_NOT_FOUND', input, 'no such file or directory');
      }
      const files = st.isDirectory() ? listDirectory(input) : [input];
      if (st.isDirectory() && files.length === 0) throw new SteppeError('E_EMPTY', input, 'the directory holds no .html, .htm, .txt or .jsonl files');
      for (const f of files) {
        if (/\.jsonl(?:\.gz)?$/i.test(f)) {
          yield* jsonlDocuments(f);
          continue;
        }
        try {
          yield { doc: readDocumentFile(f) };
        } catch (e) {
          yield { error: asSteppeError(e, f) };
        }
      }
    } catch (e) {
      yield { error: asSteppeError(e, input) };
    }
  }
}

function asSteppeError(e: unknown, input: string): SteppeError {
  if (e instanceof SteppeError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES') return new SteppeError('E_BAD_INPUT', input, 'permission denied');
  if (code === 'ENOENT') return new SteppeError('E_NOT_FOUND', input, 'no such file or directory');
  return new SteppeError('E_BAD_INPUT', input, (e as Error).message ?? String(e));
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
