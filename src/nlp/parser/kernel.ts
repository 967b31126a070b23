/**
 * The inner loop of the parser and the retagger (`SparseWeights.scoreGroups` in model.ts) as two
 * small WebAssembly functions, emitted here byte by byte (no toolchain, no binary file: the
 * listing below is the source). `score`: given the feature keys of a state, find each key's row
 * in the open-addressing table and add the row's (class, weight) entries to the class scores —
 * the same integer sums as the JavaScript loop, about three times faster on the committed model.
 * `hashKeys`: the parser's feature keys from the atom values of a state, as
 * `FeatureExtractor.extract` makes them (MurmurHash3 rounds), so that the parser hands the kernel
 * its 44 atom values instead of hashing 84 keys in JavaScript (and the retagger its 14 atom values
 * of a word instead of hashing 22 keys, as `TaggerFeatures.extract` makes them).
 *
 * Two row layouts: most rows stay sparse (entries `weight << 8 | class`, as in the arena); the
 * rows with many entries (the tag and label features that fire in every state) are also stored
 * as dense rows of 16-bit weights, one per class, added eight classes at a time with 128-bit SIMD
 * (summed in 16 bits, up to 32 rows at a time, then widened to 32-bit sums). A dense row adds to whole 8-class vectors, so the classes outside the
 * requested groups may receive weights too: their scores are unspecified, as the callers never
 * read them.
 *
 * Memory of one kernel (one WebAssembly.Memory per weights table, built on first use):
 *   [0, 4096)        feature keys of the state (at most MAX_FEATURES)
 *   [4096, 5120)     class scores (at most 256 classes)
 *   [5120, 9216)     byte addresses of the state's dense rows
 *   [9216, 10240)    atom values of the state (`hashKeys`)
 *   [10240, 43008)   the template program (`hashKeys`)
 *   [43008, …)       the slots (key, then the byte address of a sparse row or `DENSE_FLAG |` the
 *                    index of a dense row), the sparse rows (the arena: header and entries), then
 *                    the dense rows, 16-byte aligned, and one zero row.
 */

/** Most feature keys one call can score (the parser has 84 templates, the retagger 22). */
export const MAX_FEATURES = 1024;
const FEATS_AT = 0;
const SCORES_AT = 4096;
/** Byte addresses of the dense rows found for the state, added after the sparse ones. */
const LIST_AT = 5120;
/** Most atom values of a state (`hashKeys`); the parser has 44. */
export const MAX_ATOMS = 256;
const ATOMS_AT = LIST_AT + MAX_FEATURES * 4;
/** Longest template program (`hashKeys`), in 32-bit words. */
const MAX_PROGRAM = 8192;
const PROGRAM_AT = ATOMS_AT + MAX_ATOMS * 4;
const TABLE_AT = PROGRAM_AT + MAX_PROGRAM * 4;
/** Set in a slot's value: the row is dense (low 24 bits: its index). */
const DENSE_FLAG = 0x40000000;
/**
 * A row goes dense when it has entries for at least this share of the classes and all its weights
 * are at most DENSE_MAX_WEIGHT in magnitude. Tuned on the committed parser and retagger.
 */
const DENSE_MIN_SHARE = 0.15;
/**
 * Largest weight magnitude of a dense row: DENSE_CHUNK rows add up exactly in 16 bits (32 × 1023 <
 * 2^15). The committed models' dense rows are all below 2^10, most below 2^8.
 */
const DENSE_MAX_WEIGHT = 1023;
/** Dense rows summed in 16 bits before the sum is widened to 32 bits (an even number). */
const DENSE_CHUNK = 32;
/** At most this many bytes of dense rows per kernel (the longest rows first). */
const DENSE_MAX_BYTES = 4 << 20;

// ---------------------------------------------------------------------------------------------
// A minimal WebAssembly emitter: just what the kernel needs.

