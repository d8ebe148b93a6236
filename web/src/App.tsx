import { lazy, Suspense, type ReactNode } from 'react';
import { Button } from 'antd';
import { BrowserRouter, Route, Routes, useNavigate } from 'react-router-dom';
import { AppLayout } from './layout/AppLayout';
import { FullPageSpin, RequireRole, Result, ROLE_ALLOW, useSession } from './auth/session';
import { GuideListPage } from './pages/portal/GuideListPage';
import { useT } from './lib/i18n';
import { canSeeDuty } from './pages/duty/access';
import { canSeeFeedback } from './pages/feedback/api';
import { canSeeAssessment } from './pages/assessment/api';

// Only the portal home (and the page frame) is in the first download; every other page is its
// own chunk, fetched when opened, so a visitor never loads staff pages, charts or tables
// (docs/performance.md).
// 修改密码 only for an account that must change its password, or on its own route (a form the home page does not need).
const ChangePasswordPage = lazy(() => import('./pages/account/ChangePasswordPage').then((m) => ({ default: m.ChangePasswordPage })));
const GuideDetailPage = lazy(() => import('./pages/portal/GuideDetailPage').then((m) => ({ default: m.GuideDetailPage })));
const things = () => import('./pages/portal/ThingsPage');
const ThingListPage = lazy(() => things().then((m) => ({ default: m.ThingListPage })));
const ThingPage = lazy(() => things().then((m) => ({ default: m.ThingPage })));
const bundles = () => import('./pages/things/routes');
const ThingApplyPage = lazy(() => bundles().then((m) => ({ default: m.ThingApplyPage })));
const BundlePage = lazy(() => bundles().then((m) => ({ default: m.BundlePage })));
const WindowThingsPage = lazy(() => bundles().then((m) => ({ default: m.WindowThingsPage })));
const WindowThingApplyPage = lazy(() => bundles().then((m) => ({ default: () => <m.ThingApplyPage channel="window" /> })));
const LoginPage = lazy(() => import('./pages/LoginPage').then((m) => ({ default: m.LoginPage })));
const TodayLeaderPage = lazy(() => import('./pages/duty/TodayLeader').then((m) => ({ default: m.TodayLeaderPage })));

