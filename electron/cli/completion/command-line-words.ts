// The words of a command line up to the cursor, as the shell will pass them: quotes and escapes removed, and the last
// (partial) word with the quote it is still inside, so a candidate can be written back the way the user started it.
// POSIX rules (bash, zsh, fish): https://pubs.opengroup.org/onlinepubs/9799919799/utilities/V3_chap02.html#tag_19_02
// PowerShell: ` escapes, '' is a quote inside '…': https://learn.microsoft.com/powershell/module/microsoft.powershell.core/about/about_quoting_rules

export type Quote = '' | "'" | '"';

export interface LineWords {
  /** The finished words, unquoted. */
  words: string[];
  /** The word at the cursor so far, unquoted ('' after a space). */
  current: string;
  /** The quote the current word is still inside. */
  openQuote: Quote;
}

/** Whose quoting rules a line follows: bash and zsh (POSIX), fish, PowerShell. */
export type Dialect = 'posix' | 'fish' | 'powershell';

// What a backslash escapes inside "…" and '…' (elsewhere a backslash escapes any character; PowerShell's escape is `,
// which escapes anything inside "…" and nothing inside '…', where '' is a quote).
const ESCAPED_IN: Record<Dialect, { double: string | undefined; single: string }> = {
  posix: { double: '$`"\\\n', single: '' },
  // fish: https://fishshell.com/docs/current/language.html#quotes
  fish: { double: '"$\\\n', single: "'\\" },
  powershell: { double: undefined, single: '' },
};

export function lineWords(line: string, dialect: Dialect = 'posix'): LineWords {
  const words: string[] = [];
  let word = '';
  let started = false;
  let quote: Quote = '';
  const escape = dialect === 'powershell' ? '`' : '\\';
  const { double, single } = ESCAPED_IN[dialect];
  const escapes = (inQuote: string | undefined, next: string | undefined) =>
    next !== undefined && (inQuote === undefined || inQuote.includes(next));
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i] ?? '';
    if (quote === "'") {
      if (char === "'" && dialect === 'powershell' && line[i + 1] === "'") word += line[++i];
      else if (char === '\\' && single && escapes(single, line[i + 1])) word += line[++i];
      else if (char === "'") quote = '';
      else word += char;
    } else if (quote === '"') {
      if (char === escape && escapes(double, line[i + 1])) word += line[++i];
      else if (char === '"') quote = '';
      else word += char;
    } else if (char === ' ' || char === '\t' || char === '\n') {
      if (started) words.push(word);
      word = '';
      started = false;
    } else {
      started = true;
      if (char === escape && i + 1 < line.length) word += line[++i];
      else if (char === "'" || char === '"') quote = char;
      else word += char;
    }
  }
  return { words, current: word, openQuote: quote };
}

/** A candidate written for the shell to insert in place of the current word, inside the quote the user opened. */
export function quoteFor(shell: 'bash' | 'powershell', name: string, openQuote: Quote): string {
  if (shell === 'powershell') {
    if (/^[\w.@/:+-]+$/.test(name)) return name;
    return `'${name.replace(/'/g, "''")}'`;
  }
  // bash: after an opening quote readline inserts from inside it and closes it itself.
  if (openQuote === "'") return name.replace(/'/g, "'\\''");
  if (openQuote === '"') return name.replace(/(["\\$`])/g, '\\$1');
  return name.replace(/([^\w.@/:+,=%-])/g, '\\$1');
}
