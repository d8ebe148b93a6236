/**
 * The 一件事 module's working-day deadline (registered in src/deadlines.ts): a bundle case's
 * promised total, filedOn + promisedWorkingDays on the center's calendar. Written at filing
 * (src/things/bundleFile.ts); a calendar change moves it while the bundle is still running.
 */
import { inArray, sql } from 'drizzle-orm';
import type { TrackedDeadline } from '../core/deadlines/registry.js';
import { centers } from '../core/org/schema.js';
import { bundleCases } from './schema.js';

export const BUNDLE_DUE: TrackedDeadline = {
  way: 'tracked', kind: 'things.bundle.promisedDue', label: '一件事承诺办结日期', entityType: 'bundleCase',
  table: bundleCases, id: bundleCases.id, column: bundleCases.promisedDue,
  open: sql`${bundleCases.state} = 'running'`,
  // The applicant was given the date with the bundle: they are told the new one the same way.
  notices: async (tx, moves) => {
    const list = await tx.select({ b: bundleCases, centerName: centers.name }).from(bundleCases).innerJoin(centers, sql`${centers.id} = ${bundleCases.centerId}`)
      .where(inArray(bundleCases.id, moves.map((m) => m.rowId)));
    return moves.flatMap((m) => {
      const r = list.find((x) => x.b.id === m.rowId);
      if (!r) return [];
      return [{
        channel: 'sms' as const, recipientUserId: r.b.applicantUserId, address: r.b.applicantPhone, template: 'bundle.progress' as const,
        payload: { bundleId: r.b.id, bundleNo: r.b.bundleNo, queryCode: r.b.queryCode, thingName: r.b.thingName, centerName: r.centerName,
          summary: `承诺办结日期因节假日（工作日）安排调整，由${m.from}变更为${m.to}` },
      }];
    });
  },
};
