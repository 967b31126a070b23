import { readFileSync } from 'node:fs';
import { Gazetteer } from './dist/src/nlp/ner/features.js';
import { trainNerModel } from './dist/src/nlp/ner/model.js';
import { dictionaryGazetteerEntries, bilouToBio } from './dist/src/nlp/ner/index.js';
import { scoreEntities } from './dist/src/nlp/ner/score.js';
const docs=JSON.parse(readFileSync('/tmp/ner/train-docs.json','utf8'));
const gaz = new Gazetteer(await dictionaryGazetteerEntries());
const train=docs.filter((_,i)=>i%10!==3), held=docs.filter((_,i)=>i%10===3);
const E=Number(process.argv[2]||8), K=4;
const score=(pred,ds)=>{const pairs=[]; ds.forEach((d,j)=>pred[j].forEach((p,i)=>pairs.push({predicted:bilouToBio(p),reference:bilouToBio(d.tags[i])}))); return scoreEntities(pairs,['PER','ORG','LOC']).micro.f1.toFixed(4);};
// jackknife
for (let k=0;k<K;k++){ const tr=train.filter((_,i)=>i%K!==k); const m=trainNerModel(tr,{epochs:E,seed:1,gazetteer:gaz}); train.forEach((d,i)=>{ if(i%K===k) d.stage1=m.predictDocument(d.sentences); }); }
const m1=trainNerModel(train,{epochs:E,seed:1,gazetteer:gaz});
const p1=held.map(d=>m1.predictDocument(d.sentences));
console.log('stage1', score(p1,held));
const m2=trainNerModel(train,{epochs:E,seed:1,gazetteer:gaz});
const p2=held.map((d,j)=>m2.predictDocument(d.sentences,p1[j]));
console.log('stage2', score(p2,held));
