import { readFileSync } from 'node:fs';
import { readConllDocuments, loadNerModel, winkPosForTokens } from './dist/src/nlp/ner/index.js';
import { NerModel, PassWeights } from './dist/src/nlp/ner/model.js';
const m0 = loadNerModel(process.argv[2]);
const K=Number(process.argv[3]); const p=m0.pass1; const NT=17;
const keep=[...p.names.keys()].slice(0,K);
const pw=new PassWeights(keep.map(r=>p.names[r]), Int32Array.from(keep,r=>p.ka[r]), Int32Array.from(keep,r=>p.kb[r]), p.weights.slice(0,K*NT));
const m=new NerModel(m0.config, m0.gazetteer, pw, null);
const dev = readConllDocuments(readFileSync('/work/shared/eval/ner/conll2003_eng_valid.txt','utf8'));
const withPos = dev.map(d=>d.map(s=>{const p=winkPosForTokens(s.tokens); return s.tokens.map((t,i)=>({text:t,pos:p[i]}));})); let n=0; for (const d of withPos) for (const s of d) n+=s.length;
for (let r=0;r<5;r++){
const c0=process.cpuUsage(); for (const d of withPos) m.predictDocument(d); const c=process.cpuUsage(c0);
if(r>2) console.log(K, 'predict only', (n/((c.user+c.system)/1e6))|0, 'tok/cpu-s');
}
