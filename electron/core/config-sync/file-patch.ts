// The change a sync makes as a unified diff of the whole file (3 lines of context), so `patch` or any diff viewer
// reads it and applying it to the file gives exactly the bytes a real sync writes. Made by jsdiff:
// https://github.com/kpdecker/jsdiff#createtwofilespatcholdfilename-newfilename-oldstr-newstr-oldheader-newheader-options
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';

/** '' when nothing changes; else `--- label` / `+++ label (after sync)` and its `@@` hunks. */
export function filePatch(label: string, before: string, after: string | undefined): string {
  if (after === undefined || after === before) return '';
  return createTwoFilesPatch(label, `${label} (after sync)`, before, after, undefined, undefined, {
    context: 3,
    headerOptions: FILE_HEADERS_ONLY,
  });
}
