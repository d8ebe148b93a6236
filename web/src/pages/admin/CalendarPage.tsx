/** 工作日历: the center's working-day calendar, local overrides and a due-date calculator. */
import { useEffect, useMemo, useState, type HTMLAttributes } from 'react';
import { Alert, Button, Card, Checkbox, Col, DatePicker, Empty, Form, Input, InputNumber, Row, Select, Space, Spin, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined, LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import type { CalendarOverride, CalendarYear, DayKind } from '../../api/types';
import { applyFieldErrors, errorText, showError, showSuccess } from '../../lib/feedback';
import { DAY_KIND_LABELS } from '../../lib/labels';
import { CalendarYearPanel } from './CalendarYearPanel';
import { CalendarChangeConfirm, type ChangePreview } from './CalendarChangeConfirm';

import { useT, tr, zh } from '../../lib/i18n';

const KIND_ORDER: DayKind[] = ['workday', 'weekend', 'holiday', 'adjustedWorkday', 'localClosure', 'extraWorkday'];
const KIND_MARK: Partial<Record<DayKind, string>> = { get holiday() { return tr('休'); }, get adjustedWorkday() { return tr('班'); }, get localClosure() { return tr('闭'); }, get extraWorkday() { return tr('加'); } };
const WEEKDAYS = [zh('一'), zh('二'), zh('三'), zh('四'), zh('五'), zh('六'), zh('日')];
const OVERRIDE_KINDS: CalendarOverride['kind'][] = ['localClosure', 'extraWorkday', 'holiday', 'adjustedWorkday'];

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const isNational = (o: CalendarOverride) => !o.scope || o.scope === 'national';

function isWorking(kind: DayKind | undefined): boolean {
  return kind === 'workday' || kind === 'adjustedWorkday' || kind === 'extraWorkday';
}

/** Fallback kind when the server has no entry for a day (should not happen). */
function guessKind(y: number, m: number, d: number): DayKind {
  const wd = new Date(y, m - 1, d).getDay();
  return wd === 0 || wd === 6 ? 'weekend' : 'workday';
}

function MonthGrid({
  year,
  month,
  days,
  today,
  onPick,
}: {
  year: number;
  month: number;
  days: Map<string, { kind: DayKind; name?: string }>;
  today: string;
  onPick: (date: string) => void;
}) {
  const t = useT();
  const first = new Date(year, month - 1, 1);
  const lead = (first.getDay() + 6) % 7; // Monday first
  const count = new Date(year, month, 0).getDate();
  const cells: (number | null)[] = [...Array(lead).fill(null), ...Array.from({ length: count }, (_, i) => i + 1)];
  while (cells.length % 7) cells.push(null);
  let working = 0;
  for (let d = 1; d <= count; d++) if (isWorking(days.get(iso(year, month, d))?.kind ?? guessKind(year, month, d))) working++;
  return (
    <Card size="small" className="bs-month" title={t('{month}月', { month })} extra={<Typography.Text type="secondary">{working}{' '}{t('个工作日')}</Typography.Text>} data-testid={`month-${month}`}>
      <div className="bs-cal-grid">
        {WEEKDAYS.map((w, i) => (
          <div key={w} className={`bs-cal-head ${i >= 5 ? 'bs-cal-head-weekend' : ''}`}>
            {t(w)}
          </div>
        ))}
        {cells.map((d, i) => {
          if (d === null) return <div key={`e${i}`} className="bs-cal-cell bs-cal-empty" />;
          const date = iso(year, month, d);
          const info = days.get(date);
          const kind = info?.kind ?? guessKind(year, month, d);
          const tip = `${date} ${DAY_KIND_LABELS[kind] ?? kind}${info?.name ? ` · ${info.name}` : ''}`;
          return (
            <Tooltip key={date} title={tip} mouseEnterDelay={0.3}>
              <div
                className={`bs-cal-cell bs-kind-${kind} ${date === today ? 'bs-cal-today' : ''}`}
                data-testid={`day-${date}`}
                data-kind={kind}
                onClick={() => onPick(date)}
              >
                <span className="bs-cal-day">{d}</span>
                {KIND_MARK[kind] && <span className="bs-cal-mark">{KIND_MARK[kind]}</span>}
              </div>
            </Tooltip>
          );
        })}
      </div>
    </Card>
  );
}

export function CalendarPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || new Date().getFullYear();
  const setYear = (y: number) => {
    const next = new URLSearchParams(params);
    next.set('year', String(y));
    setParams(next, { replace: true });
  };
  const queryClient = useQueryClient();
  const today = dayjs().format('YYYY-MM-DD');

  useEffect(() => {
    document.title = t('工作日历 {year} · 政务服务中心', { year });
  }, [year]);

  const cal = useQuery({
    queryKey: ['calendar-year', year],
    queryFn: ({ signal }) => api.get<CalendarYear>(`/api/calendar/year/${year}`, undefined, signal),
  });
  const overrides = useQuery({
    queryKey: ['calendar-overrides'],
    queryFn: ({ signal }) => api.get<{ overrides: CalendarOverride[] }>('/api/calendar/overrides', undefined, signal),
  });

  const dayMap = useMemo(() => new Map((cal.data?.days ?? []).map((d) => [d.date, { kind: d.kind, name: d.name }])), [cal.data]);
  const counts = useMemo(() => {
    const c: Record<string, number> = {};
    for (const d of cal.data?.days ?? []) c[d.kind] = (c[d.kind] ?? 0) + 1;
    return c;
  }, [cal.data]);
  const workingTotal = (counts.workday ?? 0) + (counts.adjustedWorkday ?? 0) + (counts.extraWorkday ?? 0);

  // --- add override
  const [form] = Form.useForm<{ date: Dayjs; kind: CalendarOverride['kind']; note: string; national: boolean }>();
  const national = Form.useWatch('national', form);
  const [adding, setAdding] = useState(false);
  // Four eyes: every change is previewed (what it would move) and applied only once confirmed.
  const [confirming, setConfirming] = useState<{ title: string; preview: ChangePreview; apply: () => Promise<void> } | null>(null);
  const [applying, setApplying] = useState(false);
  const refresh = () => Promise.all([
    queryClient.invalidateQueries({ queryKey: ['calendar-overrides'] }),
    queryClient.invalidateQueries({ queryKey: ['calendar-year'] }),
  ]);
  const addOverride = async () => {
    const v = await form.validateFields();
    const body = { date: v.date.format('YYYY-MM-DD'), kind: v.kind, ...(v.national ? { national: true } : {}) };
    setAdding(true);
    try {
      const preview = await api.post<ChangePreview>('/api/calendar/overrides/preview', body);
      setConfirming({
        title: t('添加 {date} {kind}', { date: body.date, kind: DAY_KIND_LABELS[v.kind] ?? v.kind }), preview,
        apply: async () => {
          await api.post('/api/calendar/overrides', { ...body, note: v.note ?? '' });
          showSuccess(t('已添加'));
          form.resetFields(['note']);
        },
      });
    } catch (e) {
      applyFieldErrors(form, e);
      showError(e);
    } finally {
      setAdding(false);
    }
  };
  const removeOverride = async (o: CalendarOverride) => {
    try {
      const preview = await api.post<ChangePreview>('/api/calendar/overrides/preview', { date: o.date, remove: true, ...(isNational(o) ? { national: true } : {}) });
      setConfirming({
        title: t('删除 {date} 的调整', { date: o.date }), preview,
        apply: async () => {
          await api.del(`/api/calendar/overrides/${o.date}`, isNational(o) ? { national: 1 } : undefined);
          showSuccess(t('已删除'));
        },
      });
    } catch (e) {
      showError(e);
    }
  };
  const confirmChange = async () => {
    if (!confirming) return;
    setApplying(true);
    try {
      await confirming.apply();
      setConfirming(null);
      await refresh();
    } catch (e) {
      showError(e);
    } finally {
      setApplying(false);
    }
  };

  // --- due-date calculator
  const [calcFrom, setCalcFrom] = useState<Dayjs>(dayjs());
  const [calcDays, setCalcDays] = useState<number>(5);
  const [calcResult, setCalcResult] = useState<{ due: string; fallback: boolean } | null>(null);
  const [calcBusy, setCalcBusy] = useState(false);
  const calc = async () => {
    setCalcBusy(true);
    try {
      const r = await api.get<{ due: string; fallback: boolean }>('/api/calendar/add', { from: calcFrom.format('YYYY-MM-DD'), days: calcDays });
      setCalcResult(r);
    } catch (e) {
      setCalcResult(null);
      showError(e);
    } finally {
      setCalcBusy(false);
    }
  };

  const overrideRows = [...(overrides.data?.overrides ?? [])].sort((a, b) => a.date.localeCompare(b.date));

  return (
    <div className="bs-page">
      <div className="bs-page-head">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('工作日历')}
        </Typography.Title>
        <Space>
          <Button icon={<LeftOutlined />} onClick={() => setYear(year - 1)} data-testid="year-prev" aria-label={t('上一年')} />
          <DatePicker
            picker="year"
            allowClear={false}
            value={dayjs(`${year}-01-01`)}
            onChange={(d) => d && setYear(d.year())}
            data-testid="year-picker"
            style={{ width: 120 }}
          />
          <Button icon={<RightOutlined />} onClick={() => setYear(year + 1)} data-testid="year-next" aria-label={t('下一年')} />
          <Button onClick={() => setYear(new Date().getFullYear())}>{t('今年')}</Button>
        </Space>
      </div>

      {cal.isError && <Alert type="error" showIcon title={errorText(cal.error)} style={{ marginBottom: 12 }} />}
      {cal.data && !cal.data.known && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="calendar-unknown"
          title={t('尚无 {year} 年国家法定节假日安排，按周一至周五推算工作日', { year })}
          description={t('国务院办公厅公布当年节假日安排后，请在下方“本地调整”中勾选“国家安排”逐日录入放假日与调休上班日，否则期限计算可能不准确。')}
        />
      )}

      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap size={[16, 8]} className="bs-legend" data-testid="calendar-legend">
          {KIND_ORDER.map((k) => (
            <Space key={k} size={6}>
              <span className={`bs-legend-swatch bs-kind-${k}`}>{KIND_MARK[k] ?? ''}</span>
              <span>
                {DAY_KIND_LABELS[k]} <Typography.Text type="secondary">{counts[k] ?? 0}</Typography.Text>
              </span>
            </Space>
          ))}
          <Typography.Text strong data-testid="calendar-working-total">
            {t('全年工作日 {n} 天', { n: workingTotal })}
          </Typography.Text>
        </Space>
      </Card>

      <Spin spinning={cal.isFetching}>
        <Row gutter={[12, 12]} data-testid="calendar-grid">
          {Array.from({ length: 12 }, (_, i) => (
            <Col key={i} xs={24} sm={12} lg={8} xxl={6}>
              <MonthGrid
                year={year}
                month={i + 1}
                days={dayMap}
                today={today}
                onPick={(date) => {
                  form.setFieldsValue({ date: dayjs(date) });
                }}
              />
            </Col>
          ))}
        </Row>
      </Spin>

      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} lg={9}>
          <Card title={t('期限计算：N个工作日后')} size="small" data-testid="calendar-calc">
            <Space wrap>
              <DatePicker value={calcFrom} onChange={(d) => d && setCalcFrom(d)} allowClear={false} data-testid="calc-from" />
              <InputNumber min={0} max={3650} precision={0} value={calcDays} onChange={(v) => setCalcDays(Number(v ?? 0))} suffix={t('个工作日')} style={{ width: 150 }} data-testid="calc-days" />
              <Button type="primary" loading={calcBusy} onClick={() => void calc()} data-testid="calc-submit">
                {t('计算')}
              </Button>
            </Space>
            {calcResult && (
              <div style={{ marginTop: 16 }}>
                <Statistic
                  title={t('{v0} 起 {calcDays} 个工作日后', { v0: calcFrom.format('YYYY-MM-DD'), calcDays })}
                  value={t('{due}（周{v1}）', { due: calcResult.due, v1: t(WEEKDAYS[(dayjs(calcResult.due).day() + 6) % 7]) })}
                  valueStyle={{ fontSize: 22 }}
                  data-testid="calc-due"
                />
                {calcResult.fallback && (
                  <Alert type="warning" showIcon style={{ marginTop: 8 }} title={t('计算跨越了尚未载入节假日安排的年份，该部分按周一至周五推算。')} data-testid="calc-fallback" />
                )}
              </div>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Card title={t('本地调整')} size="small" data-testid="calendar-overrides">
            <Form form={form} layout="inline" initialValues={{ kind: 'localClosure', national: false, note: '' }} style={{ rowGap: 8, marginBottom: 12 }}>
              <Form.Item name="date" rules={[{ required: true, message: t('请选择日期') }]}>
                <DatePicker placeholder={t('日期（可点日历选择）')} data-testid="override-date" />
              </Form.Item>
              <Form.Item name="kind">
                <Select
                  style={{ width: 140 }}
                  data-testid="override-kind"
                  options={OVERRIDE_KINDS.map((k) => ({ value: k, label: DAY_KIND_LABELS[k] }))}
                />
              </Form.Item>
              <Form.Item name="note" rules={[{ required: true, whitespace: true, message: t('请填写说明') }]}>
                <Input placeholder={t('说明，如：设备检修闭馆')} style={{ width: 200 }} data-testid="override-note" />
              </Form.Item>
              <Form.Item name="national" valuePropName="checked">
                <Checkbox data-testid="override-national">{t('国家安排')}</Checkbox>
              </Form.Item>
              <Form.Item>
                <Button type="primary" icon={<PlusOutlined />} loading={adding} onClick={() => void addOverride().catch(() => undefined)} data-testid="override-add">
                  {t('添加')}
                </Button>
              </Form.Item>
            </Form>
            {national && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 12 }}
                title={t('“国家安排”用于录入日历数据包尚未包含年份的全国放假日（法定节假日）和调休上班日，对所有中心生效。')}
              />
            )}
            <Table<CalendarOverride>
              size="small"
              rowKey={(o) => `${o.scope}:${o.date}`}
              loading={overrides.isFetching}
              dataSource={overrideRows}
              pagination={overrideRows.length > 10 ? { pageSize: 10 } : false}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无本地调整')} /> }}
              onRow={(o) => ({ 'data-testid': `override-row-${o.date}` }) as HTMLAttributes<HTMLElement>}
              columns={[
                { title: t('日期'), dataIndex: 'date', width: 120 },
                {
                  title: t('类型'),
                  dataIndex: 'kind',
                  width: 120,
                  render: (k: DayKind) => <span className={`bs-kind-tag bs-kind-${k}`}>{DAY_KIND_LABELS[k] ?? k}</span>,
                },
                { title: t('范围'), key: 'scope', width: 90, render: (_v, o) => (isNational(o) ? <Tag color="red">{t('全国')}</Tag> : <Tag>{t('本中心')}</Tag>) },
                { title: t('说明'), dataIndex: 'note' },
                {
                  title: '',
                  key: 'op',
                  width: 60,
                  render: (_v, o) => (
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => void removeOverride(o)} data-testid={`override-remove-${o.date}`} />
                  ),
                },
              ]}
            />
            {overrides.isError && <Alert type="error" showIcon title={errorText(overrides.error)} />}
          </Card>
        </Col>
      </Row>
      <CalendarChangeConfirm value={confirming} busy={applying} onOk={() => void confirmChange()} onCancel={() => setConfirming(null)} />
      <CalendarYearPanel defaultYear={new Date().getFullYear() + 1} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
        {t('承诺时限按本日历的工作日计算；本地闭馆日不计入工作日，加班日计入工作日。')}
      </Typography.Paragraph>
    </div>
  );
}
