/**
 * Scoring of actor resolution against NGEC's actor-resolution cases
 * (../shared/eval/events/ngec/ngec_actor_resolution_cases.tsv: test, function, input, expected;
 * pairs extracted from ahalterman/NGEC NGEC/tests/test_actor_resolution.py). Each case calls
 * one NGEC function on a short text and asserts fields of the answer, e.g.
 * `code['country'] == KAZ; code['code_1'] == GOV`. We answer with our own lookups (lookup.ts)
 * and check the same assertions:
 *
 * | NGEC function        | our answer                                                                      |
 * |----------------------|---------------------------------------------------------------------------------|
 * | search_nat           | `findCountry`: cc = ISO3; text = the input without the country and an article   |
 * | short_text_to_agent  | `agentFromText`: code_1/code_2 = the agent code's parts, pattern, country       |
 * | agent_to_code        | `codeActorText` on the evaluation date: country, code_1, code_2, wiki (the      |
 * |                      | dictionary actor's names), actor_wiki_job (the office held), source, pattern    |
 * | query_wiki           | `resolveName`: title passes when it is one of the names of the actor we resolve  |
 * | trf_agent_match      | `codeActorText` is null (nonsense is no actor)                                   |
 *
 * A query_wiki case is in our scope when some dictionary actor carries the expected title as a
 * name (compared without case and accents; a Wikipedia disambiguation such as "(politician)" is
 * dropped from titles before comparing); out of scope otherwise (cities, parties, people
 * outside our coverage). The TSV keeps neither the date nor the context argument of the tests,
 * so all cases are coded on one date and cases that differed only by those arguments now carry
 * conflicting expectations; expectations made of codes outside CAMEO v1.1b3's agent list (NGEC's
 * PRM, JRN, UNK, ...) or contradicting themselves are flagged. Both kinds still count as cases.
 */
import { AGENT_CODES } from './dictionary.js';
import { foldCase, type ResolverIndex } from './lexicon.js';
import { agentFromText, codeActorText, findCountry, resolveName } from './lookup.js';

/** One row of the TSV. */
export interface NgecCase {
  test: string;
  fn: string;
  input: string;
  expected: string;
}

/** One assertion of a case: `lhs op rhs`, e.g. `code['country'] == KAZ`. */
export interface NgecAssertion {
  /** The field: "cc", "text", "country", "code_1", "title", ... (the key inside the brackets). */
  field: string;
  op: '==' | '!=';
  value: string;
}

/** The result of one case. */
export interface NgecResult {
  case: NgecCase;
  passed: boolean;
  /** The assertions that failed, with the value we gave. */
  failures: Array<NgecAssertion & { got: string }>;
  /** query_wiki only: whether the expected entity is in our dictionary at all. */
  inScope: boolean | null;
  /** Why no coder of CAMEO v1.1b3 can pass the case as written, if so. */
  flag: 'conflicting' | 'non-CAMEO code' | 'contradictory' | null;
}

/** Per-function totals. */
export interface NgecScores {
  byFunction: Map<string, { passed: number; total: number; inScope?: { passed: number; total: number } }>;
  passed: number;
  total: number;
  results: NgecResult[];
}

/** Parse the TSV text (header: test, function, input, expected). */
export function parseNgecCases(tsv: string): NgecCase[] {
  const [head, ...rows] = tsv.split('\n');
  const cols = head.split('\t');
  const at = (name: string) => cols.indexOf(name);
  return rows.filter((r) => r.trim()).map((r) => {
    const c = r.split('\t');
    return { test: c[at('test')] ?? '', fn: c[at('function')] ?? '', input: c[at('input')] ?? '', expected: (c[at('expected')] ?? '').replace(/\r$/, '') };
  });
}

