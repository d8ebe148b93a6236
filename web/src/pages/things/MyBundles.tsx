/** 我的办件 · 一件事: the applicant's bundle cases (GET /api/bundles), each leading to its progress view. */
import './things.css';
import { Card, Progress, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { formatDate, LightTag } from '../../components/CaseTags';
import { Data, useT } from '../../lib/i18n';
import { BUNDLE_STATE_COLORS, bundleStateLabel, type BundleSummary } from './api';

export function MyBundles() {
  const t = useT();
  const list = useQuery({
    queryKey: ['bundles', 'mine'],
    queryFn: ({ signal }) => api.get<{ items: BundleSummary[]; total: number }>('/api/bundles', { pageSize: 50 }, signal),
  });
  // Nothing filed as 一件事 (or the list not available): the page shows the cases alone.
  if (!list.data?.items.length) return null;
  return (
    <Card size="small" className="bs-section" title={t('一件事（{n}）', { n: list.data.total })} data-testid="my-bundles">
      <ul className="bs-bundle-list">
        {list.data.items.map((b) => (
          <li key={b.id} data-testid={`my-bundle-${b.bundleNo}`} data-state={b.state}>
            <Link to={`/my/bundles/${b.id}`} className="bs-item-link" translate="no">{b.thingName}</Link>
            <Space size={[8, 4]} wrap className="bs-bundle-list-facts">
              <Data>{b.bundleNo}</Data>
              <Tag color={BUNDLE_STATE_COLORS[b.state]}>{bundleStateLabel(b.state)}</Tag>
              {b.light && <LightTag light={b.light} short />}
              <Typography.Text>{t('提交于{d}', { d: formatDate(b.filedOn) })}</Typography.Text>
              {b.promisedDue && <Typography.Text>{t('承诺{d}前办结', { d: formatDate(b.promisedDue) })}</Typography.Text>}
            </Space>
            <Progress percent={b.partCount ? Math.round((b.partsEnded / b.partCount) * 100) : 0} size="small"
              format={() => t('{n}/{total}项', { n: b.partsEnded, total: b.partCount })} aria-label={t('办结进度')} />
          </li>
        ))}
      </ul>
    </Card>
  );
}
