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

export function lineWords(line: string, powershell = false): LineWords {
  const words: string[] = [];
  let word = '';
  let started = false;
  let quote: Quote = '';
  const escape = powershell ? '`' : '\\';
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i] ?? '';
    if (quote === "'") {
      if (char === "'" && powershell && line[i + 1] === "'") word += line[++i];
      else if (char === "'") quote = '';
      else word += char;
    } else if (quote === '"') {
      if (char === escape && i + 1 < line.length) word += line[++i];
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
