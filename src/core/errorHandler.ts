import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.js';
import { isDatabaseUnavailable } from './db/unavailable.js';
import { dbErrorToAppError } from './dbErrors.js';

interface ValidationItem { instancePath: string; message?: string; params?: Record<string, unknown> }

/** Names the offending field, e.g. "body.applicant.phone". */
function fieldOf(context: string | undefined, v: ValidationItem): string {
  const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const missing = typeof v.params?.missingProperty === 'string' ? v.params.missingProperty : '';
  const extra = typeof v.params?.additionalProperty === 'string' ? v.params.additionalProperty : '';
  return [context, path, missing || extra].filter(Boolean).join('.');
}

/** Fastify's own 4xx errors, each with a stable code and a Chinese message. */
const FRAMEWORK_4XX: Record<number, [string, string, string]> = {
  400: ['bad_request', 'Malformed request', '请求格式错误'],
  404: ['not_found', 'Not found', '资源不存在'],
  405: ['method_not_allowed', 'Method not allowed', '不支持的请求方法'],
  406: ['not_acceptable', 'Not acceptable', '无法提供所请求的格式'],
  413: ['payload_too_large', 'The upload or request body is too large', '上传文件或请求内容过大'],
  415: ['unsupported_media_type', 'Unsupported content type', '不支持的内容类型'],
  429: ['rate_limited', 'Too many requests, try again later', '请求过于频繁，请稍后再试'],
};

export function errorHandler(error: FastifyError | AppError, req: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    return reply.status(error.status).send({ error: { code: error.code, message: error.message, messageZh: error.messageZh, details: error.details, requestId: req.id } });
  }
  const fe = error as FastifyError;
  if (fe.validation) {
    const details = (fe.validation as ValidationItem[]).map((v) => ({ field: fieldOf(fe.validationContext, v), message: v.message ?? 'invalid' }));
    const fields = details.map((d) => d.field).join(', ');
    return reply.status(400).send({
      error: { code: 'validation_failed', message: `Invalid request: ${fields}`, messageZh: `请求参数不合法：${fields}`, details, requestId: req.id },
    });
  }
  const status = fe.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const [code, en, zh] = FRAMEWORK_4XX[status] ?? ['bad_request', fe.message, '请求无法处理'];
    return reply.status(status).send({ error: { code, message: status === 400 ? `${en}: ${fe.message}` : en, messageZh: zh, requestId: req.id } });
  }
  if (isDatabaseUnavailable(error)) {
    req.log.warn({ err: error }, 'database unavailable');
    return reply.status(503).header('retry-after', '2').send({ error: { code: 'unavailable', message: 'The database is not reachable; try again shortly', messageZh: '系统暂时无法访问数据库，请稍后重试' } });
  }
  // Database errors input can still cause (foreign key, unique, bad value) → 4xx; see dbErrors.ts.
  const mapped = dbErrorToAppError(error);
  if (mapped) {
    req.log.warn({ sqlState: (error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code, status: mapped.status }, 'database refused input');
    return errorHandler(mapped, req, reply);
  }
  req.log.error({ err: error }, 'unhandled error');
  return reply.status(500).send({ error: { code: 'internal', message: 'Internal error', messageZh: '系统内部错误，请稍后重试', requestId: req.id } });
}
