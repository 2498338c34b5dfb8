// What a user types on the command line, checked once with AWS's own rules (core/identifiers.ts) before anything
// runs: commander calls these parsers, and a refusal is the identifier's one sentence (exit 2).
import { checkIdentifier } from '../core/public.js';

/** An account by id or by name: names are looked up in the listing, anything that looks like an id must be one. */
export function accountArgument(value: string): string {
  return /^\d+$/.test(value) ? checkIdentifier('account-id', value) : value;
}

export const roleArgument = (value: string): string => checkIdentifier('role-name', value);
export const sessionArgument = (value: string): string => checkIdentifier('session-name', value);
export const profileArgument = (value: string): string => checkIdentifier('profile-name', value);
export const regionArgument = (value: string): string => checkIdentifier('region', value);
export const startUrlArgument = (value: string): string => checkIdentifier('start-url', value);
