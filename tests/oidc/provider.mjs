// A test LA's identity provider: panva's certified oidc-provider, configured as an LA would
// configure Entra ID for ApGrid. Started by the .NET tests (OidcProviderProcess) on a free port.
//
//   node provider.mjs --port 5301 --alg RS256 --audience api://apgrid --client apgrid-board:secret:http://127.0.0.1:5000/auth/callback
//
// Any login is accepted (the provider's development login page), with any password; the login is
// the person's email and subject. Logins starting "long." get a 48-hour access token, "short." a 3-second one,
// "forger." tokens that also claim tenant 902 and role LA_OFFICER (which ApGrid must ignore).
// A line "rotate" on stdin replaces the signing keys (the old ones are no longer published) and
// answers "rotated <kid>" on stdout.
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import { createInterface } from 'node:readline';
import Provider from 'oidc-provider';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const options = (name) => args.flatMap((a, i) => (a === `--${name}` ? [args[i + 1]] : []));

const port = Number(option('port', '5301'));
const alg = option('alg', 'RS256');
const audience = option('audience', 'api://apgrid');
const issuer = `http://127.0.0.1:${port}`;
const clients = options('client').map((spec) => {
  const [clientId, secret, ...redirect] = spec.split(':');
  const redirectUri = redirect.join(':');
  return secret
    ? { client_id: clientId, client_secret: secret, redirect_uris: [redirectUri], id_token_signed_response_alg: alg }
    : { client_id: clientId, token_endpoint_auth_method: 'none', redirect_uris: [redirectUri], id_token_signed_response_alg: alg };
});

let generation = 0;
function signingKey() {
  generation += 1;
  const { privateKey } = alg === 'ES256'
    ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
    : generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), alg, use: 'sig', kid: `${alg.toLowerCase()}-${port}-${generation}` };
}


function provider(key) {
  const p = new Provider(issuer, {
    clients,
    jwks: { keys: [key] },
    cookies: { keys: ['apgrid-tests-cookie-key-not-a-secret'] },
    pkce: { required: () => true },
    // The ID token carries the email itself, as Entra ID's does; ApGrid never calls userinfo.
    conformIdTokenClaims: false,
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    // The login typed is the account and its email; the subject is that same string.
    findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id, email: id, email_verified: true }) }),
    features: {
      devInteractions: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => audience,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => {
          if (indicator !== audience) throw new Error(`unknown resource ${indicator}`);
          return { scope: 'api', audience, accessTokenFormat: 'jwt', accessTokenTTL: 600, jwt: { sign: { alg } } };
        },
      },
    },
    ttl: {
      AccessToken: (_ctx, token) => ttlOf(token.accountId ?? ''),
    },
    extraTokenClaims: (_ctx, token) => {
      const email = token.accountId;
      if (!email) return undefined;
      return email.startsWith('forger.') ? { email, tenant: '902', role: 'LA_OFFICER' } : { email };
    },
    // First-party client: the person is never asked to consent to ApGrid's own scopes.
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid email');
      grant.addOIDCClaims(['email', 'email_verified']);
      grant.addResourceScope(audience, 'api');
      await grant.save();
      return grant;
    },
  });
  return p;
}

function ttlOf(email) {
  if (email.startsWith('long.')) return 48 * 3600;
  if (email.startsWith('short.')) return 3;
  return 600;
}

let current = provider(signingKey());
createServer((req, res) => current.callback()(req, res)).listen(port, '127.0.0.1', () => {
  console.log(`listening ${issuer}`);
});

createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() !== 'rotate') return;
  const key = signingKey();
  current = provider(key);
  console.log(`rotated ${key.kid}`);
});
