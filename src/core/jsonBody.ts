/**
 * The JSON body parser: Fastify's own (prototype-poisoning guard, empty-body 400), then one walk
 * over the parsed value that refuses any string or key PostgreSQL cannot store — a NUL or a lone
 * UTF-16 surrogate ("\ud800" is valid JSON). Route schemas check their fields with the `text`
 * format; this is the backstop for free-form parts (`formData`, score maps) and names the field.
 */
import type { FastifyInstance } from 'fastify';
import { badRequest } from './errors.js';
import { isText } from './formats.js';

/** The path of the first string (or key) in `value` that is not storable text, or null. */
export function firstBadString(value: unknown, path = 'body'): string | null {
  if (typeof value === 'string') return isText(value) ? null : path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = firstBadString(value[i], `${path}.${i}`);
      if (bad) return bad;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (!isText(k)) return `${path}.${JSON.stringify(k).slice(1, -1)}`;
      const bad = firstBadString(v, `${path}.${k}`);
      if (bad) return bad;
    }
  }
  return null;
}

// Only a body that spells an escape of NUL or a surrogate can hold one after parsing (raw bytes
// of either are invalid UTF-8 and decode to U+FFFD); others skip the walk.
const MAYBE_BAD = /\\u(0000|[dD][89a-fA-F][0-9a-fA-F]{2})/;

export function useCheckedJsonParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    parse(req, body as string, (err, value) => {
      if (err) return done(err, undefined);
      const bad = MAYBE_BAD.test(body as string) ? firstBadString(value) : null;
      if (bad) {
        return done(badRequest('validation_failed', `Invalid request: ${bad} contains a NUL or an unpaired surrogate`, `请求参数不合法：${bad} 含有无法保存的字符`, [{ field: bad, message: 'not storable text' }]), undefined);
      }
      done(null, value);
    });
  });
}
