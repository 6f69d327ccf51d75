// Remote attestation of the platform from the browser, before any patient data leaves the page:
// fresh nonce -> the platform's evidence -> the attestation service's token -> the token verified here
// against the published keys and this portal's expectations (GET /portal/config).
//
// What this proves and what it cannot: see README "Portal". In short, it catches a stale or replayed
// token, a token not about the evidence just fetched, an unexpected measurement, a debug or simulated
// enclave where the configuration forbids one, and a broken or substituted key set; it cannot catch a
// malicious server, which also serves this script, the configuration and the keys.

import {getJson, postJson} from './api.js';
import {verifyRs256} from './jwt.js';

const ATTEST = '/attest/SgxEnclave?api-version=2022-08-01';

export class TrustError extends Error {
  constructor(message, checks) {
    super(message);
    this.checks = checks;
  }
}

export function freshNonce() {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Runs named checks in order; the first that fails stops verification with its name. */
function checklist() {
  const checks = [];
  return {
    checks,
    require(ok, label) {
      checks.push({label, ok: Boolean(ok)});
      if (!ok) throw new TrustError(`Check failed: ${label}`, checks);
    },
  };
}

function identity(claims) {
  return {
    mrEnclave: claims['x-ms-sgx-mrenclave'],
    mrSigner: claims['x-ms-sgx-mrsigner'],
    debuggable: claims['x-ms-sgx-is-debuggable'] === true,
    simulated: String(claims['x-enclave-care-evidence'] || '').startsWith('simulated'),
    issuer: claims.iss,
    expires: new Date(claims.exp * 1000),
  };
}

async function verified(token, config, list) {
  const jwks = await getJson('/certs');
  try {
    const result = await verifyRs256(token, jwks, {issuer: config.issuer});
    list.require(true, 'Signed (RS256) by a key the attestation service publishes, issuer and expiry valid');
    return result;
  } catch (e) {
    list.checks.push({label: `Token signature, issuer and expiry: ${e.message}`, ok: false});
    throw new TrustError(`The attestation token was rejected: ${e.message}`, list.checks);
  }
}

/** The platform's verified identity, or a TrustError whose checks say what failed. */
export async function attestPlatform(config) {
  const list = checklist();
  const nonce = freshNonce();
  const evidence = await getJson(`/attestation/evidence?nonce=${nonce}`);
  const {token} = await postJson(ATTEST, {quote: evidence.quote, runtimeData: {data: evidence.runtimeData, dataType: 'JSON'}, nonce});
  const {header, claims} = await verified(token, config, list);
  const who = identity(claims);
  list.require(claims.nonce === nonce, 'The token answers this page\'s fresh nonce');
  list.require(claims['x-ms-runtime']?.nonce === nonce, 'The enclave bound that nonce into its evidence');
  list.require(claims['x-ms-sgx-ehd'] === evidence.runtimeData, 'The token is about the evidence this page fetched');
  list.require(who.mrEnclave === config.expectedMrEnclave, 'The enclave\'s measurement (MRENCLAVE) is the expected one');
  list.require(!who.debuggable || config.allowDebug, who.debuggable ? 'A debuggable enclave is allowed by this portal\'s configuration' : 'The enclave is not debuggable');
  list.require(!who.simulated || config.allowSimulated, who.simulated ? 'A simulated enclave is allowed by this portal\'s configuration' : 'The evidence comes from SGX hardware');
  return {...who, state: who.simulated ? 'simulated' : 'verified', kid: header.kid, nonce,
    expected: config.expectedMrEnclave, checks: list.checks, checkedAt: new Date()};
}

/** The diagnostics provider's identity from a delineation's attestation token, verified here too. */
export async function verifyProvider(config, delineation) {
  const list = checklist();
  const {claims} = await verified(delineation.maa_token, config, list);
  const who = identity(claims);
  const allowed = config.providerMrEnclaves || [];
  list.require(who.mrEnclave === delineation.provider?.mrenclave, 'The token names the provider the platform reported');
  list.require(allowed.length === 0 || allowed.includes(who.mrEnclave), 'The provider\'s measurement is one this portal expects');
  list.require(!who.debuggable || config.allowDebug, who.debuggable ? 'A debuggable provider is allowed by this portal\'s configuration' : 'The provider is not debuggable');
  list.require(!who.simulated || config.allowSimulated, who.simulated ? 'A simulated provider is allowed by this portal\'s configuration' : 'The provider\'s evidence comes from SGX hardware');
  return {...who, state: who.simulated ? 'simulated' : 'verified', model: delineation.model,
    issuedAt: new Date(claims.iat * 1000), checks: list.checks};
}
