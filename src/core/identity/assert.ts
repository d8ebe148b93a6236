/** Server side of the identity rules: refuse with 422, each problem on its field, the first one in the message. */
import { unprocessable } from '../errors.js';
import type { FieldProblem } from './index.js';

export function assertNoProblems(problems: readonly FieldProblem[]): void {
  if (problems.length === 0) return;
  throw unprocessable('invalid_identity', `Invalid: ${problems.map((p) => p.field).join(', ')}`, problems.map((p) => p.message).join('；'), problems);
}
