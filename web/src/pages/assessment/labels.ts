/** The assessment screens' shared wording: subject types, period kinds and states, and how a line's rule and value read. */
import { useT, zh } from '../../lib/i18n';
import type { Line, PeriodKind, PointsRule, SubjectType } from './api';

export const SUBJECTS: [SubjectType, string][] = [['window', zh('窗口')], ['department', zh('部门')], ['staff', zh('工作人员')]];
export const KINDS: [PeriodKind, string][] = [['month', zh('月度')], ['quarter', zh('季度')], ['year', zh('全年')]];
export const STATES: Record<string, [string, string]> = { draft: [zh('草稿'), 'default'], computed: [zh('已计算'), 'blue'], frozen: [zh('已冻结'), 'purple'], published: [zh('已发布'), 'green'] };
export const ACTIONS: Record<string, string> = { compute: zh('计算'), freeze: zh('冻结'), publish: zh('发布') };
export const SOURCES: Record<string, string> = { computed: zh('计算'), manual: zh('人工加减分'), adjustment: zh('申诉调整') };
export const signed = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n > 0 ? `+${n}` : String(n));

type T = ReturnType<typeof useT>;
export function ruleText(t: T, r: PointsRule | null | undefined): string {
  if (!r) return '';
  if (r.kind === 'perUnit') return [t('每件 {points} 分', { points: signed(r.points) }), r.free ? t('{n} 件以内不计', { n: r.free }) : '', r.cap !== undefined ? t('最多 {n} 分', { n: r.cap }) : ''].filter(Boolean).join(t('，'));
  if (r.kind === 'thresholds') return [...r.bands].sort((a, b) => b.min - a.min).map((b) => `≥${b.min}: ${signed(b.points)}`).join('; ');
  return [t('目标 {target}%，每低 1 个百分点扣 {n} 分', { target: r.target, n: Math.abs(r.perPoint) }), r.cap !== undefined ? t('最多 {n} 分', { n: r.cap }) : '', r.bonus ? t('达标 {n} 分', { n: signed(r.bonus) }) : ''].filter(Boolean).join(t('，'));
}
export function valueText(t: T, l: Line): string {
  if (!l.value) return '';
  if (l.value.kind === 'count') return t('{n} 项', { n: l.value.count });
  return l.value.den === 0 ? t('无办件') : `${l.shown?.toFixed(2)}% (${l.value.num}/${l.value.den})`;
}
