import { describe, expect, it } from 'vitest';
import { emptyThing, problemMap, problemsOf, toPayload } from './model';
import { ApiError } from '../../../api/client';

describe('things editor model', () => {
  it('sends no empty optional texts, and options only for choices', () => {
    const d = {
      ...emptyThing('d1'),
      questions: [{ key: 'q', text: 'Q', kind: 'yesNo' as const, options: [{ value: 'a', label: 'A' }], help: ' ' }],
      items: [{ itemCode: 'X', when: [{ question: '', in: [] }, { question: 'q', in: ['yes'] }], after: [], shares: [], fields: [
        { key: 'a', label: 'A', kind: 'text' as const, required: true, group: '', options: ['x'] },
        { key: 'b', label: 'B', kind: 'choice' as const, required: false, group: '组' },
      ] }],
      sharedMaterials: [{ key: 's', name: 'S', sharingSource: '', producedBy: '', note: 'n' }],
    };
    const p = toPayload(d);
    expect(p.questions[0]).toEqual({ key: 'q', text: 'Q', kind: 'yesNo' });
    expect(p.items[0]!.when).toEqual([{ question: 'q', in: ['yes'] }]);
    expect(p.items[0]!.fields).toEqual([{ key: 'a', label: 'A', kind: 'text', required: true }, { key: 'b', label: 'B', kind: 'choice', required: false, options: [], group: '组' }]);
    expect(p.sharedMaterials[0]).toEqual({ key: 's', name: 'S', note: 'n' });
  });

  it('files the server problems by field path, request-format errors without their body.data prefix', () => {
    const e = new ApiError(400, 'validation_failed', 'Invalid', '', [{ field: 'body.data.items.0.fields.1.key', message: 'must match pattern' }, { field: 'body.code', message: 'x' }]);
    const map = problemMap([...problemsOf(e), { field: 'sharedMaterials.0', messageZh: '未被任何事项使用' }]);
    expect([...map.keys()]).toEqual(['items.0.fields.1.key', 'code', 'sharedMaterials.0']);
    expect(problemsOf(new Error('network'))).toEqual([]);
  });
});
