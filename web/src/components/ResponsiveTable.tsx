/**
 * A table on a wide screen, a list of cards on a phone (< 768 px): each row becomes a card with
 * its first column as the heading and the other columns as "label: value" lines, so every
 * value and action is reachable without scrolling sideways. Takes antd Table's props; the row
 * attributes (`onRow`, test ids) go onto each card too.
 */
import type { HTMLAttributes, Key, ReactNode } from 'react';
import { Empty, Grid, Pagination, Spin, Table } from 'antd';
import type { TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';

type Col<T> = ColumnType<T> & { children?: unknown };

function cellValue<T>(row: T, dataIndex: ColumnType<T>['dataIndex']): unknown {
  if (dataIndex === undefined || dataIndex === null) return undefined;
  const path = Array.isArray(dataIndex) ? dataIndex : [dataIndex];
  return path.reduce<unknown>((v, k) => (v == null ? v : (v as Record<string | number, unknown>)[k as string]), row);
}

function cell<T>(col: Col<T>, row: T, index: number): ReactNode {
  const value = cellValue(row, col.dataIndex);
  if (col.render) return col.render(value, row, index) as ReactNode;
  return value as ReactNode;
}

export function ResponsiveTable<T extends object>(props: TableProps<T>) {
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  if (!narrow) return <Table<T> {...props} />;

  const { dataSource = [], columns = [], rowKey, onRow, loading, locale, pagination } = props;
  // A column shown only from some breakpoint up (`responsive: ['md']`, a row number) is left out of the cards.
  const cols = (columns as Col<T>[]).filter((c) => !c.hidden && (!c.responsive || c.responsive.includes('xs')));
  const [head, ...rest] = cols;
  const keyOf = (row: T, i: number): Key =>
    typeof rowKey === 'function' ? rowKey(row, i) : rowKey ? (row as Record<string, Key>)[rowKey as string] : i;
  const testId = (props as Record<string, unknown>)['data-testid'] as string | undefined;
  return (
    <Spin spinning={typeof loading === 'boolean' ? loading : !!loading?.spinning}>
      <ul className="bs-cards" data-testid={testId}>
        {dataSource.map((row, i) => {
          const attrs = (onRow?.(row, i) ?? {}) as HTMLAttributes<HTMLLIElement>;
          return (
            <li key={keyOf(row, i)} {...attrs} className={`bs-card${attrs.className ? ` ${attrs.className}` : ''}`}>
              {head && <div className="bs-card-head">{cell(head, row, i)}</div>}
              <dl className="bs-card-fields">
                {rest.map((c, ci) => (
                  <div key={String(c.key ?? c.dataIndex ?? ci)} className="bs-card-field">
                    <dt>{c.title as ReactNode}</dt>
                    <dd>{cell(c, row, i)}</dd>
                  </div>
                ))}
              </dl>
            </li>
          );
        })}
      </ul>
      {!dataSource.length && !loading && ((typeof locale?.emptyText === 'function' ? locale.emptyText() : locale?.emptyText) ?? <Empty />)}
      {pagination && (pagination.total ?? 0) > (pagination.pageSize ?? 10) && (
        <Pagination className="bs-items-pager" simple {...pagination} />
      )}
    </Spin>
  );
}
