// Setup file of every test project: the worker's home folder is the run's own empty one (e2e/support/test-home.ts).
// os.homedir() reads HOME on POSIX and USERPROFILE on Windows at each call (https://nodejs.org/api/os.html#oshomedir),
// so setting them here holds for everything the test files run in this worker.
import { inject } from 'vitest';

const home = inject('testHome');
process.env.HOME = home;
process.env.USERPROFILE = home;
