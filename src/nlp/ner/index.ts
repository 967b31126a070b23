/**
 * Named-entity recognition with our own trained model (issue 4): PER, ORG, LOC, MISC.
 *
 * The model is an averaged perceptron over BILOU tags with greedy left-to-right decoding
 * (model.ts), over word, shape, affix, POS, gazetteer, context-window and document features
 * (features.ts), trained on CoNLL-2003 English by `npm run train:ner` (scripts/train-ner.ts).
 * POS tags are wink-nlp's at training and at run time alike.
 *
 *   const model = loadNerModel();            // models/ner, loaded once
 *   recognizeEntities(annotated, model);     // EntityMention[] with offsets into the text
 *   tagTokens(['Peter', 'Blackburn'], model) // ['B-PER', 'I-PER']
 *
 * Prediction is pure: it reads an AnnotatedText and returns mentions; setting them on a document
 * is the caller's job (DESIGN.md, model 2).
 */
import { join, resolve } from 'node:path';
import winkNLP from 'wink-nlp';
import winkModel from 'wink-eng-lite-web-model';
import { PACKAGE_ROOT } from '../../paths.js';
import type { AnnotatedText } from '../../types.js';
import { mergeWinkTokens, mergedPos, type NerToken } from './features.js';
import { NerModel } from './model.js';
import { WINK_PIPE } from '../annotate.js';

export { NerModel } from './model.js';
export { scoreEntities, spansFromTags } from './score.js';

/** An entity found in a text: offsets into `AnnotatedText.text`, its type, and its token range. */
export interface EntityMention {
  /** UTF-16 offset of the first character (inclusive). */
  start: number;
  /** UTF-16 offset after the last character (exclusive): `text.slice(start, end)` is the mention. */
  end: number;
  text: string;
  type: 'PER' | 'ORG' | 'LOC' | 'MISC';
  /** Index of the first token in `AnnotatedText.tokens` (inclusive). */
  tokenStart: number;
  /** Index after the last token (exclusive). */
  tokenEnd: number;
}

/** Default model folder: `models/ner` in the package. */
export const DEFAULT_NER_MODEL_DIR = join(PACKAGE_ROOT, 'models', 'ner');

const loaded = new Map<string, NerModel>();

/** Load the committed model once (memoized); models/ner by default. */
export function loadNerModel(dir: string = DEFAULT_NER_MODEL_DIR): NerModel {
  const key = resolve(dir);
  let m = loaded.get(key);
  if (!m) {
    m = NerModel.load(key);
    loaded.set(key, m);
  }
  return m;
}

type Wink = ReturnType<typeof winkNLP>;
let wink: Wink | null = null;
function getWink(): Wink {
  wink ??= winkNLP(winkModel, WINK_PIPE);
  return wink;
}

/**
 * Universal POS tags for given tokens, as wink-nlp predicts them in context: the tokens are read
 * joined by spaces and wink's tokens are aligned back by character offsets. A token that wink
 * splits (e.g. "Zaire-born") takes the POS of its pieces by `mergedPos`, as at run time.
 */
export function winkPosForTokens(tokens: readonly string[]): string[] {
  if (!tokens.length) return [];
  const nlp = getWink();
  const text = tokens.join(' ');
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(nlp.its.value) as string[];
  const pos = doc.tokens().out(nlp.its.pos) as string[];
  const out: string[] = [];
  let cursor = 0;
  let j = 0;
  let offset = 0;
  // wink token character ranges
  const ranges: Array<[number, number]> = values.map((v) => {
    let at = text.indexOf(v, cursor);
    if (at < 0) at = cursor;
    cursor = at + v.length;
    return [at, at + v.length];
  });
  for (const t of tokens) {
    const a = offset;
    const b = offset + t.length;
    offset = b + 1;
    const parts: string[] = [];
    while (j < ranges.length && ranges[j][1] <= a) j++;
    let k = j;
    while (k < ranges.length && ranges[k][0] < b) {
      if (pos[k] !== 'SPACE') parts.push(pos[k]);
      k++;
    }
    out.push(parts.length ? mergedPos(parts) : 'X');
  }
  return out;
}

/** BILOU tags → BIO (IOB2) tags. */
export function bilouToBio(tags: readonly string[]): string[] {
  return tags.map((t) => (t[0] === 'L' ? 'I' + t.slice(1) : t[0] === 'U' ? 'B' + t.slice(1) : t));
}

/** BIO (IOB1 or IOB2) tags → BILOU tags, for training. */
export function bioToBilou(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i];
    if (t === 'O' || !t.includes('-')) { out.push('O'); continue; }
    const type = t.slice(2);
    const prev = i > 0 ? tags[i - 1] : 'O';
    const next = i + 1 < tags.length ? tags[i + 1] : 'O';
    const begins = t[0] === 'B' || prev === 'O' || prev.slice(2) !== type;
    const continues = next[0] === 'I' && next.slice(2) === type;
    out.push(`${begins ? (continues ? 'B' : 'U') : continues ? 'I' : 'L'}-${type}`);
  }
  return out;
}

/** Tag the sentences of one document (tokens as given, e.g. from a CoNLL file): BIO tags. */
export function tagDocument(sentences: readonly (readonly string[])[], model: NerModel): string[][] {
  const input: NerToken[][] = sentences.map((s) => {
    const pos = winkPosForTokens(s);
    return s.map((text, i) => ({ text, pos: pos[i] }));
  });
  return model.predictDocument(input).map(bilouToBio);
}

