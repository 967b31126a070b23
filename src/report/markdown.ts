/**
 * The Markdown report of one analysed document, for a person: title, byline, date, outlet; a
 * table of actors with codes and mention counts; quotes grouped by speaker; events as
 * `date — source — event name (code) — target`, each with its sentence.
 */
import type { SteppeDocument } from '../schema.js';

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n+/g, ' ');

/** Render one document as Markdown (ends with a newline). */
export function renderMarkdown(doc: SteppeDocument): string {
  const a = doc.article;
  const actors = new Map(doc.actors.map((x) => [x.id, x]));
  const name = (id: string | null) => {
    if (!id) return '—';
    const x = actors.get(id);
    return x ? (x.code ? `${x.name} (${x.code})` : x.name) : id;
  };
  const out: string[] = [];
  out.push(`# ${a.title ?? '(untitled)'}`, '');
  const meta = [
    a.byline.length ? `By ${a.byline.join(', ')}` : null,
    a.outlet,
    a.published ? `published ${a.published}` : 'publication date unknown',
    a.language ? `language ${a.language}` : null,
  ].filter(Boolean);
  out.push(meta.join(' · '), '');
  out.push(`Source: \`${a.source}\`${a.url && a.url !== a.source ? ` (${a.url})` : ''} · article id \`${a.id}\` · ${a.paragraphs.length} paragraphs, ${a.removed.length} boilerplate lines removed`, '');

  out.push(`## Actors (${doc.actors.length})`, '');
  if (doc.actors.length) {
    out.push('| actor | type | code | description | mentions |', '|---|---|---|---|---:|');
    const sorted = [...doc.actors].sort((x, y) => y.mentions.length - x.mentions.length || x.id.localeCompare(y.id));
    for (const x of sorted) out.push(`| ${esc(x.name)} | ${x.type} | ${x.code ?? ''} | ${esc(x.description ?? '')} | ${x.mentions.length} |`);
    out.push('');
  } else out.push('No actors found.', '');

  out.push(`## Quotes (${doc.quotes.length})`, '');
  const bySpeaker = new Map<string, SteppeDocument['quotes']>();
  for (const q of doc.quotes) {
    const k = q.speaker ?? '';
    bySpeaker.set(k, [...(bySpeaker.get(k) ?? []), q]);
  }
  const speakers = [...bySpeaker.keys()].sort((x, y) => (x === '' ? 1 : y === '' ? -1 : 0));
  for (const k of speakers) {
    const sp = k ? actors.get(k) : null;
    out.push(sp ? `### ${sp.name}${sp.description ? ` — ${esc(sp.description)}` : ''}` : '### Speaker not identified', '');
    for (const q of bySpeaker.get(k)!) {
      const cue = q.cue ? ` (${q.cue}${q.confidence !== undefined ? `, ${q.confidence.toFixed(2)}` : ''})` : '';
      out.push(q.kind === 'indirect' ? `- ${q.kind}: ${esc(q.text)}${cue}` : `- ${q.kind}: “${esc(q.text)}”${cue}`);
    }
    out.push('');
  }
  if (!doc.quotes.length) out.push('No quotes found.', '');

  out.push(`## Events (${doc.events.length})`, '');
  for (const e of doc.events) {
    // a classifier event (no pattern matched its sentence) says so: it is weaker evidence
    const flags = [e.modality !== 'asserted' ? e.modality : null, e.negated ? 'negated' : null, e.origin === 'classifier' ? 'from the sentence classifier' : null,
      `confidence ${e.confidence.toFixed(2)}`].filter(Boolean).join(', ');
    const shown = e.date ? (e.datePrecision === 'year' ? e.date.slice(0, 4) : e.datePrecision === 'month' ? e.date.slice(0, 7) : e.datePrecision === 'week' ? `week of ${e.date}` : e.date) : 'undated';
    // the publication date standing in for a date the sentence does not give is marked as such
    const date = e.dateSource === 'publication' ? `${shown} (publication date)` : shown;
    const place = e.location ? ` · in ${e.location.name}` : '';
    out.push(`- ${date} — ${name(e.source)} — ${e.name ?? 'event'} (${e.code}) — ${name(e.target)}${place} [${flags}]`);
    out.push(`  > ${esc(a.text.slice(e.sentence.start, e.sentence.end))}`);
  }
  if (!doc.events.length) out.push('No events found.');
  out.push('');
  return out.join('\n');
}
