import type { Transport } from './transports.js';
import { renderNotice, renderSms } from './templates.js';

export interface SmsGatewayOptions {
  url: string;
  /** Request body with {{phone}}, {{text}}, {{title}}, {{template}}, {{id}} placeholders (values are JSON-string escaped). */
  bodyTemplate: string;
  contentType: string;
  /** Sent as `Authorization: Bearer …` when set. */
  token?: string;
  timeoutMs?: number;
}

export const DEFAULT_SMS_BODY = '{"phone":"{{phone}}","text":"{{text}}"}';

/** Fills a body template; values are escaped as the inside of a JSON string, so a JSON template stays valid. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => JSON.stringify(values[k] ?? '').slice(1, -1));
}

/**
 * SMS through an HTTP gateway: one POST per message; any non-2xx answer or a timeout
 * throws, so the outbox retries with backoff and finally records the failure.
 */
export function httpSmsTransport(o: SmsGatewayOptions): Transport {
  return {
    name: 'httpSms',
    async send(n) {
      if (!n.address) throw new Error('no phone number');
      // The message is the rendered wording; the template name stays available for gateways that map it to their own.
      const { title } = renderNotice(n.template, n.payload);
      const text = renderSms(n.template, n.payload);
      const body = fillTemplate(o.bodyTemplate, { phone: n.address, text, title, template: n.template, id: String(n.id) });
      const res = await fetch(o.url, {
        method: 'POST', body, signal: AbortSignal.timeout(o.timeoutMs ?? 10_000),
        headers: { 'content-type': o.contentType, ...(o.token ? { authorization: `Bearer ${o.token}` } : {}) },
      });
      if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
    },
  };
}
