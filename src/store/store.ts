/**
 * The storage interface: where analysed documents (`steppe.document/1`, see DESIGN.md "Output
 * contract") are kept. Backends implement `Store`: `sqlite.ts` (default, better-sqlite3) and
 * later PostgreSQL. Nothing backend-specific belongs here; the relational schema every backend
 * follows lives in `migrations.ts`.
 *
 * Errors are `SteppeError`s with code `E_STORE` whose input is the article's source (for saves)
 * or the database location (for opening).
 */
import type { SteppeDocument } from '../schema.js';

/** Row counts of the store, one per table of the contract. */
export interface StoreStats {
  /** Stored articles (one per article id). */
  articles: number;
  /** Actors, summed over all articles. */
  actors: number;
  /** Actor mentions, summed over all articles. */
  mentions: number;
  /** Quotes, summed over all articles. */
  quotes: number;
  /** Events, summed over all articles. */
  events: number;
}

/** A place to keep analysed documents, keyed by article id. */
export interface Store {
  /**
   * Save one analysed document in one transaction. Replaces all rows of the same article id
   * (idempotent re-analysis). Throws SteppeError('E_STORE', doc.article.source, reason) and
   * leaves the store unchanged on failure. The document is expected to be valid against
   * `DocumentSchema`; the store's own constraints (types, ranges, actor references) are checked
   * by the database.
   */
  saveDocument(doc: SteppeDocument): void;
  /** The stored document for an article id, rebuilt in the steppe.document/1 shape, or null. */
  getDocument(articleId: string): SteppeDocument | null;
  /** Row counts of the store. */
  stats(): StoreStats;
  /** Schema version in force. */
  schemaVersion(): number;
  /** Release the database; the store must not be used afterwards. Calling it twice is harmless. */
  close(): void;
}
