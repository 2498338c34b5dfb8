// Reads AWS files with botocore itself (the AWS CLI's parser), where python3 and botocore are installed; tests
// compare what SSO Tray wrote with what the AWS CLI would read. undefined means botocore is not available here.
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * Appended to the name of a test whose botocore half runs only where python3 has botocore: a run without it says so in
 * the test's name instead of passing on the JS SDK's half alone.
 */
export const WITHOUT_BOTOCORE =
  spawnSync('python3', ['-c', 'import botocore']).status === 0
    ? ''
    : ' (botocore half skipped: python3 with botocore is not installed)';

const READ = `
def read(path):
    try:
        parsed = configloader.raw_config_parse(path)
        return {"profiles": configloader.build_profile_map(parsed)["profiles"]}
    except Exception as error:
        return {"error": type(error).__name__}
`;
const SCRIPT = `
import json, sys
try:
    from botocore import configloader
except ImportError:
    print(json.dumps({"unavailable": True})); sys.exit(0)
${READ}
print(json.dumps(read(sys.argv[1])))
`;
// One python3 for many files: a path per line in, one JSON line out, so a fuzz can ask botocore on every run.
const SERVER = `
import json, sys
try:
    from botocore import configloader
except ImportError:
    print(json.dumps({"unavailable": True}), flush=True); sys.exit(0)
${READ}
print(json.dumps({"ready": True}), flush=True)
for line in sys.stdin:
    print(json.dumps(read(line.rstrip("\\n"))), flush=True)
`;

export type BotocoreView = { profiles: Record<string, Record<string, unknown>> } | { error: string };

/** botocore's profile map of a config or credentials file, or its error's class name (ConfigParseError). */
export function botocoreRead(file: string): BotocoreView | undefined {
  const run = spawnSync('python3', ['-c', SCRIPT, file], { encoding: 'utf8' });
  if (run.error || run.status !== 0) return undefined;
  const result = JSON.parse(run.stdout) as BotocoreView | { unavailable: true };
  return 'unavailable' in result ? undefined : result;
}

export interface BotocoreReader {
  read(file: string): Promise<BotocoreView>;
  close(): void;
}

/** A long-lived botocore reader, or undefined where python3 or botocore is missing. Paths must not hold newlines. */
export async function startBotocoreReader(): Promise<BotocoreReader | undefined> {
  const child = spawn('python3', ['-c', SERVER], { stdio: ['pipe', 'pipe', 'inherit'] });
  const failed = new Promise<undefined>((resolve) => child.once('error', () => resolve(undefined)));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    const line = await Promise.race([lines.next(), failed]);
    if (!line || line.done) throw new Error('botocore reader stopped');
    return JSON.parse(line.value) as BotocoreView | { unavailable: true } | { ready: true };
  };
  const first = await next().catch(() => undefined);
  if (!first || !('ready' in first)) {
    child.kill();
    return undefined;
  }
  let queue = Promise.resolve();
  return {
    read(file) {
      const answer = queue.then(async () => {
        child.stdin.write(`${file}\n`);
        return (await next()) as BotocoreView;
      });
      queue = answer.then(
        () => undefined,
        () => undefined,
      );
      return answer;
    },
    close: () => child.kill(),
  };
}
