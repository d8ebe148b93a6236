/** 挂牌销号 (portal, no login): promised cases in progress with application date, handler, due date and light; done ones crossed off. */
import { useEffect, useState } from 'react';
import { Card, Table, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { LightTag } from '../../components/CaseTags';
import { useT } from '../../lib/i18n';

interface BoardItem {
  itemName: string; department: string; applicant: string; acceptedOn: string; promisedDue: string | null;
  /** 群众申请日期 and 承办人 (seed 000): staff names are public. */
  submittedOn: string; handler: string | null;
  done: boolean; closedOn: string | null; light: 'green' | 'yellow' | 'red' | 'black' | null;
}
interface Board { total: number; page: number; pageSize: number; doneDays: number; items: BoardItem[] }

const struck = (done: boolean, v: React.ReactNode) => (done ? <del style={{ color: '#595959' }}>{v}</del> : v);

export function BoardPage() {
  const t = useT();
  const [page, setPage] = useState(1);
  const pageSize = 20;
  useEffect(() => {
    document.title = t('挂牌销号 · 政务服务中心');
  }, []);
  const board = useQuery({
    queryKey: ['public-board', page],
    queryFn: ({ signal }) => api.get<Board>('/api/public/board', { page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <div className="bs-page" data-testid="board-page">
      <div className="bs-page-head">
        <Typography.Title level={3} style={{ margin: 0 }}>{t('挂牌销号')}</Typography.Title>
        <Typography.Text type="secondary">
          {t('承诺件受理即挂牌公示办理时限，办结即销号（近 {days} 日办结的以删除线显示）。申请人姓名已脱敏。', { days: board.data?.doneDays ?? 7 })}
        </Typography.Text>
      </div>
      <Card>
        <Table<BoardItem>
          scroll={{ x: 640 }}
          size="middle"
          rowKey={(r, i) => `${r.itemName}-${r.acceptedOn}-${r.applicant}-${i}`}
          loading={board.isFetching}
          dataSource={board.data?.items ?? []}
          data-testid="board-table"
          pagination={{ current: page, pageSize, total: board.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (n) => t('共 {n} 件', { n }) }}
          columns={[
            { title: t('事项'), dataIndex: 'itemName', render: (v: string, r) => struck(r.done, v) },
            { title: t('承办部门'), dataIndex: 'department', render: (v: string, r) => struck(r.done, v) },
            { title: t('申请人'), dataIndex: 'applicant', render: (v: string, r) => <span data-testid="board-applicant">{struck(r.done, v)}</span> },
            { title: t('申请日期'), dataIndex: 'submittedOn', render: (v: string, r) => struck(r.done, v) },
            { title: t('承办人'), dataIndex: 'handler', render: (v: string | null, r) => <span data-testid="board-handler">{struck(r.done, v ?? '—')}</span> },
            { title: t('受理日期'), dataIndex: 'acceptedOn', render: (v: string, r) => struck(r.done, v) },
            { title: t('承诺办结日期'), dataIndex: 'promisedDue', render: (v: string | null, r) => struck(r.done, v ?? '—') },
            {
              title: t('状态'),
              render: (_, r) => (r.done ? <Tag color="default" data-testid="board-done">{t('已办结（')}{r.closedOn}）</Tag> : <LightTag light={r.light} />),
            },
          ]}
        />
      </Card>
    </div>
  );
}
