import { describe, expect, it } from 'vitest';
import { ITEM_TYPE_CODES, type Limit } from '../catalog/types.js';
import { DEPARTMENT_ROLES, ROLES } from '../core/auth/roles.js';
import { creditCodeMessage, idNumberMessage, phoneMessage } from '../core/identity/index.js';
import { centers, departments, items, REQUIRED_ACCOUNTS, users, windows, COUNTY_DIVISION_CODE } from './data/index.js';

/** Longest calendar span N working days can take (weekends plus a 9-day holiday block). */
const maxCalendarSpan = (workingDays: number) => workingDays + 2 * Math.ceil(workingDays / 5) + 9;

/** promised ≤ statutory; onTheSpot ≤ anything; mixed units compared in the worst case. */
function withinStatutory(promised: Limit, statutory: Limit): boolean {
  if (promised.unit === 'onTheSpot') return true;
  if (statutory.unit === 'onTheSpot') return false;
  if (promised.unit === statutory.unit) return promised.value <= statutory.value;
  if (promised.unit === 'workingDays') return maxCalendarSpan(promised.value) <= statutory.value;
  return promised.value <= statutory.value; // calendar days promised vs working days statutory
}

const TODAY = '2026-01-01';
const validIdNumber = (id: string) => idNumberMessage(id, TODAY, 'resident') === null;
const validUscc = (code: string) => creditCodeMessage(code) === null;

const deptKeys = new Set(departments.map((d) => d.key));
const centerKeys = new Set(centers.map((c) => c.key));

describe('demo org', () => {
  it('has a county → town → village tree', () => {
    expect(centers.filter((c) => c.level === 'county')).toHaveLength(1);
    expect(centers.filter((c) => c.level === 'town')).toHaveLength(1);
    expect(centers.filter((c) => c.level === 'village')).toHaveLength(2);
    expect(centerKeys.size).toBe(centers.length);
    const parentLevel = { county: null, town: 'county', village: 'town', city: null } as const;
    for (const c of centers) {
      if (c.parentKey === null) {
        expect(c.level).toBe('county');
        continue;
      }
      const parent = centers.find((p) => p.key === c.parentKey);
      expect(parent, c.key).toBeDefined();
      expect(parent!.level).toBe(parentLevel[c.level]);
      expect(c.divisionCode.startsWith(parent!.divisionCode), c.key).toBe(true);
    }
    expect(centers.find((c) => c.level === 'county')!.divisionCode).toMatch(/^\d{6}$/);
    for (const c of centers) expect(c.sessions.length).toBeGreaterThan(0);
  });

  it('departments have unique two-letter codes, key = shortCode, in an existing center', () => {
    expect(deptKeys.size).toBe(departments.length);
    for (const d of departments) {
      expect(d.key).toBe(d.shortCode);
      expect(d.shortCode).toMatch(/^[A-Z]{2}$/);
      expect(centerKeys.has(d.centerKey)).toBe(true);
    }
    for (const code of ['MZ', 'SC', 'ZR', 'ZJ', 'RS', 'GA', 'WJ', 'SW', 'HB']) expect(deptKeys.has(code), code).toBe(true);
  });

  it('windows: unique number and name per center; kinds consistent; one specialized window per department', () => {
    for (const key of centerKeys) {
      const ws = windows.filter((w) => w.centerKey === key);
      expect(new Set(ws.map((w) => w.number)).size, key).toBe(ws.length);
      expect(new Set(ws.map((w) => w.name)).size, key).toBe(ws.length);
    }
    for (const w of windows) {
      expect(centerKeys.has(w.centerKey)).toBe(true);
      expect(Number.isInteger(w.number) && w.number > 0).toBe(true);
      if (w.kind === 'specialized') expect(deptKeys.has(w.departmentKey!), w.name).toBe(true);
      else expect(w.departmentKey, w.name).toBeUndefined();
    }
    const county = windows.filter((w) => w.centerKey === 'county');
    expect(county.filter((w) => w.kind === 'comprehensive').length).toBeGreaterThanOrEqual(2);
    expect(county.filter((w) => w.kind === 'themed').length).toBeGreaterThanOrEqual(1);
    for (const d of departments) expect(county.filter((w) => w.departmentKey === d.key), d.key).toHaveLength(1);
    expect(windows.some((w) => w.centerKey === 'town1')).toBe(true);
  });

  it('users: unique usernames; every center, department and window reference exists', () => {
    expect(new Set(users.map((u) => u.username)).size).toBe(users.length);
    for (const u of users) {
      expect(ROLES).toContain(u.role);
      expect(u.note.length, u.username).toBeGreaterThan(0);
      if (u.role === 'applicant') {
        expect(u.centerKey, u.username).toBeNull();
      } else {
        expect(centerKeys.has(u.centerKey!), u.username).toBe(true);
      }
      if (DEPARTMENT_ROLES.includes(u.role)) expect(deptKeys.has(u.departmentKey!), u.username).toBe(true);
      else expect(u.departmentKey, u.username).toBeUndefined();
      if (u.windowNumber !== undefined) {
        const w = windows.find((x) => x.centerKey === u.centerKey && x.number === u.windowNumber);
        expect(w, u.username).toBeDefined();
        if (w!.departmentKey) expect(u.departmentKey, u.username).toBe(w!.departmentKey);
      }
      if (u.phone !== undefined) expect(phoneMessage(u.phone!), u.username).toBeNull();
    }
  });

  it('the ten required demo accounts exist with the right roles', () => {
    expect(Object.keys(REQUIRED_ACCOUNTS)).toHaveLength(10);
    for (const [username, role] of Object.entries(REQUIRED_ACCOUNTS)) {
      const u = users.find((x) => x.username === username);
      expect(u, username).toBeDefined();
      expect(u!.role, username).toBe(role);
    }
    const by = (n: string) => users.find((u) => u.username === n)!;
    expect(by('admin').centerKey).toBe('county');
    expect(by('super1').centerKey).toBe('county');
    expect(by('window1')).toMatchObject({ centerKey: 'county', windowNumber: 1 });
    expect(windows.find((w) => w.centerKey === 'county' && w.number === 1)!.kind).toBe('comprehensive');
    for (const n of ['coord1', 'handler1', 'chief1', 'leader1']) expect(by(n).departmentKey, n).toBe('MZ');
    expect(by('agent1').centerKey).toBe('village1');
    expect(by('agent2')).toMatchObject({ role: 'agent', centerKey: 'village2' });
    expect(by('window2')).toMatchObject({ role: 'receiver', centerKey: 'county' });
    expect(by('town_window1')).toMatchObject({ role: 'receiver', centerKey: 'town1' });
    expect(by('citizen1').applicantKind).toBe('person');
    expect(by('company1').applicantKind).toBe('organization');
  });

  it('applicants carry valid ID numbers / credit codes and 11-digit phones', () => {
    for (const u of users.filter((x) => x.role === 'applicant')) {
      expect(phoneMessage(u.phone!), u.username).toBeNull();
      if (u.applicantKind === 'person') expect(validIdNumber(u.idNumber!), u.username).toBe(true);
      else if (u.applicantKind === 'organization') expect(validUscc(u.idNumber!), u.username).toBe(true);
      else throw new Error(`${u.username} has no applicantKind`);
    }
  });

  it('every department has a coordinator, handler, chief representative and leader', () => {
    for (const d of departments) {
      for (const role of DEPARTMENT_ROLES) {
        expect(users.some((u) => u.departmentKey === d.key && u.role === role), `${d.key} ${role}`).toBe(true);
      }
    }
    for (const role of ROLES) expect(users.some((u) => u.role === role), role).toBe(true);
    for (const v of centers.filter((c) => c.level === 'village')) {
      expect(users.some((u) => u.role === 'agent' && u.centerKey === v.key), v.key).toBe(true);
    }
  });
});

