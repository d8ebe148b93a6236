import { describe, expect, it } from 'vitest';
import {
  DEFAULT_AWARDS, DEFAULT_SCHEMES, SUBJECT_TYPES, applyRule, awardCandidates, clampTotal, describeRule, periodRange, rank, rateOf, round2, schemeProblems, scoreSubject, trendOf,
  type MetricValue, type RankedSubject,
} from './rules.js';
import { allowedPeriodActions, appealOpen, checkAppeal, checkPeriod } from './machine.js';

const count = (n: number): MetricValue => ({ kind: 'count', count: n });
const rate = (num: number, den: number): MetricValue => ({ kind: 'rate', num, den });

describe('perUnit', () => {
  it('multiplies, with a free allowance and a cap on the magnitude', () => {
    expect(applyRule({ kind: 'perUnit', points: -2 }, count(3))).toBe(-6);
    expect(applyRule({ kind: 'perUnit', points: -2, cap: 5 }, count(3))).toBe(-5);
    expect(applyRule({ kind: 'perUnit', points: 1, free: 1 }, count(3))).toBe(2);
    expect(applyRule({ kind: 'perUnit', points: 1, free: 5 }, count(3))).toBe(0);
    expect(applyRule({ kind: 'perUnit', points: 1, cap: 5 }, count(9))).toBe(5);
    expect(applyRule({ kind: 'perUnit', points: -0.5 }, count(0))).toBe(0);
    expect(Object.is(applyRule({ kind: 'perUnit', points: -0.5 }, count(0)), -0)).toBe(false);
  });
  it('applies to a rate in percentage points', () => {
    expect(applyRule({ kind: 'perUnit', points: 0.1 }, rate(1, 2))).toBe(5);
  });
});

describe('thresholds', () => {
  const rule = { kind: 'thresholds' as const, bands: [{ min: 80, points: -1 }, { min: 95, points: 0 }, { min: 0, points: -3 }] };
  it('takes the highest band reached, whatever the order given', () => {
    expect(applyRule(rule, rate(96, 100))).toBe(0);
    expect(applyRule(rule, rate(95, 100))).toBe(0);
    expect(applyRule(rule, rate(949, 1000))).toBe(-1);
    expect(applyRule(rule, rate(1, 100))).toBe(-3);
  });
  it('scores 0 under every band, and with no data', () => {
    expect(applyRule({ kind: 'thresholds', bands: [{ min: 3, points: -4 }, { min: 1, points: -1 }] }, count(0))).toBe(0);
    expect(applyRule({ kind: 'thresholds', bands: [{ min: 3, points: -4 }, { min: 1, points: -1 }] }, count(2))).toBe(-1);
    expect(applyRule({ kind: 'thresholds', bands: [{ min: 3, points: -4 }, { min: 1, points: -1 }] }, count(7))).toBe(-4);
    expect(applyRule(rule, rate(0, 0))).toBe(0);
  });
});

describe('target', () => {
  it('deducts per percentage point short, capped; a bonus at or above the target', () => {
    expect(applyRule({ kind: 'target', target: 100, perPoint: 0.5, cap: 20 }, rate(2, 3))).toBe(-16.67);
    expect(applyRule({ kind: 'target', target: 100, perPoint: 0.5, cap: 10 }, rate(2, 3))).toBe(-10);
    expect(applyRule({ kind: 'target', target: 50, perPoint: 1, bonus: 0.5 }, rate(1, 2))).toBe(0.5);
    expect(applyRule({ kind: 'target', target: 50, perPoint: 1 }, rate(3, 4))).toBe(0);
    expect(applyRule({ kind: 'target', target: 10, perPoint: 0.1, cap: 1 }, rate(0, 5))).toBe(-1);
    expect(applyRule({ kind: 'target', target: 95, perPoint: -1 }, rate(90, 100))).toBe(-5);
  });
  it('no decided cases: no data, no points', () => {
    expect(rateOf({ num: 0, den: 0 })).toBeNull();
    expect(applyRule({ kind: 'target', target: 100, perPoint: 1 }, rate(0, 0))).toBe(0);
  });
});

describe('rounding and totals', () => {
  it('rounds half away from zero to 2 decimals', () => {
    expect(round2(16.665)).toBe(16.67);
    expect(round2(-16.665)).toBe(-16.67);
    expect(round2(0.1 + 0.2)).toBe(0.3);
    expect(rateOf({ num: 2, den: 3 })).toBe(66.67);
  });
  it('clamps the total to floor and ceiling', () => {
    expect(clampTotal({ floor: 0 }, -5)).toBe(0);
    expect(clampTotal({ ceiling: 100 }, 102)).toBe(100);
    expect(clampTotal({ floor: null, ceiling: null }, 101.234)).toBe(101.23);
  });
  it('scores a subject: base + every line', () => {
    const r = scoreSubject({ baseScore: 100, lines: [
      { key: 'a', label: 'A', metric: 'overdueCases', rule: { kind: 'perUnit', points: -2 } },
      { key: 'b', label: 'B', metric: 'praise', rule: { kind: 'perUnit', points: 1 } },
      { key: 'c', label: 'C', metric: 'onTimeRate', rule: { kind: 'target', target: 100, perPoint: 1 } },
    ] }, (m) => (m === 'overdueCases' ? count(2) : m === 'praise' ? count(1) : rate(9, 10)));
    expect(r.lines.map((l) => l.points)).toEqual([-4, 1, -10]);
    expect(r.total).toBe(87);
  });
});

