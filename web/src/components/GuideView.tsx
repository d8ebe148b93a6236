/** Read-only rendering of every field of a guide (GuideData), used by the portal and the version viewer. */
import type { HTMLAttributes, ReactNode } from 'react';
import { Alert, Card, Descriptions, Empty, Space, Steps, Tag, Tooltip, Typography } from 'antd';
import { ResponsiveTable } from './ResponsiveTable';
import { CheckCircleTwoTone, CloseCircleTwoTone, ShareAltOutlined } from '@ant-design/icons';
import type { GuideData, Material } from '../../../src/catalog/types';
import {
  caseKindLabel,
  DELIVERY_LABELS,
  ENTRY_MODE_LABELS,
  formatLimit,
  formatVisits,
  MATERIAL_FORM_LABELS,
  MATERIAL_SOURCE_LABELS,
  ONLINE_DEPTH_LABELS,
  OVERDUE_DEFAULT_LABELS,
  REQUIRED_LABELS,
  RESULT_TYPE_LABELS,
  SERVED_PARTY_LABELS,
  specialProcedureLabel,
  STEP_ROLE_LABELS,
  stepName,
  ITEM_LEVEL_LABELS,
  typeLabel,
} from '../lib/labels';
import { fillNodes, useT } from '../lib/i18n';

export interface GuideExtras {
  code?: string;
  version?: number;
  department?: { id: string; name: string; phone?: string };
  center?: { id: string; name: string; address?: string; hours?: string; phone?: string; complaintPhone?: string };
}

/** Multi-line text as paragraphs; "—" when empty. */
export function Para({ text, testId }: { text?: string | null; testId?: string }) {
  if (!text || !text.trim()) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <div className="bs-para" data-testid={testId} translate="no">
      {text.split(/\n+/).map((line, i) => (
        <p key={i}>{line}</p>
      ))}
    </div>
  );
}

function YesNo({ value, yes, no }: { value: boolean | undefined; yes?: string; no?: string }) {
  const t = useT();
  yes ??= t('支持');
  no ??= t('不支持');
  return value ? (
    <Space size={4}>
      <CheckCircleTwoTone twoToneColor="#52c41a" />
      {yes}
    </Space>
  ) : (
    <Space size={4}>
      <CloseCircleTwoTone twoToneColor="#bfbfbf" />
      {no}
    </Space>
  );
}

function Section({ title, id, children, extra }: { title: ReactNode; id: string; children: ReactNode; extra?: ReactNode }) {
  return (
    <Card title={title} id={id} className="bs-section" size="small" extra={extra} data-testid={`guide-section-${id}`}>
      {children}
    </Card>
  );
}

const dash = (v: ReactNode) => (v === undefined || v === null || v === '' ? '—' : v);

