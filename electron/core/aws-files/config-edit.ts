// One edit of ~/.aws/config: read losslessly under its lock, changed in memory, written back atomically if changed.
import type { AwsPaths } from '../shapes/aws-shapes.js';
import { fileLabel } from './file-label.js';
import { IniDocument } from './ini-document.js';
import { withFileLock, writeFileAtomic } from './locked-write.js';
import { encodeText, readLosslessText } from './read-text-file.js';

/** Runs `edit` on the parsed config; it returns whether it changed anything. A file that cannot be parsed is never written. */
export async function editConfig(
  paths: AwsPaths,
  edit: (document: IniDocument, label: string) => boolean,
): Promise<void> {
  const label = fileLabel(paths.configFile, paths.homeDir);
  await withFileLock(paths.configFile, async () => {
    const read = await readLosslessText(paths.configFile, paths.homeDir);
    const document = IniDocument.parse(read?.text ?? '', label);
    if (edit(document, label)) {
      const bytes = encodeText(document.toString(), read?.encoding ?? 'utf8', label);
      await writeFileAtomic(paths.configFile, bytes, { defaultMode: 0o600 });
    }
  });
}
