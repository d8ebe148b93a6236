/**
 * Header bell: unread count, a popover with the latest notices (click = read + open), 全部已读.
 * In 长辈版 (工信部 适老化: no pop-ups) the bell is a link to the notifications page instead.
 */
import { Badge, Button, Empty, List, Popover, Space, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useLatestNotices, useMarkAllRead, useMarkRead, type NoticeItem } from '../api/notifications';
import { formatDateTime } from '../lib/labels';
import { showError } from '../lib/feedback';
import { useT } from '../lib/i18n';
import { useDisplay } from '../lib/display';

/** Opens a notice: marks it read (unless already) and follows its link. Shared with the full page. */
export function useOpenNotice(after?: () => void) {
  const markRead = useMarkRead();
  const navigate = useNavigate();
  return async (n: NoticeItem) => {
    if (!n.read) await markRead.mutateAsync(n.id).catch(showError);
    after?.();
    if (n.link) navigate(n.link);
  };
}

export function NoticeRow({ n, onOpen }: { n: NoticeItem; onOpen: (n: NoticeItem) => void }) {
  return (
    <List.Item
      className={`bs-notice${n.read ? '' : ' bs-notice-unread'}`}
      data-testid={`notice-${n.id}`}
      data-read={n.read ? 'true' : 'false'}
      onClick={() => onOpen(n)}
      style={{ cursor: 'pointer', paddingInline: 8 }}
    >
      <List.Item.Meta
        avatar={<Badge dot={!n.read} offset={[-2, 6]}><BellOutlined style={{ color: n.read ? '#bfbfbf' : '#1677ff' }} /></Badge>}
        title={<Typography.Text strong={!n.read} data-testid="notice-title" translate="no">{n.title}</Typography.Text>}
        description={
          <>
            <div data-testid="notice-text" translate="no">{n.text}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(n.createdAt)}</Typography.Text>
          </>
        }
      />
    </List.Item>
  );
}

export function NotificationBell() {
  const t = useT();
  const { elderly } = useDisplay();
  const [open, setOpen] = useState(false);
  const latest = useLatestNotices(true);
  const markAll = useMarkAllRead();
  const openNotice = useOpenNotice(() => setOpen(false));
  const unread = latest.data?.unread ?? 0;
  const items = latest.data?.items ?? [];

  const content = (
    <div style={{ width: 380 }} data-testid="notice-popover">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无通知')} />
      ) : (
        <List size="small" dataSource={items} renderItem={(n) => <NoticeRow n={n} onOpen={openNotice} />} style={{ maxHeight: 420, overflowY: 'auto' }} />
      )}
      <Space style={{ width: '100%', justifyContent: 'space-between', marginTop: 8 }}>
        <Button size="small" disabled={unread === 0} loading={markAll.isPending} onClick={() => markAll.mutate(undefined, { onError: showError })} data-testid="notice-read-all">
          {t('全部已读')}
        </Button>
        <Link to="/notifications" onClick={() => setOpen(false)} data-testid="notice-see-all">
          {t('查看全部通知')}
        </Link>
      </Space>
    </div>
  );

  const label = unread ? t('通知，{unread}条未读', { unread }) : t('通知');
  const badge = (
    <Badge count={unread} size="small" overflowCount={99} data-testid="notice-count" data-count={unread}>
      <BellOutlined style={{ fontSize: 18, color: '#fff' }} />
    </Badge>
  );
  if (elderly) {
    return (
      <Link to="/notifications" className="bs-bell bs-bell-link" aria-label={label} data-testid="notice-bell">
        {badge}
        <span className="bs-bell-text">{t('通知')}</span>
      </Link>
    );
  }
  return (
    <Popover content={content} title={t('通知')} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      <Button type="text" className="bs-bell" aria-label={label} data-testid="notice-bell">
        {badge}
      </Button>
    </Popover>
  );
}
