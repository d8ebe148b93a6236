import { describe, expect, it } from 'vitest';
import { contributionOf, diff, measuresOf, zeroCounts, type CaseFacts } from './measures.js';

const base: CaseFacts = { state: 'submitted', windowId: null, acceptedOn: null, closedOn: null, outcome: null, promisedDue: null, supplementCount: 0 };
const none = () => { throw new Error('days used asked for without a decision'); };

describe('a case’s contribution and its difference', () => {
  it('counts a submission once, on the submission day', () => {
    const c = contributionOf(base, { receivedOn: '2026-03-02', supplementOn: null }, '2026-03-02', none);
    expect(diff(null, c)).toEqual({ daily: [{ day: '2026-03-02', windowId: null, counts: { ...zeroCounts(), received: 1 } }], open: [] });
  });

  it('moves the submission to the window that later takes the case in', () => {
    const before = contributionOf(base, { receivedOn: '2026-03-02', supplementOn: null }, '2026-03-02', none);
    const after = contributionOf({ ...base, windowId: 'w1', state: 'accepted', acceptedOn: '2026-03-05' }, before, '2026-03-05', none);
    const d = diff(before, after);
    expect(d.daily).toEqual([
      { day: '2026-03-02', windowId: null, counts: { ...zeroCounts(), received: -1 } },
      { day: '2026-03-02', windowId: 'w1', counts: { ...zeroCounts(), received: 1 } },
      { day: '2026-03-05', windowId: 'w1', counts: { ...zeroCounts(), accepted: 1 } },
    ]);
    expect(d.open).toEqual([{ windowId: 'w1', open: 1 }]);
  });

  it('counts only the first supplement notice', () => {
    const first = contributionOf({ ...base, state: 'awaitingSupplement', supplementCount: 1 }, { receivedOn: '2026-03-02', supplementOn: null }, '2026-03-02', none);
    const second = contributionOf({ ...base, state: 'awaitingSupplement', supplementCount: 2 }, first, '2026-03-09', none);
    expect(second.supplementOn).toBe('2026-03-02');
    expect(diff(first, second).daily).toEqual([]);
  });

  it('takes back an overturned refusal from the day it was counted', () => {
    const refused = contributionOf({ ...base, windowId: 'w1', state: 'refused', closedOn: '2026-03-02' }, { receivedOn: '2026-03-02', supplementOn: null }, '2026-03-02', none);
    const reopened = contributionOf({ ...base, windowId: 'w1', state: 'submitted' }, refused, '2026-03-12', none);
    expect(diff(refused, reopened).daily).toEqual([{ day: '2026-03-02', windowId: 'w1', counts: { ...zeroCounts(), refused: -1 } }]);
  });

  it('counts a decision on its day with on-time, first-time and days used, and keeps the counted days while it stands', () => {
    const accepted = contributionOf({ ...base, windowId: 'w1', state: 'inProgress', acceptedOn: '2026-03-02', promisedDue: '2026-03-10' }, { receivedOn: '2026-03-02', supplementOn: null }, '2026-03-02', none);
    const decided = contributionOf({ ...base, windowId: 'w1', state: 'decided', acceptedOn: '2026-03-02', closedOn: '2026-03-10', outcome: 'approved', promisedDue: '2026-03-10' }, accepted, '2026-03-10', () => 6);
    expect(decided).toMatchObject({ completedOn: '2026-03-10', onTime: true, firstTime: true, workingDaysUsed: 6, exitOn: '2026-03-10' });
    const d = diff(accepted, decided);
    expect(d.daily).toEqual([{ day: '2026-03-10', windowId: 'w1', counts: { ...zeroCounts(), completed: 1, onTime: 1, firstTime: 1, workingDaysUsed: 6, exits: 1 } }]);
    expect(d.open).toEqual([{ windowId: 'w1', open: -1 }]);
    const delivered = contributionOf({ ...base, windowId: 'w1', state: 'completed', acceptedOn: '2026-03-02', closedOn: '2026-03-10', outcome: 'approved', promisedDue: '2026-03-10' }, decided, '2026-03-12', none);
    expect(diff(decided, delivered)).toEqual({ daily: [], open: [] });
    const late = contributionOf({ ...base, state: 'decided', acceptedOn: '2026-03-02', closedOn: '2026-03-11', outcome: 'denied', promisedDue: '2026-03-10', supplementCount: 1 }, accepted, '2026-03-11', () => 7);
    expect(late).toMatchObject({ onTime: false, firstTime: false });
  });
});

describe('measures from counts', () => {
  it('derives overdue and the rates from the raw counts', () => {
    const m = measuresOf({ ...zeroCounts(), received: 8, completed: 3, onTime: 2, firstTime: 1, workingDaysUsed: 10, immediateCompleted: 1, onlineReceived: 1, inProgress: 4 });
    expect(m).toMatchObject({ overdue: 1, avgWorkingDays: 3.33, onTimeRate: 66.67, firstTimeRate: 33.33, immediateRate: 33.33, onlineRate: 12.5, inProgress: 4 });
    expect(measuresOf({ ...zeroCounts(), immediateCompleted: 0, onlineReceived: 0, inProgress: 0 })).toMatchObject({ avgWorkingDays: null, onTimeRate: null, onlineRate: null });
  });
});
