/**
 * A small fetch wrapper for the Banshi API (docs/api.md):
 * JSON in and out, same-origin cookies, the CSRF token on every state-changing request,
 * and `{ error: { code, message, messageZh, details } }` turned into a thrown ApiError.
 */

export interface ApiErrorDetail {
  field?: string;
  message?: string;
  messageZh?: string;
  row?: number;
  [key: string]: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageZh: string,
    readonly details: ApiErrorDetail[] = [],
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The message to show to the user, in the UI's language (Chinese by default). */
  get display(): string {
    if (getLang() === 'en') return this.message || this.messageZh || 'Request failed';
    return this.messageZh || this.message || '请求失败';
  }
}

import { getLang, tr } from '../lib/i18n';

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null | undefined): void {
  csrfToken = token ?? null;
}
export function getCsrfToken(): string | null {
  return csrfToken;
}

type UnauthorizedListener = () => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();
/** Called whenever any request answers 401 (session expired, logged out elsewhere). */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Do not broadcast a 401 (used by the session probe `GET /api/auth/me`). */
  quiet401?: boolean;
}

const NETWORK_ERROR_ZH = '网络错误，请检查连接后重试';

async function parseBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json') || /^[\s]*[[{]/.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/** Turn a non-2xx response body into an ApiError. */
export function toApiError(status: number, body: unknown): ApiError {
  const env = (body && typeof body === 'object' ? (body as { error?: unknown }).error : undefined) as
    | { code?: string; message?: string; messageZh?: string; details?: unknown }
    | undefined;
  if (env && typeof env === 'object') {
    const details = Array.isArray(env.details) ? (env.details as ApiErrorDetail[]) : [];
    return new ApiError(status, env.code ?? 'error', env.message ?? `HTTP ${status}`, env.messageZh ?? env.message ?? '', details, body);
  }
  const fallbackZh =
    status === 401 ? tr('请先登录') : status === 403 ? tr('无权执行此操作') : status === 404 ? tr('资源不存在') : status >= 500 ? tr('服务器错误，请稍后重试') : tr('请求失败（{status}）', { status });
  return new ApiError(status, status === 401 ? 'unauthenticated' : 'http_error', `HTTP ${status}`, fallbackZh, [], body);
}

function handleStatus(status: number, quiet401?: boolean): void {
  if (status === 401 && !quiet401) for (const l of unauthorizedListeners) l();
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), { method, headers, body, credentials: 'same-origin', signal: opts.signal });
  } catch (e) {
    if ((e as Error)?.name === 'AbortError') throw e;
    throw new ApiError(0, 'network_error', 'Network error', NETWORK_ERROR_ZH);
  }
  const data = await parseBody(res);
  if (!res.ok) {
    handleStatus(res.status, opts.quiet401);
    throw toApiError(res.status, data);
  }
  return data as T;
}

/** Multipart upload (e.g. Excel import); the file goes in field `file`. */
export async function upload<T>(path: string, file: File | Blob, fileName?: string): Promise<T> {
  const form = new FormData();
  form.append('file', file, fileName ?? (file instanceof File ? file.name : 'upload'));
  const headers: Record<string, string> = { accept: 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', headers, body: form, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network_error', 'Network error', NETWORK_ERROR_ZH);
  }
  const data = await parseBody(res);
  if (!res.ok) {
    handleStatus(res.status);
    throw toApiError(res.status, data);
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body: body ?? {} }),
  put: <T>(path: string, body?: unknown) => request<T>(path, { method: 'PUT', body: body ?? {} }),
  del: <T>(path: string, query?: Query) => request<T>(path, { method: 'DELETE', query }),
};
