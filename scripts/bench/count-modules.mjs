// `node --import ./scripts/bench/count-modules.mjs …`: prints on exit how many modules the program loaded, how many of
// them are zod's, the AWS SDK clients' (@aws-sdk/*) and any package's, and which files of the built program
// (dist/electron/cli/) it read: Node's synchronous module hooks see every load, ESM and CommonJS. The program is one
// bundle (scripts/build-cli-program.mjs), so zod and the other packages it holds are not counted apart; the AWS SDK's
// two clients are bundles of their own (dist/electron/cli/sdk/), loaded only by the commands that call Identity Center,
// and count as the SDK's (as @aws-sdk/* packages would).
import { registerHooks } from 'node:module';

const loaded = new Set();
registerHooks({
  load(url, context, nextLoad) {
    if (!url.startsWith('node:')) loaded.add(url);
    return nextLoad(url, context);
  },
});
const PROGRAM = '/dist/electron/cli/';
process.on('exit', () => {
  const all = [...loaded];
  const count = (part) => all.filter((u) => u.includes(part)).length;
  const program = all
    .filter((u) => u.includes(PROGRAM))
    .map((u) => u.slice(u.indexOf(PROGRAM) + PROGRAM.length))
    .sort();
  process.stderr.write(
    `\nMODULES ${JSON.stringify({ total: all.length, zod: count('/node_modules/zod/'), sdk: count('/node_modules/@aws-sdk/') + count(`${PROGRAM}sdk/`), packages: count('/node_modules/'), program })}\n`,
  );
});
