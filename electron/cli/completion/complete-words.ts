// The candidates for the word at the cursor: commands, options, option values, and account and role names from the
// cached listing (no network call). Pure: completion-data.ts reads the cache.
import { COMMAND_SPEC, SHELLS, type CommandSpec, type ValueKind } from './command-spec.js';
import type { CompletionData } from './completion-data.js';

export interface CompletionRequest {
  /** The finished words after `sso-tray`. */
  words: string[];
  current: string;
}

export function candidates(request: CompletionRequest, data: CompletionData): string[] {
  const { words, current } = request;
  let spec: CommandSpec | undefined;
  let table: Record<string, CommandSpec> = COMMAND_SPEC;
  let index = 0;
  // The command, and a subcommand (`config sync`, `sessions remove`).
  while (index < words.length) {
    const next: CommandSpec | undefined = table[words[index] ?? ''];
    if (!next) break;
    spec = next;
    index += 1;
    if (!next.subcommands) break;
    table = next.subcommands;
  }
  if (!spec) return words.length === 0 ? matching(Object.keys(COMMAND_SPEC), current) : [];
  const choices = spec.subcommands ?? {};
  const positionals: string[] = [];
  let sessionName: string | undefined;
  let afterDashes = false;
  for (let i = index; i < words.length; i += 1) {
    const word = words[i] ?? '';
    if (afterDashes) return []; // the command's own words: the shell completes files
    if (word === '--') afterDashes = true;
    else if (word.startsWith('-') && spec.options[word.split('=')[0] ?? ''] !== undefined) {
      const flag = word.split('=')[0] ?? '';
      if (spec.options[flag] !== null && !word.includes('=')) {
        const value = words[i + 1];
        if (spec.options[flag] === 'session') sessionName = value;
        i += 1;
      } else if (spec.options[flag] === 'session') sessionName = word.slice(flag.length + 1);
    } else positionals.push(word);
  }
  if (afterDashes) return [];
  const previous = words[words.length - 1] ?? '';
  const valueKind = words.length > index ? spec.options[previous] : undefined;
  const context = { positionals, sessionName: sessionName ?? data.defaultSession };
  if (valueKind) return matching(valuesOf(valueKind, data, context), current);
  // `--session=be`: the option's values, each as the whole word `--session=beta` (complete-line.ts trims it for bash).
  const inline = /^(--[^=]+)=(.*)$/s.exec(current);
  const inlineKind = inline ? spec.options[inline[1]!] : undefined;
  if (inline && inlineKind)
    return matching(valuesOf(inlineKind, data, context), inline[2]!).map((value) => `${inline[1]}=${value}`);
  if (current.startsWith('-')) {
    const flags = Object.keys(spec.options).filter((f) => f.startsWith('--') || current.length <= 2);
    return matching(spec.args.includes('command') ? [...flags, '--'] : flags, current);
  }
  if (Object.keys(choices).length && positionals.length === 0) return matching(Object.keys(choices), current);
  const kind = spec.args[positionals.length];
  return kind ? matching(valuesOf(kind, data, context), current) : [];
}

function valuesOf(
  kind: ValueKind,
  data: CompletionData,
  context: { positionals: string[]; sessionName: string | undefined },
): string[] {
  if (typeof kind !== 'string') return [...kind];
  const accounts = data.listings
    .filter((l) => !context.sessionName || l.session === context.sessionName)
    .flatMap((l) => l.accounts);
  switch (kind) {
    case 'session':
      return data.sessions;
    case 'shell':
      return [...SHELLS];
    case 'account':
      return [...new Set(accounts.flatMap((a) => [a.accountName, a.accountId]))];
    case 'role': {
      const query = (context.positionals[0] ?? '').toLowerCase();
      const account = accounts.filter((a) => a.accountId === query || a.accountName.toLowerCase() === query);
      return [...new Set(account.flatMap((a) => a.roles))];
    }
    default:
      return [];
  }
}

/** Names starting with what was typed (case aside, as sso-tray matches names), in a stable order. */
function matching(names: string[], typed: string): string[] {
  const lower = typed.toLowerCase();
  return names.filter((n) => n.toLowerCase().startsWith(lower)).sort(byCaseless);
}

// Not localeCompare: its first call loads ICU's collation, about a tenth of a TAB's time; the shell orders its list anyway.
function byCaseless(a: string, b: string): number {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}
