/**
 * 一件事一次办 on the portal (issue 24, docs/things.md): the things by life event, and one
 * thing's guide with its questionnaire; the answers give the plan — which items, one
 * material list, one form, the promised total and the day it ends if filed today; from there
 * the one application (web/src/pages/things/ThingApplyPage.tsx) with the answers carried along.
 */
import { useEffect, useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Col, Empty, List, Radio, Result, Row, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, api } from '../../api/client';
import { FullPageSpin } from '../../auth/session';
import { errorText } from '../../lib/feedback';
import { tr, useT } from '../../lib/i18n';

interface ThingSummary { code: string; name: string; summary: string; itemCount: number; departments: string[]; promisedWorkingDays: number; sumWorkingDays: number }
interface Group { lifeEvent: string; label: string; party: 'person' | 'organization'; things: ThingSummary[] }
interface Question { key: string; text: string; help?: string; options: { value: string; label: string }[] }
interface Item { code: string; name: string; department: { name: string }; startsOn?: string; endsOn?: string; waitsFor?: string[] }
interface Material { key: string; name: string; required: string; condition?: string; handIn: 'applicant' | 'sharing' | 'produced'; sourceAgency?: string; producedBy?: string; usedBy: { itemCode: string }[] }
interface Field { key: string; label: string; required: boolean; group?: string; usedBy: string[] }
interface Guide { code: string; name: string; summary: string; basis: string; leadDepartment: { name: string }; questions: Question[]; items: Item[]; promisedWorkingDays: number; sumWorkingDays: number }
interface Plan { answers?: Record<string, string>; items: Item[]; materials: Material[]; fields: Field[]; promisedWorkingDays: number; sumWorkingDays: number; filedOn: string; endsOn: string; workingDays: number }

export function ThingListPage() {
  const t = useT();
  useEffect(() => { document.title = t('一件事一次办'); }, []);
  const list = useQuery({ queryKey: ['things'], queryFn: ({ signal }) => api.get<{ groups: Group[] }>('/api/public/things', undefined, signal) });
  if (list.isLoading) return <FullPageSpin />;
  if (list.isError) return <Result status="error" title={t('加载失败')} subTitle={errorText(list.error)} />;
  const parties = [['person', t('个人办事')], ['organization', t('企业办事')]] as const;
  return (
    <div className="bs-page" data-testid="things-page">
      <Typography.Title level={3}>{t('一件事一次办')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('一次告知、一表申请、一套材料：一件事涉及的多个部门事项一次办好。')}</Typography.Paragraph>
      {parties.map(([party, title]) => (
        <Card key={party} title={title} style={{ marginBottom: 16 }}>
          {list.data!.groups.filter((g) => g.party === party).map((g) => (
            <div key={g.lifeEvent} style={{ marginBottom: 12 }}>
              <Typography.Text strong>{tr(g.label)}</Typography.Text>
              {g.things.length === 0 ? <Typography.Text type="secondary"> · {t('暂无')}</Typography.Text> : (
                <Row gutter={[12, 12]} style={{ marginTop: 8 }}>
                  {g.things.map((x) => (
                    <Col xs={24} md={12} key={x.code}>
                      <Card size="small" title={<Link to={`/things/${x.code}`} data-testid={`thing-${x.code}`}>{x.name}</Link>}>
                        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 4 }}>{x.summary}</Typography.Paragraph>
                        <Typography.Text type="secondary">
                          {t('{n}个事项 · 承诺{d}个工作日（分别办理{s}个工作日）', { n: x.itemCount, d: x.promisedWorkingDays, s: x.sumWorkingDays })}
                        </Typography.Text>
                      </Card>
                    </Col>
                  ))}
                </Row>
              )}
            </div>
          ))}
        </Card>
      ))}
    </div>
  );
}

