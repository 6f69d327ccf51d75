// MRI delineation: choose a slice, preview it, upload it with progress, then show the outline beside the
// original with the lesion size, the model and the provider enclave (whose token the trust panel verifies).

import {BlockedError, upload} from './api.js';
import {byId, definitions, fill, h} from './dom.js';

// The one place that decides where a slice goes: with a record open, to POST /patient/{id}/delineate, which
// keeps the result with the record (encrypted like it); otherwise to the seed's anonymous /delineate.
const PER_PATIENT = true;

export function delineateUrl(patientId) {
  return PER_PATIENT && patientId ? `/patient/${encodeURIComponent(patientId)}/delineate` : '/delineate';
}

const MAX_BYTES = 16 * 1024 * 1024;
const TYPES = ['image/png', 'image/jpeg'];

function pngUrl(base64) {
  const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], {type: 'image/png'}));
}

function explain(error) {
  if (error instanceof BlockedError) return error.message;
  const reason = error.problem?.detail || error.problem?.title || error.message;
  switch (error.status) {
    case 0: return 'The platform could not be reached. Check the network and try again.';
    case 503: return `The diagnostics provider is not available right now. Try again in ${error.retryAfter || 'a few'} seconds.`;
    case 502: return `The diagnostics provider could not be used: ${reason}`;
    case 413: return 'The image is too large: at most 16 MiB and a normal MRI slice size.';
    case 400: case 415: return `This file is not an MRI slice the model can read: ${reason}`;
    default: return reason;
  }
}

export function createDelineation({patientId, onResult}) {
  const input = byId('mri-file');
  const button = byId('delineate-button');
  const error = byId('mri-error');
  const progress = byId('progress');
  const original = byId('mri-original');
  const outlined = byId('mri-outlined');

  const swapUrl = (img, url) => {
    if (img.src.startsWith('blob:')) URL.revokeObjectURL(img.src);
    if (url) img.src = url; else img.removeAttribute('src');
    img.closest('figure').hidden = !url;
  };

  function clearResult() {
    swapUrl(outlined, null);
    fill(byId('delineate-result'));
    fill(error);
  }

  function choose() {
    clearResult();
    const file = input.files[0];
    const problem = !file ? null : !TYPES.includes(file.type) ? 'Choose a PNG or JPEG image.'
      : file.size > MAX_BYTES ? 'The image is too large: at most 16 MiB.' : null;
    swapUrl(original, file && !problem ? URL.createObjectURL(file) : null);
    fill(error, problem || '');
    input.setAttribute('aria-invalid', String(Boolean(problem)));
    button.disabled = !file || Boolean(problem);
  }

  function showProgress(text, fraction) {
    byId('delineate-progress').hidden = text === null;
    fill(byId('progress-label'), text || '');
    if (fraction === undefined) progress.removeAttribute('value'); else progress.value = Math.round(fraction * 100);
  }

  function showResult(result) {
    swapUrl(outlined, pngUrl(result.img_delineated));
    fill(byId('delineate-result'), definitions([
      ['Lesion size', `${result.lesion_pixels} pixels, ${(result.lesion_fraction * 100).toFixed(1)} % of the head area`
        + (result.lesion_regions !== undefined ? ` (${result.lesion_regions} region${result.lesion_regions === 1 ? '' : 's'})` : '')],
      ['Model', result.model.name],
      ['Model hash (SHA-256)', h('code', {}, result.model.sha256)],
      ['Provider enclave (MRENCLAVE)', h('code', {}, result.provider.mrenclave)],
      ['Provider evidence', result.provider.simulated ? 'Simulated SGX (development only)' : 'Intel SGX'],
      ['Time', `provider verified in ${result.timings?.verify_provider_ms ?? '?'} ms, model ran in ${result.timings?.inference_ms ?? '?'} ms`],
    ], {class: 'facts', id: 'delineation-facts'}));
  }

  async function run() {
    const file = input.files[0];
    if (!file) return;
    clearResult();
    button.disabled = true;
    const form = new FormData();
    form.append('img', file, file.name);
    showProgress('Uploading the slice…', 0);
    try {
      const result = await upload(delineateUrl(patientId()), form, f => showProgress('Uploading the slice…', f),
        () => showProgress('The provider\'s enclave is outlining the lesion…'));
      showProgress(null);
      showResult(result);
      onResult(result);
    } catch (e) {
      showProgress(null);
      fill(error, explain(e));
    } finally {
      button.disabled = !input.files[0];
    }
  }

  input.addEventListener('change', choose);
  byId('delineate-form').addEventListener('submit', e => {
    e.preventDefault();
    run();
  });
  return {reset: () => { input.value = ''; choose(); }};
}
