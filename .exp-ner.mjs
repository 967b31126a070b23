import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { Gazetteer } from './dist/src/nlp/ner/features.js';
import { trainNerModel } from './dist/src/nlp/ner/model.js';
import { readConllDocuments, toTrainDocuments, dictionaryGazetteerEntries, bilouToBio } from './dist/src/nlp/ner/index.js';
import { scoreEntities } from './dist/src/nlp/ner/score.js';
const cache='/tmp/ner/train-docs.json';
let docs;
if (existsSync(cache)) docs=JSON.parse(readFileSync(cache,'utf8')); else { docs=toTrainDocuments(readConllDocuments(readFileSync('/work/shared/train/ner/conll2003_eng_train.txt','utf8'))); writeFileSync(cache, JSON.stringify(docs)); }
const gaz = new Gazetteer(await dictionaryGazetteerEntries());
const cut=Math.floor(docs.length*0.9); const train=docs.slice(0,cut), held=docs.slice(cut);
const epochs=Number(process.argv[2]||8);
const m = trainNerModel(train,{epochs,seed:1,gazetteer:gaz});
const pairs=[]; const errs=[];
for (const d of held){ const pred=m.predictDocument(d.sentences); pred.forEach((p,i)=>{pairs.push({predicted:bilouToBio(p),reference:bilouToBio(d.tags[i])}); if(process.argv[3]) { const g=bilouToBio(d.tags[i]), q=bilouToBio(p); if(g.join()!==q.join()) errs.push(d.sentences[i].map((t,k)=>t.text+(g[k]!=='O'||q[k]!=='O'?'/'+g[k]+'|'+q[k]:'')).join(' ')); }});}
const sc=scoreEntities(pairs,['PER','ORG','LOC']);
console.log(JSON.stringify(Object.fromEntries(Object.entries(sc.byType).map(([k,v])=>[k,[v.precision.toFixed(3),v.recall.toFixed(3),v.f1.toFixed(3),v.tp+v.fn]]))), 'micro', sc.micro.f1.toFixed(4));
if (process.argv[3]) writeFileSync('/tmp/ner/errs.txt', errs.join('\n'));
