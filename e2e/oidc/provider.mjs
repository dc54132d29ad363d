// A real OpenID provider for the tests (npm's oidc-provider, devInteractions'
// login form: any login name is accepted and becomes `sub`). Used by the
// Rust integration tests (tests/it/oidc.rs) and the browser test
// (e2e/tests/oidc.test.js).
//
// Environment:
//   OIDC_PORT      port to listen on (127.0.0.1)
//   OIDC_APP       the platform's base URL (redirect URIs are made from it)
//   OIDC_CLIENTS   JSON: [{"client_id", "client_secret", "provider", "mode"}];
//                  `provider` is the platform's provider id (the callback path),
//                  `mode` alters the ID token the token endpoint gives:
//                  "wrong-aud" (re-signed for another audience), "expired"
//                  (re-signed, expired an hour ago), "tampered" (a claim changed,
//                  signature kept), anything else: as issued.
//   OIDC_ACCOUNTS  a JSON file read at each login: {"login": {"groups": [...],
//                  "name": "...", "email": "..."}}; unknown logins get defaults.
// Prints "listening <port>" when ready.
import Provider from 'oidc-provider';
import crypto from 'node:crypto';
import fs from 'node:fs';

const port = Number(process.env.OIDC_PORT || 0);
const app = (process.env.OIDC_APP || 'http://127.0.0.1:8080').replace(/\/$/, '');
const clients = JSON.parse(process.env.OIDC_CLIENTS || '[]');
const accountsFile = process.env.OIDC_ACCOUNTS;
const issuer = `http://127.0.0.1:${port}`;

const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
// A key of its own at each start, with an id of its own: a restarted
// provider is one that rotated its signing key.
const kid = `test-key-${crypto.randomBytes(6).toString('hex')}`;
const jwk = { ...privateKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' };

function account(id) {
  let all = {};
  if (accountsFile && fs.existsSync(accountsFile)) {
    all = JSON.parse(fs.readFileSync(accountsFile, 'utf8'));
  }
  const a = all[id] || {};
  return {
    sub: id,
    preferred_username: a.preferred_username || id,
    name: a.name || `Test ${id}`,
    email: a.email || `${id}@example.fi`,
    email_verified: true,
    groups: a.groups || [],
    org: a.org || '',
  };
}

const modes = Object.fromEntries(clients.map((c) => [c.client_id, c.mode || 'normal']));

const provider = new Provider(issuer, {
  clients: clients.map((c) => ({
    client_id: c.client_id,
    client_secret: c.client_secret,
    redirect_uris: [`${app}/login/oidc/${c.provider}/callback`],
    post_logout_redirect_uris: [`${app}/`],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  })),
  jwks: { keys: [jwk] },
  pkce: { required: () => true },
  conformIdTokenClaims: false,
  claims: {
    openid: ['sub'],
    profile: ['name', 'preferred_username', 'org'],
    email: ['email', 'email_verified'],
    groups: ['groups'],
  },
  scopes: ['openid', 'profile', 'email', 'groups', 'offline_access'],
  features: {
    devInteractions: { enabled: true },
    rpInitiatedLogout: { enabled: true },
  },
  cookies: { keys: ['test cookie key for the oidc provider'] },
  findAccount: async (ctx, id) => ({
    accountId: id,
    async claims() {
      return account(id);
    },
  }),
  // First-party: no consent screen.
  loadExistingGrant: async (ctx) => {
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid profile email groups');
    grant.addOIDCClaims(['name', 'preferred_username', 'email', 'groups', 'org']);
    await grant.save();
    return grant;
  },
});

const b64 = (buf) => Buffer.from(buf).toString('base64url');

function resign(idToken, change) {
  const [h, p] = idToken.split('.');
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
  change(payload);
  const input = `${h}.${b64(JSON.stringify(payload))}`;
  const sig = crypto.sign('sha256', Buffer.from(input), privateKey);
  return `${input}.${b64(sig)}`;
}

provider.use(async (ctx, next) => {
  await next();
  if (ctx.path !== '/token' || !ctx.body || typeof ctx.body !== 'object' || !ctx.body.id_token) return;
  const mode = modes[ctx.oidc?.client?.clientId];
  const now = Math.floor(Date.now() / 1000);
  if (mode === 'wrong-aud') {
    ctx.body.id_token = resign(ctx.body.id_token, (c) => { c.aud = 'someone-else'; });
  } else if (mode === 'expired') {
    ctx.body.id_token = resign(ctx.body.id_token, (c) => { c.iat = now - 7200; c.exp = now - 3600; });
  } else if (mode === 'tampered') {
    const [h, p, s] = ctx.body.id_token.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    payload.groups = ['ot-admins'];
    ctx.body.id_token = `${h}.${b64(JSON.stringify(payload))}.${s}`;
  }
});

const server = provider.listen(port, '127.0.0.1', () => {
  console.log(`listening ${server.address().port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
