/**
 * The parts of the portal home that wait for a second download (Fast 3G, docs/performance.md):
 * the search box's suggestions (antd AutoComplete, i.e. Select), the filter bar (Selects) and the
 * pager. Until this chunk arrives the home shows a plain search box that already takes input and
 * searches on Enter (GuideListPage `PlainSearch`); when it arrives the box keeps the text and,
 * if the visitor was typing, the focus.
 */
import { useEffect } from 'react';
import { Button, Pagination, Select, Space } from 'antd';
import { GuideSearchBox } from '../../components/GuideSearchBox';
import { useFacets, useTypeOptions } from '../../api/hooks';
import { tr, useT } from '../../lib/i18n';
import { plainSearchFocus } from './plainSearch';

type Update = (changes: Record<string, string | number | undefined>) => void;

export function SearchBox(props: Parameters<typeof GuideSearchBox>[0]) {
  useEffect(() => {
    const caret = plainSearchFocus();
    if (caret === null) return;
    const input = document.querySelector<HTMLInputElement>('[data-testid=guide-search]');
    input?.focus();
    input?.setSelectionRange(caret, caret);
  }, []);
  return <GuideSearchBox {...props} />;
}

export function FilterBar({ filters, anyFilter, update, reset }: { filters: Record<string, string>; anyFilter: boolean; update: Update; reset: () => void }) {
  const t = useT();
  const facets = useFacets();
  const typeOptions = useTypeOptions();
  return (
    <div className="bs-panel bs-filter-card bs-elderly-hide">
      <Space wrap size={[12, 8]}>
        <span data-testid="filter-department">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('实施部门')}
            aria-label={t('实施部门')}
            style={{ width: 200 }}
            loading={facets.isLoading}
            value={filters.department || undefined}
            onChange={(v) => update({ department: v })}
            options={(facets.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
          />
        </span>
        <span data-testid="filter-theme">
          <Select
            allowClear
            showSearch
            placeholder={t('主题分类')}
            aria-label={t('主题分类')}
            style={{ width: 180 }}
            value={filters.theme || undefined}
            onChange={(v) => update({ theme: v })}
            options={(facets.data?.themes ?? []).map((t) => ({ value: t, label: t }))}
          />
        </span>
        <span data-testid="filter-servedParty">
          <Select
            allowClear
            placeholder={t('服务对象')}
            aria-label={t('服务对象')}
            style={{ width: 140 }}
            value={filters.servedParty || undefined}
            onChange={(v) => update({ servedParty: v })}
            options={[
              { value: 'person', label: t('个人办事') },
              { value: 'organization', label: t('法人办事') },
            ]}
          />
        </span>
        <span data-testid="filter-type">
          <Select
            allowClear
            placeholder={t('事项类型')}
            aria-label={t('事项类型')}
            style={{ width: 160 }}
            value={filters.type || undefined}
            onChange={(v) => update({ type: v })}
            options={typeOptions}
          />
        </span>
        {anyFilter && (
          <Button onClick={reset} data-testid="filter-reset">
            {t('清除条件')}
          </Button>
        )}
      </Space>
    </div>
  );
}

export function Pager({ page, pageSize, total, update }: { page: number; pageSize: number; total: number; update: Update }) {
  return (
    <Pagination
      className="bs-items-pager"
      current={page}
      pageSize={pageSize}
      total={total}
      showSizeChanger
      showTotal={(n) => tr('共 {v0} 项', { v0: n })}
      onChange={(p, ps) => update({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps })}
    />
  );
}
