/**
 * 一件事 一次申请 (issue 24): answers → the items they choose → the one form → the one material
 * list → deliver together or not → one submission (POST /api/bundles). Online for a signed-in
 * applicant (`/things/:code/apply`, the answers carried in the address from the guide), or at
 * the 综合窗口 for a walk-in applicant whose identity the receiver enters (`/workbench/things/:code`).
 */
import './things.css';
import { useEffect, useMemo, useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Descriptions, Form, Grid, List, Radio, Result, Space, Steps, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError, api } from '../../api/client';
import type { UploadedFile } from '../../api/cases';
import { FullPageSpin, useSession } from '../../auth/session';
import { detailLines, errorText } from '../../lib/feedback';
import { Data, fillNodes, tr, useT, zh } from '../../lib/i18n';
import { answersFrom, type ApplicantInput, type NewBundleBody, type NewBundleResponse, type Plan, type ThingGuide } from './api';
import { formDataOf, OneFormFields, WindowApplicantFields } from './OneForm';
import { MaterialList, missingMaterials } from './MaterialList';

type Channel = 'online' | 'window';
const STEPS = [zh('回答问题'), zh('办理事项'), zh('填写表单'), zh('上传材料'), zh('确认提交')];
interface FormValues { f?: Record<string, unknown>; applicant?: ApplicantInput }

