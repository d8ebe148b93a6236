/** Fees API (docs/api.md "Fees"). Amounts are integer fen. */
import { api } from '../../api/client';
import type { NoticeLine, PaymentChannel, TreasuryAccount } from '../../../../src/fees/types';

export interface CaseFees {
  free: boolean;
  payBeforeDelivery: boolean;
  items: { index: number; name: string; standard: string; basis: string; rule: { unitFen: number; unit: string; freeUnits: number } | null }[];
  notice: { id: string; documentId: string; lines: NoticeLine[]; amountFen: number; paidFen: number; status: 'unpaid' | 'paid'; treasury: TreasuryAccount; issuedAt: string; paidAt: string | null } | null;
  payments: { id: string; amountFen: number; channel: PaymentChannel; transport: string; reference: string; paidOn: string; recordedAt: string }[];
  paymentDue: boolean;
  mayCharge: boolean;
  state: string;
  outcome: string | null;
  anomalies?: string[];
}

export const caseFees = (id: string) => api.get<CaseFees>(`/api/fees/cases/${id}`);
export const issueNotice = (id: string, quantities: number[], assessedFen: (number | null)[] = []) => api.post<CaseFees>(`/api/fees/cases/${id}/notice`, { quantities, assessedFen });
export const recordPayment = (id: string, body: { channel: PaymentChannel; receiptNo: string; amountFen: number }) => api.post<CaseFees>(`/api/fees/cases/${id}/payments`, body);
export const getTreasury = () => api.get<{ account: TreasuryAccount | null }>('/api/fees/treasury');
export const putTreasury = (a: TreasuryAccount) => api.put<{ account: TreasuryAccount }>('/api/fees/treasury', a);

export interface FeeTotals {
  from: string; to: string; totalFen: number; payments: number;
  rows: { departmentId: string; department: string; itemId: string; itemCode: string; itemName: string; month: string; payments: number; amountFen: number; hallFen: number }[];
  byDepartment: { key: string; payments: number; amountFen: number }[];
  byItem: { key: string; payments: number; amountFen: number }[];
  byMonth: { key: string; payments: number; amountFen: number }[];
}
export const feeTotals = (q: { from: string; to: string; centerId?: string }) => api.get<FeeTotals>('/api/stats/fees', q);

export const yuan = (fen: number) => (fen / 100).toFixed(2);

export interface LedgerRow { id: string; caseId: string; caseNo: string; itemName: string; department: string; amountFen: number; channel: PaymentChannel; transport: string; reference: string; paidOn: string; recordedAt: string; recordedBy: string; withNotice: boolean }
export const paymentLedger = (q: { from: string; to: string; channel?: PaymentChannel }) => api.get<{ items: LedgerRow[] }>('/api/fees/payments', q);
