// Where the Electron binary is, when `npm install` could download it (scripts/electron-binary.mjs, shared with
// `npm start`): never by requiring 'electron', which would try the download again.
export { electronBinary } from '../../scripts/electron-binary.mjs';

export const ELECTRON_SKIP_REASON =
  'the Electron binary is not installed on this machine (it could not be downloaded), so the real app cannot start; ' +
  'its wiring is tested through the recorded double and the window in Chromium instead';