/** Parse an expectation string: `code['country'] == KAZ; code['code_1'] == GOV`. Empty → no assertions. */
export function parseExpected(expected: string): NgecAssertion[] {
  const out: NgecAssertion[] = [];
  for (const part of expected.split(/;\s*/)) {
    const m = /^\s*(?:\w+\[['"](\w+)['"]\]|(\w+))\s*(==|!=)\s?(.*)$/.exec(part);
    if (m) out.push({ field: m[1] ?? m[2], op: m[3] as '==' | '!=', value: m[4].trim() });
  }
  return out;
}

const CAMEO_AGENTS = new Set<string>(AGENT_CODES);

/** Our answer to one case, as a record of NGEC's field names; `null` when we find nothing. */
function answer(c: NgecCase, index: ResolverIndex, date: string): Record<string, string | string[]> | null {
  const names = (id: string) => index.dict.names.filter((n) => n.actorId === id && n.kind === 'name').map((n) => n.form);
  switch (c.fn) {
    case 'search_nat': {
      const m = findCountry(c.input, index);
      if (!m) return { cc: '', text: c.input.trim() };
      const rest = (c.input.slice(0, m.start) + c.input.slice(m.end)).replace(/^\s*(?:the|a|an)\s+/i, '').trim();
      return { cc: m.country, text: rest };
    }
    case 'short_text_to_agent': {
      const a = agentFromText(c.input, index);
      if (!a) return null;
      return { code_1: a.agent.slice(0, 3), code_2: a.agent.slice(3, 6), pattern: a.pattern, country: a.country ?? '' };
    }
    case 'query_wiki': {
      const r = resolveName(c.input, index, date);
      const coding = codeActorText(c.input, index, date);
      return {
        title: r ? names(r.actor.id) : [],
        country: coding?.country ?? '', code_1: coding?.agent?.slice(0, 3) ?? '',
      };
    }
    case 'agent_to_code':
    case 'trf_agent_match': {
      const k = codeActorText(c.input, index, date);
      if (!k) return null;
      const a = k.actor;
      const igo = a?.type === 'igo';
      // NGEC's IGO country is the organization part of a CAMEO IGO code ("IGOUNO" → UNO)
      const country = igo ? (a!.code ?? 'IGO').slice(3) || 'IGO' : k.country ?? '';
      return {
        country, code_1: (k.agent ?? '').slice(0, 3), code_2: (k.agent ?? '').slice(3, 6),
        // Wikipedia titles stand for named entities; states and unnamed groups have none
        wiki: a && a.type !== 'state' && a.type !== 'location' ? names(a.id) : [],
        actor_wiki_job: k.description ?? '', source: k.source === 'country' && !k.agent ? 'country only' : k.source,
        pattern: k.pattern ?? '',
      };
    }
    default:
      return null;
  }
}

/** Check the assertions of one case against our answer. */
function check(asserts: NgecAssertion[], got: Record<string, string | string[]> | null): Array<NgecAssertion & { got: string }> {
  const failures: Array<NgecAssertion & { got: string }> = [];
  if (!asserts.length) {
    // no assertions: NGEC expects None
    if (got !== null) failures.push({ field: '(answer)', op: '==', value: 'None', got: JSON.stringify(got) });
    return failures;
  }
  for (const a of asserts) {
    const v = got?.[a.field] ?? '';
    // a Wikipedia title's disambiguation ("Ben Wallace (politician)") is no part of the name
    const want = Array.isArray(v) ? a.value.replace(/\s+\([^)]*\)$/, '') : a.value;
    const eq = Array.isArray(v) ? (want === '' ? v.length === 0 : v.includes(want)) : v === want;
    if ((a.op === '==') !== eq) failures.push({ ...a, got: Array.isArray(v) ? v.join(' | ') : v });
  }
  return failures;
}

/**
 * Score our actor lookups on the NGEC cases, coding every case on `date` (YYYY-MM-DD): the TSV
 * has no date column.
 */
export function scoreNgecCases(cases: NgecCase[], index: ResolverIndex, date: string): NgecScores {
  const expectedByInput = new Map<string, Set<string>>();
  for (const c of cases) {
    const k = `${c.fn}\t${c.input}`;
    expectedByInput.set(k, (expectedByInput.get(k) ?? new Set()).add(c.expected));
  }
  const nameForms = new Set(index.dict.names.filter((n) => n.kind === 'name').map((n) => foldCase(n.form)));
  const results: NgecResult[] = cases.map((c) => {
    const asserts = parseExpected(c.expected);
    const failures = check(asserts, answer(c, index, date));
    let flag: NgecResult['flag'] = null;
    const eqs = asserts.filter((a) => a.op === '==');
    if ((expectedByInput.get(`${c.fn}\t${c.input}`)?.size ?? 0) > 1) flag = 'conflicting';
    else if (eqs.some((a) => eqs.some((b) => b.field === a.field && b.value !== a.value))) flag = 'contradictory';
    else if (eqs.some((a) => /^code_[12]$/.test(a.field) && a.value !== '' && !CAMEO_AGENTS.has(a.value))) flag = 'non-CAMEO code';
    const title = asserts.find((a) => a.field === 'title' && a.op === '==')?.value.replace(/\s+\([^)]*\)$/, '');
    const inScope = c.fn === 'query_wiki' ? (title !== undefined && nameForms.has(foldCase(title))) : null;
    return { case: c, passed: failures.length === 0, failures, inScope, flag };
  });
  const byFunction = new Map<string, { passed: number; total: number; inScope?: { passed: number; total: number } }>();
  for (const r of results) {
    const s = byFunction.get(r.case.fn) ?? { passed: 0, total: 0 };
    s.total++;
    if (r.passed) s.passed++;
    if (r.inScope !== null) {
      s.inScope ??= { passed: 0, total: 0 };
      if (r.inScope) { s.inScope.total++; if (r.passed) s.inScope.passed++; }
    }
    byFunction.set(r.case.fn, s);
  }
  const passed = results.filter((r) => r.passed).length;
  return { byFunction, passed, total: results.length, results };
}
