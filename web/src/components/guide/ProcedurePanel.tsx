/** How it goes: 办理流程 with its special procedures, and the 联办部门 of a joint item. */
import { Empty, Space, Steps, Tag, Typography } from 'antd';
import { specialProcedureLabel, STEP_ROLE_LABELS, stepName } from '../../lib/labels';
import { useT } from '../../lib/i18n';
import { ResponsiveTable } from '../ResponsiveTable';
import { Section, type GuideViewData } from './parts';

export function ProcedurePanel({ data, departmentNames }: { data: GuideViewData; departmentNames?: Map<string, string> }) {
  const t = useT();
  const procedure = data.procedure ?? [];
  const joint = data.jointParticipants ?? [];
  return (
    <>
    <Section title={t('办理流程')} id="procedure">
      {procedure.length ? (
        <Steps
          className="bs-steps"
          orientation="vertical"
          size="small"
          current={-1}
          data-testid="guide-procedure"
          items={procedure.map((s, i) => ({
            // A standard step (受理, 审查 …) in the chosen language; the catalog's own wording as written.
            title: <span translate={stepName(s.name) === s.name ? 'no' : undefined}>{stepName(s.name)}</span>,
            status: 'wait' as const,
            icon: <span className="bs-step-num">{i + 1}</span>,
            content: (
              <Typography.Text type="secondary">
                {STEP_ROLE_LABELS[s.role] ?? s.role}
                {s.workingDays !== undefined && s.workingDays !== null ? t(' · {workingDays}个工作日', { workingDays: s.workingDays }) : ''}
              </Typography.Text>
            ),
          }))}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('未配置办理流程')} />
      )}
      <div style={{ marginTop: 12 }}>
        <Typography.Text strong>{t('特别程序：')}</Typography.Text>
        {data.specialProcedures?.length ? (
          <Space wrap size={4}>
            {data.specialProcedures.map((p) => (
              <Tag key={p} color="orange">
                {specialProcedureLabel(p)}
              </Tag>
            ))}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('（特别程序所需时间不计入承诺时限）')}
            </Typography.Text>
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('无')}</Typography.Text>
        )}
      </div>
    </Section>

    {(data.caseKind === 'joint' || joint.length > 0) && (
      <Section title={t('联办部门')} id="joint">
        {joint.length ? (
          <ResponsiveTable
        scroll={{ x: 560 }}
            size="small"
            rowKey={(r) => r.departmentId + r.task}
            pagination={false}
            dataSource={joint}
            columns={[
              { title: t('部门'), dataIndex: 'departmentId', render: (id: string, r) => <span translate="no">{r.departmentName || departmentNames?.get(id) || id}</span> },
              { title: t('承担事项'), dataIndex: 'task', render: (v: string) => <span translate="no">{v}</span> },
              { title: t('协办时限'), dataIndex: 'subLimitWorkingDays', width: 120, render: (v: number) => t('{v}个工作日', { v }) },
            ]}
          />
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        )}
      </Section>
    )}
    </>
  );
}
