/**
 * The SQLite backend of `Store` (better-sqlite3 v12): one database file, WAL journal, foreign
 * keys on, the schema of `migrations.ts` applied on open.
 *
 * - Versioning: `PRAGMA user_version` is the schema version in force; `schema_migrations` logs
 *   each applied migration. Opening applies the missing migrations in one immediate
 *   transaction; a database newer than this code, or a file that is not SQLite, is refused with
 *   a one-line `SteppeError('E_STORE', file, …)`.
 * - Saving: `saveDocument` deletes the article row (its actors, mentions, quotes and events go
 *   with it by ON DELETE CASCADE) and inserts the new rows, all in one transaction, so a failed
 *   save changes nothing.
 *
 * Usage: `const store = openSqliteStore({ file: 'steppe.db' }); store.saveDocument(doc); store.close();`
 */
import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { SteppeError } from '../errors.js';
import { SCHEMA_ID } from '../schema.js';
import type { ActorOut, EventOut, QuoteOut, SteppeDocument } from '../schema.js';
import { LATEST_SCHEMA_VERSION, SCHEMA_MIGRATIONS_TABLE, migrations } from './migrations.js';
import type { Store, StoreStats } from './store.js';

/** Options of `openSqliteStore`. */
export interface SqliteStoreOptions {
  /** file path, or ':memory:' */
  file: string;
}

type Db = Database.Database;
type Statement = Database.Statement;

/** A row of `articles`. */
interface ArticleRow {
  id: string; source: string; url: string | null; outlet: string | null; title: string | null;
  byline: string; published: string | null; language: string | null; text: string;
  paragraphs: string; removed: string; analyzed_at: string;
}
/** A row of `actors`. */
interface ActorRow {
  article_id: string; id: string; pos: number; name: string; type: string;
  country: string | null; code: string | null; description: string | null;
}
/** A row of `mentions`. */
interface MentionRow { article_id: string; actor_id: string; pos: number; span_start: number; span_end: number; text: string }
/** A row of `quotes`. */
interface QuoteRow {
  article_id: string; id: string; pos: number; text: string; span_start: number; span_end: number;
  kind: string; speaker: string | null; speaker_mention_start: number | null;
  speaker_mention_end: number | null; cue: string | null; confidence: number | null;
}
/** A row of `event_mentions` (schema v2). */
interface EventMentionRow {
  article_id: string; event_id: string; pos: number; sentence_start: number; sentence_end: number;
  trigger_start: number; trigger_end: number; trigger_text: string;
}

/** A row of `events`. */
interface EventRow {
  article_id: string; id: string; pos: number; code: string; root: string; quad_class: number;
  goldstein: number; name: string | null; plover_type: string | null; plover_mode: string | null;
  source_actor: string | null; target_actor: string | null; date: string | null;
  date_precision: string | null; location_name: string | null; location_country: string | null;
  sentence_start: number; sentence_end: number; trigger_start: number; trigger_end: number;
  trigger_text: string; negated: number; modality: string; confidence: number;
  /** schema v3; NULL for a pattern event */
  origin: string | null;
  /** schema v4; NULL when undated or written before v4 */
  date_source: string | null;
}

/** The message of an unknown thrown value, on one line. */
function reason(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.replace(/\s+/g, ' ').trim();
}

/** The SQLite error code (`SQLITE_NOTADB`, …) of a thrown value, if it has one. */
function sqliteCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Is `file` an existing directory? (false when it does not exist or cannot be read) */
function isDirectory(file: string): boolean {
  try { return statSync(file).isDirectory(); } catch { return false; }
}

/** Turn an error raised while opening `file` into a one-line E_STORE error. */
function openError(file: string, e: unknown): SteppeError {
  if (e instanceof SteppeError) return e;
  if (/directory does not exist/i.test(reason(e))) {
    return new SteppeError('E_STORE', file, 'cannot create the database: its directory does not exist');
  }
  switch (sqliteCode(e)) {
    case 'SQLITE_NOTADB':
      return new SteppeError('E_STORE', file, 'not a SQLite database; give a new file name or an existing steppe database');
    case 'SQLITE_CORRUPT':
      return new SteppeError('E_STORE', file, 'the SQLite database is corrupt');
    case 'SQLITE_CANTOPEN':
      if (isDirectory(file)) return new SteppeError('E_STORE', file, 'is a directory; give a database file name, e.g. steppe.db');
      return new SteppeError('E_STORE', file, 'cannot open the database file; check that its directory exists and is writable');
    case 'SQLITE_READONLY':
      return new SteppeError('E_STORE', file, 'the database is read-only; check file permissions');
    case 'SQLITE_BUSY':
      return new SteppeError('E_STORE', file, 'the database is locked by another process; try again');
    default:
      return new SteppeError('E_STORE', file, `cannot open the database: ${reason(e)}`);
  }
}

