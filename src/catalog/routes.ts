import { Type } from '@sinclair/typebox';
import { readUpload } from '../core/files/upload.js';
import { Int, Text } from '../core/formats.js';
import type { AppContext } from '../core/context.js';
import { errors, Paging, Uuid, type App } from '../core/http.js';
import { currentUser } from '../core/auth/policy.js';
import { badRequest } from '../core/errors.js';
import { GuideSchema } from './guideSchema.js';
import { ITEM_ACTIONS } from './rules.js';
import { actOnItem, createItemForUser, getItemDetail, getItemVersion, listItems, updateItemForUser } from './service.js';
import { getPublicItem, listPublicItems, publicFacets, suggestPublicItems } from './public.js';
import { popularItems } from './popular.js';
import { exportCatalog, importCatalog } from './excel.js';
import { getCatalogSettings, putCatalogSettings } from './settings.js';

const CATALOG_READERS = ['centerAdmin', 'coordinator', 'handler', 'chiefRep', 'leader'] as const;
const CATALOG_EDITORS = ['centerAdmin', 'coordinator', 'chiefRep', 'leader'] as const;
const IdParams = Type.Object({ id: Uuid });
const ItemBody = Type.Object({ data: GuideSchema, code: Type.Optional(Text(40)) });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function catalogRoutes(app: App, ctx: AppContext) {
  publicRoutes(app, ctx);

  app.get('/api/catalog/items', {
    config: { policy: CATALOG_READERS },
    schema: {
      tags: ['catalog'], summary: 'Catalog items in my scope (all versions and statuses)',
      querystring: Type.Object({ q: Type.Optional(Text(100)), status: Type.Optional(Text(20)), department: Type.Optional(Uuid), ...Paging }),
      response: errors(400, 401, 403),
    },
  }, async (req) => listItems(ctx, currentUser(req), { ...req.query, page: req.query.page ?? 1, pageSize: req.query.pageSize ?? 20 }));

  app.post('/api/catalog/items', {
    config: { policy: CATALOG_EDITORS },
    schema: { tags: ['catalog'], summary: 'Create an item (version 1, draft)', body: ItemBody, response: errors(400, 401, 403, 409, 422) },
  }, async (req, reply) => reply.status(201).send(await createItemForUser(ctx, currentUser(req), req.body.data, req.body.code || undefined)));

  app.get('/api/catalog/items/:id', {
    config: { policy: CATALOG_READERS },
    schema: { tags: ['catalog'], summary: 'One item with its version history', params: IdParams, response: errors(400, 401, 403, 404) },
  }, async (req) => getItemDetail(ctx, currentUser(req), req.params.id));

  app.get('/api/catalog/items/:id/versions/:version', {
    config: { policy: CATALOG_READERS },
    schema: { tags: ['catalog'], summary: 'One version of an item', params: Type.Object({ id: Uuid, version: Int({ minimum: 1 }) }), response: errors(400, 401, 403, 404) },
  }, async (req) => getItemVersion(ctx, currentUser(req), req.params.id, req.params.version));

  app.put('/api/catalog/items/:id', {
    config: { policy: CATALOG_EDITORS },
    schema: {
      tags: ['catalog'], summary: 'Edit an item (a draft in place; otherwise a new draft version)',
      params: IdParams, body: Type.Object({ data: GuideSchema, baseVersion: Int({ minimum: 1 }) }), response: errors(400, 401, 403, 404, 409, 422),
    },
  }, async (req) => updateItemForUser(ctx, currentUser(req), req.params.id, req.body.data, req.body.baseVersion));

  app.post('/api/catalog/items/:id/actions/:action', {
    config: { policy: CATALOG_EDITORS },
    schema: {
      tags: ['catalog'], summary: 'Lifecycle: submit, review, reject, publish, suspend, resume, abolish',
      params: Type.Object({ id: Uuid, action: Type.Union(ITEM_ACTIONS.map((a) => Type.Literal(a))) }),
      body: Type.Optional(Type.Object({ note: Type.Optional(Text(2000)) })),
      response: errors(400, 401, 403, 404, 409, 422),
    },
  }, async (req) => actOnItem(ctx, currentUser(req), req.params.id, req.params.action, req.body?.note));

  const Settings = Type.Object({ secondReviewer: Type.Boolean() });
  app.get('/api/catalog/settings', {
    config: { policy: CATALOG_READERS },
    schema: { tags: ['catalog'], summary: 'My center’s catalog settings (defaults when never set): secondReviewer = four eyes on review and publishing', response: { 200: Settings, ...errors(401, 403) } },
  }, async (req) => getCatalogSettings(ctx, currentUser(req)));

  app.put('/api/catalog/settings', {
    config: { policy: ['centerAdmin'] },
    schema: { tags: ['catalog'], summary: 'Change my center’s catalog settings', body: Settings, response: { 200: Settings, ...errors(400, 401, 403) } },
  }, async (req) => putCatalogSettings(ctx, currentUser(req), req.body));

  app.get('/api/catalog/export.xlsx', {
    config: { policy: ['centerAdmin'] },
    schema: { tags: ['catalog'], summary: 'The catalog as an Excel workbook', response: errors(401, 403) },
  }, async (req, reply) => {
    const buf = await exportCatalog(ctx, currentUser(req));
    return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="catalog-${ctx.today()}.xlsx"`).send(buf);
  });

  app.post('/api/catalog/import', {
    config: { policy: ['centerAdmin'] },
    schema: { tags: ['catalog'], summary: 'Import items from an Excel workbook (multipart field "file"); all rows or none', consumes: ['multipart/form-data'], response: errors(400, 401, 403, 413, 422) },
  }, async (req) => {
    const file = await readUpload(req);
    if (!file) throw badRequest('file_required', 'Upload an .xlsx file in the field "file"', '请上传 .xlsx 文件');
    const buf = file.content;
    // .xlsx is a zip: check the magic bytes, not the name.
    if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) throw badRequest('file_type', 'The file is not an .xlsx workbook', '文件不是 .xlsx 格式的 Excel 工作簿');
    return importCatalog(ctx, currentUser(req), buf);
  });
}

function publicRoutes(app: App, ctx: AppContext) {
  app.get('/api/public/facets', {
    config: { policy: 'public' },
    schema: { tags: ['public'], summary: 'Departments, themes and types to filter the guide by' },
  }, async () => publicFacets(ctx));

  app.get('/api/public/items', {
    config: { policy: 'public' },
    schema: {
      tags: ['public'], summary: 'Search the service guide (published items)',
      querystring: Type.Object({
        q: Type.Optional(Text(100)), department: Type.Optional(Uuid), theme: Type.Optional(Text(100)),
        servedParty: Type.Optional(Type.Union([Type.Literal('person'), Type.Literal('organization')])), type: Type.Optional(Text(30)), ...Paging,
      }),
      response: errors(400),
    },
  }, async (req) => listPublicItems(ctx, { ...req.query, page: req.query.page ?? 1, pageSize: req.query.pageSize ?? 20 }));

  app.get('/api/public/suggest', {
    config: { policy: 'public' },
    schema: {
      tags: ['public'], summary: 'Search-as-you-type: the first ranked item names for a partial query, and "did you mean" names',
      querystring: Type.Object({ q: Text(100, 1), limit: Type.Optional(Int({ minimum: 1, maximum: 10 })) }),
      response: errors(400),
    },
  }, async (req) => suggestPublicItems(ctx, req.query.q, req.query.limit ?? 6));

  app.get('/api/public/popular', {
    config: { policy: 'public' },
    schema: { tags: ['public'], summary: '热门事项: the published items with the most cases submitted in the last 90 days', response: errors(400) },
  }, async () => popularItems(ctx));

  app.get('/api/public/items/:code', {
    config: { policy: 'public' },
    schema: { tags: ['public'], summary: 'The public guide of one item', params: Type.Object({ code: Text(40) }), response: errors(404) },
  }, async (req) => getPublicItem(ctx, req.params.code));
}
