/**
 * 取号机 (kiosk, full screen) and the mobile take page (reached by the hall's QR code):
 * pick a category, optionally give an ID number and a priority group, take a ticket;
 * the kiosk prints the 80 mm slip. Booked applicants check in here too.
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Input, Result, Select, Tabs } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { errorText } from '../../lib/feedback';
import { useT, zh } from '../../lib/i18n';
import type { Categories, TicketStatus } from './api';
import './kiosk.css';
import { localToday } from '../../lib/identity';
import { idNumberMessage } from '../../../../src/core/identity/index';

/** The default priority groups (src/hall/types.ts): shown in the chosen language while a center keeps their wording. */
const DEFAULT_GROUPS: Record<string, string> = {
  elderly: zh('老年人（70岁以上）'), disabled: zh('残疾人'), pregnant: zh('孕妇'), military: zh('军人、退役军人及军属'),
  special: zh('特殊困难、特殊情况（三特）'), greenChannel: zh('绿色通道（重点项目）'),
};

export function KioskPage({ mobile = false }: { mobile?: boolean }) {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const centerId = params.get('center') ?? undefined;
  const [idNumber, setIdNumber] = useState('');
  const [group, setGroup] = useState<string | undefined>();
  const [ticket, setTicket] = useState<TicketStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [code, setCode] = useState('');
  const [codeId, setCodeId] = useState('');
  const frame = useRef<HTMLIFrameElement>(null);
  useEffect(() => { document.title = mobile ? t('手机取号') : t('自助取号'); }, [t, mobile]);
  const cats = useQuery({ queryKey: ['hall', 'categories', centerId], queryFn: () => api.get<Categories>('/api/hall/categories', { centerId }), refetchInterval: 30_000 });

  const done = (tk: TicketStatus) => {
    setError(null);
    setIdNumber('');
    setGroup(undefined);
    if (mobile) navigate(`/hall/ticket/${tk.id}`);
    else setTicket(tk);
  };
  const take = async (categoryId: string) => {
    // The shared identity rules (the server checks the same): a wrong check digit is named as such.
    const problem = idNumber ? idNumberMessage(idNumber, localToday()) : null;
    if (problem) { setError(t(problem)); return; }
    setBusy(true);
    try {
      done(await api.post<TicketStatus>('/api/hall/tickets', { centerId: cats.data?.center.id, categoryId, idNumber: idNumber || undefined, priorityGroup: group, channel: mobile ? 'mobile' : 'kiosk' }));
    } catch (e) { setError(errorText(e)); } finally { setBusy(false); }
  };
  const checkIn = async () => {
    setBusy(true);
    try {
      done(await api.post<TicketStatus>(`/api/hall/bookings/${encodeURIComponent(code.trim())}/actions/checkIn`, { idNumber: codeId.trim() }));
    } catch (e) { setError(errorText(e)); } finally { setBusy(false); }
  };
  const print = () => {
    if (!ticket || !frame.current) return;
    frame.current.src = `/api/hall/tickets/${ticket.id}/slip`;
    frame.current.onload = () => frame.current?.contentWindow?.print();
  };

  if (ticket) {
    return (
      <div style={{ maxWidth: 640, margin: '40px auto' }} data-testid="kiosk-ticket">
        <Result
          status="success"
          title={<span style={{ fontSize: 64, fontWeight: 700 }} data-testid="kiosk-ticket-number">{ticket.number}</span>}
          subTitle={<>
            <div style={{ fontSize: 20 }}>{ticket.categoryName}</div>
            <div style={{ fontSize: 20 }} data-testid="kiosk-ticket-ahead">{t('前面还有{n}人', { n: ticket.ahead })}，{t('预计等候约{m}分钟', { m: ticket.estimatedWaitMinutes })}</div>
          </>}
          extra={[
            <Button key="p" type="primary" size="large" className="bs-kiosk-wide" onClick={print} data-testid="kiosk-print">{t('打印号票')}</Button>,
            <Button key="b" size="large" className="bs-kiosk-wide" onClick={() => setTicket(null)} data-testid="kiosk-back">{t('返回')}</Button>,
          ]}
        />
        <iframe ref={frame} title="slip" style={{ width: 0, height: 0, border: 0 }} />
      </div>
    );
  }

  // Outside the sessions the hall takes no tickets (the server refuses them too): say when it opens.
  const opening = cats.data?.opening;
  const closed = opening !== undefined && !opening.open;
  const catButtons = (
    <div className="bs-kiosk-cats">
      {(cats.data?.categories ?? []).map((c) => (
        <Button key={c.id} type="primary" className="bs-kiosk-cat" disabled={busy} onClick={() => take(c.id)} data-testid={`kiosk-cat-${c.prefix}`}>
          <span className="bs-kiosk-cat-name">{c.prefix} · <span translate="no">{c.name}</span></span>
          <span className="bs-kiosk-cat-wait">{t('等候{n}人', { n: c.waiting })}</span>
        </Button>
      ))}
    </div>
  );
  return (
    <div className={mobile ? 'bs-kiosk bs-kiosk-mobile' : 'bs-kiosk'} data-testid="kiosk-page">
      <h1><span translate="no">{cats.data?.center.name}</span> · {mobile ? t('手机取号') : t('自助取号')}</h1>
      {error && <Alert type="error" showIcon closable onClose={() => setError(null)} title={error} style={{ marginBottom: 16 }} data-testid="kiosk-error" />}
      <Tabs
        items={[
          {
            key: 'take', label: t('取号'),
            children: (
              <>
                <Card style={{ marginBottom: 16 }}>
                  <div className="bs-kiosk-fields">
                    <Input size="large" style={{ flex: 2, minWidth: 220 }} value={idNumber} onChange={(e) => setIdNumber(e.target.value.trim())} placeholder={t('身份证号（选填，关联您的办件和预约）')} data-testid="kiosk-id" maxLength={18} />
                    <Select size="large" style={{ flex: 1, minWidth: 220 }} allowClear value={group} onChange={setGroup} placeholder={t('优先群体（三特：老幼病残孕等）')} data-testid="kiosk-group"
                      options={(cats.data?.priorityGroups ?? []).map((g) => ({ value: g.key, label: DEFAULT_GROUPS[g.key] === g.label ? t(g.label) : g.label }))} />
                  </div>
                </Card>
                {closed ? (
                  <Result status="warning" data-testid="kiosk-closed" title={t('大厅已停止取号')}
                    subTitle={opening?.next ? t('下次取号时间：{day} {start}', { day: opening.next.day, start: opening.next.start }) : t('请留意中心公告的办公时间')} />
                ) : catButtons}
              </>
            ),
          },
          {
            key: 'checkin', label: t('预约签到'),
            children: (
              <Card>
                <div className="bs-kiosk-fields">
                  <Input size="large" style={{ flex: 1, minWidth: 160 }} value={code} onChange={(e) => setCode(e.target.value)} placeholder={t('预约码')} data-testid="kiosk-code" maxLength={8} />
                  <Input size="large" style={{ flex: 2, minWidth: 220 }} value={codeId} onChange={(e) => setCodeId(e.target.value)} placeholder={t('预约时填写的身份证号')} data-testid="kiosk-code-id" maxLength={18} />
                  <Button size="large" type="primary" className="bs-kiosk-wide" disabled={busy || code.trim().length !== 8 || !codeId.trim()} onClick={checkIn} data-testid="kiosk-checkin">{t('签到取号')}</Button>
                </div>
              </Card>
            ),
          },
        ]}
      />
    </div>
  );
}

