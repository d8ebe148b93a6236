/**
 * The applicant's case in plain words (issue 22): where it is now, what happens next, by when,
 * and what the applicant must do. Pure: the case view, its fees and whether it was rated in,
 * sentences out as keys with their data (shown through t(), data marked as data). Staff words
 * (受理, 补正, 容缺, 特别程序 …) are said as an applicant would understand them.
 */
import type { CaseView } from '../../api/cases';
import { zh } from '../../lib/i18n';

/** A sentence to show: its Chinese key (translated where shown) and the data put into it. */
export interface Msg { key: string; vars?: Record<string, string | number> }
const say = (key: string, vars?: Record<string, string | number>): Msg => ({ key, vars });

/** The five stages an applicant sees (the staff steps inside 办理 are one stage here). */
export const STAGES = ['submit', 'accept', 'handle', 'result', 'done'] as const;
export type Stage = (typeof STAGES)[number];

export interface SupplyTodo {
  kind: 'supply';
  materials: { materialId: string; name: string; why: 'asked' | 'owed' }[];
  /** Last day to hand them in (the center's day, YYYY-MM-DD), when known. */
  by: string | null;
  note: string;
}
export type Todo = SupplyTodo | { kind: 'pay'; amountFen: number } | { kind: 'collect' } | { kind: 'rate' };

export interface Story {
  stage: Stage;
  /** The case ended without a result (refused, returned, withdrawn, terminated). */
  stopped: boolean;
  now: Msg;
  next: Msg | null;
  /** The date the next thing is promised or due by, and what it is. */
  by: { date: string; text: Msg } | null;
  todo: Todo[];
}

export interface StoryInput {
  c: Pick<CaseView, 'state' | 'outcome' | 'department' | 'step' | 'materials' | 'events' | 'clock' | 'intake' | 'pledge' | 'allowedActions'>;
  /** Unpaid fee (fen) under an issued payment notice, 0 when none. */
  unpaidFen: number;
  rated: boolean;
  /** Days an unanswered supplement notice stays open before the case counts as withdrawn. */
  supplementDays: number;
  /** An instant → the center's day (YYYY-MM-DD). */
  dayOf: (iso: string) => string;
}

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

function lastEvent(c: StoryInput['c'], action: string) {
  return [...c.events].reverse().find((e) => e.action === action);
}

/** What the applicant has to hand in: named by the last supplement notice, or owed under 容缺. */
function supplyTodo(input: StoryInput): SupplyTodo | null {
  const { c } = input;
  if (!c.allowedActions.includes('supply')) return null;
  const notice = c.state === 'awaitingSupplement' ? lastEvent(c, 'notifySupplement') : undefined;
  const asked = new Set(Array.isArray(notice?.data?.missing) ? (notice.data.missing as string[]) : []);
  const materials = c.materials
    .filter((m) => m.source !== 'sharing' && (asked.has(m.materialId) || m.owed || (c.state === 'awaitingSupplement' && !m.provided && m.required === 'required')))
    .map((m) => ({ materialId: m.materialId, name: m.name, why: (m.owed ? 'owed' : 'asked') as 'asked' | 'owed' }));
  const by = notice
    ? input.dayOf(new Date(Date.parse(notice.at) + input.supplementDays * 86_400_000).toISOString())
    : (c.pledge?.owedBy ?? null);
  return { kind: 'supply', materials, by, note: str(notice?.data?.note) };
}