const CatalogListPage = lazy(() => import('./pages/admin/CatalogListPage').then((m) => ({ default: m.CatalogListPage })));
const CatalogItemPage = lazy(() => import('./pages/admin/CatalogItemPage').then((m) => ({ default: m.CatalogItemPage })));
const thingsAdmin = () => import('./pages/admin/things');
const ThingAdminListPage = lazy(() => thingsAdmin().then((m) => ({ default: m.ThingAdminListPage })));
const ThingEditorPage = lazy(() => thingsAdmin().then((m) => ({ default: m.ThingEditorPage })));
const ApplyPage = lazy(() => import('./pages/portal/ApplyPage').then((m) => ({ default: m.ApplyPage })));
const MyCasesPage = lazy(() => import('./pages/portal/MyCasesPage').then((m) => ({ default: m.MyCasesPage })));
const MyCasePage = lazy(() => import('./pages/portal/MyCasePage').then((m) => ({ default: m.MyCasePage })));
const ProgressPage = lazy(() => import('./pages/portal/ProgressPage').then((m) => ({ default: m.ProgressPage })));
const IntakePage = lazy(() => import('./pages/cases/IntakePage').then((m) => ({ default: m.IntakePage })));
const WorklistPage = lazy(() => import('./pages/cases/WorklistPage').then((m) => ({ default: m.WorklistPage })));
const CasePage = lazy(() => import('./pages/cases/CasePage').then((m) => ({ default: m.CasePage })));
const FilingsPage = lazy(() => import('./pages/admin/FilingsPage').then((m) => ({ default: m.FilingsPage })));
const AgencyPage = lazy(() => import('./pages/agency/AgencyPage').then((m) => ({ default: m.AgencyPage })));
const StatsReportPage = lazy(() => import('./pages/stats/StatsReportPage').then((m) => ({ default: m.StatsReportPage })));
const PublicStatsPage = lazy(() => import('./pages/portal/PublicStatsPage').then((m) => ({ default: m.PublicStatsPage })));
const BoardPage = lazy(() => import('./pages/portal/BoardPage').then((m) => ({ default: m.BoardPage })));
const ReportsPage = lazy(() => import('./pages/supervision/ReportsPage').then((m) => ({ default: m.ReportsPage })));
const FeesAdminPage = lazy(() => import('./pages/fees/FeesAdminPage').then((m) => ({ default: m.FeesAdminPage })));
const SupervisionPage = lazy(() => import('./pages/supervision/SupervisionPage').then((m) => ({ default: m.SupervisionPage })));
const NotificationsPage = lazy(() => import('./pages/notifications/NotificationsPage').then((m) => ({ default: m.NotificationsPage })));
const DutyPage = lazy(() => import('./pages/duty/DutyPage').then((m) => ({ default: m.DutyPage })));
const PartyPage = lazy(() => import('./pages/party/PartyPage').then((m) => ({ default: m.PartyPage })));
const AssessmentPage = lazy(() => import('./pages/assessment/AssessmentPage').then((m) => ({ default: m.AssessmentPage })));
const FeedbackPage = lazy(() => import('./pages/feedback/FeedbackPage').then((m) => ({ default: m.FeedbackPage })));
const KioskRatePage = lazy(() => import('./pages/feedback/KioskRatePage').then((m) => ({ default: m.KioskRatePage })));
const SmsRatePage = lazy(() => import('./pages/feedback/SmsRatePage').then((m) => ({ default: m.SmsRatePage })));
const hall = () => import('./pages/hall/routes');
const KioskPage = lazy(() => hall().then((m) => ({ default: m.KioskPage })));
const MobileTakePage = lazy(() => hall().then((m) => ({ default: () => <m.KioskPage mobile /> })));
const TicketRoute = lazy(() => hall().then((m) => ({ default: m.TicketRoute })));
const HallBoardPage = lazy(() => hall().then((m) => ({ default: m.HallBoardPage })));
const WindowPage = lazy(() => hall().then((m) => ({ default: m.WindowPage })));
const BookingPage = lazy(() => hall().then((m) => ({ default: m.BookingPage })));
const licences = () => import('./pages/licences/pages');
const MyLicencesPage = lazy(() => licences().then((m) => ({ default: m.MyLicencesPage })));
const ShowLicencePage = lazy(() => licences().then((m) => ({ default: m.ShowLicencePage })));
const VerifyLicencePage = lazy(() => licences().then((m) => ({ default: m.VerifyLicencePage })));
const MyBookingsPage = lazy(() => hall().then((m) => ({ default: m.MyBookingsPage })));
const HallAdminPage = lazy(() => hall().then((m) => ({ default: m.HallAdminPage })));
const HallStatsPage = lazy(() => hall().then((m) => ({ default: m.HallStatsPage })));
const HALL_STAFF = (u: { role: string }) => ['receiver', 'coordinator', 'chiefRep', 'centerAdmin'].includes(u.role);
const HALL_STATS = (u: { role: string }) => ['centerAdmin', 'supervisor', 'leader', 'chiefRep'].includes(u.role);
const AccountsPage = lazy(() => import('./pages/admin/AccountsPage').then((m) => ({ default: m.AccountsPage })));
const CalendarPage = lazy(() => import('./pages/admin/CalendarPage').then((m) => ({ default: m.CalendarPage })));

function NotFound() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('页面不存在')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('返回首页')}
        </Button>
      }
    />
  );
}

