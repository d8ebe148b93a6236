/** The logged-in user (from GET /api/auth/session), login/logout, and route guards by role. */
import { createContext, lazy, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Button, Spin } from 'antd';

/** antd's Result carries large pictures: fetched the first time a 403 is shown, not on every page. */
export const Result = lazy(() => import('antd/es/result'));
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, api, onUnauthorized, request, setCsrfToken } from '../api/client';
import type { Me, SessionResponse } from '../api/types';
import { DEPARTMENT_ROLES, type Role } from '../../../src/core/auth/roles';
import { useT } from '../lib/i18n';

interface SessionValue {
  /** undefined while the first `me` probe runs; null when anonymous. */
  user: Me | null | undefined;
  /** True after an explicit logout (guards then go to /login without a `next`). */
  loggedOut: boolean;
  loading: boolean;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  refresh: () => Promise<void>;
  /** Changes the signed-in user's password (POST /api/auth/password) and takes the answer as the new `me`. */
  changePassword: (currentPassword: string, newPassword: string) => Promise<Me>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<Me | null | undefined>(undefined);
  const [loggedOut, setLoggedOut] = useState(false);
  const queryClient = useQueryClient();

  const refresh = useCallback(async () => {
    try {
      // The probe answers 200 for a visitor too (user null): no 401 in every visitor's console.
      const res = await request<{ user: Me | null; csrfToken: string | null }>('/api/auth/session', { quiet401: true });
      setCsrfToken(res.csrfToken);
      setUser(res.user);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 401 || e.status === 403 || e.status === 404)) {
        setCsrfToken(null);
        setUser(null);
      } else {
        // Server unreachable: treat as anonymous so the public portal still renders.
        setUser(null);
      }
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(
    () =>
      onUnauthorized(() => {
        setCsrfToken(null);
        setUser(null);
      }),
    [],
  );

  const login = useCallback(
    async (username: string, password: string) => {
      const res = await request<SessionResponse>('/api/auth/login', { method: 'POST', body: { username, password }, quiet401: true });
      setCsrfToken(res.csrfToken);
      queryClient.clear();
      setLoggedOut(false);
      setUser(res.user);
      return res.user;
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } catch {
      /* already logged out */
    }
    setCsrfToken(null);
    queryClient.clear();
    setLoggedOut(true);
    setUser(null);
  }, [queryClient]);

  const changePassword = useCallback(async (currentPassword: string, newPassword: string) => {
    const res = await api.post<SessionResponse>('/api/auth/password', { currentPassword, newPassword });
    setCsrfToken(res.csrfToken);
    setUser(res.user);
    return res.user;
  }, []);

