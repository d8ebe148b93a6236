import { describe, expect, it } from 'vitest';
import { buildReport, periodOf, type CaseFact, type StepFact } from './rules.js';

describe('periodOf', () => {
  it.each([
    ['2026-02', '2026-02-01', '2026-02-28', '2026年2月'],
    ['2028-02', '2028-02-01', '2028-02-29', '2028年2月'],
    ['2026-12', '2026-12-01', '2026-12-31', '2026年12月'],
    ['2026-Q2', '2026-04-01', '2026-06-30', '2026年第二季度'],
    ['2026-Q4', '2026-10-01', '2026-12-31', '2026年第四季度'],
  ])('%s', (p, from, to, label) => expect(periodOf(p)).toMatchObject({ from, to, label }));
  it('refuses anything else', () => {
    for (const p of ['2026-13', '2026-00', '2026-Q5', '2026/03', '26-03', '']) expect(periodOf(p)).toBeNull();
  });
});

describe('buildReport', () => {
  const p = periodOf('2026-03')!;
  const D = [{ id: 'd1', name: '甲局' }, { id: 'd2', name: '乙局' }];
  const c = (o: Partial<CaseFact>): CaseFact => ({ departmentId: 'd1', acceptedOn: '2026-03-02', closedOn: null, outcome: null, promisedDue: '2026-03-20', ...o });
  const s = (o: Partial<StepFact>): StepFact => ({ departmentId: 'd1', caseNo: 'N1', light: 'red', kind: 'order', docNo: 'D1', issuedOn: '2026-03-21', answerDue: '2026-03-24', answeredAt: null, answer: null, escalatedAt: null, ...o });

  it('counts at the period’s edges: first and last day in, the days around out', () => {
    const r = buildReport(p, '中心', 'now', D, [
      c({ acceptedOn: '2026-03-01' }), c({ acceptedOn: '2026-03-31' }), c({ acceptedOn: '2026-02-28', closedOn: '2026-03-01', outcome: 'approved', promisedDue: '2026-03-01' }),
      c({ acceptedOn: '2026-03-02', closedOn: '2026-04-01', outcome: 'approved' }),
    ], [], [], []);
    const l = r.departments[0];
    expect(l).toMatchObject({ accepted: 3, decided: 1, overdueDecided: 0 });
  });

  it('overdue: decided after the promise; open at the end with the promise passed (not on its due day)', () => {
    const r = buildReport(p, '中心', 'now', D, [
      c({ closedOn: '2026-03-21', outcome: 'approved', promisedDue: '2026-03-20' }),
      c({ promisedDue: '2026-03-30' }),
      c({ promisedDue: '2026-03-31' }),
      c({ closedOn: '2026-04-02', outcome: 'denied', promisedDue: '2026-03-25' }),
      c({ closedOn: '2026-03-10', outcome: null }), // withdrawn: not decided, not open
    ], [], [], []);
    expect(r.departments[0]).toMatchObject({ decided: 1, overdueDecided: 1, overdueOpen: 2 });
  });

  it('lights, violations, orders with answers and escalations per department; totals add up', () => {
    const r = buildReport(p, '中心', 'now', D, [], [
      s({ light: 'yellow', kind: 'urge' }), s({}), s({ answeredAt: 'x', answer: '已办' }), s({ departmentId: 'd2', escalatedAt: 'y' }),
      s({ light: 'black', kind: 'violation' }), s({ issuedOn: '2026-04-01' }),
    ], [{ departmentId: 'd2', kind: 'overdue', caseNo: 'N2', person: '张三', stepName: '审核', recordedOn: '2026-03-21' }],
    [{ departmentId: 'd1', rule: 'r', ruleLabel: '规则', caseNo: null, detectedOn: '2026-03-05', handledAt: 'z', note: '已处理' }, { departmentId: null, rule: 'r', ruleLabel: '规则', caseNo: null, detectedOn: '2026-03-06', handledAt: null, note: null }]);
    expect(r.departments.map((l) => [l.department, l.yellow, l.red, l.black, l.violations, l.orders, l.ordersAnswered, l.ordersEscalated, l.accountability, l.anomalies, l.anomaliesHandled])).toEqual([
      ['甲局', 1, 2, 1, 1, 2, 1, 0, 0, 1, 1],
      ['乙局', 0, 1, 0, 0, 1, 0, 1, 1, 0, 0],
    ]);
    expect(r.total).toMatchObject({ red: 3, orders: 3, accountability: 1, anomalies: 1 });
    expect(r.orders).toHaveLength(3);
    expect(r.anomaliesHandled).toEqual([expect.objectContaining({ department: '甲局', note: '已处理' })]);
  });
});
