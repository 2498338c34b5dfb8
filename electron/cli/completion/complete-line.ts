// `sso-tray __complete SHELL LINE`, which the completion scripts run on TAB: the candidates, one a line, quoted for
// the shell where it inserts them as given (bash, PowerShell). Loads neither the program nor the core.
import type { Env } from '../../core/environment.js';
import { candidates } from './complete-words.js';
import { readCompletionData } from './completion-data.js';
import { lineWords, quoteFor } from './command-line-words.js';

export async function completeLine(shell: string, line: string, env: Env): Promise<string> {
  const powershell = shell === 'powershell';
  const { words, current, openQuote } = lineWords(
    line,
    powershell ? 'powershell' : shell === 'fish' ? 'fish' : 'posix',
  );
  // words[0] is the program's name as typed.
  const names = candidates({ words: words.slice(1), current }, await readCompletionData(env));
  const written =
    shell === 'bash' || powershell
      ? names.map((n) => quoteFor(powershell ? 'powershell' : 'bash', n, openQuote))
      : names;
  return written.map((n) => `${n}\n`).join('');
}
