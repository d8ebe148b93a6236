/** What a password must be (pure): checked when a user picks one; generated initial passwords pass it. */
import { randomInt } from 'node:crypto';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

export interface PasswordProblem { code: string; message: string; messageZh: string }

/** Passwords that pass the length and kind rules but everybody tries first. */
const COMMON = ['banshi123', 'password', 'qwerty', 'abc123', '123456', 'admin', 'iloveyou', 'woaini', 'p@ssw0rd'];

const kinds = (pw: string) => [/\p{L}/u, /\p{N}/u, /[^\p{L}\p{N}]/u].filter((re) => re.test(pw)).length;

export function passwordProblem(pw: string, username: string): PasswordProblem | null {
  if ([...pw].length < MIN_PASSWORD_LENGTH) {
    return { code: 'password_too_short', message: `The password needs at least ${MIN_PASSWORD_LENGTH} characters`, messageZh: `密码至少需要${MIN_PASSWORD_LENGTH}位` };
  }
  if (pw.length > MAX_PASSWORD_LENGTH) {
    return { code: 'password_too_long', message: `The password may have at most ${MAX_PASSWORD_LENGTH} characters`, messageZh: `密码最多${MAX_PASSWORD_LENGTH}位` };
  }
  if (kinds(pw) < 2) {
    return { code: 'password_too_simple', message: 'Mix at least two of letters, digits and symbols', messageZh: '密码需包含字母、数字、符号中的至少两类' };
  }
  const lower = pw.toLowerCase();
  if (new Set(lower).size < 5 || (username.length >= 3 && lower.includes(username.toLowerCase())) || COMMON.some((c) => lower.includes(c))) {
    return { code: 'password_too_guessable', message: 'This password is too easy to guess (your user name, a common password or repeated characters)', messageZh: '密码过于简单（含用户名、常见密码或重复字符），请换一个' };
  }
  return null;
}

/** No look-alike characters (0/O, 1/l/I): the password is read off a screen and typed in. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** An initial password an admin hands over (12 characters, ~70 bits), always passing passwordProblem. */
export function generateInitialPassword(username = ''): string {
  for (;;) {
    const pw = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    if (/[a-zA-Z]/.test(pw) && /\d/.test(pw) && !passwordProblem(pw, username)) return pw;
  }
}
