/**
 * The `steppe` command line. Each command parses its arguments, runs the library and prints.
 *
 *   steppe analyze <input…>   extract → annotate → actors → quotes → events → store → print
 *   steppe extract <input…>   extraction only: the `article` part of the contract
 *   steppe ner --conll FILE   tag a CoNLL file with our NER model (src/cli/ner.ts)
 *   steppe parse --conllu FILE  parse a CoNLL-U file with our dependency parser (src/cli/parse.ts)
 *
 * Errors: one line per failed input on stderr (`steppe: <input>: <reason>`); the other inputs are
 * still processed; the exit status is 1 when any input failed, 2 for a usage error.
 */
import { isCalendarDay } from '../time/index.js';
import { Command, Option, InvalidArgumentError } from 'commander';
import { existsSync, rmSync, statSync } from 'node:fs';
import cliProgress from 'cli-progress';
import { createPipeline, MAX_TEXT_CHARS, type Pipeline } from '../pipeline.js';
import { ingest, countDocuments, isHttpUrl } from '../ingest/index.js';
import { SteppeError } from '../errors.js';
import { renderMarkdown } from '../report/markdown.js';
import { openSqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/store.js';
import type { SteppeDocument } from '../schema.js';
import { registerNerCommand } from './ner.js';
import { registerParseCommand } from './parse.js';
import { DEFAULT_PLOVER_VERSION, PLOVER_VERSIONS, type PloverVersion } from '../events/codebook.js';

const VERSION = '0.1.0';

/** `--url`: an absolute http(s) URL. */
function httpUrl(v: string): string {
  if (!URL.canParse(v)) throw new InvalidArgumentError('expected an absolute URL such as https://example.com/news/1');
  if (!isHttpUrl(v)) throw new InvalidArgumentError(`expected an http or https URL, got "${new URL(v).protocol}"`);
  return v;
}

/** A file name that is not empty (`--db ""` would make SQLite use a temporary database). */
function fileName(v: string): string {
  if (!v.trim()) throw new InvalidArgumentError('expected a file name');
  return v;
}

/** A positive whole number (`--max-chars`). */
function positiveInt(v: string): number {
  if (!/^\d+$/.test(v) || Number(v) <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return Number(v);
}

function isoDate(v: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new InvalidArgumentError('expected a date as YYYY-MM-DD');
  if (!isCalendarDay(v)) throw new InvalidArgumentError('not a real calendar day between 1900 and 2199');
  return v;
}

interface CommonOpts {
  format?: 'md' | 'json' | 'jsonl';
  published?: string;
  url?: string;
  maxChars?: number;
  extract: boolean;
  actors?: string[];
  ploverVersion?: PloverVersion;
  progress: boolean;
}

function errLine(e: unknown): string {
  if (e instanceof SteppeError) return `steppe: ${e.toLine()}`;
  return `steppe: ${(e as Error)?.stack ?? String(e)}`;
}

async function run(inputs: string[], opts: CommonOpts & { db?: string | false }, mode: 'analyze' | 'extract'): Promise<number> {
  const format = opts.format ?? (process.stdout.isTTY ? (mode === 'analyze' ? 'md' : 'json') : 'json');
  let pipeline: Pipeline;
  try {
    pipeline = createPipeline({ published: opts.published ?? null, url: opts.url ?? null, noExtract: !opts.extract, actorFiles: opts.actors, maxTextChars: opts.maxChars, ploverVersion: opts.ploverVersion });
  } catch (e) {
    process.stderr.write(errLine(e) + '\n');
    return 2;
  }
  let store: Store | null = null;
  /** the database file did not exist before this run (removed again if nothing gets stored in it) */
  let newDb = false;
  if (mode === 'analyze' && opts.db !== false) {
    try {
      newDb = !existsSync(typeof opts.db === 'string' ? opts.db : 'steppe.db');
      store = openSqliteStore({ file: opts.db ?? 'steppe.db' });
    } catch (e) {
      process.stderr.write(errLine(e) + '\n');
      return 2;
    }
  }
  // several documents may come from several inputs, a directory or a .jsonl corpus; any other single
  // input (a page, stdin, a URL, or a file that will be refused) is one document
  const isDir = (i: string) => { try { return statSync(i).isDirectory(); } catch { return false; } };
  const many = inputs.length > 1 || inputs.some((i) => i !== '-' && !/^https?:/i.test(i) && (/\.jsonl(?:\.gz)?$/i.test(i) || isDir(i)));
  let bar: cliProgress.SingleBar | null = null;
  if (opts.progress && process.stderr.isTTY && many) {
    const total = countDocuments(inputs);
    if (total > 1) {
      bar = new cliProgress.SingleBar({ stream: process.stderr, format: 'steppe {bar} {value}/{total} documents | {failed} failed | {eta_formatted} left', hideCursor: true }, cliProgress.Presets.shades_classic);
      bar.start(total, 0, { failed: 0 });
    }
  }
  let failed = 0;
  let ok = 0;
  /** Write a line to `stream` without tearing the progress bar (stopped, written, redrawn). */
  const writeAround = (stream: NodeJS.WriteStream, text: string) => {
    const redraw = bar && (stream === process.stderr || stream.isTTY);
    if (redraw) bar!.stop();
    stream.write(text);
    if (redraw) bar!.start(bar!.getTotal(), Math.round(bar!.getProgress() * bar!.getTotal()), { failed });
  };
  const say = (line: string) => writeAround(process.stderr, line + '\n');
  const jsonDocs: unknown[] = [];
  /** article id → the input whose row holds that text in this run (same text, same id: stored once) and what it knows (0-2: date, URL) */
  const seen = new Map<string, { source: string; known: number }>();
  let repeated = 0;
  // Ctrl-C (SIGINT) or SIGTERM (a scheduler, `timeout`) ends the run cleanly between two
  // documents: what was analysed is printed and stored, the summary line says the run was
  // interrupted, and the exit code is 128 + the signal's number (130, 143). A second signal while
  // a document is still being analysed changes nothing: signals are seen between documents only.
  let interrupted: NodeJS.Signals | null = null;
  const onInterrupt = (signal: NodeJS.Signals) => { interrupted ??= signal; };
  process.on('SIGINT', onInterrupt);
  process.on('SIGTERM', onInterrupt);
  for await (const item of ingest(inputs)) {
    // (a turn of the event loop, so that a pending SIGINT is seen: the analysis itself never yields)
    await new Promise((resolve) => setImmediate(resolve));
    if (interrupted) break;
    if (item.error) {
      failed++;
      say(errLine(item.error));
      bar?.increment({ failed });
      continue;
    }
    // (clean text was promised, markup came: the run goes on, as asked, with a warning)
    if (!opts.extract && /^\s*<(?:!doctype\s+html|html[\s>])/i.test(item.doc.content.slice(0, 200))) {
      say(`steppe: ${item.doc.source}: warning: the input looks like an HTML page; --no-extract analyses its markup as text`);
    }
    try {
      if (mode === 'extract') {
        const article = pipeline.extract(item.doc);
        if (format === 'jsonl') writeAround(process.stdout, JSON.stringify(article) + '\n');
        else jsonDocs.push(article);
      } else {
        const doc: SteppeDocument = pipeline.analyze(item.doc);
        const first = seen.get(doc.article.id);
        // what a row knows of its article beyond the text: a publication date, a URL
        const known = (doc.article.published ? 1 : 0) + (doc.article.url ? 1 : 0);
        let keep = true;
        if (first !== undefined) {
          repeated++;
          // (a copy that knows less, "a.txt" after "a.html" with its date and URL, does not replace
          // the row: what the earlier input told would be lost)
          keep = known >= first.known;
          if (store) say(first.source === item.doc.source ? `steppe: ${item.doc.source}: given twice; stored once`
            : keep ? `steppe: ${item.doc.source}: the same text as ${first.source}; stored once, the stored row now naming ${item.doc.source}`
              : `steppe: ${item.doc.source}: the same text as ${first.source}; stored once, as ${first.source}, whose date or URL this input lacks`);
        }
        if (keep) {
          seen.set(doc.article.id, { source: item.doc.source, known });
          store?.saveDocument(doc);
        }
        if (format === 'md') writeAround(process.stdout, renderMarkdown(doc) + '\n');
        else if (format === 'jsonl') writeAround(process.stdout, JSON.stringify(doc) + '\n');
        else jsonDocs.push(doc);
      }
      ok++;
    } catch (e) {
      failed++;
      say(errLine(e instanceof SteppeError ? e : new SteppeError('E_BAD_INPUT', item.doc.source, (e as Error).message)));
      if (!(e instanceof SteppeError) && process.env.STEPPE_DEBUG) process.stderr.write(String((e as Error).stack) + '\n');
    }
    bar?.increment({ failed });
  }
  bar?.stop();
  process.removeListener('SIGINT', onInterrupt);
  process.removeListener('SIGTERM', onInterrupt);
  if (format === 'json') {
    // one file, URL or stdin: the document itself (nothing when it failed); several inputs, a
    // directory or a corpus: always an array, empty when every document failed
    if (many) process.stdout.write(JSON.stringify(jsonDocs, null, 2) + '\n');
    else if (jsonDocs.length) process.stdout.write(JSON.stringify(jsonDocs[0], null, 2) + '\n');
  }
  store?.close();
  // a run that stored nothing leaves no database behind that it created (every input refused)
  const dbFile = typeof opts.db === 'string' ? opts.db : 'steppe.db';
  if (store && newDb && ok === 0) for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) rmSync(f, { force: true });
  const stored = ok - repeated;
  if (bar || failed || repeated || interrupted) process.stderr.write(`steppe: ${interrupted ? 'interrupted: ' : ''}${ok} document${ok === 1 ? '' : 's'} ${mode === 'analyze' ? 'analysed' : 'extracted'}, ${failed} failed${store && ok ? ` (${stored} stored in ${opts.db ?? 'steppe.db'}${repeated ? `; ${repeated} repeated an earlier input's text` : ''})` : ''}\n`);
  return interrupted ? 128 + (interrupted === 'SIGTERM' ? 15 : 2) : failed ? 1 : 0;
}

function inputHelp(cmd: Command): Command {
  return cmd
    .argument('<input...>', 'files (.html, .htm, .txt, optionally .gz), directories, .jsonl corpora, http(s) URLs, or - for stdin')
    .option('--published <YYYY-MM-DD>', 'publication date when the page does not give one', isoDate)
    .option('--url <url>', "the page's address when it came from a file (http or https)", httpUrl)
    .option('--max-chars <n>', `refuse an article whose text is longer than this many characters (default ${MAX_TEXT_CHARS.toLocaleString('en-US')})`, positiveInt)
    .option('--no-extract', 'the input is clean article text: no boilerplate removal; offsets refer to the input as given')
    .option('--no-progress', 'no progress bar on stderr');
}

/** Build the CLI program (exported for tests). */
export function buildProgram(): Command {
  const program = new Command('steppe')
    .description('Turn news pages into source-linked actors, quotes and CAMEO/PLOVER events.')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)');
  program.exitOverride();

  inputHelp(program.command('analyze').alias('analyse').description('analyze articles: actors, quotes and events, stored in SQLite and printed'))
    .addOption(new Option('--format <format>', 'output format (default: md on a terminal, json when piped)').choices(['md', 'json', 'jsonl']))
    .option('--db <file>', 'SQLite database file to store results in', fileName, 'steppe.db')
    .option('--no-db', 'do not store results')
    .option('--actors <file>', 'extra actor dictionary (YAML with people, igos, metonyms, agents lists); repeat for several', (v: string, prev: string[] = []) => [...prev, v])
    .addOption(new Option('--plover-version <version>', 'PLOVER definitions for event types: 2025 (REQUEST includes appeals, CONCEDE promised concessions) or 2021 (the OEDA conversion table)').choices([...PLOVER_VERSIONS]).default(DEFAULT_PLOVER_VERSION))
    .action(async (inputs: string[], opts: CommonOpts & { db?: string | false }, cmd: Command) => {
      // "--db FILE" and "--no-db" set one option, the last one winning: refuse the pair instead
      const args = cmd.parent?.args ?? [];
      if (args.includes('--no-db') && args.some((a) => a === '--db' || a.startsWith('--db='))) {
        process.stderr.write('steppe: --db and --no-db contradict each other: give one of them\n');
        process.exitCode = 2;
        return;
      }
      process.exitCode = await run(inputs, opts, 'analyze');
    });

  inputHelp(program.command('extract').description('extract the article only (text, title, byline, date, paragraphs): the `article` part of the output'))
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'jsonl']).default('json'))
    .action(async (inputs: string[], opts: CommonOpts) => {
      process.exitCode = await run(inputs, opts, 'extract');
    });
  registerNerCommand(program);
  registerParseCommand(program);
  return program;
}

async function main(): Promise<void> {
  // a reader that stops early (`steppe analyze corpus/ | head`) ends the run quietly, as SIGPIPE
  // would, instead of an unhandled EPIPE with a stack trace; documents saved so far stay saved
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const program = buildProgram();
  try {
    await program.parseAsync(process.argv);
  } catch (e) {
    const code = (e as { code?: string; exitCode?: number }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') { process.exitCode = 0; return; }
    if (code?.startsWith('commander.')) { process.exitCode = 2; return; }
    process.stderr.write(errLine(e) + '\n');
    process.exitCode = 1;
  }
}

await main();
