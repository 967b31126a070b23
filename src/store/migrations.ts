/**
 * The versioned storage schema: an ordered list of migrations, each a version number and the SQL
 * that brings a database from the previous version to it. Version N is in force once migrations
 * 1..N have run. A backend applies the missing ones in one transaction when it opens a database
 * and records the version (SQLite: `PRAGMA user_version` plus a row in `schema_migrations`).
 *
 * The SQL here is plain SQL that SQLite and PostgreSQL both accept: TEXT / INTEGER / REAL
 * columns, CHECK constraints, composite keys, foreign keys with ON DELETE CASCADE, and
 * `CREATE INDEX IF NOT EXISTS`. Backend-only features (FTS5, WAL, `user_version`) belong in the
 * backend module, never here. Never edit a released migration: append a new one.
 *
 * Tables (version 1):
 * - `articles`: one row per analysed article; list-valued fields (`byline`, `paragraphs`,
 *   `removed`) are JSON text; `analyzed_at` is the ISO time the row was saved.
 * - `actors`: one row per actor of an article, keyed by (article_id, id); `pos` keeps the order.
 * - `mentions`: one row per mention span of an actor; (article_id, actor_id) references `actors`.
 * - `quotes`: one row per quote; `speaker` references `actors` when not null.
 * - `events`: one row per event; `plover_*`, `location_*`, `sentence_*`, `trigger_*` flatten the
 *   contract's nested objects; `source_actor` / `target_actor` reference `actors` when not null.
 *
 * Version 2 adds `event_mentions`: one row per mention of an event that the article tells more
 * than once (the contract's optional `event.mentions`, the event's own mention at `pos` 0);
 * (article_id, event_id) references `events`.
 *
 * Version 3 adds `events.origin`: NULL for a pattern event, 'classifier' for an event of the PLOVER
 * sentence classifier (the contract's optional `event.origin`).
 *
 * Version 4 adds `events.date_source`: 'sentence' or 'publication' (the contract's optional
 * `event.dateSource`), NULL for undated events and rows written before it.
 *
 * Version 5 lets `events.date_precision` be 'week' ("last week", "two weeks ago": the date is the
 * Monday of that ISO 8601 week). It rebuilds `events` (SQLite cannot alter a CHECK constraint),
 * keeping every row of `events` and `event_mentions`.
 *
 * Offsets are stored as `span_start` / `span_end` (and `*_start` / `*_end`), because `end` is a
 * reserved word in both SQL dialects.
 */

/** One step of the schema: run `up` on a database at version `version - 1` to reach `version`. */
export interface Migration {
  /** The schema version this migration produces (1, 2, 3, … without gaps). */
  readonly version: number;
  /** One line saying what the migration does (recorded in `schema_migrations`). */
  readonly description: string;
  /** Semicolon-separated SQL statements, portable between SQLite and PostgreSQL. */
  readonly up: string;
}

/**
 * The bookkeeping table, one row per applied migration. A backend creates it (it is idempotent)
 * before reading the version, so that it is outside the versioned schema itself.
 */
export const SCHEMA_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS schema_migrations (
  version     INTEGER NOT NULL PRIMARY KEY,
  description TEXT    NOT NULL,
  applied_at  TEXT    NOT NULL
)`;

/** All migrations, in version order. The last one's version is the schema this code writes. */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'articles, actors, mentions, quotes, events',
    up: `
CREATE TABLE articles (
  id          TEXT NOT NULL PRIMARY KEY,
  source      TEXT NOT NULL,
  url         TEXT,
  outlet      TEXT,
  title       TEXT,
  byline      TEXT NOT NULL,
  published   TEXT,
  language    TEXT,
  text        TEXT NOT NULL,
  paragraphs  TEXT NOT NULL,
  removed     TEXT NOT NULL,
  analyzed_at TEXT NOT NULL
);

CREATE TABLE actors (
  article_id  TEXT    NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  id          TEXT    NOT NULL,
  pos         INTEGER NOT NULL,
  name        TEXT    NOT NULL,
  type        TEXT    NOT NULL CHECK (type IN ('person', 'state', 'igo', 'ngo', 'organization', 'group', 'location')),
  country     TEXT,
  code        TEXT,
  description TEXT,
  PRIMARY KEY (article_id, id)
);

CREATE TABLE mentions (
  article_id  TEXT    NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  actor_id    TEXT    NOT NULL,
  pos         INTEGER NOT NULL,
  span_start  INTEGER NOT NULL CHECK (span_start >= 0),
  span_end    INTEGER NOT NULL CHECK (span_end >= span_start),
  text        TEXT    NOT NULL,
  PRIMARY KEY (article_id, actor_id, pos),
  FOREIGN KEY (article_id, actor_id) REFERENCES actors (article_id, id) ON DELETE CASCADE
);

