/**
 * Four eyes on the catalog (issue 21; seed 001 has a list change reviewed by someone other
 * than who drafted it): when a center turns it on (the default), the person who edited or
 * submitted a version may not also review or publish it. Pure: no I/O.
 */
import type { ItemAction } from './rules.js';

/** The actions a second person must take. Rejecting (sending back) one's own version stays allowed. */
export const SECOND_PERSON_ACTIONS: readonly ItemAction[] = ['review', 'publish'];

/** Who had a version in their hands before review: its last editor (the creator before any edit) and its submitter. */
export interface VersionHands { createdBy: string | null; editedBy: string | null; submittedBy: string | null }

export function firstHands(v: VersionHands): string[] {
  return [...new Set([v.editedBy ?? v.createdBy, v.submittedBy].filter((x): x is string => !!x))];
}

/** Is `userId` refused `action` on this version? */
export function fourEyesBlocks(action: ItemAction, v: VersionHands, userId: string, secondReviewer: boolean): boolean {
  return secondReviewer && SECOND_PERSON_ACTIONS.includes(action) && firstHands(v).includes(userId);
}

export const FOUR_EYES_MESSAGE = {
  en: 'Four eyes: this center requires a catalog item to be reviewed and published by someone other than who edited or submitted it',
  zh: '本中心实行事项“双人审核”：编辑或提交该版本的人员不能审核、发布该版本，请由另一名管理人员审核发布',
};
