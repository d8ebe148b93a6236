/**
 * The payment interface (like the notification transports): a transport confirms that a
 * payment into the treasury account really happened and gives its reference. `manual` is
 * the default: the hall's bank window (or the online payment platform) issues a receipt,
 * and staff key in its number; the transport checks its form and the number becomes the
 * reference (each reference is recorded once). A bank or payment-platform plug-in would
 * look the receipt up instead.
 */
import { unprocessable } from '../core/errors.js';
import type { PaymentChannel } from './types.js';

export interface PaymentClaim { channel: PaymentChannel; receiptNo: string; amountFen: number; noticeNo: string | null; treasuryAccountNo: string | null }

export interface PaymentTransport {
  name: string;
  /** Throws an AppError when the payment cannot be confirmed. */
  confirm(claim: PaymentClaim): Promise<{ reference: string }>;
}

const RECEIPT_NO = /^[A-Za-z0-9-]{4,40}$/;

export const manualTransport: PaymentTransport = {
  name: 'manual',
  async confirm(claim) {
    const no = claim.receiptNo.trim();
    if (!RECEIPT_NO.test(no)) throw unprocessable('bad_receipt_no', 'A receipt number is 4–40 letters, digits or dashes', '缴款凭证号须为4至40位字母、数字或连字符', [{ field: 'body.receiptNo', message: 'format' }]);
    return { reference: no.toUpperCase() };
  },
};

let current: PaymentTransport = manualTransport;
export const paymentTransport = (): PaymentTransport => current;
/** Plug in another transport (tests, a bank interface). */
export function usePaymentTransport(t: PaymentTransport): void { current = t; }
