// Identifiers and secrets shaped like the ones Identity Center hands out, from a CSPRNG.
import { randomBytes, randomInt, randomUUID } from 'node:crypto';

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
// User codes avoid look-alikes (0/O, 1/I) so a person can type them.
const USER_CODE_LETTERS = 'BCDFGHJKLMNPQRSTVWXZ';
const SECRET_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function pick(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

export function base64url(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

export const requestId = (): string => randomUUID();
export const clientId = (): string => base64url(16);
export const clientSecret = (): string => `eyJraWQiOiJrZXktMSIsImFsZyI6IkhTMzg0In0.${base64url(180)}`;
export const deviceCode = (): string => base64url(64);
export const authorizationCode = (): string => base64url(48);
export const accessToken = (): string => `aoa${base64url(150)}`;
export const refreshToken = (): string => `aor${base64url(150)}`;
export const userCode = (): string => `${pick(USER_CODE_LETTERS, 4)}-${pick(USER_CODE_LETTERS, 4)}`;
export const accessKeyId = (): string => `ASIA${pick(UPPER_ALNUM, 16)}`;
export const secretAccessKey = (): string => pick(SECRET_CHARS, 40);
export const sessionToken = (): string => `IQoJb3JpZ2luX2Vj${randomBytes(420).toString('base64')}`;
