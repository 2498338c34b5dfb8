// The scripts `sso-tray completion SHELL` prints. Each asks `sso-tray __complete SHELL LINE` (the line up to the cursor)
// for the candidates, which come from the cached listing with no network call.
// bash: https://www.gnu.org/software/bash/manual/html_node/Programmable-Completion-Builtins.html
// zsh: https://zsh.sourceforge.io/Doc/Release/Completion-Widgets.html
// fish: https://fishshell.com/docs/current/cmds/complete.html
// PowerShell: https://learn.microsoft.com/powershell/module/microsoft.powershell.core/register-argumentcompleter
import type { SHELLS } from './command-spec.js';

export type Shell = (typeof SHELLS)[number];

const BASH = `# sso-tray completion for bash: add \`source <(sso-tray completion bash)\` to ~/.bashrc
_sso_tray_complete() {
  local candidate
  COMPREPLY=()
  # Quoted for the shell already (sso-tray knows the quote the word is in); read line by line, never globbed.
  while IFS= read -r candidate; do
    COMPREPLY+=("$candidate")
  done < <(command "\${COMP_WORDS[0]}" __complete bash "\${COMP_LINE:0:COMP_POINT}" 2>/dev/null)
}
complete -o default -F _sso_tray_complete sso-tray
`;

const ZSH = `#compdef sso-tray
# sso-tray completion for zsh: add \`source <(sso-tray completion zsh)\` to ~/.zshrc (after compinit)
_sso_tray() {
  local -a candidates
  candidates=("\${(@f)$(command "\${words[1]}" __complete zsh "\${BUFFER[1,CURSOR]}" 2>/dev/null)}")
  if (( \${#candidates[@]} )) && [[ -n \${candidates[1]} ]]; then
    compadd -U -- "\${candidates[@]}"
  else
    _files
  fi
}
compdef _sso_tray sso-tray
`;

const FISH = `# sso-tray completion for fish: sso-tray completion fish > ~/.config/fish/completions/sso-tray.fish
complete -c sso-tray -f -a '(sso-tray __complete fish (commandline -cp))'
# After \`exec ACCOUNT ROLE --\`: the command's own words, so files.
complete -c sso-tray -n 'contains -- -- (commandline -opc)' -F
`;

const POWERSHELL = `# sso-tray completion for PowerShell: add \`sso-tray completion powershell | Out-String | Invoke-Expression\` to $PROFILE
Register-ArgumentCompleter -Native -CommandName sso-tray -ScriptBlock {
  param($wordToComplete, $commandAst, $cursorPosition)
  $line = $commandAst.ToString()
  $upTo = $cursorPosition - $commandAst.Extent.StartOffset
  if ($upTo -gt $line.Length) { $line = $line + ' ' * ($upTo - $line.Length) } else { $line = $line.Substring(0, $upTo) }
  sso-tray __complete powershell $line 2>$null | ForEach-Object {
    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
  }
}
`;

export const COMPLETION_SCRIPTS: Record<Shell, string> = {
  bash: BASH,
  zsh: ZSH,
  fish: FISH,
  powershell: POWERSHELL,
};
