/** Hall API types and small hooks (the server's shapes, src/hall). */
import { useEffect, useRef, useState } from 'react';
import type { Me } from '../../api/types';

export interface Category { id: string; prefix: string; name: string; itemCodes: string[]; slotCapacity: number; active: boolean; sortOrder: number; waiting: number }
export interface PriorityGroup { key: string; label: string }
export interface Categories { center: { id: string; name: string }; opening?: { open: boolean; next: { day: string; start: string } | null }; priorityGroups: PriorityGroup[]; categories: Category[] }
export interface TicketBrief { id: string; number: string; categoryId: string; state: string; priority: number; calls: number; windowId: string | null; takenAt: string }
export interface TicketStatus extends TicketBrief { centerName: string; categoryName: string; priorityGroup: string | null; day: string; ahead: number; estimatedWaitMinutes: number; windowNumber: number | null }
export interface StaffTicket extends TicketBrief { priorityGroup: string | null; channel: string; idNumber: string; bookingId: string | null; transfers: number; caseIds: string[]; actions?: string[] }
export interface WindowRow { id: string; number: number; name: string; kind: string; paused: boolean; pauseReason: string | null; categoryIds: string[]; current: TicketBrief | null }
export interface WindowView {
  window: { id: string; centerId: string; number: number; name: string };
  paused: boolean; pauseReason: string | null;
  categories: { id: string; prefix: string; name: string; waiting: number }[];
  current: StaffTicket | null; lastServed: TicketBrief | null; noShowCalls: number;
}
export interface HallEvent { id: number; kind: string; at: string; ticketId?: string; number?: string; categoryId?: string; windowId?: string; windowNumber?: number; windowName?: string; text?: string; calls?: number; waiting?: Record<string, number> }
export interface Snapshot {
  lastEventId: number; center: { id: string; name: string };
  categories: { id: string; prefix: string; name: string; waiting: number }[];
  windows: { id: string; number: number; name: string; paused: boolean; current: { number: string; state: string } | null }[];
  recentCalls: HallEvent[];
}
export interface Slot { id: string; day: string; start: string; end: string; capacity: number; booked: number; left: number; extended: boolean; open: boolean }
export interface Slots { category: { id: string; name: string; prefix: string }; firstOpen: { day: string; slotId: string } | null; days: { day: string; workingDay: boolean; serviceDay: { kind: string; note: string } | null }[]; slots: Slot[] }
export interface Booking { id: string; code: string; categoryId: string; day: string; start: string; end: string; status: string; ticketId: string | null; name: string; idNumber: string; phone: string }

export interface Prefill { name: string; idNumber: string; phone: string }
export interface MyBooking extends Booking { categoryName: string; centerName: string; centerAddress: string; cancellable: boolean }

export const isHallStaff = (u: Me) => ['receiver', 'coordinator', 'chiefRep', 'centerAdmin'].includes(u.role);
export const isHallAdmin = (u: Me) => u.role === 'centerAdmin';
export const canSeeHallStats = (u: Me) => ['centerAdmin', 'supervisor', 'leader', 'chiefRep'].includes(u.role);

/**
 * The hall's event stream (SSE). The browser's EventSource resends `Last-Event-ID` on its
 * own reconnects, so no call is lost; `onSnapshot` gets the state on first connect.
 */
export function useHallStream(centerId: string | undefined, onSnapshot: (s: Snapshot) => void, onEvent: (e: HallEvent) => void) {
  const [live, setLive] = useState(false);
  const handlers = useRef({ onSnapshot, onEvent });
  handlers.current = { onSnapshot, onEvent };
  useEffect(() => {
    const es = new EventSource(`/api/hall/stream${centerId ? `?centerId=${centerId}` : ''}`);
    es.onopen = () => setLive(true);
    es.onerror = () => setLive(false);
    es.addEventListener('snapshot', (m) => handlers.current.onSnapshot(JSON.parse((m as MessageEvent).data)));
    es.addEventListener('hall', (m) => handlers.current.onEvent(JSON.parse((m as MessageEvent).data)));
    return () => es.close();
  }, [centerId]);
  return live;
}
