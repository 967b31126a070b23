/**
 * Tests of the pipeline (src/pipeline.ts) end to end, without the CLI: every fixture and example
 * gives a valid `steppe.document/1` whose spans slice the text exactly; the article id is stable;
 * a page of navigation only is E_NO_ARTICLE; and the seed article
 * (../shared/corpus/rferl-kazakhstan-china-russia.txt) meets the acceptance criteria: title,
 * byline, boilerplate, captions, actors, quotes and events.
 *
 * Tests marked `todo` document bugs found in stages this suite does not own (extract, actors,
 * quotes, events); they run and print, but do not fail the suite. The seed checks are never todo.
 */
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, basename } from 'node:path';
import { createPipeline, articleId, type Pipeline } from '../src/pipeline.js';
import { SteppeError } from '../src/errors.js';
import { SHARED_DIR } from '../src/paths.js';
import type { RawDocument } from '../src/types.js';
import type { SteppeDocument, ActorOut } from '../src/schema.js';
import { EXAMPLES, FIXTURES, articleFiles, assertDocumentValid } from './helpers.js';

let pipeline: Pipeline;
before(() => {
  pipeline = createPipeline();
});

function rawOf(file: string, extra: Partial<RawDocument> = {}): RawDocument {
  return { source: file, format: /\.html?$/i.test(file) ? 'html' : 'text', content: readFileSync(file, 'utf8'), ...extra };
}

const inputs = [...articleFiles(FIXTURES), ...articleFiles(EXAMPLES)];

describe('every fixture and example', () => {
  test('the fixture set is not empty and holds txt and html', () => {
    assert.ok(inputs.some((f) => f.endsWith('.txt')) && inputs.some((f) => f.endsWith('.html')), inputs.join(', '));
  });
  for (const file of inputs) {
    test(`${basename(file)}: valid document, exact offsets`, () => {
      const doc = assertDocumentValid(pipeline.analyze(rawOf(file, { published: '2023-03-04' })), { joined: true });
      assert.equal(doc.article.source, file);
      assert.ok(doc.article.text.length > 200, 'the article text is too short');
      assert.ok(doc.article.title, 'no title');
      assert.ok(doc.article.byline.length > 0, 'no byline');
      assert.equal(doc.article.language, 'en');
      assert.ok(doc.actors.length > 0 && doc.quotes.length > 0 && doc.events.length > 0, 'no actors, quotes or events');
      // every paragraph is one of the contract's kinds and a caption is never repeated
      const texts = doc.article.paragraphs.map((p) => doc.article.text.slice(p.start, p.end));
      assert.equal(new Set(texts).size, texts.length, 'a paragraph occurs twice');
    });
    if (file.endsWith('.txt')) test(`${basename(file)}: --no-extract keeps the input exactly`, () => {
      const content = readFileSync(file, 'utf8');
      const p = createPipelineCached(true);
      const doc = assertDocumentValid(p.analyze({ source: file, format: 'text', content, published: '2023-03-04' }));
      assert.equal(doc.article.text, content);
    });
  }
});

let noExtract: Pipeline | null = null;
function createPipelineCached(no: true): Pipeline {
  noExtract ??= createPipeline({ noExtract: no });
  return noExtract;
}

describe('article id', () => {
  const file = join(EXAMPLES, 'caspian-summit.txt');
  test('is stable across runs and pipelines, and is sha256 of the normalized text', () => {
    const a = pipeline.analyze(rawOf(file));
    const b = pipeline.analyze(rawOf(file));
    const c = createPipeline().extract(rawOf(file));
    assert.equal(a.article.id, b.article.id);
    assert.equal(a.article.id, c.id);
    assert.match(a.article.id, /^[0-9a-f]{16}$/);
    assert.equal(a.article.id, articleId(a.article.text));
    assert.deepEqual(a, b, 'two runs over the same input differ');
  });
  test('changes with the text, not with the source name or whitespace', () => {
    const content = readFileSync(file, 'utf8');
    const base = pipeline.extract({ source: 'a.txt', format: 'text', content }).id;
    const renamed = pipeline.extract({ source: 'b.txt', format: 'text', content }).id;
    const changed = pipeline.extract({ source: 'a.txt', format: 'text', content: content.replace('six men', 'seven men') }).id;
    assert.equal(base, renamed);
    assert.notEqual(base, changed);
    assert.equal(articleId('Kazakh  police\n arrested six men. '), articleId('Kazakh police arrested six men.'));
    assert.notEqual(articleId('Kazakh police arrested six men.'), articleId('Kazakh police arrested seven men.'));
  });
});

