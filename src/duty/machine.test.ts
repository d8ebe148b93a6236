import { describe, expect, it } from 'vitest';
import { LEAVE, STAFF_CHANGE, allowed, next } from './machine.js';

describe('staff-change requests', () => {
  it('only the center approves or rejects a submitted request; the department may withdraw it', () => {
    expect(next(STAFF_CHANGE, 'approve', 'submitted', ['center'])).toBe('approved');
    expect(next(STAFF_CHANGE, 'approve', 'submitted', ['department'])).toBeNull();
    expect(next(STAFF_CHANGE, 'approve', 'approved', ['center'])).toBeNull();
    expect(next(STAFF_CHANGE, 'withdraw', 'submitted', ['department'])).toBe('withdrawn');
    expect(allowed(STAFF_CHANGE, 'submitted', ['center'])).toEqual(['approve', 'reject']);
    expect(allowed(STAFF_CHANGE, 'rejected', ['center', 'department'])).toEqual([]);
  });
});

describe('leave requests', () => {
  it('department first, then the center', () => {
    expect(next(LEAVE, 'approve', 'submitted', ['center'])).toBeNull();
    expect(next(LEAVE, 'deptApprove', 'submitted', ['department'])).toBe('deptApproved');
    expect(next(LEAVE, 'approve', 'deptApproved', ['center'])).toBe('approved');
    expect(next(LEAVE, 'cancel', 'approved', ['requester'])).toBeNull();
    expect(allowed(LEAVE, 'deptApproved', ['requester'])).toEqual(['cancel']);
  });
});