/** The `user_version` of an open database. */
function readUserVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Refuse a database written by a newer steppe. */
function checkNotNewer(file: string, found: number): void {
  if (found > LATEST_SCHEMA_VERSION) {
    throw new SteppeError('E_STORE', file,
      `database schema v${found} is newer than this steppe (v${LATEST_SCHEMA_VERSION}); upgrade steppe`);
  }
}

/**
 * Bring `db` to the latest schema version: apply the missing migrations, log them in
 * `schema_migrations` and set `user_version`, all in one immediate transaction (so that two
 * processes opening the same new file do not both migrate it).
 */
function migrate(db: Db, file: string): void {
  const before = readUserVersion(db);
  checkNotNewer(file, before);
  if (before === LATEST_SCHEMA_VERSION) return;
  const run = db.transaction(() => {
    const current = readUserVersion(db); // re-read under the write lock
    checkNotNewer(file, current);
    db.exec(SCHEMA_MIGRATIONS_TABLE);
    const log = db.prepare('INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)');
    for (const m of migrations) {
      if (m.version <= current) continue;
      try {
        db.exec(m.up);
      } catch (e) {
        throw new SteppeError('E_STORE', file, `migration to schema v${m.version} failed: ${reason(e)}`);
      }
      log.run(m.version, m.description, new Date().toISOString());
      db.pragma(`user_version = ${m.version}`);
    }
  });
  run.immediate();
}

/** `Store` on one better-sqlite3 connection. */
class SqliteStore implements Store {
  private readonly db: Db;
  private readonly stmt: {
    deleteArticle: Statement; insertArticle: Statement; insertActor: Statement;
    insertMention: Statement; insertQuote: Statement; insertEvent: Statement; insertEventMention: Statement;
    article: Statement; actors: Statement; mentions: Statement; quotes: Statement; events: Statement; eventMentions: Statement;
    stats: Statement;
  };
  private readonly saveTx: (doc: SteppeDocument, analyzedAt: string) => void;

  /** Wrap an open, migrated connection. */
  constructor(db: Db) {
    this.db = db;
    this.stmt = {
      deleteArticle: db.prepare('DELETE FROM articles WHERE id = ?'),
      insertArticle: db.prepare(`INSERT INTO articles
        (id, source, url, outlet, title, byline, published, language, text, paragraphs, removed, analyzed_at)
        VALUES (@id, @source, @url, @outlet, @title, @byline, @published, @language, @text, @paragraphs, @removed, @analyzed_at)`),
      insertActor: db.prepare(`INSERT INTO actors
        (article_id, id, pos, name, type, country, code, description)
        VALUES (@article_id, @id, @pos, @name, @type, @country, @code, @description)`),
      insertMention: db.prepare(`INSERT INTO mentions
        (article_id, actor_id, pos, span_start, span_end, text)
        VALUES (@article_id, @actor_id, @pos, @span_start, @span_end, @text)`),
      insertQuote: db.prepare(`INSERT INTO quotes
        (article_id, id, pos, text, span_start, span_end, kind, speaker, speaker_mention_start, speaker_mention_end, cue, confidence)
        VALUES (@article_id, @id, @pos, @text, @span_start, @span_end, @kind, @speaker, @speaker_mention_start, @speaker_mention_end, @cue, @confidence)`),
      insertEvent: db.prepare(`INSERT INTO events
        (article_id, id, pos, code, root, quad_class, goldstein, name, plover_type, plover_mode, source_actor, target_actor,
         date, date_precision, location_name, location_country, sentence_start, sentence_end,
         trigger_start, trigger_end, trigger_text, negated, modality, confidence, origin, date_source)
        VALUES (@article_id, @id, @pos, @code, @root, @quad_class, @goldstein, @name, @plover_type, @plover_mode, @source_actor, @target_actor,
         @date, @date_precision, @location_name, @location_country, @sentence_start, @sentence_end,
         @trigger_start, @trigger_end, @trigger_text, @negated, @modality, @confidence, @origin, @date_source)`),
      insertEventMention: db.prepare(`INSERT INTO event_mentions
        (article_id, event_id, pos, sentence_start, sentence_end, trigger_start, trigger_end, trigger_text)
        VALUES (@article_id, @event_id, @pos, @sentence_start, @sentence_end, @trigger_start, @trigger_end, @trigger_text)`),
      eventMentions: db.prepare('SELECT * FROM event_mentions WHERE article_id = ? ORDER BY event_id, pos'),
      article: db.prepare('SELECT * FROM articles WHERE id = ?'),
      actors: db.prepare('SELECT * FROM actors WHERE article_id = ? ORDER BY pos'),
      mentions: db.prepare('SELECT * FROM mentions WHERE article_id = ? ORDER BY actor_id, pos'),
      quotes: db.prepare('SELECT * FROM quotes WHERE article_id = ? ORDER BY pos'),
      events: db.prepare('SELECT * FROM events WHERE article_id = ? ORDER BY pos'),
      stats: db.prepare(`SELECT
        (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM actors) AS actors,
        (SELECT count(*) FROM mentions) AS mentions, (SELECT count(*) FROM quotes) AS quotes,
        (SELECT count(*) FROM events) AS events`),
    };
    this.saveTx = db.transaction((doc: SteppeDocument, analyzedAt: string) => this.writeRows(doc, analyzedAt));
  }

