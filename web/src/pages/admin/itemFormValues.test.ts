import { describe, expect, it } from 'vitest';
import { emptyGuide, fromFormValues, toFormValues } from './itemFormValues';

describe('the item form keeps the e-licence fields through an edit', () => {
  it('round-trips a material’s licence type and the result’s supersedes / revokes, and leaves blanks out', () => {
    const guide = {
      ...emptyGuide('d1'),
      name: '企业变更登记',
      materials: [
        { id: 'licence', name: '营业执照', required: 'required' as const, major: true, copies: 1, form: 'paper' as const, source: 'applicant' as const, licenceType: '营业执照' },
        { id: 'form', name: '申请书', required: 'required' as const, major: true, copies: 1, form: 'paper' as const, source: 'applicant' as const, licenceType: '  ' },
      ],
      result: { name: '营业执照', type: 'certificate' as const, supersedes: '营业执照', revokes: '' },
    };
    const { data } = fromFormValues(toFormValues(guide), guide);
    expect(data.materials.map((m) => m.licenceType)).toEqual(['营业执照', undefined]);
    expect(data.result).toEqual({ name: '营业执照', type: 'certificate', supersedes: '营业执照' });
  });
});
