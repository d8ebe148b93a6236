/**
 * 免证办: a material whose licence type the applicant's valid e-licence satisfies shows the
 * licence and a consent checkbox instead of the upload (GET /api/licences/usable; the server
 * checks the licence again when the case is filed).
 */
import { Checkbox, Space, Tag } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { useT } from '../lib/i18n';

export interface UsableLicence { id: string; licenceNo: string; type: string; issuedOn: string; validUntil: string | null; issuer: string }
interface Usable { materials: { materialId: string; materialName: string; licenceType: string; licences: UsableLicence[] }[] }

/** The first usable licence per material id (an applicant: their own; a receiver: by the applicant's ID number). */
export function useUsableLicences(itemCode: string | undefined, idNumber?: string): Record<string, UsableLicence> {
  const q = useQuery({
    queryKey: ['licences-usable', itemCode, idNumber ?? ''],
    enabled: !!itemCode,
    retry: false,
    queryFn: ({ signal }) => api.get<Usable>('/api/licences/usable', { itemCode: itemCode!, ...(idNumber ? { idNumber } : {}) }, signal),
  });
  const out: Record<string, UsableLicence> = {};
  for (const m of q.data?.materials ?? []) if (m.licences[0]) out[m.materialId] = m.licences[0];
  return out;
}

/** The licence line with its consent; checked, it replaces the upload. */
export function LicenceChoice({ testId, licence, consent, onChange }: { testId: string; licence: UsableLicence; consent: boolean; onChange: (v: boolean) => void }) {
  const t = useT();
  return (
    <Space direction="vertical" size={4} data-testid={testId}>
      <Tag color="blue" icon={<SafetyCertificateOutlined />}>
        {t('使用电子证照：')}<span translate="no">{licence.type} {licence.licenceNo}</span>
      </Tag>
      <Checkbox checked={consent} onChange={(e) => onChange(e.target.checked)} data-testid={`${testId}-consent`}>
        {t('本人同意使用该电子证照，免于上传此材料')}
      </Checkbox>
    </Space>
  );
}
