/**
 * Every client-visible error has a stable code and a message in English and Chinese.
 * Routes throw AppError; the error handler in app.ts renders it as
 * { error: { code, message, messageZh, details? } }.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageZh: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (code: string, en: string, zh: string, details?: unknown) => new AppError(400, code, en, zh, details);
export const unauthorized = () => new AppError(401, 'unauthenticated', 'Please log in', '请先登录');
export const forbidden = (en = 'You may not do this', zh = '无权执行此操作') => new AppError(403, 'forbidden', en, zh);
export const notFound = (what = 'Resource', whatZh = '资源') =>
  new AppError(404, 'not_found', `${what} not found`, `${whatZh}不存在`);
export const conflict = (code: string, en: string, zh: string, details?: unknown) => new AppError(409, code, en, zh, details);
export const unprocessable = (code: string, en: string, zh: string, details?: unknown) =>
  new AppError(422, code, en, zh, details);
