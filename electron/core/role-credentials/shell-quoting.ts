// How each copy format quotes a value so that its shell (or .env reader) takes it literally; the table is in formats.ts.

// Everything in this set means the same unquoted in bash, zsh, dash, fish, cmd and .env files.
const SAFE = /^[A-Za-z0-9+/:._-][A-Za-z0-9+/=:._-]*$/;

/** bash, zsh, dash: as is when safe, else POSIX single quotes with ' written as '\''. */
export function posixQuote(value: string): string {
  return SAFE.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** PowerShell: always "…", with a backtick before ` $ " and the “ ” „ quotes PowerShell also takes for ". */
export function powershellQuote(value: string): string {
  return `"${value.replace(/[`$"\u201C\u201D\u201E]/g, '`$&')}"`;
}

/** fish: always "…", with a backslash before \ " $. */
export function fishQuote(value: string): string {
  return `"${value.replace(/[\\"$]/g, '\\$&')}"`;
}

// cmd expands %NAME% before it handles carets, so the character after each % gets a caret: no name can follow.
// Delayed expansion (!NAME!) is off at an interactive prompt, where these lines are pasted.
export function cmdQuote(value: string): string {
  if (SAFE.test(value)) return value;
  let out = '';
  let afterPercent = false;
  for (const char of value) {
    out += afterPercent || /[\^&|<>()"]/.test(char) ? `^${char}` : char;
    afterPercent = char === '%';
  }
  return out;
}

/**
 * As Node's util.parseEnv and the dotenv package read it: '…' and `…` are literal, "…" turns \n into a newline.
 * undefined when no .env quoting holds the value literally.
 */
export function dotenvQuote(value: string): string | undefined {
  if (SAFE.test(value)) return value;
  if (!value.includes("'")) return `'${value}'`;
  if (!value.includes('"') && !value.includes('\\')) return `"${value}"`;
  if (!value.includes('`')) return `\`${value}\``;
  return undefined;
}
