import { api } from '../../api/client';
import type { StaffMember } from '../../api/cases';

/** Department staff to assign or hand over to (the case page prefetches it; the action and joint forms read it). */
export const staffQuery = (role?: 'handler') => ({
  queryKey: ['case-staff', role ?? 'all'],
  queryFn: () => api.get<{ users: StaffMember[] }>('/api/cases/staff', role ? { role } : undefined),
  staleTime: 5 * 60_000,
});