describe('errors', () => {
  const navOnly: RawDocument[] = [
    { source: 'nav.txt', format: 'text', content: 'Accessibility links\n\nSkip to main content\n\nMenu\n\nSearch\n\nHome\n\nBreaking News\n\nShare\n\nFacebook\n\nTwitter\n\nRelated stories\n' },
    { source: 'nav.html', format: 'html', content: '<!doctype html><html><head><title>Home</title></head><body><nav><ul><li><a href="/">Home</a></li><li><a href="/search">Search</a></li></ul></nav><footer><a href="/about">About us</a></footer></body></html>' },
  ];
  for (const raw of navOnly) {
    test(`a page with only navigation lines is E_NO_ARTICLE, naming the source (${raw.source})`, () => {
      for (const [how, run] of [['analyze', () => pipeline.analyze(raw)], ['extract', () => pipeline.extract(raw)]] as const) {
        assert.throws(run, (e: unknown) => e instanceof SteppeError && e.code === 'E_NO_ARTICLE' && e.input === raw.source && e.toLine().startsWith(`${raw.source}: `), `${how} ${raw.source}`);
      }
    });
  }
  test('a non-English article is E_LANGUAGE on analyze but extracts', () => {
    const content = 'Правительство Казахстана в понедельник объявило о новых мерах по снижению цен на топливо.\n\n' +
      'По словам министра энергетики, цены на сжиженный газ будут снижены во всех регионах страны до конца месяца.\n\n' +
      'Жители Жанаозена встретили это решение с осторожностью и потребовали от властей гарантий.\n';
    const raw: RawDocument = { source: 'ru.txt', format: 'text', content };
    assert.throws(() => pipeline.analyze(raw), (e: unknown) => e instanceof SteppeError && e.code === 'E_LANGUAGE' && e.input === 'ru.txt');
    assert.equal(pipeline.extract(raw).language, 'ru');
  });
});

describe('examples', () => {
  test('caspian-summit.html: metadata from the page, chrome removed, caption kept once as a caption', () => {
    const file = join(EXAMPLES, 'caspian-summit.html');
    const doc = pipeline.analyze(rawOf(file));
    const a = doc.article;
    assert.equal(a.title, 'Kazakh And Uzbek Negotiators Open Border Talks In Tashkent');
    assert.equal(a.outlet, 'Caspian Wire');
    assert.deepEqual(a.byline, ['Daniel Okafor']);
    assert.equal(a.published, '2023-03-10');
    assert.equal(a.url, 'https://caspianwire.example/2023/03/10/kazakh-uzbek-border-talks-tashkent');
    for (const chrome of ['Skip to content', 'Facebook', 'Telegram', 'Related stories', 'Farmers Feud Over Water', 'Sign up for our weekly newsletter', 'Subscribe', 'All rights reserved', 'Privacy policy']) {
      assert.ok(!a.text.includes(chrome), `"${chrome}" is in article.text`);
    }
    const firstBody = a.paragraphs.find((p) => p.kind === 'body');
    assert.ok(firstBody && a.text.slice(firstBody.start, firstBody.end).startsWith('TASHKENT -- Negotiators'), 'the dateline lead is not the first body paragraph');
    // the figcaption: kept once, as a caption paragraph
    const cap = 'Kazakh and Uzbek delegations at the opening session of the border talks in Tashkent on March 9.';
    assert.equal(a.text.split(cap).length - 1, 1, 'the figcaption is not in article.text exactly once');
    assert.ok(a.paragraphs.some((p) => p.kind === 'caption' && a.text.slice(p.start, p.end).startsWith(cap)), 'the figcaption is not a caption paragraph');
    assert.ok(a.text.includes('The next round of talks is scheduled to take place in Astana in May.'));
    // two direct quotes with named speakers
    const speakerOf = (needle: string) => {
      const q = doc.quotes.find((x) => x.kind === 'direct' && x.text.includes(needle));
      assert.ok(q, `no direct quote with "${needle}"`);
      return doc.actors.find((x) => x.id === q.speaker)?.name;
    };
    assert.equal(speakerOf('finish the work our presidents started'), 'Aidos Zhakupov');
    assert.equal(speakerOf('use the same water'), 'Malika Yusupova');
    // the dated event: the handover of the herders on March 8
    assert.ok(doc.events.some((e) => e.date === '2023-03-08' && a.text.slice(e.sentence.start, e.sentence.end).includes('handed over')), 'no event dated 2023-03-08 in the handover sentence');
  });

  test('caspian-summit.txt: the newsletter promo is removed and the lead is body text', () => {
    const a = pipeline.extract(rawOf(join(EXAMPLES, 'caspian-summit.txt')));
    assert.ok(!a.text.includes('Sign up for our weekly'), 'newsletter promo kept');
    assert.ok(!/(^|\n)Newsletter(\n|$)/.test(a.text), 'newsletter heading kept');
    assert.equal(a.paragraphs[0].kind, 'body', 'the dateline lead paragraph is not body');
    assert.ok(a.paragraphs.every((p) => p.kind === 'body'), `kinds: ${a.paragraphs.map((p) => p.kind).join(', ')}`);
  });

  test('caspian-summit.txt: the analysis finds the dated events and the quotes', () => {
    const doc = pipeline.analyze(rawOf(join(EXAMPLES, 'caspian-summit.txt'), { published: '2023-03-04' }));
    const name = (id: string | null) => doc.actors.find((x) => x.id === id)?.name;
    const toqaev = doc.quotes.filter((q) => q.kind === 'direct' && name(q.speaker) === 'Qasym-Zhomart Toqaev');
    assert.equal(toqaev.length, 2, 'both of Toqaev\'s quotes');
    assert.ok(doc.quotes.some((q) => q.kind === 'direct' && name(q.speaker) === 'Timur Bekov' && q.text.includes('Nobody wants a conflict')));
    const host = doc.events.find((e) => e.root === '04' && e.date === '2023-03-03');
    assert.ok(host, 'no root-04 event on 2023-03-03');
    assert.equal(name(host.source), 'Qasym-Zhomart Toqaev');
    assert.ok(doc.events.some((e) => e.root === '17' && e.date === '2023-03-01'), 'no arrest on 2023-03-01');
    assert.ok(doc.events.some((e) => e.code.startsWith('04') && e.date === '2023-03-02' && name(e.source) === 'Sergei Lavrov'), 'no phone call of Lavrov on 2023-03-02');
  });
});

