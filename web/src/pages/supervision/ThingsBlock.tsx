/**
 * 一件事 on the supervision board (issue 24): per thing, the running bundles by light, the
 * on-time share and the average end-to-end working days against the promised total and the
 * sum of the parts (the board's `things` section); below, the running bundles, red first.
 */
import { useState } from 'react';
import { Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { Data, useT, zh } from '../../lib/i18n';

type Light = 'green' | 'yellow' | 'red';
export interface ThingFigures {
  filed: number; ended: number; completed: number; onTime: number; onTimeShare: number | null;
  avgDays: number | null; maxDays: number | null; avgPromisedDays: number | null; avgSumDays: number | null;
  running: Record<Light | 'total', number>;
}
export interface ThingLine extends ThingFigures { thingId: string; thingCode: string; thingName: string }
export interface ThingsSection { things: ThingLine[]; total: ThingFigures }
interface Running {
  id: string; bundleNo: string; thingName: string; applicantName: string; filedOn: string; promisedDue: string; daysLeft: number;
  leadDepartment: { id: string; name: string }; partCount: number; partsEnded: number; light: Light;
}
interface RunningList { today: string; counts: Record<Light, number>; total: number; page: number; pageSize: number; items: Running[] }

export const LIGHT_TAGS: Record<Light, [string, string]> = { green: [zh('绿灯'), 'green'], yellow: [zh('黄灯'), 'gold'], red: [zh('红灯'), 'red'] };
const num = (v: number | null) => (v === null ? '—' : Number.isInteger(v) ? String(v) : v.toFixed(2));

/** The running bundles of one light, as three tags with their counts. */
export function LightCounts({ running, testId }: { running: Record<Light, number>; testId?: string }) {
  const t = useT();
  return (
    <Space size={4} wrap data-testid={testId}>
      {(['red', 'yellow', 'green'] as const).map((l) => (
        <Tag key={l} color={running[l] ? LIGHT_TAGS[l][1] : 'default'} data-light={l}>{t(LIGHT_TAGS[l][0])} {running[l]}</Tag>
      ))}
    </Space>
  );
}

/** "average / promised / sum of parts" in working days. */
export const daysVs = (f: Pick<ThingFigures, 'avgDays' | 'avgPromisedDays' | 'avgSumDays'>) => `${num(f.avgDays)} / ${num(f.avgPromisedDays)} / ${num(f.avgSumDays)}`;

export function ThingsBlock({ section, days }: { section?: ThingsSection; days?: number }) {
  const t = useT();
  const [light, setLight] = useState<Light | 'all'>('all');
  const [page, setPage] = useState(1);
  const running = useQuery({
    queryKey: ['supervision', 'things', light, page],
    queryFn: ({ signal }) => api.get<RunningList>('/api/supervision/things', { page, pageSize: 10, ...(light === 'all' ? {} : { light }) }, signal),
    placeholderData: keepPreviousData,
  });
  const total = section?.total;
  return (
    <Card size="small" title={t('一件事（近{d}天）', { d: days ?? 30 })} data-testid="board-things"
      extra={total && <Space><Typography.Text type="secondary">{t('在办')}</Typography.Text><LightCounts running={total.running} testId="board-things-lights" /></Space>}>
      <Table<ThingLine>
        rowKey="thingId" size="small" pagination={false} dataSource={section?.things ?? []} data-testid="board-things-table"
        onRow={(r) => ({ 'data-testid': `board-thing-${r.thingCode}` } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: t('一件事'), dataIndex: 'thingName', render: (v: string) => <Data>{v}</Data> },
          { title: t('在办（按灯）'), render: (_: unknown, r) => <LightCounts running={r.running} /> },
          { title: t('申请'), dataIndex: 'filed', align: 'right' },
          { title: t('办结'), dataIndex: 'ended', align: 'right' },
          { title: t('按时办结率'), dataIndex: 'onTimeShare', align: 'right', render: (v: number | null) => <span data-testid="thing-on-time">{v === null ? '—' : `${v.toFixed(2)}%`}</span> },
          { title: t('平均用时 / 承诺总时限 / 各事项时限之和（工作日）'), align: 'right', render: (_: unknown, r) => <span data-testid="thing-days">{daysVs(r)}</span> },
          { title: t('最长用时'), dataIndex: 'maxDays', align: 'right', render: num },
        ]}
      />
      <Space style={{ margin: '12px 0 8px' }} wrap>
        <Typography.Text strong>{t('在办一件事')}</Typography.Text>
        <Segmented<Light | 'all'> size="small" value={light} onChange={(v) => { setLight(v); setPage(1); }} data-testid="board-things-filter"
          options={[{ value: 'all', label: t('全部') }, ...(['red', 'yellow', 'green'] as const).map((l) => ({ value: l, label: t(LIGHT_TAGS[l][0]) }))]} />
      </Space>
      <Table<Running>
        rowKey="id" size="small" loading={running.isFetching} dataSource={running.data?.items ?? []} data-testid="board-things-running"
        pagination={{ current: page, pageSize: 10, total: running.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        onRow={(r) => ({ 'data-testid': `board-bundle-${r.bundleNo}`, 'data-light': r.light } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: t('灯'), dataIndex: 'light', render: (l: Light) => <Tag color={LIGHT_TAGS[l][1]}>{t(LIGHT_TAGS[l][0])}</Tag> },
          { title: t('一件事编号'), dataIndex: 'bundleNo', render: (v: string) => <span translate="no">{v}</span> },
          { title: t('一件事'), dataIndex: 'thingName', render: (v: string) => <Data>{v}</Data> },
          { title: t('申请人'), dataIndex: 'applicantName', render: (v: string) => <Data>{v}</Data> },
          { title: t('牵头部门'), dataIndex: ['leadDepartment', 'name'], render: (v: string) => <Data>{v}</Data> },
          { title: t('申请日期'), dataIndex: 'filedOn' },
          { title: t('承诺办结日'), dataIndex: 'promisedDue' },
          {
            title: t('剩余工作日'), dataIndex: 'daysLeft', align: 'right',
            render: (v: number) => (v < 0 ? <Typography.Text type="danger">{t('超期{n}天', { n: -v })}</Typography.Text> : v),
          },
          { title: t('事项进度'), render: (_: unknown, r) => t('{done}/{all} 项已结束', { done: r.partsEnded, all: r.partCount }) },
        ]}
      />
    </Card>
  );
}
