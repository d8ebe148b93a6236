/** Local time of day, HH:MM. */
export interface Session { start: string; end: string }

export interface PriorityGroup { key: string; label: string }

/** A center's hall settings; every value has a default (DEFAULT_HALL_SETTINGS). */
export interface HallSettings {
  /** Calls without answer after which a ticket may be marked a no-show. */
  noShowCalls: number;
  /** Wait target in minutes (share served within it is reported). */
  waitTargetMinutes: number;
  /** How many days ahead a slot may be booked (today counts as day 0). */
  bookingHorizonDays: number;
  slotMinutes: number;
  /** Office sessions of a working day (local time). */
  sessions: Session[];
  /** Check-in window around a slot's start: from `checkInBeforeMinutes` before to `checkInAfterMinutes` after. */
  checkInBeforeMinutes: number;
  checkInAfterMinutes: number;
  /** A citizen may cancel a booking until this many minutes before its slot starts (0: until the start). */
  cancelBeforeMinutes: number;
  /** `noShowLimit` no-shows within `noShowWindowDays` days block booking for `blockDays` days. */
  noShowLimit: number;
  noShowWindowDays: number;
  blockDays: number;
  /** Minutes of service assumed for the wait estimate until the day has its own figures. */
  defaultServiceMinutes: number;
  /** 三特: who may take a priority ticket. */
  priorityGroups: PriorityGroup[];
}

export const DEFAULT_HALL_SETTINGS: HallSettings = {
  noShowCalls: 3,
  waitTargetMinutes: 20,
  bookingHorizonDays: 7,
  slotMinutes: 30,
  sessions: [{ start: '09:00', end: '12:00' }, { start: '13:30', end: '17:30' }],
  checkInBeforeMinutes: 30,
  checkInAfterMinutes: 15,
  cancelBeforeMinutes: 0,
  noShowLimit: 3,
  noShowWindowDays: 30,
  blockDays: 30,
  defaultServiceMinutes: 8,
  priorityGroups: [
    { key: 'elderly', label: '老年人（70岁以上）' },
    { key: 'disabled', label: '残疾人' },
    { key: 'pregnant', label: '孕妇' },
    { key: 'military', label: '军人、退役军人及军属' },
    { key: 'special', label: '特殊困难、特殊情况（三特）' },
    { key: 'greenChannel', label: '绿色通道（重点项目）' },
  ],
};

export const TICKET_STATES = ['waiting', 'called', 'serving', 'done', 'noShow', 'expired'] as const;
export type TicketState = (typeof TICKET_STATES)[number];

export const WINDOW_ACTIONS = ['callNext', 'recall', 'skip', 'transfer', 'start', 'finish', 'pause', 'resume'] as const;
export type WindowAction = (typeof WINDOW_ACTIONS)[number];

export const BOOKING_ACTIONS = ['cancel', 'checkIn'] as const;
export type BookingAction = (typeof BOOKING_ACTIONS)[number];
