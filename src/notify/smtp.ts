import nodemailer from 'nodemailer';
import type { Transport } from './transports.js';
import { noticeText } from './templates.js';

/**
 * E-mail through an SMTP server (nodemailer), configured by SMTP_URL such as
 * smtp://user:pass@mail.example.gov.cn:587 (smtps:// for implicit TLS). A notice without
 * an e-mail address fails (and is retried, then recorded as failed) rather than vanishing.
 */
export function smtpTransport(url: string, from: string): Transport {
  const mailer = nodemailer.createTransport(url);
  return {
    name: 'smtp',
    async send(n) {
      if (!n.address || !n.address.includes('@')) throw new Error('no e-mail address');
      const { subject, text } = noticeText(n.template, n.payload);
      await mailer.sendMail({ from, to: n.address, subject, text });
    },
  };
}
