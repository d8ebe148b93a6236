/**
 * The one progress view of a bundle case (一件事): its state and light, the promised total
 * against the parts one by one, the promised day, and each part with its department, state,
 * what it waits for and its case (linked to the case's own page). When an item was refused
 * it says which and what the others do. The applicant opens it at `/my/bundles/:id`, staff
 * read it at `/bundles/:id`, and the public 进度查询 shows it by bundle number and query code.
 */
import './things.css';
import { useEffect } from 'react';
import { Alert, Breadcrumb, Card, Descriptions, Progress, Result, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { ApiError, api } from '../../api/client';
import { FullPageSpin, useSession } from '../../auth/session';
import { formatDate, LightTag, stateLabel } from '../../components/CaseTags';
import { errorText } from '../../lib/feedback';
import { Data, fillNodes, useT } from '../../lib/i18n';
import { BundleRating } from './BundleRating';
import { BUNDLE_STATE_COLORS, bundleStateLabel, PART_STATE_COLORS, partStateLabel, type BundlePart, type BundleView } from './api';

export function BundlePage() {
  const t = useT();
  const { id = '' } = useParams();
  const { user } = useSession();
  const bundle = useQuery({
    queryKey: ['bundle', id],
    queryFn: ({ signal }) => api.get<BundleView>(`/api/bundles/${encodeURIComponent(id)}`, undefined, signal),
    retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 2,
  });
  useEffect(() => { document.title = bundle.data ? t('一件事办理进度 · {name}', { name: bundle.data.thingName }) : t('一件事办理进度'); }, [bundle.data]);
  if (bundle.isLoading || !user) return <FullPageSpin />;
  if (bundle.isError) {
    const gone = bundle.error instanceof ApiError && (bundle.error.status === 404 || bundle.error.status === 403);
    return <Result status={gone ? '404' : 'error'} title={gone ? t('未找到该一件事') : t('加载失败')} subTitle={errorText(bundle.error)} />;
  }
  const applicant = user.role === 'applicant';
  return (
    <div className="bs-page" data-testid="bundle-page">
      <Breadcrumb style={{ marginBottom: 12 }} items={applicant
        ? [{ title: <Link to="/my/cases">{t('我的办件')}</Link> }, { title: t('一件事办理进度') }]
        : [{ title: <Link to="/workbench/cases">{t('办件')}</Link> }, { title: t('一件事办理进度') }]} />
      <BundleProgress b={bundle.data!} caseLink={(caseId) => (applicant ? `/my/cases/${caseId}` : `/cases/${caseId}`)} />
      {applicant && <BundleRating bundleId={id} />}
    </div>
  );
}

/** The view itself; `caseLink` absent (the public query): case numbers are shown, not linked. */
export function BundleProgress({ b, caseLink }: { b: BundleView; caseLink?: (caseId: string) => string }) {
  const t = useT();
  const ended = b.parts.filter((p) => !['waiting', 'started'].includes(p.state)).length;
  return (
    <>
      <Card className="bs-section" data-testid="bundle-head"
        title={<Data>{b.thingName}</Data>}
        extra={<Space size={6} wrap><Tag color={BUNDLE_STATE_COLORS[b.state]} data-testid="bundle-state" data-state={b.state}>{bundleStateLabel(b.state)}</Tag>{b.light && <LightTag light={b.light} testId="bundle-light" />}</Space>}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label={t('一件事编号')}><Data testId="bundle-no-value">{b.bundleNo}</Data></Descriptions.Item>
          {b.applicant && <Descriptions.Item label={t('申请人')}><Data>{b.applicant.name}</Data></Descriptions.Item>}
          <Descriptions.Item label={t('牵头部门')}><Data>{b.leadDepartment.name}</Data></Descriptions.Item>
          <Descriptions.Item label={t('提交日期')}>{formatDate(b.filedOn)}</Descriptions.Item>
          <Descriptions.Item label={t('承诺时限')}>
            {/* Items all done on the spot promise no working days: 即办, not "0 working days". */}
            <span data-testid="bundle-promised">{b.sumWorkingDays === 0 ? t('即办') : t('承诺{d}个工作日（分别办理共{s}个工作日）', { d: b.promisedWorkingDays, s: b.sumWorkingDays })}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('承诺办结日')}><span data-testid="bundle-due">{formatDate(b.promisedDue)}</span></Descriptions.Item>
          {b.endedOn && <Descriptions.Item label={t('全部办结日')}>{formatDate(b.endedOn)}</Descriptions.Item>}
          <Descriptions.Item label={t('结果送达')}>{b.deliverTogether ? t('全部办结后一并送达') : t('各事项办结后分别送达')}</Descriptions.Item>
        </Descriptions>
        <div style={{ marginTop: 12 }}>
          <Typography.Text>{t('已办结{n}项，共{total}项', { n: ended, total: b.parts.length })}</Typography.Text>
          <Progress percent={b.parts.length ? Math.round((ended / b.parts.length) * 100) : 0} showInfo={false} aria-label={t('办结进度')} />
        </div>
      </Card>
      {b.refusals.map((r) => (
        <Alert key={r.itemCode} type="warning" showIcon className="bs-section" data-testid="bundle-refusal"
          title={r.cancelled.length
            ? fillNodes(t('其中“{item}”未获办理；“{cancelled}”因需其结果不再办理；其余事项照常办理。'), { item: <Data>{r.itemName}</Data>, cancelled: <Data>{r.cancelled.join(t('、'))}</Data> })
            : fillNodes(t('其中“{item}”未获办理；其余事项照常办理。'), { item: <Data>{r.itemName}</Data> })} />
      ))}
      <Card title={t('各事项办理情况')} className="bs-section">
        <ul className="bs-bundle-parts" data-testid="bundle-parts">
          {b.parts.map((p) => <PartRow key={p.itemCode} p={p} parts={b.parts} caseLink={caseLink} />)}
        </ul>
      </Card>
    </>
  );
}