export function ThingApplyPage({ channel = 'online' }: { channel?: Channel }) {
  const t = useT();
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const { user } = useSession();
  const screens = Grid.useBreakpoint();
  const [step, setStep] = useState(0);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [form] = Form.useForm<FormValues>();
  const [values, setValues] = useState<FormValues>({});
  const [files, setFiles] = useState<Record<string, UploadedFile | null>>({});
  const [together, setTogether] = useState(true);
  const [created, setCreated] = useState<NewBundleResponse | null>(null);
  const applicantKind = Form.useWatch(['applicant', 'kind'], form) as ApplicantInput['kind'] | undefined;

  const guide = useQuery({
    queryKey: ['thing', code],
    queryFn: ({ signal }) => api.get<ThingGuide>(`/api/public/things/${encodeURIComponent(code)}`, undefined, signal),
    retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 2,
  });
  // The guide's answers come along in the address: the questionnaire starts filled in.
  useEffect(() => { if (guide.data) setAnswers(answersFrom(params, guide.data.questions)); }, [guide.data]);
  useEffect(() => {
    document.title = guide.data ? t('一件事申请 · {name}', { name: guide.data.name }) : t('一件事申请');
  }, [guide.data]);

  const plan = useMutation({ mutationFn: () => api.post<Plan>(`/api/public/things/${encodeURIComponent(code)}/plan`, { answers }) });
  const submit = useMutation({ mutationFn: (body: NewBundleBody) => api.post<NewBundleResponse>('/api/bundles', body) });
  const p = plan.data;
  const missing = useMemo(() => (p ? missingMaterials(p.materials, files) : []), [p, files]);

  const go = (n: number) => { setStep(n); window.scrollTo({ top: 0 }); };

  if (guide.isLoading || !user) return <FullPageSpin />;
  if (guide.isError) {
    const gone = guide.error instanceof ApiError && guide.error.status === 404;
    return <Result status={gone ? '404' : 'error'} title={gone ? t('该一件事不存在或未发布') : t('加载失败')} extra={<Link to={channel === 'window' ? '/workbench/things' : '/things'}>{t('返回一件事列表')}</Link>} />;
  }
  const g = guide.data!;
  if (created) return <Filed g={g} created={created} channel={channel} />;

  const complete = g.questions.every((q) => answers[q.key] !== undefined);
  const kindMismatch = channel === 'online' && !!user.applicantKind && user.applicantKind !== g.servedParty;
  const toPlan = () => plan.mutate(undefined, { onSuccess: () => { submit.reset(); go(1); } });
  const leaveForm = async (to: number) => {
    if (to > step) {
      try { await form.validateFields(); } catch { return; }
    }
    setValues(form.getFieldsValue(true) as FormValues);
    go(to);
  };
  const send = () => {
    if (!p) return;
    const a = values.applicant;
    submit.mutate({
      thingCode: g.code, answers, channel, deliverTogether: together,
      formData: formDataOf(values.f, p.fields),
      materials: p.materials.filter((m) => m.handIn === 'applicant' && files[m.key]).map((m) => ({ key: m.key, fileId: files[m.key]!.id })),
      ...(channel === 'window' && a ? { applicant: { kind: a.kind, name: a.name.trim(), idNumber: a.idNumber.trim().toUpperCase(), phone: a.phone.trim() } } : {}),
    }, { onSuccess: (r) => { setCreated(r); window.scrollTo({ top: 0 }); } });
  };

  const back = (to: number) => (
    <Button size="large" onClick={() => (step === 2 ? void leaveForm(to) : go(to))} data-testid="bundle-back">{t('上一步')}</Button>
  );

  return (
    <div className="bs-page bs-bundle-apply" data-testid="bundle-apply-page" data-step={step}>
      <Breadcrumb style={{ marginBottom: 12 }} items={channel === 'window'
        ? [{ title: <Link to="/workbench/things">{t('一件事受理')}</Link> }, { title: <Data>{g.name}</Data> }]
        : [{ title: <Link to="/things">{t('一件事一次办')}</Link> }, { title: <Link to={`/things/${encodeURIComponent(g.code)}`} translate="no">{g.name}</Link> }, { title: t('一次申请') }]} />
      <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="bundle-apply-title">
        {channel === 'window' ? t('窗口受理：') : t('一次申请：')}<Data>{g.name}</Data>
      </Typography.Title>
      {screens.md ? (
        <Steps size="small" current={step} items={STEPS.map((s) => ({ title: t(s) }))} style={{ marginBottom: 16 }} />
      ) : (
        <Typography.Paragraph strong data-testid="bundle-step-label">{t('第{n}步（共{total}步）：{title}', { n: step + 1, total: STEPS.length, title: t(STEPS[step]!) })}</Typography.Paragraph>
      )}
      {kindMismatch && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={g.servedParty === 'organization' ? t('该一件事面向企业，与您的账户类型不符，提交可能被拒绝。') : t('该一件事面向个人，与您的账户类型不符，提交可能被拒绝。')} />
      )}

      {step === 0 && (
        <Card title={t('回答几个问题，确定需要办理的事项')} className="bs-section">
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {g.questions.map((q) => (
              <div key={q.key} role="group" aria-label={q.text}>
                <Typography.Text strong translate="no">{q.text}</Typography.Text>
                {q.help && <div><Typography.Text type="secondary" translate="no">{q.help}</Typography.Text></div>}
                <div>
                  <Radio.Group data-testid={`bundle-question-${q.key}`} value={answers[q.key]} onChange={(e) => setAnswers({ ...answers, [q.key]: e.target.value as string })}
                    options={q.options.map((o) => ({ value: o.value, label: tr(o.label) }))} />
                </div>
              </div>
            ))}
          </Space>
          {plan.isError && <Alert type="error" showIcon style={{ marginTop: 12 }} title={errorText(plan.error)} />}
        </Card>
      )}

      {step === 1 && p && <PlanStep plan={p} />}

      {step === 2 && p && (
        <Form<FormValues> form={form} layout="vertical" initialValues={{ ...values, applicant: values.applicant ?? { kind: g.servedParty } as ApplicantInput }} requiredMark data-testid="bundle-form">
          {channel === 'window'
            ? <WindowApplicantFields servedParty={g.servedParty} kind={applicantKind ?? g.servedParty} />
            : <OnlineApplicant name={user.displayName} />}
          <Typography.Paragraph type="secondary">{t('各事项需要的信息合并为一张表，相同的信息只填一次。')}</Typography.Paragraph>
          <OneFormFields fields={p.fields} />
        </Form>
      )}

      {step === 3 && p && (
        <Card title={t('一套材料')} className="bs-section"
          extra={screens.md ? <Typography.Text type="secondary">{t('支持 PDF、JPG、PNG，单个文件不超过 10MB')}</Typography.Text> : undefined}>
          <Typography.Paragraph type="secondary">
            {channel === 'window' ? t('窗口收取的纸质材料可扫描上传；共用的材料只交一次，各事项共用。') : t('共用的材料只上传一次，各事项共用；标明“免提交”的由部门共享或前一事项办结后流转。')}
          </Typography.Paragraph>
          <MaterialList materials={p.materials} items={p.items} files={files} onFile={(k, f) => setFiles((s) => ({ ...s, [k]: f }))} />
          {channel === 'online' && missing.length > 0 && (
            <Alert type="warning" showIcon style={{ marginTop: 12 }} data-testid="bundle-missing"
              title={fillNodes(t('还需上传{n}项必要材料：{names}', { n: missing.length }), { names: <Data>{missing.map((m) => m.name).join(t('、'))}</Data> })} />
          )}
        </Card>
      )}

      {step === 4 && p && (
        <Card title={t('确认提交')} className="bs-section">
          <Descriptions column={1} size="small" bordered className="bs-bundle-summary">
            <Descriptions.Item label={t('申请人')}><Data>{channel === 'window' ? values.applicant?.name : user.displayName}</Data></Descriptions.Item>
            <Descriptions.Item label={t('办理事项')}><Data>{p.items.map((i) => i.name).join(t('、'))}</Data></Descriptions.Item>
            <Descriptions.Item label={t('已上传材料')}>{t('{n}份', { n: Object.values(files).filter(Boolean).length })}</Descriptions.Item>
            <Descriptions.Item label={t('预计办结')}>{t('{date}前（承诺{d}个工作日）', { date: p.endsOn, d: p.promisedWorkingDays })}</Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph strong style={{ marginTop: 16, marginBottom: 8 }}>{t('办理结果如何送达？')}</Typography.Paragraph>
          <Radio.Group value={together} onChange={(e) => setTogether(e.target.value as boolean)} data-testid="bundle-deliver" className="bs-choice-col">
            <Radio value={true} data-testid="bundle-deliver-together">{t('全部办结后一并送达（推荐）')}</Radio>
            <Radio value={false} data-testid="bundle-deliver-separately">{t('各事项办结后分别送达')}</Radio>
          </Radio.Group>
          {submit.isError && (
            <Alert type="error" showIcon style={{ marginTop: 12 }} data-testid="bundle-error" title={errorText(submit.error)}
              description={submit.error instanceof ApiError && submit.error.details.length ? detailLines(submit.error).join('；') : undefined} />
          )}
        </Card>
      )}

      <div className="bs-form-footer">
        <Space wrap>
          {step > 0 && back(step - 1)}
          {step === 0 && <Button type="primary" size="large" disabled={!complete} loading={plan.isPending} onClick={toPlan} data-testid="bundle-next">{t('下一步')}</Button>}
          {(step === 1 || step === 3) && (
            <Button type="primary" size="large" onClick={() => go(step + 1)} disabled={step === 3 && channel === 'online' && missing.length > 0} data-testid="bundle-next">{t('下一步')}</Button>
          )}
          {step === 2 && <Button type="primary" size="large" onClick={() => void leaveForm(3)} data-testid="bundle-next">{t('下一步')}</Button>}
          {step === 4 && <Button type="primary" size="large" loading={submit.isPending} onClick={send} data-testid="bundle-submit">{t('提交申请')}</Button>}
        </Space>
      </div>
    </div>
  );
}

