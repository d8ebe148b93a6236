/**
 * When a job applies a step that falls due on a day (超时默认 on `deem_on`, a supplement
 * notice timing out), the step is dated on that day even when the job runs later — the
 * server was down over a holiday, a backlog drained slowly. The case event, decision date
 * and rollups then say what the rules say happened, not when the server came back. The
 * audit row keeps the real time of writing (it records who did what when).
 */
import type { AppContext } from './context.js';

const formats = new Map<string, Intl.DateTimeFormat>();

/** The instant a local calendar day starts in the zone (00:00 there). */
export function startOfDay(day: string, timeZone: string): Date {
  let f = formats.get(timeZone);
  if (!f) formats.set(timeZone, (f = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })));
  const guess = Date.parse(`${day}T00:00:00Z`);
  const p = Object.fromEntries(f.formatToParts(new Date(guess)).map((x) => [x.type, x.value]));
  const shown = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return new Date(guess - (shown - guess));
}

export interface Stamp {
  /** The instant to record on the event. */
  at: Date;
  /** The business day the step belongs to. */
  day: string;
}

/**
 * The date of a step due on `dueDay`: now when it is applied on that day (or earlier),
 * else the start of the due day.
 */
export function dueDayStamp(ctx: Pick<AppContext, 'now' | 'today' | 'config'>, dueDay: string): Stamp {
  const today = ctx.today();
  if (dueDay >= today) return { at: ctx.now(), day: today };
  return { at: startOfDay(dueDay, ctx.config.timeZone), day: dueDay };
}
