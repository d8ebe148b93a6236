/** Shared pieces of the guide panels (GuideView): a section card, paragraphs, yes/no, a sample link. */
import type { ReactNode } from 'react';
import { Card, Descriptions, Space, Typography, type DescriptionsProps } from 'antd';
import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import type { GuideData } from '../../../../src/catalog/types';
import { useT } from '../../lib/i18n';

export interface GuideExtras {
  code?: string;
  version?: number;
  department?: { id: string; name: string; phone?: string };
  center?: { id: string; name: string; address?: string; hours?: string; phone?: string; complaintPhone?: string };
}

/** The guide as the panels read it: joint participants may carry their department's name. */
export type GuideViewData = Omit<GuideData, 'jointParticipants'> & { jointParticipants: (GuideData['jointParticipants'][number] & { departmentName?: string })[] };

/** Multi-line text as paragraphs; "—" when empty. */
export function Para({ text, testId }: { text?: string | null; testId?: string }) {
  if (!text || !text.trim()) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <div className="bs-para" data-testid={testId} translate="no">
      {text.split(/\n+/).map((line, i) => (
        <p key={i}>{line}</p>
      ))}
    </div>
  );
}

export function YesNo({ value, yes, no }: { value: boolean | undefined; yes?: string; no?: string }) {
  const t = useT();
  yes ??= t('支持');
  no ??= t('不支持');
  return value ? (
    <Space size={4}>
      <CheckCircleTwoTone twoToneColor="#52c41a" />
      {yes}
    </Space>
  ) : (
    <Space size={4}>
      <CloseCircleTwoTone twoToneColor="#bfbfbf" />
      {no}
    </Space>
  );
}

export function Section({ title, id, children, extra }: { title: ReactNode; id: string; children: ReactNode; extra?: ReactNode }) {
  return (
    <Card title={title} id={id} className="bs-section" size="small" extra={extra} data-testid={`guide-section-${id}`}>
      {children}
    </Card>
  );
}

/** A guide's facts as label–value rows: one column on phones, two from md up, labels one width. */
export function Facts({ items }: { items: DescriptionsProps['items'] }) {
  return <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2 }} styles={{ label: { width: 130 } }} items={items} />;
}

export const dash = (v: ReactNode) => (v === undefined || v === null || v === '' ? '—' : v);

export function SampleLink({ sample }: { sample?: string }) {
  const t = useT();
  if (!sample) return <>—</>;
  if (/^(https?:)?\/\//.test(sample) || sample.startsWith('/')) {
    return (
      <a href={sample} target="_blank" rel="noreferrer">
        {t('查看样表')}
      </a>
    );
  }
  return <span translate="no">{sample}</span>;
}
