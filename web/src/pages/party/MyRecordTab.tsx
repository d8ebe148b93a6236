/** 我的党员档案: the signed-in member's own record (pipeline, posts, meetings, dues, evaluation). */
import { Card, Descriptions, Empty, Table, Tag, Timeline } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { MemberRecord } from '../../api/party';
import { useT } from '../../lib/i18n';

export function MyRecordTab() {
  const t = useT();
  const rec = useQuery({ queryKey: ['party-me'], queryFn: ({ signal }) => api.get<MemberRecord>('/api/party/me', undefined, signal) });
  const m = rec.data?.member;
  if (rec.isSuccess && !m) return <Empty description={t('您的账号尚未关联党员档案')} data-testid="party-me-empty" />;
  if (!m) return null;
  return (
    <div data-testid="party-me">
      <Card size="small" className="bs-section" title={t('基本信息')}>
        <Descriptions size="small" column={3} items={[
          { key: 'n', label: t('姓名'), children: m.name },
          { key: 's', label: t('身份'), children: <Tag>{t(m.statusLabel)}</Tag> },
          { key: 'b', label: t('所在支部'), children: `${m.branchName ?? ''}${m.groupName ? ` · ${m.groupName}` : ''}` },
          { key: 'j', label: t('入党日期'), children: m.probationOn ?? '—' },
          { key: 'f', label: t('转正日期'), children: m.fullOn ?? '—' },
          { key: 'o', label: t('党内职务'), children: (rec.data?.offices ?? []).filter((o) => !o.toOn).map((o) => `${o.orgName}${o.roleLabel}`).join('；') || '—' },
        ]} />
        <Timeline style={{ marginTop: 12 }} items={(rec.data?.events ?? []).map((e) => ({ children: `${e.on} ${e.label}` }))} />
      </Card>
      <Card size="small" className="bs-section" title={t('党费')}>
        <Table rowKey="period" size="small" pagination={false} dataSource={rec.data?.dues ?? []} columns={[
          { title: t('期间'), dataIndex: 'period' }, { title: t('金额（元）'), dataIndex: 'amount', render: (v: number) => v.toFixed(2) },
          { title: t('缴纳日期'), dataIndex: 'paidOn' }, { title: t('收据号'), dataIndex: 'receiptNo' },
        ]} />
      </Card>
      <Card size="small" className="bs-section" title={t('组织生活与民主评议')}>
        <p>{(rec.data?.grades ?? []).map((g) => `${g.year}${t('年度')}：${t(g.gradeLabel)}`).join('；') || t('暂无评议结果')}</p>
        <Table rowKey={(r) => `${r.heldOn}${r.title}`} size="small" pagination={{ pageSize: 10, hideOnSinglePage: true }} dataSource={rec.data?.attendance ?? []} columns={[
          { title: t('日期'), dataIndex: 'heldOn' }, { title: t('会议'), dataIndex: 'title' }, { title: t('类型'), dataIndex: 'kindLabel', render: (v: string) => t(v) },
          { title: t('出席'), dataIndex: 'present', render: (v: boolean) => (v ? t('出席') : t('缺席')) },
        ]} />
      </Card>
    </div>
  );
}
