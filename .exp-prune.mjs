import { readFileSync, writeFileSync } from 'node:fs';
import { Gazetteer } from './dist/src/nlp/ner/features.js';
import { trainNerModel, NerModel, PassWeights } from './dist/src/nlp/ner/model.js';
import { dictionaryGazetteerEntries, bilouToBio } from './dist/src/nlp/ner/index.js';
import { scoreEntities } from './dist/src/nlp/ner/score.js';
const docs=JSON.parse(readFileSync('/tmp/ner/train-docs.json','utf8'));
const gaz = new Gazetteer(await dictionaryGazetteerEntries());
const train=docs.filter((_,i)=>i%10!==3), held=docs.filter((_,i)=>i%10===3);
const epochs=Number(process.argv[2]||6);
const m = trainNerModel(train,{epochs,seed:1,gazetteer:gaz});
const NT=17;
function prune(p, th, q){ const keep=[]; for(let r=0;r<p.names.length;r++){ let mx=0; for(let t=0;t<NT;t++) mx=Math.max(mx,Math.abs(p.weights[r*NT+t])); if(mx>=th) keep.push(r);} 
  const w=new Float32Array(keep.length*NT); keep.forEach((r,i)=>{ for(let t=0;t<NT;t++){ let v=p.weights[r*NT+t]; if(Math.abs(v)<th) v=0; if(q) v=Math.round(v/q)*q; w[i*NT+t]=v; }});
  return new PassWeights(keep.map(r=>p.names[r]), Int32Array.from(keep,r=>p.ka[r]), Int32Array.from(keep,r=>p.kb[r]), w); }
for (const [th,q] of [[0.02,0],[0.05,0],[0.1,0],[0.2,0],[0.1,0.01],[0.1,0.02]]) {
  const mm=new NerModel(m.config, gaz, prune(m.pass1,th,q), prune(m.pass2,th,q));
  const pairs=[]; for (const d of held){ const pred=mm.predictDocument(d.sentences); pred.forEach((p,i)=>pairs.push({predicted:bilouToBio(p),reference:bilouToBio(d.tags[i])}));}
  const sc=scoreEntities(pairs,['PER','ORG','LOC']); console.log('th',th,'q',q,'features',mm.featureCount,'F1',sc.micro.f1.toFixed(4), 'bytes', mm.pass1.toTsv().length+mm.pass2.toTsv().length);
}
