/** Plain-text wording of each notice template (SMS and e-mail); the in-app list shows the template and payload. */
type P = Record<string, unknown>;
const s = (v: unknown) => (v === undefined || v === null ? '' : String(v));

const TEXTS: Record<string, (p: P) => { subject: string; text: string }> = {
  'case.accepted': (p) => ({ subject: '办件已受理', text: `您申请的“${s(p.itemName)}”已受理，办件编号${s(p.caseNo)}，查询码${s(p.queryCode)}。` }),
  'case.assigned': (p) => ({ subject: '新分办办件', text: `办件${s(p.caseNo)}（${s(p.itemName)}）已分办给您，请及时办理。` }),
  'supervision.urge': (p) => ({ subject: '催办单', text: `【催办】办件${s(p.caseNo)}（${s(p.itemName)}）临近承诺时限，请抓紧办理。文号：${s(p.docNo)}` }),
  'supervision.order': (p) => ({ subject: '督办单', text: `【督办】办件${s(p.caseNo)}（${s(p.itemName)}）已超过承诺时限，请于${s(p.answerDue)}前书面答复。文号：${s(p.docNo)}` }),
  'supervision.violation': (p) => ({ subject: '超法定时限违法记录', text: `【监察】办件${s(p.caseNo)}（${s(p.itemName)}）已超过法定时限，已记入违法记录。文号：${s(p.docNo)}` }),
  'supervision.escalated': (p) => ({ subject: '督办单逾期未答复', text: `【督办升级】办件${s(p.caseNo)}（${s(p.itemName)}）的督办单逾期未答复，请督促处理。文号：${s(p.docNo)}` }),
};

export function noticeText(template: string, payload: P): { subject: string; text: string } {
  const f = TEXTS[template];
  if (f) return f(payload);
  const no = payload.caseNo ? `办件${s(payload.caseNo)}` : '';
  return { subject: '办事通知', text: `【办事】${no}${s(payload.itemName) ? `（${s(payload.itemName)}）` : ''}有新进展，请登录查看。` };
}
