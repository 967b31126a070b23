/**
 * Issue 3 regression: the body evaluation (the ScrapingHub benchmark's metric, as
 * `npm run eval:extract` computes it) on a fixed sample of aeb-dev, the first 40 pages by id.
 * Fails when body F1 drops below {@link F1_BAR}. Skips with a notice when ../shared is absent.
 *
 * Measured when the bar was set: F1 0.983 (P 0.974, R 0.993) on this sample; 0.981 on all 85
 * pages. The bar leaves room for small, deliberate trade-offs, not for a lost lead paragraph or a
 * related-stories list coming back on several pages.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_DIR } from '../src/paths.js';
import { SteppeError } from '../src/errors.js';
import { extractHtml } from '../src/extract/html.js';
import { readAeb } from '../src/extract/benchmarks.js';
import { aebScore, shingleCounts } from '../src/extract/score.js';

const AEB = join(SHARED_DIR, 'eval', 'extraction', 'aeb-dev');
const SAMPLE = 40;
const F1_BAR = 0.975;

test(`issue 3: body F1 on the first ${SAMPLE} aeb-dev pages stays at or above ${F1_BAR}`, (t) => {
  if (!existsSync(AEB)) {
    t.skip(`${AEB} is absent`);
    return;
  }
  const pages = readAeb(AEB, SAMPLE);
  assert.equal(pages.length, SAMPLE, 'the sample is complete');
  const refused: string[] = [];
  const counts = pages.map((p) => {
    let body = '';
    try {
      const a = extractHtml(p.html, { source: p.id, url: p.url });
      // captions left out: the benchmark's gold bodies do not hold them
      body = a.paragraphs.filter((x) => x.kind !== 'caption').map((x) => a.text.slice(x.start, x.end)).join('\n\n');
    } catch (e) {
      if (!(e instanceof SteppeError && e.code === 'E_NO_ARTICLE')) throw e;
      refused.push(`${p.id}: ${e.message}`);
    }
    return shingleCounts(p.body ?? '', body);
  });
  const s = aebScore(counts);
  t.diagnostic(`P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)}`);
  assert.deepEqual(refused, [], 'no benchmark article is refused as "not an article"');
  assert.ok(s.f1 >= F1_BAR, `body F1 ${s.f1.toFixed(4)} < ${F1_BAR} (P ${s.precision.toFixed(4)}, R ${s.recall.toFixed(4)})`);
});
