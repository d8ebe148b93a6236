import type { Config } from '../core/config.js';
import { consoleTransport, inAppTransport, type Transport } from './transports.js';
import { smtpTransport } from './smtp.js';
import { httpSmsTransport } from './sms.js';

/** The transports the configuration asks for; console for a channel that is not configured. */
export function transportsFromConfig(config: Config): Record<'sms' | 'email' | 'inApp', Transport> {
  return {
    inApp: inAppTransport,
    email: config.smtpUrl ? smtpTransport(config.smtpUrl, config.smtpFrom, config.publicUrl) : consoleTransport,
    sms: config.smsGatewayUrl
      ? httpSmsTransport({ url: config.smsGatewayUrl, bodyTemplate: config.smsBodyTemplate, contentType: config.smsContentType, token: config.smsGatewayToken })
      : consoleTransport,
  };
}