export function ThingPage() {
  const t = useT();
  const { code = '' } = useParams();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const guide = useQuery({
    queryKey: ['thing', code],
    queryFn: ({ signal }) => api.get<Guide>(`/api/public/things/${encodeURIComponent(code)}`, undefined, signal),
    retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 2,
  });
  const plan = useMutation({ mutationFn: () => api.post<Plan>(`/api/public/things/${encodeURIComponent(code)}/plan`, { answers }) });
  useEffect(() => { if (guide.data) document.title = guide.data.name; }, [guide.data]);
  if (guide.isLoading) return <FullPageSpin />;
  if (guide.isError) {
    const missing = guide.error instanceof ApiError && guide.error.status === 404;
    return <Result status={missing ? '404' : 'error'} title={missing ? t('该一件事不存在或未发布') : t('加载失败')} extra={<Link to="/things">{t('返回一件事列表')}</Link>} />;
  }
  const g = guide.data!;
  const complete = g.questions.every((q) => answers[q.key] !== undefined);
  return (
    <div className="bs-page" data-testid="thing-page">
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/things">{t('一件事一次办')}</Link> }, { title: g.name }]} />
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="thing-title">{g.name}</Typography.Title>
        <Typography.Paragraph>{g.summary}</Typography.Paragraph>
        <Space wrap>
          <Tag color="blue">{t('牵头部门：{name}', { name: g.leadDepartment.name })}</Tag>
          <Tag color="green">{t('承诺最长{d}个工作日', { d: g.promisedWorkingDays })}</Tag>
          <Tag>{t('分别办理共{s}个工作日', { s: g.sumWorkingDays })}</Tag>
        </Space>
        <List size="small" style={{ marginTop: 12 }} header={t('包含事项')} dataSource={g.items}
          renderItem={(i) => <List.Item>{i.name}<Typography.Text type="secondary"> · {i.department.name}</Typography.Text></List.Item>} />
      </Card>
      <Card title={t('回答几个问题，确定需要办理的事项')} style={{ marginTop: 16 }}>
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {g.questions.map((q) => (
            <div key={q.key}>
              <Typography.Text strong>{q.text}</Typography.Text>
              {q.help && <Typography.Text type="secondary"> （{q.help}）</Typography.Text>}
              <div>
                <Radio.Group data-testid={`question-${q.key}`} value={answers[q.key]} onChange={(e) => setAnswers({ ...answers, [q.key]: e.target.value as string })}
                  options={q.options.map((o) => ({ value: o.value, label: tr(o.label) }))} />
              </div>
            </div>
          ))}
          <Button type="primary" disabled={!complete} loading={plan.isPending} onClick={() => plan.mutate()} data-testid="thing-plan">
            {t('生成办理方案')}
          </Button>
          {plan.isError && <Alert type="error" showIcon title={errorText(plan.error)} />}
        </Space>
      </Card>
      {plan.data && <PlanView plan={plan.data} apply={`/things/${encodeURIComponent(code)}/apply?${new URLSearchParams(plan.data.answers ?? answers)}`} />}
    </div>
  );
}

function PlanView({ plan, apply }: { plan: Plan; apply: string }) {
  const t = useT();
  const navigate = useNavigate();
  const handIn = (m: Material) => (m.handIn === 'applicant' ? <Tag color="orange">{t('需提交一份')}</Tag>
    : m.handIn === 'produced' ? <Tag color="green">{t('前一事项办结后自动流转')}</Tag> : <Tag color="green">{t('共享获取，无需提交')}</Tag>);
  return (
    <div data-testid="thing-plan-result">
      <Alert style={{ marginTop: 16 }} type="success" showIcon data-testid="thing-plan-total"
        title={t('今天申请，预计{date}前全部办结：承诺{d}个工作日（分别办理{s}个工作日）', { date: plan.endsOn, d: plan.promisedWorkingDays, s: plan.sumWorkingDays })} />
      <Card title={t('办理事项')} style={{ marginTop: 16 }}>
        <List size="small" dataSource={plan.items} renderItem={(i) => (
          <List.Item data-testid="plan-item">
            <Space orientation="vertical" size={0}>
              <Typography.Text strong>{i.name}</Typography.Text>
              <Typography.Text type="secondary">{i.department.name} · {t('{from}受理，{to}前办结', { from: i.startsOn!, to: i.endsOn! })}</Typography.Text>
              {i.waitsFor!.length > 0 && <Typography.Text type="secondary">{t('待前置事项办结后办理')}</Typography.Text>}
            </Space>
          </List.Item>
        )} />
      </Card>
      <Card title={t('一套材料')} style={{ marginTop: 16 }}>
        <List size="small" dataSource={plan.materials} renderItem={(m) => (
          <List.Item data-testid="plan-material">
            <Space wrap>
              <span>{m.name}</span>
              {handIn(m)}
              {m.usedBy.length > 1 && <Tag>{t('{n}个事项共用', { n: m.usedBy.length })}</Tag>}
              {m.required === 'conditional' && m.condition && <Typography.Text type="secondary">{m.condition}</Typography.Text>}
            </Space>
          </List.Item>
        )} />
      </Card>
      <Card title={t('一张表单')} style={{ marginTop: 16 }}>
        {plan.fields.length === 0 ? <Empty /> : (
          <List size="small" dataSource={plan.fields} renderItem={(f) => (
            <List.Item data-testid="plan-field">
              <Space wrap>
                <span>{f.label}</span>
                {f.required && <Tag color="red">{t('必填')}</Tag>}
                {f.usedBy.length > 1 && <Tag>{t('{n}个事项共用', { n: f.usedBy.length })}</Tag>}
              </Space>
            </List.Item>
          )} />
        )}
      </Card>
      <div className="bs-form-footer">
        <Button type="primary" size="large" onClick={() => navigate(apply)} data-testid="thing-apply">{t('一次申请，各部门同步办理')}</Button>
      </div>
    </div>
  );
}