describe('fixtures: regressions found in later stages (issue 2)', () => {
  test('baku-rail-unicode.txt: a speaker name with non-ASCII letters is kept whole', () => {
    const doc = pipeline.analyze(rawOf(join(FIXTURES, 'baku-rail-unicode.txt')));
    const q = doc.quotes.find((x) => x.text.includes('closer to Europe'));
    assert.equal(doc.actors.find((x) => x.id === q?.speaker)?.name, 'Leyla Məmmədova');
  });
  test('baku-rail-unicode.txt: "he said" after "The Turkish transport minister … told" is not the earlier speaker', () => {
    const doc = pipeline.analyze(rawOf(join(FIXTURES, 'baku-rail-unicode.txt')));
    const q = doc.quotes.find((x) => x.text.includes('Trade will follow the rails'));
    assert.ok(q);
    assert.ok(!/Leyla/.test(doc.actors.find((x) => x.id === q.speaker)?.name ?? ''), 'attributed to Leyla');
  });
  test('caspian-summit.html: "a week after a deadly clash" is dated before the talks of March 9', () => {
    const doc = pipeline.analyze(rawOf(join(EXAMPLES, 'caspian-summit.html')));
    for (const e of doc.events) if (e.date && doc.article.published) assert.ok(e.date <= doc.article.published, `event ${e.code} "${e.trigger.text}" dated ${e.date}, after publication ${doc.article.published}`);
  });
  test('mongolia-winter-aid.txt: a harsh winter killing livestock is no "kill by physical assault"', () => {
    const doc = pipeline.analyze(rawOf(join(FIXTURES, 'mongolia-winter-aid.txt')));
    assert.ok(!doc.events.some((e) => e.root === '18'), 'a root-18 assault event');
  });
});

// ---------------------------------------------------------------------------------------------
// The seed article: acceptance criteria. Never weaken these; a failure is a bug to report.
// ---------------------------------------------------------------------------------------------
const SEED = join(SHARED_DIR, 'corpus', 'rferl-kazakhstan-china-russia.txt');
const haveSeed = existsSync(SEED);
if (!haveSeed) console.log(`# pipeline.test: seed article ${SEED} is absent; seed checks skipped`);

