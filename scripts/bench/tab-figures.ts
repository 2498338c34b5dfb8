// A TAB as a user presses it: one bash that has sourced `sso-tray completion bash` calls the completion function the
// way bash's programmable completion does (COMP_WORDS, COMP_CWORD, COMP_LINE, COMP_POINT:
// https://www.gnu.org/software/bash/manual/html_node/Programmable-Completion.html), with `node -e 0` run from the same
// shell, in turn, as the anchor. Wall time per press from EPOCHREALTIME inside that shell (no shell start-up counted),
// CPU from bash's `times` over a run of presses alone and a run of `node -e 0` alone.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { median } from './measure.js';

export interface TabFigures {
  /** Medians of wall time per TAB and per `node -e 0`, and mean CPU time of each, in milliseconds. */
  tab: { ms: number; cpuMs: number };
  node: { ms: number; cpuMs: number };
  /** How many candidates the TAB offered (a check that it completed at all). */
  candidates: number;
}

const SCRIPT = String.raw`
source <(sso-tray completion bash) || exit 3
COMP_LINE=$1; COMP_POINT=${'$'}{#COMP_LINE}; read -ra COMP_WORDS <<< "$COMP_LINE"
[[ $COMP_LINE == *' ' ]] && COMP_WORDS+=('')
COMP_CWORD=$(( ${'$'}{#COMP_WORDS[@]} - 1 ))
n=$2
press() { _sso_tray_complete sso-tray "${'$'}{COMP_WORDS[COMP_CWORD]}" "${'$'}{COMP_WORDS[COMP_CWORD-1]}"; }
for ((i = 0; i < n; i++)); do
  a=$EPOCHREALTIME; press; b=$EPOCHREALTIME; echo "tab $a $b ${'$'}{#COMPREPLY[@]}"
  a=$EPOCHREALTIME; node -e 0; b=$EPOCHREALTIME; echo "node $a $b"
done
# times: the shell's own CPU, then its children's (the line read here).
echo cpu0; times; for ((i = 0; i < n; i++)); do press; done; echo cpu1; times
for ((i = 0; i < n; i++)); do node -e 0; done; echo cpu2; times
`;

const seconds = (line: string) =>
  [...line.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, m) => sum + Number(m[1]) * 60 + Number(m[2]), 0);

/** `presses` TABs at the end of `line` (e.g. "sso-tray creds pay") with `sso-tray` (bin) and this Node on PATH. */
export async function tabFigures(
  bin: string,
  line: string,
  env: Record<string, string>,
  presses: number,
): Promise<TabFigures> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sso-tray-tab-'));
  try {
    // As `npm install -g` puts it: an executable `sso-tray` on PATH, run by the `node` first on PATH.
    await symlink(bin, path.join(dir, 'sso-tray'));
    const PATH = [path.dirname(process.execPath), dir, env.PATH ?? ''].join(path.delimiter);
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn('bash', ['-c', SCRIPT, 'bash', line, String(presses)], {
        env: { ...env, PATH },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(text) : reject(new Error(`bash exited ${code}`))));
    });
    const rows = out.split('\n').map((l) => l.split(' '));
    const wall = (kind: string) =>
      median(rows.filter((r) => r[0] === kind).map((r) => (Number(r[2]) - Number(r[1])) * 1000));
    const lines = out.split('\n');
    const cpuAt = (mark: string) => seconds(lines[lines.indexOf(mark) + 2] ?? '');
    const candidates = Number(rows.find((r) => r[0] === 'tab')?.[3] ?? 0);
    return {
      tab: { ms: wall('tab'), cpuMs: ((cpuAt('cpu1') - cpuAt('cpu0')) * 1000) / presses },
      node: { ms: wall('node'), cpuMs: ((cpuAt('cpu2') - cpuAt('cpu1')) * 1000) / presses },
      candidates,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
