/** What it costs and what one gets: 收费, 办理结果与服务方式. */
import { Tag } from 'antd';
import { DELIVERY_LABELS, formatVisits, ONLINE_DEPTH_LABELS, OVERDUE_DEFAULT_LABELS, RESULT_TYPE_LABELS } from '../../lib/labels';
import { useT } from '../../lib/i18n';
import { ResponsiveTable } from '../ResponsiveTable';
import { dash, SampleLink, Facts, Section, YesNo, type GuideViewData } from './parts';

export function ResultPanel({ data }: { data: GuideViewData }) {
  const t = useT();
  const fees = data.fees ?? { free: true, items: [] };
  return (
    <>
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
      <Facts
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
    </>
  );
}
