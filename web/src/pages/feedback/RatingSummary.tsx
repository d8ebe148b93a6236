/** The portal's rating summary of an item and its department (好评率 and how many ratings). */
import { Tag, Tooltip } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useT } from '../../lib/i18n';

interface Summary { items: { key: string; label: string; rated: number; goodRate: number | null; avgGrade: number | null }[] }

export function RatingSummary({ itemCode, departmentId }: { itemCode: string; departmentId?: string }) {
  const t = useT();
  const item = useQuery({ queryKey: ['rating-summary', 'item', itemCode], queryFn: ({ signal }) => api.get<Summary>('/api/public/feedback/summary', { groupBy: 'item', itemCode }, signal) });
  const dept = useQuery({
    queryKey: ['rating-summary', 'department', departmentId],
    queryFn: ({ signal }) => api.get<Summary>('/api/public/feedback/summary', { groupBy: 'department', departmentId }, signal),
    enabled: !!departmentId,
  });
  const i = item.data?.items[0];
  const d = dept.data?.items[0];
  return (
    <>
      <Tooltip title={t('好评率 = (非常满意 + 满意) ÷ 评价数')}>
        <Tag color="green" data-testid="item-rating">{i ? t('好评率 {r}%（{n}条评价）', { r: i.goodRate?.toFixed(2) ?? '—', n: i.rated }) : t('暂无评价')}</Tag>
      </Tooltip>
      {d && <Tag color="cyan" data-testid="dept-rating">{t('{dept}好评率 {r}%（{n}条）', { dept: d.label, r: d.goodRate?.toFixed(2) ?? '—', n: d.rated })}</Tag>}
    </>
  );
}