const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};
const sleb = (n: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(b & 0x40)) || (n === -1 && b & 0x40)) { out.push(b); return out; }
    out.push(b | 0x80);
  }
};
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const name = (s: string): number[] => vec([...s].map((ch) => [ch.charCodeAt(0)]));
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const I32 = 0x7f;
const V128 = 0x7b;
const get = (i: number) => [0x20, ...uleb(i)];
const set = (i: number) => [0x21, ...uleb(i)];
const tee = (i: number) => [0x22, ...uleb(i)];
const i32c = (n: number) => [0x41, ...sleb(n)];
const load = (offset = 0) => [0x28, 2, ...uleb(offset)];
const store = [0x36, 2, 0];
const v128load = (offset = 0) => [0xfd, 0x00, 4, ...uleb(offset)];
const v128store = (offset = 0) => [0xfd, 0x0b, 4, ...uleb(offset)];
const i32x4add = [0xfd, ...uleb(174)];
const i16x8add = [0xfd, ...uleb(142)];
const i32x4ExtendLowI16 = [0xfd, ...uleb(167)];
const i32x4ExtendHighI16 = [0xfd, ...uleb(168)];
const memoryFill = [0xfc, 0x0b, 0x00];
const add = [0x6a], and = [0x71], xor = [0x73], shl = [0x74], shrS = [0x75], shrU = [0x76], mul = [0x6c], rotl = [0x77];
const eq = [0x46], eqz = [0x45], geS = [0x4e], geU = [0x4f], gtU = [0x4b];
const v128zero = [0xfd, 0x0c, ...new Array<number>(16).fill(0)];
const block = [0x02, 0x40], loop = [0x03, 0x40], if_ = [0x04, 0x40], else_ = [0x05], end = [0x0b];
const br = (depth: number) => [0x0c, ...uleb(depth)];
const brIf = (depth: number) => [0x0d, ...uleb(depth)];

/**
 * `score(nf, groups, slots, mask, dense, rowBytes, a0, a1, b0, b1)`: zero the scores (2 × `rowBytes`
 * bytes: a dense row holds 16-bit weights), then for each of the `nf` keys at FEATS_AT add its
 * row: a sparse row's group-0 entries and, by the bits of `groups` (1: group 1, 2: group 2), those
 * of groups 1 and 2; a dense row's 8-class vectors in the byte ranges [a0, a1) and [b0, b1) of
 * the row.
 */
