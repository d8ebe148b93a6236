/**
 * antd validators over the shared identity rules (src/core/identity): the form says exactly
 * what the server would, before the request goes out. The messages are the rules' Chinese,
 * translated like any other text (web/src/i18n/en/components.ts).
 */
import type { RuleObject } from 'antd/es/form';
import { creditCodeMessage, idNumberMessage, phoneMessage, type IdType } from '../../../src/core/identity/index';

type T = (zh: string) => string;
/** Today in the browser (YYYY-MM-DD, local): a birth date may not lie after it. */
export const localToday = () => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; };

const check = (problem: (v: string) => string | null, t: T, optional = false) => ({
  validator: (_: RuleObject, value: unknown) => {
    const v = typeof value === 'string' ? value.trim() : '';
    if (!v && optional) return Promise.resolve();
    const p = problem(v);
    return p ? Promise.reject(new Error(t(p))) : Promise.resolve();
  },
});

/** A person's ID document (居民身份证 unless the form names another type) or an organization's credit code. */
export const idRule = (t: T, kind: 'person' | 'organization' = 'person', idType?: IdType) =>
  check((v) => (kind === 'organization' ? creditCodeMessage(v) : idNumberMessage(v, localToday(), idType)), t);

/** A mobile (or, when `landline`, a landline too); `optional`: empty passes. */
export const phoneRule = (t: T, opts: { landline?: boolean; optional?: boolean } = {}) => check((v) => phoneMessage(v, opts), t, opts.optional);
