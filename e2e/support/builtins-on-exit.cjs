// Test tool, preloaded with `node --require`: on exit, writes to stderr one line `BUILTINS [...]` naming the Node
// built-in modules the process loaded (Node's own list, process.moduleLoadList:
// https://github.com/nodejs/node/blob/main/lib/internal/bootstrap/realm.js), through file descriptor 2 directly so
// that reporting loads nothing itself. CommonJS, so that preloading it loads no ES module loader either.
process.on('exit', () => {
  const builtins = process.moduleLoadList
    .filter((entry) => entry.startsWith('NativeModule '))
    .map((entry) => entry.slice('NativeModule '.length));
  require('node:fs').writeSync(2, `\nBUILTINS ${JSON.stringify(builtins)}\n`);
});
