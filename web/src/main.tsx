import { StrictMode, useEffect, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiError } from './api/client';
import { SessionProvider } from './auth/session';
import { FeedbackHost } from './lib/feedback';
import { App } from './App';
import { LangProvider, loadEnglish, storedLang, useLang } from './lib/i18n';
import { DisplayProvider, useDisplay } from './lib/display';
import { setCenterTimeZone } from './lib/labels';
import './base.css';
import './styles.css';

dayjs.locale('zh-cn');

// antd's form.validateFields() rejects when a field is missing, after marking it on screen: a
// handler that awaits it without a catch left an "uncaught error" for a normal, shown outcome.
window.addEventListener('unhandledrejection', (e) => {
  if (e.reason && typeof e.reason === 'object' && 'errorFields' in e.reason) e.preventDefault();
});

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      // Client errors (4xx) will not get better by retrying.
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
    },
  },
});

/** antd's own texts (pagination, date pickers, empty states) follow the chosen language. */
function Themed({ children }: { children: ReactNode }) {
  const { lang } = useLang();
  const { elderly } = useDisplay();
  useEffect(() => {
    dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  }, [lang]);
  return (
    <ConfigProvider
      locale={lang === 'en' ? enUS : zhCN}
      theme={{
        token: {
          colorPrimary: elderly ? '#0a3a85' : '#1557b0',
          // Links follow the primary blue (antd's own link blue is 4.1 : 1 on white).
          colorLink: elderly ? '#0a3a85' : '#1557b0',
          colorInfo: elderly ? '#0a3a85' : '#1557b0',
          borderRadius: 6,
          // Secondary texts, descriptions and placeholders at ≥ 4.5 : 1 on white (antd's 45 %
          // black is 2.8 : 1 for descriptions, and fails axe's color-contrast rule).
          colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
          colorTextDescription: 'rgba(0, 0, 0, 0.65)',
          colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
          colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
          // 适老化: large type, high-contrast text, larger click targets.
          ...(elderly
            ? { fontSize: 18, fontSizeSM: 16, fontSizeLG: 20, controlHeight: 60, controlHeightSM: 44, controlHeightLG: 64, colorText: '#000', colorTextSecondary: '#262626', colorTextDescription: '#262626', lineHeight: 1.7 }
            : {}),
          fontFamily:
            "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Helvetica Neue', Arial, sans-serif",
        },
        components: { Layout: { headerBg: '#0f3d7a', headerPadding: '0 24px' } },
      }}
    >
      {children}
    </ConfigProvider>
  );
}

/**
 * A language change re-mounts the pages, so texts read outside components (labels.ts, `tr`)
 * and document titles set once per page follow it. Session and query cache stay.
 */
function LangKeyed() {
  const { lang } = useLang();
  return <App key={lang} />;
}

/** The center's time zone (every staff-facing time reads in it); true when it is not the default. */
async function centerZone(): Promise<boolean> {
  try {
    const r = await fetch('/api/health');
    return r.ok && setCenterTimeZone(((await r.json()) as { timeZone?: string }).timeZone);
  } catch {
    return false; // Offline or an older server: the default zone.
  }
}

// English is a chunk of its own: fetched before the first render only for those who chose it.
if (storedLang() === 'en') document.documentElement.lang = 'en';
const english = storedLang() === 'en' ? loadEnglish().catch(() => undefined) : Promise.resolve();
const root = createRoot(document.getElementById('root')!);
let zoneVersion = 0;
const render = () => root.render(
  <StrictMode key={zoneVersion}>
    <LangProvider>
      <DisplayProvider>
      <Themed>
        {/* Not antd's <App>: its message, notification and modal contexts wait until after the first render. */}
        <FeedbackHost />
        <QueryClientProvider client={queryClient}>
          <SessionProvider>
            <LangKeyed />
          </SessionProvider>
        </QueryClientProvider>
      </Themed>
      </DisplayProvider>
    </LangProvider>
  </StrictMode>,
);
void english.then(render);
// The zone comes in parallel: on a slow network each round trip before the first paint costs
// half a second. A center outside the default zone re-renders once when it is known.
void Promise.all([centerZone(), english]).then(([changed]) => {
  if (!changed) return;
  zoneVersion++;
  render();
});