export function GuideView({
  data,
  extras = {},
  departmentNames,
}: {
  data: Omit<GuideData, 'jointParticipants'> & { jointParticipants: (GuideData['jointParticipants'][number] & { departmentName?: string })[] };
  extras?: GuideExtras;
  departmentNames?: Map<string, string>;
}) {
  const t = useT();
  const depName = extras.department?.name ?? departmentNames?.get(data.departmentId) ?? data.departmentId;
  const contact = data.contact ?? { address: '', hours: '', phone: '', complaintPhone: '' };
  const center = extras.center;
  const materials = data.materials ?? [];
  const procedure = data.procedure ?? [];
  const joint = data.jointParticipants ?? [];
  const fees = data.fees ?? { free: true, items: [] };

  return (
    <div className="bs-guide">
      <Section title={t('基本信息')} id="basic">
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, sm: 1, md: 2 }}
          styles={{ label: { width: 130 } }}
          items={[
            { key: 'code', label: t('事项编码'), children: <span data-testid="guide-code">{dash(extras.code)}</span> },
            { key: 'type', label: t('事项类型'), children: <span data-testid="guide-type">{typeLabel(data.type)}</span> },
            { key: 'name', label: t('事项名称'), children: <span translate="no">{data.name}</span>, span: 2 },
            { key: 'theme', label: t('主题分类'), children: <span translate="no">{dash(data.theme)}</span> },
            { key: 'served', label: t('服务对象'), children: SERVED_PARTY_LABELS[data.servedParty] ?? data.servedParty },
            { key: 'dept', label: t('实施部门'), children: <span data-testid="guide-department" translate="no">{dash(depName)}</span> },
            { key: 'kind', label: t('办件类型'), children: <Tag color="blue">{caseKindLabel(data.caseKind)}</Tag> },
            {
              key: 'entry',
              label: t('进驻方式'),
              children: (
                <span>
                  {ENTRY_MODE_LABELS[data.entryMode] ?? data.entryMode}
                  {data.entryMode === 'notEntered' && data.notEnteredReason ? <span translate="no">（{data.notEnteredReason}）</span> : ''}
                </span>
              ),
            },
            {
              key: 'windows',
              label: t('受理窗口'),
              children: data.windowNames?.length ? (
                <Space wrap size={4}>
                  {data.windowNames.map((w) => (
                    <Tag key={w} translate="no">{w}</Tag>
                  ))}
                </Space>
              ) : (
                '—'
              ),
            },
            { key: 'resp', label: t('审批责任人'), children: <span translate="no">{dash(data.responsiblePerson)}</span> },
            ...(extras.version ? [{ key: 'version', label: t('指南版本'), children: `v${extras.version}` }] : []),
            ...(data.keyProject ? [{ key: 'key', label: t('重点项目'), children: <Tag color="gold">{t('重点项目')}</Tag> }] : []),
            ...(data.level ? [{ key: 'level', label: t('层级'), children: ITEM_LEVEL_LABELS[data.level] }] : []),
            ...(data.aliases?.length ? [{ key: 'aliases', label: t('也称'), children: <span data-testid="guide-aliases" translate="no">{data.aliases.join('、')}</span> }] : []),
          ]}
        />
      </Section>

      <Section title={t('办理时限')} id="limits">
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, sm: 2, md: 4 }}
          items={[
            { key: 'stat', label: t('法定时限'), children: <span data-testid="guide-statutory">{formatLimit(data.statutoryLimit)}</span> },
            {
              key: 'prom',
              label: t('承诺时限'),
              children: (
                <Typography.Text strong style={{ color: '#cf1322' }} data-testid="guide-promised">
                  {formatLimit(data.promisedLimit)}
                </Typography.Text>
              ),
            },
            { key: 'visits', label: t('到现场次数'), children: <span data-testid="guide-visits">{formatVisits(data.maxVisits)}</span> },
            { key: 'depth', label: t('网办深度'), children: ONLINE_DEPTH_LABELS[data.onlineDepth] ?? dash(data.onlineDepth) },
          ]}
        />
      </Section>

      <Section title={t('设定依据')} id="legal-basis">
        <Para text={data.legalBasis} testId="guide-legal-basis" />
      </Section>

      <Section title={t('受理条件')} id="conditions">
        <Para text={data.conditions} testId="guide-conditions" />
      </Section>

      <Section title={t('审查标准')} id="review-standard">
        <Para text={data.reviewStandard} />
      </Section>

      <Section title={t('申请材料（{length}）', { length: materials.length })} id="materials">
        <MaterialsTable materials={materials} />
      </Section>

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

      <Section title={t('收费')} id="fees">
        {fees.free || !fees.items?.length ? (
          <Tag color="green" data-testid="guide-fee-free">
            {t('不收费')}
          </Tag>
        ) : (
          <ResponsiveTable
            scroll={{ x: 560 }}
            size="small"
            rowKey={(r) => r.name}
            pagination={false}
            dataSource={fees.items}
            data-testid="guide-fees"
            columns={[
              { title: t('收费项目'), dataIndex: 'name', width: 200, render: (v: string) => <span translate="no">{v}</span> },
              { title: t('收费标准'), dataIndex: 'standard', render: (v: string) => <span translate="no">{v}</span> },
              { title: t('收费依据'), dataIndex: 'basis', render: (v: string) => <span translate="no">{v}</span> },
            ]}
          />
        )}
      </Section>

      <Section title={t('办理结果与服务方式')} id="result">
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, sm: 1, md: 2 }}
          styles={{ label: { width: 130 } }}
          items={[
            {
              key: 'result',
              label: t('办理结果'),
              children: (
                <span>
                  <span translate="no">{dash(data.result?.name)}</span>
                  {data.result?.type ? <Tag style={{ marginInlineStart: 8 }}>{RESULT_TYPE_LABELS[data.result.type] ?? data.result.type}</Tag> : null}
                </span>
              ),
            },
            { key: 'resultSample', label: t('结果样本'), children: <SampleLink sample={data.result?.sample} /> },
            { key: 'visits', label: t('到现场次数'), children: formatVisits(data.maxVisits) },
            { key: 'depth', label: t('网办深度'), children: ONLINE_DEPTH_LABELS[data.onlineDepth] ?? dash(data.onlineDepth) },
            { key: 'cond', label: t('容缺受理'), children: <YesNo value={data.conditionalAcceptance} /> },
            { key: 'appt', label: t('预约办理'), children: <YesNo value={data.appointmentAllowed} /> },
            {
              key: 'delivery',
              label: t('送达方式'),
              children: data.deliveryModes?.length ? data.deliveryModes.map((m) => DELIVERY_LABELS[m] ?? m).join('、') : '—',
            },
            { key: 'overdue', label: t('超时默认'), children: OVERDUE_DEFAULT_LABELS[data.overdueDefault] ?? dash(data.overdueDefault) },
          ]}
        />
      </Section>

      <Section title={t('办理地点与咨询')} id="contact">
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, sm: 1, md: 2 }}
          styles={{ label: { width: 130 } }}
          items={[
            { key: 'addr', label: t('办理地点'), children: <span data-testid="guide-address" translate="no">{dash(contact.address || center?.address)}</span>, span: 2 },
            { key: 'hours', label: t('办理时间'), children: <span translate="no">{dash(contact.hours || center?.hours)}</span>, span: 2 },
            { key: 'phone', label: t('咨询电话'), children: dash(contact.phone || extras.department?.phone || center?.phone) },
            { key: 'complaint', label: t('投诉电话'), children: dash(contact.complaintPhone || center?.complaintPhone) },
            ...(center?.name ? [{ key: 'center', label: t('服务中心'), children: <span translate="no">{center.name}</span>, span: 2 }] : []),
          ]}
        />
      </Section>
    </div>
  );
}

