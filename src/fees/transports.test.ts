import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { httpPaymentTransport, manualTransport, paymentTransportFromConfig } from './transports.js';

let server: http.Server;
let url = '';
const seen: unknown[] = [];
beforeAll(async () => {
  // A stand-in bank: confirms BK-OK for 9000 fen, knows BK-LESS as 8000 fen, refuses anything else.
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      const b = JSON.parse(body) as { receiptNo: string };
      seen.push({ ...b, auth: req.headers.authorization });
      res.setHeader('content-type', 'application/json');
      if (b.receiptNo === 'BK-OK') return res.end(JSON.stringify({ confirmed: true, reference: 'BANK-778899', amountFen: 9000 }));
      if (b.receiptNo === 'BK-LESS') return res.end(JSON.stringify({ confirmed: true, amountFen: 8000 }));
      res.statusCode = 404;
      res.end(JSON.stringify({ confirmed: false }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/confirm`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const claim = (receiptNo: string, amountFen = 9000) => ({ channel: 'hallBank' as const, receiptNo, amountFen, noticeNo: null, treasuryAccountNo: '27-365101040001234' });

describe('payment transports', () => {
  it('manual: the receipt number, checked for form, is the reference', async () => {
    await expect(manualTransport.confirm(claim(' bk2026-001 '))).resolves.toEqual({ reference: 'BK2026-001' });
    await expect(manualTransport.confirm(claim('x'))).rejects.toMatchObject({ code: 'bad_receipt_no' });
    await expect(manualTransport.confirm(claim('有中文1234'))).rejects.toMatchObject({ code: 'bad_receipt_no' });
  });

  it('HTTP: the bank confirms, with its own reference, and the token is sent', async () => {
    const t = httpPaymentTransport({ url, token: 'secret' });
    await expect(t.confirm(claim('BK-OK'))).resolves.toEqual({ reference: 'BANK-778899' });
    expect(seen.at(-1)).toEqual({ receiptNo: 'BK-OK', amountFen: 9000, channel: 'hallBank', treasuryAccountNo: '27-365101040001234', auth: 'Bearer secret' });
  });

  it('HTTP: not confirmed, another amount, or no answer — not recorded', async () => {
    const t = httpPaymentTransport({ url });
    await expect(t.confirm(claim('BK-NOPE'))).rejects.toMatchObject({ code: 'payment_unconfirmed' });
    await expect(t.confirm(claim('BK-LESS'))).rejects.toMatchObject({ code: 'payment_amount_mismatch' });
    await expect(httpPaymentTransport({ url: 'http://127.0.0.1:9/none', timeoutMs: 2000 }).confirm(claim('BK-OK'))).rejects.toMatchObject({ code: 'payment_gateway_failed', status: 502 });
  });

  it('configuration picks HTTP when a URL is set, else manual', () => {
    expect(paymentTransportFromConfig({}).name).toBe('manual');
    expect(paymentTransportFromConfig({ paymentVerifyUrl: url }).name).toBe('httpBank');
  });
});
