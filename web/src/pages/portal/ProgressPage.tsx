/** 进度查询 (public): case number + query code → state, due date, light, the handler and the history (staff named: 亮牌上岗; the applicant masked). */
import { lazy, Suspense, useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Form, Input, Row, Space, Tag, Timeline, Typography } from 'antd';
import { FieldTimeOutlined, SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { ApiError, api } from '../../api/client';
import type { Progress } from '../../api/cases';
import { formatDate, LightTag, StateTag } from '../../components/CaseTags';
import { errorText } from '../../lib/feedback';
import { caseEventLabel, caseStateByLabel, formatDateTime } from '../../lib/labels';
import { useT } from '../../lib/i18n';
import { isBundleNo } from '../things/api';

/** A 一件事 number (YJS…) shows the bundle's progress view, fetched only then. */
const PublicBundle = lazy(() => import('../things/PublicBundle').then((m) => ({ default: m.PublicBundle })));

export function ProgressPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const caseNo = (params.get('caseNo') ?? '').trim();
  const queryCode = (params.get('queryCode') ?? '').trim();
  const [form] = Form.useForm<{ caseNo: string; queryCode: string }>();

  useEffect(() => {
    document.title = t('办件进度查询 · 政务服务中心');
  }, []);
  useEffect(() => {
    form.setFieldsValue({ caseNo, queryCode });
  }, [form, caseNo, queryCode]);

  const progress = useQuery({
    queryKey: ['progress', caseNo, queryCode],
    queryFn: ({ signal }) => api.get<Progress>('/api/public/progress', { caseNo, queryCode }, signal),
    enabled: !!caseNo && !!queryCode && !isBundleNo(caseNo),
    retry: false,
    staleTime: 0,
  });

  const search = (v: { caseNo: string; queryCode: string }) => {
    const next = new URLSearchParams();
    next.set('caseNo', v.caseNo.trim());
    next.set('queryCode', v.queryCode.trim());
    if (next.get('caseNo') === caseNo && next.get('queryCode') === queryCode) void progress.refetch();
    else setParams(next);
  };

  const p = progress.data;
  const [showAll, setShowAll] = useState(false);
  const history = p ? (showAll ? p.history : p.history.slice(0, 12)) : [];

  return (
    <div className="bs-page" data-testid="progress-page">
      <div className="bs-hero">
        <Typography.Title level={2} style={{ color: '#fff', margin: 0 }}>
          {t('办件进度查询')}
        </Typography.Title>
        <Typography.Paragraph style={{ color: 'rgba(255,255,255,.85)', margin: '8px 0 16px' }}>
          {t('凭办件编号和查询码查询办理进度（见受理通知书、一次性告知书或短信；扫描通知书上的二维码可直接查询）')}<br />{t('一件事申请凭一件事编号（YJS开头）和查询码查询全部事项。')}
        </Typography.Paragraph>
        <Form form={form} layout="inline" onFinish={search} className="bs-progress-form" initialValues={{ caseNo, queryCode }}>
          <Form.Item name="caseNo" rules={[{ required: true, message: t('请输入办件编号') }]}>
            <Input size="large" placeholder={t('办件编号或一件事编号')} aria-label={t('办件编号或一件事编号')} allowClear style={{ width: 280 }} data-testid="progress-case-no" />
          </Form.Item>
          <Form.Item name="queryCode" rules={[{ required: true, message: t('请输入查询码') }]}>
            <Input size="large" placeholder={t('查询码')} allowClear style={{ width: 180 }} data-testid="progress-query-code" />
          </Form.Item>
          <Form.Item>
            <Button size="large" type="primary" htmlType="submit" icon={<SearchOutlined />} loading={progress.isFetching} data-testid="progress-submit" style={{ background: '#d4380d' }}>
              {t('查询')}
            </Button>
          </Form.Item>
        </Form>
      </div>

      {isBundleNo(caseNo) && queryCode && <Suspense fallback={null}><PublicBundle bundleNo={caseNo} queryCode={queryCode} /></Suspense>}

      {progress.isError && (
        <Alert
          type={progress.error instanceof ApiError && progress.error.status === 404 ? 'warning' : 'error'}
          showIcon
          data-testid="progress-error"
          title={errorText(progress.error)}
          description={progress.error instanceof ApiError && progress.error.status === 404 ? t('请核对受理通知书、一次性告知书或短信中的办件编号和查询码。') : undefined}
        />
      )}

      {p && (
        <Row gutter={16} data-testid="progress-result">
          <Col xs={24} lg={14}>
            <Card
              title={
                <Space>
                  <span translate="no">{p.itemName}</span>
                </Space>
              }
              extra={<StateTag state={p.state} label={p.stateLabel} testId="progress-state" />}
              className="bs-section"
            >
              <Descriptions column={{ xs: 1, md: 2 }} size="middle" bordered>
                <Descriptions.Item label={t('办件编号')} span={2}>
                  <span data-testid="progress-case-no-value" translate="no">{p.caseNo}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('承办部门')}><span translate="no">{p.department}</span></Descriptions.Item>
                <Descriptions.Item label={t('申请人')}><span translate="no">{p.applicantName}</span></Descriptions.Item>
                <Descriptions.Item label={t('承办人')}>
                  <span data-testid="progress-handler">{p.handler ? <><span translate="no">{p.handler.name}</span>（{t(p.handler.roleLabel)}）</> : '—'}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('办理状态')}>
                  <Space>
                    <span data-testid="progress-state-label">{caseStateByLabel(p.stateLabel)}</span>
                    {p.outcome && <Tag color={p.outcome === 'approved' ? 'success' : 'error'}>{p.outcome === 'approved' ? t('准予') : t('不予')}</Tag>}
                    {p.paused && <Tag color="purple">{t('暂停计时')}</Tag>}
                  </Space>
                </Descriptions.Item>
                <Descriptions.Item label={t('亮灯')}>
                  <LightTag light={p.light} testId="progress-light" />
                </Descriptions.Item>
                <Descriptions.Item label={t('提交时间')}>{formatDateTime(p.submittedAt)}</Descriptions.Item>
                <Descriptions.Item label={t('受理日期')}>{formatDate(p.acceptedOn)}</Descriptions.Item>
                <Descriptions.Item label={t('承诺办结日')}>
                  <span data-testid="progress-due">{formatDate(p.promisedDue)}</span>
                </Descriptions.Item>
                <Descriptions.Item label={(p.remainingWorkingDays ?? 0) < 0 ? t('已超期工作日') : t('剩余工作日')}>
                  <span data-testid="progress-remaining">{p.remainingWorkingDays === null || p.remainingWorkingDays === undefined ? '—' : Math.abs(p.remainingWorkingDays)}</span>
                </Descriptions.Item>
              </Descriptions>
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card
              title={
                <Space>
                  <FieldTimeOutlined />
                  {t('办理过程')}
                </Space>
              }
              className="bs-section"
            >
              <Timeline
                data-testid="progress-history"
                items={history.map((h, i) => ({
                  key: `${h.at}-${i}`,
                  color: i === 0 ? 'blue' : 'gray',
                  title: <span className="bs-time">{formatDateTime(h.at)}</span>,
                  content: (
                    <div data-testid="progress-history-item">
                      <Typography.Text strong>{caseEventLabel(h.action, h.label)}</Typography.Text>
                      <Typography.Text type="secondary"> · {t(h.role)}{h.by ? <span translate="no">{` ${h.by}`}</span> : ''}</Typography.Text>
                      {h.state && <div className="bs-sub">{caseStateByLabel(h.state)}</div>}
                    </div>
                  ),
                }))}
              />
              {p.history.length > 12 && !showAll && (
                <Button type="link" onClick={() => setShowAll(true)}>
                  {t('显示全部 {n} 条', { n: p.history.length })}
                </Button>
              )}
            </Card>
          </Col>
        </Row>
      )}
    </div>
  );
}
