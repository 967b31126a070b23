/**
 * The output contract `steppe.document/1` (see DESIGN.md, "Output contract") as zod schemas.
 * TypeScript types are inferred from these schemas. Every span is a half-open `[start, end)`
 * range of UTF-16 code-unit offsets into `article.text`; `article.text.slice(start, end)` is
 * the span's text. Change this contract only by adding optional fields, or bump the version.
 */
import { z } from 'zod';

/** Schema identifier printed in every JSON document. */
export const SCHEMA_ID = 'steppe.document/1';

/** A half-open character range `[start, end)` in `article.text` (UTF-16 code units). */
export const Range = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });
export type Range = z.infer<typeof Range>;

/** A range with the text it slices, kept for readability and checked by `checkOffsets`. */
export const TextSpan = Range.extend({ text: z.string() });
export type TextSpan = z.infer<typeof TextSpan>;

/** Paragraph kinds: the article's own flow (`body`), sub-headings, photo captions (kept once), block quotes. */
export const ParagraphKind = z.enum(['body', 'heading', 'caption', 'blockquote']);
export type ParagraphKind = z.infer<typeof ParagraphKind>;

export const Paragraph = Range.extend({ kind: ParagraphKind });
export type Paragraph = z.infer<typeof Paragraph>;

/** Boilerplate removed from the page, with the rule that removed it. */
export const Removed = z.object({ text: z.string(), reason: z.string() });
export type Removed = z.infer<typeof Removed>;

/** YYYY-MM-DD calendar date. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const ArticleSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{16}$/),
  source: z.string(),
  url: z.string().nullable(),
  outlet: z.string().nullable(),
  title: z.string().nullable(),
  byline: z.array(z.string()),
  published: IsoDate.nullable(),
  language: z.string().nullable(),
  text: z.string(),
  paragraphs: z.array(Paragraph),
  removed: z.array(Removed),
});
export type ArticleOut = z.infer<typeof ArticleSchema>;

/** Actor types of the contract. */
export const ActorType = z.enum(['person', 'state', 'igo', 'ngo', 'organization', 'group', 'location']);
export type ActorType = z.infer<typeof ActorType>;

export const ActorSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: ActorType,
  /** ISO 3166-1 alpha-3 country code, or null. */
  country: z.string().nullable(),
  /** CAMEO actor code: country + agent code(s), e.g. "KAZGOV"; "IGO…" for IGOs; null when unknown. */
  code: z.string().nullable(),
  description: z.string().nullable(),
  mentions: z.array(TextSpan),
});
export type ActorOut = z.infer<typeof ActorSchema>;

export const QuoteKind = z.enum(['direct', 'partial', 'indirect']);
export type QuoteKind = z.infer<typeof QuoteKind>;

export const QuoteSchema = z.object({
  id: z.string(),
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  kind: QuoteKind,
  speaker: z.string().nullable(),
  speakerMention: Range.nullable(),
  cue: z.string().nullable(),
  /** Optional (added in 0.1): confidence of the speaker attribution in [0, 1]. */
  confidence: z.number().min(0).max(1).optional(),
});
export type QuoteOut = z.infer<typeof QuoteSchema>;

export const Modality = z.enum(['asserted', 'intended', 'hypothetical', 'reported']);
export type Modality = z.infer<typeof Modality>;

export const EventSchema = z.object({
  id: z.string(),
  code: z.string().regex(/^\d{2,4}$/),
  root: z.string().regex(/^\d{2}$/),
  quadClass: z.number().int().min(1).max(4),
  goldstein: z.number().min(-10).max(10),
  /** Optional (added in 0.1): the CAMEO code's name, e.g. "Make a visit". */
  name: z.string().optional(),
  plover: z.object({ type: z.string(), mode: z.string().nullable() }).nullable(),
  source: z.string().nullable(),
  target: z.string().nullable(),
  date: IsoDate.nullable(),
  /** 'week' (added in 0.1, schema v5): the date is the Monday of that ISO 8601 week ("last week"). */
  datePrecision: z.enum(['day', 'week', 'month', 'year']).nullable(),
  location: z.object({ name: z.string(), country: z.string().nullable() }).nullable(),
  sentence: Range,
  trigger: TextSpan,
  negated: z.boolean(),
  modality: Modality,
  confidence: z.number().min(0).max(1),
  /**
   * Optional (added in 0.2): every mention of this happening in the article, in text order, the
   * event's own `sentence`/`trigger` first. Present when the article tells the same happening
   * (same code, dyad, date, negation and modality) more than once and the mentions were merged.
   */
  mentions: z.array(z.object({ sentence: Range, trigger: TextSpan })).optional(),
  /**
   * Optional (added in 0.3): how the event was coded. Absent: a verb or noun pattern of
   * data/events/patterns.yaml matched its trigger. 'classifier': no pattern matched its sentence;
   * the PLOVER sentence classifier gave the type (the CAMEO code is that type's generic code, the
   * trigger the sentence's main verb).
   */
  origin: z.literal('classifier').optional(),
  /**
   * Optional (added in 0.3): where `date` came from, present when the event is dated: 'sentence'
   * (an expression of the event's own sentence, resolved against the publication date) or
   * 'publication' (the sentence names no date; the publication date stands in).
   */
  dateSource: z.enum(['sentence', 'publication']).optional(),
});
export type EventOut = z.infer<typeof EventSchema>;

export const DocumentSchema = z.object({
  schema: z.literal(SCHEMA_ID),
  article: ArticleSchema,
  actors: z.array(ActorSchema),
  quotes: z.array(QuoteSchema),
  events: z.array(EventSchema),
});
export type SteppeDocument = z.infer<typeof DocumentSchema>;
