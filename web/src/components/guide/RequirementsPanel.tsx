/** Whether one may apply: 设定依据, 受理条件 and 审查标准. */
import { useT } from '../../lib/i18n';
import { Para, Section, type GuideViewData } from './parts';

export function RequirementsPanel({ data }: { data: GuideViewData }) {
  const t = useT();
  return (
    <>
    <Section title={t('设定依据')} id="legal-basis">
      <Para text={data.legalBasis} testId="guide-legal-basis" />
    </Section>

    <Section title={t('受理条件')} id="conditions">
      <Para text={data.conditions} testId="guide-conditions" />
    </Section>

    <Section title={t('审查标准')} id="review-standard">
      <Para text={data.reviewStandard} />
    </Section>
    </>
  );
}
