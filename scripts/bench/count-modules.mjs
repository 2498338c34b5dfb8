// `node --import ./scripts/bench/count-modules.mjs …`: prints on exit how many modules the program loaded, and how
// many of them are zod's and the AWS SDK clients' (@aws-sdk/*; Node's synchronous module hooks see every load, ESM and
// CommonJS). @smithy/* is left out: the INI reader that reading the AWS files needs loads a few of its modules.
import { registerHooks } from 'node:module';

const loaded = new Set();
registerHooks({
  load(url, context, nextLoad) {
    if (!url.startsWith('node:')) loaded.add(url);
    return nextLoad(url, context);
  },
});
process.on('exit', () => {
  const all = [...loaded];
  const count = (part) => all.filter((u) => u.includes(part)).length;
  process.stderr.write(
    `\nMODULES ${JSON.stringify({ total: all.length, zod: count('/node_modules/zod/'), sdk: count('/node_modules/@aws-sdk/') })}\n`,
  );
});
