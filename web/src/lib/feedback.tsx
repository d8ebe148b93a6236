/** Context-aware antd `message`, usable outside components (set up once inside <App>). */
import { App } from 'antd';
import type { FormInstance } from 'antd';
import { useEffect } from 'react';
import { ApiError } from '../api/client';
import { fieldLabel, parseFieldPath } from './labels';
import { tr } from './i18n';

type MessageInstance = ReturnType<typeof App.useApp>['message'];
let messageApi: MessageInstance | null = null;

export function FeedbackBridge(): null {
  const { message } = App.useApp();
  useEffect(() => {
    messageApi = message;
  }, [message]);
  messageApi = message;
  return null;
}

export function errorText(err: unknown): string {
  if (err instanceof ApiError) return err.display;
  if (err instanceof Error) return err.message;
  return String(err ?? tr('操作失败'));
}

export function showError(err: unknown): void {
  const text = errorText(err);
  if (messageApi) messageApi.error(text);
  else console.error(text);
}

export function showSuccess(text: string): void {
  if (messageApi) messageApi.success(text);
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
