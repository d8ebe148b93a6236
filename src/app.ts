import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyServerOptions } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import type { AppContext } from './core/context.js';
import { AppError } from './core/errors.js';
import { errorHandler } from './core/errorHandler.js';
import { endStreamsOnClose } from './core/sse.js';
import { loggerOptions, requestId } from './core/logging.js';
import { metricsRoutes } from './core/metricsRoutes.js';
import { addAjvFormats, refuseUncheckedSchemas } from './core/formats.js';
import { useCheckedJsonParser } from './core/jsonBody.js';
import { ErrorBody, type App } from './core/http.js';
import { checkPolicy } from './core/auth/policy.js';
import { loadSession, SESSION_COOKIE } from './core/auth/service.js';
import { authRoutes } from './core/auth/routes.js';
import { accountRoutes } from './core/auth/accountRoutes.js';
import { systemRoutes } from './core/systemRoutes.js';
import { calendarRoutes } from './core/calendar/routes.js';
import { catalogRoutes } from './catalog/routes.js';
import { demoRoutes } from './demo/routes.js';
import { caseRoutes } from './cases/routes.js';
import { fileRoutes } from './core/files/routes.js';
import { filingRoutes } from './filings/routes.js';
import { notifyRoutes } from './notify/routes.js';
import { agencyRoutes } from './agency/routes.js';
import { statsRoutes } from './stats/routes.js';
import { supervisionRoutes } from './supervision/routes.js';
import { dutyRoutes } from './duty/routes.js';
import { documentSettingsRoutes } from './cases/documents/routes.js';
import { partyRoutes } from './party/routes.js';
import { feedbackRoutes } from './feedback/routes.js';
import { hallRoutes } from './hall/routes.js';
import { assessmentRoutes } from './assessment/routes.js';
import { feeRoutes } from './fees/routes.js';
import { paperworkRoutes } from './cases/paperwork/routes.js';
import { reportRoutes } from './supervision/report/routes.js';
import { thingRoutes } from './things/routes.js';
import { thingEditorRoutes } from './things/editorRoutes.js';
import { licenceRoutes } from './licences/routes.js';
import { licenceUseRoutes } from './licences/useRoutes.js';
import { thingSupervisionRoutes } from './supervision/thingsRoutes.js';
import { bundleRatingRoutes } from './feedback/bundleRoutes.js';
import { fileReadableViaCase } from './cases/view.js';
import { JOBS } from './jobs.js';
import { compose } from './compose.js';
import { calendarPreviewRoutes } from './calendarPreview.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false on the few routes that may be posted without a session (login). */
    csrf?: boolean;
  }
}

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export async function buildApp(ctx: AppContext, opts: { logger?: boolean; logStream?: { write(line: string): unknown } } = {}): Promise<App> {
  const app = Fastify({
    // Personal data is scrubbed from every line at the logger (src/core/logging.ts).
    logger: opts.logger ? loggerOptions(ctx.config.logLevel, opts.logStream) : false,
    genReqId: requestId,
    // Off unless BANSHI_TRUST_PROXY names the proxies: otherwise X-Forwarded-For is anyone's to forge.
    trustProxy: ctx.config.trustProxy,
    // The shared formats (src/core/formats.ts) replace ajv-formats' laxer uuid/date/date-time.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true }, onCreate: (ajv: Parameters<typeof addAjvFormats>[0]) => addAjvFormats(ajv, { today: () => ctx.today(), years: ctx.config.businessYears }) } as FastifyServerOptions['ajv'],
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setErrorHandler(errorHandler);
  app.addHook('onRequest', async (req, reply) => { reply.header('x-request-id', req.id); });
  useCheckedJsonParser(app);
  refuseUncheckedSchemas(app);
  app.addSchema(ErrorBody);
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'], connectSrc: ["'self'"], upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(rateLimit, {
    global: false,
    hook: 'preHandler',
    errorResponseBuilder: () => new AppError(429, 'rate_limited', 'Too many attempts, try again in a minute', '尝试次数过多，请一分钟后再试'),
  });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Banshi 办事 API', version: '0.1.0', description: 'Government service center platform' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  enforcePolicies(app, ctx);
  endStreamsOnClose(app);
  compose(ctx.config);

  const routeSets = [metricsRoutes, (a: App, c: AppContext) => systemRoutes(a, c, JOBS), authRoutes, accountRoutes, calendarRoutes, catalogRoutes,
    (a: App, c: AppContext) => fileRoutes(a, c, fileReadableViaCase), caseRoutes, filingRoutes, notifyRoutes, agencyRoutes, statsRoutes, supervisionRoutes, dutyRoutes, partyRoutes, feedbackRoutes, hallRoutes, feeRoutes, paperworkRoutes, reportRoutes, thingRoutes, thingEditorRoutes, licenceUseRoutes, licenceRoutes, assessmentRoutes, calendarPreviewRoutes, documentSettingsRoutes, demoRoutes];
  for (const register of routeSets) register(app, ctx);
  // 一件事 (issue 24): supervision, statistics and the rating of a bundle as a whole.
  for (const register of [thingSupervisionRoutes, bundleRatingRoutes]) register(app, ctx);

  await serveWeb(app);
  return app;
}

/** Every /api route must declare a policy; every request passes through it (and CSRF). */
function enforcePolicies(app: App, ctx: AppContext) {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    if (!route.config?.policy) throw new Error(`route ${route.method} ${route.url} declares no policy`);
  });
  app.decorateRequest('user', null);
  app.addHook('preValidation', async (req) => {
    const policy = req.routeOptions.config?.policy;
    if (!policy) return;
    const sid = req.cookies[SESSION_COOKIE];
    req.user = checkPolicy(policy, sid ? await loadSession(ctx, sid) : null, req.routeOptions.config?.beforePasswordChange);
    const mutating = !['GET', 'HEAD', 'OPTIONS'].includes(req.method);
    if (mutating && req.user && req.routeOptions.config?.csrf !== false && req.headers['x-csrf-token'] !== req.user.csrfToken) {
      throw new AppError(403, 'csrf_failed', 'Missing or wrong CSRF token', '安全校验失败，请刷新页面后重试');
    }
  });
}

async function serveWeb(app: App) {
  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDist, wildcard: false,
      // The build writes .br and .gz copies (web/vite.config.ts): sent by Accept-Encoding.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, filePath) => reply.header('cache-control', webCacheControl(filePath)),
    });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !hasWeb || req.method !== 'GET') {
      return reply.status(404).send({ error: { code: 'not_found', message: 'Not found', messageZh: '资源不存在', requestId: req.id } });
    }
    return reply.sendFile('index.html');
  });
}

/**
 * Files under /assets carry a content hash in their name (a new build, a new name): cached for a
 * year without asking again. Everything else (index.html, which names the current assets) is
 * revalidated on every visit, so a new release shows at once.
 */
export function webCacheControl(filePath: string): string {
  return /[\\/]assets[\\/]/.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache';
}
