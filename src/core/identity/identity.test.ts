import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  applicantProblems, CREDIT_ALPHABET, creditCodeCheck, creditCodeMessage, creditCodeProblem, idNumberMessage, inferIdType,
  PERMIT_REGIONS, phoneMessage, PROVINCE_CODES, residentIdCheck, residentIdProblem,
} from './index.js';

const TODAY = '2026-03-10';
const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));
const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** A birth date between 1900-01-01 and TODAY. */
const birthDate = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date(`${TODAY}T00:00:00Z`), noInvalidDate: true })
  .map((d) => `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1, 2)}${pad(d.getUTCDate(), 2)}`);

const residentId = fc.tuple(fc.constantFrom(...PROVINCE_CODES), digits(4), birthDate, digits(3))
  .map(([p, r, b, s]) => { const first = `${p}${r}${b}${s}`; return first + residentIdCheck(first); });
const permitId = fc.tuple(fc.constantFrom(...Object.keys(PERMIT_REGIONS)), birthDate, digits(3))
  .map(([r, b, s]) => { const first = `${r}${b}${s}`; return first + residentIdCheck(first); });

const creditChar = fc.constantFrom(...CREDIT_ALPHABET);
const creditCode = fc.tuple(fc.array(creditChar, { minLength: 2, maxLength: 2 }), digits(6), fc.array(creditChar, { minLength: 9, maxLength: 9 }))
  .map(([a, region, org]) => { const first = `${a.join('')}${region}${org.join('')}`; return first + creditCodeCheck(first); });

/** The number with the character at `at` replaced by any other printable ASCII character. */
const oneChange = (valid: fc.Arbitrary<string>) => valid.chain((v) => fc.tuple(fc.constant(v), fc.integer({ min: 0, max: v.length - 1 }),
  fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c))))
  .filter(([v, at, c]) => v[at].toUpperCase() !== c.toUpperCase())
  .map(([v, at, c]) => v.slice(0, at) + c + v.slice(at + 1));

describe('居民身份证 (GB 11643)', () => {
  it('generated valid numbers pass', () => {
    fc.assert(fc.property(residentId, (id) => residentIdProblem(id, TODAY) === null && idNumberMessage(id, TODAY) === null));
  });
  it('any one-character change fails', () => {
    fc.assert(fc.property(oneChange(residentId), (id) => residentIdProblem(id, TODAY) !== null && idNumberMessage(id, TODAY, 'resident') !== null), { numRuns: 2000 });
  });
  it('names what is wrong', () => {
    expect(residentIdProblem('11010519491231002X', TODAY)).toBeNull(); // the standard's own example
    expect(residentIdProblem('110105194912310021', TODAY)).toBe('check');
    expect(residentIdProblem('990105194912310021', TODAY)).toBe('region');
    expect(residentIdProblem('110105194902300021', TODAY)).toBe('birthDate'); // 30 February
    expect(residentIdProblem('110105203001010021', TODAY)).toBe('birthDate'); // in the future
    expect(residentIdProblem('11010519491231002', TODAY)).toBe('format');
    expect(idNumberMessage('110105194912310021', TODAY)).toBe('身份证号码校验位错误，请核对');
    expect(idNumberMessage('11010519491231002x', TODAY)).toBeNull(); // lower-case x is the same character
  });
});

describe('港澳台居民居住证 and other documents', () => {
  it('generated valid permit numbers pass and are recognized', () => {
    fc.assert(fc.property(permitId, (id) => inferIdType(id) === 'residencePermit' && idNumberMessage(id, TODAY) === null));
  });
  it('any one-character change of a permit number fails', () => {
    fc.assert(fc.property(oneChange(permitId), (id) => idNumberMessage(id, TODAY, 'residencePermit') !== null), { numRuns: 1000 });
  });
  it('a 居民身份证 may not carry a permit address code', () => {
    const first = '81000019900101001';
    expect(idNumberMessage(first + residentIdCheck(first), TODAY, 'resident')).toMatch(/地址码/);
  });
  it('checks the travel permits and passports by their own rules', () => {
    expect(inferIdType('H12345678')).toBe('hkMacauPermit');
    expect(idNumberMessage('H12345678', TODAY)).toBeNull();
    expect(idNumberMessage('M1234567801', TODAY)).toBeNull();
    expect(idNumberMessage('H1234567', TODAY, 'hkMacauPermit')).not.toBeNull();
    expect(idNumberMessage('K12345678', TODAY, 'hkMacauPermit')).not.toBeNull();
    expect(inferIdType('12345678')).toBe('taiwanPermit');
    expect(idNumberMessage('12345678', TODAY)).toBeNull();
    expect(idNumberMessage('1234567', TODAY, 'taiwanPermit')).not.toBeNull();
    expect(idNumberMessage('E12345678', TODAY, 'passport')).toBeNull();
    expect(idNumberMessage('ABCDEFG', TODAY, 'passport')).not.toBeNull();
    expect(idNumberMessage('E12', TODAY, 'passport')).not.toBeNull();
    // Never guessed as a passport: an unknown string is checked as a 居民身份证.
    expect(inferIdType('E12345678')).toBe('resident');
  });
});

describe('统一社会信用代码 (GB 32100)', () => {
  it('generated valid codes pass', () => {
    fc.assert(fc.property(creditCode, (code) => creditCodeProblem(code) === null && creditCodeMessage(code) === null));
  });
  it('any one-character change fails', () => {
    fc.assert(fc.property(oneChange(creditCode), (code) => creditCodeProblem(code) !== null), { numRuns: 2000 });
  });
  it('checks a published code and names the problem', () => {
    expect(creditCodeProblem('91110000600037341L')).toBeNull(); // a real enterprise's code
    expect(creditCodeProblem('91110000600037341M')).toBe('check');
    expect(creditCodeProblem('9111000060003734IL')).toBe('format'); // I is not in the alphabet
    expect(creditCodeMessage('91110000600037341M')).toBe('统一社会信用代码校验位错误，请核对');
  });
});

describe('mobiles', () => {
  it('accepts 11 digits starting 13–19 and nothing else', () => {
    fc.assert(fc.property(fc.integer({ min: 3, max: 9 }), digits(9), (second, rest) => phoneMessage(`1${second}${rest}`) === null));
    expect(phoneMessage('1390938120')).not.toBeNull(); // 10 digits
    expect(phoneMessage('12909381201')).not.toBeNull();
    expect(phoneMessage('0938-6821100')).not.toBeNull();
    expect(phoneMessage('0938-6821100', { landline: true })).toBeNull();
  });
});

describe('applicantProblems', () => {
  it('puts each problem on its field', () => {
    expect(applicantProblems({ kind: 'person', idNumber: '110105194912310021', phone: '1390938120' }, TODAY)).toEqual([
      { field: 'body.applicant.idNumber', message: '身份证号码校验位错误，请核对' },
      { field: 'body.applicant.phone', message: '手机号码应为11位，以13至19开头' },
    ]);
    expect(applicantProblems({ kind: 'organization', idNumber: '91110000600037341L', phone: '13909381201' }, TODAY)).toEqual([]);
    expect(applicantProblems({ kind: 'organization', idNumber: '11010519491231002X', phone: '13909381201' }, TODAY)[0].field).toBe('body.applicant.idNumber');
  });
});
