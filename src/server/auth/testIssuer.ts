import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

export type IssuerUser = { sub: string; claims?: Record<string, unknown> };

/**
 * A small OpenID Connect provider for tests, over real HTTP on a free loopback port: discovery,
 * JWKS, an authorization endpoint that "signs in" whoever the test names, and a token endpoint
 * that checks the client's secret, the redirect URI and PKCE, takes each code once, and returns
 * an ID token signed with its ES256 key. `misbehave` makes it send a wrong nonce.
 */
export async function startTestIssuer(client: { id: string; secret: string }) {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'test-1', alg: 'ES256', use: 'sig' };
  const codes = new Map<
    string,
    { user: IssuerUser; redirectUri: string; challenge: string; nonce: string; used: boolean }
  >();
  const state = { user: { sub: 'user-1' } as IssuerUser, wrongNonce: false, tokenRequests: 0 };
  let base = '';

  const server: Server = createServer((req, res) => {
    void handle(req).then(
      ({ status, body, location }) => {
        if (location) res.writeHead(status, { location });
        else res.writeHead(status, { 'content-type': 'application/json' });
        res.end(body === undefined ? undefined : JSON.stringify(body));
      },
      (e: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'server_error', error_description: String(e) }));
      },
    );
  });

  async function handle(
    req: IncomingMessage,
  ): Promise<{ status: number; body?: unknown; location?: string }> {
    const url = new URL(req.url ?? '/', base);
    if (url.pathname === '/.well-known/openid-configuration')
      return {
        status: 200,
        body: {
          issuer: base,
          authorization_endpoint: `${base}/authorize`,
          token_endpoint: `${base}/token`,
          jwks_uri: `${base}/jwks`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['ES256'],
          code_challenge_methods_supported: ['S256'],
          token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        },
      };
    if (url.pathname === '/jwks') return { status: 200, body: { keys: [jwk] } };
    if (url.pathname === '/authorize') {
      const p = url.searchParams;
      if (p.get('client_id') !== client.id || p.get('code_challenge_method') !== 'S256')
        return { status: 400, body: { error: 'invalid_request' } };
      const code = randomBytes(16).toString('base64url');
      codes.set(code, {
        user: state.user,
        redirectUri: p.get('redirect_uri') ?? '',
        challenge: p.get('code_challenge') ?? '',
        nonce: p.get('nonce') ?? '',
        used: false,
      });
      const back = new URL(p.get('redirect_uri') ?? '');
      back.searchParams.set('code', code);
      back.searchParams.set('state', p.get('state') ?? '');
      back.searchParams.set('iss', base);
      return { status: 302, location: back.href };
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      state.tokenRequests += 1;
      const form = new URLSearchParams(await bodyOf(req));
      const [id, secret] = clientOf(req, form);
      if (id !== client.id || secret !== client.secret)
        return { status: 401, body: { error: 'invalid_client' } };
      const grant = codes.get(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      if (
        !grant ||
        grant.used ||
        grant.redirectUri !== form.get('redirect_uri') ||
        grant.challenge !== challenge
      ) {
        if (grant) grant.used = true;
        return { status: 400, body: { error: 'invalid_grant' } };
      }
      grant.used = true;
      const now = Math.floor(Date.now() / 1000);
      const idToken = await new SignJWT({
        ...grant.user.claims,
        nonce: state.wrongNonce ? 'not-the-nonce' : grant.nonce,
      })
        .setProtectedHeader({ alg: 'ES256', kid: 'test-1' })
        .setIssuer(base)
        .setAudience(client.id)
        .setSubject(grant.user.sub)
        .setIssuedAt(now)
        .setExpirationTime(now + 300)
        .sign(privateKey as CryptoKey);
      return {
        status: 200,
        body: {
          access_token: randomBytes(16).toString('base64url'),
          token_type: 'Bearer',
          expires_in: 300,
          id_token: idToken,
        },
      };
    }
    return { status: 404, body: { error: 'not_found' } };
  }

  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer: base,
    state,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

function clientOf(req: IncomingMessage, form: URLSearchParams): [string, string] {
  const header = req.headers.authorization;
  if (header?.startsWith('Basic ')) {
    const [id = '', secret = ''] = Buffer.from(header.slice(6), 'base64')
      .toString()
      .split(':')
      .map((s) => decodeURIComponent(s.replace(/\+/g, ' ')));
    return [id, secret];
  }
  return [form.get('client_id') ?? '', form.get('client_secret') ?? ''];
}

function bodyOf(req: IncomingMessage): Promise<string> {
  return new Promise((done, fail) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => done(text));
    req.on('error', fail);
  });
}
