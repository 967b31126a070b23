import { readFileSync } from 'node:fs';
import { readConllDocuments, loadNerModel, winkPosForTokens } from './dist/src/nlp/ner/index.js';
import { prepareDocument, staticFeatures, FeatureSink, TEMPLATES } from './dist/src/nlp/ner/features.js';
const m = loadNerModel(process.argv[2]);
const dev = readConllDocuments(readFileSync('/work/shared/eval/ner/conll2003_eng_valid.txt','utf8')).slice(0,100);
const sink=new FeatureSink(); let tot=0, miss=0; const byT=new Map();
for (const d of dev){ const doc=prepareDocument(d.map(s=>{const p=winkPosForTokens(s.tokens); return s.tokens.map((t,i)=>({text:t,pos:p[i]}));}), m.gazetteer);
 for (const s of doc) for (let i=0;i<s.n;i++){ sink.reset(); staticFeatures(s,i,sink); for(let f=0;f<sink.n;f++){ tot++; const r=m.table.get(sink.ka[f],sink.kb[f]); const k=TEMPLATES[sink.t[f]][0]; const e=byT.get(k)||[0,0]; e[0]++; if(r<0){miss++; e[1]++;} byT.set(k,e);} } }
console.log('lookups',tot,'miss',miss,(miss/tot).toFixed(3));
console.log([...byT].map(([k,[a,b]])=>k+':'+(b/a).toFixed(2)).join(' '));
