import { describe, expect, it } from 'vitest';
import { caseEngine } from './cases/ports.js';
import { compose } from './compose.js';
import { loadConfig } from './core/config.js';
import { syncJointParts } from './cases/joint/hook.js';
import { worklistHook } from './cases/worklistCache.js';
import { supervisionHook } from './supervision/hook.js';
import { statsHook } from './stats/hook.js';
import { bundleHook } from './things/bundleHook.js';
import { deliveryHeld } from './things/bundleDelivery.js';
import { clockSettings } from './supervision/settings.js';
import { paymentDue } from './fees/service.js';
import { filingInsert } from './filings/service.js';
import { boardSections } from './supervision/boardSections.js';
import type { AppContext } from './core/context.js';
import type { SessionUser } from './core/auth/policy.js';

describe('composition', () => {
  it('the case engine and the supervision board refuse to run before anything composed them', async () => {
    expect(() => caseEngine()).toThrow(/not composed/);
    await expect(boardSections({} as AppContext, {} as SessionUser, { today: '2026-12-07', since: '2026-11-08' })).rejects.toThrow(/not composed/);
  });

  it('compose hands the engine every module that follows cases, statistics last', () => {
    compose(loadConfig({}));
    const ports = caseEngine();
    expect(ports.hooks).toEqual([syncJointParts, supervisionHook, worklistHook, bundleHook, statsHook]);
    expect(ports.clockSettings).toBe(clockSettings);
    expect(ports.paymentDue).toBe(paymentDue);
    expect(ports.deliveryHeld).toBe(deliveryHeld);
    expect(ports.negativeFiling).toBe(filingInsert);
  });
});
