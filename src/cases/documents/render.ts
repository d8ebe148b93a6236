/**
 * Renders an issued notice (受理通知书, 一次性告知书, …) to a complete, printable A4 HTML document.
 * Pure: everything shown comes in the input (no clock, no database, no network); every
 * interpolated string is HTML-escaped; the page carries no script (the CSP forbids it).
 */
import type { DocumentKind } from '../types.js';
import { page, type PageParts } from './frame.js';
import { approval, completion, denial, extension, specialProcedure } from './handling.js';
import { acceptance, jointAcceptance, pledge, receipt, refusal, returned, supplement } from './intake.js';
import type { DocumentInput } from './types.js';
import { controlSheet, handlingNotice, paymentNotice, routeSheet } from './internal.js';

export { escapeHtml } from './html.js';
export { limitText, zhDate } from './format.js';

const TEMPLATES: Record<DocumentKind, (input: DocumentInput) => PageParts> = {
  receipt, acceptance, jointAcceptance, supplement, pledge, return: returned, refusal, specialProcedure, extension, approval, denial, completion,
  paymentNotice, handlingNotice, routeSheet, controlSheet,
};

/** The complete HTML document (<!DOCTYPE html> … </html>) of one notice. */
export async function renderDocument(input: DocumentInput): Promise<string> {
  const template = TEMPLATES[input.kind];
  if (!template) throw new Error(`Unknown document kind: ${String(input.kind)}`);
  return page(input, template(input));
}
