/**
 * 我的办件 → one case, for the applicant, in plain words (issue 22): where it is now, what
 * happens next, by when (the center's day), and what they must do — with the action on the
 * page (upload, the payment notice, where to collect, the rating form). No pop-ups: withdrawing
 * asks once more inline. The full record (every event, the clock) stays at /cases/:id.
 */
import { Fragment, useEffect, useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Empty, Result, Space, Steps, Tag, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { ApiError, api } from '../../api/client';
import { documentUrl, type CaseView } from '../../api/cases';
import type { PublicGuide } from '../../api/types';
import { FullPageSpin } from '../../auth/session';
import { formatDate } from '../../components/CaseTags';
import { errorText } from '../../lib/feedback';
import { useLang, useT } from '../../lib/i18n';
import { caseFees } from '../fees/api';
import { useMyRatings } from '../feedback/MyCaseRating';
import { caseStory, PLAIN_EVENTS, stageIndex, STAGES, type Msg, type Stage } from './caseStory';
import { CaseTodo } from './CaseTodo';
import './myCase.css';

/** Days an unanswered supplement notice stays open (src/cases/settings.ts DEFAULT_CASE_SETTINGS). */
const SUPPLEMENT_DAYS = 30;
const FEE_STATES = new Set(['decided', 'resultReady', 'delivered', 'completed', 'archived']);

/** A center's day (YYYY-MM-DD) as people say it, with the weekday. */
function usePlainDate() {
  const { lang } = useLang();
  return (day: string) => {
    const d = new Date(`${day.slice(0, 10)}T00:00:00Z`);
    if (Number.isNaN(d.getTime())) return day;
    return lang === 'en'
      ? d.toLocaleDateString('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
      : d.toLocaleDateString('zh-CN', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  };
}

/** A sentence in the chosen language; the data put into it (names, numbers) marked as data. */
function Say({ m }: { m: Msg }) {
  const t = useT();
  const parts = t(m.key).split(/\{(\w+)\}/);
  return (
    <>
      {parts.map((p, i) => (i % 2 === 0 ? <Fragment key={i}>{p}</Fragment> : <span key={i} translate="no" className="bs-data">{String(m.vars?.[p] ?? '')}</span>))}
    </>
  );
}

export function MyCasePage() {
  const t = useT();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const qc = useQueryClient();
  const plainDate = usePlainDate();
  const query = useQuery({
    queryKey: ['case', id],
    queryFn: ({ signal }) => api.get<CaseView>(`/api/cases/${encodeURIComponent(id)}`, undefined, signal),
    staleTime: 0,
  });
  const c = query.data;
  const fees = useQuery({ queryKey: ['case-fees', id, c?.version], queryFn: () => caseFees(id), enabled: !!c && FEE_STATES.has(c.state) });
  const guide = useQuery({
    queryKey: ['guide', c?.item.code],
    queryFn: ({ signal }) => api.get<PublicGuide>(`/api/public/items/${encodeURIComponent(c!.item.code)}`, undefined, signal),
    enabled: c?.state === 'resultReady',
  });
  const ratings = useMyRatings();

  useEffect(() => {
    if (c) document.title = t('{caseNo} · 我的办件', { caseNo: c.caseNo });
  }, [c]);
  // From 我的办件's 评价 (长辈版 has no pop-up): scroll to the form once it is there.
  useEffect(() => {
    if (location.hash === '#rate' && c) document.getElementById('rate')?.scrollIntoView({ block: 'center' });
  }, [location.hash, c, ratings.data]);

  if (query.isLoading) return <FullPageSpin />;
  if (query.isError || !c) {
    const status = query.error instanceof ApiError ? query.error.status : 0;
    return (
      <Result
        status={status === 403 ? '403' : status === 404 ? '404' : 'error'}
        title={status === 403 ? t('无权查看该办件') : status === 404 ? t('办件不存在') : t('加载失败')}
        subTitle={errorText(query.error)}
        extra={<Button onClick={() => navigate('/my/cases')}>{t('返回我的办件')}</Button>}
        data-testid="case-load-error"
      />
    );
  }

  const rating = ratings.data?.items.find((r) => r.caseId === c.id && r.stage === 'completion');
  const unpaidFen = fees.data?.notice && fees.data.notice.status !== 'paid' ? fees.data.notice.amountFen - fees.data.notice.paidFen : 0;
  const story = caseStory({ c, unpaidFen, rated: !!rating || !ratings.data, supplementDays: SUPPLEMENT_DAYS, dayOf: (iso) => formatDate(iso) });
  const changed = (next?: CaseView) => {
    if (next) qc.setQueryData(['case', id], next);
    void qc.invalidateQueries({ queryKey: ['cases'] });
    void query.refetch();
  };
  const stageLabels: Record<Stage, string> = { submit: t('提交申请'), accept: t('受理'), handle: t('审查办理'), result: t('出结果'), done: t('办完') };
  const events = c.events.filter((e) => PLAIN_EVENTS[e.action]);

  return (
    <div className="bs-page bs-my-case" data-testid="my-case-page" data-state={c.state} data-case-id={c.id}>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/my/cases">{t('我的办件')}</Link> }, { title: <span translate="no">{c.caseNo}</span> }]} />
      <div className="bs-page-head">
        <div>
          <Typography.Title level={3} style={{ margin: 0 }} translate="no" data-testid="my-case-item">{c.item.name}</Typography.Title>
          <Typography.Text type="secondary">{t('办件编号')}：<span translate="no" data-testid="my-case-no">{c.caseNo}</span></Typography.Text>
        </div>
        {rating && <Tag color={rating.grade >= 4 ? 'green' : rating.grade === 3 ? 'gold' : 'red'} data-testid={`rated-${c.caseNo}`}>{t('您的评价：')}{t(rating.gradeLabel)}</Tag>}
      </div>

      <Card className="bs-section" data-testid="case-now" title={t('现在到哪一步了')}>
        <Steps
          className="bs-my-case-steps"
          size="small"
          current={stageIndex(story.stage)}
          status={story.stopped ? 'error' : c.state === 'completed' || c.state === 'archived' ? 'finish' : 'process'}
          items={STAGES.map((s) => ({ title: stageLabels[s] }))}
          data-testid="case-stage"
          data-stage={story.stage}
        />
        <Typography.Paragraph className="bs-my-case-now" data-testid="case-now-text"><Say m={story.now} /></Typography.Paragraph>
        {story.next && (
          <Typography.Paragraph data-testid="case-next">
            <strong>{t('接下来：')}</strong><Say m={story.next} />
          </Typography.Paragraph>
        )}
        {story.by && (
          <div className="bs-my-case-by" data-testid="case-by" data-date={story.by.date}>
            <span><Say m={story.by.text} /></span>
            <strong>{plainDate(story.by.date)}</strong>
          </div>
        )}
      </Card>

      <Card className="bs-section" data-testid="case-todo" title={t('您需要做的')}>
        {story.todo.length === 0 ? (
          <Typography.Paragraph style={{ margin: 0 }} data-testid="case-todo-none">
            {story.stopped ? t('不需要再做什么。') : t('现在不需要您做什么。有进展会发短信告诉您，也可以随时回来看。')}
          </Typography.Paragraph>
        ) : (
          story.todo.map((todo) => <CaseTodo key={todo.kind} todo={todo} c={c} fees={fees.data} guide={guide.data} plainDate={plainDate} onChanged={changed} />)
        )}
      </Card>

      {c.documents.length > 0 && (
        <Card className="bs-section" data-testid="case-papers" title={t('给您的文书')}>
          <ul className="bs-todo-facts">
            {c.documents.map((d) => (
              <li key={d.id}>
                <a href={documentUrl(c.id, d.id)} target="_blank" rel="noreferrer" translate="no" data-testid={`paper-${d.kind}`}><FilePdfOutlined /> {d.title}</a>
                <Typography.Text type="secondary"> · {formatDate(d.issuedAt)}</Typography.Text>
              </li>
            ))}
          </ul>
        </Card>
      )}

      <Card className="bs-section" data-testid="case-history" title={t('办理经过')}>
        {events.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : (
          <ol className="bs-my-case-history">
            {events.map((e) => (
              <li key={e.seq} data-action={e.action}>
                <span className="bs-my-case-day">{formatDate(e.at)}</span>
                <span>{t(PLAIN_EVENTS[e.action])}</span>
              </li>
            ))}
          </ol>
        )}
      </Card>

      <Space wrap className="bs-my-case-more">
        <Link to={`/cases/${c.id}`} data-testid="case-full-record">{t('查看详细办理记录')}</Link>
        <Link to={`/progress?caseNo=${encodeURIComponent(c.caseNo)}&queryCode=${encodeURIComponent(c.queryCode)}`}>{t('进度查询')}</Link>
      </Space>
      {c.allowedActions.includes('withdraw') && <Withdraw c={c} onDone={changed} />}
    </div>
  );
}

/** 撤回申请, confirmed inline (no pop-up). */
function Withdraw({ c, onDone }: { c: CaseView; onDone: (next: CaseView) => void }) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async () => {
    setBusy(true);
    try {
      onDone(await api.post<CaseView>(`/api/cases/${c.id}/actions/withdraw`, { version: c.version }));
      setAsking(false);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card className="bs-section" size="small" data-testid="case-withdraw-box">
      {!asking ? (
        <Space wrap>
          <Typography.Text>{t('不想办了？可以撤回申请。')}</Typography.Text>
          <Button onClick={() => setAsking(true)} data-testid="case-withdraw">{t('撤回申请')}</Button>
        </Space>
      ) : (
        <Space wrap>
          <Typography.Text strong>{t('撤回后这件申请就不再办理，要办需重新申请。确定撤回吗？')}</Typography.Text>
          <Button danger type="primary" loading={busy} onClick={() => void send()} data-testid="case-withdraw-confirm">{t('确定撤回')}</Button>
          <Button onClick={() => setAsking(false)}>{t('不撤回')}</Button>
        </Space>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} />}
    </Card>
  );
}
