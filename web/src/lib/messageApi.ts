/**
 * The one antd message instance, set by the message host (feedbackHost.tsx) once it is mounted.
 * Its own module so the host and feedback.tsx (which loads the host lazily) do not import each
 * other. A message asked for before the host is there waits for it.
 */
import type { MessageInstance } from 'antd/es/message/interface';

let messageApi: MessageInstance | null = null;
const waiting: ((m: MessageInstance) => void)[] = [];

export function setMessageApi(m: MessageInstance): void {
  messageApi = m;
  for (const f of waiting.splice(0)) f(m);
}

export function withMessage(f: (m: MessageInstance) => void): void {
  if (messageApi) f(messageApi);
  else waiting.push(f);
}