function kernelModule(): Uint8Array<ArrayBuffer> {
  // parameters
  const nf = 0, groups = 1, slots = 2, mask = 3, dense = 4, rowBytes = 5, a0 = 6, a1 = 7, b0 = 8, b1 = 9, zeroRow = 10;
  // locals (i32, then v128)
  const f = 11, key = 12, i = 13, k = 14, off = 15, h = 16, j = 17, e0 = 18, e1 = 19, e2 = 20, e = 21, nd = 22, acc = 23, acc2 = 24, x = 25;
  /** Sparse entries from byte address `j` up to the address in local `to`. */
  const sparseRange = (to: number) => [
    ...block, ...loop,
    ...get(j), ...get(to), ...geU, ...brIf(1),
    ...get(j), ...load(), ...set(e),
    // scores[e & 255] += e >> 8
    ...get(e), ...i32c(255), ...and, ...i32c(2), ...shl, ...tee(k),
    ...get(k), ...load(SCORES_AT), ...get(e), ...i32c(8), ...shrS, ...add,
    ...[0x36, 2, ...uleb(SCORES_AT)],
    ...get(j), ...i32c(4), ...add, ...set(j), ...br(0),
    ...end, ...end,
  ];
  /**
   * The 8-class vectors in the byte range [from, to) (parameters) of the `nd` dense rows listed at
   * LIST_AT (an even number: a zero row pads the list): vector by vector, the rows summed in 16
   * bits two at a time, DENSE_CHUNK rows at most (exact, as dense weights are at most
   * DENSE_MAX_WEIGHT), each chunk's sum widened into two registers (low and high four classes, 32
   * bits), then added to the scores (at twice the row's byte offset).
   */
  const denseRange = (from: number, to: number) => [
    ...get(from), ...set(j),
    ...block, ...loop,
    ...get(j), ...get(to), ...geU, ...brIf(1),
    ...get(j), ...i32c(1), ...shl, ...tee(e), ...v128load(SCORES_AT), ...set(acc),
    ...get(e), ...v128load(SCORES_AT + 16), ...set(acc2),
    ...i32c(0), ...set(k),
    ...block, ...loop,
    ...get(k), ...get(nd), ...geU, ...brIf(1),
    // h = min(k + DENSE_CHUNK rows, nd): the end of this chunk in the list
    ...get(k), ...i32c(4 * DENSE_CHUNK), ...add, ...tee(h), ...get(nd), ...gtU, ...if_, ...get(nd), ...set(h), ...end,
    ...v128zero, ...set(x),
    ...block, ...loop,
    ...get(k), ...get(h), ...geU, ...brIf(1),
    ...get(x),
    ...get(k), ...load(LIST_AT), ...get(j), ...add, ...v128load(),
    ...get(k), ...load(LIST_AT + 4), ...get(j), ...add, ...v128load(), ...i16x8add, ...i16x8add, ...set(x),
    ...get(k), ...i32c(8), ...add, ...set(k), ...br(0),
    ...end, ...end,
    ...get(acc), ...get(x), ...i32x4ExtendLowI16, ...i32x4add, ...set(acc),
    ...get(acc2), ...get(x), ...i32x4ExtendHighI16, ...i32x4add, ...set(acc2),
    ...br(0),
    ...end, ...end,
    ...get(e), ...get(acc), ...v128store(SCORES_AT),
    ...get(e), ...get(acc2), ...v128store(SCORES_AT + 16),
    ...get(j), ...i32c(16), ...add, ...set(j), ...br(0),
    ...end, ...end,
  ];
  const body = [
    ...i32c(SCORES_AT), ...i32c(0), ...get(rowBytes), ...i32c(1), ...shl, ...memoryFill,
    ...i32c(0), ...set(f),
    ...i32c(0), ...set(nd),
    ...block, ...loop,
    ...get(f), ...get(nf), ...geS, ...brIf(1),
    // key = feats[f]; i = (key ^ (key >>> 15)) & mask; off = -1
    ...get(f), ...i32c(2), ...shl, ...load(FEATS_AT), ...tee(key), ...get(key), ...i32c(15), ...shrU, ...xor, ...get(mask), ...and, ...set(i),
    ...i32c(-1), ...set(off),
    // probe: a slot is (key, row); key 0 is an empty slot
    ...block, ...loop,
    ...get(slots), ...get(i), ...i32c(3), ...shl, ...add, ...tee(k), ...load(), ...tee(e),
    ...get(key), ...eq, ...if_, ...get(k), ...load(4), ...set(off), ...br(2), ...end,
    ...get(e), ...eqz, ...brIf(1),
    ...get(i), ...i32c(1), ...add, ...get(mask), ...and, ...set(i), ...br(0),
    ...end, ...end,
    ...get(off), ...i32c(0), ...geS, ...if_,
    ...get(off), ...i32c(DENSE_FLAG), ...and, ...if_,
    // dense row: listed, added after the loop
    ...get(nd), ...get(dense), ...get(off), ...i32c(0xffffff), ...and, ...get(rowBytes), ...mul, ...add, ...[0x36, 2, ...uleb(LIST_AT)],
    ...get(nd), ...i32c(4), ...add, ...set(nd),
    ...else_,
    ...get(off), ...load(), ...set(h),
    // sparse row: header g0 | g1 << 8 | g2 << 16, then the entries
    ...get(off), ...i32c(4), ...add, ...tee(j),
    ...get(h), ...i32c(255), ...and, ...i32c(2), ...shl, ...add, ...set(e0),
    ...get(e0), ...get(h), ...i32c(8), ...shrU, ...i32c(255), ...and, ...i32c(2), ...shl, ...add, ...set(e1),
    ...get(e1), ...get(h), ...i32c(16), ...shrU, ...i32c(2), ...shl, ...add, ...set(e2),
    ...sparseRange(e0),
    ...get(groups), ...i32c(1), ...and, ...if_, ...sparseRange(e1), ...end,
    ...get(groups), ...i32c(2), ...and, ...if_, ...get(e1), ...set(j), ...sparseRange(e2), ...end,
    ...end,
    ...end,
    ...get(f), ...i32c(1), ...add, ...set(f), ...br(0),
    ...end, ...end,
    // an odd number of dense rows: pad with the zero row
    ...get(nd), ...i32c(4), ...and, ...if_,
    ...get(nd), ...get(zeroRow), ...[0x36, 2, ...uleb(LIST_AT)],
    ...get(nd), ...i32c(4), ...add, ...set(nd),
    ...end,
    ...denseRange(a0, a1),
    ...denseRange(b0, b1),
  ];
  const func = [...vec([[...uleb(12), I32], [3, V128]]), ...body, ...end];
  const keys = hashKeysBody();
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    // types: 0 = 11 × i32 → (), 1 = i32 → ()
    ...section(1, vec([[0x60, ...vec(Array.from({ length: 11 }, () => [I32])), 0], [0x60, ...vec([[I32]]), 0]])),
    ...section(2, vec([[...name('env'), ...name('memory'), 0x02, 0x00, 0x01]])), // import env.memory (min 1 page)
    ...section(3, vec([[0], [1]])),
    ...section(7, vec([[...name('score'), 0x00, 0], [...name('hashKeys'), 0x00, 1]])),
    ...section(10, vec([[...uleb(func.length), ...func], [...uleb(keys.length), ...keys]])),
  ]);
}

