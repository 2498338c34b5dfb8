// The sync's diff is a real unified diff: applied to the old text it gives the new text, whatever the line endings.
import { applyPatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { filePatch } from './file-patch.js';

describe('the unified diff a sync prints', () => {
  it('keeps CRLF line ends and a last line without a newline, so applying it gives the written bytes', () => {
    const before = '[default]\r\nregion = us-east-1\r\n\r\n[profile mine]\r\nregion = eu-west-1';
    const after = `${before}\r\n\r\n# >>> block\r\n[profile new]\r\nsso_session = acme\r\n# <<< block\r\n`;
    const patch = filePatch('~/.aws/config', before, after);
    expect(patch.split('\n').slice(0, 3)).toEqual([
      '--- ~/.aws/config',
      '+++ ~/.aws/config (after sync)',
      '@@ -2,4 +2,9 @@',
    ]);
    expect(patch).toContain('-region = eu-west-1\n\\ No newline at end of file\n+region = eu-west-1\r\n');
    expect(applyPatch(before, patch)).toBe(after);
  });

  it('is empty when nothing changes', () => {
    expect([filePatch('~/.aws/config', 'a\n', 'a\n'), filePatch('~/.aws/config', 'a\n', undefined)]).toEqual([
      '',
      '',
    ]);
  });
});
