/** Issues notices: gathers what a document shows, renders it once and stores it for good. */
import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from '../core/db/index.js';
import type { SessionUser } from '../core/auth/policy.js';
import { ROLE_LABELS } from '../core/auth/roles.js';
import { maskIdNumber, maskPhone } from '../core/mask.js';
import { dateInZone } from '../core/now.js';
import { centerById, departmentById } from '../core/org/lookup.js';
import { CASE_KIND_LABELS, type GuideData } from '../catalog/types.js';
import { caseDocuments, caseEvents, caseMaterials } from './schema.js';
import type { CaseRow } from './repo.js';
import { reserveCounters } from './repo.js';
import { renderDocument } from './documents/render.js';
import type { DocumentInput } from './documents/types.js';
import { CHANNEL_LABELS, type DocumentKind } from './types.js';
import { decisionWording, documentTitle, natureOf } from './documents/decision.js';
import { remedyBodiesFor } from './documents/remedies.js';

/** Short marks used in document numbers: 接 受 联受 补 容 退 不受 特 延 许 不许 结. */
const DOC_MARKS: Record<DocumentKind, string> = {
  receipt: '接', acceptance: '受', jointAcceptance: '联受', supplement: '补', pledge: '容', return: '退', refusal: '不受', specialProcedure: '特', extension: '延',
  approval: '许', denial: '不许', completion: '结', paymentNotice: '缴', handlingNotice: '办', routeSheet: '承', controlSheet: '控',
};

export interface IssueContext {
  tx: Tx;
  /** Who issues: the acting user (a case started by a bundle hook: the bundle's submitter). */
  user: Pick<SessionUser, 'id' | 'displayName' | 'role'>;
  row: CaseRow;
  guide: GuideData;
  nowIso: string;
  today: string;
  origin: string;
  timeZone: string;
}

async function materialsOf(i: IssueContext, missing: readonly string[]) {
  const have = await i.tx.select().from(caseMaterials).where(eq(caseMaterials.caseId, i.row.id));
  const provided = new Set(have.filter((h) => h.provided).map((h) => h.materialId));
  return i.guide.materials.map((m) => ({
    id: m.id, name: m.name, required: m.required, condition: m.condition, major: m.major, copies: m.copies,
    provided: provided.has(m.id), owed: i.row.owed.includes(m.id), missing: missing.includes(m.id),
  }));
}

async function lastDelivery(i: IssueContext) {
  const [e] = await i.tx.select({ data: caseEvents.data }).from(caseEvents)
    .where(and(eq(caseEvents.caseId, i.row.id), eq(caseEvents.action, 'deliver'))).orderBy(desc(caseEvents.seq)).limit(1);
  return (e?.data ?? {}) as { mode?: 'pickup' | 'post'; trackingNo?: string };
}

/** Stands in for the document number while the notice is rendered; the number is reserved last. */
const DOC_NO_MARK = 'BANSHIDOCNO0000';

export interface PreparedDocument { id: string; kind: DocumentKind; title: string; counterKey: string; prefix: string; year: string; html: string }

/**
 * Gathers what a notice shows and renders it, with a stand-in for its number. The number
 * itself (a per center, kind and year counter, one row every issuing transaction locks
 * until it commits) is reserved by numberDocuments at the end of the transaction, so
 * concurrent actions queue on it only for their last statements, not for the rendering.
 */
export async function prepareDocument(i: IssueContext, kind: DocumentKind, details: Record<string, unknown> = {}): Promise<PreparedDocument> {
  const [center, dept] = [await centerById(i.tx, i.row.centerId), await departmentById(i.tx, i.row.departmentId)];
  const year = i.today.slice(0, 4);
  const shortName = center.name.replace(/政务服务中心|便民服务中心|便民服务站|便民代办点/g, '');
  const delivery = kind === 'completion' ? await lastDelivery(i) : {};
  const item = natureOf({ name: i.guide.name, type: i.guide.type, legalBasis: i.guide.legalBasis, caseKind: i.guide.caseKind });
  const adverse = kind === 'refusal' || kind === 'denial';
  const input: DocumentInput = {
    kind, docNo: DOC_NO_MARK, issuedAt: i.nowIso, issuedOn: i.today,
    center: { name: center.name, address: center.address, phone: center.phone, complaintPhone: center.complaintPhone, hours: center.hours },
    department: { name: dept.name, phone: dept.phone },
    item, ...(adverse ? await remedyBodiesFor(i.tx, i.row.centerId) : { reviewBody: null, court: null }),
    coApplicants: (i.row.coApplicants ?? []).map((p) => ({ name: p.name, idMasked: maskIdNumber(p.idNumber) })),
    case: {
      caseNo: i.row.caseNo, queryCode: i.row.queryCode, itemName: i.row.itemName, itemCode: i.row.itemCode, itemVersion: i.row.itemVersion,
      kindLabel: CASE_KIND_LABELS[i.row.kind], channelLabel: CHANNEL_LABELS[i.row.channel], applicantKind: i.row.applicantKind,
      applicantName: i.row.applicantName, applicantIdMasked: maskIdNumber(i.row.applicantIdNumber), applicantPhoneMasked: maskPhone(i.row.applicantPhone),
      submittedOn: dateInZone(new Date(i.row.submittedAt), i.timeZone), acceptedOn: i.row.acceptedOn, promisedLimit: i.row.promisedLimit, statutoryLimit: i.row.statutoryLimit,
      promisedDue: i.row.promisedDue, statutoryDue: i.row.statutoryDue,
    },
    materials: await materialsOf(i, (details.missing as string[] | undefined) ?? []),
    details: { ...details, deliveryMode: delivery.mode, trackingNo: delivery.trackingNo },
    issuer: { name: i.user.displayName, roleLabel: ROLE_LABELS[i.user.role] },
    progressUrl: `${i.origin}/progress?caseNo=${encodeURIComponent(i.row.caseNo)}&queryCode=${encodeURIComponent(i.row.queryCode)}`,
  };
  const html = await renderDocument(input);
  const decision = kind === 'approval' || kind === 'denial' ? decisionWording(item, kind === 'denial' ? 'denied' : 'approved') : null;
  // Each mark (许 / 给 / 登 …) numbers its own series; licences keep the series they always had.
  const mark = decision?.mark ?? DOC_MARKS[kind];
  const series = mark === DOC_MARKS[kind] ? kind : `${kind}:${mark}`;
  return { id: randomUUID(), kind, title: documentTitle(kind, item), counterKey: `doc:${i.row.centerId}:${series}:${year}`, prefix: `${shortName}政务${mark}字`, year, html };
}

/** Reserves the documents' numbers (one statement), writes them into the notices and stores them for good. */
export async function numberDocuments(i: Pick<IssueContext, 'tx' | 'user' | 'row' | 'nowIso'>, docs: readonly PreparedDocument[]): Promise<void> {
  if (docs.length === 0) return;
  const wanted = new Map<string, number>();
  for (const d of docs) wanted.set(d.counterKey, (wanted.get(d.counterKey) ?? 0) + 1);
  const reserved = await reserveCounters(i.tx, wanted);
  const stored = docs.map((d) => {
    const seq = reserved.get(d.counterKey)!;
    reserved.set(d.counterKey, seq + 1);
    const docNo = `${d.prefix}〔${d.year}〕第${String(seq).padStart(6, '0')}号`;
    return { id: d.id, caseId: i.row.id, kind: d.kind, title: d.title, docNo, html: d.html.replaceAll(DOC_NO_MARK, docNo), issuedAt: i.nowIso, issuedBy: i.user.id };
  });
  await i.tx.insert(caseDocuments).values(stored);
}
