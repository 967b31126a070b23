/**
 * Loads the boilerplate rules (`data/extract/boilerplate.yaml`) and the outlet table
 * (`data/outlets.yaml`) once. Patterns are case-insensitive and anchored to a whole trimmed line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { DATA_DIR } from '../paths.js';
import { SteppeError } from '../errors.js';

const RulesFile = z.object({
  navigation: z.array(z.string()),
  image: z.array(z.string()),
  promo_heading: z.array(z.string()),
  promo_line: z.array(z.string()),
  bio_opening: z.string(),
});

/** Compiled page-chrome rules for plain text. */
export interface BoilerplateRules {
  navigation: RegExp;
  image: RegExp;
  promoHeading: RegExp;
  promoLine: RegExp;
  /** Matches the opening of an author bio card; groups `name` and (optional) `outlet`. */
  bioOpening: RegExp;
}

function anyLine(patterns: string[]): RegExp {
  return new RegExp(`^(?:${patterns.map((p) => `(?:${p})`).join('|')})$`, 'iu');
}

let rulesCache: BoilerplateRules | null = null;
/** The boilerplate rules; throws SteppeError E_BAD_DICTIONARY when the file is invalid. */
export function boilerplateRules(): BoilerplateRules {
  if (rulesCache) return rulesCache;
  const file = join(DATA_DIR, 'extract', 'boilerplate.yaml');
  const parsed = RulesFile.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new SteppeError('E_BAD_DICTIONARY', file, parsed.error.issues[0].message);
  const r = parsed.data;
  rulesCache = {
    navigation: anyLine(r.navigation),
    image: anyLine(r.image),
    promoHeading: anyLine(r.promo_heading),
    promoLine: anyLine(r.promo_line),
    bioOpening: new RegExp(r.bio_opening, 'u'),
  };
  return rulesCache;
}

let outletCache: Record<string, string> | null = null;
/** The outlet name for a URL's host (or a parent domain of it), from data/outlets.yaml; null if unknown or not a URL. */
export function outletForUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  outletCache ??= z.record(z.string(), z.string()).parse(parse(readFileSync(join(DATA_DIR, 'outlets.yaml'), 'utf8')));
  const parts = host.replace(/^www\./, '').split('.');
  for (let i = 0; i < parts.length - 1; i++) {
    const name = outletCache[parts.slice(i).join('.')];
    if (name) return name;
  }
  return null;
}
