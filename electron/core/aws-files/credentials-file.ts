// The AWS credentials file: SSO Tray's profiles added, refreshed and removed; every other byte stays as it was.
import os from 'node:os';
import { systemClock, type Clock } from '../clock.js';
import { SsoTrayError } from '../errors.js';
import { checkIdentifier } from '../identifiers.js';
import type { RoleCredentials } from '../shapes/aws-shapes.js';
import { fileLabel } from './file-label.js';
import { IniDocument } from './ini-document.js';
import { withFileLock, writeFileAtomic, type LockOptions } from './locked-write.js';
import { credentialsFileKey, OwnedProfilesRecord, type OwnedProfile } from './owned-profiles.js';
import { encodeText, readLosslessText, type ByteEncoding } from './read-text-file.js';

export type { OwnedProfile } from './owned-profiles.js';

/** What the SDK and botocore read back as a section of that exact name, and no JS object key (identifiers.ts). */
export function checkProfileName(profile: string): void {
  checkIdentifier('profile-name', profile);
}

/**
 * SSO Tray owns the profiles it created (recorded in appDataDir/owned-profiles.json) and never overwrites or
 * removes another one unless told to. An owned profile the user edited by hand is still owned: the next write
 * makes it hold exactly the three keys again (comments in it stay). One the user deleted is dropped from the record.
 */
export class CredentialsFile {
  readonly file: string;
  private readonly clock: Clock;
  private readonly record: OwnedProfilesRecord;
  private readonly label: string;
  private readonly lock: LockOptions;

  constructor(options: {
    file: string;
    appDataDir: string;
    clock?: Clock;
    homeDir?: string;
    lock?: LockOptions;
  }) {
    this.file = options.file;
    this.lock = options.lock ?? {};
    this.clock = options.clock ?? systemClock;
    this.record = new OwnedProfilesRecord(options.appDataDir, this.lock);
    this.label = fileLabel(options.file, options.homeDir ?? os.homedir());
  }

  /** Writes aws_access_key_id, aws_secret_access_key and aws_session_token; nothing else goes into the file. */
  async writeProfile(
    profile: string,
    credentials: RoleCredentials,
    meta: { session: string; keepFresh: boolean; overwrite?: boolean },
  ): Promise<void> {
    checkProfileName(profile);
    await withFileLock(
      this.file,
      async () => {
        const { document, encoding } = await this.load();
        const key = await credentialsFileKey(this.file);
        // The record goes first: a crash before the file is written leaves an entry the next write prunes.
        await this.record.update((files) => {
          const owned = pruned(files[key], document);
          if (document.hasSection(profile) && !owned[profile] && !meta.overwrite)
            throw this.foreign(profile, 'overwrite');
          owned[profile] = {
            profile,
            session: meta.session,
            accountId: credentials.accountId,
            roleName: credentials.roleName,
            keepFresh: meta.keepFresh,
            expiration: credentials.expiration.toISOString(),
            writtenAt: new Date(this.clock.now()).toISOString(),
          };
          files[key] = owned;
        });
        document.setSection(profile, [
          ['aws_access_key_id', credentials.accessKeyId],
          ['aws_secret_access_key', credentials.secretAccessKey],
          ['aws_session_token', credentials.sessionToken],
        ]);
        await this.save(document, encoding);
      },
      this.lock,
    );
  }

  /** Removes one profile; false when it was not there. A profile SSO Tray did not write needs `force`. */
  async removeProfile(profile: string, options: { force?: boolean } = {}): Promise<boolean> {
    const removed = await this.remove((owned, document) => {
      if (!document.hasSection(profile)) return [];
      if (!owned[profile] && !options.force) throw this.foreign(profile, 'remove');
      return [profile];
    });
    return removed.length > 0;
  }

  /** Removes the profiles SSO Tray wrote for this session (sign-out); returns their names. */
  removeProfilesOfSession(sessionName: string): Promise<string[]> {
    return this.remove((owned) =>
      Object.values(owned)
        .filter((p) => p.session === sessionName)
        .map((p) => p.profile),
    );
  }

  /** The profiles SSO Tray wrote that are still in the file, by name. */
  async ownedProfiles(): Promise<OwnedProfile[]> {
    const owned = (await this.record.read())[await credentialsFileKey(this.file)] ?? {};
    const document = await this.document().catch(() => undefined);
    const present = document ? pruned(owned, document) : owned;
    return Object.values(present).sort((a, b) => a.profile.localeCompare(b.profile));
  }

  /** The keys of a profile as the SDK reads them, or undefined when the file or the profile is missing. */
  async readProfile(profile: string): Promise<Record<string, string> | undefined> {
    return (await this.document()).getSection(profile);
  }

  private async remove(
    choose: (owned: Record<string, OwnedProfile>, document: IniDocument) => string[],
  ): Promise<string[]> {
    return withFileLock(
      this.file,
      async () => {
        const { document, encoding } = await this.load();
        const key = await credentialsFileKey(this.file);
        const owned = pruned((await this.record.read())[key], document);
        const profiles = choose(owned, document);
        for (const profile of profiles) document.removeSection(profile);
        if (profiles.length) await this.save(document, encoding);
        // The file goes first here: a crash in between leaves a record entry without a section, pruned next time.
        await this.record.update((files) => {
          const left = pruned(files[key], document);
          for (const profile of profiles) delete left[profile];
          files[key] = left;
        });
        return profiles;
      },
      this.lock,
    );
  }

  /** The file parsed; a missing file is an empty one. Never returns a document of a file it cannot read. */
  private async document(): Promise<IniDocument> {
    return (await this.load()).document;
  }

  /** The document with the encoding its bytes came in, so that bytes the app does not own are written back as they were. */
  private async load(): Promise<{ document: IniDocument; encoding: ByteEncoding }> {
    const decoded = (await readLosslessText(this.file)) ?? { text: '', encoding: 'utf8' as const };
    return { document: IniDocument.parse(decoded.text, this.label), encoding: decoded.encoding };
  }

  private save(document: IniDocument, encoding: ByteEncoding): Promise<void> {
    return writeFileAtomic(this.file, encodeText(document.toString(), encoding, this.label), {
      defaultMode: 0o600,
    });
  }

  private foreign(profile: string, action: 'overwrite' | 'remove'): SsoTrayError {
    return new SsoTrayError(
      'foreign-profile',
      `The profile "${profile}" in ${this.label} was not written by SSO Tray`,
      {
        next:
          action === 'overwrite'
            ? { do: 'choose-profile-name-or-overwrite', profile }
            : { do: 'allow-remove', profile },
      },
    );
  }
}

/** The record's entries whose section is still in the file (one deleted by hand is forgotten). */
function pruned(
  owned: Record<string, OwnedProfile> | undefined,
  document: IniDocument,
): Record<string, OwnedProfile> {
  return Object.fromEntries(Object.entries(owned ?? {}).filter(([profile]) => document.hasSection(profile)));
}
