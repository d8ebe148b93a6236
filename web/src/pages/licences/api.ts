/** E-licences as the server answers them (src/licences/service.ts) and their labels. */
import { zh } from '../../lib/i18n';

export interface LicenceSummary {
  id: string; licenceNo: string; type: string; caseId: string; holderName: string; holderIdMasked: string;
  issuedOn: string; validUntil: string | null; status: 'valid' | 'revoked' | 'superseded'; expired: boolean;
  statusReason: string | null; statusOn: string | null; issuer: string | null;
}
export interface LicenceDetail extends LicenceSummary {
  record: { issuer: { name: string; center: string } };
  verifyCode: string; keyId: string; algorithm: string;
}
export type VerifyResult = 'valid' | 'expired' | 'revoked' | 'superseded' | 'invalidSignature';
export interface LicenceVerification {
  licenceNo: string; result: VerifyResult; checkedOn: string;
  key: { id: string; algorithm: string } | null;
  licence: { type: string; holderName: string; issuer: string; issuerCenter: string; issuedOn: string; validUntil: string | null; statusOn: string | null } | null;
}

/** What a holder or a staff member sees of a licence's standing: valid, expired (from the validity), revoked, superseded. */
export type Standing = 'valid' | 'expired' | 'revoked' | 'superseded';
export const standingOf = (l: Pick<LicenceSummary, 'status' | 'expired'>): Standing => (l.status !== 'valid' ? l.status : l.expired ? 'expired' : 'valid');

export const STANDING: Record<Standing, { label: string; color: string }> = {
  valid: { label: zh('有效'), color: 'green' },
  expired: { label: zh('已过期'), color: 'orange' },
  revoked: { label: zh('已注销'), color: 'red' },
  superseded: { label: zh('已被替代'), color: 'default' },
};

export const VERIFY: Record<VerifyResult, { label: string; type: 'success' | 'warning' | 'error' }> = {
  valid: { label: zh('证照有效'), type: 'success' },
  expired: { label: zh('证照已过有效期'), type: 'warning' },
  revoked: { label: zh('证照已注销'), type: 'error' },
  superseded: { label: zh('证照已被新证照替代'), type: 'warning' },
  invalidSignature: { label: zh('签名验证失败：证照内容被篡改或签章无效'), type: 'error' },
};

/** The portal page a licence's QR code opens (src/licences/render.ts verifyPagePath). */
export const verifyPage = (licenceNo: string, code: string) => `/verify/licence/${encodeURIComponent(licenceNo)}?code=${encodeURIComponent(code)}`;
export const documentUrl = (id: string) => `/api/licences/${id}/document`;
