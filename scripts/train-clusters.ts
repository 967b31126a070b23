/**
 * `node dist/scripts/train-clusters.js [--out FILE] [--min-count N] [--contexts N] [--min-leaf N] [--max-depth N] [--exclude-first N]`
 *
 * Word clusters for the parser and its retagger (issue 7), learnt from unlabelled text: only the
 * word forms of the training data, UD English EWT train (../shared/train/ud/en_ewt-ud-train.conllu)
 * and CoNLL-2003 English train (../shared/train/ner/conll2003_eng_train.txt). A compact alternative
 * to Brown clusters (Schütze 1995's distributional word classes, split top-down; the algorithm is
 * `clusterWords` in src/nlp/parser/clusters.ts):
 *
 * 1. Words are normalised as the parser's `w` atom (lower case, digits to 0). Each word with at
 *    least `--min-count` occurrences gets a context vector: the counts of the words at offsets
 *    −2, −1, +1, +2 (one block each; the `--contexts` most frequent words, sentence boundaries
 *    and an "other" slot), as Hellinger vectors (square roots of relative frequencies, the ±2
 *    blocks at half weight), normalised to length 1.
 * 2. Divisive clustering: starting from all words, each cluster is split in two by the sign of
 *    its projection on its first principal component (weighted by log frequency; power
 *    iteration), refined by spherical 2-means; a cluster is not split below `--min-leaf` words or
 *    beyond `--max-depth` levels. A word's bit string is its path (0: the half holding the more
 *    frequent word first), so that prefixes are coarser clusters, as with Brown clusters.
 *
 * Deterministic (no random numbers); a few seconds on one core. Writes `word<TAB>bits`, most
 * frequent words first (default models/parser/clusters.tsv). `--exclude-first N` leaves the first
 * N EWT train sentences out (to choose settings on them as held-out data).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SHARED_DIR } from '../src/paths.js';
import { readConlluFile, DEFAULT_PARSER_DIR } from '../src/nlp/parser/index.js';
import { normalizeWord } from '../src/nlp/parser/features.js';
import { WordClusters, clusterWords, CLUSTER_DEFAULTS, type ClusterOptions } from '../src/nlp/parser/clusters.js';

/** Sentences of normalised words from the unlabelled training text. */
export function readUnlabelled(excludeFirst = 0): string[][] {
  const ud = readConlluFile(join(SHARED_DIR, 'train', 'ud', 'en_ewt-ud-train.conllu')).slice(excludeFirst);
  const out: string[][] = ud.map((s) => s.words.map((w) => normalizeWord(w.form)));
  let cur: string[] = [];
  for (const line of readFileSync(join(SHARED_DIR, 'train', 'ner', 'conll2003_eng_train.txt'), 'utf8').split('\n')) {
    const tok = line.split(' ')[0].trim();
    if (!tok || tok === '-DOCSTART-') { if (cur.length) out.push(cur); cur = []; continue; }
    cur.push(normalizeWord(tok));
  }
  if (cur.length) out.push(cur);
  return out;
}

function main(): void {
  const argv = process.argv.slice(2);
  let out = join(DEFAULT_PARSER_DIR, 'clusters.tsv');
  let excludeFirst = 0;
  const opts: Partial<ClusterOptions> = {};
  for (let i = 0; i < argv.length; i++) {
    const f = argv[i];
    const next = () => { const v = argv[++i]; if (v === undefined) { console.error(`train-clusters: ${f} needs a value`); process.exit(2); } return v; };
    if (f === '--out') out = resolve(next());
    else if (f === '--min-count') opts.minCount = Number(next());
    else if (f === '--contexts') opts.contexts = Number(next());
    else if (f === '--min-leaf') opts.minLeaf = Number(next());
    else if (f === '--max-depth') opts.maxDepth = Number(next());
    else if (f === '--exclude-first') excludeFirst = Number(next());
    else { console.error(`train-clusters: unknown flag ${f}`); process.exit(2); }
  }
  const t0 = Date.now();
  const sents = readUnlabelled(excludeFirst);
  const tokens = sents.reduce((n, s) => n + s.length, 0);
  const o = { ...CLUSTER_DEFAULTS, ...opts };
  const map = clusterWords(sents, o);
  const leaves = new Set(map.values());
  const depth = [...map.values()].reduce((d, b) => d + b.length, 0) / Math.max(1, map.size);
  const header = [
    'steppe word clusters (scripts/train-clusters.ts): normalised word<TAB>bit string (path in a top-down binary clustering of context vectors)',
    `text: word forms of UD English EWT train${excludeFirst ? ` without its first ${excludeFirst} sentences` : ''} + CoNLL-2003 English train, ${sents.length} sentences, ${tokens} tokens`,
    `settings: min count ${o.minCount}, ${o.contexts} context words at offsets -2 -1 +1 +2, min leaf ${o.minLeaf}, max depth ${o.maxDepth}; ${map.size} words, ${leaves.size} clusters, mean depth ${depth.toFixed(1)}`,
  ];
  new WordClusters(map, header).save(out);
  console.log(`train-clusters: ${header[1]}; ${header[2]}; wrote ${out} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && resolve(process.argv[1]).endsWith(join('scripts', 'train-clusters.js'))) main();
