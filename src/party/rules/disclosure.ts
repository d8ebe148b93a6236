/**
 * 党务公开 order (seed 004 第三十一条): 「原则上采取“先党内，后党外”，“先党员，后群众”的顺序进行公开」.
 * Pure: a public date needs an internal date on or before it.
 */
import { refuse, type Refusal } from './refusal.js';

export function checkDisclosureOrder(internalOn: string | null, publicOn: string | null): Refusal | null {
  if (!publicOn) return null;
  if (!internalOn) return refuse('internal_first', 'Disclose inside the Party first, then to the public (seed 004 art. 31)', '须先党内公开、后向社会公开（先党内，后党外；第三十一条）', 422);
  if (publicOn < internalOn) return refuse('internal_first', `The public date ${publicOn} is before the internal one ${internalOn}`, `向社会公开日期（${publicOn}）不能早于党内公开日期（${internalOn}）（先党内，后党外）`, 422);
  return null;
}
