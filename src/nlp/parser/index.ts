/**
 * Syntax: our own dependency parser (issue 7). A greedy, labelled arc-eager parser with a dynamic
 * oracle and an averaged perceptron (model.ts, features.ts), trained on Universal Dependencies
 * English EWT with the UPOS tags wink-nlp predicts, so that it sees at run time the tags it was
 * trained on (a small retagger inside the model maps wink's tags to treebank-style UPOS first).
 * `parseDocument` is pure (DESIGN.md, model 2): it returns the parse and never changes the
 * document.
 *
 * Also here: reading and writing CoNLL-U (multiword-token ranges and empty nodes are kept as
 * lines but are not words), and tagging CoNLL-U sentences with wink (`tagWithWink`), shared by
 * the trainer, the evaluation, the tests and `steppe parse`.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AnnotatedText, Article } from '../../types.js';
import { PACKAGE_ROOT } from '../../paths.js';
import { SteppeError } from '../../errors.js';
import { createAnnotator } from '../annotate.js';
import { ParserModel, type TrainSentence } from './model.js';

export { ParserModel, trainParser, type TrainOptions, type TrainSentence, type ParserConfig } from './model.js';
export { scoreParses, type AttachmentScores, type ParsedSentence } from './score.js';

/**
 * The model folder used when none is named: the committed model (models/parser), or the folder in
 * the environment variable STEPPE_PARSER_DIR when it is set (to try a candidate model end to end,
 * e.g. in the event coder, without replacing the committed one).
 */
export const DEFAULT_PARSER_DIR = process.env.STEPPE_PARSER_DIR ? resolve(process.env.STEPPE_PARSER_DIR) : join(PACKAGE_ROOT, 'models', 'parser');

/**
 * The dependency parse of a document: for each token of `doc.tokens` (same index), the index of
 * its head token in `doc.tokens` (-1 for the root of its sentence) and its UD relation
 * (`nsubj`, `obl:agent`, …). Heads never cross sentences.
 */
export interface DependencyParse {
  head: Int32Array;
  relation: string[];
}

const loaded = new Map<string, ParserModel>();

/** Load the committed model once (memoized); models/parser by default. */
export function loadParserModel(dir: string = DEFAULT_PARSER_DIR): ParserModel {
  const key = resolve(dir);
  let m = loaded.get(key);
  if (!m) {
    m = ParserModel.load(key);
    loaded.set(key, m);
  }
  return m;
}

/** Pure: parse every sentence of an AnnotatedText; heads never cross sentences. */
export function parseDocument(doc: AnnotatedText, model: ParserModel): DependencyParse {
  const parse = emptyParse(doc.tokens.length);
  parseSentencesInto(doc, model, parse, doc.sentences.keys());
  return parse;
}

/** A parse of `n` tokens with nothing parsed yet: every head −1, every relation "dep". */
export function emptyParse(n: number): DependencyParse {
  return { head: new Int32Array(n).fill(-1), relation: new Array<string>(n).fill('dep') };
}

/** Parse the given sentences of `doc` (indices into `doc.sentences`) into `parse`, in place. */
export function parseSentencesInto(doc: AnnotatedText, model: ParserModel, parse: DependencyParse, sentences: Iterable<number>): void {
  const { head, relation } = parse;
  for (const si of sentences) {
    const s = doc.sentences[si];
    if (!s) continue;
    const words: string[] = [];
    const upos: string[] = [];
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      words.push(doc.tokens[i].text);
      upos.push(doc.tokens[i].pos);
    }
    const p = model.parse(words, upos);
    for (let k = 0; k < p.head.length; k++) {
      head[s.tokenStart + k] = p.head[k] < 0 ? -1 : s.tokenStart + p.head[k];
      relation[s.tokenStart + k] = p.relation[k];
    }
  }
}

/**
 * Parse one sentence given words and UPOS tags: 0-based heads (-1 root) and deprels. The tags are
 * wink's (as `annotate` gives them): the model's retagger runs on them first. To parse with tags
 * that are already final (gold tags), call `model.parse(words, upos, { retag: false })`.
 */
export function parseSentence(words: string[], upos: string[], model: ParserModel): { head: number[]; relation: string[] } {
  return model.parse(words, upos);
}

// ---------------------------------------------------------------------------------------------
// CoNLL-U

/** One syntactic word of a CoNLL-U sentence (an integer ID line). */
export interface ConlluWord {
  form: string;
  lemma: string;
  upos: string;
  xpos: string;
  feats: string;
  /** 0-based head (-1 root, -2 when the file has `_`). */
  head: number;
  deprel: string;
  deps: string;
  misc: string;
}