function OnlineApplicant({ name }: { name: string }) {
  const t = useT();
  return (
    <Card size="small" className="bs-section" title={t('申请人')}>
      <Data testId="bundle-applicant-name">{name}</Data>
      <div><Typography.Text type="secondary">{t('证件号码、联系电话以实名认证账户登记的信息为准，不需重复填写。')}</Typography.Text></div>
    </Card>
  );
}

/** The items the answers chose, each with its department and dates, and the promised total. */
function PlanStep({ plan }: { plan: Plan }) {
  const t = useT();
  const nameOf = (c: string) => plan.items.find((i) => i.code === c)?.name ?? c;
  return (
    <>
      <Alert type="success" showIcon className="bs-section" data-testid="bundle-plan-total"
        title={t('今天申请，预计{date}前全部办结：承诺{d}个工作日（分别办理{s}个工作日）', { date: plan.endsOn, d: plan.promisedWorkingDays, s: plan.sumWorkingDays })} />
      <Card title={t('办理事项（{n}项）', { n: plan.items.length })} className="bs-section">
        <List dataSource={plan.items} renderItem={(i) => (
          <List.Item data-testid="bundle-plan-item">
            <Space orientation="vertical" size={2}>
              <Typography.Text strong translate="no">{i.name}</Typography.Text>
              <Data>{i.department.name}</Data>
              <Typography.Text type="secondary">{t('{from}受理，{to}前办结', { from: i.startsOn, to: i.endsOn })}</Typography.Text>
              {i.waitsFor.length > 0 && (
                <Typography.Text type="secondary">
                  {fillNodes(t('待“{items}”办结后自动开始'), { items: <Data>{i.waitsFor.map(nameOf).join(t('、'))}</Data> })}
                </Typography.Text>
              )}
            </Space>
          </List.Item>
        )} />
      </Card>
    </>
  );
}

/** The bundle is filed: its number and query code, the parts that started, and where to follow it. */
function Filed({ g, created, channel }: { g: ThingGuide; created: NewBundleResponse; channel: Channel }) {
  const t = useT();
  const navigate = useNavigate();
  const view = channel === 'window' ? `/bundles/${created.id}` : `/my/bundles/${created.id}`;
  return (
    <div className="bs-page bs-bundle-done" data-testid="bundle-success">
      <Card>
        <Result status="success" title={t('一件事申请已提交')}
          subTitle={fillNodes(t('「{name}」的{n}个事项已一次提交，各部门同步办理；需等待前一事项结果的，将在其办结后自动开始。'), { name: <Data>{g.name}</Data>, n: created.parts.length })}
          extra={[
            <Button type="primary" key="view" onClick={() => navigate(view)} data-testid="bundle-view-progress">{t('查看办理进度')}</Button>,
            channel === 'window'
              ? <Button key="more" onClick={() => navigate('/workbench/things')}>{t('继续受理')}</Button>
              : <Button key="mine" onClick={() => navigate('/my/cases')}>{t('我的办件')}</Button>,
          ]}>
          <dl className="bs-bundle-numbers">
            <div><dt>{t('一件事编号')}</dt><dd><Typography.Text strong copyable data-testid="bundle-no">{created.bundleNo}</Typography.Text></dd></div>
            <div><dt>{t('查询码')}</dt><dd><Typography.Text strong copyable data-testid="bundle-query-code">{created.queryCode}</Typography.Text></dd></div>
          </dl>
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 12, marginBottom: 0 }}>
            {t('请妥善保存一件事编号和查询码，可凭此在“进度查询”中查看全部事项的办理进度。')}
          </Typography.Paragraph>
        </Result>
      </Card>
    </div>
  );
}
