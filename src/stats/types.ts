/** Statistics vocabulary shared by the server and the web app (no Node imports). */

export const GROUP_BYS = ['none', 'day', 'month', 'center', 'department', 'window', 'item', 'kind', 'channel'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];
export const GROUP_BY_LABELS: Record<GroupBy, string> = {
  none: '合计', day: '日期', month: '月份', center: '中心', department: '部门', window: '窗口', item: '事项', kind: '办件类型', channel: '申报渠道',
};
/** The portal shows no window (people sit there) and no per-item detail beyond the department. */
export const PUBLIC_GROUP_BYS = ['none', 'month', 'department', 'kind', 'channel'] as const;
export type PublicGroupBy = (typeof PUBLIC_GROUP_BYS)[number];
