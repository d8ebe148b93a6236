import { startTestApp } from '../test/harness.js';
const t = await startTestApp({ demo: true });
const res = await t.anon.get('/api/docs/json');
const doc = res.body;
let n = 0;
for (const [p, ops] of Object.entries<any>(doc.paths)) for (const [m, op] of Object.entries<any>(ops)) { n++; console.log(m.toUpperCase(), p, op.consumes ?? op.requestBody?.content ? Object.keys(op.requestBody?.content ?? {}).join(',') : ''); }
console.log(n);
console.log(JSON.stringify(doc.paths["/api/files"]).slice(0,600)); console.log(JSON.stringify(doc.paths["/api/cases"].get.parameters).slice(0,800));
await t.close();
