import { afterAll, afterEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import net from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { loadConfig } from '../core/config.js';
import { openDatabase } from '../core/db/index.js';
import { SettableClock } from '../core/now.js';
import { makeContext } from '../core/context.js';
import { enqueue } from '../core/outbox/enqueue.js';
import { outbox } from '../core/outbox/schema.js';
import { runExclusive } from '../core/scheduler.js';
import { MAX_ATTEMPTS, outboxJob, useTransports } from './worker.js';
import { consoleTransport } from './transports.js';
import { DEFAULT_SMS_BODY, fillTemplate, httpSmsTransport } from './sms.js';
import { smtpTransport } from './smtp.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => { while (closers.length) await closers.pop()!(); });
afterAll(() => useTransports({ sms: consoleTransport, email: consoleTransport }));

/** A real HTTP SMS gateway on a local port: records requests, answers with the given statuses in turn. */
async function gateway(statuses: number[]) {
  const got: { body: string; headers: http.IncomingHttpHeaders }[] = [];
  let i = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      got.push({ body, headers: req.headers });
      res.statusCode = statuses[Math.min(i++, statuses.length - 1)];
      res.end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  closers.push(() => new Promise((r) => server.close(() => r())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`, got };
}

const notice = { id: 7, channel: 'sms' as const, address: '13800001111', recipientUserId: null, template: 'supervision.order', payload: { caseNo: 'C1', itemName: '最低生活保障"审核"', docNo: '督字1', answerDue: '2026-03-31' } };

describe('HTTP SMS gateway transport', () => {
  it('posts the filled body template to a real local server', async () => {
    const g = await gateway([200]);
    await httpSmsTransport({ url: g.url, bodyTemplate: DEFAULT_SMS_BODY, contentType: 'application/json', token: 'secret' }).send(notice);
    expect(g.got).toHaveLength(1);
    const body = JSON.parse(g.got[0].body);
    expect(body.phone).toBe('13800001111');
    // Every SMS is signed with the center's name; the worker puts it in the payload (here none: the default).
    expect(body.text).toBe('【政务服务中心】【督办】办件C1（最低生活保障"审核"）已超过承诺办结时限，请于2026-03-31前书面答复。文号：督字1。');
    expect(g.got[0].headers.authorization).toBe('Bearer secret');
    expect(g.got[0].headers['content-type']).toBe('application/json');
  });

  it('fills {{title}} and {{template}} too, for gateways with their own body format', async () => {
    const g = await gateway([200]);
    const bodyTemplate = 'to={{phone}}&sign=banshi&title={{title}}&tpl={{template}}&msg={{text}}';
    await httpSmsTransport({ url: g.url, bodyTemplate, contentType: 'application/x-www-form-urlencoded' }).send({ ...notice, template: 'case.assigned' });
    expect(g.got[0].body).toBe('to=13800001111&sign=banshi&title=新分办：C1&tpl=case.assigned&msg=【政务服务中心】办件C1（最低生活保障\\"审核\\"）已分办给您，请及时办理。');
  });

  it('sends a generic text for a template it does not know', async () => {
    const g = await gateway([200]);
    await httpSmsTransport({ url: g.url, bodyTemplate: DEFAULT_SMS_BODY, contentType: 'application/json' }).send({ ...notice, template: 'case.fromTheFuture' });
    expect(JSON.parse(g.got[0].body).text).toBe('【政务服务中心】办件C1（最低生活保障"审核"）有新进展，请登录查看。');
  });

  it('throws on a non-2xx answer', async () => {
    const g = await gateway([503]);
    await expect(httpSmsTransport({ url: g.url, bodyTemplate: DEFAULT_SMS_BODY, contentType: 'application/json' }).send(notice)).rejects.toThrow('503');
  });

  it('escapes values so a JSON template stays valid', () => {
    expect(JSON.parse(fillTemplate('{"t":"{{text}}"}', { text: 'a"b\\c\n' })).t).toBe('a"b\\c\n');
  });
});

/** Subject and the text/plain and text/html parts (base64 or quoted-printable) of a message as nodemailer writes it. */
function readMail(raw: string) {
  const subject = /^Subject: (.*)$/m.exec(raw)![1].replace(/=\?UTF-8\?B\?([^?]*)\?=\s*/g, (_, b: string) => Buffer.from(b, 'base64').toString('utf8'));
  const part = (type: string) => {
    const m = new RegExp(`Content-Type: ${type}; charset=utf-8\\r?\\nContent-Transfer-Encoding: (\\S+)\\r?\\n\\r?\\n([\\s\\S]*?)\\r?\\n--`).exec(raw);
    if (!m) return '';
    if (m[1] === 'base64') return Buffer.from(m[2].replace(/\s/g, ''), 'base64').toString('utf8');
    const bytes = m[2].replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => `%${h}`);
    return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/g, '%25'));
  };
  return { subject, text: part('text/plain'), html: part('text/html') };
}

describe('SMTP transport', () => {
  it('hands the message to a real SMTP server', async () => {
    // A minimal SMTP server: enough of RFC 5321 for one message.
    const mails: string[] = [];
    const server = net.createServer((sock) => {
      let data = false;
      let buf = '';
      sock.write('220 test ESMTP\r\n');
      sock.on('data', (chunk) => {
        buf += chunk.toString('utf8');
        if (data) {
          const end = buf.indexOf('\r\n.\r\n');
          if (end < 0) return;
          mails.push(buf.slice(0, end));
          buf = buf.slice(end + 5);
          data = false;
          sock.write('250 queued\r\n');
        }
        let nl: number;
        while (!data && (nl = buf.indexOf('\r\n')) >= 0) {
          const line = buf.slice(0, nl);
          buf = buf.slice(nl + 2);
          if (/^EHLO/i.test(line)) sock.write('250-test\r\n250 8BITMIME\r\n');
          else if (/^DATA/i.test(line)) { data = true; sock.write('354 go\r\n'); }
          else if (/^QUIT/i.test(line)) { sock.end('221 bye\r\n'); }
          else sock.write('250 ok\r\n');
        }
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    closers.push(() => new Promise((r) => server.close(() => r())));
    const port = (server.address() as AddressInfo).port;
    const t = smtpTransport(`smtp://127.0.0.1:${port}`, 'Banshi <noreply@banshi.test>', 'https://banshi.example.gov.cn');
    await t.send({ ...notice, channel: 'email', address: 'chief@banshi.test', payload: { ...notice.payload, itemName: '<b>低保</b>', caseId: 'c-1' } });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toContain('To: chief@banshi.test');
    const mail = readMail(mails[0]);
    expect(mail.subject).toBe('督办单：C1');
    expect(mail.text).toBe('【督办】办件C1（<b>低保</b>）已超过承诺办结时限，请于2026-03-31前书面答复。文号：督字1。\n\nhttps://banshi.example.gov.cn/cases/c-1');
    expect(mail.html).toContain('办件C1（&lt;b&gt;低保&lt;/b&gt;）');
    expect(mail.html).toContain('<a href="https://banshi.example.gov.cn/cases/c-1">');
    await expect(t.send({ ...notice, channel: 'email', address: null })).rejects.toThrow('no e-mail address');
  });
});

