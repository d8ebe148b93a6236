/** The e-licence's document for the one asking: the holder's own copy in full, staff copies masked (scope as `GET /api/licences/:id`). */
import type { AppContext } from '../core/context.js';
import type { SessionUser } from '../core/auth/policy.js';
import { licenceView } from './service.js';
import { renderLicence, verifyPagePath } from './render.js';

export async function licenceDocument(ctx: AppContext, user: SessionUser, id: string, origin: string): Promise<string> {
  // licenceView checks the scope (404 outside it, 403 for a role that reads none) and masks the record for anyone but the holder.
  const v = await licenceView(ctx, user, id);
  return renderLicence({
    record: v.record, verifyCode: v.verifyCode, verifyUrl: `${origin.replace(/\/$/, '')}${verifyPagePath(v.licenceNo, v.verifyCode)}`,
    status: v.status, expired: v.expired, holderCopy: user.role === 'applicant',
  });
}
