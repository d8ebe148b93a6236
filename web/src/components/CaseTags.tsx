/** Small shared pieces of the case screens: state and light tags, material flags. */
import { Tag, Tooltip } from 'antd';
import { CASE_STATE_LABELS, formatDateTime } from '../lib/labels';
import type { CaseState } from '../../../src/cases/types';
import type { Light } from '../api/cases';
import { REQUIRED_LABELS } from '../lib/labels';
import { useT, tr } from '../lib/i18n';

export const LIGHT_LABELS: Record<Light, string> = { get green() { return tr('绿灯'); }, get yellow() { return tr('黄灯'); }, get red() { return tr('红灯'); }, get black() { return tr('黑灯'); } };
export const LIGHT_SHORT: Record<Light, string> = { get green() { return tr('绿'); }, get yellow() { return tr('黄'); }, get red() { return tr('红'); }, get black() { return tr('黑'); } };
export const LIGHT_HINTS: Record<Light, string> = {
  get green() { return tr('正常办理，时限充裕'); },
  get yellow() { return tr('临近承诺时限，请加快办理'); },
  get red() { return tr('已超过承诺时限'); },
  get black() { return tr('已超过法定时限'); },
};
/** Solid lamps: green / yellow / red / black, each with a text color readable on it (≥ 4.5 : 1). */
const LIGHT_COLORS: Record<Light, { background: string; color: string }> = {
  green: { background: '#237804', color: '#fff' },
  yellow: { background: '#fadb14', color: '#000' },
  red: { background: '#a8071a', color: '#fff' },
  black: { background: '#262626', color: '#fff' },
};

export const STATE_COLORS: Record<CaseState, string> = {
  submitted: 'processing',
  awaitingSupplement: 'orange',
  accepted: 'blue',
  inProgress: 'geekblue',
  suspended: 'purple',
  reportedUp: 'magenta',
  decided: 'cyan',
  resultReady: 'lime',
  delivered: 'green',
  completed: 'success',
  archived: 'default',
  refused: 'error',
  returned: 'warning',
  withdrawn: 'default',
  terminated: 'default',
};

/** The state's label in the chosen language (the server's label is Chinese). */
export function stateLabel(state: CaseState | string, fallback?: string): string {
  if (state in CASE_STATE_LABELS) return CASE_STATE_LABELS[state as CaseState];
  return fallback ? tr(fallback) : state;
}

export function StateTag({ state, label, testId }: { state: CaseState | string; label?: string; testId?: string }) {
  return (
    <Tag color={STATE_COLORS[state as CaseState] ?? 'default'} data-testid={testId} data-state={state} style={{ marginInlineEnd: 0 }}>
      {stateLabel(state, label)}
    </Tag>
  );
}

/** 绿/黄/红/黑 in those colors; "—" when the clock does not run. */
export function LightTag({ light, short, testId }: { light: Light | null | undefined; short?: boolean; testId?: string }) {
  if (!light) {
    return (
      <span data-testid={testId} data-light="none" style={{ color: '#595959' }}>
        —
      </span>
    );
  }
  return (
    <Tooltip title={LIGHT_HINTS[light]}>
      <Tag data-testid={testId} data-light={light} style={{ ...LIGHT_COLORS[light], borderColor: LIGHT_COLORS[light].background, marginInlineEnd: 0, minWidth: short ? 28 : undefined, textAlign: 'center' }}>
        {short ? LIGHT_SHORT[light] : LIGHT_LABELS[light]}
      </Tag>
    </Tooltip>
  );
}

/** 必要/可选/视情况 and 主件/副件 (and 部门共享免提交). */
export function MaterialFlags({ required, major, source, condition }: { required: keyof typeof REQUIRED_LABELS; major: boolean; source?: string; condition?: string | null }) {
  const t = useT();
  return (
    <span className="bs-flags">
      <Tag color={required === 'required' ? 'red' : required === 'conditional' ? 'orange' : 'default'}>{REQUIRED_LABELS[required] ?? required}</Tag>
      <Tag color={major ? 'blue' : 'default'}>{major ? t('主件') : t('副件')}</Tag>
      {source === 'sharing' && <Tag color="green">{t('部门共享免提交')}</Tag>}
      {condition && <span className="bs-flag-note" translate="no">（{condition}）</span>}
    </span>
  );
}

export function formatDate(s: string | null | undefined): string {
  if (!s) return '—';
  if (!/^\d{4}-\d{2}-\d{2}T/.test(s)) return s;
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) return s.slice(0, 10);
  // The day in the center's zone, like formatDateTime.
  return formatDateTime(s).slice(0, 10);
}