CREATE TABLE quotes (
  article_id            TEXT    NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  id                    TEXT    NOT NULL,
  pos                   INTEGER NOT NULL,
  text                  TEXT    NOT NULL,
  span_start            INTEGER NOT NULL CHECK (span_start >= 0),
  span_end              INTEGER NOT NULL CHECK (span_end >= span_start),
  kind                  TEXT    NOT NULL CHECK (kind IN ('direct', 'partial', 'indirect')),
  speaker               TEXT,
  speaker_mention_start INTEGER,
  speaker_mention_end   INTEGER,
  cue                   TEXT,
  confidence            REAL CHECK (confidence >= 0 AND confidence <= 1),
  PRIMARY KEY (article_id, id),
  FOREIGN KEY (article_id, speaker) REFERENCES actors (article_id, id),
  CHECK ((speaker_mention_start IS NULL) = (speaker_mention_end IS NULL))
);

CREATE TABLE events (
  article_id       TEXT    NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  id               TEXT    NOT NULL,
  pos              INTEGER NOT NULL,
  code             TEXT    NOT NULL,
  root             TEXT    NOT NULL,
  quad_class       INTEGER NOT NULL CHECK (quad_class BETWEEN 1 AND 4),
  goldstein        REAL    NOT NULL CHECK (goldstein BETWEEN -10 AND 10),
  name             TEXT,
  plover_type      TEXT,
  plover_mode      TEXT,
  source_actor     TEXT,
  target_actor     TEXT,
  date             TEXT,
  date_precision   TEXT CHECK (date_precision IN ('day', 'month', 'year')),
  location_name    TEXT,
  location_country TEXT,
  sentence_start   INTEGER NOT NULL CHECK (sentence_start >= 0),
  sentence_end     INTEGER NOT NULL CHECK (sentence_end >= sentence_start),
  trigger_start    INTEGER NOT NULL CHECK (trigger_start >= 0),
  trigger_end      INTEGER NOT NULL CHECK (trigger_end >= trigger_start),
  trigger_text     TEXT    NOT NULL,
  negated          INTEGER NOT NULL CHECK (negated IN (0, 1)),
  modality         TEXT    NOT NULL CHECK (modality IN ('asserted', 'intended', 'hypothetical', 'reported')),
  confidence       REAL    NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
  PRIMARY KEY (article_id, id),
  FOREIGN KEY (article_id, source_actor) REFERENCES actors (article_id, id),
  FOREIGN KEY (article_id, target_actor) REFERENCES actors (article_id, id),
  CHECK (plover_mode IS NULL OR plover_type IS NOT NULL),
  CHECK (location_country IS NULL OR location_name IS NOT NULL)
);

CREATE INDEX IF NOT EXISTS events_code ON events (code);
CREATE INDEX IF NOT EXISTS events_root ON events (root);
CREATE INDEX IF NOT EXISTS events_date ON events (date);
CREATE INDEX IF NOT EXISTS events_source ON events (article_id, source_actor);
CREATE INDEX IF NOT EXISTS events_target ON events (article_id, target_actor);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes (article_id, speaker);
CREATE INDEX IF NOT EXISTS actors_code ON actors (code);
CREATE INDEX IF NOT EXISTS actors_name ON actors (name);
CREATE INDEX IF NOT EXISTS articles_published ON articles (published);
`,
  },
  {
    version: 2,
    description: 'event_mentions: every mention of a merged event',
    up: `
CREATE TABLE event_mentions (
  article_id     TEXT    NOT NULL,
  event_id       TEXT    NOT NULL,
  pos            INTEGER NOT NULL,
  sentence_start INTEGER NOT NULL CHECK (sentence_start >= 0),
  sentence_end   INTEGER NOT NULL CHECK (sentence_end >= sentence_start),
  trigger_start  INTEGER NOT NULL CHECK (trigger_start >= 0),
  trigger_end    INTEGER NOT NULL CHECK (trigger_end >= trigger_start),
  trigger_text   TEXT    NOT NULL,
  PRIMARY KEY (article_id, event_id, pos),
  FOREIGN KEY (article_id, event_id) REFERENCES events (article_id, id) ON DELETE CASCADE
);
`,
  },
  {
    version: 3,
    description: 'events.origin: how an event was coded (NULL: a pattern; classifier)',
    up: `
ALTER TABLE events ADD COLUMN origin TEXT CHECK (origin IS NULL OR origin = 'classifier');
`,
  },
  {
    version: 4,
    description: 'events.date_source: where a date came from (sentence or publication)',
    up: `
