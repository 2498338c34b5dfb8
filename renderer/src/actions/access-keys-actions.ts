// The Access keys dialog of one role: the texts the user asked to see, copies made by the main process, and
// writing the role to the credentials file or ~/.aws/config.
import { freshAnnouncement } from '../announcement.js';
import type { CredentialFormat } from '../api.js';
import type { AccessKeysState, RoleRef } from '../state.js';
import { problemOf, sentenceOf, type ActionContext } from './context.js';

export type CopyWhat = CredentialFormat | 'access-key-id' | 'secret-access-key' | 'session-token';

export async function openAccessKeys(
  ctx: ActionContext,
  role: RoleRef & { accountName: string },
): Promise<void> {
  ctx.store.update({
    dialog: {
      role,
      shellFormat: 'env',
      texts: {},
      loading: true,
      keepFresh: false,
      writeFile: { busy: false },
      writeConfig: { busy: false },
      serve: { busy: false },
    },
  });
  await loadTexts(ctx);
  // Opening a role makes it recently used.
  const settings = await ctx.api['settings:get']({}).catch(() => undefined);
  if (settings) ctx.store.update({ settings });
}

/** "Try again" after the credentials could not be fetched: fetches them again. */
export async function retryAccessKeys(ctx: ActionContext): Promise<void> {
  changeDialog(ctx, (d) => ({ ...d, loading: true, error: undefined, copyError: undefined }));
  await loadTexts(ctx);
}

async function loadTexts(ctx: ActionContext): Promise<void> {
  // The first call fetches the credentials; the others are formatted from the same ones.
  await loadText(ctx, 'env');
  if (ctx.store.state.dialog?.error) return;
  await Promise.all([loadText(ctx, 'profile'), loadText(ctx, 'values')]);
}

export async function selectShellFormat(ctx: ActionContext, format: CredentialFormat): Promise<void> {
  changeDialog(ctx, (d) => ({ ...d, shellFormat: format, copied: undefined }));
  if (ctx.store.state.dialog?.texts[format] === undefined) await loadText(ctx, format);
}

async function loadText(ctx: ActionContext, format: CredentialFormat): Promise<void> {
  const dialog = ctx.store.state.dialog;
  if (!dialog) return;
  try {
    const named = format === 'profile' && dialog.profileName ? { profileName: dialog.profileName } : {};
    const { text, expiration } = await ctx.api['credentials:text']({
      ...plain(dialog.role),
      format,
      ...named,
    });
    changeDialog(
      ctx,
      (d) => ({
        ...d,
        texts: { ...d.texts, [format]: text },
        expiration,
        loading: false,
        // The name the core chose (the settings' template) until the user types another.
        ...(format === 'profile' && !d.profileName ? { profileName: blockName(text) } : {}),
      }),
      dialog,
    );
  } catch (error) {
    changeDialog(ctx, (d) => ({ ...d, loading: false, error: d.error ?? sentenceOf(error) }), dialog);
  }
}

/** Copies one of the dialog's texts; `thing` names it for the live region ("the profile block"). */
export async function copyCredentials(ctx: ActionContext, what: CopyWhat, thing: string): Promise<void> {
  const dialog = ctx.store.state.dialog;
  if (!dialog) return;
  try {
    const { expiration } = await ctx.api['credentials:copy']({ ...plain(dialog.role), what });
    changeDialog(
      ctx,
      (d) => ({
        ...d,
        copied: what,
        announced: freshAnnouncement(d.announced, `Copied ${thing} to the clipboard.`),
        copyError: undefined,
        expiration,
      }),
      dialog,
    );
  } catch (error) {
    changeDialog(ctx, (d) => ({ ...d, copied: undefined, copyError: sentenceOf(error) }), dialog);
  }
}

/** The profile name of Option 2: the block shows it and Write to credentials file writes it. */
export async function setProfileName(ctx: ActionContext, name: string): Promise<void> {
  const profileName = name.trim();
  if (!profileName || profileName === ctx.store.state.dialog?.profileName) return;
  changeDialog(ctx, (d) => ({ ...d, profileName, writeFile: { busy: false }, error: undefined }));
  await loadText(ctx, 'profile');
}

