// A test that needs this process's own environment changed (an SDK provider that reads process.env): set, then put back
// key by key. Never `process.env = copy`: the copy is a plain object, so the worker's real environment keeps the test's
// values for every later file (os.homedir() reads the real one: https://nodejs.org/api/os.html#oshomedir).

/** Sets each variable (undefined removes it) and returns what restores this process's environment as it was. */
export function setProcessEnv(values: Record<string, string | undefined>): () => void {
  const before = new Map(Object.keys(values).map((key) => [key, process.env[key]]));
  const put = (key: string, value: string | undefined) => {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  };
  for (const [key, value] of Object.entries(values)) put(key, value);
  return () => {
    for (const [key, value] of before) put(key, value);
  };
}
