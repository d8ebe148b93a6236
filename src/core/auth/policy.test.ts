import { describe, expect, it } from 'vitest';
import { checkPolicy, type SessionUser } from './policy.js';
import { canManageAccount, checkNewAccount } from './accountRules.js';

const user = (over: Partial<SessionUser> = {}): SessionUser => ({
  id: 'u1', username: 'admin', displayName: '管理员', role: 'centerAdmin', centerId: 'county', centerScope: ['county', 'town'],
  departmentId: null, windowId: null, applicantKind: null, sessionId: 's', csrfToken: 'c', ...over,
});
const codeOf = (f: () => unknown) => { try { f(); return null; } catch (e) { return (e as { code: string }).code; } };

describe('policy with an initial password', () => {
  const pending = user({ mustChangePassword: true });
  it('refuses every route not marked beforePasswordChange', () => {
    expect(codeOf(() => checkPolicy(['centerAdmin'], pending))).toBe('password_change_required');
    expect(codeOf(() => checkPolicy('user', pending))).toBe('password_change_required');
    expect(checkPolicy('user', pending, true)).toBe(pending);
  });
  it('makes the user anonymous on public routes', () => {
    expect(checkPolicy('public', pending)).toBeNull();
    expect(checkPolicy('public', user())).toMatchObject({ id: 'u1' });
  });
  it('leaves everyone else as before', () => {
    expect(codeOf(() => checkPolicy('user', null))).toBe('unauthenticated');
    expect(codeOf(() => checkPolicy(['supervisor'], user()))).toBe('forbidden');
    expect(checkPolicy(['centerAdmin'], user())).toMatchObject({ id: 'u1' });
  });
});

describe('account scope', () => {
  const townAdmin = user({ id: 't1', centerId: 'town', centerScope: ['town', 'village'] });
  it('an admin manages staff of their center and below, never above, never applicants', () => {
    expect(canManageAccount(user(), { role: 'receiver', centerId: 'town' })).toBe(true);
    expect(canManageAccount(townAdmin, { role: 'centerAdmin', centerId: 'county' })).toBe(false);
    expect(canManageAccount(user(), { role: 'applicant', centerId: null })).toBe(false);
    expect(canManageAccount(user({ role: 'supervisor' }), { role: 'receiver', centerId: 'county' })).toBe(false);
  });
  it('a new account fits its center', () => {
    const base = { username: 'x_1', displayName: 'X', centerId: 'county' };
    expect(codeOf(() => checkNewAccount(townAdmin, { ...base, role: 'centerAdmin' }, {}))).toBe('forbidden');
    expect(codeOf(() => checkNewAccount(user(), { ...base, role: 'handler' }, {}))).toBe('department_required');
    expect(codeOf(() => checkNewAccount(user(), { ...base, role: 'handler', departmentId: 'd' }, { department: { centerId: 'town' } }))).toBe('department_not_in_center');
    expect(codeOf(() => checkNewAccount(user(), { ...base, role: 'handler', departmentId: 'd', windowId: 'w' }, { department: { centerId: 'county' }, window: { centerId: 'county', departmentId: 'other' } }))).toBe('window_of_other_department');
    expect(codeOf(() => checkNewAccount(user(), { ...base, role: 'receiver', windowId: 'w' }, { window: { centerId: 'county', departmentId: null } }))).toBeNull();
    expect(codeOf(() => checkNewAccount(user(), { ...base, role: 'applicant' }, {}))).toBe('not_a_staff_role');
  });
});
