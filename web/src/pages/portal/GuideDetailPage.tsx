/** Public portal: one item's full guide (办事指南详情). */
import { useEffect } from 'react';
import { Alert, Anchor, Breadcrumb, Button, Card, Col, Result, Row, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, FormOutlined, PrinterOutlined, SendOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, api } from '../../api/client';
import { useDepartmentNames } from '../../api/hooks';
import type { PublicGuide } from '../../api/types';
import { GuideView } from '../../components/GuideView';
import { RatingSummary } from '../feedback/RatingSummary';
import { canIntake, FullPageSpin, useSession } from '../../auth/session';
import { errorText } from '../../lib/feedback';
import { caseKindLabel, formatLimit, formatVisits, SERVED_PARTY_LABELS, typeLabel } from '../../lib/labels';
import { useT } from '../../lib/i18n';

export function GuideDetailPage() {
  const t = useT();
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const departmentNames = useDepartmentNames();
  const { user } = useSession();
  const guide = useQuery({
    queryKey: ['guide', code],
    queryFn: ({ signal }) => api.get<PublicGuide>(`/api/public/items/${encodeURIComponent(code)}`, undefined, signal),
    retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 2,
  });

  useEffect(() => {
    if (guide.data) document.title = t('{name} · 办事指南', { name: guide.data.name });
  }, [guide.data]);

  if (guide.isLoading) return <FullPageSpin />;
  if (guide.isError) {
    const notFound = guide.error instanceof ApiError && guide.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('事项不存在或未发布') : t('加载失败')}
        subTitle={notFound ? t('未找到编码为 {code} 的已发布事项', { code }) : errorText(guide.error)}
        extra={
          <Button type="primary" onClick={() => navigate('/')}>
            {t('返回办事指南')}
          </Button>
        }
      />
    );
  }
  const g = guide.data!;

  return (
    <div className="bs-page">
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/">{t('办事指南')}</Link> }, { title: <span translate="no">{g.department?.name}</span> }, { title: <span translate="no">{g.name}</span> }]}
      />
      <Card className="bs-guide-head">
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="item-title" translate="no">
            {g.name}
          </Typography.Title>
          <Space wrap size={[8, 4]}>
            <Typography.Text type="secondary" copyable={{ text: g.code }}>
              {t('事项编码')}{' '}{g.code}
            </Typography.Text>
            <Tag color="blue">{typeLabel(g.type)}</Tag>
            <Tag color="geekblue">{caseKindLabel(g.caseKind)}</Tag>
            <Tag>{SERVED_PARTY_LABELS[g.servedParty] ?? g.servedParty}</Tag>
            {g.theme && <Tag translate="no">{g.theme}</Tag>}
            <RatingSummary itemCode={g.code} departmentId={g.department?.id} />
          </Space>
          <Row gutter={[16, 8]} className="bs-kpis">
            <Col xs={12} md={6}>
              <div className="bs-kpi-label">{t('承诺时限')}</div>
              <div className="bs-kpi-value" data-testid="kpi-promised">
                {formatLimit(g.promisedLimit)}
              </div>
            </Col>
            <Col xs={12} md={6}>
              <div className="bs-kpi-label">{t('法定时限')}</div>
              <div className="bs-kpi-value">{formatLimit(g.statutoryLimit)}</div>
            </Col>
            <Col xs={12} md={6}>
              <div className="bs-kpi-label">{t('到现场次数')}</div>
              <div className="bs-kpi-value" data-testid="kpi-visits">
                {formatVisits(g.maxVisits)}
              </div>
            </Col>
            <Col xs={12} md={6}>
              <div className="bs-kpi-label">{t('收费')}</div>
              <div className="bs-kpi-value">{g.fees?.free || !g.fees?.items?.length ? t('不收费') : t('收费')}</div>
            </Col>
          </Row>
          <Space className="bs-no-print" wrap>
            {(!user || user.role === 'applicant') && (
              <Button type="primary" icon={<SendOutlined />} onClick={() => navigate(`/apply/${encodeURIComponent(g.code)}`)} data-testid="apply-online">
                {t('在线申报')}
              </Button>
            )}
            {canIntake(user) && (
              <Button type="primary" icon={<FormOutlined />} onClick={() => navigate(`/workbench/intake?item=${encodeURIComponent(g.code)}`)} data-testid="intake-this-item">
                {t('窗口受理')}
              </Button>
            )}
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
              {t('返回')}
            </Button>
            <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
              {t('打印指南')}
            </Button>
          </Space>
        </Space>
      </Card>
      {g.conditionalAcceptance && (
        <Alert
          type="info"
          showIcon
          style={{ margin: '12px 0' }}
          title={t('本事项支持容缺受理：主件齐全、次要材料（副件）欠缺时，可签署承诺书先行受理，并在约定时间内补齐。')}
        />
      )}
      <Row gutter={16} style={{ marginTop: 12 }}>
        <Col xs={24} lg={19}>
          <GuideView data={g} extras={{ code: g.code, version: g.version, department: g.department, center: g.center }} departmentNames={departmentNames} />
        </Col>
        <Col xs={0} lg={5} className="bs-no-print">
          <Anchor
            offsetTop={80}
            items={[
              { key: 'basic', href: '#basic', title: t('基本信息') },
              { key: 'limits', href: '#limits', title: t('办理时限') },
              { key: 'legal-basis', href: '#legal-basis', title: t('设定依据') },
              { key: 'conditions', href: '#conditions', title: t('受理条件') },
              { key: 'review-standard', href: '#review-standard', title: t('审查标准') },
              { key: 'materials', href: '#materials', title: t('申请材料') },
              { key: 'procedure', href: '#procedure', title: t('办理流程') },
              ...(g.caseKind === 'joint' ? [{ key: 'joint', href: '#joint', title: t('联办部门') }] : []),
              { key: 'fees', href: '#fees', title: t('收费') },
              { key: 'result', href: '#result', title: t('办理结果') },
              { key: 'contact', href: '#contact', title: t('办理地点与咨询') },
            ]}
          />
        </Col>
      </Row>
    </div>
  );
}
