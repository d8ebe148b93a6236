import { describe, expect, it } from 'vitest';
import { unusableReason } from './use.js';
import { splitMaterials } from '../cases/service.js';

const licence = (over: Partial<Parameters<typeof unusableReason>[0]> = {}) => ({
  type: '营业执照', status: 'valid' as const, validUntil: null as string | null, holderIdNumber: '91620524MA74K3D709',
  record: { coHolders: [] as { name: string; idNumber: string }[] } as never, ...over,
});
const want = { type: '营业执照', holderId: '91620524ma74k3d709', today: '2026-03-06' };

describe('unusableReason (免证办)', () => {
  it('accepts a valid licence of the type held by the applicant (ID compared normalized)', () => {
    expect(unusableReason(licence(), want)).toBeNull();
    expect(unusableReason(licence({ validUntil: '2026-03-06' }), want)).toBeNull();
  });
  it('names why a licence cannot serve', () => {
    expect(unusableReason(licence(), { ...want, type: undefined })).toBe('该材料不接受电子证照');
    expect(unusableReason(licence({ type: '结婚证' }), want)).toBe('该证照不是营业执照');
    expect(unusableReason(licence({ status: 'revoked' as never }), want)).toBe('该证照已注销');
    expect(unusableReason(licence({ status: 'superseded' as never }), want)).toBe('该证照已被换发的新证替代');
    expect(unusableReason(licence({ validUntil: '2026-03-05' }), want)).toBe('该证照已过有效期');
    expect(unusableReason(licence({ holderIdNumber: '91620524MA7J8Q5C1T' }), want)).toBe('该证照的持证人不是申请人');
  });
  it('a co-holder (结婚证) holds it too', () => {
    const l = licence({ type: '结婚证', holderIdNumber: '620524199005122336', record: { coHolders: [{ name: '钱晓梅', idNumber: '620524198203050025' }] } as never });
    expect(unusableReason(l, { type: '结婚证', holderId: '620524198203050025', today: '2026-03-06' })).toBeNull();
  });
});

describe('splitMaterials', () => {
  it('splits uploads from licence uses and needs consent, one source per material', () => {
    const id = '00000000-0000-4000-8000-000000000001';
    expect(splitMaterials([{ materialId: 'a', fileId: id }, { materialId: 'b', licenceId: id, consent: true }]))
      .toEqual({ uploads: [{ materialId: 'a', fileId: id }], licences: [{ materialId: 'b', licenceId: id, consent: true }] });
    expect(() => splitMaterials([{ materialId: 'b', licenceId: id }])).toThrow(expect.objectContaining({ code: 'licence_consent' }));
    expect(() => splitMaterials([{ materialId: 'b' }])).toThrow(expect.objectContaining({ code: 'material_source' }));
    expect(() => splitMaterials([{ materialId: 'b', fileId: id, licenceId: id, consent: true }])).toThrow(expect.objectContaining({ code: 'material_source' }));
    expect(() => splitMaterials([{ materialId: 'b', fileId: id }, { materialId: 'b', licenceId: id, consent: true }])).toThrow(expect.objectContaining({ code: 'material_source' }));
  });
});
