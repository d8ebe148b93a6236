/**
 * antd's `message` usable outside components. The message host (`FeedbackHost`, its own chunk)
 * mounts after the first render: antd's `App` (message, notification and modal contexts) sat
 * in the first download of every page, ~10 KB of code a visitor of the portal home waits for
 * on a slow network (docs/performance.md). A message asked for before the host is there waits
 * for it.
 */
import { lazy, Suspense, useEffect, useState, type ReactElement } from 'react';
import type { FormInstance } from 'antd';
import { withMessage } from './messageApi';
import { ApiError } from '../api/client';
import { fieldLabel, parseFieldPath } from './labels';
import { tr } from './i18n';

// A failed download (offline) leaves messages waiting, not the page broken.
const Host = lazy(() => import('./feedbackHost').catch(() => ({ default: (): ReactElement | null => null })));

/**
 * Rendered once inside the theme (main.tsx): loads and mounts the message host once the page
 * has loaded, so its code does not share the slow link with the page's own first reads.
 */
export function FeedbackHost() {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const go = () => setReady(true);
    if (document.readyState === 'complete') return void setTimeout(go, 0);
    window.addEventListener('load', go, { once: true });
    return () => window.removeEventListener('load', go);
  }, []);
  return ready ? <Suspense fallback={null}><Host /></Suspense> : null;
}

export function errorText(err: unknown): string {
  if (err instanceof ApiError) return err.display;
  if (err instanceof Error) return err.message;
  return String(err ?? tr('操作失败'));
}

export function showError(err: unknown): void {
  const text = errorText(err);
  withMessage((m) => void m.error(text));
}

export function showSuccess(text: string): void {
  withMessage((m) => void m.success(text));
}

/** Put `details[].field` errors on the matching form fields; returns the messages that found no field. */
export function applyFieldErrors(form: FormInstance, err: unknown, prefix: (string | number)[] = []): string[] {
  if (!(err instanceof ApiError) || !err.details.length) return [];
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  const rest: string[] = [];
  for (const d of err.details) {
    const path = parseFieldPath(d.field);
    const msg = d.messageZh || d.message || err.display;
    if (path.length) fields.push({ name: [...prefix, ...path], errors: [msg] });
    else rest.push(msg);
  }
  try {
    if (fields.length) form.setFields(fields);
  } catch {
    /* unknown field paths are ignored */
  }
  return rest;
}

export function detailLines(err: ApiError): string[] {
  return err.details.map((d) => {
    const label = fieldLabel(d.field);
    const msg = d.messageZh || d.message || '';
    return label ? `${label}：${msg}` : msg;
  });
}
