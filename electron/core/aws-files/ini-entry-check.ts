// Refuses a section name or a key = value line that the SDK or botocore would not read back exactly as written.
import { SsoTrayError } from '../errors.js';
import { botocoreOption } from './ini-layout.js';
import { classifyLine } from './ini-lines.js';

/** Throws SsoTrayError('invalid-input') naming the first section name or key that would read back otherwise. */
export function checkWritableEntries(
  name: string,
  entries: Array<[string, string]>,
  fileLabel: string,
): void {
  const header = classifyLine(`[${name}]`);
  if (header.kind !== 'header' || header.name !== name || name.trim() !== name || /[\r\n]/.test(name))
    throw new SsoTrayError(
      'invalid-input',
      `The section [${name.replace(/[\r\n]/g, ' ')}] cannot be written to ${fileLabel}: use a name without brackets, comment marks or spaces at either end.`,
    );
  const seen = new Set<string>();
  for (const [key, value] of entries) {
    const line = classifyLine(`${key} = ${value}`);
    // Lowercase and without ':' so that botocore (which lowercases and also splits at ':') names it the same.
    const readsBack =
      line.kind === 'key' &&
      line.name === key &&
      line.value === value &&
      value !== '' &&
      botocoreOption(key) === key;
    if (!readsBack || seen.has(key) || /[\r\n]/.test(key + value))
      throw new SsoTrayError(
        'invalid-input',
        `The key "${key.replace(/[\r\n]/g, ' ')}" cannot be written to ${fileLabel}: its name or value would not read back the same.`,
      );
    seen.add(key);
  }
}
