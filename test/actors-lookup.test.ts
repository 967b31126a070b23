/**
 * Text-level actor lookups (src/actors/lookup.ts) and the NGEC case scorer (src/actors/score.ts):
 * what a short text names and its CAMEO code on a date, by kind of fault fixed — a leading
 * article, an acronym written as a word, accents left out, a title before a surname, an office
 * named by its country, plural demonyms, former officials, agent phrases in the plural.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadActorDictionary } from '../src/actors/dictionary.js';
import { buildResolverIndex, foldCase, singular } from '../src/actors/lexicon.js';
import { agentFromText, codeActorText, findCountry, resolveName } from '../src/actors/lookup.js';
import { parseExpected, parseNgecCases, scoreNgecCases } from '../src/actors/score.js';

const index = buildResolverIndex(loadActorDictionary(), { ner: null });
const id = (text: string, date = '2022-03-01') => resolveName(text, index, date)?.actor.id ?? null;

test('resolveName: a dictionary form after a leading article, in any case, acronyms as words', () => {
  assert.equal(id('the U.N.'), 'UN');
  assert.equal(id('The United Nations'), 'UN');
  assert.equal(id('The Collective Security Treaty Organization'), 'CSTO');
  assert.equal(id('Nato'), 'NATO');
  assert.equal(id('NATO'), 'NATO');
  assert.equal(id('ECOWAS'), 'ECOWAS');
  assert.equal(id('Kassym-Jomart Tokayev'), 'tokayev-kassym-jomart');
  assert.equal(id('Ukraine'), 'UKR');
  // a three-letter acronym only in capitals: "who" is not the WHO
  assert.equal(id('who'), null);
  assert.equal(id('WHO'), 'WHO');
});

test('resolveName: accents are optional ("Orban" for "Orbán")', () => {
  const dir = mkdtempSync(join(tmpdir(), 'steppe-actors-'));
  try {
    const file = join(dir, 'hu.yaml');
    writeFileSync(file, 'people:\n  - id: orban-viktor\n    name: Viktor Orbán\n    country: HUN\n    roles:\n      - { title: Prime Minister, country: HUN, start: 2010-05-29 }\n');
    const idx = buildResolverIndex(loadActorDictionary({ extraFiles: [file] }), { ner: null });
    assert.equal(resolveName('Viktor Orban', idx, '2022-03-01')?.actor.id, 'orban-viktor');
    assert.equal(resolveName('Prime Minister Orban', idx, '2022-03-01')?.actor.id, 'orban-viktor');
    assert.equal(codeActorText('Viktor Orban', idx, '2022-03-01')?.code, 'HUNGOV');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.equal(foldCase('Orbán  Viktor'), 'orban viktor');
});

test('resolveName: a title before a name or a surname, an office named by its country', () => {
  assert.equal(id('President Kassym-Jomart Tokayev'), 'tokayev-kassym-jomart');
  assert.equal(id('Armenian Prime Minister Nikol Pashinyan'), 'pashinyan-nikol');
  assert.equal(id('President Japarov'), 'japarov-sadyr');
  assert.equal(id('Trump', '2018-01-01'), 'trump-donald');
  // the office alone: its holder on the date
  assert.equal(id('Armenian Prime Minister'), 'pashinyan-nikol');
  assert.equal(id('the Russian defence minister', '2022-03-01'), 'shoigu-sergei');
  assert.equal(id('the Russian defence minister', '2025-03-01'), 'belousov-andrei');
  assert.equal(id('Secretary-General of NATO', '2025-03-01'), 'rutte-mark');
  assert.equal(id('UN Secretary-General', '2022-03-01'), 'guterres-antonio');
  // a possessive written as a bare apostrophe after -s
  assert.equal(id('the Philippines\' foreign minister', '2022-01-20'), 'locsin-teodoro');
  // a title with no country names no one; an unknown name is nothing
  assert.equal(id('Defense Minister'), null);
  assert.equal(id('Marcus Beam'), null);
});

test('findCountry: names, plural demonyms, capitals; not the capital of a dependent territory', () => {
  assert.equal(findCountry('four Saudi men', index)?.country, 'SAU');
  assert.equal(findCountry('a US destroyer', index)?.country, 'USA');
  assert.equal(findCountry('Two Russians', index)?.country, 'RUS');
  assert.equal(findCountry('Minsk police station', index)?.country, 'BLR');
  assert.equal(findCountry("People's Republic of China", index)?.country, 'CHN');
  assert.equal(findCountry('Republic of China', index)?.country, 'TWN');
  assert.equal(findCountry('Douglas Paul James', index), null);
});

test('agentFromText: plural or singular phrases, the head last, former officials are ELI', () => {
  const a = (t: string) => agentFromText(t, index);
  assert.deepEqual(a('soldiers'), { agent: 'MIL', country: null, pattern: 'soldier', type: 'group' });
  assert.equal(a('American warplanes')?.country, 'USA');
  assert.equal(a('American warplanes')?.pattern, 'warplane');
  assert.equal(a('retired vice president')?.agent, 'ELI');
  assert.equal(a('Director of Central Intelligence')?.agent, 'SPY');
  assert.equal(a('seoul metropolitan police')?.agent, 'COP');
  assert.equal(a('a group of tourists')?.agent, 'CVL');
  assert.equal(a('Several of the largest trade unions in Denmark')?.country, 'DNK');
  assert.equal(a('Several of the largest trade unions in Denmark')?.agent, 'LAB');
  assert.equal(a('Defense Minister')?.agent, 'GOVMIL');
  assert.equal(a('a cat named Frank'), null);
  // for descriptions the person's own role first: a researcher at a ministry is EDU
  assert.equal(agentFromText('researcher at the Foreign Ministry', index, { personFirst: true })?.agent, 'EDU');
  assert.equal(singular('policemen'), 'policeman');
  assert.equal(singular('militias'), 'militia');
});

test('codeActorText: people by their office on the date, metonyms with their agent, groups, countries, nothing', () => {
  const c = (t: string, date = '2022-03-01') => codeActorText(t, index, date);
  assert.equal(c('Vladimir Putin')?.code, 'RUSGOV');
  assert.equal(c('Vladimir Putin')?.description, 'President of Russia');
  assert.equal(c('Angela Merkel', '2017-04-01')?.code, 'DEUGOV');
  assert.equal(c('Angela Merkel', '2022-01-10')?.code, 'DEUELI');
  assert.equal(c('UK Defence Secretary Ben Wallace')?.code, 'GBRGOVMIL');
  // a person outside any office on the date takes the agent of the title the text gives
  assert.equal(c('US Senator Marco Rubio', '2022-03-01')?.code, 'USALEG');
  assert.equal(c('Beijing')?.code, 'CHNGOV');
  assert.equal(c('Egypt')?.code, 'EGY');
  assert.equal(c('Egypt')?.source, 'country');
  assert.equal(c('United Nations Security Council')?.code, 'IGOUNO');
  assert.equal(c("Chile's Ministry of Mines")?.code, 'CHLGOV');
  assert.equal(c('Two Russians')?.code, 'RUS');
  assert.equal(c('Kurdish-led Syrian Democratic Forces')?.code, 'SYRREB');
  assert.equal(c('FSB')?.code, 'RUSSPY');
  assert.equal(c('Marcus Beam'), null);
  assert.equal(c('a cat named Frank who recently obtained a ball of string'), null);
});

test('score: expectations parse; conflicting inputs are flagged; Wikipedia disambiguations are dropped', () => {
  assert.deepEqual(parseExpected("code['country'] == KAZ; code['code_1'] == GOV"), [
    { field: 'country', op: '==', value: 'KAZ' }, { field: 'code_1', op: '==', value: 'GOV' },
  ]);
  assert.deepEqual(parseExpected('cc == GBR; text == '), [{ field: 'cc', op: '==', value: 'GBR' }, { field: 'text', op: '==', value: '' }]);
  assert.deepEqual(parseExpected("code['country'] != GBR"), [{ field: 'country', op: '!=', value: 'GBR' }]);
  const tsv = [
    'test\tfunction\tinput\texpected',
    'n1\tsearch_nat\tfour Saudi men\tcc == SAU; text == four  men',
    'n2\tsearch_nat\tan American destroyer\tcc == USA; text == destroyer',
    "w1\tquery_wiki\tthe U.N.\twiki['title'] == United Nations",
    "w2\tquery_wiki\tGeneva\twiki['title'] == Geneva",
    "a1\tagent_to_code\tUK Defence Secretary Ben Wallace\tcode['wiki'] == Ben Wallace (politician); code['country'] == GBR; code['code_1'] == GOV; code['code_2'] == MIL",
    "a2\tagent_to_code\tDefense Minister\tcode['country'] == ; code['code_1'] == GOV",
    "a3\tagent_to_code\tDefense Minister\tcode['country'] == DEU",
    "a4\tagent_to_code\tparamilitary organization\tcode['code_1'] == PRM",
    'a5\tagent_to_code\tMarcus Beam\t',
    't1\ttrf_agent_match\ta cat\t',
  ].join('\n');
  const cases = parseNgecCases(tsv);
  assert.equal(cases.length, 10);
  const s = scoreNgecCases(cases, index, '2022-03-01');
  const r = (t: string) => s.results.find((x) => x.case.test === t)!;
  for (const t of ['n1', 'n2', 'w1', 'a1', 'a2', 'a5', 't1']) assert.ok(r(t).passed, `${t}: ${JSON.stringify(r(t).failures)}`);
  assert.equal(r('w1').inScope, true);
  assert.equal(r('w2').inScope, false);
  assert.equal(r('w2').passed, false);
  assert.equal(r('a3').flag, 'conflicting');
  assert.equal(r('a4').flag, 'non-CAMEO code');
  assert.deepEqual(s.byFunction.get('query_wiki'), { passed: 1, total: 2, inScope: { passed: 1, total: 1 } });
  assert.equal(s.total, 10);
});
