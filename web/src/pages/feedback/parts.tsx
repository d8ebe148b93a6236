import { Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useT, zh } from '../../lib/i18n';

const LIGHT = { green: [zh('绿灯'), 'green'], yellow: [zh('黄灯'), 'gold'], red: [zh('红灯'), 'red'] } as const;
export function DueLight({ light, testId }: { light: 'green' | 'yellow' | 'red' | null; testId?: string }) {
  const t = useT();
  if (!light) return null;
  return <Tag color={LIGHT[light][1]} data-testid={testId} data-light={light}>{t(LIGHT[light][0])}</Tag>;
}

export interface Directory { departments: { id: string; name: string }[]; windows: { id: string; name: string }[]; staff: { id: string; name: string }[] }
export function useDirectory() {
  return useQuery({ queryKey: ['feedback', 'directory'], queryFn: ({ signal }) => api.get<Directory>('/api/feedback/directory', undefined, signal), staleTime: 60_000 });
}
export const opts = (list: { id: string; name: string }[] | undefined) => (list ?? []).map((x) => ({ value: x.id, label: x.name }));
