import { describe, expect, it } from 'vitest';
import { deliveryWaitsForPayment, feeFindings, noticeLines, parseFeeStandard } from './rules.js';

const BASIS = '《某收费标准》';
const fees = (payBeforeDelivery = true) => ({
  free: false, payBeforeDelivery,
  items: [
    { name: '登记费（住宅类）', standard: '80元/件', basis: BASIS },
    { name: '工本费', standard: '核发一本证书免收工本费；每增加一本加收10元', basis: BASIS },
    { name: '测绘费', standard: '按面积核定', basis: BASIS },
  ],
});

describe('parseFeeStandard', () => {
  it.each([
    ['80元/件', { unitFen: 8000, unit: '件', freeUnits: 0 }],
    ['550元/件', { unitFen: 55000, unit: '件', freeUnits: 0 }],
    ['20元/证', { unitFen: 2000, unit: '证', freeUnits: 0 }],
    ['汽车号牌100元/副', { unitFen: 10000, unit: '副', freeUnits: 0 }],
    ['12.5元/份', { unitFen: 1250, unit: '份', freeUnits: 0 }],
    ['50元', { unitFen: 5000, unit: '件', freeUnits: 0 }],
    ['核发一本证书免收工本费；每增加一本加收10元', { unitFen: 1000, unit: '本', freeUnits: 1 }],
  ])('%s', (s, rule) => expect(parseFeeStandard(s)).toEqual(rule));
  it('has no rule for wording it cannot compute', () => {
    expect(parseFeeStandard('按面积核定')).toBeNull();
    expect(parseFeeStandard('')).toBeNull();
  });
});

describe('noticeLines', () => {
  it('charges quantity minus free units at the unit price; 0 leaves a fee item out', () => {
    const r = noticeLines(fees(), [2, 3, 0]);
    expect(r).toMatchObject({ ok: true, totalFen: 2 * 8000 + 2 * 1000 });
    if (r.ok) expect(r.lines.map((l) => [l.index, l.amountFen])).toEqual([[0, 16000], [1, 2000]]);
  });
  it('one certificate of the 工本费 is free: amount 0', () => {
    const r = noticeLines(fees(), [1, 1, 0]);
    expect(r.ok && r.totalFen).toBe(8000);
  });
  it('a standard with no rule is charged at the assessed amount (按实核定), and refused without one', () => {
    const r = noticeLines(fees(), [1, 0, 1], [null, null, 12345]);
    expect(r).toMatchObject({ ok: true, totalFen: 8000 + 12345 });
    if (r.ok) expect(r.lines[1]).toMatchObject({ index: 2, assessed: true, amountFen: 12345 });
    expect(noticeLines(fees(), [1, 0, 1], [null, null, 0])).toMatchObject({ ok: false, code: 'fee_rule_unknown' });
    // Not charged: no amount needed.
    expect(noticeLines(fees(), [1, 0, 0])).toMatchObject({ ok: true, totalFen: 8000 });
  });
  it('refuses free items, wrong counts, negative or fractional quantities, nothing charged, and unknown rules', () => {
    expect(noticeLines({ free: true, items: [] }, [])).toMatchObject({ ok: false, code: 'item_free' });
    expect(noticeLines(fees(), [1])).toMatchObject({ ok: false, code: 'quantities_mismatch' });
    expect(noticeLines(fees(), [-1, 0, 0])).toMatchObject({ ok: false, code: 'bad_quantity' });
    expect(noticeLines(fees(), [1.5, 0, 0])).toMatchObject({ ok: false, code: 'bad_quantity' });
    expect(noticeLines(fees(), [0, 0, 0])).toMatchObject({ ok: false, code: 'nothing_charged' });
    expect(noticeLines(fees(), [1, 0, 1])).toMatchObject({ ok: false, code: 'fee_rule_unknown' });
  });
});

describe('deliveryWaitsForPayment', () => {
  it('waits only where the item says so, until the notice exists and is paid in full', () => {
    expect(deliveryWaitsForPayment({ free: true, items: [] }, null)).toBe(false);
    expect(deliveryWaitsForPayment(fees(false), null)).toBe(false);
    expect(deliveryWaitsForPayment(fees(), null)).toBe(true);
    expect(deliveryWaitsForPayment(fees(), { amountFen: 9000, paidFen: 8999 })).toBe(true);
    expect(deliveryWaitsForPayment(fees(), { amountFen: 9000, paidFen: 9000 })).toBe(false);
    expect(deliveryWaitsForPayment(fees(), { amountFen: 0, paidFen: 0 })).toBe(false);
  });
});

describe('feeFindings', () => {
  const p = (o: Partial<Parameters<typeof feeFindings>[0]> = {}) => ({ id: 'p1', caseId: 'c1', amountFen: 9000, channel: 'hallBank' as const, receiptNo: 'BK1', recordedBy: 'u', recordedRole: 'receiver', ...o });
  const rules = (f: ReturnType<typeof feeFindings>) => f.map((x) => x.rule);
  it('nothing for a payment of the standard through the hall', () => {
    expect(feeFindings(p(), fees(), 9000, 0)).toEqual([]);
    expect(feeFindings(p({ channel: 'online', amountFen: 1000 }), fees(), 9000, 8000)).toEqual([]);
  });
  it('above the standard: over the notice, counting earlier payments, or with no notice at all', () => {
    expect(rules(feeFindings(p({ amountFen: 9001 }), fees(), 9000, 0))).toEqual(['feeAboveStandard']);
    expect(feeFindings(p({ amountFen: 500 }), fees(), 9000, 9000)[0].evidence).toMatchObject({ overFen: 500 });
    expect(rules(feeFindings(p(), fees(), null, 0))).toEqual(['feeAboveStandard']);
  });
  it('on a free item', () => expect(rules(feeFindings(p(), { free: true, items: [] }, null, 0))).toEqual(['feeOnFreeItem']));
  it('outside the hall’s channels', () => expect(rules(feeFindings(p({ channel: 'other' }), fees(), 9000, 0))).toEqual(['feeOutsideHall']));
  it('one subject per payment, so a rule fires once per payment', () => {
    const f = feeFindings(p({ channel: 'other' }), { free: true, items: [] }, null, 0);
    expect(f.map((x) => [x.rule, x.subject])).toEqual([['feeOnFreeItem', 'payment:p1'], ['feeOutsideHall', 'payment:p1']]);
  });
});
