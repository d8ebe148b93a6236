/** A card of the thing editor that holds a list (questions, items, shared materials): its title, an add button, a word when empty. */
import type { ReactNode } from 'react';
import { Button, Card, Empty } from 'antd';
import { PlusOutlined } from '@ant-design/icons';

export function ListCard({ title, testId, addLabel, addTestId, onAdd, empty, readOnly, children }: {
  title: string; testId: string; addLabel: string; addTestId: string; onAdd: () => void; empty: string | null; readOnly: boolean; children: ReactNode;
}) {
  return (
    <Card size="small" className="bs-thing-card" title={title} data-testid={testId}
      extra={!readOnly && <Button size="small" icon={<PlusOutlined />} onClick={onAdd} data-testid={addTestId}>{addLabel}</Button>}>
      {empty !== null && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />}
      {children}
    </Card>
  );
}
