/**
 * Shared helpers of the CLI, ingest and pipeline tests: temporary directories, running the real
 * `steppe` command (bin/steppe.js → dist/src/cli/index.js) in a child process, and invariant
 * checkers for `steppe.document/1` (schema, offsets, paragraphs).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/paths.js';
import { DocumentSchema, ArticleSchema, type SteppeDocument } from '../src/schema.js';
import { checkOffsets } from '../src/pipeline.js';
import { rawTextArticle } from '../src/extract/text.js';
import { createAnnotator, type Annotator } from '../src/nlp/annotate.js';
import { loadActorDictionary } from '../src/actors/dictionary.js';
import { buildResolverIndex, resolveActors, type ResolverIndex } from '../src/actors/resolve.js';
import { attributeQuotes, reportedSpeech, type FoundQuote } from '../src/quotes/index.js';
import { loadParserModel, parseDocument as parseDependencies } from '../src/nlp/parser/index.js';
import type { ParseView } from '../src/types.js';

/** The repository root (holds package.json, data/, examples/, test/fixtures/). */
export const ROOT = PACKAGE_ROOT;
/** The CLI entry point. */
export const BIN = join(ROOT, 'bin', 'steppe.js');
/** Our synthetic test articles. */
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'articles');
/** The example pages shipped with the repository. */
export const EXAMPLES = join(ROOT, 'examples');

/** A fresh temporary directory, removed when the test ends. */
export function tempDir(t: { after: (fn: () => void) => void }, prefix = 'steppe-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The result of one CLI run. */
export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Non-empty stderr lines. */
  errLines: string[];
}

/**
 * Run `node bin/steppe.js …args` in `cwd`, optionally with stdin, and wait for it to exit.
 * Asynchronous, so that a suite with `concurrency` runs several CLI processes at once.
 */
/** Options of runCli: the working directory, stdin, a timeout, and whether to close stdout after its first chunk (a reader like `head`). */
export interface CliOptions {
  cwd: string; input?: string | Buffer; timeoutMs?: number; closeStdoutEarly?: boolean;
  /** Signals sent to the CLI, one after the other, when its first stdout chunk arrives (an interruption). */
  signalsAfterFirstOutput?: NodeJS.Signals[];
}

export async function runCli(args: string[], opts: CliOptions): Promise<CliResult> {
  // at most one CLI process per core at a time: more only makes each one slower
  while (running >= MAX_PROCESSES) await new Promise<void>((r) => waiting.push(r));
  running++;
  try {
    return await spawnCli(args, opts);
  } finally {
    running--;
    waiting.shift()?.();
  }
}

const MAX_PROCESSES = Math.max(2, availableParallelism());
let running = 0;
const waiting: (() => void)[] = [];

function spawnCli(args: string[], opts: CliOptions): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: opts.cwd,
      env: { ...process.env, STEPPE_DEBUG: '', NO_COLOR: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => {
      out.push(c);
      if (opts.closeStdoutEarly) child.stdout.destroy();
      if (out.length === 1) for (const signal of opts.signalsAfterFirstOutput ?? []) child.kill(signal);
    });
    child.stderr.on('data', (c: Buffer) => err.push(c));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      const stderr = Buffer.concat(err).toString('utf8');
      resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr, errLines: stderr.split('\n').filter((l) => l.trim()) });
    });
    child.stdin.on('error', () => { /* the CLI may exit before reading stdin */ });
    child.stdin.end(opts.input ?? '');
  });
}

/** Fixture files (txt and html, optionally gzipped) of a directory, sorted. */
export function articleFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => /\.(?:txt|html?)$/i.test(f)).sort().map((f) => join(dir, f));
}

/** Parse one JSON document printed by `analyze --format json` and check it against the contract. */
export function parseDocument(json: string): SteppeDocument {
  const doc = JSON.parse(json) as unknown;
  return DocumentSchema.parse(doc);
}

