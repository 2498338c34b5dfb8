// The pages a person sees in the browser: device code approval, /authorize consent, results and errors.

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `
  body { font-family: system-ui, sans-serif; margin: 0; background: #f2f3f3; color: #16191f; }
  main { max-width: 28rem; margin: 4rem auto; background: #fff; padding: 2rem; border-radius: 8px;
         box-shadow: 0 1px 4px rgba(0,0,0,.2); }
  h1 { font-size: 1.4rem; margin-top: 0; }
  .code { font-family: ui-monospace, monospace; font-size: 2rem; letter-spacing: .2rem; }
  .actions { display: flex; gap: 1rem; margin-top: 1.5rem; }
  button { font-size: 1rem; padding: .6rem 1.4rem; border-radius: 4px; border: 1px solid #545b64; cursor: pointer; }
  button[value=approve] { background: #ec7211; border-color: #ec7211; color: #fff; }
  label { display: block; margin-bottom: .4rem; }
  input[type=text] { font-size: 1.2rem; padding: .4rem; }
`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} | AWS IAM Identity Center</title><style>${STYLE}</style></head>
<body><main>
${body}
</main></body>
</html>`;
}

const hidden = (fields: Record<string, string>): string =>
  Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');

const decisionButtons = `<div class="actions">
<button type="submit" name="decision" value="approve">Approve</button>
<button type="submit" name="decision" value="deny">Deny</button>
</div>`;

export function deviceApprovalPage(userCode: string, appName: string, startUrl: string): string {
  return layout(
    'Authorize request',
    `<h1>Authorize request</h1>
<p><strong>${escapeHtml(appName)}</strong> is asking to access your AWS accounts and roles in
<span>${escapeHtml(startUrl)}</span>.</p>
<p id="code-hint">Check that this code matches the one shown by the application:</p>
<h2 class="code" aria-describedby="code-hint">${escapeHtml(userCode)}</h2>
<form method="post" action="/device" aria-label="Approve or deny this request">
${hidden({ user_code: userCode })}
${decisionButtons}
</form>`,
  );
}

export function deviceCodeEntryPage(): string {
  return layout(
    'Enter code',
    `<h1>Authorize request</h1>
<form method="get" action="/device">
<label for="user_code">Code</label>
<input type="text" id="user_code" name="user_code" autocomplete="off" required>
<div class="actions"><button type="submit">Next</button></div>
</form>`,
  );
}

export function authorizePage(appName: string, startUrl: string, params: Record<string, string>): string {
  return layout(
    'Allow access',
    `<h1>Allow ${escapeHtml(appName)} to access your data?</h1>
<p>It asks to access your AWS accounts and roles in <span>${escapeHtml(startUrl)}</span>.</p>
<form method="post" action="/authorize" aria-label="Allow or deny access">
${hidden(params)}
${decisionButtons}
</form>`,
  );
}

export function resultPage(title: string, message: string): string {
  return layout(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>`);
}

export function errorPage(title: string, message: string): string {
  return layout(title, `<h1>${escapeHtml(title)}</h1>\n<p role="alert">${escapeHtml(message)}</p>`);
}
