/** Reads a text/event-stream response block by block (tests): each event with data, as it arrives. */
import type { IncomingMessage } from 'node:http';

export interface SseEvent { event: string; id?: string; data: any }

export function onSseEvents(res: IncomingMessage, fn: (e: SseEvent) => void): void {
  let buf = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => {
    buf += chunk;
    let i;
    while ((i = buf.indexOf('\n\n')) >= 0) {
      const block = buf.slice(0, i);
      buf = buf.slice(i + 2);
      const f: Record<string, string> = {};
      for (const line of block.split('\n')) { const m = /^(\w+): (.*)$/.exec(line); if (m) f[m[1]] = m[2]; }
      if (f.data) fn({ event: f.event ?? 'message', id: f.id, data: JSON.parse(f.data) });
    }
  });
}
