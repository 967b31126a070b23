/**
 * Word clusters for the parser and its retagger (issue 7): a hierarchical clustering of words
 * learnt from unlabelled text (scripts/train-clusters.ts), given as a bit string per word (the
 * path from the root of the hierarchy, as with Brown clusters). Features use the full path and
 * its prefixes (Koo, Carreras & Collins 2008: prefixes of 4 and 6 bits and the full path), so that
 * rare words share weights with frequent words of the same distribution.
 *
 * The file is a TSV of `word<TAB>bits` lines (words normalised as the parser's `w` atom: lower
 * case, digits to 0); lines starting with `#` without a tab are comments. A word not in the file has the value `<unk>`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { hashString } from './features.js';

/** The atom value of a word that has no cluster. */
export const UNK_CLUSTER = '<unk>';

/** The cluster atoms of one word: full path and its 4- and 6-bit prefixes, as strings and hashes. */
export interface ClusterAtoms {
  /** [full path, 4-bit prefix, 6-bit prefix] */
  s: [string, string, string];
  h: [number, number, number];
}

/** Prefix lengths of the `k4` and `k6` atoms. */
export const CLUSTER_PREFIXES = [4, 6] as const;

function atomsOf(bits: string): ClusterAtoms {
  const s: [string, string, string] = [bits, bits.slice(0, CLUSTER_PREFIXES[0]), bits.slice(0, CLUSTER_PREFIXES[1])];
  return { s, h: [hashString(s[0]), hashString(s[1]), hashString(s[2])] };
}

/** A word → bit-string map with the atoms of every word precomputed. */
export class WordClusters {
  /** Normalised word → bits, in file order. */
  readonly bits: Map<string, string>;
  private readonly atoms = new Map<string, ClusterAtoms>();
  /** The atoms of a word without a cluster. */
  readonly unknown: ClusterAtoms;
  /** The comment lines of the file (without `# `), kept when saving. */
  readonly header: string[];

  constructor(bits: Map<string, string>, header: string[] = []) {
    this.bits = bits;
    this.header = header;
    const cache = new Map<string, ClusterAtoms>();
    for (const [w, b] of bits) {
      let a = cache.get(b);
      if (!a) { a = atomsOf(b); cache.set(b, a); }
      this.atoms.set(w, a);
    }
    const u: [string, string, string] = [UNK_CLUSTER, UNK_CLUSTER, UNK_CLUSTER];
    this.unknown = { s: u, h: [hashString(UNK_CLUSTER), hashString(UNK_CLUSTER), hashString(UNK_CLUSTER)] };
  }

  /** Number of words with a cluster. */
  get size(): number {
    return this.bits.size;
  }

  /** The atoms of a normalised word (`unknown` when it has no cluster). */
  of(normalizedWord: string): ClusterAtoms {
    return this.atoms.get(normalizedWord) ?? this.unknown;
  }

