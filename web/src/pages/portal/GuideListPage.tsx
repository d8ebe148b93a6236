/** Public portal: 办事指南 — search and filter the published catalog. */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Alert, Button, Empty, Spin, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { GuidePage, ItemSummary } from '../../api/types';
import { caseKindLabel, formatLimit, formatVisits, SERVED_PARTY_LABELS, typeLabel } from '../../lib/labels';
import { errorText } from '../../lib/feedback';
import { useT } from '../../lib/i18n';
import { TodayLeader } from '../duty/TodayLeader';
import { PlainSearch } from './plainSearch';
import { PopularItems } from './PopularItems';

// Suggestions, filters and the pager come in a second download, asked for as soon as this module
// runs: the first render on Fast 3G waits only for what is above the fold (GuideListExtras).
const extras = import('./GuideListExtras');
const SearchBox = lazy(() => extras.then((m) => ({ default: m.SearchBox })));
const FilterBar = lazy(() => extras.then((m) => ({ default: m.FilterBar })));
const Pager = lazy(() => extras.then((m) => ({ default: m.Pager })));

const FILTER_KEYS = ['q', 'department', 'theme', 'servedParty', 'type'] as const;

export function GuideListPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('pageSize') ?? '20') || 20;
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])) as Record<(typeof FILTER_KEYS)[number], string>;
  const [text, setText] = useState(q);
  // The box follows q when it changes from elsewhere (a suggestion, the back button), but not
  // when q catches up with a search typed here: the router commits the new URL a moment later,
  // and by then the user may already be typing the next search.
  const submitted = useRef(q);
  useEffect(() => {
    if (q !== submitted.current) setText(q);
    submitted.current = q;
  }, [q]);
  useEffect(() => {
    document.title = t('办事指南 · 政务服务中心');
  }, []);

  const list = useQuery({
    queryKey: ['public-items', filters, page, pageSize],
    queryFn: ({ signal }) => api.get<GuidePage>('/api/public/items', { ...filters, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });

  const update = (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '' || v === null) next.delete(k);
      else next.set(k, String(v));
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };

  const anyFilter = FILTER_KEYS.some((k) => filters[k]);
  const searchProps = {
    text,
    submitted: q,
    setText: (v: string) => {
      setText(v);
      if (!v && q) update({ q: undefined });
    },
    onSearch: (v: string) => {
      submitted.current = v;
      update({ q: v });
    },
  };

  return (
    <div className="bs-page">
      <div className="bs-hero">
        <Typography.Title level={2} style={{ color: '#fff', margin: 0 }}>
          {t('办事指南')}
        </Typography.Title>
        <Typography.Paragraph style={{ color: 'rgba(255,255,255,.85)', margin: '8px 0 16px' }}>
          {t('一窗受理 · 限时办结 — 查询政务服务事项的办理条件、申请材料、办理流程与承诺时限')}
        </Typography.Paragraph>
        <Suspense fallback={<PlainSearch text={text} setText={searchProps.setText} onSearch={searchProps.onSearch} />}>
          <SearchBox {...searchProps} />
        </Suspense>
      </div>

      <TodayLeader />
      {!q && <PopularItems />}
      {/* Plain panels, not antd Cards: the home page then does not load Card (and the Tabs it carries). */}
      <Suspense fallback={<div className="bs-panel bs-filter-card bs-elderly-hide" style={{ minHeight: 58 }} />}>
        <FilterBar filters={filters} anyFilter={anyFilter} update={update} reset={() => setParams(new URLSearchParams())} />
      </Suspense>

      {q && !!list.data?.suggestions?.length && (
        <Alert
          className="bs-suggest"
          type="info"
          showIcon
          data-testid="search-suggestions"
          title={
            <span>
              {list.data.items.length ? t('没有与“{q}”完全匹配的事项。', { q }) : t('没有找到“{q}”。', { q })}
              {t('您是不是要找：')}
              {list.data.suggestions.map((name) => (
                <Button key={name} type="link" onClick={() => update({ q: name })} data-testid="search-suggestion">
                  {name}
                </Button>
              ))}
            </span>
          }
        />
      )}

      {list.isError && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} />}

      <div className="bs-panel bs-panel-flush">
        <Spin spinning={list.isFetching}>
          <ul className="bs-items" data-testid="guide-table" aria-label={t('事项列表')}>
            {(list.data?.items ?? []).map((r) => <ItemRow key={r.code} item={r} />)}
          </ul>
          {list.data && !list.data.items.length && <Empty style={{ padding: 24 }} description={anyFilter ? t('没有符合条件的事项') : t('暂无已发布的事项')} />}
        </Spin>
        {!!list.data?.total && (
          <Suspense fallback={null}>
            <Pager page={list.data.page ?? page} pageSize={list.data.pageSize ?? pageSize} total={list.data.total} update={update} />
          </Suspense>
        )}
      </div>
    </div>
  );
}

/**
 * One item of the guide list. A list, not a table: on a phone its facts wrap under the name, on
 * a desktop they line up in columns (styles.css `.bs-items`); and the home page does not
 * download the table component (docs/performance.md).
 */
function ItemRow({ item: r }: { item: ItemSummary }) {
  const t = useT();
  return (
    <li className="bs-item" data-testid={`item-row-${r.code}`}>
      <div className="bs-item-main">
        <Link to={`/guide/${encodeURIComponent(r.code)}`} data-testid={`item-link-${r.code}`} className="bs-item-link" translate="no">
          {r.name}
        </Link>
        {!!r.aliases?.length && (
          <span className="bs-alias" data-testid="item-aliases" translate="no">
            {t('也称：')}
            {r.aliases.slice(0, 3).join('、')}
          </span>
        )}
        <div className="bs-sub">
          <Typography.Text type="secondary">
            {r.code} · {typeLabel(r.type)}
            {r.theme ? <span translate="no"> · {r.theme}</span> : ''}
          </Typography.Text>
        </div>
      </div>
      <dl className="bs-item-facts" data-testid="item-facts">
        <div><dt>{t('实施部门')}</dt><dd translate="no">{r.department.name}</dd></div>
        <div><dt>{t('服务对象')}</dt><dd>{SERVED_PARTY_LABELS[r.servedParty] ?? r.servedParty}</dd></div>
        <div><dt>{t('办件类型')}</dt><dd><Tag color={r.caseKind === 'immediate' ? 'green' : r.caseKind === 'joint' ? 'purple' : 'blue'}>{caseKindLabel(r.caseKind)}</Tag></dd></div>
        <div><dt>{t('承诺时限')}</dt><dd data-testid="promised-limit">{formatLimit(r.promisedLimit)}</dd></div>
        <div><dt>{t('到现场次数')}</dt><dd><Tag color={r.maxVisits === 0 ? 'green' : r.maxVisits === 1 ? 'cyan' : 'default'}>{formatVisits(r.maxVisits)}</Tag></dd></div>
      </dl>
    </li>
  );
}
