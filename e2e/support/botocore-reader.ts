// Reads AWS files with botocore itself (the AWS CLI's parser), where python3 and botocore are installed; tests
// compare what SSO Tray wrote with what the AWS CLI would read. undefined means botocore is not available here.
import { spawnSync } from 'node:child_process';

const SCRIPT = `
import json, sys
try:
    from botocore import configloader
except ImportError:
    print(json.dumps({"unavailable": True})); sys.exit(0)
try:
    parsed = configloader.raw_config_parse(sys.argv[1])
    print(json.dumps({"profiles": configloader.build_profile_map(parsed)["profiles"]}))
except Exception as error:
    print(json.dumps({"error": type(error).__name__}))
`;

export type BotocoreView = { profiles: Record<string, Record<string, unknown>> } | { error: string };

/** botocore's profile map of a config or credentials file, or its error's class name (ConfigParseError). */
export function botocoreRead(file: string): BotocoreView | undefined {
  const run = spawnSync('python3', ['-c', SCRIPT, file], { encoding: 'utf8' });
  if (run.error || run.status !== 0) return undefined;
  const result = JSON.parse(run.stdout) as BotocoreView | { unavailable: true };
  return 'unavailable' in result ? undefined : result;
}
