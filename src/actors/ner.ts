/**
 * NER-found actors: the PER and ORG entities a named-entity recognizer finds (our trained model
 * in src/nlp/ner, passed to `buildResolverIndex` as `ner`) become candidates of the resolver,
 * which takes them where the dictionary has no name: PER → a person, ORG → an organization with
 * the agent of an organization keyword inside its name ("Ministry" → GOV, "University" → EDU).
 * LOC and MISC entities are not actors here (places and nationalities come from the dictionary).
 *
 * The resolver gives a person the country and agent of a title before the name or of an
 * apposition, and an organization the country of a demonym or country name inside its name;
 * such actors are never dropped for lack of a country or a code.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AnnotatedText } from '../types.js';
import { orgAgentOf, type EntityRecognizer, type FoundEntity, type ResolverIndex } from './lexicon.js';
import { DEFAULT_NER_MODEL_DIR, loadNerModel, recognizeEntities } from '../nlp/ner/index.js';

/**
 * The recognizer of our trained NER model in `dir` (default models/ner), loaded once (the model is
 * memoized by src/nlp/ner), or null when the folder has no `meta.json` (no model trained yet).
 */
export function loadNerRecognizer(dir: string = DEFAULT_NER_MODEL_DIR): EntityRecognizer | null {
  if (!existsSync(join(dir, 'meta.json'))) return null;
  const model = loadNerModel(dir);
  return (doc: AnnotatedText) => recognizeEntities(doc, model);
}

/** The NER entities of one document that can become actors, indexed by token. */
export interface NerCandidates {
  /** PER and ORG entities in text order, with the agent code of an ORG's keyword (or null). */
  entities: Array<FoundEntity & { agent: string | null }>;
  /** entity index by its first token */
  startingAt: Map<number, number>;
  /** for each token, the index of the entity covering it, or -1 */
  covering: Int32Array;
  /** for each token, the type of any entity (LOC and MISC too) covering it, or null */
  all: Array<FoundEntity['type'] | null>;
}

/** Capitalised adjectives that open a sentence before a demonym or a title, never part of a name. */
export const LEADING_ADJECTIVES = new Set(['Senior', 'Top', 'Ousted', 'Unidentified', 'Unknown', 'Suspected', 'Alleged', 'Armed', 'Masked', 'Local', 'Outgoing', 'Incoming']);

/** Run the index's recognizer over a document and keep the PER and ORG entities that can be actors. */
export function nerCandidates(doc: AnnotatedText, index: ResolverIndex): NerCandidates {
  const entities: NerCandidates['entities'] = [];
  const covering = new Int32Array(doc.tokens.length).fill(-1);
  const startingAt = new Map<number, number>();
  const all: NerCandidates['all'] = new Array(doc.tokens.length).fill(null);
  if (!index.ner) return { entities, startingAt, covering, all };
  const raw = index.ner(doc);
  for (const e of raw) for (let k = Math.max(0, e.tokenStart); k < Math.min(e.tokenEnd, doc.tokens.length); k++) all[k] = e.type;
  const found = raw.filter((e) => e.type === 'PER' || e.type === 'ORG').sort((a, b) => a.tokenStart - b.tokenStart);
  for (const e0 of found) {
    // sentence-initial adjectives the model takes into a name ("Senior Hungarian and …"): trimmed
    let e = e0;
    // (and a sentence-initial article before an organization: "The EU and NATO met" names the EU)
    while (e.tokenEnd - e.tokenStart > 1 && (LEADING_ADJECTIVES.has(doc.tokens[e.tokenStart]?.text) || (e.type === 'ORG' && doc.tokens[e.tokenStart]?.text === 'The'))) {
      const t = doc.tokens[e.tokenStart + 1];
      e = { ...e, tokenStart: e.tokenStart + 1, start: t.start, text: doc.text.slice(t.start, doc.tokens[e.tokenEnd - 1].end) };
    }
    if (e.tokenEnd <= e.tokenStart || e.tokenStart < 0 || e.tokenEnd > doc.tokens.length) continue;
    if (entities.length && entities[entities.length - 1].tokenEnd > e.tokenStart) continue;
    const words = doc.tokens.slice(e.tokenStart, e.tokenEnd).map((t) => t.text.toLowerCase());
    // programmes, summits and buildings are not actors, whatever the model calls them
    if (words.some((w) => index.nonActorWords.has(w))) continue;
    // a single lower-case word is no name
    if (!/\p{Lu}/u.test(e.text)) continue;
    const agent = e.type === 'ORG' ? orgAgentOf(e.text, index) : null;
    const n = entities.length;
    entities.push({ ...e, agent });
    startingAt.set(e.tokenStart, n);
    for (let k = e.tokenStart; k < e.tokenEnd; k++) covering[k] = n;
  }
  return { entities, startingAt, covering, all };
}
