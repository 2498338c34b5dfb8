// `npm test`'s first step: without any Chromium the window tests cannot run, so stop at once with one line.
import { findBrowser } from './find-browser.mjs';

const { missing } = findBrowser();
if (missing) {
  console.error(missing);
  process.exit(1);
}
