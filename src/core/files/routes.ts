import { Type } from '@sinclair/typebox';
import { readUpload } from './upload.js';
import { Int } from '../formats.js';
import type { AppContext } from '../context.js';
import { errors, Uuid, type App } from '../http.js';
import { currentUser } from '../auth/policy.js';
import { badRequest } from '../errors.js';
import { readFile, storeFile } from './service.js';
import type { SessionUser } from '../auth/policy.js';

/** Whether a user may read a file someone else uploaded (the case engine's rule: src/cases/view.ts `fileReadableViaCase`). */
export type FileReadRule = (ctx: AppContext, user: SessionUser, fileId: string) => Promise<boolean>;

/** `mayRead` is handed in by src/app.ts: src/core names no capability. */
export function fileRoutes(app: App, ctx: AppContext, mayRead: FileReadRule) {
  app.post('/api/files', {
    config: { policy: 'user' },
    schema: {
      tags: ['files'], summary: 'Upload a material (PDF/JPEG/PNG, at most 10 MB; the type is read from the bytes)', consumes: ['multipart/form-data'],
      response: { 201: Type.Object({ id: Type.String(), name: Type.String(), size: Int(), mime: Type.String() }), ...errors(400, 401, 413) },
    },
  }, async (req, reply) => {
    const file = await readUpload(req);
    if (!file) throw badRequest('file_required', 'Upload a file in the field "file"', '请选择要上传的文件');
    const content = file.content;
    return reply.status(201).send(await storeFile(ctx, currentUser(req), file.filename, content));
  });

  app.get('/api/files/:id', {
    config: { policy: 'user' },
    schema: { tags: ['files'], summary: 'Download a file you may read', params: Type.Object({ id: Uuid }), response: errors(400, 401, 403, 404) },
  }, async (req, reply) => {
    const user = currentUser(req);
    const f = await readFile(ctx, user, req.params.id, (fileId) => mayRead(ctx, user, fileId));
    return reply.type(f.mime).header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.name)}`).header('x-content-type-options', 'nosniff').send(f.content);
  });
}