describe('demo items', () => {
  it('has at least 38 items with unique (dept, seq) and item codes', () => {
    expect(items.length).toBeGreaterThanOrEqual(38);
    const keys = items.map((i) => `${i.dept}-${i.seq}`);
    expect(new Set(keys).size).toBe(items.length);
    const codes = items.map((i) => `${COUNTY_DIVISION_CODE}00${i.dept}-${ITEM_TYPE_CODES[i.type]}-${String(i.seq).padStart(4, '0')}`);
    for (const c of codes) expect(c).toMatch(/^\d{8}[A-Z]{2}-[A-Z]{2}-\d{4}$/);
    expect(new Set(codes).size).toBe(items.length);
    // seq runs 1..n within each department
    for (const d of departments) {
      const seqs = items.filter((i) => i.dept === d.key).map((i) => i.seq).sort((a, b) => a - b);
      expect(seqs, d.key).toEqual(seqs.map((_, k) => k + 1));
    }
    expect(new Set(items.map((i) => i.name)).size).toBe(items.length);
  });

  it('promised ≤ statutory for every item', () => {
    for (const i of items) expect(withinStatutory(i.promisedLimit, i.statutoryLimit), i.name).toBe(true);
  });

  it('every dept and joint dept exists', () => {
    for (const i of items) {
      expect(deptKeys.has(i.dept), i.name).toBe(true);
      for (const j of i.joint ?? []) {
        expect(deptKeys.has(j.dept), `${i.name} → ${j.dept}`).toBe(true);
        expect(j.dept, i.name).not.toBe(i.dept);
      }
    }
  });

  it('case kinds are consistent with limits, joint participants and special procedures', () => {
    for (const i of items) {
      if (i.caseKind === 'immediate') expect(i.promisedLimit, i.name).toEqual({ value: 0, unit: 'onTheSpot' });
      else expect(i.promisedLimit.unit, i.name).not.toBe('onTheSpot');
      if (i.caseKind === 'joint') {
        expect(i.joint?.length, i.name).toBeGreaterThan(0);
        expect(new Set(i.joint!.map((j) => j.dept)).size, i.name).toBe(i.joint!.length);
        for (const j of i.joint!) {
          expect(j.subLimitWorkingDays, i.name).toBeGreaterThan(0);
          expect(i.promisedLimit.unit).toBe('workingDays');
          expect(j.subLimitWorkingDays, `${i.name} ${j.dept}`).toBeLessThanOrEqual(i.promisedLimit.value);
        }
      } else {
        expect(i.joint, i.name).toBeUndefined();
      }
      if (i.caseKind === 'reportUp') expect(i.specialProcedures, i.name).toContain('reportUp');
      if (i.overdueDefault === 'deemedApproved') expect(i.caseKind, i.name).toBe('joint');
    }
  });

  it('has at least one item of each case kind, a key project and some unpublished items', () => {
    for (const kind of ['immediate', 'promised', 'joint', 'reportUp'] as const) {
      expect(items.some((i) => i.caseKind === kind), kind).toBe(true);
    }
    expect(items.some((i) => i.keyProject && i.caseKind === 'joint')).toBe(true);
    const unpublished = items.filter((i) => (i.status ?? 'published') !== 'published');
    expect(unpublished.length).toBeGreaterThanOrEqual(2);
    expect(unpublished.some((i) => i.status === 'submitted')).toBe(true);
    expect(items.some((i) => i.statutoryLimit.unit === 'calendarDays')).toBe(true);
    expect(items.some((i) => i.entryMode === 'notEntered')).toBe(true);
    expect(items.some((i) => i.conditionalAcceptance && i.materials.some((m) => !m.major))).toBe(true);
  });

  it('materials: 3–8 per item, unique ids, well-formed', () => {
    for (const i of items) {
      expect(i.materials.length, i.name).toBeGreaterThanOrEqual(3);
      expect(i.materials.length, i.name).toBeLessThanOrEqual(8);
      const ids = i.materials.map((m) => m.id);
      expect(new Set(ids).size, `${i.name}: ${ids.join(',')}`).toBe(ids.length);
      for (const m of i.materials) {
        expect(m.id, i.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(m.copies, m.id).toBeGreaterThanOrEqual(1);
        if (m.required === 'conditional') expect(m.condition, `${i.name} ${m.id}`).toBeTruthy();
        else expect(m.condition, `${i.name} ${m.id}`).toBeUndefined();
        if (m.source === 'sharing') expect(m.sourceAgency, `${i.name} ${m.id}`).toBeTruthy();
      }
      expect(i.materials.some((m) => m.major), i.name).toBe(true);
    }
  });

  it('procedures start at the window and fit in the promised limit', () => {
    for (const i of items) {
      expect(i.procedure[0]!.role, i.name).toBe('receiver');
      expect(i.procedure.length, i.name).toBeGreaterThanOrEqual(2);
      const days = i.procedure.reduce((a, s) => a + (s.workingDays ?? 0), 0);
      if (i.promisedLimit.unit === 'onTheSpot') expect(days, i.name).toBe(0);
      if (i.promisedLimit.unit === 'workingDays') expect(days, i.name).toBeLessThanOrEqual(i.promisedLimit.value);
    }
  });

  it('windows, centers and entry modes are consistent', () => {
    for (const i of items) {
      const at = i.acceptedAt ?? ['county'];
      for (const c of at) expect(centerKeys.has(c), `${i.name} ${c}`).toBe(true);
      if (i.entryMode === 'notEntered') expect(i.notEnteredReason, i.name).toBeTruthy();
      else expect(i.notEnteredReason, i.name).toBeUndefined();
      if (i.entryMode === 'notEntered' || i.entryMode === 'networkOnly') expect(i.windowNames, i.name).toEqual([]);
      else expect(i.windowNames.length, i.name).toBeGreaterThan(0);
      for (const name of i.windowNames) {
        expect(windows.some((w) => w.name === name && at.includes(w.centerKey)), `${i.name} ${name}`).toBe(true);
      }
      expect(i.responsiblePerson, i.name).toBeTruthy();
      expect(i.legalBasis, i.name).toMatch(/《.+》/);
      expect(i.contact.phone && i.contact.address && i.contact.hours && i.contact.complaintPhone, i.name).toBeTruthy();
      if (!i.fees.free) expect(i.fees.items.length, i.name).toBeGreaterThan(0);
      for (const f of i.fees.items) expect(f.basis, i.name).toMatch(/《.+》/);
    }
  });
});