/** Check an article object (the `article` part) against the contract and its paragraph invariants. */
export function assertArticleValid(article: unknown, opts: { joined?: boolean } = {}): void {
  const a = ArticleSchema.parse(article);
  const t = a.text;
  let prevEnd = -1;
  for (const [i, p] of a.paragraphs.entries()) {
    assert.ok(p.start >= 0 && p.end <= t.length && p.start < p.end, `paragraph ${i} [${p.start}, ${p.end}) is empty or outside the text (${t.length})`);
    assert.ok(p.start >= prevEnd, `paragraph ${i} [${p.start}, ${p.end}) overlaps or precedes the previous one (ended at ${prevEnd})`);
    assert.ok(t.slice(p.start, p.end).trim().length > 0, `paragraph ${i} is blank`);
    assert.equal(t.slice(p.start, p.end), t.slice(p.start, p.end).trim(), `paragraph ${i} has surrounding whitespace`);
    prevEnd = p.end;
  }
  if (t.trim()) assert.ok(a.paragraphs.length > 0, 'a non-empty text has no paragraphs');
  if (opts.joined) {
    // extracted articles: the text is the paragraphs joined by a blank line, nothing else
    assert.equal(a.paragraphs.map((p) => t.slice(p.start, p.end)).join('\n\n'), t, 'article.text is not its paragraphs joined by "\\n\\n"');
  }
}

/**
 * Check a whole document: the zod contract, `checkOffsets` (src/pipeline.ts), and the stricter
 * invariants the contract states: every mention, quote and trigger slices exactly its text; a
 * quote's speakerMention is one of the speaker's mentions; event sentences are non-empty, hold
 * their trigger and lie inside one paragraph; actor/quote/event references resolve.
 */
export function assertDocumentValid(raw: unknown, opts: { joined?: boolean } = {}): SteppeDocument {
  const doc = DocumentSchema.parse(raw);
  assert.equal(checkOffsets(doc), null, `checkOffsets: ${checkOffsets(doc)}`);
  assertArticleValid(doc.article, opts);
  const t = doc.article.text;
  const inside = (s: { start: number; end: number }) => s.start >= 0 && s.end <= t.length && s.start <= s.end;
  const paraOf = (s: { start: number; end: number }) => doc.article.paragraphs.find((p) => p.start <= s.start && s.end <= p.end);
  const actors = new Map(doc.actors.map((a) => [a.id, a]));
  assert.equal(actors.size, doc.actors.length, 'duplicate actor ids');
  for (const a of doc.actors) {
    assert.ok(a.mentions.length > 0, `actor ${a.id} "${a.name}" has no mention`);
    for (const m of a.mentions) {
      assert.ok(inside(m) && m.start < m.end, `mention "${m.text}" of ${a.id} is empty or outside the text`);
      assert.equal(t.slice(m.start, m.end), m.text, `mention of ${a.id} at ${m.start}`);
    }
  }
  for (const q of doc.quotes) {
    assert.ok(inside(q) && q.start < q.end, `quote ${q.id} is empty or outside the text`);
    assert.equal(t.slice(q.start, q.end), q.text, `quote ${q.id}`);
    if (q.speaker !== null) assert.ok(actors.has(q.speaker), `quote ${q.id}: unknown speaker ${q.speaker}`);
    if (q.speakerMention) {
      const sm = q.speakerMention;
      assert.ok(inside(sm) && sm.start < sm.end, `quote ${q.id}: speakerMention is empty or outside the text`);
      assert.ok(q.speaker !== null, `quote ${q.id}: a speakerMention without a speaker`);
      const speaker = actors.get(q.speaker!);
      const slice = t.slice(sm.start, sm.end);
      // a name is one of the speaker's mentions; a pronoun ("he said") is not listed among them
      const pronoun = /^(?:he|she|they|it|we|i)$/i.test(slice);
      assert.ok(
        pronoun || speaker!.mentions.some((m) => m.start === sm.start && m.end === sm.end) || speaker!.mentions.some((m) => m.text === slice),
        `quote ${q.id}: speakerMention "${slice}" is not a mention of its speaker ${speaker!.name}`,
      );
    }
  }
  for (const e of doc.events) {
    const s = e.sentence;
    assert.ok(inside(s) && s.start < s.end, `event ${e.id}: sentence is empty or outside the text`);
    assert.ok(t.slice(s.start, s.end).trim().length > 0, `event ${e.id}: blank sentence`);
    assert.ok(inside(e.trigger) && e.trigger.start < e.trigger.end, `event ${e.id}: trigger is empty or outside the text`);
    assert.equal(t.slice(e.trigger.start, e.trigger.end), e.trigger.text, `event ${e.id} trigger`);
    assert.ok(s.start <= e.trigger.start && e.trigger.end <= s.end, `event ${e.id}: trigger "${e.trigger.text}" lies outside its sentence`);
    assert.ok(paraOf(s), `event ${e.id}: sentence [${s.start}, ${s.end}) crosses a paragraph boundary`);
    assert.equal(e.root, e.code.slice(0, 2), `event ${e.id}: root ${e.root} is not the prefix of ${e.code}`);
    for (const ref of [e.source, e.target]) if (ref !== null) assert.ok(actors.has(ref), `event ${e.id}: unknown actor ${ref}`);
  }
  // round trip: the document survives JSON unchanged
  assert.deepEqual(JSON.parse(JSON.stringify(doc)), doc);
  return doc;
}

