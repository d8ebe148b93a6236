/** 我的通知: every in-app notice, newest first, 50 at a time. */
import { Button, Card, Empty, List, Space, Tag } from 'antd';
import { useAllNotices, useMarkAllRead } from '../../api/notifications';
import { NoticeRow, useOpenNotice } from '../../components/NotificationBell';
import { showError } from '../../lib/feedback';
import { useT } from '../../lib/i18n';

export function NotificationsPage() {
  const t = useT();
  const all = useAllNotices();
  const markAll = useMarkAllRead();
  const openNotice = useOpenNotice();
  const items = all.data?.pages.flatMap((p) => p.items) ?? [];
  // The first page carries the current count (refetched with the others).
  const unread = all.data?.pages[0]?.unread ?? 0;

  return (
    <Card
      title={
        <Space>
          {t('我的通知')}
          <Tag color={unread ? 'blue' : 'default'} data-testid="notices-unread">{unread}{' '}{t('条未读')}</Tag>
        </Space>
      }
      extra={
        <Button disabled={unread === 0} loading={markAll.isPending} onClick={() => markAll.mutate(undefined, { onError: showError })} data-testid="notices-read-all">
          {t('全部已读')}
        </Button>
      }
      data-testid="notices-page"
    >
      {items.length === 0 && !all.isLoading ? (
        <Empty description={t('暂无通知')} />
      ) : (
        <List loading={all.isLoading} dataSource={items} renderItem={(n) => <NoticeRow n={n} onOpen={openNotice} />} />
      )}
      {all.hasNextPage && (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button onClick={() => all.fetchNextPage()} loading={all.isFetchingNextPage} data-testid="notices-more">
            {t('加载更多')}
          </Button>
        </div>
      )}
    </Card>
  );
}
