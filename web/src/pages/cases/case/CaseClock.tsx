/** 时限: the case's clock — used and remaining working days, the due dates, the light. */
import { Badge, Card, Col, Descriptions, Row, Statistic, Typography } from 'antd';
import type { CaseView } from '../../../api/cases';
import { formatDate, LightTag } from '../../../components/CaseTags';
import { DeadlineNotes } from '../DeadlineNotes';
import { useT } from '../../../lib/i18n';

function lightColor(light: CaseView['clock']['light']): string | undefined {
  return light === 'red' ? '#cf1322' : light === 'black' ? '#262626' : light === 'yellow' ? '#d48806' : light === 'green' ? '#389e0d' : undefined;
}

/** `running`: the clock runs (accepted, not finished, not yet decided). */
export function CaseClock({ c, running }: { c: CaseView; running: boolean }) {
  const t = useT();
  return (
    <Card
      title={t('时限')}
      size="small"
      className="bs-section"
      data-testid="case-clock"
      extra={
        c.clock.paused ? (
          <Badge status="processing" color="purple" text={<span data-testid="clock-paused">{t('暂停计时中')}</span>} />
        ) : running ? (
          <Badge status="processing" text={t('计时中')} />
        ) : null
      }
    >
      <Row gutter={8} style={{ marginBottom: 12 }}>
        <Col span={12}>
          <Statistic title={t('已用工作日')} value={c.clock.acceptedOn ? (c.clock.usedWorkingDays ?? '—') : '—'} data-testid="clock-used" />
        </Col>
        <Col span={12}>
          <Statistic
            title={(c.clock.remainingWorkingDays ?? 0) < 0 ? t('已超期工作日') : t('剩余工作日')}
            value={c.clock.acceptedOn ? (c.clock.remainingWorkingDays === null ? '—' : Math.abs(c.clock.remainingWorkingDays)) : '—'}
            styles={{ content: { color: lightColor(c.clock.light) } }}
            data-testid="clock-remaining"
          />
        </Col>
      </Row>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('受理日期')}>
          <span data-testid="clock-accepted-on">{formatDate(c.clock.acceptedOn)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('承诺办结日')}>
          <span data-testid="clock-promised-due">{formatDate(c.clock.promisedDue)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('法定办结日')}>
          <span data-testid="clock-statutory-due">{formatDate(c.clock.statutoryDue)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('暂停工作日')}>
          <span data-testid="clock-paused-days">{c.clock.pausedWorkingDays ?? 0}</span>
        </Descriptions.Item>
        {!!c.extensionDays && <Descriptions.Item label={t('已延期')}>{c.extensionDays}{' '}{t('个工作日')}</Descriptions.Item>}
        <Descriptions.Item label={t('亮灯')}>
          <LightTag light={c.clock.light} />
        </Descriptions.Item>
      </Descriptions>
      <DeadlineNotes c={c} />
      {!c.clock.acceptedOn && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
          {t('自受理之日起计时，受理当日不计入；补正期间不计时。')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