  /** Delete the article's old rows and insert the new ones (runs inside `saveTx`). */
  private writeRows(doc: SteppeDocument, analyzedAt: string): void {
    const a = doc.article;
    const s = this.stmt;
    s.deleteArticle.run(a.id);
    s.insertArticle.run({
      id: a.id, source: a.source, url: a.url, outlet: a.outlet, title: a.title,
      byline: JSON.stringify(a.byline), published: a.published, language: a.language, text: a.text,
      paragraphs: JSON.stringify(a.paragraphs), removed: JSON.stringify(a.removed), analyzed_at: analyzedAt,
    });
    doc.actors.forEach((actor, pos) => {
      s.insertActor.run({
        article_id: a.id, id: actor.id, pos, name: actor.name, type: actor.type,
        country: actor.country, code: actor.code, description: actor.description,
      });
      actor.mentions.forEach((m, mpos) => {
        s.insertMention.run({ article_id: a.id, actor_id: actor.id, pos: mpos, span_start: m.start, span_end: m.end, text: m.text });
      });
    });
    doc.quotes.forEach((q, pos) => {
      s.insertQuote.run({
        article_id: a.id, id: q.id, pos, text: q.text, span_start: q.start, span_end: q.end, kind: q.kind,
        speaker: q.speaker, speaker_mention_start: q.speakerMention?.start ?? null,
        speaker_mention_end: q.speakerMention?.end ?? null, cue: q.cue, confidence: q.confidence ?? null,
      });
    });
    doc.events.forEach((e, pos) => {
      s.insertEvent.run({
        article_id: a.id, id: e.id, pos, code: e.code, root: e.root, quad_class: e.quadClass,
        goldstein: e.goldstein, name: e.name ?? null,
        plover_type: e.plover?.type ?? null, plover_mode: e.plover?.mode ?? null,
        source_actor: e.source, target_actor: e.target, date: e.date, date_precision: e.datePrecision,
        location_name: e.location?.name ?? null, location_country: e.location?.country ?? null,
        sentence_start: e.sentence.start, sentence_end: e.sentence.end,
        trigger_start: e.trigger.start, trigger_end: e.trigger.end, trigger_text: e.trigger.text,
        negated: e.negated ? 1 : 0, modality: e.modality, confidence: e.confidence, origin: e.origin ?? null,
        date_source: e.dateSource ?? null,
      });
      (e.mentions ?? []).forEach((m, mpos) => {
        s.insertEventMention.run({
          article_id: a.id, event_id: e.id, pos: mpos, sentence_start: m.sentence.start, sentence_end: m.sentence.end,
          trigger_start: m.trigger.start, trigger_end: m.trigger.end, trigger_text: m.trigger.text,
        });
      });
    });
  }

  /** See `Store.saveDocument`. */
  saveDocument(doc: SteppeDocument): void {
    const input = typeof doc?.article?.source === 'string' ? doc.article.source : null;
    try {
      this.saveTx(doc, new Date().toISOString());
    } catch (e) {
      if (e instanceof SteppeError) throw e;
      const id = typeof doc?.article?.id === 'string' ? ` ${doc.article.id}` : '';
      throw new SteppeError('E_STORE', input, `cannot save article${id}: ${reason(e)}`);
    }
  }