/**
 * Token range (half-open, token indices) of a whole-word occurrence of `phrase` in `doc.text`: the
 * first, or with `last` the last; fails when the phrase is absent or does not start and end on
 * token boundaries. For tests that hand a source span to the quote module.
 */
export function phraseSpan(doc: { text: string; tokens: ReadonlyArray<{ start: number; end: number }> }, phrase: string, last = false): { start: number; end: number } {
  const re = new RegExp(`(?<![\\p{L}])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'gu');
  const hits = [...doc.text.matchAll(re)].map((m) => m.index!);
  const at = hits.length ? (last ? hits[hits.length - 1] : hits[0]) : -1;
  assert.ok(at >= 0, `"${phrase}" in the text`);
  const start = doc.tokens.findIndex((t) => t.start === at);
  const end = doc.tokens.findIndex((t) => t.end === at + phrase.length) + 1;
  assert.ok(start >= 0 && end > start, `"${phrase}" is whole tokens`);
  return { start, end };
}

let annotator: Annotator | null = null;
let resolverIndex: ResolverIndex | null = null;
/**
 * A synthetic text annotated and its actors resolved with the shipped dictionary, as the quote
 * module sees them (models load on the first call): `{ doc, res }`.
 */
export function prepareActors(text: string, published = '2023-01-01') {
  annotator ??= createAnnotator();
  resolverIndex ??= buildResolverIndex(loadActorDictionary());
  const doc = annotator(rawTextArticle(text, { source: 'synthetic' }));
  return { doc, res: resolveActors(doc, resolverIndex, { published }) };
}

/**
 * The quotes of a synthetic text as the pipeline finds them: annotated, parsed on demand with the
 * shipped parser (as `doc.parse` in the pipeline), actors resolved, quotes attributed (the rules
 * alone with `rulesOnly`). Returns `{ doc, res, quotes }`, `res` holding the actors the quote
 * module added (nominal sources).
 */
export function attributeText(text: string, opts: { rulesOnly?: boolean; published?: string } = {}) {
  annotator ??= createAnnotator();
  resolverIndex ??= buildResolverIndex(loadActorDictionary());
  const doc = annotator(rawTextArticle(text, { source: 'synthetic' }));
  let parse: ParseView | null = null;
  doc.parse = () => (parse ??= parseDependencies(doc, loadParserModel()));
  const res0 = resolveActors(doc, resolverIndex, { published: opts.published ?? '2023-01-01' });
  const { quotes, res } = attributeQuotes(doc, res0, opts.rulesOnly ? { model: null } : {});
  return { doc, res, quotes };
}

/**
 * The quotes a synthetic text reports, as the pipeline outputs them: `attributeText`, then
 * `reportedSpeech`; with `found` (the attributions before reporting) and `speakerOf` (a quote's
 * speaker name, or null).
 */
export function reportedText(text: string, opts: { published?: string } = {}) {
  const { doc, res, quotes: found } = attributeText(text, opts);
  const speakerOf = (q: FoundQuote) => (q.speaker >= 0 ? res.actors[q.speaker].name : null);
  return { doc, res, found, quotes: reportedSpeech(doc, res, found), speakerOf };
}
