// Serving a role to local programs: start it (the Access keys dialog), copy its variables (the main process writes
// the clipboard: the window never holds the token) and stop it (the "Served credentials" section).
import type { ServedEndpoint } from '../api.js';
import type { RoleRef, VariablesFormat } from '../state.js';
import { changeDialog, plain } from './access-keys-actions.js';
import { sentenceOf, type ActionContext } from './context.js';

/** "Serve to local programs" in a role's Access keys dialog. */
export async function serveRole(ctx: ActionContext, role: RoleRef): Promise<void> {
  const dialog = ctx.store.state.dialog;
  changeDialog(ctx, (d) => ({ ...d, serve: { busy: true } }));
  try {
    const served = await ctx.api['endpoints:start'](plain(role));
    ctx.store.update((s) => ({ served: upsertServed(s.served, served) }));
    changeDialog(ctx, (d) => ({ ...d, serve: { busy: false, id: served.id } }), dialog);
  } catch (error) {
    changeDialog(ctx, (d) => ({ ...d, serve: { busy: false, error: sentenceOf(error) } }), dialog);
  }
}

/** Puts AWS_CONTAINER_CREDENTIALS_FULL_URI and AWS_CONTAINER_AUTHORIZATION_TOKEN on the clipboard for the shell chosen. */
export async function copyServedVariables(
  ctx: ActionContext,
  served: ServedEndpoint,
  format: VariablesFormat = ctx.store.state.servedShell,
): Promise<void> {
  try {
    await ctx.api['endpoints:copy']({ id: served.id, format });
    note(ctx, `Copied the variables for ${served.roleName} in ${served.accountId} to the clipboard.`, false);
  } catch (error) {
    note(ctx, sentenceOf(error), true);
  }
}

export async function stopServing(ctx: ActionContext, served: ServedEndpoint): Promise<void> {
  try {
    await ctx.api['endpoints:stop']({ id: served.id });
    ctx.store.update((s) => ({ served: s.served.filter((e) => e.id !== served.id) }));
    note(ctx, `Stopped serving ${served.roleName} in ${served.accountId}.`, false);
  } catch (error) {
    note(ctx, sentenceOf(error), true);
  }
}

/** From the dialog to the "Served credentials" section. */
export function showServed(ctx: ActionContext): void {
  ctx.store.update({ dialog: undefined, section: 'served', servedNote: undefined });
}

export function setServedShell(ctx: ActionContext, format: VariablesFormat): void {
  ctx.store.update({ servedShell: format, servedNote: undefined });
}

/** The list as the core announced it ('endpoints-changed'). */
export function servedChanged(ctx: ActionContext, served: ServedEndpoint[]): void {
  ctx.store.update({ served });
}

function note(ctx: ActionContext, text: string, error: boolean): void {
  ctx.store.update({ servedNote: { text, error } });
}

function upsertServed(list: ServedEndpoint[], served: ServedEndpoint): ServedEndpoint[] {
  return list.some((e) => e.id === served.id)
    ? list.map((e) => (e.id === served.id ? served : e))
    : [...list, served];
}