describe('schemes', () => {
  it('the default schemes are valid for their subject type', () => {
    for (const t of SUBJECT_TYPES) expect(schemeProblems(t, DEFAULT_SCHEMES[t])).toEqual([]);
    expect(DEFAULT_SCHEMES.window.baseScore).toBe(100);
  });
  it('refuses metrics that do not apply, targets on counts, duplicate keys', () => {
    expect(schemeProblems('staff', { baseScore: 100, lines: [{ key: 'p', label: 'p', metric: 'patrolFindings', rule: { kind: 'perUnit', points: -1 } }] })).toHaveLength(1);
    expect(schemeProblems('window', { baseScore: 100, lines: [{ key: 'p', label: 'p', metric: 'praise', rule: { kind: 'target', target: 1, perPoint: 1 } }] })).toHaveLength(1);
    expect(schemeProblems('window', { baseScore: 100, lines: [1, 2].map(() => ({ key: 'p', label: 'p', metric: 'praise' as const, rule: { kind: 'perUnit' as const, points: 1 } })) })).toHaveLength(1);
  });
  it('describes rules in words', () => {
    expect(describeRule({ kind: 'perUnit', points: -2, cap: 10 })).toBe('每件扣2分，最多10分');
    expect(describeRule({ kind: 'target', target: 95, perPoint: 0.5 })).toBe('目标95%，每低1个百分点扣0.5分');
  });
});

describe('periods, ranks, awards, trend', () => {
  it('period keys', () => {
    expect(periodRange('month', '2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodRange('month', '2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodRange('quarter', '2026-Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodRange('year', '2026')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodRange('month', '2026-13')).toBeNull();
    expect(periodRange('quarter', '2026-Q5')).toBeNull();
  });
  it('equal totals share a rank', () => {
    expect(rank([{ name: '乙', total: 90 }, { name: '甲', total: 95 }, { name: '丙', total: 90 }, { name: '丁', total: 80 }]).map((r) => [r.name, r.rank]))
      .toEqual([['甲', 1], ['丙', 2], ['乙', 2], ['丁', 4]]);
  });
  it('award candidates: top N, minimum score, no violation', () => {
    const ranked: RankedSubject[] = [
      { subjectId: 'a', name: 'A', total: 99, rank: 1, counts: { violations: 1 } },
      { subjectId: 'b', name: 'B', total: 98, rank: 2, counts: { violations: 0, complaints: 0 } },
      { subjectId: 'c', name: 'C', total: 94, rank: 3, counts: {} },
      { subjectId: 'd', name: 'D', total: 93, rank: 4, counts: {} },
    ];
    expect(awardCandidates({ key: 'k', name: 'n', subject: 'window', topN: 3, minScore: 95, noViolation: true }, ranked).map((s) => s.subjectId)).toEqual(['b']);
    expect(awardCandidates({ key: 'k', name: 'n', subject: 'window', topN: 3 }, ranked).map((s) => s.subjectId)).toEqual(['a', 'b', 'c']);
    expect(awardCandidates({ key: 'k', name: 'n', subject: 'window', topN: 4, noViolation: true, cleanMetrics: ['badReviews'] }, ranked)).toHaveLength(4);
    expect(DEFAULT_AWARDS.map((a) => a.name)).toEqual(['文明(示范)窗口', '行风示范窗口', '青年文明号', '五星级窗口', '服务标兵/先进个人']);
  });
  it('trend against the previous period', () => {
    expect(trendOf(95.5, 93)).toBe(2.5);
    expect(trendOf(90, undefined)).toBeNull();
  });
});

describe('state machines', () => {
  it('period: draft → computed → frozen → published, by the office only', () => {
    expect(checkPeriod('compute', 'draft', 'centerAdmin')).toEqual({ ok: true, to: 'computed' });
    expect(checkPeriod('compute', 'computed', 'centerAdmin')).toEqual({ ok: true, to: 'computed' });
    expect(checkPeriod('compute', 'frozen', 'centerAdmin').ok).toBe(false);
    expect(checkPeriod('freeze', 'draft', 'centerAdmin').ok).toBe(false);
    expect(checkPeriod('publish', 'frozen', 'centerAdmin')).toEqual({ ok: true, to: 'published' });
    expect(checkPeriod('compute', 'draft', 'supervisor')).toMatchObject({ ok: false, refusal: { status: 403 } });
    expect(allowedPeriodActions('computed', 'centerAdmin')).toEqual(['compute', 'addManual', 'removeManual', 'freeze']);
    expect(allowedPeriodActions('published', 'centerAdmin')).toEqual([]);
  });
  it('appeal: filed → decided; the window follows the published date', () => {
    expect(checkAppeal('file', null, 'receiver')).toEqual({ ok: true, to: 'filed' });
    expect(checkAppeal('file', null, 'supervisor').ok).toBe(false);
    expect(checkAppeal('decide', 'filed', 'centerAdmin')).toEqual({ ok: true, to: 'decided' });
    expect(checkAppeal('decide', 'decided', 'centerAdmin').ok).toBe(false);
    expect(appealOpen('published', '2026-04-08', '2026-04-08')).toBe(true);
    expect(appealOpen('published', '2026-04-09', '2026-04-08')).toBe(false);
    expect(appealOpen('frozen', '2026-04-01', '2026-04-08')).toBe(false);
  });
});