/** One CoNLL-U sentence: every line as read, and its words (multiword ranges and empty nodes are not words). */
export interface ConlluSentence {
  lines: string[];
  words: ConlluWord[];
  /** Index in `lines` of each word. */
  wordLine: number[];
  /** The `# text =` comment, or the text rebuilt from the tokens and SpaceAfter=No. */
  text: string;
  /** Character span of each word in `text` (the whole token span for parts of a multiword token). */
  spans: Array<[number, number]>;
}

/** Read CoNLL-U; throws SteppeError E_BAD_INPUT naming the line for a malformed file. */
export function readConllu(content: string, source = 'conllu'): ConlluSentence[] {
  const out: ConlluSentence[] = [];
  const all = content.split(/\r?\n/);
  let lines: string[] = [];
  let startLine = 0;
  const flush = () => {
    if (lines.length) out.push(buildSentence(lines, source, startLine));
    lines = [];
  };
  all.forEach((line, i) => {
    if (line.trim() === '') { flush(); return; }
    if (!lines.length) startLine = i + 1;
    lines.push(line);
  });
  flush();
  return out;
}

function buildSentence(lines: string[], source: string, startLine: number): ConlluSentence {
  const words: ConlluWord[] = [];
  const wordLine: number[] = [];
  let text: string | null = null;
  // surface tokens: [form, spaceAfter, firstWordIndex, lastWordIndex]
  const tokens: Array<{ form: string; space: boolean; from: number; to: number }> = [];
  let mwtEnd = 0;
  lines.forEach((line, li) => {
    if (line.startsWith('#')) {
      const m = /^#\s*text\s*=\s?(.*)$/.exec(line);
      if (m && text === null) text = m[1];
      return;
    }
    const cols = line.split('\t');
    if (cols.length !== 10) {
      throw new SteppeError('E_BAD_INPUT', source, `line ${startLine + li}: expected 10 tab-separated CoNLL-U columns, found ${cols.length}`);
    }
    const id = cols[0];
    const space = !/(^|\|)SpaceAfter=No(\||$)/.test(cols[9]);
    const range = /^(\d+)-(\d+)$/.exec(id);
    if (range) {
      mwtEnd = Number(range[2]);
      tokens.push({ form: cols[1], space, from: Number(range[1]) - 1, to: Number(range[2]) - 1 });
      return;
    }
    if (/^\d+\.\d+$/.test(id)) return; // empty node
    if (!/^\d+$/.test(id) || Number(id) !== words.length + 1) {
      throw new SteppeError('E_BAD_INPUT', source, `line ${startLine + li}: expected word ID ${words.length + 1}, found "${id}"`);
    }
    const head = cols[6] === '_' ? -2 : Number(cols[6]) - 1;
    if (Number.isNaN(head)) throw new SteppeError('E_BAD_INPUT', source, `line ${startLine + li}: HEAD "${cols[6]}" is not a number`);
    words.push({ form: cols[1], lemma: cols[2], upos: cols[3], xpos: cols[4], feats: cols[5], head, deprel: cols[7], deps: cols[8], misc: cols[9] });
    wordLine.push(li);
    if (Number(id) > mwtEnd) tokens.push({ form: cols[1], space, from: words.length - 1, to: words.length - 1 });
  });
  const rebuilt = tokens.map((t) => t.form + (t.space ? ' ' : '')).join('').trimEnd();
  const txt: string = text ?? rebuilt;
  // word spans: find each token in the text; split multiword tokens by their word forms when they match
  const spans: Array<[number, number]> = words.map(() => [0, 0]);
  let cursor = 0;
  for (const t of tokens) {
    let at = txt.indexOf(t.form, cursor);
    if (at < 0 || at - cursor > 20) {
      while (cursor < txt.length && /\s/.test(txt[cursor])) cursor++;
      at = cursor;
    }
    const end = Math.min(txt.length, at + t.form.length);
    cursor = end;
    if (t.from === t.to) { spans[t.from] = [at, end]; continue; }
    const lower = txt.slice(at, end).toLowerCase();
    let sub = 0;
    let ok = true;
    const parts: Array<[number, number]> = [];
    for (let w = t.from; w <= t.to; w++) {
      const f = words[w].form.toLowerCase();
      if (lower.startsWith(f, sub)) { parts.push([at + sub, at + sub + f.length]); sub += f.length; }
      else { ok = false; break; }
    }
    for (let w = t.from, k = 0; w <= t.to; w++, k++) spans[w] = ok && sub === lower.length ? parts[k] : [at, end];
  }
  return { lines, words, wordLine, text: txt, spans };
}