/**
 * `hashKeys(n)`: the keys of `n` templates into FEATS_AT, from the atom values at ATOMS_AT and the
 * program at PROGRAM_AT (per template: its seed, its number of atoms, the byte offset of each atom
 * value): the seed, MurmurHash3's round (`mix` in features.ts) with each atom in turn, its
 * finaliser (`fmix`), and 1 for 0 — `FeatureExtractor.extract`'s keys.
 */
function hashKeysBody(): number[] {
  const n = 0;
  const t = 1, p = 2, h = 3, a = 4, v = 5;
  const body = [
    ...i32c(PROGRAM_AT), ...set(p),
    ...block, ...loop,
    ...get(t), ...get(n), ...geS, ...brIf(1),
    ...get(p), ...load(), ...set(h),
    ...get(p), ...load(4), ...set(a),
    ...get(p), ...i32c(8), ...add, ...set(p),
    ...block, ...loop,
    ...get(a), ...eqz, ...brIf(1),
    // v = rotl(atom * c1, 15) * c2; h = rotl(h ^ v, 13) * 5 + 0xe6546b64
    ...get(p), ...load(), ...load(ATOMS_AT), ...i32c(0xcc9e2d51 | 0), ...mul, ...i32c(15), ...rotl, ...i32c(0x1b873593), ...mul, ...set(v),
    ...get(h), ...get(v), ...xor, ...i32c(13), ...rotl, ...i32c(5), ...mul, ...i32c(0xe6546b64 | 0), ...add, ...set(h),
    ...get(p), ...i32c(4), ...add, ...set(p),
    ...get(a), ...i32c(-1), ...add, ...set(a), ...br(0),
    ...end, ...end,
    // fmix
    ...get(h), ...get(h), ...i32c(16), ...shrU, ...xor, ...i32c(0x85ebca6b | 0), ...mul, ...set(h),
    ...get(h), ...get(h), ...i32c(13), ...shrU, ...xor, ...i32c(0xc2b2ae35 | 0), ...mul, ...set(h),
    ...get(h), ...get(h), ...i32c(16), ...shrU, ...xor, ...set(h),
    ...get(t), ...i32c(2), ...shl,
    ...get(h), ...get(h), ...eqz, ...add, // 0 → 1
    ...[0x36, 2, ...uleb(FEATS_AT)],
    ...get(t), ...i32c(1), ...add, ...set(t), ...br(0),
    ...end, ...end,
  ];
  return [...vec([[...uleb(5), I32]]), ...body, ...end];
}

let compiled: WebAssembly.Module | null | undefined;

