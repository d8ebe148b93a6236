/** 民主评议党员: grade a branch's members for a year; the server enforces the 15 % cap and who may be graded how. */
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Input, Radio, Select, Space, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { ApiError, api } from '../../api/client';
import { GRADE_LABELS, GRADES, type Evaluation, type Grade } from '../../api/party';
import { showError, showSuccess } from '../../lib/feedback';
import { useT } from '../../lib/i18n';
import { usePartyOrgs } from './usePartyOrgs';

/** The year being evaluated: the current one from December, otherwise the last (results due 5 February). */
const defaultYear = () => (dayjs().month() === 11 ? dayjs().year() : dayjs().year() - 1);

export function EvaluationTab() {
  const t = useT();
  const orgs = usePartyOrgs();
  const branches = (orgs.data?.items ?? []).filter((o) => o.kind === 'branch');
  const [branchId, setBranchId] = useState<string | undefined>();
  const [year, setYear] = useState(defaultYear());
  const [grades, setGrades] = useState<Record<string, Grade>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const queryClient = useQueryClient();
  const branch = branchId ?? branches.find((b) => b.manage)?.id ?? branches[0]?.id;
  const ev = useQuery({
    enabled: !!branch,
    queryKey: ['party-evaluation', branch, year],
    queryFn: ({ signal }) => api.get<Evaluation>(`/api/party/evaluations/${branch}/${year}`, undefined, signal),
  });
  const data = ev.data;
  useEffect(() => {
    setGrades(Object.fromEntries((data?.members ?? []).filter((m) => m.grade).map((m) => [m.memberId, m.grade!])));
    setNotes(Object.fromEntries((data?.members ?? []).map((m) => [m.memberId, m.note])));
    setError(null);
  }, [data]);
  const editable = !!data && data.manage && data.status !== 'submitted' && data.open;
  const excellent = Object.values(grades).filter((g) => g === 'excellent').length;
  const save = async (submit: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await api.put(`/api/party/evaluations/${branch}/${year}`, { grades: Object.entries(grades).map(([memberId, grade]) => ({ memberId, grade, note: notes[memberId] ?? '' })), submit });
      showSuccess(submit ? t('评议结果已报机关党委') : t('已保存'));
      void queryClient.invalidateQueries({ queryKey: ['party-evaluation'] });
    } catch (e) {
      if (e instanceof ApiError) setError(e.display);
      else showError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      size="small"
      className="bs-section"
      title={t('民主评议党员')}
      extra={
        <Space>
          <Select style={{ width: 220 }} value={branch} onChange={setBranchId} options={branches.map((b) => ({ value: b.id, label: b.name }))} data-testid="eval-branch" />
          <Select value={year} onChange={setYear} options={[0, 1, 2].map((d) => dayjs().year() - d).map((y) => ({ value: y, label: t('{y}年度', { y }) }))} />
          {data && <Button href={`/api/party/evaluations/${branch}/${year}/summary`} target="_blank" data-testid="eval-summary">{t('打印汇总表')}</Button>}
        </Space>
      }
    >
      {data && (
        <>
          <Descriptions size="small" column={4} style={{ marginBottom: 12 }} items={[
            { key: 's', label: t('状态'), children: <span data-testid="eval-status">{data.status === 'submitted' ? t('已报送（{d}）', { d: data.submittedOn ?? '' }) : data.status === 'draft' ? t('草稿') : t('未开始')}{data.late && <Tag color="red" style={{ marginLeft: 6 }}>{t('逾期报送')}</Tag>}</span> },
            { key: 'd', label: t('报送期限'), children: <>{data.dueOn}{data.overdue && <Tag color="red" style={{ marginLeft: 6 }}>{t('已逾期')}</Tag>}</> },
            { key: 't', label: t('党员总数'), children: data.total },
            { key: 'x', label: t('优秀（上限15%）'), children: <span data-testid="eval-excellent">{excellent} / {data.maxExcellent}</span> },
          ]} />
          {!data.open && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('{y}年度民主评议自{d}起进行', { y: year, d: data.opensOn })} />}
          {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={error} data-testid="eval-error" />}
          <Table
            rowKey="memberId"
            size="small"
            pagination={false}
            dataSource={data.members}
            columns={[
              { title: t('姓名'), dataIndex: 'name', width: 90 },
              { title: t('身份'), key: 'st', width: 160, render: (_, m) => <>{t(m.statusLabel)}{m.deputyDivision && <Tag style={{ marginLeft: 4 }}>{t('副处级以上')}</Tag>}</> },
              {
                title: t('格次'), key: 'g',
                render: (_, m) => (
                  <Radio.Group
                    optionType="button"
                    size="small"
                    disabled={!editable}
                    value={grades[m.memberId]}
                    onChange={(e) => setGrades((g) => ({ ...g, [m.memberId]: e.target.value as Grade }))}
                    options={GRADES.filter((g) => m.allowed.includes(g)).map((g) => ({ value: g, label: <span data-testid={`grade-${m.name}-${g}`}>{t(GRADE_LABELS[g])}</span> }))}
                  />
                ),
              },
              { title: t('备注'), key: 'n', width: 200, render: (_, m) => <Input size="small" disabled={!editable} value={notes[m.memberId] ?? ''} onChange={(e) => setNotes((n) => ({ ...n, [m.memberId]: e.target.value }))} maxLength={500} /> },
            ]}
          />
          {editable && (
            <Space style={{ marginTop: 12 }}>
              <Button onClick={() => void save(false)} loading={busy} data-testid="eval-save">{t('保存草稿')}</Button>
              <Button type="primary" onClick={() => void save(true)} loading={busy} data-testid="eval-submit">{t('提交报机关党委')}</Button>
            </Space>
          )}
        </>
      )}
    </Card>
  );
}
