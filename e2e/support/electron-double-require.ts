// Setup of the shell project: CommonJS packages that `require('electron')` at run time (electron-updater) get the
// double too. Vite's alias reaches only the modules Vite transforms; Node's require finds node_modules/electron, whose
// index.js in Electron 45 would download the binary. In the app, 'electron' is Electron's built-in module.
import { createRequire } from 'node:module';
import * as double from './electron-double.js';

const require = createRequire(import.meta.url);
const id = require.resolve('electron');
require.cache[id] = { id, filename: id, loaded: true, exports: double } as unknown as NodeJS.Module;
