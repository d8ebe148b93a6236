/**
 * The promised total (the longest chain of waits) against the sum of the parts, from the
 * rules the server publishes with (src/things/rules.ts), for the items as edited now.
 */
import { Alert, Card, Statistic } from 'antd';
import { totals, type MemberItem } from '../../../../../src/things/rules';
import { Data, useT } from '../../../lib/i18n';
import type { OptionItem, ThingItem } from './model';

export function TotalsCard({ items, options }: { items: ThingItem[]; options: Map<string, OptionItem> }) {
  const t = useT();
  const known = items.filter((i) => options.has(i.itemCode));
  const members = new Map<string, MemberItem>(known.map((i) => {
    const o = options.get(i.itemCode)!;
    return [o.code, { code: o.code, name: o.name, departmentId: o.department.id, promisedLimit: o.promisedLimit, materials: [] }];
  }));
  let result: ReturnType<typeof totals> | null = null;
  try {
    result = totals(known, known, members);
  } catch {
    // The items wait for each other in a circle: no total until the editor breaks it (the server names it).
  }
  const departments = new Set(known.map((i) => options.get(i.itemCode)!.department.id)).size;
  return (
    <Card size="small" className="bs-thing-card" title={t('时限（所有事项都办理时）')} data-testid="thing-totals">
      {result ? (
        <>
          <div className="bs-thing-stats">
            <Statistic title={t('承诺总时限（工作日）')} value={result.promisedWorkingDays} data-testid="thing-total-promised" />
            <Statistic title={t('各事项时限之和（工作日）')} value={result.sumWorkingDays} data-testid="thing-total-sum" />
            <Statistic title={t('涉及部门')} value={departments} />
          </div>
          {result.criticalPath.length > 0 && (
            <div style={{ marginTop: 8 }} data-testid="thing-critical-path">
              {t('最长等待链：')}
              <Data>{result.criticalPath.map((c) => options.get(c)!.name).join(' → ')}</Data>
            </div>
          )}
        </>
      ) : (
        <Alert type="warning" showIcon title={t('事项之间循环等待，无法计算总时限')} />
      )}
    </Card>
  );
}
