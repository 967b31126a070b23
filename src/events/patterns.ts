/**
 * Event patterns (`data/events/patterns.yaml`): trigger verbs and nouns for CAMEO codes, loaded
 * and validated once. A bad file throws SteppeError E_BAD_DICTIONARY naming the entry.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { DATA_DIR } from '../paths.js';
import { SteppeError } from '../errors.js';
import { loadCodebook } from './codebook.js';

const PatternEntry = z.object({
  code: z.string().regex(/^\d{2,4}$/),
  verbs: z.array(z.string()).default([]),
  nouns: z.array(z.string()).default([]),
  object: z.array(z.string()).default([]),
  prep: z.array(z.string()).default([]),
  subject: z.array(z.string()).default([]),
  target: z.enum(['object', 'subject', 'none']).default('object'),
  source: z.enum(['subject', 'none']).default('subject'),
}).strict();

/** One event pattern: triggers (verb lemmas or noun phrases as lower-case word lists) and constraints. */
export interface EventPattern {
  code: string;
  /** 'verb' patterns match a VERB token's lemma; 'noun' patterns match lower-case token text. */
  kind: 'verb' | 'noun';
  /** trigger words: one lemma for verbs (a phrasal "crack down" is two), a word list for nouns */
  words: string[];
  object: string[];
  prep: string[];
  /**
   * words one of which must head the trigger's subject or modify its head ("peacekeepers arrived",
   * "peacekeeping troops arrived"); empty: any subject. Verb patterns only.
   */
  subject: string[];
  /** 'subject': the actor before the trigger is the target ("Mugabe is under house arrest") */
  target: 'object' | 'subject' | 'none';
  source: 'subject' | 'none';
}

const TargetPrepositions = z.record(z.string().regex(/^(?:0[1-9]|1\d|20)$/, 'a CAMEO root such as "04"'), z.array(z.string().regex(/^[a-z]+$/, 'a lower-case preposition')));

/**
 * The default target prepositions of each CAMEO root (`data/events/target-prepositions.yaml`):
 * root ("04") → prepositions, for patterns that list none. Throws E_BAD_DICTIONARY on a bad file.
 */
export function loadTargetPrepositions(file = join(DATA_DIR, 'events', 'target-prepositions.yaml')): Map<string, string[]> {
  const raw: unknown = parse(readFileSync(file, 'utf8'));
  for (const key of Object.keys(raw && typeof raw === 'object' ? raw : {})) {
    if (!/^(?:0[1-9]|1\d|20)$/.test(key)) throw new SteppeError('E_BAD_DICTIONARY', file, `"${key}" is not a CAMEO root such as "04"`);
  }
  const parsed = TargetPrepositions.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SteppeError('E_BAD_DICTIONARY', file, `${issue.path.join('.') || 'file'}: ${issue.message}`);
  }
  return new Map(Object.entries(parsed.data));
}

/** Patterns indexed by the first trigger word; within a word, entries with an object constraint come first. */
export interface PatternIndex {
  byVerb: Map<string, EventPattern[]>;
  byNoun: Map<string, EventPattern[]>;
}

let cache: PatternIndex | null = null;

/** Load `data/events/patterns.yaml` (or `file`), validating every code against the CAMEO codebook. */
export function loadPatterns(file = join(DATA_DIR, 'events', 'patterns.yaml')): PatternIndex {
  if (cache && arguments.length === 0) return cache;
  const raw = parse(readFileSync(file, 'utf8'));
  const parsed = z.array(PatternEntry).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SteppeError('E_BAD_DICTIONARY', file, `entry ${String(issue.path[0])}: ${issue.path.slice(1).join('.')}: ${issue.message}`);
  }
  const codebook = loadCodebook();
  const rootPreps = loadTargetPrepositions();
  const byVerb = new Map<string, EventPattern[]>();
  const byNoun = new Map<string, EventPattern[]>();
  parsed.data.forEach((e, n) => {
    if (!codebook.get(e.code)) throw new SteppeError('E_BAD_DICTIONARY', file, `entry ${n}: unknown CAMEO code ${e.code}`);
    if (!e.verbs.length && !e.nouns.length) throw new SteppeError('E_BAD_DICTIONARY', file, `entry ${n}: needs verbs or nouns`);
    if (e.subject.length && e.nouns.length) throw new SteppeError('E_BAD_DICTIONARY', file, `entry ${n}: a subject constraint applies to verbs only`);
    const base = { code: e.code, object: e.object, subject: e.subject, prep: e.prep.length ? e.prep : rootPreps.get(e.code.slice(0, 2)) ?? [], target: e.target, source: e.source };
    for (const v of e.verbs) {
      const words = v.toLowerCase().split(/\s+/);
      const list = byVerb.get(words[0]) ?? [];
      list.push({ ...base, kind: 'verb', words });
      byVerb.set(words[0], list);
    }
    for (const v of e.nouns) {
      const words = v.toLowerCase().split(/\s+/);
      const list = byNoun.get(words[0]) ?? [];
      list.push({ ...base, kind: 'noun', words });
      byNoun.set(words[0], list);
    }
  });
  // longest trigger first; then a constrained pattern (object, subject) before a plain one
  const order = (a: EventPattern, b: EventPattern) => b.words.length - a.words.length || (b.object.length ? 1 : 0) - (a.object.length ? 1 : 0) ||
    (b.subject.length ? 1 : 0) - (a.subject.length ? 1 : 0);
  for (const l of byVerb.values()) l.sort(order);
  for (const l of byNoun.values()) l.sort(order);
  const index = { byVerb, byNoun };
  if (arguments.length === 0) cache = index;
  return index;
}
