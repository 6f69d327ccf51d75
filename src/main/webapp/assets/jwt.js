// Verifying an RS256 JWT in the browser with WebCrypto: algorithm pinned, key from the published JWKS by
// kid, issuer exact, expiry and not-before with bounded skew. Nothing here trusts a claim before the
// signature has verified.

const SKEW_SECONDS = 60;

export class TokenError extends Error {}

export function base64UrlBytes(text) {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
  return Uint8Array.from(atob(base64), c => c.charCodeAt(0));
}

function part(text, what) {
  try {
    return JSON.parse(new TextDecoder().decode(base64UrlBytes(text)));
  } catch {
    throw new TokenError(`the token's ${what} is not base64url JSON`);
  }
}

async function publicKey(jwks, kid) {
  const jwk = (jwks?.keys || []).find(k => k.kid === kid && k.kty === 'RSA');
  if (!jwk) throw new TokenError('the published key set has no RSA key with the token\'s key id');
  return crypto.subtle.importKey('jwk', {kty: 'RSA', n: jwk.n, e: jwk.e, ext: true},
    {name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256'}, false, ['verify']);
}

/** The verified header and claims, or a TokenError naming the failed check. */
export async function verifyRs256(token, jwks, {issuer, now = Date.now() / 1000}) {
  const parts = typeof token === 'string' ? token.split('.') : [];
  if (parts.length !== 3) throw new TokenError('not a signed JWT');
  const header = part(parts[0], 'header');
  if (header.alg !== 'RS256') throw new TokenError('only RS256 tokens are accepted');
  if (header.jku !== undefined && header.jku !== `${issuer}/certs`) throw new TokenError('jku is not the issuer\'s key set');
  const key = await publicKey(jwks, header.kid);
  const signed = new TextEncoder().encode(`${parts[0]}.${parts[1]}`);
  let valid = false;
  try {
    valid = await crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, base64UrlBytes(parts[2]), signed);
  } catch {
    valid = false;
  }
  if (!valid) throw new TokenError('the signature does not verify against the published keys');
  const claims = part(parts[1], 'payload');
  if (claims.iss !== issuer) throw new TokenError('the token comes from an unexpected issuer');
  if (typeof claims.exp !== 'number' || claims.exp < now - SKEW_SECONDS) throw new TokenError('the token has expired');
  if (typeof claims.nbf === 'number' && claims.nbf > now + SKEW_SECONDS) throw new TokenError('the token is not valid yet');
  return {header, claims};
}