function SampleLink({ sample }: { sample?: string }) {
  const t = useT();
  if (!sample) return <>—</>;
  if (/^(https?:)?\/\//.test(sample) || sample.startsWith('/')) {
    return (
      <a href={sample} target="_blank" rel="noreferrer">
        {t('查看样表')}
      </a>
    );
  }
  return <span translate="no">{sample}</span>;
}

export function MaterialsTable({ materials }: { materials: Material[] }) {
  const t = useT();
  if (!materials.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('无需提交申请材料')} />;
  return (
    <>
      <ResponsiveTable<Material>
        size="small"
        rowKey={(m) => m.id || m.name}
        pagination={false}
        dataSource={materials}
        scroll={{ x: 860 }}
        data-testid="guide-materials"
        onRow={(m) => ({ 'data-testid': `guide-material-${m.id || m.name}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('序号'), key: 'idx', width: 56, responsive: ['md'], render: (_v, _m, i) => i + 1 },
          {
            title: t('材料名称'),
            dataIndex: 'name',
            render: (name: string, m) => (
              <div translate="no">
                <span>{name}</span>
                {m.note && (
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {m.note}
                    </Typography.Text>
                  </div>
                )}
              </div>
            ),
          },
          {
            title: t('必要性'),
            dataIndex: 'required',
            width: 150,
            render: (r: Material['required'], m) => (
              <div>
                <Tag color={r === 'required' ? 'red' : r === 'optional' ? 'default' : 'orange'}>{REQUIRED_LABELS[r] ?? r}</Tag>
                {r === 'conditional' && m.condition && (
                  <div translate="no">
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {m.condition}
                    </Typography.Text>
                  </div>
                )}
              </div>
            ),
          },
          {
            title: t('主件/副件'),
            dataIndex: 'major',
            width: 90,
            render: (major: boolean) => (major ? t('主件') : <Tooltip title={t('容缺受理时可后补')}>{t('副件')}</Tooltip>),
          },
          { title: t('份数'), dataIndex: 'copies', width: 60 },
          { title: t('形式'), dataIndex: 'form', width: 100, render: (f: Material['form']) => MATERIAL_FORM_LABELS[f] ?? f },
          {
            title: t('来源'),
            dataIndex: 'source',
            width: 170,
            render: (s: Material['source'], m) =>
              s === 'sharing' ? (
                <Space orientation="vertical" size={0}>
                  <Tag color="green" icon={<ShareAltOutlined />}>
                    {t('部门共享 · 无需提交')}
                  </Tag>
                  {m.sourceAgency && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }} translate="no">
                      {m.sourceAgency}
                    </Typography.Text>
                  )}
                </Space>
              ) : (
                <span>
                  {MATERIAL_SOURCE_LABELS[s] ?? s}
                  {m.sourceAgency ? fillNodes(t('（{sourceAgency}出具）'), { sourceAgency: <span translate="no">{m.sourceAgency}</span> }) : ''}
                </span>
              ),
          },
          { title: t('样表'), dataIndex: 'sample', width: 90, render: (s: string | undefined) => <SampleLink sample={s} /> },
        ]}
      />
      {materials.some((m) => m.source === 'sharing') && (
        <Alert
          style={{ marginTop: 12 }}
          type="success"
          showIcon
          title={t('标注“部门共享”的材料由窗口通过数据共享获取，申请人无需提交。')}
        />
      )}
    </>
  );
}
