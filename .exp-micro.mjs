import { FeatureTable } from './dist/src/nlp/ner/model.js';
for (const N of [10000, 100000, 250000, 1000000]) {
const t = new FeatureTable(N); const ka=new Int32Array(N), kb=new Int32Array(N);
for (let i=0;i<N;i++){ ka[i]=(Math.random()*2**32)|0; kb[i]=(Math.random()*2**32)|0; t.set(ka[i],kb[i],i); }
const rows=new Float32Array(N*34); const out=new Float64Array(17);
const M=5e6; const idx=new Int32Array(M); for(let i=0;i<M;i++) idx[i]=(Math.random()*N)|0;
let c0=process.cpuUsage();
for (let i=0;i<M;i++){ const r=t.get(ka[idx[i]],kb[idx[i]]); const o=r*34; for(let k=0;k<17;k++) out[k]+=rows[o+k]; }
let c=process.cpuUsage(c0); console.log(N, ((c.user+c.system)*1000/M).toFixed(1), 'ns/lookup');
}
