import type { AccountKind, LocalAccount } from './local-account';
import { DEMO_ONE_TIME_CODE } from './local-oidc.constants';

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#161616}
h1{font-size:1.4rem}label{display:block;margin:1rem 0 .3rem;font-weight:600}
input{font-size:1rem;padding:.4rem;width:100%;box-sizing:border-box}button{margin-top:1.2rem;font-size:1rem;padding:.5rem 1.2rem}
.hint{color:#555;font-size:.9rem}.error{color:#b00;font-weight:600}code,pre{background:#f3f3f3;padding:.1rem .3rem}
pre{padding:.6rem;white-space:pre-wrap;word-break:break-all}table{border-collapse:collapse}td{padding:.2rem .6rem;border-bottom:1px solid #ddd}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>${body}
<p class="hint">spie-hub local OpenID provider: for development and tests only.</p></body></html>`;
}

const KIND_TITLE: Record<AccountKind, string> = {
  agent: 'Sign in as an agent (ProConnect-like)',
  person: 'Sign in as a person (FranceConnect-like)',
};

/** The sign-in form of an interaction: the account (typed or picked), then an optional one-time code. */
export function renderSignInPage(input: {
  action: string;
  kind: AccountKind;
  accounts: LocalAccount[];
  login?: string;
  error?: string;
}): string {
  const options = input.accounts
    .map(
      (account) =>
        `<option value="${escapeHtml(account.login)}">${escapeHtml(account.description ?? account.login)}</option>`,
    )
    .join('');
  const listed = input.accounts
    .map(
      (account) =>
        `<tr><td><code>${escapeHtml(account.login)}</code></td><td>${escapeHtml(account.description ?? '')}</td></tr>`,
    )
    .join('');
  return page(
    KIND_TITLE[input.kind],
    `<h1>${escapeHtml(KIND_TITLE[input.kind])}</h1>
${input.error ? `<p class="error" role="alert">${escapeHtml(input.error)}</p>` : ''}
<form method="post" action="${escapeHtml(input.action)}" autocomplete="off">
<label for="login">Account</label>
<input id="login" name="login" list="accounts" required value="${escapeHtml(input.login ?? '')}" autofocus>
<datalist id="accounts">${options}</datalist>
<p class="hint">Demo accounts have no password.</p>
<label for="otp">One-time code (optional second factor)</label>
<input id="otp" name="otp" inputmode="numeric" pattern="[0-9 ]*">
<p class="hint">Type <code>${DEMO_ONE_TIME_CODE}</code> to sign in with two factors; leave it empty for one factor (<code>eidas1</code>).</p>
<button type="submit">Sign in</button>
</form>
${listed ? `<h2>Accounts</h2><table>${listed}</table>` : ''}`,
  );
}

/** The landing page: what this is and where to sign in. */
export function renderHomePage(issuer: string): string {
  return page(
    'spie-hub local OpenID provider',
    `<h1>spie-hub local OpenID provider</h1>
<p>Issuer <code>${escapeHtml(issuer)}</code>, discovery at
<a href="/.well-known/openid-configuration"><code>/.well-known/openid-configuration</code></a>.</p>
<ul><li><a href="/demo/sign-in?as=agent">Sign in as an agent</a> (client <code>spie-console</code>)</li>
<li><a href="/demo/sign-in?as=person">Sign in as a person</a> (client <code>spie-portal</code>)</li></ul>
<p>Both run the authorization code flow with PKCE and show the access token for the gateway.</p>`,
  );
}

/** After a browser sign-in: the access token to use with the gateway, and what it says. */
export function renderTokenPage(input: { accessToken: string; claims: Record<string, unknown> }): string {
  const rows = Object.entries(input.claims)
    .map(
      ([name, value]) =>
        `<tr><td><code>${escapeHtml(name)}</code></td><td>${escapeHtml(typeof value === 'string' ? value : JSON.stringify(value))}</td></tr>`,
    )
    .join('');
  return page(
    'Signed in',
    `<h1>Signed in</h1><p>Access token for the gateway (a bearer token):</p>
<pre id="access-token">${escapeHtml(input.accessToken)}</pre>
<h2>What it says</h2><table>${rows}</table>
<p><a href="/">Sign in again</a></p>`,
  );
}

export function renderErrorPage(message: string): string {
  return page('Sign-in failed', `<h1>Sign-in failed</h1><p class="error">${escapeHtml(message)}</p>`);
}
