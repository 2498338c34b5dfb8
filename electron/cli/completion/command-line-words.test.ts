// The words of a line as each shell reads them (quotes and escapes removed), which completion matches names against.
import { describe, expect, it } from 'vitest';
import { lineWords } from './command-line-words.js';

describe('the words of a command line', () => {
  it('follows POSIX quoting for bash and zsh: a backslash inside "…" escapes only $ ` " \\ and newline', () => {
    expect(lineWords(`sso-tray creds 'Team'\\''s $HOME' "a\\$b\\c" Ops\\ x `)).toEqual({
      words: ['sso-tray', 'creds', "Team's $HOME", 'a$b\\c', 'Ops x'],
      current: '',
      openQuote: '',
    });
  });

  it("follows fish's quoting: \\' and \\\\ are escapes inside '…'", () => {
    expect(lineWords(`sso-tray creds 'Team\\'s \\\\ $HOME' "x\\"y" 'Op`, 'fish')).toEqual({
      words: ['sso-tray', 'creds', "Team's \\ $HOME", 'x"y'],
      current: 'Op',
      openQuote: "'",
    });
  });

  it("follows PowerShell's: ` escapes, '' is a quote inside '…'", () => {
    expect(lineWords("sso-tray creds 'Team''s' Ops` x \"a`\"b\" ", 'powershell')).toEqual({
      words: ['sso-tray', 'creds', "Team's", 'Ops x', 'a"b'],
      current: '',
      openQuote: '',
    });
  });
});
