import { describe, expect, it } from 'vitest';
import { firstHands, fourEyesBlocks } from './fourEyes.js';
import { ITEM_ACTIONS } from './rules.js';

const v = { createdBy: 'a', editedBy: 'b', submittedBy: 'c' };

describe('four eyes rule', () => {
  it('names the last editor (the creator before any edit) and the submitter', () => {
    expect(firstHands(v)).toEqual(['b', 'c']);
    expect(firstHands({ createdBy: 'a', editedBy: null, submittedBy: 'a' })).toEqual(['a']);
    expect(firstHands({ createdBy: null, editedBy: null, submittedBy: null })).toEqual([]);
  });

  it('blocks exactly review and publish, for the editor and the submitter, when the center has it on', () => {
    const blocked = (user: string, on = true) => ITEM_ACTIONS.filter((a) => fourEyesBlocks(a, v, user, on));
    expect(blocked('b')).toEqual(['review', 'publish']);
    expect(blocked('c')).toEqual(['review', 'publish']);
    expect(blocked('a')).toEqual([]); // the creator whose draft someone else rewrote is a fresh pair of eyes
    expect(blocked('z')).toEqual([]);
    expect(blocked('b', false)).toEqual([]);
  });
});
