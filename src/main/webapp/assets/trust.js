// The trust panel in the header: its badge shows the platform's verification state at all times, its
// details list every check. It is also the gate every patient request waits on.

import {BlockedError} from './api.js';
import {attestPlatform, verifyProvider} from './attest.js';
import {byId, definitions, fill, h} from './dom.js';

const BADGES = {
  checking: 'Checking the platform…',
  verified: 'Verified enclave',
  simulated: 'Simulated enclave (development)',
  failed: 'Not verified: patient data blocked',
};

const SUMMARIES = {
  verified: 'The platform proved, with evidence from SGX hardware, that it runs the expected code in an enclave.',
  simulated: 'The platform runs the expected code in a simulated enclave: fine for development, not confidential. '
    + 'Never use real patient data with it.',
  failed: 'The platform could not be verified, so this page sends no patient data.',
};

const yesNo = value => (value ? 'yes' : 'no');
const time = date => date.toLocaleString();

function checklist(checks) {
  return h('ul', {class: 'checks'}, checks.map(c => h('li', {class: c.ok ? 'ok' : 'bad'},
    h('span', {class: 'mark', 'aria-hidden': 'true'}, c.ok ? '✓' : '✗'),
    h('span', {class: 'visually-hidden'}, c.ok ? 'Passed: ' : 'Failed: '), c.label)));
}

function enclaveDetails(who, extra = []) {
  return definitions([
    ['Evidence', who.simulated ? 'Simulated SGX (development only)' : 'Intel SGX'],
    ['Measurement (MRENCLAVE)', h('code', {}, who.mrEnclave)],
    ...extra,
    ['Signer (MRSIGNER)', h('code', {}, who.mrSigner)],
    ['Debuggable', yesNo(who.debuggable)],
    ['Attested by', who.issuer],
  ], {class: 'facts'});
}

export function createTrustPanel(config, onStateChange) {
  const button = byId('trust-button');
  const details = byId('trust-details');
  let verification = null;

  const setOpen = open => {
    details.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
  };
  button.addEventListener('click', () => setOpen(details.hidden));
  document.addEventListener('keydown', event => {
    if (event.key === 'Escape' && !details.hidden) {
      setOpen(false);
      button.focus();
    }
  });

  function show(state) {
    button.dataset.state = state;
    fill(byId('trust-label'), BADGES[state]);
    onStateChange(state);
  }

  function renderPlatform(result) {
    const retry = h('button', {type: 'button', class: 'secondary'}, 'Verify again');
    retry.addEventListener('click', () => verify());
    const facts = result.state === 'failed' ? h('p', {class: 'reason'}, result.reason)
      : enclaveDetails(result, [['Expected measurement', h('code', {}, result.expected)],
        ['Signing key', h('code', {}, result.kid)], ['Token valid until', time(result.expires)],
        ['Verified in this browser at', time(result.checkedAt)]]);
    fill(byId('trust-platform'), h('p', {class: `summary ${result.state}`}, SUMMARIES[result.state]),
      facts, checklist(result.checks), retry);
  }

  function verify() {
    show('checking');
    fill(byId('trust-platform'), h('p', {}, BADGES.checking));
    verification = attestPlatform(config).catch(error => ({state: 'failed', reason: error.message, checks: error.checks || []}))
      .then(result => {
        renderPlatform(result);
        show(result.state);
        return result;
      });
    return verification;
  }

  async function showProvider(delineation) {
    const target = byId('trust-provider');
    try {
      const provider = await verifyProvider(config, delineation);
      fill(target, h('p', {class: `summary ${provider.state}`}, provider.state === 'verified'
        ? 'Verified provider enclave' : 'Simulated provider enclave (development)'),
      enclaveDetails(provider, [['Model', `${provider.model?.name} (SHA-256 ${provider.model?.sha256})`],
        ['Attested at', time(provider.issuedAt)]]), checklist(provider.checks));
      return provider;
    } catch (error) {
      fill(target, h('p', {class: 'summary failed'}, `The provider's identity could not be verified: ${error.message}`),
        checklist(error.checks || []));
      return {state: 'failed', reason: error.message};
    }
  }

  /** Resolves when patient data may be sent; throws BlockedError otherwise. */
  async function gate() {
    const result = await (verification || verify());
    if (result.state === 'failed') throw new BlockedError(`Patient data was not sent: ${result.reason}`);
  }

  return {verify, gate, showProvider};
}
