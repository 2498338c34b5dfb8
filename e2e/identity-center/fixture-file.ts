// Reads a fixture file (organisation, directories, lifetimes, latency, rate limits) into emulator options.
import { readFile } from 'node:fs/promises';
import type { EmulatorOptions } from './model.js';
import { describeIssue, fixtureSchema } from './schemas.js';

class FixtureError extends Error {
  override readonly name = 'FixtureError';
}

export async function loadFixture(file: string): Promise<EmulatorOptions> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FixtureError(
      `Cannot read the fixture file ${file} (${code ?? 'unknown error'}); check the path.`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new FixtureError(`The fixture file ${file} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = fixtureSchema.safeParse(json);
  if (!parsed.success)
    throw new FixtureError(`The fixture file ${file} is not valid: ${describeIssue(parsed.error)}`);
  const { organisation, directories, lifetimes, latencyMs, rateLimits } = parsed.data;
  return {
    ...(organisation ? { organisation } : {}),
    ...(directories ? { directories } : {}),
    ...(lifetimes ? { lifetimes } : {}),
    ...(latencyMs ? { latencyMs } : {}),
    ...(rateLimits ? { rateLimits } : {}),
  };
}