/** The compiled kernel module, or null where WebAssembly (with SIMD and bulk memory) is not available. */
function kernelCompiled(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      compiled = typeof WebAssembly === 'object' ? new WebAssembly.Module(kernelModule()) : null;
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

type ScoreFn = (nf: number, groups: number, slots: number, mask: number, dense: number, rowBytes: number, a0: number, a1: number, b0: number, b1: number, zeroRow: number) => void;
type HashKeysFn = (n: number) => void;

/**
 * The scoring kernel of one weights table (see the file comment). Build it with `ScoreKernel.build`,
 * which returns null when WebAssembly is not available or the table does not fit the layout; the
 * caller then keeps its JavaScript loop.
 */
export class ScoreKernel {
  private readonly fn: ScoreFn;
  private readonly hashFn: HashKeysFn;
  private readonly feats: Int32Array;
  private readonly atoms: Int32Array;
  private readonly programView: Int32Array;
  /** The template program in the kernel's memory (`hashKeys`), by identity. */
  private program: Int32Array | null = null;
  /** The kernel's scores of classes 0..classes-1. */
  private readonly scores: Int32Array;
  private readonly classes: number;
  private readonly slotsAt: number;
  private readonly mask: number;
  private readonly denseAt: number;
  private readonly rowBytes: number;
  /** Byte address of an all-zero dense row (pads the list of a state's dense rows to an even length). */
  private readonly zeroRow: number;
  /** Per `groups` value (0–3): the dense byte ranges a0, a1, b0, b1. */
  private readonly ranges: Int32Array;

  private constructor(fn: ScoreFn, hashFn: HashKeysFn, memory: WebAssembly.Memory, classes: number, slotsAt: number, mask: number, denseAt: number, rowBytes: number, zeroRow: number, ranges: Int32Array) {
    this.fn = fn;
    this.hashFn = hashFn;
    this.feats = new Int32Array(memory.buffer, FEATS_AT, MAX_FEATURES);
    this.atoms = new Int32Array(memory.buffer, ATOMS_AT, MAX_ATOMS);
    this.programView = new Int32Array(memory.buffer, PROGRAM_AT, MAX_PROGRAM);
    this.scores = new Int32Array(memory.buffer, SCORES_AT, classes);
    this.classes = classes;
    this.slotsAt = slotsAt;
    this.mask = mask;
    this.denseAt = denseAt;
    this.rowBytes = rowBytes;
    this.zeroRow = zeroRow;
    this.ranges = ranges;
  }

  /**
   * A kernel for the table of `SparseWeights` (model.ts): `slots` (key, arena offset) pairs with
   * `mask + 1` slots, the `arena` of rows (header `g0 | g1 << 8 | g2 << 16`, then the entries
   * `weight << 8 | class` sorted by class), the offset of each row, and the class `bounds` of
   * groups 1 and 2. Null when WebAssembly is not available.
   */
  static build(slots: Int32Array, mask: number, arena: Int32Array, rowOffset: Int32Array, bounds: readonly [number, number]): ScoreKernel | null {
    const mod = kernelCompiled();
    if (!mod) return null;
    let classes = 1;
    const rowLength = (off: number): number => { const h = arena[off]; return (h & 255) + ((h >>> 8) & 255) + (h >>> 16); };
    for (let r = 0; r < rowOffset.length; r++) {
      const off = rowOffset[r];
      for (let j = off + 1, to = off + 1 + rowLength(off); j < to; j++) classes = Math.max(classes, (arena[j] & 255) + 1);
    }
    const vectors = Math.ceil(classes / 8);
    const rowBytes = vectors * 16;
    if (2 * rowBytes > FEATS_AT + 4096 + 1024 - SCORES_AT) return null; // more classes than the scores region holds
    const fits16 = (off: number): boolean => {
      for (let j = off + 1, to = off + 1 + rowLength(off); j < to; j++) if (Math.abs(arena[j] >> 8) > DENSE_MAX_WEIGHT) return false;
      return true;
    };
    // the dense rows: the longest first, up to the byte budget
    const long = Array.from(rowOffset).filter((off) => rowLength(off) >= DENSE_MIN_SHARE * classes && fits16(off));
    long.sort((x, y) => rowLength(y) - rowLength(x) || x - y);
    long.length = Math.min(long.length, Math.floor(DENSE_MAX_BYTES / rowBytes), 0xffffff);
    const slotsAt = TABLE_AT;
    const arenaAt = slotsAt + slots.length * 4;
    const denseAt = Math.ceil((arenaAt + arena.length * 4) / 16) * 16;
    const bytes = denseAt + (long.length + 1) * rowBytes; // the dense rows, then a zero row
    const memory = new WebAssembly.Memory({ initial: Math.ceil(bytes / 65536) });
    const i32 = new Int32Array(memory.buffer);
    const i16 = new Int16Array(memory.buffer);
    // slots: key, then the byte address of a sparse row or DENSE_FLAG | the index of a dense row
    const denseIndex = new Map(long.map((off, d) => [off, d]));
    for (let s = 0; s < slots.length; s += 2) {
      if (slots[s] === 0) continue;
      const d = denseIndex.get(slots[s + 1]);
      i32[(slotsAt >> 2) + s] = slots[s];
      i32[(slotsAt >> 2) + s + 1] = d === undefined ? arenaAt + slots[s + 1] * 4 : DENSE_FLAG | d;
    }
    i32.set(arena, arenaAt >> 2);
    long.forEach((off, d) => {
      const row = (denseAt + d * rowBytes) >> 1;
      for (let j = off + 1, to = off + 1 + rowLength(off); j < to; j++) i16[row + (arena[j] & 255)] = arena[j] >> 8;
    });
    // dense byte ranges per groups value: the 8-class vectors that hold the classes of group 0 and
    // of the requested groups (at most two ranges)
    const ranges = new Int32Array(16);
    for (let g = 0; g < 4; g++) {
      const spans: Array<[number, number]> = [[0, Math.min(bounds[0], classes)]];
      if (g & 1) spans.push([bounds[0], Math.min(bounds[1], classes)]);
      if (g & 2) spans.push([bounds[1], classes]);
      const vs: Array<[number, number]> = [];
      for (const [lo, hi] of spans) {
        if (hi <= lo) continue;
        const v0 = Math.floor(lo / 8);
        const v1 = Math.ceil(hi / 8);
        const last = vs[vs.length - 1];
        if (last && v0 <= last[1]) last[1] = Math.max(last[1], v1);
        else vs.push([v0, v1]);
      }
      if (vs.length > 2) return null; // not a layout of groups 0, 1, 2
      for (let r = 0; r < 2; r++) {
        ranges[g * 4 + 2 * r] = (vs[r]?.[0] ?? 0) * 16;
        ranges[g * 4 + 2 * r + 1] = (vs[r]?.[1] ?? 0) * 16;
      }
    }
    const instance = new WebAssembly.Instance(mod, { env: { memory } });
    return new ScoreKernel(instance.exports.score as ScoreFn, instance.exports.hashKeys as HashKeysFn, memory, classes, slotsAt, mask, denseAt, rowBytes, denseAt + long.length * rowBytes, ranges);
  }

  /**
   * Whether `scoreAtoms` can run `program` (`FeatureExtractor.program`: per template its seed,
   * number of atoms, and each atom's byte offset, 4 × its index) for states of `nAtoms` atom
   * values; loads the program into the kernel's memory.
   */
  accepts(program: Int32Array, templates: number, nAtoms: number): boolean {
    if (program === this.program) return true;
    if (program.length > MAX_PROGRAM || templates > MAX_FEATURES || nAtoms > MAX_ATOMS) return false;
    this.programView.set(program);
    this.program = program;
    return true;
  }

  /**
   * `score` for the keys that the loaded program (`accepts`) makes of the atom values `atoms` of a
   * state (`FeatureExtractor.atomValues`): the keys are hashed in the kernel, as
   * `FeatureExtractor.extract` would make them.
   */
  scoreAtoms(atoms: Int32Array, templates: number, scores: Int32Array, g1: boolean, g2: boolean): void {
    this.atoms.set(atoms);
    this.hashFn(templates);
    this.run(templates, scores, g1, g2);
  }

  /**
   * Zero `scores` and add the rows of the first `nf` keys of `feats` (group 0, and groups 1 and/or
   * 2 as asked), as `SparseWeights.scoreGroups` does; scores of classes outside the requested
   * groups are unspecified. `nf` must not exceed MAX_FEATURES.
   */
  score(feats: Int32Array, nf: number, scores: Int32Array, g1: boolean, g2: boolean): void {
    const kf = this.feats;
    if (nf === feats.length) kf.set(feats);
    else for (let f = 0; f < nf; f++) kf[f] = feats[f];
    this.run(nf, scores, g1, g2);
  }

  /** Score the `nf` keys in the kernel's memory into `scores`. */
  private run(nf: number, scores: Int32Array, g1: boolean, g2: boolean): void {
    const g = (g1 ? 1 : 0) | (g2 ? 2 : 0);
    const r = this.ranges;
    this.fn(nf, g, this.slotsAt, this.mask, this.denseAt, this.rowBytes, r[4 * g], r[4 * g + 1], r[4 * g + 2], r[4 * g + 3], this.zeroRow);
    const C = this.classes;
    if (scores.length >= C) {
      scores.set(this.scores);
      if (scores.length > C) scores.fill(0, C);
    } else {
      for (let c = 0; c < scores.length; c++) scores[c] = this.scores[c];
    }
  }
}
