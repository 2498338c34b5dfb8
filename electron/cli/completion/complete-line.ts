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
  // bash replaces only the part after the last = (its default COMP_WORDBREAKS has =):
  // https://www.gnu.org/software/bash/manual/html_node/Bash-Variables.html#index-COMP_005fWORDBREAKS
  const replaced = shell === 'bash' ? (/^--[^=]+=/.exec(current)?.[0] ?? '') : '';
  const written =
    shell === 'bash' || powershell
      ? names.map((n) => quoteFor(powershell ? 'powershell' : 'bash', n.slice(replaced.length), openQuote))
      : names;
  return written.map((n) => `${n}\n`).join('');
}
