import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../core/calendar/calendar.js';
import {
  fieldValueProblems,
  bundleLight, bundleStateOf, cancelDownstream, eventSummary, partFormData, partMaterials, partStateOfCase, refusalNotice, refusalsOf, settleParts, type PartFacts,
} from './bundleRules.js';

const part = (itemCode: string, o: Partial<PartFacts> = {}): PartFacts => ({ itemCode, itemName: `事项${itemCode}`, waitsFor: [], state: 'started', caseState: 'accepted', ...o });
const waiting = (itemCode: string, waitsFor: string[]) => part(itemCode, { waitsFor, state: 'waiting', caseState: null });

describe('a part follows its case', () => {
  it('maps the case states', () => {
    expect(partStateOfCase('inProgress', null)).toBe('started');
    expect(partStateOfCase('decided', 'approved')).toBe('started');
    expect(partStateOfCase('resultReady', 'approved')).toBe('resultReady');
    expect(partStateOfCase('delivered', 'approved')).toBe('resultReady');
    expect(partStateOfCase('completed', 'approved')).toBe('completed');
    for (const s of ['refused', 'returned', 'withdrawn', 'terminated'] as const) expect(partStateOfCase(s, null)).toBe('refused');
    // 不予许可: the result it was filed for never comes.
    expect(partStateOfCase('decided', 'denied')).toBe('refused');
    expect(partStateOfCase('completed', 'denied')).toBe('refused');
  });
});

describe('settling the parts', () => {
  it('starts a waiting part only when every predecessor has its result', () => {
    const a = part('A', { caseState: 'decided', caseOutcome: 'approved' });
    const b = part('B', { caseState: 'resultReady' });
    expect(settleParts([a, b, waiting('C', ['A', 'B'])]).toStart).toEqual([]);
    const s = settleParts([{ ...a, caseState: 'resultReady' }, b, waiting('C', ['A', 'B'])]);
    expect(s.toStart).toEqual(['C']);
    expect(s.states.get('C')).toBe('started');
    expect(settleParts([{ ...a, caseState: 'completed' }, b, waiting('C', ['A', 'B'])]).toStart).toEqual(['C']);
  });

  it('cancels everything downstream of a refusal, transitively, and leaves the others alone', () => {
    const s = settleParts([part('A', { caseState: 'refused' }), waiting('B', ['A']), waiting('C', ['B']), part('D'), waiting('E', ['D'])]);
    expect(s.toCancel).toEqual(['B', 'C']);
    expect(s.states.get('A')).toBe('refused');
    expect(s.states.get('D')).toBe('started');
    expect(s.states.get('E')).toBe('waiting');
    expect(s.toStart).toEqual([]);
  });

  it('a part cancelled by a refusal waits again when the refusal is overturned (the case is redone)', () => {
    const before = settleParts([part('A', { state: 'started', caseState: 'refused' }), waiting('B', ['A'])]);
    expect(before.states.get('B')).toBe('cancelled');
    const redone = settleParts([part('A', { state: 'refused', caseState: 'submitted' }), part('B', { state: 'cancelled', caseState: null, waitsFor: ['A'] })]);
    expect(redone.states.get('A')).toBe('started');
    expect(redone.states.get('B')).toBe('waiting');
    expect(redone.toCancel).toEqual([]);
  });
});

describe('cancelling downstream', () => {
  it('cancels what waits on a cancelled part (an item that could not be filed), and nothing else', () => {
    const parts = [part('A'), waiting('B', ['A']), waiting('C', ['B']), waiting('D', ['A'])];
    const states = new Map([['A', 'resultReady' as const], ['B', 'cancelled' as const], ['C', 'waiting' as const], ['D', 'waiting' as const]]);
    cancelDownstream(parts, states);
    expect(Object.fromEntries(states)).toEqual({ A: 'resultReady', B: 'cancelled', C: 'cancelled', D: 'waiting' });
  });
});

describe('the bundle state', () => {
  it('runs while a part waits or runs, is ready when all ended, completed when every case is closed', () => {
    expect(bundleStateOf([{ state: 'resultReady', caseState: 'resultReady' }, { state: 'waiting', caseState: null }])).toBe('running');
    expect(bundleStateOf([{ state: 'resultReady', caseState: 'resultReady' }, { state: 'cancelled', caseState: null }, { state: 'refused', caseState: 'refused' }])).toBe('resultReady');
    expect(bundleStateOf([{ state: 'completed', caseState: 'completed' }, { state: 'cancelled', caseState: null }, { state: 'refused', caseState: 'refused' }])).toBe('completed');
    // A denial still has its decision to hand over: ended, but its case is not closed yet.
    expect(bundleStateOf([{ state: 'completed', caseState: 'completed' }, { state: 'refused', caseState: 'resultReady' }])).toBe('resultReady');
  });
});

describe('what a refusal means for the others', () => {
  const parts = [part('A', { state: 'refused', itemName: '出生医学证明首次签发' }), part('B', { state: 'cancelled', waitsFor: ['A'], itemName: '出生登记' }),
    part('C', { state: 'cancelled', waitsFor: ['B'], itemName: '社会保障卡申领' }), part('D', { itemName: '生育登记' })];

  it('names the refused item and the ones cancelled because of it', () => {
    expect(refusalsOf(parts)).toEqual([{ itemCode: 'A', itemName: '出生医学证明首次签发', cancelled: ['出生登记', '社会保障卡申领'] }]);
    expect(refusalNotice(refusalsOf(parts), parts.length)).toBe('其中“出生医学证明首次签发”未获办理；“出生登记”、“社会保障卡申领”因需其结果不再办理；其余事项照常办理。');
  });

  it('says nothing of the others when none go on, and nothing at all without a refusal', () => {
    expect(refusalNotice(refusalsOf(parts.slice(0, 3)), 3)).toBe('其中“出生医学证明首次签发”未获办理；“出生登记”、“社会保障卡申领”因需其结果不再办理。');
    expect(refusalNotice(refusalsOf([part('A', { state: 'refused', itemName: '甲' }), part('B', { itemName: '乙' })]), 2)).toBe('其中“甲”未获办理；其余事项照常办理。');
    expect(refusalNotice([], 3)).toBe('');
  });
});

