import { describe, expect, it } from 'vitest';
import { addressBucket } from './throttle.js';
import { generateInitialPassword, passwordProblem } from './passwordRules.js';

describe('password rule', () => {
  it('accepts a long mixed password', () => {
    expect(passwordProblem('Qinghe-2026-spring', 'window1')).toBeNull();
    expect(passwordProblem('清河县政务中心2026', 'window1')).toBeNull();
  });
  it('names what is wrong', () => {
    expect(passwordProblem('Ab3$short', 'x')?.code).toBe('password_too_short');
    expect(passwordProblem('onlyletterslong', 'x')?.code).toBe('password_too_simple');
    expect(passwordProblem('1234567890123', 'x')?.code).toBe('password_too_simple');
    expect(passwordProblem('window1-is-me', 'window1')?.code).toBe('password_too_guessable');
    expect(passwordProblem('Banshi123456', 'someone')?.code).toBe('password_too_guessable');
    expect(passwordProblem('aaaa1111aaaa', 'someone')?.code).toBe('password_too_guessable');
    expect(passwordProblem('x'.repeat(150) + '1'.repeat(51), 'someone')?.code).toBe('password_too_long');
    expect(passwordProblem('太短1', 'x')?.messageZh).toMatch(/至少需要10位/);
  });
  it('generates initial passwords that pass it, never the same twice', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const pw = generateInitialPassword('newclerk');
      expect(pw).toMatch(/^[a-zA-Z2-9]{12}$/);
      expect(pw).not.toMatch(/[01OlI]/);
      expect(passwordProblem(pw, 'newclerk')).toBeNull();
      seen.add(pw);
    }
    expect(seen.size).toBe(200);
  });
});

describe('address bucket for the login limit', () => {
  it('keeps IPv4, unwraps IPv4-mapped IPv6, and counts IPv6 by /64', () => {
    expect(addressBucket('203.0.113.7')).toBe('203.0.113.7');
    expect(addressBucket('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressBucket('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(addressBucket('2001:db8:1:2::1')).toBe(addressBucket('2001:db8:1:2:ffff::9'));
    expect(addressBucket('2001:db8:1:3::1')).not.toBe(addressBucket('2001:db8:1:2::1'));
  });
});
