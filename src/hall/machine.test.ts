import { describe, expect, it } from 'vitest';
import { TICKET_MACHINE, ticketActions, transition, type TicketAction } from './machine.js';
import { TICKET_STATES, type TicketState } from './types.js';

const opts = { noShowCalls: 3 };

describe('ticket machine', () => {
  it('every action from every state: allowed exactly where the table says', () => {
    for (const action of Object.keys(TICKET_MACHINE) as TicketAction[]) {
      for (const state of TICKET_STATES) {
        const r = transition(action, { state, calls: 3 }, opts);
        expect('to' in r, `${action} from ${state}`).toBe(TICKET_MACHINE[action].from.includes(state));
      }
    }
  });
  it('the happy path: waiting → called → serving → done', () => {
    let s: TicketState = 'waiting';
    for (const a of ['call', 'start', 'finish'] as const) {
      const r = transition(a, { state: s, calls: 1 }, opts);
      if (!('to' in r)) throw new Error(r.refused.code);
      s = r.to;
    }
    expect(s).toBe('done');
  });
  it('a no-show needs the configured number of calls', () => {
    expect(transition('skip', { state: 'called', calls: 2 }, opts)).toMatchObject({ refused: { code: 'too_few_calls' } });
    expect(transition('skip', { state: 'called', calls: 3 }, opts)).toEqual({ to: 'noShow' });
    expect(transition('skip', { state: 'called', calls: 1 }, { noShowCalls: 1 })).toEqual({ to: 'noShow' });
  });
  it('transfer goes back to waiting; a no-show can be recalled; done is final', () => {
    expect(transition('transfer', { state: 'serving', calls: 1 }, opts)).toEqual({ to: 'waiting' });
    expect(transition('recall', { state: 'noShow', calls: 3 }, opts)).toEqual({ to: 'called' });
    for (const a of Object.keys(TICKET_MACHINE) as TicketAction[]) expect('refused' in transition(a, { state: 'done', calls: 1 }, opts)).toBe(true);
  });
  it('offers the buttons the table allows', () => {
    expect(ticketActions({ state: 'called', calls: 1 }, opts)).toEqual(['recall', 'start', 'finish', 'transfer']);
    expect(ticketActions({ state: 'called', calls: 3 }, opts)).toEqual(['recall', 'skip', 'start', 'finish', 'transfer']);
    expect(ticketActions({ state: 'serving', calls: 1 }, opts)).toEqual(['finish', 'transfer']);
  });
});
