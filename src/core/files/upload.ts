import type { FastifyRequest } from 'fastify';
import { AppError, badRequest } from '../errors.js';
import { isText } from '../formats.js';

export interface Upload { filename: string; content: Buffer }

/**
 * The one file of a multipart upload, read whole. A body the multipart parser cannot read (no
 * boundary, broken parts, cut short) is the client's mistake: 400, never a 500. The plugin's own
 * errors (too large → 413, not multipart → 406) keep their status.
 */
export async function readUpload(req: FastifyRequest): Promise<Upload | null> {
  try {
    const file = await req.file();
    if (!file) return null;
    if (!isText(file.filename) || file.filename.length > 255) throw badRequest('validation_failed', 'Invalid request: the file name', '文件名不合法（过长或含有无法保存的字符）', [{ field: 'file.filename', message: 'not storable text' }]);
    return { filename: file.filename, content: await file.toBuffer() };
  } catch (e) {
    if (e instanceof AppError || typeof (e as { statusCode?: unknown }).statusCode === 'number') throw e;
    throw badRequest('malformed_upload', `Malformed multipart body: ${(e as Error).message}`, '上传内容格式错误，请重新选择文件上传');
  }
}
