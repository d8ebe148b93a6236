/** E-licence and seal vocabulary shared by the server and the web app (no Node imports). */

/** The signature scheme: SM2 signature with SM3 (GB/T 32918.2, GB/T 35276; the seal format GB/T 38540 builds on it). */
export const SEAL_ALGORITHM = 'SM2-with-SM3' as const;
/** Who holds a seal: the center (its 行政审批专用章) or a department stationed in it. */
export const SEAL_BODY_KINDS = ['center', 'department'] as const;
export type SealBodyKind = (typeof SEAL_BODY_KINDS)[number];
export const SEAL_BODY_KIND_LABELS: Record<SealBodyKind, string> = { center: '政务服务中心', department: '进驻部门' };

/** A seal key's life: signs while active; rotated keys and keys revoked from a later instant still verify what they signed before. */
export const SEAL_KEY_STATES = ['active', 'rotated', 'revoked'] as const;
export type SealKeyState = (typeof SEAL_KEY_STATES)[number];
export const SEAL_KEY_STATE_LABELS: Record<SealKeyState, string> = { active: '使用中', rotated: '已轮换（仅用于验证）', revoked: '已吊销' };

/** What is stored of a licence's standing; `expired` is never stored (it follows from the validity and today). */
export const LICENCE_STATUSES = ['valid', 'revoked', 'superseded'] as const;
export type LicenceStatus = (typeof LICENCE_STATUSES)[number];

/** What the public verification answers. */
export const VERIFY_RESULTS = ['valid', 'expired', 'revoked', 'superseded', 'invalidSignature'] as const;
export type VerifyResult = (typeof VERIFY_RESULTS)[number];
export const VERIFY_RESULT_LABELS: Record<VerifyResult, string> = {
  valid: '有效', expired: '已过有效期', revoked: '已注销', superseded: '已被新证照替代', invalidSignature: '签名验证失败（证照内容被篡改或签章无效）',
};

/** The catalog result types that are issued as e-licences (an approval is a decision document; 'other' is not a licence). */
export const LICENSABLE_RESULTS = ['certificate', 'approval'] as const;
