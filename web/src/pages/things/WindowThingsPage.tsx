/** 一件事受理 at the 综合窗口: the published things, each opening the one-form flow for a walk-in applicant (channel window). */
import { useEffect } from 'react';
import { Card, Col, Result, Row, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { FullPageSpin } from '../../auth/session';
import { errorText } from '../../lib/feedback';
import { Data, tr, useT } from '../../lib/i18n';

interface Listed { code: string; name: string; itemCount: number; promisedWorkingDays: number; sumWorkingDays: number; departments: string[] }
interface Group { lifeEvent: string; label: string; party: string; things: Listed[] }

export function WindowThingsPage() {
  const t = useT();
  useEffect(() => { document.title = t('一件事受理 · 政务服务中心'); }, []);
  const list = useQuery({ queryKey: ['things'], queryFn: ({ signal }) => api.get<{ groups: Group[] }>('/api/public/things', undefined, signal) });
  if (list.isLoading) return <FullPageSpin />;
  if (list.isError) return <Result status="error" title={t('加载失败')} subTitle={errorText(list.error)} />;
  const groups = list.data!.groups.filter((g) => g.things.length);
  return (
    <div className="bs-page" data-testid="window-things-page">
      <div className="bs-page-head">
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>{t('一件事受理')}</Typography.Title>
          <Typography.Text type="secondary">{t('综合窗口一次受理：选择一件事 → 回答问题 → 登记申请人、填写一张表 → 收取一套材料 → 各部门同步办理')}</Typography.Text>
        </div>
        <Link to="/workbench/intake">{t('返回窗口受理')}</Link>
      </div>
      {groups.map((g) => (
        <Card key={g.lifeEvent} size="small" className="bs-section" title={tr(g.label)}>
          <Row gutter={[12, 12]}>
            {g.things.map((x) => (
              <Col xs={24} md={12} xl={8} key={x.code}>
                <Link to={`/workbench/things/${encodeURIComponent(x.code)}`} data-testid={`window-thing-${x.code}`} className="bs-item-link" translate="no">{x.name}</Link>
                <div><Typography.Text type="secondary">{t('{n}个事项 · 承诺{d}个工作日（分别办理{s}个工作日）', { n: x.itemCount, d: x.promisedWorkingDays, s: x.sumWorkingDays })}</Typography.Text></div>
                <div><Data>{x.departments.join('、')}</Data></div>
              </Col>
            ))}
          </Row>
        </Card>
      ))}
    </div>
  );
}
