import nodemailer from 'nodemailer';
import type { Transport } from './transports.js';
import { renderEmail } from './templates.js';

/**
 * E-mail through an SMTP server (nodemailer), configured by SMTP_URL such as
 * smtp://user:pass@mail.example.gov.cn:587 (smtps:// for implicit TLS). A notice without
 * an e-mail address fails (and is retried, then recorded as failed) rather than vanishing.
 * Subject = the notice title; body = its text and the link into the web app (absolute when
 * `baseUrl` is given), as plain text and as escaped HTML.
 */
export function smtpTransport(url: string, from: string, baseUrl?: string): Transport {
  const mailer = nodemailer.createTransport(url);
  return {
    name: 'smtp',
    async send(n) {
      if (!n.address || !n.address.includes('@')) throw new Error('no e-mail address');
      const { subject, text, html } = renderEmail(n.template, n.payload, baseUrl);
      await mailer.sendMail({ from, to: n.address, subject, text, html });
    },
  };
}
