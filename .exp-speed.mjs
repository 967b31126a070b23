import { readFileSync } from 'node:fs';
import { readConllDocuments, loadNerModel, tagDocument, winkPosForTokens } from './dist/src/nlp/ner/index.js';
let t0=performance.now(); let c0=process.cpuUsage();
const m = loadNerModel(process.argv[2]);
let c=process.cpuUsage(c0);
console.log('load ms', (performance.now()-t0).toFixed(0), 'cpu ms', ((c.user+c.system)/1000).toFixed(0), m.featureCount);
const dev = readConllDocuments(readFileSync('/work/shared/eval/ner/conll2003_eng_valid.txt','utf8'));
const sents = dev.map(d=>d.map(s=>s.tokens)); let n=0; for (const d of sents) for (const s of d) n+=s.length;
const withPos = sents.map(d=>d.map(s=>{const p=winkPosForTokens(s); return s.map((t,i)=>({text:t,pos:p[i]}));}));
for (let r=0;r<4;r++){
c0=process.cpuUsage(); t0=performance.now(); for (const d of withPos) m.predictDocument(d); c=process.cpuUsage(c0);
console.log('predict only', (n/(performance.now()-t0)*1000|0), 'tok/s wall', (n/((c.user+c.system)/1e6))|0, 'tok/cpu-s');
c0=process.cpuUsage(); t0=performance.now(); for (const d of sents) tagDocument(d, m); c=process.cpuUsage(c0);
console.log('with wink POS', (n/(performance.now()-t0)*1000|0), 'tok/s wall', (n/((c.user+c.system)/1e6))|0, 'tok/cpu-s');
}
import { scoreEntities } from './dist/src/nlp/ner/score.js';
const pairs=[]; for (const d of dev){ const p=tagDocument(d.map(s=>s.tokens), m); d.forEach((s,i)=>pairs.push({predicted:p[i],reference:s.tags})); }
console.log('dev F1', scoreEntities(pairs,['PER','ORG','LOC']).micro.f1.toFixed(4));
