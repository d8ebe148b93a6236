/** Helpers for case tests: uploads and walking a case through actions. */
import type { Client } from './harness.js';

export const LOW_INCOME = '62052400MZ-JF-0005'; // 最低生活保障审核确认: promised 15 wd, statutory 30 wd, chiefRep signs
export const TEMP_RELIEF = '62052400MZ-JF-0008'; // 临时救助: 容缺 allowed, hardship-proof is a required minor material
export const MARRIAGE = '62052400MZ-QR-0001'; // 内地居民结婚登记: 即办

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

export async function upload(c: Client, content: Buffer = PDF, name = 'scan.pdf') {
  const boundary = '----banshiUpload';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`),
    content, Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return c.raw({ method: 'POST', url: '/api/files', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

/** The other party of a marriage registration (the law names both: catalog coApplicants). */
export const SPOUSE = { name: '钱晓梅', idNumber: '620524198203050025' };

export const walkIn = (itemCode: string, name = '赵大山') => ({
  itemCode, channel: 'window', applicant: { kind: 'person', name, idNumber: '620524198001011239', phone: '13800001111' },
  ...(itemCode === MARRIAGE ? { coApplicants: [SPOUSE] } : {}),
});

/** Posts an action with the case's current version; returns the response. */
export async function act(c: Client, id: string, action: string, body: Record<string, unknown> = {}) {
  const cur = await c.get(`/api/cases/${id}`);
  return c.post(`/api/cases/${id}/actions/${action}`, { version: cur.body.version, ...body });
}

/** The same, failing the test when the action is refused. */
export async function must(c: Client, id: string, action: string, body: Record<string, unknown> = {}) {
  const res = await act(c, id, action, body);
  if (res.status !== 200) throw new Error(`${action} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Files an online application with a file for every required material the applicant must upload (the server refuses less). */
export async function applyOnline(c: Client, itemCode: string, extra: Record<string, unknown> = {}) {
  const guide = (await c.get(`/api/public/items/${encodeURIComponent(itemCode)}`)).body as { materials: { id: string; required: string; source: string }[] };
  const need = guide.materials.filter((m) => m.required === 'required' && m.source !== 'sharing');
  const files = await Promise.all(need.map(() => upload(c)));
  return c.post('/api/cases', {
    itemCode, channel: 'online', materials: need.map((m, i) => ({ materialId: m.id, fileId: files[i].body.id })),
    ...(itemCode === MARRIAGE ? { coApplicants: [SPOUSE] } : {}), ...extra,
  });
}
