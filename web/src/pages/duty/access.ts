import type { Me } from '../../api/types';

/** 值班与考勤: every staff member (sign-in); the rest of the page decides per role. */
export function canSeeDuty(user: Me | null | undefined): boolean {
  return !!user && !['applicant', 'agent'].includes(user.role);
}
export const isCenterAdmin = (u: Me | null | undefined) => u?.role === 'centerAdmin';
export const isDeptManager = (u: Me | null | undefined) => !!u && ['chiefRep', 'leader', 'coordinator'].includes(u.role);
export const canReadDuty = (u: Me | null | undefined) => !!u && ['centerAdmin', 'supervisor', 'chiefRep', 'leader', 'coordinator'].includes(u.role);

export const thisMonth = (d = new Date()) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
export const nextMonthOf = (m: string) => {
  const [y, mm] = m.split('-').map(Number);
  return mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`;
};
