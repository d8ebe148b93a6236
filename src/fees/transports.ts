/**
 * The payment interface (like the notification transports): a transport confirms that a
 * payment into the treasury account really happened and gives its reference. `manual` is
 * the default: the hall's bank window (or the online payment platform) issues a receipt,
 * and staff key in its number; the transport checks its form and the number becomes the
 * reference (each reference is recorded once). A bank or payment-platform plug-in would
 * look the receipt up instead.
 */
import { AppError, unprocessable } from '../core/errors.js';
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

export interface HttpPaymentOptions { url: string; token?: string; timeoutMs?: number }

/**
 * A bank or payment platform that confirms receipts over HTTP: POST JSON { receiptNo,
 * amountFen, channel, treasuryAccountNo } → 200 { confirmed: true, reference?, amountFen? }.
 * Not confirmed, another amount, or no answer: the payment is not recorded.
 */
export function httpPaymentTransport(o: HttpPaymentOptions): PaymentTransport {
  return {
    name: 'httpBank',
    async confirm(claim) {
      const receiptNo = claim.receiptNo.trim();
      let res: Response;
      try {
        res = await fetch(o.url, {
          method: 'POST', signal: AbortSignal.timeout(o.timeoutMs ?? 10_000),
          headers: { 'content-type': 'application/json', ...(o.token ? { authorization: `Bearer ${o.token}` } : {}) },
          body: JSON.stringify({ receiptNo, amountFen: claim.amountFen, channel: claim.channel, treasuryAccountNo: claim.treasuryAccountNo }),
        });
      } catch {
        throw new AppError(502, 'payment_gateway_failed', 'The payment platform did not answer; try again', '收款平台未响应，请稍后重试');
      }
      const body = (await res.json().catch(() => ({}))) as { confirmed?: boolean; reference?: string; amountFen?: number };
      if (!res.ok || body.confirmed !== true) throw unprocessable('payment_unconfirmed', 'The payment platform does not confirm this receipt', '收款平台未确认该笔缴款，请核对缴款凭证号');
      if (typeof body.amountFen === 'number' && body.amountFen !== claim.amountFen) {
        throw unprocessable('payment_amount_mismatch', `The platform confirms ${body.amountFen} fen, not ${claim.amountFen}`, `收款平台确认的金额（${(body.amountFen / 100).toFixed(2)}元）与登记金额不符`);
      }
      return { reference: (body.reference ?? receiptNo).toUpperCase() };
    },
  };
}

/** The configured transport: an HTTP confirmation when PAYMENT_VERIFY_URL is set, else manual. */
export function paymentTransportFromConfig(c: { paymentVerifyUrl?: string; paymentVerifyToken?: string }): PaymentTransport {
  return c.paymentVerifyUrl ? httpPaymentTransport({ url: c.paymentVerifyUrl, token: c.paymentVerifyToken }) : manualTransport;
}

let current: PaymentTransport = manualTransport;
export const paymentTransport = (): PaymentTransport => current;
/** Plug in another transport (tests, a bank interface). */
export function usePaymentTransport(t: PaymentTransport): void { current = t; }