ALTER TABLE events ADD COLUMN date_source TEXT CHECK (date_source IS NULL OR date_source IN ('sentence', 'publication'));
`,
  },
  {
    version: 5,
    description: "events.date_precision accepts 'week' (\"last week\": the Monday of that ISO week)",
    // SQLite cannot change a CHECK constraint in place: the table is rebuilt. event_mentions, which
    // references it with ON DELETE CASCADE, is set aside first so that dropping the old table
    // deletes none of its rows, and restored after.
    up: `
CREATE TABLE event_mentions_v4 AS SELECT article_id, event_id, pos, sentence_start, sentence_end, trigger_start, trigger_end, trigger_text FROM event_mentions;
DROP TABLE event_mentions;
CREATE TABLE events_v5 (
  article_id       TEXT    NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  id               TEXT    NOT NULL,
  pos              INTEGER NOT NULL,
  code             TEXT    NOT NULL,
  root             TEXT    NOT NULL,
  quad_class       INTEGER NOT NULL CHECK (quad_class BETWEEN 1 AND 4),
  goldstein        REAL    NOT NULL CHECK (goldstein BETWEEN -10 AND 10),
  name             TEXT,
  plover_type      TEXT,
  plover_mode      TEXT,
  source_actor     TEXT,
  target_actor     TEXT,
  date             TEXT,
  date_precision   TEXT CHECK (date_precision IN ('day', 'week', 'month', 'year')),
  location_name    TEXT,
  location_country TEXT,
  sentence_start   INTEGER NOT NULL CHECK (sentence_start >= 0),
  sentence_end     INTEGER NOT NULL CHECK (sentence_end >= sentence_start),
  trigger_start    INTEGER NOT NULL CHECK (trigger_start >= 0),
  trigger_end      INTEGER NOT NULL CHECK (trigger_end >= trigger_start),
  trigger_text     TEXT    NOT NULL,
  negated          INTEGER NOT NULL CHECK (negated IN (0, 1)),
  modality         TEXT    NOT NULL CHECK (modality IN ('asserted', 'intended', 'hypothetical', 'reported')),
  confidence       REAL    NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
  origin           TEXT CHECK (origin IS NULL OR origin = 'classifier'),
  date_source      TEXT CHECK (date_source IS NULL OR date_source IN ('sentence', 'publication')),
  PRIMARY KEY (article_id, id),
  FOREIGN KEY (article_id, source_actor) REFERENCES actors (article_id, id),
  FOREIGN KEY (article_id, target_actor) REFERENCES actors (article_id, id),
  CHECK (plover_mode IS NULL OR plover_type IS NOT NULL),
  CHECK (location_country IS NULL OR location_name IS NOT NULL)
);
INSERT INTO events_v5 (article_id, id, pos, code, root, quad_class, goldstein, name, plover_type, plover_mode, source_actor, target_actor, date, date_precision, location_name, location_country, sentence_start, sentence_end, trigger_start, trigger_end, trigger_text, negated, modality, confidence, origin, date_source)
  SELECT article_id, id, pos, code, root, quad_class, goldstein, name, plover_type, plover_mode, source_actor, target_actor, date, date_precision, location_name, location_country, sentence_start, sentence_end, trigger_start, trigger_end, trigger_text, negated, modality, confidence, origin, date_source FROM events;
DROP TABLE events;
ALTER TABLE events_v5 RENAME TO events;
CREATE INDEX IF NOT EXISTS events_code ON events (code);
CREATE INDEX IF NOT EXISTS events_root ON events (root);
CREATE INDEX IF NOT EXISTS events_date ON events (date);
CREATE INDEX IF NOT EXISTS events_source ON events (article_id, source_actor);
CREATE INDEX IF NOT EXISTS events_target ON events (article_id, target_actor);
CREATE TABLE event_mentions (
  article_id     TEXT    NOT NULL,
  event_id       TEXT    NOT NULL,
  pos            INTEGER NOT NULL,
  sentence_start INTEGER NOT NULL CHECK (sentence_start >= 0),
  sentence_end   INTEGER NOT NULL CHECK (sentence_end >= sentence_start),
  trigger_start  INTEGER NOT NULL CHECK (trigger_start >= 0),
  trigger_end    INTEGER NOT NULL CHECK (trigger_end >= trigger_start),
  trigger_text   TEXT    NOT NULL,
  PRIMARY KEY (article_id, event_id, pos),
  FOREIGN KEY (article_id, event_id) REFERENCES events (article_id, id) ON DELETE CASCADE
);
INSERT INTO event_mentions (article_id, event_id, pos, sentence_start, sentence_end, trigger_start, trigger_end, trigger_text)
  SELECT article_id, event_id, pos, sentence_start, sentence_end, trigger_start, trigger_end, trigger_text FROM event_mentions_v4;
DROP TABLE event_mentions_v4;
`,
  },
];

/** The schema version this code writes: the last migration's version. */
export const LATEST_SCHEMA_VERSION: number = migrations[migrations.length - 1].version;
