/**
 * Server-Sent Event streams of one app: headers, keepalive, and an orderly end. Open
 * streams would keep a closing server waiting forever, so on close each one gets a short
 * retry hint and ends: EventSource reconnects (to this instance once it is back, or to
 * another behind the proxy) and resumes with Last-Event-ID.
 */
import type { ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from './http.js';

const KEEPALIVE_MS = 25_000;
/** How soon a client should come back when the server ends its stream on shutdown. */
const RETRY_ON_CLOSE_MS = 1_000;

const open = new Set<ServerResponse>();

/** Streams open in this process (every app): for metrics. */
export const openStreamCount = () => open.size;

export function endStreamsOnClose(app: App): void {
  const mine = new Set<ServerResponse>();
  app.decorate('eventStreams', mine);
  app.addHook('preClose', async () => {
    for (const res of mine) res.end(`retry: ${RETRY_ON_CLOSE_MS}\n: server closing, reconnect\n\n`);
  });
}

/** Takes over the reply as an event stream; `onClose` runs once when the client or the server ends it. */
export function startEventStream(req: FastifyRequest, reply: FastifyReply, retryMs: number, onClose: () => void): ServerResponse {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
  res.write(`retry: ${retryMs}\n: connected\n\n`);
  const mine = (req.server as unknown as { eventStreams?: Set<ServerResponse> }).eventStreams;
  mine?.add(res);
  open.add(res);
  const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
  req.raw.on('close', () => {
    clearInterval(keepalive);
    mine?.delete(res);
    open.delete(res);
    onClose();
  });
  return res;
}
