// How a file is named in sentences for people: under the home folder it reads ~/.aws/credentials.
import os from 'node:os';
import path from 'node:path';

export function fileLabel(file: string, homeDir: string = os.homedir()): string {
  const resolved = path.resolve(file);
  const home = path.resolve(homeDir);
  if (home !== path.parse(home).root && resolved.startsWith(home + path.sep))
    return `~${path.sep}${path.relative(home, resolved)}`.replaceAll('\\', '/');
  return resolved;
}