export function caseStory(input: StoryInput): Story {
  const { c } = input;
  const dept = c.department?.name ?? '';
  const promised = c.clock.promisedDue;
  const todo: Todo[] = [];
  const supply = supplyTodo(input);
  if (supply) todo.push(supply);
  if (input.unpaidFen > 0) todo.push({ kind: 'pay', amountFen: input.unpaidFen });
  const promise = promised ? { date: promised, text: say(zh('承诺办结日')) } : null;

  switch (c.state) {
    case 'submitted': {
      const acceptBy = c.intake?.acceptBy ?? null;
      return {
        stage: 'accept', stopped: false, todo,
        now: say(zh('您的申请已交到{department}，工作人员正在查看材料。'), { department: dept }),
        next: say(zh('材料齐全就受理；缺什么，会一次性告诉您。')),
        by: acceptBy ? { date: acceptBy, text: say(zh('最晚这一天答复您')) } : null,
      };
    }
    case 'awaitingSupplement':
      return {
        stage: 'accept', stopped: false, todo,
        now: say(zh('材料还不齐，正在等您补交。')),
        next: say(zh('您补交后，工作人员再看一遍，齐了就受理。')),
        by: supply?.by ? { date: supply.by, text: say(zh('请在这一天前补交，过期未补交视为撤回申请')) } : null,
      };
    case 'accepted':
    case 'inProgress':
      return {
        stage: 'handle', stopped: false, todo,
        now: c.step
          ? say(zh('{department}已受理，正在办理（现在在“{step}”这一步）。'), { department: dept, step: c.step.name })
          : say(zh('{department}已受理，正在办理。'), { department: dept }),
        next: say(zh('办好后作出决定，会发短信告诉您。')),
        by: supply?.by && c.pledge ? { date: supply.by, text: say(zh('请在这一天前补交欠缺的材料')) } : promise,
      };
    case 'suspended':
      return {
        stage: 'handle', stopped: false, todo,
        now: say(zh('正在进行需要另外花时间的程序（如听证、专家评审、现场勘查），这段时间不算在办理期限里。')),
        next: say(zh('程序完成后继续办理，办结日期相应往后顺延。')),
        by: promise,
      };
    case 'reportedUp':
      return {
        stage: 'handle', stopped: false, todo,
        now: say(zh('已报上级机关审批，正在等批复；等待的时间不算在办理期限里。')),
        next: say(zh('批复回来后作出决定，会发短信告诉您。')),
        by: promise,
      };
    case 'decided':
      return {
        stage: 'result', stopped: false, todo,
        now: c.outcome === 'denied' ? say(zh('已作出决定：不予批准，理由写在决定书里。')) : say(zh('已作出决定：同意。')),
        next: input.unpaidFen > 0 ? say(zh('缴清费用后，结果准备好就通知您领取。')) : say(zh('结果准备好后，会发短信通知您领取。')),
        by: null,
      };
    case 'resultReady':
      if (!input.unpaidFen) todo.push({ kind: 'collect' });
      return {
        stage: 'result', stopped: false, todo,
        now: say(zh('办理结果已经准备好了。')),
        next: input.unpaidFen > 0 ? say(zh('先缴费，再领取结果。')) : say(zh('请来领取结果，领取后就办完了。')),
        by: null,
      };
    case 'delivered': {
      const tracking = str(lastEvent(c, 'deliver')?.data?.trackingNo);
      return {
        stage: 'result', stopped: false, todo,
        now: tracking ? say(zh('结果已寄出，快递单号 {trackingNo}。'), { trackingNo: tracking }) : say(zh('结果已交给您。')),
        next: say(zh('工作人员确认后办结。')),
        by: null,
      };
    }
    case 'completed':
    case 'archived':
      if (!input.rated) todo.push({ kind: 'rate' });
      return {
        stage: 'done', stopped: false, todo,
        now: say(zh('已经办完了。')),
        next: input.rated ? null : say(zh('请给我们的服务打个分，帮助我们改进。')),
        by: null,
      };
    default:
      return ended(input, todo);
  }
}

/** Refused, returned, withdrawn, terminated: why it stopped and what the applicant can do now. */
function ended(input: StoryInput, todo: Todo[]): Story {
  const { c } = input;
  const base = { stage: 'accept' as Stage, stopped: true, by: null, todo };
  if (c.state === 'refused') {
    const why = str(lastEvent(c, 'refuse')?.data?.reasons);
    return { ...base, now: why ? say(zh('不予受理。原因：{why}'), { why }) : say(zh('不予受理。')), next: say(zh('条件具备后可以重新申请；对决定不服，可按通知书写明的途径申请行政复议或提起行政诉讼。')) };
  }
  if (c.state === 'returned') {
    const e = lastEvent(c, 'return');
    const to = str(e?.data?.redirectTo);
    return { ...base, now: say(zh('申请已退回：这件事不归本中心办理。')), next: to ? say(zh('请向 {to} 申请。'), { to }) : null };
  }
  if (c.state === 'withdrawn') {
    const e = lastEvent(c, 'withdraw');
    const timedOut = str(e?.data?.reason) === 'supplementTimeout';
    return {
      ...base,
      now: timedOut ? say(zh('超过 {days} 天没有补交材料，申请已视为撤回。'), { days: input.supplementDays }) : say(zh('申请已撤回。')),
      next: say(zh('如果还要办，可以重新申请。')),
    };
  }
  return { ...base, stage: 'handle', now: say(zh('办理已终止。')), next: say(zh('如有疑问，请致电承办部门。')) };
}

/** The stage's index for a steps bar; a stopped case marks the stage where it stopped. */
export const stageIndex = (s: Stage) => STAGES.indexOf(s);

/** Events an applicant cares about, in plain words (shown through t); internal steps (assign, hand over …) are left out. */
export const PLAIN_EVENTS: Record<string, string> = {
  submit: zh('提交申请'),
  accept: zh('受理'),
  acceptConditional: zh('受理（部分材料可以后补）'),
  notifySupplement: zh('通知您补交材料'),
  supply: zh('补交材料'),
  suspend: zh('进入需另外计时的程序'),
  resume: zh('继续办理'),
  reportUp: zh('报上级机关审批'),
  recordReply: zh('上级机关已批复'),
  approveExtension: zh('办理期限已延长'),
  decide: zh('作出决定'),
  markResultReady: zh('结果已准备好'),
  deliver: zh('结果已送达'),
  complete: zh('办结'),
  refuse: zh('不予受理'),
  return: zh('退回申请'),
  withdraw: zh('撤回申请'),
};
