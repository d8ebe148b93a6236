/**
 * The ticket state machine as one table: ticket action → states it may start from and
 * the state it leads to. Pure; the service applies it inside one transaction.
 *
 *   waiting ─call→ called ─start→ serving ─finish→ done   (finish also straight from called)
 *             ↑      │ recall (called again, calls + 1)
 *             │      ├ skip → noShow (only after `noShowCalls` calls)
 *             └──────┴ transfer (from called or serving; keeps its place in the queue)
 *   noShow ─recall→ called (the person turned up later the same day)
 *   waiting/called ─expire→ expired (the day is over; the sweep)
 */
import type { TicketState } from './types.js';

export type TicketAction = 'call' | 'recall' | 'skip' | 'start' | 'finish' | 'transfer' | 'expire';

export interface Transition { from: readonly TicketState[]; to: TicketState }

export const TICKET_MACHINE: Record<TicketAction, Transition> = {
  call: { from: ['waiting'], to: 'called' },
  recall: { from: ['called', 'noShow'], to: 'called' },
  skip: { from: ['called'], to: 'noShow' },
  start: { from: ['called'], to: 'serving' },
  // A window may finish straight from the call (the service began as the person sat down).
  finish: { from: ['called', 'serving'], to: 'done' },
  transfer: { from: ['called', 'serving'], to: 'waiting' },
  expire: { from: ['waiting', 'called'], to: 'expired' },
};

export interface TicketFacts { state: TicketState; calls: number }

export type Refusal = { code: string; en: string; zh: string };

/** The next state, or why not. */
export function transition(action: TicketAction, t: TicketFacts, opts: { noShowCalls: number }): { to: TicketState } | { refused: Refusal } {
  const rule = TICKET_MACHINE[action];
  if (!rule.from.includes(t.state)) {
    return { refused: { code: 'wrong_state', en: `A ${t.state} ticket cannot ${action}`, zh: `当前号票状态（${STATE_LABELS[t.state]}）不能执行此操作` } };
  }
  if (action === 'skip' && t.calls < opts.noShowCalls) {
    return { refused: { code: 'too_few_calls', en: `Call the ticket ${opts.noShowCalls} times before marking a no-show (called ${t.calls})`, zh: `叫号满${opts.noShowCalls}次无人应答才能过号（已叫${t.calls}次）` } };
  }
  return { to: rule.to };
}

export const STATE_LABELS: Record<TicketState, string> = {
  waiting: '等候中', called: '已叫号', serving: '办理中', done: '已办结', noShow: '过号', expired: '已失效',
};

/** Actions a window may take on the ticket it holds (for the buttons). */
export function ticketActions(t: TicketFacts, opts: { noShowCalls: number }): TicketAction[] {
  return (['recall', 'skip', 'start', 'finish', 'transfer'] as const).filter((a) => 'to' in transition(a, t, opts));
}
