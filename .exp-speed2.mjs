import { readFileSync } from 'node:fs';
import { readConllDocuments, loadNerModel, winkPosForTokens } from './dist/src/nlp/ner/index.js';
import { NerModel } from './dist/src/nlp/ner/model.js';
const m0 = loadNerModel(process.argv[2]);
const m = process.argv[3]==='1' ? new NerModel(m0.config, m0.gazetteer, m0.pass1, null) : m0;
const dev = readConllDocuments(readFileSync('/work/shared/eval/ner/conll2003_eng_valid.txt','utf8'));
const withPos = dev.map(d=>d.map(s=>{const p=winkPosForTokens(s.tokens); return s.tokens.map((t,i)=>({text:t,pos:p[i]}));})); let n=0; for (const d of withPos) for (const s of d) n+=s.length;
for (let r=0;r<5;r++){
const c0=process.cpuUsage(); for (const d of withPos) m.predictDocument(d); const c=process.cpuUsage(c0);
console.log('predict only', (n/((c.user+c.system)/1e6))|0, 'tok/cpu-s');
}
