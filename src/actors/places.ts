/**
 * The place gazetteer (`data/actors/places.yaml`): cities, towns, provinces and regions below the
 * level of a state, each with the ISO 3166-1 alpha-3 code of its state. Places are not actors: the
 * resolver reports them in `ActorResolution.places` when a preposition of place introduces them
 * ("in Kharkiv", "near Bakhmut"), and the event coder takes an event's `location` from them.
 * National capitals come from the country data (world-countries), not from this file.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { DATA_DIR } from '../paths.js';
import { SteppeError } from '../errors.js';

const PlaceEntry = z.object({
  name: z.string().min(1),
  names: z.array(z.string().min(1)).default([]),
  country: z.string().regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code such as UKR'),
}).strict();

/** One gazetteer place: its printed name and the ISO3 code of its state. */
export interface Place {
  name: string;
  country: string;
}

/**
 * Places by lower-case name form, each form split into words as the tokenizer splits them
 * ("khan younis" → ["khan", "younis"]), with the longest number of words of any form.
 */
export interface PlaceIndex {
  byForm: Map<string, Place>;
  maxWords: number;
  /** The first word of every form: a token that is none starts no place (a cheap test before the lookups). */
  firstWords: Set<string>;
}

/**
 * Load `data/actors/places.yaml` (or `file`). An absent file gives an empty index. Throws
 * SteppeError E_BAD_DICTIONARY naming the entry when an entry is malformed or a form repeats.
 */
export function loadPlaces(file = join(DATA_DIR, 'actors', 'places.yaml')): PlaceIndex {
  const byForm = new Map<string, Place>();
  const firstWords = new Set<string>();
  if (!existsSync(file)) return { byForm, maxWords: 0, firstWords };
  const parsed = z.array(PlaceEntry).safeParse(parse(readFileSync(file, 'utf8')) ?? []);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SteppeError('E_BAD_DICTIONARY', file, `entry ${String(issue.path[0])}: ${issue.path.slice(1).join('.') || 'entry'}: ${issue.message}`);
  }
  let maxWords = 0;
  parsed.data.forEach((e, n) => {
    for (const form of [e.name, ...e.names]) {
      const key = placeKey(form);
      if (byForm.has(key)) throw new SteppeError('E_BAD_DICTIONARY', file, `entry ${n}: "${form}" is already a form of ${byForm.get(key)!.name}`);
      byForm.set(key, { name: e.name, country: e.country });
      maxWords = Math.max(maxWords, key.split(' ').length);
      firstWords.add(key.split(' ')[0]);
    }
  });
  return { byForm, maxWords, firstWords };
}

/** The lookup key of a place form: lower case, words as the tokenizer splits them ("Deir ez-Zor" → "deir ez - zor"). */
export function placeKey(form: string): string {
  return form.toLowerCase().replace(/([-'’])/g, ' $1 ').split(/\s+/).filter(Boolean).join(' ');
}
