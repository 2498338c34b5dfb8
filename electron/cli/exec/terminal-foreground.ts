// Whether this process is in its terminal's foreground process group: Ctrl-C typed there then reached the command
// `exec` runs too (it is in the same group), so exec must not send it a second one. In a background group (a job run
// with &, `timeout`, a script's own group) a SIGINT was aimed at exec alone, and exec passes it on.
// Linux: pgrp and tpgid in /proc/self/stat (https://man7.org/linux/man-pages/man5/proc_pid_stat.5.html); elsewhere a
// terminal on stdin stands for it.
import { readFileSync } from 'node:fs';
import { isatty } from 'node:tty';

export function inTerminalForeground(): boolean {
  if (process.platform !== 'linux') return isatty(0);
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // The fields after "(comm)", which may hold spaces and parentheses: state ppid pgrp session tty_nr tpgid …
    const [, , pgrp, , , tpgid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(tpgid) > 0 && tpgid === pgrp;
  } catch {
    return isatty(0);
  }
}
