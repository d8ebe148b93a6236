/**
 * The one source of "now". Production reads the system clock; tests and the
 * BANSHI_TEST_CLOCK=1 mode set it. Nothing else in the code calls `new Date()`
 * for the current time.
 */
export interface Now {
  (): Date;
}

export class SettableClock {
  private fixed: Date | null = null;
  /** Offset mode keeps time moving after a jump, so sessions and waits still work. */
  private offsetMs = 0;

  readonly now: Now = () => (this.fixed ? new Date(this.fixed) : new Date(Date.now() + this.offsetMs));

  /**
   * Elapsed real time, for security timers only (session expiry): moving the business
   * clock to walk a case through a holiday must not log everyone out.
   */
  readonly wall: Now = () => new Date(Date.now() + this.wallOffsetMs);
  private wallOffsetMs = 0;

  /** Tests only: let wall time pass (a lockout expiring) without waiting; the business clock is untouched. */
  advanceWall(ms: number): void {
    this.wallOffsetMs += ms;
  }

  /** Jump to an instant and keep running from there. */
  set(instant: Date): void {
    this.fixed = null;
    this.offsetMs = instant.getTime() - Date.now();
  }

  /** Freeze at an instant (unit tests). */
  freeze(instant: Date): void {
    this.fixed = new Date(instant);
  }

  reset(): void {
    this.fixed = null;
    this.offsetMs = 0;
  }
}

export const systemNow: Now = () => new Date();

const formats = new Map<string, Intl.DateTimeFormat>();

/** Calendar date (YYYY-MM-DD) of an instant in a time zone (formatters are costly to build: kept per zone). */
export function dateInZone(instant: Date, timeZone: string): string {
  let f = formats.get(timeZone);
  if (!f) formats.set(timeZone, (f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return f.format(instant);
}
