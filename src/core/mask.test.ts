import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone } from './mask.js';

describe('masking personal data', () => {
  it('masks ID numbers, keeping 4 + 4', () => {
    expect(maskIdNumber('620524199005122336')).toBe('6205**********2336');
    expect(maskIdNumber('91620524MA74K3D709')).toBe('9162**********D709');
    expect(maskIdNumber('12345')).toBe('****5');
    expect(maskIdNumber('')).toBe('');
  });
  it('masks phones, keeping 3 + 4', () => {
    expect(maskPhone('13919385566')).toBe('139****5566');
    expect(maskPhone('0938-6821201')).toBe('093*****1201');
    expect(maskPhone('12345')).toBe('*****');
  });
  it('masks names by kind', () => {
    expect(maskName('王立军')).toBe('王*军');
    expect(maskName('李娜')).toBe('李*');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskName('清渭县丰禾农业科技有限公司', 'organization')).toBe('清渭县丰******');
  });
});