  const value = useMemo(
    () => ({ user, loggedOut, loading: user === undefined, login, logout, refresh, changePassword }),
    [user, loggedOut, login, logout, refresh, changePassword],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

export function isDepartmentStaff(user: Me | null | undefined): boolean {
  return !!user && DEPARTMENT_ROLES.includes(user.role) && !!user.departmentId;
}

/** Who may open the catalog management pages. */
export function canSeeCatalog(user: Me | null | undefined): boolean {
  return !!user && (user.role === 'centerAdmin' || DEPARTMENT_ROLES.includes(user.role));
}
/** Who may create/edit drafts (handler is read-only). */
export function canEditCatalog(user: Me | null | undefined): boolean {
  return !!user && (user.role === 'centerAdmin' || user.role === 'coordinator' || user.role === 'chiefRep' || user.role === 'leader');
}
/** 账号管理: a center admin manages the staff accounts of their center and the centers below. */
export function canManageAccounts(user: Me | null | undefined): boolean {
  return user?.role === 'centerAdmin';
}
export function canSeeCalendar(user: Me | null | undefined): boolean {
  return user?.role === 'centerAdmin';
}
/** 否定备案: the center's management office reviews, supervisors read. */
export function canSeeFilings(user: Me | null | undefined): boolean {
  return user?.role === 'centerAdmin' || user?.role === 'supervisor';
}
/** 办件统计: the management office, supervision and leaders (their center subtree). */
export function canSeeStats(user: Me | null | undefined): boolean {
  return user?.role === 'centerAdmin' || user?.role === 'supervisor' || user?.role === 'leader';
}
/** 电子监察 board: supervisors, the management office, department leaders. */
export function canSeeSupervision(user: Me | null | undefined): boolean {
  return user?.role === 'supervisor' || user?.role === 'centerAdmin' || user?.role === 'leader';
}
/** Window staff: 窗口受理. */
export function canIntake(user: Me | null | undefined): boolean {
  return user?.role === 'receiver';
}
/** Staff who work cases: the 办件 worklist. */
export function canSeeWorklist(user: Me | null | undefined): boolean {
  return !!user && (['receiver', 'centerAdmin', 'supervisor'].includes(user.role) || DEPARTMENT_ROLES.includes(user.role));
}
/** Applicants: 在线申报 and 我的办件. */
export function isApplicant(user: Me | null | undefined): boolean {
  return user?.role === 'applicant';
}
/** 代办工作台 for agents; the centers above the agency points follow their cases (and admins their reports). */
export function canSeeAgency(user: Me | null | undefined): boolean {
  return !!user && ['agent', 'receiver', 'centerAdmin', 'supervisor'].includes(user.role);
}

/** 机关党建: the party office, the management office, supervisors, and any staff member (officers manage, members read their own record). */
export function canSeeParty(user: Me | null | undefined): boolean {
  return !!user && user.role !== 'applicant' && user.role !== 'agent';
}

/** The case page: any signed-in user; the server narrows by scope (own cases for applicants). */
export function canOpenCase(user: Me | null | undefined): boolean {
  return !!user;
}

/** May this user open this in-app path? (used to follow `?next=` after login) */
export function mayOpen(user: Me, path: string): boolean {
  const guards: [string, (u: Me) => boolean][] = [
    ['/admin/accounts', canManageAccounts], ['/admin/calendar', canSeeCalendar], ['/admin/catalog', canSeeCatalog], ['/admin/filings', canSeeFilings], ['/admin/stats', canSeeStats], ['/supervision', canSeeSupervision],
    ['/workbench/intake', canIntake], ['/agency', canSeeAgency], ['/party', canSeeParty], ['/workbench/cases', canSeeWorklist], ['/my/', isApplicant], ['/apply/', isApplicant],
  ];
  const guard = guards.find(([prefix]) => path.startsWith(prefix));
  return guard ? guard[1](user) : true;
}

/** Where a user lands after login. */
export function homeFor(user: Me): string {
  if (user.role === 'centerAdmin') return '/admin/catalog';
  if (user.role === 'applicant') return '/';
  if (user.role === 'agent') return '/agency';
  if (user.role === 'supervisor') return '/supervision';
  if (user.role === 'partySecretary') return '/party';
  if (canSeeWorklist(user)) return '/workbench/cases';
  return '/';
}

export function FullPageSpin() {
  return (
    <div style={{ padding: 80, textAlign: 'center' }} data-testid="page-loading">
      <Spin size="large" />
    </div>
  );
}

/** Guard: anonymous → /login?next=…; wrong role → 403. */
export function RequireRole({ allow, children }: { allow: (user: Me) => boolean; children: ReactNode }) {
  const t = useT();
  const { user, loggedOut } = useSession();
  const location = useLocation();
  if (user === undefined) return <FullPageSpin />;
  if (user === null) {
    if (loggedOut) return <Navigate to="/login" replace />;
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  if (!allow(user)) {
    return (
      <div data-testid="forbidden">
      <Result
        status="403"
        title={t('无权访问')}
        subTitle={t('当前角色（{roleLabel}）无权访问此页面', { roleLabel: t(user.roleLabel) })}
        extra={
          <Button type="primary" href="/">
            {t('返回首页')}
          </Button>
        }
      />
      </div>
    );
  }
  return <>{children}</>;
}

export const ROLE_ALLOW = {
  catalog: canSeeCatalog,
  calendar: canSeeCalendar,
  accounts: canManageAccounts,
  filings: canSeeFilings,
  stats: canSeeStats,
  supervision: canSeeSupervision,
  intake: canIntake,
  worklist: canSeeWorklist,
  applicant: isApplicant,
  caseView: canOpenCase,
  agency: canSeeAgency,
  party: canSeeParty,
} satisfies Record<string, (u: Me) => boolean>;

export type { Role };