/** 我的排队 (mobile): the ticket's progress, refreshed every 15 s. */
export function TicketPage({ id }: { id: string }) {
  const t = useT();
  const q = useQuery({ queryKey: ['hall', 'ticket', id], queryFn: () => api.get<TicketStatus>(`/api/hall/tickets/${id}`), refetchInterval: 15_000 });
  const tk = q.data;
  if (q.isError) return <Result status="404" title={t('号票不存在')} />;
  if (!tk) return null;
  const state = {
    waiting: t('前面还有{n}人，预计等候约{m}分钟', { n: tk.ahead, m: tk.estimatedWaitMinutes }),
    called: t('请到{n}号窗口办理', { n: tk.windowNumber ?? '' }),
    serving: t('正在{n}号窗口办理', { n: tk.windowNumber ?? '' }),
    done: t('已办结，感谢您的耐心等候'),
    noShow: t('已过号，请到咨询引导台重新排队'),
    expired: t('号票已失效'),
  }[tk.state] ?? tk.state;
  return (
    <div style={{ maxWidth: 480, margin: '24px auto', textAlign: 'center' }} data-testid="ticket-page">
      <Card>
        <div>{tk.centerName} · {tk.categoryName}</div>
        <div style={{ fontSize: 64, fontWeight: 700 }} data-testid="ticket-number">{tk.number}</div>
        <div style={{ fontSize: 20 }} data-testid="ticket-state">{state}</div>
      </Card>
    </div>
  );
}
