// A quick answer's output, written to file descriptor 1 directly: process.stdout would first build a stream (and load
// Node's streams, about 3 ms of every credential_process start). A pipe the shell or the SDK made is blocking, so the
// loop writes it all; one left non-blocking and full (EAGAIN) gets the rest through process.stdout, which waits for it.
import { writeSync } from 'node:fs';

export function writeOut(text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let written = 0;
  try {
    while (written < bytes.length) written += writeSync(1, bytes, written);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A reader that closed the pipe early is not a failure of this command (as cli/output.ts does for the program).
    if (code === 'EPIPE') return;
    if (code !== 'EAGAIN') throw error;
    process.stdout.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
    });
    process.stdout.write(bytes.subarray(written));
  }
}
