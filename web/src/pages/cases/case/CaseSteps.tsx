/** 办理环节: the item's handling steps and where the case is among them. */
import { Card, Steps } from 'antd';
import type { CaseView } from '../../../api/cases';
import { roleLabel, stepName, STEP_ROLE_LABELS } from '../../../lib/labels';
import { useT } from '../../../lib/i18n';

/** A step's name: standard steps in the chosen language, the catalog's own wording as data. */
export function StepName({ name, testId }: { name: string; testId?: string }) {
  const shown = stepName(name);
  return <span data-testid={testId} translate={shown === name ? 'no' : undefined}>{shown}</span>;
}

export function CaseSteps({ c, current, status }: { c: CaseView; current: number; status: 'wait' | 'error' | undefined }) {
  const t = useT();
  return (
    <Card title={t('办理环节')} size="small" className="bs-section" data-testid="case-steps" data-current={current}>
      <Steps
        size="small"
        titlePlacement="vertical"
        current={current}
        status={status}
        items={c.steps.map((s, i) => ({
          title: <StepName name={s.name} testId={`case-step-${i}`} />,
          content: STEP_ROLE_LABELS[s.role] ?? roleLabel(s.role),
        }))}
      />
    </Card>
  );
}