  /** See `Store.getDocument`. */
  getDocument(articleId: string): SteppeDocument | null {
    const s = this.stmt;
    // One read transaction, so that a concurrent writer cannot show a half-replaced article.
    return this.db.transaction((): SteppeDocument | null => {
      const a = s.article.get(articleId) as ArticleRow | undefined;
      if (!a) return null;
      const mentionsByActor = new Map<string, ActorOut['mentions']>();
      for (const m of s.mentions.all(articleId) as MentionRow[]) {
        let list = mentionsByActor.get(m.actor_id);
        if (!list) mentionsByActor.set(m.actor_id, (list = []));
        list.push({ start: m.span_start, end: m.span_end, text: m.text });
      }
      const actors = (s.actors.all(articleId) as ActorRow[]).map((r): ActorOut => ({
        id: r.id, name: r.name, type: r.type as ActorOut['type'], country: r.country, code: r.code,
        description: r.description, mentions: mentionsByActor.get(r.id) ?? [],
      }));
      const quotes = (s.quotes.all(articleId) as QuoteRow[]).map((r): QuoteOut => {
        return {
          id: r.id, text: r.text, start: r.span_start, end: r.span_end, kind: r.kind as QuoteOut['kind'],
          speaker: r.speaker,
          speakerMention: r.speaker_mention_start === null || r.speaker_mention_end === null
            ? null : { start: r.speaker_mention_start, end: r.speaker_mention_end },
          cue: r.cue,
          ...(r.confidence !== null ? { confidence: r.confidence } : {}),
        };
      });
      const mentionsByEvent = new Map<string, NonNullable<EventOut['mentions']>>();
      for (const m of s.eventMentions.all(articleId) as EventMentionRow[]) {
        let list = mentionsByEvent.get(m.event_id);
        if (!list) mentionsByEvent.set(m.event_id, (list = []));
        list.push({ sentence: { start: m.sentence_start, end: m.sentence_end }, trigger: { start: m.trigger_start, end: m.trigger_end, text: m.trigger_text } });
      }
      const events = (s.events.all(articleId) as EventRow[]).map((r): EventOut => ({
        id: r.id, code: r.code, root: r.root, quadClass: r.quad_class, goldstein: r.goldstein,
        ...(r.name !== null ? { name: r.name } : {}),
        plover: r.plover_type === null ? null : { type: r.plover_type, mode: r.plover_mode },
        source: r.source_actor, target: r.target_actor,
        date: r.date, datePrecision: r.date_precision as EventOut['datePrecision'],
        location: r.location_name === null ? null : { name: r.location_name, country: r.location_country },
        sentence: { start: r.sentence_start, end: r.sentence_end },
        trigger: { start: r.trigger_start, end: r.trigger_end, text: r.trigger_text },
        negated: r.negated === 1, modality: r.modality as EventOut['modality'], confidence: r.confidence,
        ...(r.origin === 'classifier' ? { origin: 'classifier' as const } : {}),
        ...(r.date_source === 'sentence' || r.date_source === 'publication' ? { dateSource: r.date_source } : {}),
        ...(mentionsByEvent.has(r.id) ? { mentions: mentionsByEvent.get(r.id)! } : {}),
      }));
      return {
        schema: SCHEMA_ID,
        article: {
          id: a.id, source: a.source, url: a.url, outlet: a.outlet, title: a.title,
          byline: JSON.parse(a.byline) as string[], published: a.published, language: a.language,
          text: a.text, paragraphs: JSON.parse(a.paragraphs) as SteppeDocument['article']['paragraphs'],
          removed: JSON.parse(a.removed) as SteppeDocument['article']['removed'],
        },
        actors, quotes, events,
      };
    })();
  }

  /** See `Store.stats`. */
  stats(): StoreStats {
    return { ...(this.stmt.stats.get() as StoreStats) };
  }

  /** See `Store.schemaVersion`. */
  schemaVersion(): number {
    return readUserVersion(this.db);
  }

  /** See `Store.close`. */
  close(): void {
    if (this.db.open) this.db.close();
  }
}

/**
 * Open (creating if needed) a SQLite store at `opts.file`, or in memory for ':memory:'. Files
 * use the WAL journal. Applies missing schema migrations. Throws SteppeError('E_STORE', file, …)
 * when the file is not a SQLite database, cannot be opened, or has a newer schema than this code.
 */
export function openSqliteStore(opts: SqliteStoreOptions): Store {
  const file = opts.file;
  const inMemory = file === ':memory:' || file === '';
  let db: Db | undefined;
  try {
    db = new Database(file);
    // The first statement reads the file header: a non-SQLite file fails here with SQLITE_NOTADB.
    readUserVersion(db);
    if (!inMemory) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    migrate(db, file);
    return new SqliteStore(db);
  } catch (e) {
    if (db?.open) db.close();
    throw openError(file, e);
  }
}
