/**
 * Read-only rendering of every field of a guide (GuideData), used by the portal and the version
 * viewer. One panel per thing a reader comes for (web/src/components/guide/): what it is and how
 * long (About), whether one may apply (Requirements), what to bring (Materials), how it goes
 * (Procedure), cost and result (Result), where to go (Contact).
 */
import type { GuideExtras, GuideViewData } from './guide/parts';
import { AboutPanel } from './guide/AboutPanel';
import { ContactPanel } from './guide/ContactPanel';
import { MaterialsPanel } from './guide/MaterialsPanel';
import { ProcedurePanel } from './guide/ProcedurePanel';
import { RequirementsPanel } from './guide/RequirementsPanel';
import { ResultPanel } from './guide/ResultPanel';

export type { GuideExtras } from './guide/parts';
export { Para } from './guide/parts';
export { MaterialsTable } from './guide/MaterialsPanel';

export function GuideView({ data, extras = {}, departmentNames }: { data: GuideViewData; extras?: GuideExtras; departmentNames?: Map<string, string> }) {
  const depName = extras.department?.name ?? departmentNames?.get(data.departmentId) ?? data.departmentId;
  return (
    <div className="bs-guide">
      <AboutPanel data={data} extras={extras} depName={depName} />
      <RequirementsPanel data={data} />
      <MaterialsPanel materials={data.materials ?? []} />
      <ProcedurePanel data={data} departmentNames={departmentNames} />
      <ResultPanel data={data} />
      <ContactPanel data={data} extras={extras} />
    </div>
  );
}
