/**
 * 发布年度节假日安排: the State Council's arrangement for a year the national data does not
 * cover yet, entered row by row or imported from Excel, reviewed, then published in one act.
 * Until published the year stays "fallback"; publishing moves every open deadline it touches,
 * so it is previewed first (cases per center, SMS, other deadlines) and applied on confirmation.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Card, DatePicker, Empty, Input, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { DeleteOutlined, DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api, upload } from '../../api/client';
import { errorText, showError, showSuccess } from '../../lib/feedback';
import { useT } from '../../lib/i18n';
import { CalendarChangeConfirm, type ChangePreview } from './CalendarChangeConfirm';

type Kind = 'holiday' | 'adjustedWorkday';
interface YearRow { date: string; kind: Kind; note: string }
interface YearState {
  year: number; inPackage: boolean; status: 'package' | 'none' | 'draft' | 'published'; noticeRef: string; publishedAt: string | null;
  draft: YearRow[]; published: YearRow[];
}

function statusText(t: (zh: string) => string, status: YearState['status']) {
  if (status === 'package') return t('内置数据');
  if (status === 'none') return t('未发布');
  return status === 'draft' ? t('草稿') : t('已发布');
}

const STATUS_COLOR: Record<YearState['status'], string> = { package: 'green', none: 'default', draft: 'orange', published: 'blue' };

export function CalendarYearPanel({ defaultYear }: { defaultYear: number }) {
  const t = useT();
  const qc = useQueryClient();
  const [year, setYear] = useState(defaultYear);
  const state = useQuery({ queryKey: ['calendar-national', year], queryFn: ({ signal }) => api.get<YearState>(`/api/calendar/national/${year}`, undefined, signal) });
  const [rows, setRows] = useState<YearRow[]>([]);
  const [noticeRef, setNoticeRef] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!state.data) return;
    setRows(state.data.draft.length ? state.data.draft : state.data.published);
    setNoticeRef(state.data.noticeRef);
  }, [state.data]);

  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: ['calendar-national', year] });
    await qc.invalidateQueries({ queryKey: ['calendar-year'] });
    await qc.invalidateQueries({ queryKey: ['calendar-warning'] });
  };
  const run = async (f: () => Promise<unknown>, done?: string) => {
    setBusy(true);
    try {
      await f();
      if (done) showSuccess(done);
      await refresh();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  const saveDraft = () => run(() => api.put(`/api/calendar/national/${year}/draft`, { rows, noticeRef }), t('草稿已保存'));
  // Four eyes: the draft is saved, then what publishing it would move is shown; it is published on confirmation.
  const [confirming, setConfirming] = useState<{ title: string; preview: ChangePreview } | null>(null);
  const review = () => run(async () => {
    await api.put(`/api/calendar/national/${year}/draft`, { rows, noticeRef });
    const preview = await api.post<ChangePreview>(`/api/calendar/national/${year}/preview`);
    setConfirming({ title: t('发布{y}年节假日安排？', { y: year }), preview });
  });
  const publish = () => run(async () => {
    await api.post(`/api/calendar/national/${year}/publish`);
    setConfirming(null);
  }, t('已发布，相关办件期限已重新计算'));
  const importFile = (file: File) => run(() => upload(`/api/calendar/national/${year}/import`, file, file.name), t('已导入为草稿'));

  const s = state.data;
  const editable = s && !s.inPackage;
  const setRow = (i: number, patch: Partial<YearRow>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const years = Array.from({ length: 4 }, (_, i) => defaultYear - 1 + i);

  return (
    <Card
      size="small"
      className="bs-section"
      data-testid="calendar-year-panel"
      title={t('年度法定节假日安排')}
      extra={
        <Space>
          <Select size="small" value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: `${y}` }))} data-testid="national-year" />
          {s && <Tag color={STATUS_COLOR[s.status]} data-testid="national-year-status">{statusText(t, s.status)}</Tag>}
        </Space>
      }
    >
      {state.isError && <Alert type="error" showIcon title={errorText(state.error)} />}
      {s?.inPackage && <Typography.Paragraph type="secondary">{t('该年度的全国节假日数据已内置，无需发布。')}</Typography.Paragraph>}
      {editable && (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('按国务院办公厅通知录入该年全部放假日期和调休上班日期，核对无误后发布；发布前该年度按周一至周五推算。')}
          </Typography.Paragraph>
          <Space wrap style={{ marginBottom: 8 }}>
            <Input size="small" style={{ width: 240 }} placeholder={t('通知文号，如 国办发明电〔2026〕X号')} value={noticeRef} onChange={(e) => setNoticeRef(e.target.value)} data-testid="national-notice-ref" />
            <Button size="small" icon={<PlusOutlined />} onClick={() => setRows((rs) => [...rs, { date: `${year}-01-01`, kind: 'holiday', note: '' }])} data-testid="national-add-row">
              {t('添加日期')}
            </Button>
            <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => { void importFile(f); return false; }}>
              <Button size="small" icon={<UploadOutlined />} data-testid="national-import">{t('导入 Excel')}</Button>
            </Upload>
            <Button size="small" icon={<DownloadOutlined />} href={`/api/calendar/national/${year}/template.xlsx`}>{t('下载模板')}</Button>
          </Space>
          <Table<YearRow>
            size="small"
            rowKey={(_r, i) => String(i)}
            dataSource={rows}
            pagination={rows.length > 12 ? { pageSize: 12 } : false}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('尚未录入')} /> }}
            columns={[
              {
                title: t('日期'), key: 'date', width: 150,
                render: (_v, r, i) => <DatePicker size="small" allowClear={false} value={dayjs(r.date)} onChange={(d) => d && setRow(i, { date: d.format('YYYY-MM-DD') })} data-testid={`national-row-date-${i}`} />,
              },
              {
                title: t('类型'), key: 'kind', width: 120,
                render: (_v, r, i) => (
                  <Select size="small" value={r.kind} style={{ width: 110 }} onChange={(k: Kind) => setRow(i, { kind: k })}
                    options={[{ value: 'holiday', label: t('放假') }, { value: 'adjustedWorkday', label: t('调休上班') }]} />
                ),
              },
              { title: t('名称'), key: 'note', render: (_v, r, i) => <Input size="small" value={r.note} onChange={(e) => setRow(i, { note: e.target.value })} placeholder={t('如 春节')} /> },
              { title: '', key: 'op', width: 40, render: (_v, _r, i) => <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => setRows((rs) => rs.filter((_x, j) => j !== i))} /> },
            ]}
          />
          <Space style={{ marginTop: 8 }}>
            <Button size="small" onClick={() => void saveDraft()} loading={busy} data-testid="national-save">{t('保存草稿')}</Button>
            <Button size="small" type="primary" loading={busy} disabled={rows.length === 0} onClick={() => void review()} data-testid="national-publish">{t('发布')}</Button>
          </Space>
          <CalendarChangeConfirm value={confirming} busy={busy} onOk={() => void publish()} onCancel={() => setConfirming(null)} okText={t('确认发布')}
            note={t('发布后该年度不再按周一至周五推算，所有涉及的在办件期限将自动重新计算并通知申请人。')} />
        </>
      )}
    </Card>
  );
}

interface Warning { nextYear: number; nextYearPublished: boolean; warn: boolean; fallbackCases: { id: string; caseNo: string; itemName: string; promisedDue: string | null; statutoryDue: string | null }[] }

/** From 1 October, on every admin page: next year unpublished, and the open cases whose due dates are a guess. */
export function CalendarWarningBanner() {
  const t = useT();
  const w = useQuery({ queryKey: ['calendar-warning'], queryFn: ({ signal }) => api.get<Warning>('/api/calendar/warning', undefined, signal), staleTime: 60_000 });
  if (!w.data?.warn) return null;
  const n = w.data.fallbackCases.length;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="calendar-warning"
      message={t('{y}年法定节假日安排尚未发布', { y: w.data.nextYear })}
      description={
        <span>
          {t('有 {n} 件在办件的期限落在未发布年度，暂按周一至周五推算。', { n })}{' '}
          {n > 0 && <span data-testid="calendar-warning-cases">{w.data.fallbackCases.slice(0, 5).map((c) => c.caseNo).join('、')}{n > 5 ? ' …' : ''}</span>}{' '}
          <a href="/admin/calendar">{t('去发布')}</a>
        </span>
      }
    />
  );
}