/** An account with an initial password sees only 修改密码 until it is changed (the server refuses the rest anyway). */
function PasswordGate({ children }: { children: ReactNode }) {
  const { user } = useSession();
  return user?.mustChangePassword ? <ChangePasswordPage forced /> : <>{children}</>;
}

export function App() {
  return (
    <BrowserRouter>
      <Suspense fallback={<FullPageSpin />}>
        <PasswordGate>
        <Routes>
          {/* The window evaluation tablet: full screen, no menus, no login (a signed device link). */}
          <Route path="kiosk/rate" element={<KioskRatePage />} />
                    {/* Hall devices: full screen, no menu. */}
          <Route path="hall/kiosk" element={<KioskPage />} />
          <Route path="hall/board" element={<HallBoardPage />} />
          <Route path="hall/screen/:windowId" element={<HallBoardPage />} />
                    <Route element={<AppLayout />}>
            <Route path="rate" element={<SmsRatePage />} />
            <Route
              path="feedback/:tab?"
              element={
                <RequireRole allow={canSeeFeedback}>
                  <FeedbackPage />
                </RequireRole>
              }
            />
            <Route path="assessment" element={<RequireRole allow={canSeeAssessment}><AssessmentPage /></RequireRole>} />
            <Route path="hall/take" element={<MobileTakePage />} />
            <Route path="hall/ticket/:id" element={<TicketRoute />} />
            <Route path="hall/booking" element={<BookingPage />} />
            <Route path="hall/window" element={<RequireRole allow={HALL_STAFF}><WindowPage /></RequireRole>} />
            <Route path="hall/admin" element={<RequireRole allow={(u) => u.role === 'centerAdmin'}><HallAdminPage /></RequireRole>} />
            <Route path="hall/stats" element={<RequireRole allow={HALL_STATS}><HallStatsPage /></RequireRole>} />
            <Route index element={<GuideListPage />} />
            <Route path="guide/:code" element={<GuideDetailPage />} />
            <Route path="things" element={<ThingListPage />} />
            <Route path="things/:code" element={<ThingPage />} />
            <Route path="things/:code/apply" element={<RequireRole allow={ROLE_ALLOW.applicant}><ThingApplyPage /></RequireRole>} />
            <Route path="my/bundles/:id" element={<RequireRole allow={ROLE_ALLOW.applicant}><BundlePage /></RequireRole>} />
            <Route path="bundles/:id" element={<RequireRole allow={ROLE_ALLOW.caseView}><BundlePage /></RequireRole>} />
            <Route path="workbench/things" element={<RequireRole allow={ROLE_ALLOW.intake}><WindowThingsPage /></RequireRole>} />
            <Route path="workbench/things/:code" element={<RequireRole allow={ROLE_ALLOW.intake}><WindowThingApplyPage /></RequireRole>} />
            <Route path="login" element={<LoginPage />} />
            <Route path="progress" element={<ProgressPage />} />
            <Route path="verify/licence/:no" element={<VerifyLicencePage />} />
            <Route path="my/licences" element={<RequireRole allow={ROLE_ALLOW.applicant}><MyLicencesPage /></RequireRole>} />
            <Route path="my/licences/:id/show" element={<RequireRole allow={ROLE_ALLOW.applicant}><ShowLicencePage /></RequireRole>} />
            <Route path="stats" element={<PublicStatsPage />} />
            <Route path="board" element={<BoardPage />} />
            <Route path="duty/today-leader" element={<TodayLeaderPage />} />
            <Route
              path="duty"
              element={
                <RequireRole allow={canSeeDuty}>
                  <DutyPage />
                </RequireRole>
              }
            />
            <Route
              path="admin/stats"
              element={
                <RequireRole allow={ROLE_ALLOW.stats}>
                  <StatsReportPage />
                </RequireRole>
              }
            />
            <Route
              path="apply/:code"
              element={
                <RequireRole allow={ROLE_ALLOW.applicant}>
                  <ApplyPage />
                </RequireRole>
              }
            />
            <Route
              path="my/bookings"
              element={
                <RequireRole allow={ROLE_ALLOW.applicant}>
                  <MyBookingsPage />
                </RequireRole>
              }
            />
            <Route
              path="my/cases"
              element={
                <RequireRole allow={ROLE_ALLOW.applicant}>
                  <MyCasesPage />
                </RequireRole>
              }
            />
            <Route path="my/cases/:id" element={<RequireRole allow={ROLE_ALLOW.applicant}><MyCasePage /></RequireRole>} />
            <Route
              path="workbench/intake"
              element={
                <RequireRole allow={ROLE_ALLOW.intake}>
                  <IntakePage />
                </RequireRole>
              }
            />
            <Route
              path="workbench/cases"
              element={
                <RequireRole allow={ROLE_ALLOW.worklist}>
                  <WorklistPage />
                </RequireRole>
              }
            />
            <Route
              path="cases/:id"
              element={
                <RequireRole allow={ROLE_ALLOW.caseView}>
                  <CasePage />
                </RequireRole>
              }
            />
            <Route
              path="admin/catalog"
              element={
                <RequireRole allow={ROLE_ALLOW.catalog}>
                  <CatalogListPage />
                </RequireRole>
              }
            />
            <Route
              path="admin/catalog/new"
              element={
                <RequireRole allow={ROLE_ALLOW.catalog}>
                  <CatalogItemPage isNew key="new" />
                </RequireRole>
              }
            />
            <Route
              path="admin/catalog/:id"
              element={
                <RequireRole allow={ROLE_ALLOW.catalog}>
                  <CatalogItemPage />
                </RequireRole>
              }
            />
            <Route path="admin/things" element={<RequireRole allow={ROLE_ALLOW.catalog}><ThingAdminListPage /></RequireRole>} />
            <Route path="admin/things/new" element={<RequireRole allow={ROLE_ALLOW.catalog}><ThingEditorPage key="new" isNew /></RequireRole>} />
            <Route path="admin/things/:id" element={<RequireRole allow={ROLE_ALLOW.catalog}><ThingEditorPage /></RequireRole>} />
            <Route path="account/password" element={<RequireRole allow={() => true}><ChangePasswordPage /></RequireRole>} />
            <Route path="admin/accounts" element={<RequireRole allow={ROLE_ALLOW.accounts}><AccountsPage /></RequireRole>} />
            <Route
              path="admin/calendar"
              element={
                <RequireRole allow={ROLE_ALLOW.calendar}>
                  <CalendarPage />
                </RequireRole>
              }
            />
            <Route
              path="admin/filings"
              element={
                <RequireRole allow={ROLE_ALLOW.filings}>
                  <FilingsPage />
                </RequireRole>
              }
            />
            <Route
              path="agency"
              element={
                <RequireRole allow={ROLE_ALLOW.agency}>
                  <AgencyPage />
                </RequireRole>
              }
            />
            <Route
              path="party"
              element={
                <RequireRole allow={ROLE_ALLOW.party}>
                  <PartyPage />
                </RequireRole>
              }
            />
            <Route
              path="supervision/reports"
              element={
                <RequireRole allow={ROLE_ALLOW.supervision}>
                  <ReportsPage />
                </RequireRole>
              }
            />
            <Route
              path="admin/fees"
              element={
                <RequireRole allow={(u) => u.role === 'centerAdmin'}>
                  <FeesAdminPage />
                </RequireRole>
              }
            />
            <Route
              path="supervision"
              element={
                <RequireRole allow={ROLE_ALLOW.supervision}>
                  <SupervisionPage />
                </RequireRole>
              }
            />
            <Route
              path="notifications"
              element={
                <RequireRole allow={() => true}>
                  <NotificationsPage />
                </RequireRole>
              }
            />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Routes>
        </PasswordGate>
      </Suspense>
    </BrowserRouter>
  );
}
