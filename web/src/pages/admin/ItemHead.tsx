/** The head of one catalog item: name, status, code, the buttons, versions and who had it in hand. */
import type { ReactNode } from 'react';
import { Alert, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { ItemDetail } from '../../api/types';
import { STATUS_LABELS } from '../../lib/labels';
import { StatusTag } from './CatalogListPage';
import { useT } from '../../lib/i18n';

interface Props {
  title: string;
  detail: ItemDetail | undefined;
  dirty: boolean;
  buttons: ReactNode;
}

export function ItemHead({ title, detail, dirty, buttons }: Props) {
  const t = useT();
  return (
    <Card className="bs-item-head">
      <div className="bs-page-head" style={{ marginBottom: 0 }}>
        <Space orientation="vertical" size={4}>
          <Space wrap>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="catalog-item-title">
              {title}
            </Typography.Title>
            {detail && <StatusTag status={detail.status} testId="item-status" />}
            {dirty && <Tag color="orange">{t('未保存')}</Tag>}
          </Space>
          {detail && (
            <Typography.Text type="secondary" data-testid="item-code">
              {detail.code}
            </Typography.Text>
          )}
        </Space>
        <Space wrap>{buttons}</Space>
      </div>
      {detail && <ItemFacts detail={detail} />}
      {detail && <FourEyesNote detail={detail} />}
      {detail?.publishedVersion && (
        <div style={{ marginTop: 4 }}>
          <Link to={`/guide/${encodeURIComponent(detail.code)}`} target="_blank" data-testid="item-portal-link">
            <EyeOutlined />{' '}{t('在门户中查看已发布指南')}
          </Link>
        </div>
      )}
    </Card>
  );
}

function ItemFacts({ detail }: { detail: ItemDetail }) {
  const t = useT();
  const latest = detail.latest;
  const latestStatus = latest?.status;
  const reviewer = latest?.reviewedBy && latestStatus !== 'draft' ? latest.reviewedBy.name : null;
  return (
    <Descriptions
      size="small"
      style={{ marginTop: 12 }}
      column={{ xs: 1, sm: 2, md: 4 }}
      items={[
        { key: 'status', label: t('状态'), children: STATUS_LABELS[detail.status] ?? detail.status },
        {
          key: 'latest',
          label: t('最新版本'),
          children: (
            <span data-testid="item-latest-version">
              v{detail.latestVersion}
              {latestStatus && latestStatus !== detail.status ? `（${STATUS_LABELS[latestStatus] ?? latestStatus}）` : ''}
            </span>
          ),
        },
        {
          key: 'published',
          label: t('已发布版本'),
          children: <span data-testid="item-published-version">{detail.publishedVersion ? `v${detail.publishedVersion}` : t('未发布')}</span>,
        },
        { key: 'dept', label: t('实施部门'), children: detail.department?.name ?? '—' },
        { key: 'editor', label: t('编辑人'), children: <span data-testid="item-edited-by">{latest?.editedBy?.name || '—'}</span> },
        { key: 'submitter', label: t('提交人'), children: <span data-testid="item-submitted-by">{latest?.submittedBy?.name || '—'}</span> },
        { key: 'reviewer', label: t('审核人'), children: <span data-testid="item-reviewed-by">{reviewer || '—'}</span> },
        ...(latest?.reviewNote
          ? [
              {
                key: 'note',
                label: t('审核意见'),
                span: 4,
                children: (
                  <Typography.Text type="danger" data-testid="item-review-note">
                    {latest.reviewNote}
                  </Typography.Text>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

/** While a version waits for review or publishing, say that a second person must take it — and when that is not you. */
function FourEyesNote({ detail }: { detail: ItemDetail }) {
  const t = useT();
  const waiting = detail.latest?.status === 'submitted' || detail.latest?.status === 'reviewed';
  if (!detail.fourEyes?.secondReviewer || !waiting) return null;
  const blocked = detail.fourEyes.blockedActions.length > 0;
  return (
    <Alert
      type={blocked ? 'warning' : 'info'}
      showIcon
      style={{ marginTop: 8 }}
      data-testid={blocked ? 'four-eyes-blocked' : 'four-eyes-note'}
      title={
        blocked
          ? t('双人审核：您编辑或提交了此版本，不能自行审核、发布，请由另一名管理人员办理。')
          : t('双人审核：本中心的事项由编辑人、提交人以外的管理人员审核、发布。')
      }
    />
  );
}
