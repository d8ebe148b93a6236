/** Where to go and whom to ask: 办理地点与咨询. */
import { useT } from '../../lib/i18n';
import { dash, Facts, Section, type GuideExtras, type GuideViewData } from './parts';

export function ContactPanel({ data, extras }: { data: GuideViewData; extras: GuideExtras }) {
  const t = useT();
  const contact = data.contact ?? { address: '', hours: '', phone: '', complaintPhone: '' };
  const center = extras.center;
  return (
    <Section title={t('办理地点与咨询')} id="contact">
      <Facts
        items={[
          { key: 'addr', label: t('办理地点'), children: <span data-testid="guide-address" translate="no">{dash(contact.address || center?.address)}</span>, span: 2 },
          { key: 'hours', label: t('办理时间'), children: <span translate="no">{dash(contact.hours || center?.hours)}</span>, span: 2 },
          { key: 'phone', label: t('咨询电话'), children: dash(contact.phone || extras.department?.phone || center?.phone) },
          { key: 'complaint', label: t('投诉电话'), children: dash(contact.complaintPhone || center?.complaintPhone) },
          ...(center?.name ? [{ key: 'center', label: t('服务中心'), children: <span translate="no">{center.name}</span>, span: 2 }] : []),
        ]}
      />
    </Section>
  );
}
