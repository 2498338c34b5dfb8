// zsh's own completion run in a pseudo-terminal (zsh/zpty): $TYPED, then TAB, then ^X prints the line as zsh left it
// (the completion tests run it with `zsh -f -c ZSH_TAB`).
// The markers are split in the typed text so that zsh's echo of it never matches the pattern zpty waits for.
export const ZSH_TAB = `zmodload zsh/zpty
zpty z 'zsh -f -i'
zpty -w z "PS1=''; autoload -Uz compinit && compinit -u -D"
zpty -w z 'source <(sso-tray completion zsh)'
zpty -w z "_show() { print -rn -- \\$'\\\\n'\\"<\\"'<<'\\"\\\${(q)BUFFER}\\"\\">\\"'>>'; }; zle -N _show; bindkey '^X' _show"
zpty -w -n z "$TYPED"$'\\t'$'\\x18'
zpty -r -m z out '*>>>*'
zpty -d z
print -rn -- "\${(Q)\${\${out##*<<<}%%>>>*}}"`;
