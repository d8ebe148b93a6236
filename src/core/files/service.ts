import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import type { SessionUser } from '../auth/policy.js';
import { badRequest, forbidden, notFound } from '../errors.js';
import { appendAudit } from '../audit/audit.js';
import { files } from './schema.js';

/** The types materials may have, recognised by their first bytes (names and declared types lie). */
const SIGNATURES: { mime: string; ext: string; test: (b: Buffer) => boolean }[] = [
  { mime: 'application/pdf', ext: 'pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  { mime: 'image/jpeg', ext: 'jpg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'image/png', ext: 'png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
];

export function sniffType(buf: Buffer): string | null {
  return SIGNATURES.find((s) => s.test(buf))?.mime ?? null;
}

export async function storeFile(ctx: AppContext, user: SessionUser, name: string, content: Buffer) {
  const mime = sniffType(content);
  if (!mime) throw badRequest('file_type', 'Only PDF, JPEG or PNG files are accepted', '仅支持 PDF、JPG、PNG 格式的文件');
  if (content.length === 0) throw badRequest('file_empty', 'The file is empty', '文件为空');
  const safeName = name.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 200) || 'file';
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(files).values({
      ownerId: user.id, name: safeName, mime, size: content.length, sha256: createHash('sha256').update(content).digest('hex'),
      content, createdAt: ctx.now().toISOString(),
    }).returning({ id: files.id, name: files.name, size: files.size, mime: files.mime });
    await appendAudit(tx, { actorId: user.id, actorRole: user.role, action: 'file.upload', entityType: 'file', entityId: row.id, after: { name: safeName, mime, size: content.length }, at: ctx.now() });
    return row;
  });
}

export async function fileMeta(ctx: AppContext, id: string) {
  const [f] = await ctx.db.select({ id: files.id, ownerId: files.ownerId, name: files.name, mime: files.mime, size: files.size }).from(files).where(eq(files.id, id));
  if (!f) throw notFound('File', '文件');
  return f;
}

/** The bytes of a file the caller may read (`mayRead` answers for files attached to cases). */
export async function readFile(ctx: AppContext, user: SessionUser, id: string, mayRead: (fileId: string) => Promise<boolean>) {
  const meta = await fileMeta(ctx, id);
  if (meta.ownerId !== user.id && !(await mayRead(id))) throw forbidden('You may not read this file', '无权查看该文件');
  const [f] = await ctx.db.select({ content: files.content }).from(files).where(eq(files.id, id));
  return { ...meta, content: f.content };
}