/** Tag a list of tokens (for CoNLL files): returns BIO tags. */
export function tagTokens(tokens: string[], model: NerModel): string[] {
  return tagDocument([tokens], model)[0];
}

/** Pure prediction on an AnnotatedText (tokens from src/nlp/annotate.ts), no mutation. */
export function recognizeEntities(doc: AnnotatedText, model: NerModel): EntityMention[] {
  const sentences: NerToken[][] = [];
  const groups: Array<Array<[number, number]>> = [];
  for (const s of doc.sentences) {
    const toks = doc.tokens.slice(s.tokenStart, s.tokenEnd);
    const g = mergeWinkTokens(toks);
    sentences.push(g.map(([a, b]) => (b === a + 1 && toks[a].text.length === toks[a].end - toks[a].start
      ? toks[a]
      : { text: doc.text.slice(toks[a].start, toks[b - 1].end), pos: mergedPos(toks.slice(a, b).map((t) => t.pos)) })));
    groups.push(g.map(([a, b]) => [s.tokenStart + a, s.tokenStart + b]));
  }
  const tags = model.predictDocument(sentences);
  const out: EntityMention[] = [];
  for (let si = 0; si < tags.length; si++) {
    const t = tags[si];
    const g = groups[si];
    let open = -1;
    for (let i = 0; i < t.length; i++) {
      const p = t[i][0];
      if (p === 'B' || p === 'U') open = i;
      if ((p === 'L' || p === 'U') && open >= 0) {
        const tokenStart = g[open][0];
        const tokenEnd = g[i][1];
        const start = doc.tokens[tokenStart].start;
        const end = doc.tokens[tokenEnd - 1].end;
        out.push({ start, end, text: doc.text.slice(start, end), type: t[i].slice(2) as EntityMention['type'], tokenStart, tokenEnd });
        open = -1;
      }
    }
  }
  return out;
}

/** A sentence of a CoNLL file: its tokens (first column) and, when present, its tags (last column). */
export interface ConllSentence {
  tokens: string[];
  tags: string[];
}

/** Read a CoNLL-2003 file into documents (split at `-DOCSTART-`) of sentences. */
export function readConllDocuments(text: string): ConllSentence[][] {
  const docs: ConllSentence[][] = [];
  let doc: ConllSentence[] = [];
  let cur: ConllSentence = { tokens: [], tags: [] };
  const flush = (): void => { if (cur.tokens.length) doc.push(cur); cur = { tokens: [], tags: [] }; };
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (!line.trim()) { flush(); continue; }
    const cols = line.trim().split(/\s+/);
    if (cols[0] === '-DOCSTART-') { flush(); if (doc.length) docs.push(doc); doc = []; continue; }
    cur.tokens.push(cols[0]);
    cur.tags.push(cols.length > 1 ? cols[cols.length - 1] : 'O');
  }
  flush();
  if (doc.length) docs.push(doc);
  return docs;
}

/**
 * The gazetteer built from our actor dictionary (data/actors): country names, demonyms, metonyms
 * (capitals, "Kremlin"), IGOs, regions and people, each with its class; and the news outlets of
 * data/outlets.yaml. The trainer writes it into
 * the model folder, so that a trained model keeps the gazetteer it was trained with.
 */
export async function dictionaryGazetteerEntries(): Promise<Array<[string, string]>> {
  const { loadActorDictionary } = await import('../../actors/dictionary.js');
  const dict = loadActorDictionary();
  const out: Array<[string, string]> = [];
  for (const n of dict.names) {
    const actor = dict.actors.get(n.actorId);
    // class: how the name refers (demonym, metonym) or the actor's type (state, igo, person, location…)
    const cls = n.kind !== 'name' ? n.kind : actor?.type ?? 'other';
    out.push([n.form, cls]);
  }
  // News outlets (data/outlets.yaml: host → outlet name).
  const { parse } = await import('yaml');
  const { readFileSync } = await import('node:fs');
  const { DATA_DIR } = await import('../../paths.js');
  const outlets = parse(readFileSync(join(DATA_DIR, 'outlets.yaml'), 'utf8')) as Record<string, unknown>;
  for (const name of new Set(Object.values(outlets ?? {}))) if (typeof name === 'string') out.push([name, 'outlet']);
  return out;
}

/** CoNLL documents → training documents: wink POS for every sentence, BIO gold → BILOU. */
export function toTrainDocuments(docs: readonly ConllSentence[][]): import('./model.js').TrainDocument[] {
  return docs.map((d) => ({
    sentences: d.map((s) => {
      const pos = winkPosForTokens(s.tokens);
      return s.tokens.map((text, i) => ({ text, pos: pos[i] }));
    }),
    tags: d.map((s) => bioToBilou(s.tags)),
  }));
}

/** Keep the first `n` sentences of a list of documents (document boundaries kept). */
export function limitSentences<T>(docs: readonly T[][], n: number): T[][] {
  const out: T[][] = [];
  let left = n;
  for (const d of docs) {
    if (left <= 0) break;
    out.push(d.slice(0, left));
    left -= d.length;
  }
  return out;
}
