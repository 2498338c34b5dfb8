// Test tool, preloaded with `node --require` by scripts/test-at.mjs (CommonJS: with `--import` Node would load every
// entry module through its ES module loader, which refuses paths a test makes on purpose, such as a folder "a\b").
// Every Node process of a test run sees the same "now", shifted by one fixed offset (SSO_TRAY_TEST_CLOCK_OFFSET_MS), so
// a whole run can happen "at 23:30" or on a daylight-saving change day. Time still passes; only the wall clock reads
// differently. Never in the product.
const offset = Number(process.env.SSO_TRAY_TEST_CLOCK_OFFSET_MS);
const RealDate = globalThis.Date;
if (Number.isFinite(offset) && offset !== 0 && !RealDate.__ssoTrayShifted) {
  const now = () => RealDate.now() + offset;
  globalThis.Date = new Proxy(RealDate, {
    // `new Date()` is "now"; every other form (a time, fields, a string) is left as it is.
    construct: (target, args, newTarget) =>
      Reflect.construct(target, args.length ? args : [now()], newTarget),
    // `Date()` called without `new` returns the current time as a string.
    apply: () => new RealDate(now()).toString(),
    get: (target, property, receiver) =>
      property === 'now'
        ? now
        : property === '__ssoTrayShifted'
          ? true
          : Reflect.get(target, property, receiver),
  });
}
