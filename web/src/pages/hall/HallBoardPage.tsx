/** 大厅叫号屏 (public, full screen): calling tickets, recent calls, windows, waiting per category; spoken calls. */
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Tag } from 'antd';
import { SoundOutlined } from '@ant-design/icons';
import { useParams, useSearchParams } from 'react-router-dom';
import { useT } from '../../lib/i18n';
import { useHallStream, type HallEvent, type Snapshot } from './api';
import { announce, enableSound, zhVoice } from './speech';

const CALLS = new Set(['call', 'recall']);

export function HallBoardPage() {
  const t = useT();
  const [params] = useSearchParams();
  const { windowId } = useParams();
  const centerId = params.get('center') ?? undefined;
  const [snap, setSnap] = useState<Snapshot | null>(null);
  const [calls, setCalls] = useState<HallEvent[]>([]);
  const [sound, setSound] = useState(false);
  const [noVoice, setNoVoice] = useState(false);
  const [lastSpoken, setLastSpoken] = useState('');

  useEffect(() => { document.title = t('叫号屏'); }, [t]);
  const onSnapshot = useCallback((s: Snapshot) => {
    setSnap(s);
    setCalls(s.recentCalls.filter((c) => !windowId || c.windowId === windowId));
  }, [windowId]);
  const onEvent = useCallback((e: HallEvent) => {
    setSnap((s) => (s ? applyEvent(s, e) : s));
    if (!CALLS.has(e.kind) || (windowId && e.windowId !== windowId)) return;
    setCalls((list) => (list.some((c) => c.id === e.id) ? list : [e, ...list].slice(0, 12)));
    if (e.text) {
      setLastSpoken(e.text);
      if (sound) {
        if (!announce(e.text) || !zhVoice()) setNoVoice(true);
      }
    }
  }, [windowId, sound]);
  const live = useHallStream(centerId, onSnapshot, onEvent);

  const start = () => {
    enableSound();
    setSound(true);
    // Voices load asynchronously in Chromium: look again shortly.
    setNoVoice(typeof speechSynthesis === 'undefined' || !zhVoice());
    if (typeof speechSynthesis !== 'undefined') speechSynthesis.onvoiceschanged = () => setNoVoice(!zhVoice());
  };

  const current = calls[0];
  const win = windowId ? snap?.windows.find((w) => w.id === windowId) : null;
  return (
    <div className="hall-board" data-testid="hall-board" style={{ minHeight: '100vh', background: '#0b2a55', color: '#fff', padding: 24, fontSize: 20 }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <h1 style={{ color: '#fff', margin: 0, fontSize: 32 }}>{snap?.center.name ?? ''} {win ? t('{n}号窗口', { n: win.number }) + ' ' + win.name : t('叫号屏')}</h1>
        <div>
          <Tag color={live ? 'green' : 'red'} data-testid="hall-live">{live ? t('实时') : t('连接中…')}</Tag>
          {!sound && <Button icon={<SoundOutlined />} onClick={start} data-testid="hall-sound">{t('开启语音播报')}</Button>}
        </div>
      </div>
      {noVoice && sound && <Alert type="warning" showIcon style={{ margin: '12px 0' }} data-testid="hall-novoice" title={t('本设备没有中文语音，叫号只显示不播报。请安装中文语音包或使用大厅广播。')} />}
      <div style={{ textAlign: 'center', margin: '32px 0', padding: 24, background: '#123d78', borderRadius: 12 }} data-testid="hall-current">
        {current ? (
          <>
            <div style={{ fontSize: 96, fontWeight: 700, color: '#ffd666', lineHeight: 1.1 }} data-testid="hall-current-number">{current.number}</div>
            <div style={{ fontSize: 40 }} data-testid="hall-current-text">{current.text}</div>
          </>
        ) : (
          <div style={{ fontSize: 40 }}>{win?.paused ? t('暂停服务') : t('请取号等候')}</div>
        )}
      </div>
      {lastSpoken && <div style={{ display: 'none' }} data-testid="hall-last-spoken">{lastSpoken}</div>}
      <div style={{ display: 'grid', gridTemplateColumns: windowId ? '1fr' : '2fr 1fr', gap: 24 }}>
        <div>
          <h2 style={{ color: '#fff' }}>{t('最近叫号')}</h2>
          <table style={{ width: '100%', fontSize: 26 }} data-testid="hall-calls">
            <tbody>
              {calls.slice(0, 8).map((c) => (
                <tr key={c.id}><td style={{ color: '#ffd666', fontWeight: 600 }}>{c.number}</td><td>{t('请到{n}号窗口', { n: c.windowNumber ?? '' })}</td><td style={{ opacity: 0.7 }}>{c.windowName}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
        {!windowId && (
          <div>
            <h2 style={{ color: '#fff' }}>{t('等候人数')}</h2>
            <table style={{ width: '100%', fontSize: 24 }} data-testid="hall-waiting">
              <tbody>
                {(snap?.categories ?? []).map((c) => (
                  <tr key={c.id}><td>{c.prefix}</td><td>{c.name}</td><td style={{ textAlign: 'right', color: '#95de64' }} data-testid={`hall-waiting-${c.prefix}`}>{c.waiting}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </div>
  );
}

/** Waiting counts and each window's ticket follow the events. */
function applyEvent(s: Snapshot, e: HallEvent): Snapshot {
  const categories = e.waiting ? s.categories.map((c) => ({ ...c, waiting: e.waiting![c.id] ?? 0 })) : s.categories;
  const windows = e.windowId ? s.windows.map((w) => {
    if (w.id !== e.windowId) return w;
    if (e.kind === 'pause' || e.kind === 'resume') return { ...w, paused: e.kind === 'pause' };
    if (CALLS.has(e.kind)) return { ...w, current: { number: e.number ?? '', state: 'called' } };
    if (e.kind === 'start') return { ...w, current: { number: e.number ?? '', state: 'serving' } };
    return { ...w, current: null };
  }) : s.windows;
  return { ...s, categories, windows };
}
