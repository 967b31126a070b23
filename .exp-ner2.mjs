import { readFileSync } from 'node:fs';
import { Gazetteer } from './dist/src/nlp/ner/features.js';
import { trainNerModel } from './dist/src/nlp/ner/model.js';
import { dictionaryGazetteerEntries, bilouToBio } from './dist/src/nlp/ner/index.js';
import { scoreEntities } from './dist/src/nlp/ner/score.js';
const docs=JSON.parse(readFileSync('/tmp/ner/train-docs.json','utf8'));
const gaz = new Gazetteer(await dictionaryGazetteerEntries());
const train=docs.filter((_,i)=>i%10!==3), held=docs.filter((_,i)=>i%10===3);
const epochs=Number(process.argv[2]||6); const minCount=Number(process.argv[3]||1); const two=process.argv[4]!=='1';
const m = trainNerModel(train,{epochs,seed:1,gazetteer:gaz,minCount,twoPass:two});
const pairs=[]; for (const d of held){ const pred=m.predictDocument(d.sentences); pred.forEach((p,i)=>pairs.push({predicted:bilouToBio(p),reference:bilouToBio(d.tags[i])}));}
const sc=scoreEntities(pairs,['PER','ORG','LOC']); console.log('epochs',epochs,'minCount',minCount,'two',two,'features',m.featureCount,'F1',sc.micro.f1.toFixed(4), 'bytes', m.pass1.toTsv().length+(m.pass2?m.pass2.toTsv().length:0));
