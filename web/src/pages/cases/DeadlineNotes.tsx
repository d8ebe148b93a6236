/**
 * The engine's deadlines besides the clock, on the case page: the acceptance decision while
 * the case waits at the desk (接件 → 受理, 3 working days), the 容缺 pledge's deadline, the
 * day an overdue default applies, and a warning when a date is a guess because next year's
 * national holidays are not published yet.
 */
import { Alert, Descriptions, Space } from 'antd';
import type { CaseView } from '../../api/cases';
import { formatDate, LightTag } from '../../components/CaseTags';
import { useT } from '../../lib/i18n';

export function DeadlineNotes({ c }: { c: CaseView }) {
  const t = useT();
  const rows = [
    c.intake && (
      <Descriptions.Item key="intake" label={t('受理决定期限')}>
        <Space size={6}>
          <span data-testid="clock-accept-by">{formatDate(c.intake.acceptBy)}</span>
          <LightTag light={c.intake.light} short />
        </Space>
      </Descriptions.Item>
    ),
    c.pledge && (
      <Descriptions.Item key="pledge" label={t('容缺补齐期限')}>
        <span data-testid="clock-owed-by" style={c.pledge.overdue ? { color: '#cf1322', fontWeight: 600 } : undefined}>
          {formatDate(c.pledge.owedBy)}
          {c.pledge.overdue ? ` ${t('（已逾期）')}` : ''}
        </span>
      </Descriptions.Item>
    ),
    c.deemOn && (
      <Descriptions.Item key="deem" label={t('超时默认日')}>
        <span data-testid="clock-deem-on">{formatDate(c.deemOn)}</span>
      </Descriptions.Item>
    ),
  ].filter(Boolean);
  return (
    <>
      {rows.length > 0 && (
        <Descriptions column={1} size="small" bordered style={{ marginTop: 8 }} data-testid="case-deadlines">
          {rows}
        </Descriptions>
      )}
      {c.clock.fallback && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="clock-fallback"
          message={t('下一年度法定节假日尚未发布，期限暂按周一至周五推算；发布后自动重新计算。')}
        />
      )}
    </>
  );
}
