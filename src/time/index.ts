/**
 * Resolve time expressions of one sentence ("on January 10", "last month", "in 2008",
 * "Russia's 2008 invasion") against the publication date, with chrono-node and two rules of our
 * own for bare years, which chrono leaves alone.
 */
import * as chrono from 'chrono-node';

/**
 * A resolved date: YYYY-MM-DD and its precision; offsets relative to the input. Month and year
 * precision pad with 01; week precision ("last week", "two weeks ago", "this week") gives the
 * Monday of that ISO 8601 week (ISO 8601 weeks begin on Monday).
 */
export interface ResolvedDate {
  date: string;
  precision: 'day' | 'week' | 'month' | 'year';
  start: number;
  end: number;
  text: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** Number words before "weeks ago" ("two weeks ago"); "a week ago" is one. */
const WORD_NUMBERS: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, several: 3, few: 2 };

/**
 * All date expressions in `text`, resolved against `reference` (YYYY-MM-DD; null = no reference,
 * then only absolute expressions with a year are kept). A bare weekday is the last such day up to
 * the reference, unless `opts.lookAhead` (the text speaks of the future: "will meet on Friday"),
 * when it is the nearest one. Never throws.
 */
export function resolveDates(text: string, reference: string | null, opts: { lookAhead?: boolean } = {}): ResolvedDate[] {
  const ref = reference ? new Date(`${reference}T12:00:00Z`) : null;
  const out: ResolvedDate[] = [];
  // (the verb "march" and the modal "may" are no months: English writes a month with a capital;
  // masked with letters of the same length, so offsets stay)
  const masked = text.replace(/\b(?:march|may)\b/g, (w) => 'x'.repeat(w.length));
  const results = chrono.en.casual.parse(masked, ref ?? new Date(), { forwardDate: false });
  for (const r of results) {
    const c = r.start;
    // "a week after a deadly clash", "two days before the vote": relative to another event, not to the publication date
    if (/\b(?:after|before|later|earlier)\b/i.test(r.text) && !/\d{4}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d+\/\d+/i.test(r.text)) continue;
    // chrono reads bare numbers and times; keep expressions that give at least a month or a weekday/relative day
    if (!c.isCertain('month') && !c.isCertain('day') && !c.isCertain('weekday') && !/\b(?:yesterday|today|tomorrow|last|next|this|ago|earlier|later)\b/i.test(r.text)) continue;
    // with no publication date, only expressions that name their year are dated ("March 3, 2021")
    if (!ref && !/\b\d{4}\b/.test(r.text)) continue;
    let y = c.get('year')!, m = c.get('month')!, d = c.get('day')!;
    // "since February last year", "in March next year": chrono leaves the year phrase out and takes
    // the reference year; the month is in the year the phrase names (its "last year" is then no
    // date of its own)
    let end = r.index + r.text.length;
    const yearAfter = !c.isCertain('year') && c.isCertain('month') ? /^\s+(?:of\s+)?(last|next|this)\s+year\b/i.exec(text.slice(end)) : null;
    if (yearAfter && ref) {
      y = ref.getUTCFullYear() + (yearAfter[1].toLowerCase() === 'last' ? -1 : yearAfter[1].toLowerCase() === 'next' ? 1 : 0);
      end += yearAfter[0].length;
    }
    // a month named without its year ("last December", "in March", "on December 5"): "last" is the
    // latest such month before the publication month, "next" the first after it; a bare one is the
    // latest up to the publication date, or, for a text about the future, the first from it
    let start = r.index;
    if (ref && c.isCertain('month') && !c.isCertain('year') && !yearAfter) {
      const rel = /\b(last|past|next|coming)\s+$/i.exec(text.slice(Math.max(0, r.index - 8), r.index));
      const refMonths = ref.getUTCFullYear() * 12 + ref.getUTCMonth() + 1, at = y * 12 + m;
      const key = `${y}-${pad(m)}-${pad(c.isCertain('day') ? d : 1)}`;
      if (rel && /^(?:last|past)$/i.test(rel[1])) { while (y * 12 + m >= refMonths) y--; start -= rel[0].length; }
      else if (rel) { while (y * 12 + m <= refMonths) y++; start -= rel[0].length; }
      else if (!opts.lookAhead && key > reference! && at !== refMonths) y--;
      else if (opts.lookAhead && at < refMonths) y++;
    }
    if (out.some((o) => start >= o.start && start < o.end)) continue;
    if (!(y >= 1 && y <= 9999)) continue; // outside the calendar the contract can write
    // a bare weekday in news copy is the last such day up to the publication day ("police arrested
    // six men on Monday", published on a Friday, is four days before), not next week's, which is
    // where chrono puts the nearest one; "next Monday" and "this coming Monday" look ahead
    if (ref && !opts.lookAhead && c.isCertain('weekday') && !c.isCertain('day') && !/\b(?:next|coming|tomorrow)\b/i.test(r.text) && `${y}-${pad(m)}-${pad(d)}` > reference!) {
      const back = new Date(Date.UTC(y, m - 1, d - 7));
      y = back.getUTCFullYear(); m = back.getUTCMonth() + 1; d = back.getUTCDate();
    }
    // the text speaks of the future ("will hold talks on Friday"): a bare weekday is the coming one
    if (ref && opts.lookAhead && c.isCertain('weekday') && !c.isCertain('day') && !/\b(?:last|past|previous)\b/i.test(r.text) && `${y}-${pad(m)}-${pad(d)}` < reference!) {
      const ahead = new Date(Date.UTC(y, m - 1, d + 7));
      y = ahead.getUTCFullYear(); m = ahead.getUTCMonth() + 1; d = ahead.getUTCDate();
    }
    // "this morning", "last night", "tonight": a day, not a month
    const dayKnown = c.isCertain('day') || c.isCertain('weekday') || /\b(?:yesterday|today|tomorrow|ago|tonight)\b|\b(?:this|last|yesterday|tomorrow)\s+(?:morning|afternoon|evening|night)\b/i.test(r.text);
    let precision: ResolvedDate['precision'] = dayKnown ? 'day' : 'month';
    if (/\byears?\s+ago\b|\b(?:last|next|this)\s+year\b/i.test(r.text)) precision = 'year';
    else if (/\bmonths?\s+ago\b|\b(?:last|next|this)\s+month\b/i.test(r.text)) precision = 'month';
    else if (/\bweeks?\s+ago\b|\b(?:last|next|this|past|previous|coming)\s+week\b/i.test(r.text)) precision = 'week';
    if (precision === 'week' && ref) {
      // counted from the publication date's own week (chrono's weeks begin on Sunday): "this week"
      // 0, "last week" -1, "next week" +1, "two weeks ago" -2; the Monday of that ISO week
      const n = /\bweeks?\s+ago\b/i.test(r.text) ? -(Number(/(\d+)\s+weeks?/i.exec(r.text)?.[1]) || WORD_NUMBERS[(/(\w+)\s+weeks?\s+ago/i.exec(r.text)?.[1] ?? '').toLowerCase()] || 1)
        : /\b(?:last|past|previous)\b/i.test(r.text) ? -1 : /\b(?:next|coming)\b/i.test(r.text) ? 1 : 0;
      const day = new Date(ref);
      day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7) + 7 * n);
      out.push({ date: day.toISOString().slice(0, 10), precision, start, end, text: text.slice(start, end) });
      continue;
    }
    out.push({ date: `${y}-${precision === 'year' ? '01' : pad(m)}-${precision === 'day' ? pad(d) : '01'}`, precision, start, end, text: text.slice(start, end) });
  }
  // a bare day of the month ("on the 5th"): in the publication month, or the month before when
  // that day is still to come (in the month after, for a text about the future)
  if (ref) {
    const dayRe = /\bon the (\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of|day|century|anniversary|floor))/gi;
    for (let m = dayRe.exec(text); m; m = dayRe.exec(text)) {
      if (out.some((o) => m!.index >= o.start && m!.index < o.end)) continue;
      const day = Number(m[1]);
      const [ry, rm, rd] = reference!.split('-').map(Number);
      let month = rm - 1;
      if (!opts.lookAhead && day > rd) month -= 1;
      if (opts.lookAhead && day < rd) month += 1;
      const when = new Date(Date.UTC(ry, month, day));
      if (when.getUTCDate() !== day) continue; // "the 31st" of a 30-day month
      out.push({ date: when.toISOString().slice(0, 10), precision: 'day', start: m.index, end: m.index + m[0].length, text: m[0] });
    }
  }
  // bare years: "in 2008", "Russia's 2008 invasion", "since 2014"
  const yearRe = /\b(?:in|since|from|of|by|until|during)?\s*((?:19|20)\d{2})\b(?![-/]\d)/g;
  for (let m = yearRe.exec(text); m; m = yearRe.exec(text)) {
    const at = m.index + m[0].indexOf(m[1]);
    if (out.some((o) => at >= o.start && at < o.end)) continue;
    // not a number in a sum or a count ("2008 people")
    if (/^\s*(?:people|troops|soldiers|dollars|percent|%)/.test(text.slice(at + 4))) continue;
    out.push({ date: `${m[1]}-01-01`, precision: 'year', start: at, end: at + 4, text: m[1] });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Is `v` a real calendar day written YYYY-MM-DD between 1900-01-01 and 2199-12-31? (Date.parse
 * rolls 2023-02-30 over to March 2, so the round trip is compared.)
 */
export function isCalendarDay(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const t = Date.parse(`${v}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === v && v >= '1900-01-01' && v <= '2199-12-31';
}