function PartRow({ p, parts, caseLink }: { p: BundlePart; parts: BundlePart[]; caseLink?: (caseId: string) => string }) {
  const t = useT();
  // waitsFor names items of the bundle by code (or by name): shown by name.
  const waits = p.waitsFor.map((w) => parts.find((x) => x.itemCode === w)?.itemName ?? w);
  return (
    <li className="bs-bundle-part" data-testid={`bundle-part-${p.itemCode}`} data-state={p.state}>
      <div className="bs-bundle-part-head">
        <Typography.Text strong translate="no">{p.itemName}</Typography.Text>
        <Tag color={PART_STATE_COLORS[p.state]} data-testid="bundle-part-state">{partStateLabel(p.state)}</Tag>
      </div>
      <div className="bs-bundle-part-facts">
        <span><Data>{p.department.name}</Data></span>
        {p.caseNo && (
          <span>
            {t('办件编号')}{' '}
            {caseLink && p.caseId ? <Link to={caseLink(p.caseId)} data-testid="bundle-part-case" translate="no">{p.caseNo}</Link> : <Data testId="bundle-part-case">{p.caseNo}</Data>}
            {p.caseState && <> · {stateLabel(p.caseState)}</>}
          </span>
        )}
        {p.startedOn && <span>{t('开始办理：{d}', { d: formatDate(p.startedOn) })}</span>}
        {p.promisedDue && !p.endedOn && <span>{t('承诺办结日：{d}', { d: formatDate(p.promisedDue) })}</span>}
        {p.endedOn && (p.state === 'resultReady' || p.state === 'completed') && <span>{t('办结日：{d}', { d: formatDate(p.endedOn) })}</span>}
        {p.endedOn && p.state === 'refused' && <span>{t('结束日：{d}', { d: formatDate(p.endedOn) })}</span>}
      </div>
      {p.state === 'waiting' && waits.length > 0 && (
        <Typography.Text type="secondary" data-testid="bundle-part-waits">
          {fillNodes(t('等待“{items}”的结果，出结果后自动开始办理'), { items: <Data>{waits.join(t('、'))}</Data> })}
        </Typography.Text>
      )}
    </li>
  );
}
