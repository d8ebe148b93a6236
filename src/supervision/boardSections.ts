import type { AppContext } from '../core/context.js';
import type { SessionUser } from '../core/auth/policy.js';

/**
 * What other modules add to the supervision board (电子监察), each under its own key: 好差评
 * and complaints from feedback, today's queue from the hall. Handed in at start-up by
 * src/compose.ts, because those modules already use supervision (its scope, bus, records):
 * if the board imported them back, each would close a loop with supervision.
 */
export type BoardSection = (ctx: AppContext, user: SessionUser, period: { today: string; since: string }) => Promise<unknown>;

let installed: Readonly<Record<string, BoardSection>> | null = null;

/** Called by src/compose.ts only; installing again replaces the sections. */
export function installBoardSections(sections: Record<string, BoardSection>): void {
  installed = { ...sections };
}

/** Every section's figures for this reader, by key. Throws when nothing composed the board (a silent gap otherwise). */
export async function boardSections(ctx: AppContext, user: SessionUser, period: { today: string; since: string }): Promise<Record<string, unknown>> {
  if (!installed) throw new Error('supervision board not composed: call compose() (src/compose.ts) first');
  const figures = await Promise.all(Object.entries(installed).map(async ([key, section]) => [key, await section(ctx, user, period)] as const));
  return Object.fromEntries(figures);
}