describe('outbox delivery through the HTTP gateway, across a restart', () => {
  it('retries a failing gateway, records the failure, and a new worker over the same database picks up what the old one left', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'banshi-outbox-'));
    closers.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    const config = { ...loadConfig({}), dataDir: dir };
    const clock = new SettableClock();
    clock.set(new Date('2026-03-02T01:00:00Z'));

    // First process: two SMS; the gateway is down.
    const down = await gateway([503]);
    useTransports({ sms: httpSmsTransport({ url: down.url, bodyTemplate: DEFAULT_SMS_BODY, contentType: 'application/json' }) });
    let database = await openDatabase({ dataDir: dir });
    let ctx = makeContext(config, database, clock);
    await ctx.db.transaction((tx) => enqueue(tx, [
      { channel: 'sms', address: '13800000001', template: 'supervision.urge', payload: { caseNo: 'A' } },
      { channel: 'sms', address: '13800000002', template: 'supervision.order', payload: { caseNo: 'B' } },
    ], ctx.now()));
    await runExclusive(ctx, outboxJob);
    expect(down.got).toHaveLength(2);
    let list = await ctx.db.select().from(outbox).orderBy(outbox.id);
    expect(list.map((r) => [r.status, r.attempts])).toEqual([['pending', 1], ['pending', 1]]);
    // Row A keeps failing until it is recorded as failed.
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      clock.set(new Date(clock.now().getTime() + 2 ** i * 60_000));
      await ctx.db.update(outbox).set({ nextAttemptAt: '2099-01-01T00:00:00Z' }).where(eq(outbox.id, list[1].id)); // hold B back
      await runExclusive(ctx, outboxJob);
      await ctx.db.update(outbox).set({ nextAttemptAt: clock.now().toISOString() }).where(eq(outbox.id, list[1].id));
    }
    list = await ctx.db.select().from(outbox).orderBy(outbox.id);
    expect(list[0]).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, lastError: 'SMS gateway answered 503' });
    expect(list[1]).toMatchObject({ status: 'pending', attempts: 1 });
    await database.close(); // the process stops

    // Second process over the same files; the gateway is back.
    const up = await gateway([200]);
    useTransports({ sms: httpSmsTransport({ url: up.url, bodyTemplate: DEFAULT_SMS_BODY, contentType: 'application/json' }) });
    database = await openDatabase({ dataDir: dir });
    ctx = makeContext(config, database, clock);
    closers.push(() => database.close());
    clock.set(new Date(clock.now().getTime() + 60 * 60_000));
    expect(await runExclusive(ctx, outboxJob)).toBe(1);
    expect(await runExclusive(ctx, outboxJob)).toBe(0);
    expect(up.got.map((g) => JSON.parse(g.body).phone)).toEqual(['13800000002']);
    list = await ctx.db.select().from(outbox).orderBy(outbox.id);
    expect(list.map((r) => r.status)).toEqual(['failed', 'sent']);
  });
});
