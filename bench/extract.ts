/**
 * `npm run bench:extract`: speed and memory of HTML extraction, ours (`extractHtml`) against
 * @mozilla/readability alone (linkedom DOM + `Readability.parse()`), on the same pages: the
 * aeb-dev pages (the first `STEPPE_BENCH_AEB`, default all) and Readability's four real news
 * test pages (nytimes-1, wapo-1, wapo-2, telegraph).
 *
 * Each system runs in its own child process (so that one's heap does not inflate the other's
 * peak): one warm-up pass over the pages, then passes until `STEPPE_BENCH_SECONDS` (default 5)
 * have gone by. Reported per system: pages per second of wall time, pages per CPU-second of the
 * process (user + system; includes V8's GC helper threads, so it understates one core's rate),
 * mean milliseconds per page, and peak RSS (`process.resourceUsage().maxRSS`) and peak heap
 * (sampled after every page). Needs ../shared; exits 0 with a notice when it is absent.
 */
import { fork } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { SHARED_DIR } from '../src/paths.js';
import { extractHtml } from '../src/extract/html.js';
import { readAeb } from '../src/extract/benchmarks.js';

const DIR = join(SHARED_DIR, 'eval', 'extraction');
const SECONDS = Number(process.env.STEPPE_BENCH_SECONDS ?? 5);
const AEB_PAGES = Number(process.env.STEPPE_BENCH_AEB ?? Infinity);
const NEWS = ['nytimes-1', 'wapo-1', 'wapo-2', 'telegraph'];

type SystemName = 'ours' | 'readability';

interface Result {
  system: SystemName;
  pages: number;
  distinct: number;
  wallSeconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  peakHeapMb: number;
  meanKb: number;
}

function loadPages(): Array<{ id: string; html: string }> {
  const pages: Array<{ id: string; html: string }> = readAeb(join(DIR, 'aeb-dev'), AEB_PAGES).map((p) => ({ id: p.id, html: p.html }));
  for (const name of NEWS) {
    const file = join(DIR, 'readability-testpages', name, 'source.html.gz');
    if (existsSync(file)) pages.push({ id: name, html: gunzipSync(readFileSync(file)).toString('utf8') });
  }
  return pages;
}

function runChild(system: SystemName): void {
  const pages = loadPages();
  const run = system === 'ours'
    ? (p: { id: string; html: string }) => extractHtml(p.html, { source: p.id })
    : (p: { id: string; html: string }) => {
      const { document } = parseHTML(p.html) as unknown as { document: Document };
      return new Readability(document).parse();
    };
  const call = (p: { id: string; html: string }) => {
    try {
      run(p);
    } catch {
      // a page either system refuses still costs its time
    }
  };
  for (const p of pages) call(p); // warm-up
  let peakHeap = 0;
  let n = 0;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  let wall = 0;
  while (wall < SECONDS) {
    for (const p of pages) {
      call(p);
      n++;
      const heap = process.memoryUsage().heapUsed;
      if (heap > peakHeap) peakHeap = heap;
    }
    wall = Number(process.hrtime.bigint() - t0) / 1e9;
  }
  const cpu = process.cpuUsage(cpu0);
  const result: Result = {
    system, pages: n, distinct: pages.length, wallSeconds: wall, cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssMb: process.resourceUsage().maxRSS / 1024, peakHeapMb: peakHeap / 1048576,
    meanKb: pages.reduce((a, p) => a + p.html.length, 0) / pages.length / 1000,
  };
  process.send?.(result);
}

function measure(system: SystemName): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--child', system], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.on('message', (m) => resolve(m as Result));
    child.on('exit', (code) => { if (code) reject(new Error(`bench child ${system} exited with ${code}`)); });
  });
}

async function main(): Promise<void> {
  const childAt = process.argv.indexOf('--child');
  if (childAt >= 0) {
    runChild(process.argv[childAt + 1] as SystemName);
    return;
  }
  if (!existsSync(join(DIR, 'aeb-dev'))) {
    console.log(`bench:extract: ${DIR} is absent; nothing to measure`);
    return;
  }
  const rows = [await measure('ours'), await measure('readability')];
  const label: Record<SystemName, string> = { ours: 'steppe extractHtml', readability: '@mozilla/readability alone' };
  console.log(`Extraction speed (node ${process.version}; ${rows[0].distinct} pages: aeb-dev + ${NEWS.join(', ')}; mean ${rows[0].meanKb.toFixed(0)} kchars; ${SECONDS}s per system after a warm-up pass)\n`);
  console.log('| system                     | pages | pages/s (wall) | pages/CPU-s | ms/page (wall) | peak RSS MB | peak heap MB |');
  console.log('|----------------------------|------:|---------------:|------------:|---------------:|------------:|-------------:|');
  for (const r of rows) {
    console.log(`| ${label[r.system].padEnd(26)} | ${String(r.pages).padStart(5)} | ${(r.pages / r.wallSeconds).toFixed(1).padStart(14)} | ${(r.pages / r.cpuSeconds).toFixed(1).padStart(11)} | ${((1000 * r.wallSeconds) / r.pages).toFixed(1).padStart(14)} | ${r.peakRssMb.toFixed(0).padStart(11)} | ${r.peakHeapMb.toFixed(0).padStart(12)} |`);
  }
  console.log('\nBar (DESIGN.md): >= 30 pages/s per core from HTML. CPU-seconds include GC helper threads.');
}

await main();
