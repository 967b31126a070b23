import { readFileSync, writeFileSync } from 'node:fs';
import { Gazetteer } from './dist/src/nlp/ner/features.js';
import { trainNerModel } from './dist/src/nlp/ner/model.js';
import { dictionaryGazetteerEntries, bilouToBio, spansFromTags } from './dist/src/nlp/ner/index.js';
import { scoreEntities } from './dist/src/nlp/ner/score.js';
const docs=JSON.parse(readFileSync('/tmp/ner/train-docs.json','utf8'));
const gaz = new Gazetteer(await dictionaryGazetteerEntries());
const train=docs.filter((_,i)=>i%10!==3), held=docs.filter((_,i)=>i%10===3);
const epochs=Number(process.argv[2]||6); const two=process.argv[3]!=='1';
const m = trainNerModel(train,{epochs,seed:1,gazetteer:gaz,twoPass:two});
const pairs=[]; const errs=[]; const cats={};
for (const d of held){ const pred=m.predictDocument(d.sentences); pred.forEach((p,i)=>{const g=bilouToBio(d.tags[i]), q=bilouToBio(p); pairs.push({predicted:q,reference:g});
 const gs=spansFromTags(g), ps=spansFromTags(q); const toks=d.sentences[i].map(t=>t.text);
 for (const s of ps){ const e=gs.find(x=>x.start===s.start&&x.end===s.end); const txt=toks.slice(s.start,s.end).join(' ');
   if(e&&e.type===s.type) continue; if(e) {cats['type '+e.type+'->'+s.type]=(cats['type '+e.type+'->'+s.type]||0)+1; errs.push('TYPE '+e.type+'->'+s.type+' '+txt);} else { const o=gs.find(x=>x.start<s.end&&s.start<x.end); if(o){cats['bound']=(cats['bound']||0)+1; errs.push('BOUND gold '+toks.slice(o.start,o.end).join(' ')+'/'+o.type+' pred '+txt+'/'+s.type);} else {cats['spur '+s.type]=(cats['spur '+s.type]||0)+1; errs.push('SPUR '+s.type+' '+txt+'   || '+toks.join(' '));} } }
 for (const s of gs){ if(!ps.some(x=>x.start<s.end&&s.start<x.end)){ cats['miss '+s.type]=(cats['miss '+s.type]||0)+1; errs.push('MISS '+s.type+' '+toks.slice(s.start,s.end).join(' ')+'   || '+toks.join(' '));} }
});}
const sc=scoreEntities(pairs,['PER','ORG','LOC']);
console.log(JSON.stringify(Object.fromEntries(Object.entries(sc.byType).map(([k,v])=>[k,[v.precision.toFixed(3),v.recall.toFixed(3),v.f1.toFixed(3),v.tp+v.fn]]))), 'micro', sc.micro.f1.toFixed(4));
console.log(cats);
writeFileSync('/tmp/ner/errs.txt', errs.sort().join('\n'));
