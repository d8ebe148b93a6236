/**
 * Icons of the menu entries only staff (and agents) see: a chunk of their own, so the portal
 * home's first download does not carry a dozen icons no visitor is shown (navItems.tsx).
 */
import {
  AccountBookOutlined, AlertOutlined, AuditOutlined, BarChartOutlined, CalendarOutlined, FileTextOutlined, FlagOutlined, FormOutlined, IdcardOutlined,
  LikeOutlined, ProfileOutlined, TeamOutlined, TrophyOutlined,
} from '@ant-design/icons';

const ICONS = {
  accountBook: AccountBookOutlined, alert: AlertOutlined, audit: AuditOutlined, barChart: BarChartOutlined, calendar: CalendarOutlined,
  fileText: FileTextOutlined, flag: FlagOutlined, form: FormOutlined, idcard: IdcardOutlined, like: LikeOutlined, profile: ProfileOutlined,
  team: TeamOutlined, trophy: TrophyOutlined,
};
export type StaffIconName = keyof typeof ICONS;

export default function StaffIcon({ name, className }: { name: StaffIconName; className?: string }) {
  const Icon = ICONS[name];
  return <Icon className={className} />;
}