  /** Read a clusters TSV; throws naming the line for a malformed one. */
  static load(file: string): WordClusters {
    const bits = new Map<string, string>();
    const header: string[] = [];
    const name = file.split(/[\\/]/).pop();
    readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
      // a comment has no tab (a word never holds whitespace, but may start with "#")
      if (line.startsWith('#') && !line.includes('\t')) { header.push(line.replace(/^#\s?/, '')); return; }
      if (!line.trim()) return;
      const tab = line.indexOf('\t');
      const b = line.slice(tab + 1).trimEnd();
      if (tab <= 0 || !/^[01]+$/.test(b)) throw new Error(`parser: ${name} line ${i + 1}: expected word<TAB>bits`);
      bits.set(line.slice(0, tab), b);
    });
    return new WordClusters(bits, header);
  }

  /** Write the TSV (header comments, then `word<TAB>bits` in map order). */
  save(file: string): void {
    const lines = this.header.map((h) => `# ${h}`);
    for (const [w, b] of this.bits) lines.push(`${w}\t${b}`);
    writeFileSync(file, lines.join('\n') + '\n');
  }
}

// ---------------------------------------------------------------------------------------------
// Learning the clusters (scripts/train-clusters.ts reads the text and writes the file)

/** Settings of the clustering (see the file comment). */
export interface ClusterOptions {
  minCount: number;
  contexts: number;
  minLeaf: number;
  maxDepth: number;
}

/** The defaults of `clusterWords`. */
export const CLUSTER_DEFAULTS: ClusterOptions = { minCount: 2, contexts: 1000, minLeaf: 8, maxDepth: 16 };

/** A sparse vector: indices ascending, values. */
interface Sparse { idx: Int32Array; val: Float64Array }

/**
 * Cluster the words of `sents`: a map from each word (count ≥ minCount; most frequent first) to
 * its bit string.
 */
export function clusterWords(sents: string[][], opts: Partial<ClusterOptions> = {}): Map<string, string> {
  const o = { ...CLUSTER_DEFAULTS, ...opts };
  const count = new Map<string, number>();
  for (const s of sents) for (const w of s) count.set(w, (count.get(w) ?? 0) + 1);
  const byFreq = [...count.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const vocab = byFreq.filter(([, c]) => c >= o.minCount).map(([w]) => w);
  const vid = new Map(vocab.map((w, i) => [w, i]));
  // context slots per block: 0..C-1 frequent words, C <s>, C+1 </s>, C+2 other
  const C = Math.min(o.contexts, byFreq.length);
  const cid = new Map(byFreq.slice(0, C).map(([w], i) => [w, i]));
  const B = C + 3;
  const D = 4 * B;
  const offsets = [-2, -1, 1, 2];
  const blockWeight = [0.5, 1, 1, 0.5];
  const rows: Array<Map<number, number>> = vocab.map(() => new Map());
  for (const s of sents) {
    for (let i = 0; i < s.length; i++) {
      const v = vid.get(s[i]);
      if (v === undefined) continue;
      const row = rows[v];
      offsets.forEach((d, b) => {
        const j = i + d;
        const slot = j < 0 ? C : j >= s.length ? C + 1 : cid.get(s[j]) ?? C + 2;
        const k = b * B + slot;
        row.set(k, (row.get(k) ?? 0) + 1);
      });
    }
  }
  const vecs: Sparse[] = rows.map((row, v) => {
    const n = count.get(vocab[v]) ?? 1;
    const idx = Int32Array.from([...row.keys()].sort((a, b) => a - b));
    const val = Float64Array.from(idx, (k) => Math.sqrt((row.get(k) ?? 0) / n) * blockWeight[Math.floor(k / B)]);
    let norm = 0;
    for (const x of val) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    for (let j = 0; j < val.length; j++) val[j] /= norm;
    return { idx, val };
  });
  const weight = Float64Array.from(vocab, (w) => Math.log(1 + (count.get(w) ?? 1)));
  const bits: string[] = new Array(vocab.length).fill('');
  const dot = (x: Sparse, dense: Float64Array) => { let s = 0; for (let j = 0; j < x.idx.length; j++) s += x.val[j] * dense[x.idx[j]]; return s; };
  const centroid = (members: number[], out: Float64Array) => {
    out.fill(0);
    let tw = 0;
    for (const m of members) { const x = vecs[m]; const a = weight[m]; tw += a; for (let j = 0; j < x.idx.length; j++) out[x.idx[j]] += a * x.val[j]; }
    for (let k = 0; k < D; k++) out[k] /= tw || 1;
    return out;
  };
  const mu = new Float64Array(D);
  const v = new Float64Array(D);
  const u = new Float64Array(D);
  const c0 = new Float64Array(D);
  const c1 = new Float64Array(D);
  const normalize = (x: Float64Array) => { let s = 0; for (let k = 0; k < D; k++) s += x[k] * x[k]; s = Math.sqrt(s) || 1; for (let k = 0; k < D; k++) x[k] /= s; };
  /** Split `members` in two (empty second half: no split). */
  const split = (members: number[]): [number[], number[]] => {
    centroid(members, mu);
    // power iteration for the first principal component; start: the heaviest word minus the mean
    v.fill(0);
    const first = vecs[members[0]];
    for (let j = 0; j < first.idx.length; j++) v[first.idx[j]] = first.val[j];
    for (let k = 0; k < D; k++) v[k] -= mu[k];
    normalize(v);
    const proj = new Float64Array(members.length);
    for (let it = 0; it < 15; it++) {
      let muv = 0;
      for (let k = 0; k < D; k++) muv += mu[k] * v[k];
      u.fill(0);
      let tot = 0;
      members.forEach((m, i) => {
        const s = dot(vecs[m], v) - muv;
        proj[i] = s;
        const a = weight[m] * s;
        tot += a;
        const x = vecs[m];
        for (let j = 0; j < x.idx.length; j++) u[x.idx[j]] += a * x.val[j];
      });
      for (let k = 0; k < D; k++) u[k] -= tot * mu[k];
      normalize(u);
      v.set(u);
    }
    let muv = 0;
    for (let k = 0; k < D; k++) muv += mu[k] * v[k];
    let side = members.map((m) => (dot(vecs[m], v) - muv > 0 ? 1 : 0));
    // spherical 2-means refinement
    for (let it = 0; it < 10; it++) {
      const a = members.filter((_, i) => side[i] === 0);
      const b = members.filter((_, i) => side[i] === 1);
      if (!a.length || !b.length) break;
      centroid(a, c0); normalize(c0);
      centroid(b, c1); normalize(c1);
      const next = members.map((m) => (dot(vecs[m], c1) > dot(vecs[m], c0) ? 1 : 0));
      const changed = next.some((s, i) => s !== side[i]);
      side = next;
      if (!changed) break;
    }
    let a = members.filter((_, i) => side[i] === 0);
    let b = members.filter((_, i) => side[i] === 1);
    if (!a.length) [a, b] = [b, a];
    // the half holding the most frequent word (the lowest id) is 0
    if (b.length && b[0] < a[0]) [a, b] = [b, a];
    return [a, b];
  };
  const queue: Array<{ members: number[]; path: string }> = [{ members: vocab.map((_, i) => i), path: '' }];
  while (queue.length) {
    const { members, path } = queue.pop()!;
    if (members.length < 2 * o.minLeaf || path.length >= o.maxDepth) {
      for (const m of members) bits[m] = path || '0';
      continue;
    }
    const [a, b] = split(members);
    if (!b.length || a.length < o.minLeaf / 2 || b.length < o.minLeaf / 2) {
      // a split that peels off a handful of words is not worth a level: keep the cluster whole
      for (const m of members) bits[m] = path || '0';
      continue;
    }
    queue.push({ members: b, path: path + '1' }, { members: a, path: path + '0' });
  }
  return new Map(vocab.map((w, i) => [w, bits[i]]));
}