describe('seed article: rferl-kazakhstan-china-russia.txt', { skip: haveSeed ? false : `${SEED} is absent` }, () => {
  let doc: SteppeDocument;
  let text: string;
  before(() => {
    doc = pipeline.analyze({ source: SEED, format: 'text', content: readFileSync(SEED, 'utf8'), published: '2022-01-20' });
    text = doc.article.text;
  });
  const actorsWith = (mention: string) => doc.actors.filter((a) => a.mentions.some((m) => m.text === mention));
  const oneActor = (mention: string, type?: string): ActorOut => {
    const found = actorsWith(mention);
    assert.equal(found.length, 1, `actors with a mention "${mention}": ${found.map((a) => a.name).join(', ') || 'none'}`);
    if (type) assert.equal(found[0].type, type, `type of ${found[0].name}`);
    return found[0];
  };
  const name = (id: string | null) => doc.actors.find((a) => a.id === id)?.name ?? null;
  const sentence = (e: SteppeDocument['events'][number]) => text.slice(e.sentence.start, e.sentence.end);

  test('valid document with exact offsets', () => {
    assertDocumentValid(doc, { joined: true });
    assert.equal(doc.article.source, SEED);
    assert.equal(doc.article.published, '2022-01-20');
  });

  test('title and byline', () => {
    assert.equal(doc.article.title, 'Crisis In Kazakhstan Pushes China, Russia Closer Together');
    assert.deepEqual(doc.article.byline, ['Reid Standish']);
  });

  test('boilerplate is not in the text', () => {
    for (const chrome of ['Accessibility links', 'Breaking News', '16x9 Image', 'Reid Standish is an RFE/RL correspondent', 'Prior to joining RFE/RL', 'About The Newsletter',
      'it has become impossible to tell the biggest stories', 'Subscribe to this biweekly dispatch', 'To subscribe, click here']) {
      assert.ok(!text.includes(chrome), `"${chrome}" is in article.text`);
    }
    assert.ok(!text.includes('Reid Standish'), 'the bio card name is in article.text');
    assert.ok(!text.startsWith('Crisis In Kazakhstan'), 'the title is repeated as the first paragraph');
  });

  test('each duplicated photo caption is kept once, as a caption paragraph', () => {
    for (const cap of [
      "Kazakhstan's then-prime minister, Karim Masimov, inspects an honor guard during an official welcoming ceremony in the Great Hall of the People in Beijing in 2002.",
      'Russian soldiers fold their national flag during a ceremony marking the beginning of the withdrawal of CSTO peacekeeping troops from Kazakhstan on January 13.',
      'Chinese President Xi Jinping (right) shakes hands with Kazakh President Qasym-Zhomart Toqaev at a ceremony at the Great Hall of the People in Beijing in 2019.',
    ]) {
      assert.equal(text.split(cap).length - 1, 1, `caption not exactly once: ${cap.slice(0, 50)}`);
      assert.ok(doc.article.paragraphs.some((p) => p.kind === 'caption' && text.slice(p.start, p.end) === cap), `not a caption paragraph: ${cap.slice(0, 50)}`);
    }
  });

  test('states and IGOs: one actor each', () => {
    const china = oneActor('China', 'state');
    const russia = oneActor('Russia', 'state');
    const kaz = oneActor('Kazakhstan', 'state');
    assert.equal(china.country, 'CHN');
    assert.equal(russia.country, 'RUS');
    assert.equal(kaz.country, 'KAZ');
    for (const c of ['CHN', 'RUS', 'KAZ']) assert.equal(doc.actors.filter((a) => a.type === 'state' && a.country === c).length, 1, `state actors for ${c}`);
    const csto = oneActor('CSTO', 'igo');
    assert.ok(csto.mentions.some((m) => m.text === 'Collective Security Treaty Organization'), 'CSTO: full name not a mention');
    const sco = oneActor('SCO', 'igo');
    assert.ok(sco.mentions.some((m) => m.text === 'Shanghai Cooperation Organization'), 'SCO: full name not a mention');
    assert.notEqual(csto.id, sco.id);
  });

  test('metonymy: Beijing is China, Moscow is Russia', () => {
    assert.equal(oneActor('Beijing').id, oneActor('China').id);
    assert.equal(oneActor('Moscow').id, oneActor('Russia').id);
  });

  test('people: one actor each, with their short mentions', () => {
    const toqaev = oneActor('Qasym-Zhomart Toqaev', 'person');
    assert.ok(toqaev.mentions.some((m) => m.text === 'Toqaev'), 'Toqaev: no short mention');
    assert.equal(oneActor('Toqaev').id, toqaev.id);
    oneActor('Xi Jinping', 'person');
    const masimov = oneActor('Masimov', 'person');
    assert.ok(masimov.mentions.some((m) => m.text === 'Karim Masimov'));
    const nazarbaev = oneActor('Nazarbaev', 'person');
    assert.ok(nazarbaev.mentions.some((m) => m.text === 'Nursultan Nazarbaev'));
    const wang = oneActor('Wang Yi', 'person');
    assert.equal(oneActor('Wang').id, wang.id, '"Wang" is not a mention of Wang Yi');
    const lavrov = oneActor('Sergei Lavrov', 'person');
    assert.equal(lavrov.country, 'RUS');
    assert.equal(wang.country, 'CHN');
    oneActor('Vladimir Putin', 'person');
    for (const surname of ['Toqaev', 'Xi', 'Masimov', 'Nazarbaev', 'Wang', 'Lavrov', 'Putin']) {
      const people = doc.actors.filter((a) => a.type === 'person' && a.mentions.some((m) => m.text.split(/\s+/).includes(surname)));
      assert.equal(people.length, 1, `person actors mentioned as "${surname}": ${people.map((a) => a.name).join(', ')}`);
    }
  });

  test('direct quotes: the analysts, with their affiliations', () => {
    const cases: [string, string, string][] = [
      ['Jakub Jakobowski', 'Center for Eastern Studies', 'The crisis in Kazakhstan proved'],
      ['Giulia Sciorati', 'Italian Institute for International Political Studies', 'Peacekeeping is the one type of foreign intervention'],
      ['Haiyun Ma', 'Frostburg State University', 'China loves to have this kind of continued rhetoric'],
      ['Ben Godwin', 'Prism Political Risk Management', 'Russia no longer views the engagement'],
    ];
    for (const [speaker, affiliation, quoted] of cases) {
      const actor = oneActor(speaker, 'person');
      assert.ok(actor.description?.includes(affiliation), `${speaker}: description ${JSON.stringify(actor.description)} lacks "${affiliation}"`);
      const q = doc.quotes.find((x) => x.kind === 'direct' && x.text.includes(quoted));
      assert.ok(q, `no direct quote "${quoted}"`);
      assert.equal(name(q.speaker), speaker, `speaker of "${quoted}"`);
    }
  });

  test('the quote after "Jakobowski said." keeps Jakobowski', () => {
    const after = text.indexOf('Jakobowski said.');
    assert.ok(after > 0);
    const q = doc.quotes.find((x) => x.kind === 'direct' && x.start > after && x.text.includes("China isn't trying to unseat Russia"));
    assert.ok(q, 'no direct quote after "Jakobowski said."');
    assert.equal(name(q.speaker), 'Jakub Jakobowski');
    const before = doc.quotes.find((x) => x.kind === 'direct' && x.text.includes('They both share an overarching goal'));
    assert.equal(name(before?.speaker ?? null), 'Jakub Jakobowski');
  });

  test('event: protests (root 14) on 2022-01-02 in Kazakhstan', () => {
    const e = doc.events.find((x) => x.root === '14' && x.date === '2022-01-02');
    assert.ok(e, `root-14 events: ${doc.events.filter((x) => x.root === '14').map((x) => `${x.code} ${x.date}`).join('; ')}`);
    assert.ok(e.location && (e.location.country === 'KAZ' || e.location.name === 'Kazakhstan'), `location ${JSON.stringify(e.location)}`);
    assert.equal(e.location?.country, 'KAZ');
  });

  test('event: Toqaev (KAZGOV) appeals to the CSTO (root 02)', () => {
    const toqaev = oneActor('Qasym-Zhomart Toqaev');
    const csto = oneActor('CSTO');
    assert.equal(toqaev.code, 'KAZGOV');
    const e = doc.events.find((x) => x.root === '02' && x.source === toqaev.id && x.target === csto.id);
    assert.ok(e, `root-02 events: ${doc.events.filter((x) => x.root === '02').map((x) => `${name(x.source)} → ${name(x.target)}`).join('; ')}`);
  });

  test('event: the January 10 phone call of Wang Yi and Lavrov (root 04, CHN and RUS)', () => {
    const wang = oneActor('Wang Yi');
    const lavrov = oneActor('Sergei Lavrov');
    const e = doc.events.find((x) => x.root === '04' && x.date === '2022-01-10');
    assert.ok(e, 'no root-04 event on 2022-01-10');
    assert.deepEqual([e.source, e.target].sort(), [wang.id, lavrov.id].sort(), `dyad ${name(e.source)} → ${name(e.target)}`);
    const countries = [e.source, e.target].map((id) => doc.actors.find((a) => a.id === id)?.country).sort();
    assert.deepEqual(countries, ['CHN', 'RUS']);
    assert.equal(e.modality, 'asserted');
    assert.equal(e.negated, false);
  });

  test('no asserted event in a "could derail" sentence', () => {
    const bad = doc.events.filter((e) => e.modality === 'asserted' && sentence(e).includes('could derail'));
    assert.deepEqual(bad.map((e) => `${e.code} "${e.trigger.text}"`), []);
  });
});
