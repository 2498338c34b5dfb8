// Bundles the command's program (electron/cli/program.ts: commander, the door, the core, zod) and its output module
// into one CommonJS file over the copies tsc wrote, which the entry (dist/electron/cli.js) loads on a miss:
// `sessions` loaded some 300 modules, and resolving and linking them cost more than running them.
// - CommonJS, because an ES module's import of a Node built-in reads every export of it, and node:http's exports
//   include lazy getters that load undici (about 70 ms): https://github.com/nodejs/node/issues/59686
// - program.js and output.js stay ES modules of the names the entry imports, each taking them from the one bundle
//   with require() (one copy of every module: SsoTrayError's instanceof holds across them), so Node's CommonJS lexer
//   never scans the bundle for export names: https://nodejs.org/api/modules.html#loading-ecmascript-modules-using-require
// - The two AWS SDK clients are bundles of their own (dist/electron/cli/sdk/*.cjs: one file instead of some 150
//   modules, about half the time to load), required only by the commands that call Identity Center.
// - Minified (names kept, ASCII only) with a source map beside it: less to read and compile at every start.
// dist/electron/main.js (Electron's main process) is tsc's output and does not use this bundle; the packaged app leaves
// dist/electron/cli/ out (build/electron-builder.config.mjs).
import { build } from 'esbuild';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(repo, 'dist', 'electron', 'cli');
const PROGRAM_BUNDLE = 'program-bundle.cjs';
const SDK_CLIENTS = ['client-sso', 'client-sso-oidc'];
// The proxy agents (electron/core/network/request-agents.ts), bundled beside the SDK's and required only when a proxy
// applies: in the program's bundle they cost every command about 2-3 ms of CPU to read (measured on Node 22).
const PROXY_AGENTS = ['https-proxy-agent', 'http-proxy-agent'];

/** How the program and the SDK clients are both bundled. */
const COMMON = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node22',
  // Packages' ES builds where they ship one (tree-shaken): https://esbuild.github.io/api/#main-fields
  mainFields: ['module', 'main'],
  minify: true,
  // Class and function names stay as written (CommanderError names itself after its class): https://esbuild.github.io/api/#keep-names
  keepNames: true,
  // A file of ASCII only is read into a one-byte string: https://esbuild.github.io/api/#charset
  charset: 'ascii',
  logLevel: 'warning',
};

/** The SDK clients' and proxy agents' imports, as a require() of their own bundles beside the program's (made below), on first use. */
const sdkBundles = {
  name: 'sdk-bundles',
  setup(builder) {
    builder.onResolve({ filter: /^https?-proxy-agent$/ }, (args) => ({
      path: args.path,
      namespace: 'sdk-bundle',
    }));
    builder.onResolve({ filter: /^@aws-sdk\// }, (args) => {
      const client = args.path.slice('@aws-sdk/'.length);
      if (!SDK_CLIENTS.includes(client))
        return { errors: [{ text: `${args.path} is not one of the SDK clients bundled for the program` }] };
      return { path: client, namespace: 'sdk-bundle' };
    });
    // A CommonJS module that requires the client's bundle: the program's import() of it becomes a require(), which
    // neither goes through the ES module loader nor scans the bundle for its export names.
    builder.onLoad({ filter: /.*/, namespace: 'sdk-bundle' }, (args) => ({
      contents: `module.exports = require('./sdk/${args.path}.cjs');`,
      loader: 'js',
    }));
    builder.onResolve({ filter: /^\.\/sdk\//, namespace: 'sdk-bundle' }, (args) => ({
      path: args.path,
      external: true,
    }));
  },
};

await rm(path.join(out, 'sdk'), { recursive: true, force: true });
await build({
  entryPoints: Object.fromEntries([
    ...SDK_CLIENTS.map((client) => [client, path.join(repo, 'node_modules', '@aws-sdk', client)]),
    ...PROXY_AGENTS.map((agent) => [agent, path.join(repo, 'node_modules', agent)]),
  ]),
  outdir: path.join(out, 'sdk'),
  outExtension: { '.js': '.cjs' },
  ...COMMON,
});

await build({
  stdin: {
    contents: "export { runCli } from './program.ts';\nexport { processIo } from './output.ts';\n",
    resolveDir: path.join(repo, 'electron', 'cli'),
    sourcefile: 'electron/cli/program-bundle.ts',
    loader: 'ts',
  },
  outfile: path.join(out, PROGRAM_BUNDLE),
  ...COMMON,
  plugins: [sdkBundles],
  // A module that finds files beside itself (core/profiles/process-launcher.ts) sees the bundle's own address.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  sourcemap: true,
});

const reexport = (name) =>
  `// Built by scripts/build-cli-program.mjs: the program is one bundle beside this file.\n` +
  `import { createRequire } from 'node:module';\n` +
  `export const { ${name} } = createRequire(import.meta.url)('./${PROGRAM_BUNDLE}');\n`;
await writeFile(path.join(out, 'program.js'), reexport('runCli'));
await writeFile(path.join(out, 'output.js'), reexport('processIo'));
// tsc's maps of the two files describe code that is no longer there.
await rm(path.join(out, 'program.js.map'), { force: true });
await rm(path.join(out, 'output.js.map'), { force: true });
