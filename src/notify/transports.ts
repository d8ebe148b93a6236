import { renderNotice, renderSms } from './templates.js';
import { maskPayloadNames, scrubText } from '../core/logging.js';

/** Notification transports are plug-ins: console (default), SMTP e-mail (smtp.ts) and an HTTP SMS gateway (sms.ts), chosen by configure.ts. */
export interface OutgoingNotice {
  id: number;
  channel: 'sms' | 'email' | 'inApp';
  address: string | null;
  recipientUserId: string | null;
  template: string;
  payload: Record<string, unknown>;
}

export interface Transport {
  name: string;
  /** Throws when the message could not be handed over; the outbox retries with backoff. */
  send(n: OutgoingNotice): Promise<void>;
}

/** Prints SMS and e-mail to the log (addresses, ID numbers, phones and person names masked) — the default on a bare machine. */
export const consoleTransport: Transport = {
  name: 'console',
  async send(n) {
    const to = n.address ? `${n.address.slice(0, 3)}****${n.address.slice(-4)}` : n.recipientUserId;
    const text = n.channel === 'sms' ? renderSms(n.template, maskPayloadNames(n.payload)) : renderNotice(n.template, maskPayloadNames(n.payload)).text;
    console.log(scrubText(`[notify:${n.channel}] to ${to}: ${text} (${n.template})`));
  },
};

/** In-app notices are read from the outbox table itself; delivering them is marking them sent. */
export const inAppTransport: Transport = { name: 'inApp', async send() {} };
