/**
 * The fee rules, pure: an item's 收费标准 read as an amount rule, a notice's lines and total,
 * whether delivery waits for payment, and the three fee anomalies. No I/O.
 */
import type { GuideData } from '../catalog/types.js';
import { HALL_CHANNELS, type FeeRule, type NoticeLine, type PaymentChannel } from './types.js';

const toFen = (s: string) => Math.round(Number(s) * 100);

/**
 * Reads a 收费标准 text as a rule. Understood forms (the catalog's own wording):
 * "80元/件", "汽车号牌100元/副" (a price per unit), "核发一本证书免收工本费；每增加一本加收10元"
 * (the first units free, then a price per unit), "50元" (per case). Anything else (按面积核定 …)
 * has no rule: the notice cannot be computed and is refused rather than guessed.
 */
export function parseFeeStandard(standard: string): FeeRule | null {
  const s = standard.replace(/\s+/g, '');
  const extra = /每增加一(.)(?:加收|收取)(\d+(?:\.\d+)?)元/.exec(s);
  if (extra) {
    const free = /免收/.test(s) ? 1 : 0;
    return { unitFen: toFen(extra[2]), unit: extra[1], freeUnits: free };
  }
  const per = /(\d+(?:\.\d+)?)元\/([^\d；;，,。（）()]{1,3})/.exec(s);
  if (per) return { unitFen: toFen(per[1]), unit: per[2], freeUnits: 0 };
  const flat = /^(\d+(?:\.\d+)?)元$/.exec(s);
  if (flat) return { unitFen: toFen(flat[1]), unit: '件', freeUnits: 0 };
  return null;
}

export type LinesResult = { ok: true; lines: NoticeLine[]; totalFen: number } | { ok: false; code: string; message: string; messageZh: string };

/**
 * The notice's lines from the item's fee items and the quantity of each (0 = not charged on
 * this case: the items are often alternatives, 住宅类 / 非住宅类). Amount = max(0, quantity −
 * free units) × unit price.
 */
export function noticeLines(fees: GuideData['fees'], quantities: readonly number[], assessed: readonly (number | null | undefined)[] = []): LinesResult {
  if (fees.free || fees.items.length === 0) return { ok: false, code: 'item_free', message: 'This item is free of charge', messageZh: '该事项不收费，不开具缴款通知书' };
  if (quantities.length !== fees.items.length) return { ok: false, code: 'quantities_mismatch', message: `Give one quantity per fee item (${fees.items.length})`, messageZh: `请为每个收费项目填写数量（共${fees.items.length}项）` };
  const lines: NoticeLine[] = [];
  for (const [index, f] of fees.items.entries()) {
    const quantity = quantities[index];
    if (!Number.isInteger(quantity) || quantity < 0) return { ok: false, code: 'bad_quantity', message: 'Quantities are whole numbers ≥ 0', messageZh: '数量须为非负整数' };
    if (quantity === 0) continue;
    const rule = parseFeeStandard(f.standard);
    if (!rule) {
      // 按实核定: a standard with no computable rule is charged at the amount the window assessed, printed as such.
      const fen = assessed[index];
      if (!fen || !Number.isInteger(fen) || fen <= 0) return { ok: false, code: 'fee_rule_unknown', message: `The standard of “${f.name}” gives no amount rule: enter the assessed amount`, messageZh: `收费项目“${f.name}”的收费标准无法计算金额（${f.standard}），请填写核定金额` };
      lines.push({ index, name: f.name, standard: f.standard, basis: f.basis, quantity: 1, unitFen: fen, unit: '项', freeUnits: 0, amountFen: fen, assessed: true });
      continue;
    }
    lines.push({ index, name: f.name, standard: f.standard, basis: f.basis, quantity, unitFen: rule.unitFen, unit: rule.unit, freeUnits: rule.freeUnits, amountFen: Math.max(0, quantity - rule.freeUnits) * rule.unitFen });
  }
  if (lines.length === 0) return { ok: false, code: 'nothing_charged', message: 'At least one fee item must be charged', messageZh: '请至少选择一个收费项目' };
  return { ok: true, lines, totalFen: lines.reduce((a, l) => a + l.amountFen, 0) };
}

/** Delivery waits for payment: a charged item that says so, until a notice exists and is paid in full. */
export function deliveryWaitsForPayment(fees: GuideData['fees'], notice: { amountFen: number; paidFen: number } | null): boolean {
  if (fees.free || !fees.payBeforeDelivery) return false;
  if (!notice) return true;
  return notice.paidFen < notice.amountFen;
}

// ---- anomalies ------------------------------------------------------------------------

export const FEE_RULES = {
  feeAboveStandard: '超标准收费',
  feeOnFreeItem: '免费事项收费',
  feeOutsideHall: '未经大厅收费窗口收费',
} as const;
export type FeeRuleName = keyof typeof FEE_RULES;

export interface PaymentFacts { id: string; caseId: string; amountFen: number; channel: PaymentChannel; receiptNo: string; recordedBy: string; recordedRole: string }

export interface FeeFinding { rule: FeeRuleName; subject: string; evidence: Record<string, unknown> }

/**
 * The fee anomalies one payment raises. `paidBeforeFen`: what the case's earlier payments
 * already covered; `standardFen`: the notice's amount by the item's rule (null: no notice).
 * Each finding's subject is the payment, so a rule fires once per payment.
 */
export function feeFindings(p: PaymentFacts, fees: GuideData['fees'], standardFen: number | null, paidBeforeFen: number): FeeFinding[] {
  const out: FeeFinding[] = [];
  const payment = { id: p.id, amountFen: p.amountFen, channel: p.channel, receiptNo: p.receiptNo, recordedBy: p.recordedBy, recordedRole: p.recordedRole };
  if (fees.free) out.push({ rule: 'feeOnFreeItem', subject: `payment:${p.id}`, evidence: { payment } });
  else if (standardFen === null) out.push({ rule: 'feeAboveStandard', subject: `payment:${p.id}`, evidence: { payment, standardFen: 0, paidBeforeFen, reason: 'no payment notice' } });
  else if (paidBeforeFen + p.amountFen > standardFen) out.push({ rule: 'feeAboveStandard', subject: `payment:${p.id}`, evidence: { payment, standardFen, paidBeforeFen, overFen: paidBeforeFen + p.amountFen - standardFen } });
  if (!HALL_CHANNELS.includes(p.channel)) out.push({ rule: 'feeOutsideHall', subject: `payment:${p.id}`, evidence: { payment } });
  return out;
}
