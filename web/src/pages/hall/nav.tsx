/** Menu entries of the hall (used by AppLayout); labels go through the UI language. */
import { Link } from 'react-router-dom';
import { useT, zh } from '../../lib/i18n';

export function HallNav({ to, testId, zh: label }: { to: string; testId: string; zh: string }) {
  const t = useT();
  return <Link to={to} data-testid={testId}>{t(label)}</Link>;
}

type U = { role: string } | null | undefined;
export const hallMenu = (user: U): { key: string; to: string; testId: string; zh: string }[] => {
  const out = [];
  if (user && ['receiver', 'coordinator', 'chiefRep', 'centerAdmin'].includes(user.role)) out.push({ key: 'hall-window', to: '/hall/window', testId: 'nav-hall-window', zh: zh('叫号') });
  if (user?.role === 'centerAdmin') out.push({ key: 'hall-admin', to: '/hall/admin', testId: 'nav-hall-admin', zh: zh('大厅配置') });
  else if (user && ['supervisor', 'leader', 'chiefRep'].includes(user.role)) out.push({ key: 'hall-stats', to: '/hall/stats', testId: 'nav-hall-stats', zh: zh('大厅统计') });
  if (!user || user.role === 'applicant') out.push({ key: 'hall-booking', to: '/hall/booking', testId: 'nav-hall-booking', zh: zh('预约办事') });
  return out;
};