describe('the SMS of a bundle event', () => {
  const none = { refused: [], cancelled: [], started: [], ready: [] };
  it('tells which item ended how, once', () => {
    expect(eventSummary({ ...none, ready: ['出生医学证明首次签发'], started: ['出生登记'], bundleState: { from: 'running', to: 'running' } }))
      .toBe('“出生医学证明首次签发”已出结果，“出生登记”已开始办理');
    expect(eventSummary({ ...none, refused: ['甲'], cancelled: ['乙'], bundleState: { from: 'running', to: 'running' } })).toBe('“甲”未获办理；“乙”因需其结果不再办理；其余事项照常办理');
    expect(eventSummary({ ...none, refused: ['甲'], bundleState: { from: 'running', to: 'resultReady' } })).toBe('“甲”未获办理；全部事项已办结，请领取办理结果');
    expect(eventSummary({ ...none, bundleState: { from: 'resultReady', to: 'completed' } })).toBe('全部事项已办结');
  });

  it('sends nothing when nothing the applicant should hear of changed', () => {
    expect(eventSummary({ ...none, bundleState: { from: 'running', to: 'running' } })).toBeNull();
  });
});

describe('the light of a running bundle', () => {
  const cal = WorkCalendar.national();
  const settings = { yellowShare: 1 / 3, minYellowDays: 1 };
  // Filed Mon 2025-09-29 with 6 working days: due Fri 2025-10-14 across the holiday (Oct 1–8; Sat Oct 11 works).
  const b = { state: 'running' as const, promisedDue: cal.addWorkingDays('2025-09-29', 6).date, promisedWorkingDays: 6 };

  it('is green, then yellow within the last ⌊share × days⌋ working days, then red after the due day', () => {
    expect(b.promisedDue).toBe('2025-10-14');
    expect(bundleLight(cal, b, '2025-09-29', settings)).toBe('green');
    expect(bundleLight(cal, b, '2025-10-10', settings)).toBe('green');
    expect(bundleLight(cal, b, '2025-10-11', settings)).toBe('yellow');
    expect(bundleLight(cal, b, '2025-10-14', settings)).toBe('yellow');
    expect(bundleLight(cal, b, '2025-10-15', settings)).toBe('red');
  });

  it('has no light once every part has ended', () => {
    expect(bundleLight(cal, { ...b, state: 'resultReady' }, '2025-10-15', settings)).toBeNull();
  });
});

describe('what each part’s case gets', () => {
  it('the fields its item uses', () => {
    expect(partFormData({ fields: [{ key: 'childName', label: '', kind: 'text', required: true }] }, { childName: '小明', hospital: '县医院' })).toEqual({ childName: '小明' });
  });

  it('the shared upload under its own material id; a predecessor’s result and a shared-data material ticked without a file', () => {
    const item = { itemCode: 'B', shares: [{ materialId: 'id-card', key: 'parents-id' }, { materialId: 'birth-certificate', key: 'birth-certificate' }, { materialId: 'license', key: 'license' }] };
    const shared = [{ key: 'parents-id', name: '身份证' }, { key: 'birth-certificate', name: '出生医学证明', producedBy: 'A' }, { key: 'license', name: '执照', sharingSource: '市场监管局' }];
    const mats = [{ id: 'id-card' }, { id: 'birth-certificate' }, { id: 'license' }, { id: 'photo' }, { id: 'other' }];
    const given = [{ key: 'parents-id', fileId: 'f1' }, { key: 'B:photo', fileId: 'f2' }];
    expect(partMaterials(item, mats, shared, new Set(['A', 'B']), given)).toEqual([
      { materialId: 'id-card', fileId: 'f1' }, { materialId: 'birth-certificate', fileId: null }, { materialId: 'license', fileId: null }, { materialId: 'photo', fileId: 'f2' },
    ]);
    // Without its producer chosen, the certificate is the applicant's to hand in.
    expect(partMaterials(item, mats, shared, new Set(['B']), given).map((m) => m.materialId)).not.toContain('birth-certificate');
  });
});

describe('the one form\'s identity fields', () => {
  const fields = [{ key: 'motherId', label: '母亲身份证号', kind: 'idNumber' as const }, { key: 'phone', label: '联系电话', kind: 'phone' as const }, { key: 'name', label: '姓名', kind: 'text' as const }];
  it('passes good numbers, a landline and blanks', () => {
    expect(fieldValueProblems(fields, { motherId: '62052419900312002X', phone: '0938-8211234', name: '1234' }, '2026-12-07')).toEqual([]);
    expect(fieldValueProblems(fields, { motherId: '', phone: '  ' }, '2026-12-07')).toEqual([]);
  });
  it('names a wrong check digit and a 10-digit mobile by their field', () => {
    const p = fieldValueProblems(fields, { motherId: '620524199003120021', phone: '1391938556' }, '2026-12-07');
    expect(p.map((x) => x.field)).toEqual(['body.formData.motherId', 'body.formData.phone']);
    expect(p[0]!.message).toMatch(/^母亲身份证号：/);
  });
});
