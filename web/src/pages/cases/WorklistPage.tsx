/** 办件 worklist (all staff roles): most urgent first, filters, keyset "加载更多". */
import { useEffect, useState, type HTMLAttributes, type MouseEvent } from 'react';
import { Alert, Button, Card, Checkbox, Empty, Input, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { CaseRow, Light } from '../../api/cases';
import { useCaseList } from '../../api/useCaseList';
import { useSession } from '../../auth/session';
import { formatDate, LightTag, LIGHT_SHORT, StateTag } from '../../components/CaseTags';
import { errorText } from '../../lib/feedback';
import { CASE_STATES } from '../../../../src/cases/types';
import { CASE_STATE_LABELS, PART_STATUS_LABELS } from '../../lib/labels';
import { Data, useT } from '../../lib/i18n';

const LIGHT_DOT: Record<Light, string> = { green: '#389e0d', yellow: '#faad14', red: '#cf1322', black: '#262626' };

export function WorklistPage() {
  const t = useT();
  const { user } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const state = params.get('state') ?? '';
  const light = params.get('light') ?? '';
  const mine = params.get('mine') === '1';
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  useEffect(() => {
    document.title = t('办件 · 政务服务中心');
  }, []);

  const list = useCaseList({ state: state || undefined, light: light || undefined, assignee: mine ? 'me' : undefined, q: q || undefined, limit: 50 });

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (!v) next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };

  const stateOptions = [
    { value: '', label: t('未办结（全部进行中）') },
    ...CASE_STATES.map((s) => ({ value: s, label: CASE_STATE_LABELS[s] })),
    { value: 'all', label: t('全部（含已办结）') },
  ];

  return (
    <div className="bs-page" data-testid="worklist-page">
      <div className="bs-page-head">
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('办件')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('绿色通道（重点项目）优先，其余按承诺办结日由近及远排列；联办任务按本部门意见出具期限排列')}</Typography.Text>
        </div>
        <Space>
          {user?.role === 'receiver' && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/workbench/intake')} data-testid="worklist-new-intake">
              {t('窗口受理')}
            </Button>
          )}
          <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()} loading={list.isRefetching && !list.isFetchingNextPage} data-testid="worklist-refresh">
            {t('刷新')}
          </Button>
        </Space>
      </div>

      <Card size="small" className="bs-filter-card">
        <Space wrap size={[16, 8]}>
          <Space.Compact style={{ width: 300 }}>
            <Input
              allowClear
              placeholder={t('办件编号 / 事项名称 / 申请人')}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                if (!e.target.value) update({ q: undefined });
              }}
              onPressEnter={() => update({ q: text.trim() || undefined })}
              data-testid="worklist-search"
            />
            <Button icon={<SearchOutlined />} onClick={() => update({ q: text.trim() || undefined })} data-testid="worklist-search-button" />
          </Space.Compact>
          <Space size={6}>
            <Typography.Text type="secondary">{t('状态')}</Typography.Text>
            <Select
              style={{ width: 200 }}
              value={state}
              options={stateOptions}
              onChange={(v: string) => update({ state: v || undefined })}
              data-testid="worklist-filter-state"
            />
          </Space>
          <Space size={6}>
            <Typography.Text type="secondary">{t('亮灯')}</Typography.Text>
            <Radio.Group
              optionType="button"
              size="middle"
              value={light}
              onChange={(e) => update({ light: e.target.value || undefined })}
              data-testid="worklist-filter-light"
            >
              <Radio.Button value="" data-testid="worklist-light-any">
                {t('全部')}
              </Radio.Button>
              {(['green', 'yellow', 'red', 'black'] as const).map((l) => (
                <Radio.Button key={l} value={l} data-testid={`worklist-light-${l}`}>
                  <span className="bs-light-dot" style={{ background: LIGHT_DOT[l] }} />
                  {LIGHT_SHORT[l]}
                </Radio.Button>
              ))}
            </Radio.Group>
          </Space>
          <Checkbox checked={mine} onChange={(e) => update({ mine: e.target.checked ? '1' : undefined })} data-testid="worklist-filter-mine">
            {t('我的待办')}
          </Checkbox>
        </Space>
      </Card>

      {list.isError && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 12 }} data-testid="worklist-error" />}

      <Card size="small">
        <Table<CaseRow>
          rowKey="id"
          size="middle"
          loading={list.isLoading || (list.isFetching && !list.isFetchingNextPage && list.isPlaceholderData)}
          dataSource={list.rows}
          pagination={false}
          scroll={{ x: 1100 }}
          data-testid="worklist-table"
          locale={{ emptyText: <Empty description={t('没有符合条件的办件')} /> }}
          onRow={(r) =>
            ({
              'data-testid': `case-row-${r.caseNo}`,
              'data-state': r.state,
              className: 'bs-click-row',
              onClick: (e: MouseEvent) => {
                if ((e.target as HTMLElement).closest('a')) return;
                navigate(`/cases/${r.id}`);
              },
            }) as HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: t('办件编号'),
              dataIndex: 'caseNo',
              width: 190,
              fixed: 'left',
              render: (v: string, r) => (
                <Link to={`/cases/${r.id}`} data-testid={`case-link-${r.caseNo}`}>
                  {v}
                </Link>
              ),
            },
            {
              title: t('事项'),
              dataIndex: 'itemName',
              ellipsis: true,
              render: (v: string, r) => (
                <span>
                  {r.keyProject && (
                    <Tag color="magenta" data-testid={`case-green-${r.caseNo}`}>
                      {t('绿色通道·重点项目')}
                    </Tag>
                  )}
                  <Data>{v}</Data>
                  {r.part && (
                    <div data-testid={`case-part-${r.caseNo}`}>
                      <Tag color="blue">{t('联办任务')}</Tag>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        <Data>{r.part.task}</Data> · {PART_STATUS_LABELS[r.part.state] ?? r.part.stateLabel}{' '}{t('· 意见期限')}{' '}{formatDate(r.part.subDue)}
                      </Typography.Text>
                    </div>
                  )}
                </span>
              ),
            },
            { title: t('申请人'), dataIndex: 'applicantName', width: 110, render: (v: string) => <Data>{v}</Data> },
            { title: t('部门'), key: 'dept', width: 140, ellipsis: true, render: (_: unknown, r) => <Data>{r.department?.name}</Data> },
            {
              title: t('状态'),
              dataIndex: 'state',
              width: 150,
              render: (v: string, r) => <StateTag state={v} label={r.stateLabel} testId={`case-state-${r.caseNo}`} />,
            },
            { title: t('受理日期'), dataIndex: 'acceptedOn', width: 110, render: (v: string | null) => formatDate(v) },
            { title: t('承诺办结日'), dataIndex: 'promisedDue', width: 110, render: (v: string | null, r) => (r.acceptBy ? <DueCell acceptBy={r.acceptBy} /> : formatDate(v)) },
            { title: t('亮灯'), dataIndex: 'light', width: 70, align: 'center', render: (v: CaseRow['light'], r) => <LightTag light={v} short testId={`case-light-${r.caseNo}`} /> },
            { title: t('承办人'), key: 'assignee', width: 100, render: (_: unknown, r) => r.assignee ? <Data>{r.assignee.displayName}</Data> : <Typography.Text type="secondary">—</Typography.Text> },
          ]}
        />
        <div className="bs-list-foot">
          <Typography.Text type="secondary" data-testid="worklist-count">
            {t('已加载 {n} 件', { n: list.rows.length })}{list.hasNextPage ? t('，还有更多') : ''}
          </Typography.Text>
          {list.hasNextPage && (
            <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="worklist-load-more">
              {t('加载更多')}
            </Button>
          )}
        </div>
      </Card>
    </div>
  );
}

/** A case waiting at the desk shows the acceptance decision's deadline instead (接件 → 受理). */
function DueCell({ acceptBy }: { acceptBy: string }) {
  const t = useT();
  return <Typography.Text type="secondary" data-testid="worklist-accept-by">{t('待受理，期限 {d}', { d: formatDate(acceptBy) })}</Typography.Text>;
}