/**
 * Write sentences back as CoNLL-U with the given parses in HEAD and DEPREL (columns 7 and 8);
 * comments, multiword-token lines and empty nodes are kept as read. `upos`, when given, fills
 * the UPOS column where it is `_`.
 */
export function writeConllu(sents: ConlluSentence[], parses: Array<{ head: ArrayLike<number>; relation: string[] }>, upos?: string[][]): string {
  const out: string[] = [];
  sents.forEach((s, si) => {
    const lines = s.lines.slice();
    const p = parses[si];
    s.wordLine.forEach((li, w) => {
      const cols = lines[li].split('\t');
      cols[6] = String(p.head[w] < 0 ? 0 : p.head[w] + 1);
      cols[7] = p.relation[w];
      if (upos && cols[3] === '_') cols[3] = upos[si][w];
      lines[li] = cols.join('\t');
    });
    out.push(lines.join('\n'), '');
  });
  return out.join('\n') + (out.length ? '\n' : '');
}

/** Read a CoNLL-U file (SteppeError E_NOT_FOUND / E_BAD_INPUT / E_EMPTY with one line naming it). */
export function readConlluFile(file: string): ConlluSentence[] {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new SteppeError('E_NOT_FOUND', file, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, expected a CoNLL-U file' : `cannot read (${code ?? e})`);
  }
  const sents = readConllu(content, file);
  if (!sents.length) throw new SteppeError('E_EMPTY', file, 'no CoNLL-U sentences in the file');
  return sents;
}

const PUNCT_RE = /^[\p{P}\p{S}]+$/u;

function fallbackTag(word: string): string {
  if (/^[\p{P}]+$/u.test(word)) return 'PUNCT';
  if (PUNCT_RE.test(word)) return 'SYM';
  if (/^\d[\d.,:/-]*$/.test(word)) return 'NUM';
  return 'NOUN';
}

/**
 * UPOS tags from wink-nlp for the gold words of CoNLL-U sentences: wink reads the sentence text
 * (`# text`, as a reader would see it; or the words joined by spaces with `joined: true`), and
 * each word takes the tag of the wink token with the same character span; a word wink splits or
 * joins differently takes the tag of the wink token overlapping it most (PUNCT for punctuation,
 * a simple shape rule when nothing overlaps).
 */
export function tagWithWink(sents: Array<Pick<ConlluSentence, 'words' | 'text' | 'spans'>>, opts: { joined?: boolean } = {}): string[][] {
  const annotate = createAnnotator();
  return sents.map((s) => {
    let text = s.text;
    let spans = s.spans;
    if (opts.joined) {
      spans = [];
      let at = 0;
      for (const w of s.words) { spans.push([at, at + w.form.length]); at += w.form.length + 1; }
      text = s.words.map((w) => w.form).join(' ');
    }
    const article: Article = { source: 'conllu', url: null, outlet: null, title: null, byline: [], published: null, language: 'en', text, paragraphs: [{ start: 0, end: text.length, kind: 'body' }], removed: [] };
    const toks = annotate(article).tokens;
    const tags: string[] = [];
    let j = 0;
    for (let w = 0; w < s.words.length; w++) {
      const [a, b] = spans[w];
      while (j < toks.length && toks[j].end <= a) j++;
      let best = -1;
      let bestOverlap = 0;
      for (let k = Math.max(0, j - 1); k < toks.length && toks[k].start < b; k++) {
        const ov = Math.min(b, toks[k].end) - Math.max(a, toks[k].start);
        if (toks[k].start === a && toks[k].end === b) { best = k; break; }
        if (ov > bestOverlap) { bestOverlap = ov; best = k; }
      }
      const form = s.words[w].form;
      if (best >= 0 && toks[best].start === a && toks[best].end === b) tags.push(toks[best].pos);
      else if (/^[\p{P}]+$/u.test(form)) tags.push('PUNCT');
      else if (best >= 0) tags.push(toks[best].pos);
      else tags.push(fallbackTag(form));
    }
    return tags;
  });
}

/** Training sentences from CoNLL-U with the given tags (wink's, or the file's gold UPOS when omitted). */
export function toTrainSentences(sents: ConlluSentence[], tags?: string[][]): TrainSentence[] {
  return sents.map((s, i) => ({
    words: s.words.map((w) => w.form),
    upos: tags ? tags[i] : s.words.map((w) => w.upos),
    goldUpos: s.words.map((w) => w.upos),
    head: s.words.map((w) => w.head),
    relation: s.words.map((w) => w.deprel),
  }));
}