function blockName(block: string): string | undefined {
  return /^\[([^\]\n]+)\]/.exec(block)?.[1];
}

export function setKeepFresh(ctx: ActionContext, keepFresh: boolean): void {
  changeDialog(ctx, (d) => ({ ...d, keepFresh }));
}

export function writeCredentialsFile(ctx: ActionContext): Promise<void> {
  return writeProfile(ctx);
}

/** Replace it: the profile the refusal named, written over, after the user's click on that button only. */
export function replaceProfile(ctx: ActionContext): Promise<void> {
  const profile = ctx.store.state.dialog?.writeFile.replace;
  return profile ? writeProfile(ctx, profile) : Promise.resolve();
}

async function writeProfile(ctx: ActionContext, overwrite?: string): Promise<void> {
  const dialog = ctx.store.state.dialog;
  if (!dialog) return;
  changeDialog(ctx, (d) => ({ ...d, writeFile: { busy: true } }));
  const profile = overwrite ?? dialog.profileName;
  try {
    const owned = await ctx.api['profiles:write']({
      ...plain(dialog.role),
      keepFresh: dialog.keepFresh,
      ...(profile ? { profile } : {}),
      ...(overwrite ? { overwrite: true } : {}),
    });
    const done = `Wrote the profile ${owned.profile} to your credentials file${owned.keepFresh ? ', kept fresh' : ''}.`;
    changeDialog(ctx, (d) => ({ ...d, writeFile: { busy: false, done } }), dialog);
  } catch (error) {
    changeDialog(ctx, (d) => ({ ...d, writeFile: failedWrite(error) }), dialog);
  }
}

/** A refused write: its sentence, and for a profile SSO Tray did not write (the core's step names it), Replace it. */
function failedWrite(error: unknown): { busy: false; error: string; replace?: string } {
  const next = problemOf(error).next;
  const replace = next?.do === 'choose-profile-name-or-overwrite' ? next.profile : undefined;
  return { busy: false, error: sentenceOf(error), ...(replace ? { replace } : {}) };
}

type ConfigKind = 'sso' | 'credential-process';

/** Replace it in "Add to ~/.aws/config": the profile the refusal named, written over, on that click only. */
export function replaceConfigProfile(ctx: ActionContext, kind: ConfigKind): Promise<void> {
  const profile = ctx.store.state.dialog?.writeConfig.replace;
  return profile ? writeConfigProfile(ctx, profile, kind, true) : Promise.resolve();
}

export async function writeConfigProfile(
  ctx: ActionContext,
  profile: string,
  kind: ConfigKind,
  overwrite = false,
): Promise<void> {
  const dialog = ctx.store.state.dialog;
  if (!dialog) return;
  changeDialog(ctx, (d) => ({ ...d, writeConfig: { busy: true } }));
  try {
    const written = await ctx.api['config:write-profile']({
      ...plain(dialog.role),
      profile: profile.trim(),
      kind,
      ...(overwrite ? { overwrite: true } : {}),
    });
    const done = `Added the profile ${written.profile} to ${written.file}.`;
    changeDialog(ctx, (d) => ({ ...d, writeConfig: { busy: false, done } }), dialog);
  } catch (error) {
    changeDialog(ctx, (d) => ({ ...d, writeConfig: failedWrite(error) }), dialog);
  }
}

export function closeAccessKeys(ctx: ActionContext): void {
  // The credentials leave the window with the dialog.
  ctx.store.update({ dialog: undefined });
}

/** Changes the open dialog; with `only`, only while that same dialog is still open (late answers are dropped). */
export function changeDialog(
  { store }: ActionContext,
  change: (dialog: AccessKeysState) => AccessKeysState,
  only?: AccessKeysState,
): void {
  store.update((s) => {
    if (!s.dialog || (only && s.dialog.role !== only.role)) return {};
    return { dialog: change(s.dialog) };
  });
}

export function plain(role: RoleRef): RoleRef {
  return { session: role.session, accountId: role.accountId, roleName: role.roleName };
}
