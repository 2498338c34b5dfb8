// Sign-ins and sign-outs by the AWS CLI, and profiles marked by `sso-tray write --keep-fresh`, seen as they happen.
import { ChangeWatch } from './change-watch.js';
import { tokenCacheFileName } from '../aws-files/sso-cache-format.js';
import { problemOf, type CoreParts } from './shared-parts.js';
import type { KeepFresh } from '../profiles/keep-fresh.js';
import type { SessionRegistry } from '../session/session-registry.js';

export async function watchOtherPrograms(
  parts: CoreParts,
  deps: { sharing: boolean; registry: SessionRegistry; keepFresh: KeepFresh },
): Promise<ChangeWatch> {
  const { options, clock, work, emit } = parts;
  const watch = new ChangeWatch(clock);
  if (deps.sharing)
    await watch.add({
      dir: options.paths.ssoCacheDir,
      onChange: (files) => {
        for (const runtime of deps.registry.all()) {
          if (files.has('') || files.has(tokenCacheFileName(runtime.config)))
            void work.track(runtime.recheck());
        }
      },
    });
  await watch.add({
    dir: options.paths.appDataDir,
    onChange: (files) => {
      if (files.has('') || files.has('owned-profiles.json')) {
        void work.track(
          deps.keepFresh.recheck().catch((error: unknown) => emit('problem', problemOf(error))),
        );
      }
      if (files.has('') || files.has('settings.json')) void work.track(deps.registry.reload());
    },
  });
  return watch;
}
