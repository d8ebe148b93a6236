/** Fee vocabulary shared by the server and the web app (no Node imports). Amounts are integer fen (分). */

/** Where a payment was made. The hall's channels: its bank window and online payment; anything else is recorded and flagged. */
export const PAYMENT_CHANNELS = ['hallBank', 'online', 'other'] as const;
export type PaymentChannel = (typeof PAYMENT_CHANNELS)[number];
export const HALL_CHANNELS: readonly PaymentChannel[] = ['hallBank', 'online'];
export const PAYMENT_CHANNEL_LABELS: Record<PaymentChannel, string> = { hallBank: '大厅银行收费窗口', online: '网上支付', other: '其他（非大厅收费渠道）' };

export const NOTICE_STATUSES = ['unpaid', 'paid'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];
export const NOTICE_STATUS_LABELS: Record<NoticeStatus, string> = { unpaid: '待缴款', paid: '已缴款' };

/** A fee item's amount rule, read from its 收费标准 text. */
export interface FeeRule {
  /** Price of one unit, in fen. */
  unitFen: number;
  /** 件, 证, 副, 本 … */
  unit: string;
  /** Units free of charge (核发一本证书免收工本费；每增加一本加收10元 → 1). */
  freeUnits: number;
}

/** One line of a payment notice. */
export interface NoticeLine {
  index: number;
  name: string;
  standard: string;
  basis: string;
  quantity: number;
  unitFen: number;
  unit: string;
  freeUnits: number;
  amountFen: number;
  /** 按实核定: the standard has no computable rule; the window assessed this amount. */
  assessed?: boolean;
}

export interface TreasuryAccount { name: string; bank: string; accountNo: string }

export const yuan = (fen: number) => `${(fen / 100).toFixed(2)}`;
