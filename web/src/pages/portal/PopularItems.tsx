/** 热门事项 on the home page: the items most applied for in the last 90 days (server-counted). */
import { Space, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useT } from '../../lib/i18n';

interface Popular { items: { code: string; name: string; cases: number }[]; days: number }

export function PopularItems() {
  const t = useT();
  const popular = useQuery({ queryKey: ['public-popular'], queryFn: ({ signal }) => api.get<Popular>('/api/public/popular', undefined, signal), staleTime: 5 * 60_000 });
  // Nothing filed yet: no block rather than a made-up list.
  if (!popular.data?.items.length) return null;
  return (
    // A plain panel, not an antd Card: Card carries Tabs, and the home page's first download stays small.
    <section className="bs-panel bs-popular" data-testid="popular-items" aria-labelledby="popular-title">
      <h2 className="bs-panel-title" id="popular-title">{t('热门事项')}</h2>
      <Space wrap size={[8, 8]}>
        {popular.data.items.map((i) => (
          <Link key={i.code} to={`/guide/${encodeURIComponent(i.code)}`} data-testid="popular-item" title={t('近{d}日{n}件', { d: popular.data.days, n: i.cases })}>
            <Tag color="volcano" style={{ fontSize: 14, padding: '4px 10px', margin: 0 }} translate="no">{i.name}</Tag>
          </Link>
        ))}
      </Space>
    </section>
  );
}
