// Every request the portal makes goes through here: same origin only, the session's CSRF token on
// state-changing requests, and patient requests held back until the trust gate lets them pass.

const PORTAL_HEADER = {'X-Requested-With': 'enclave-care-portal'};
const session = {
  csrf: null,
  gate: async () => { throw new BlockedError('The platform has not been verified yet.'); },
  onSignedOut: null,
  onRequest: () => {},
};

/** A refused request: status and the server's problem JSON (RFC 9457), whose texts never hold patient data. */
export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super(problem?.detail || problem?.title || `The server answered ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.retryAfter = retryAfter;
  }
}

/** Patient data was not sent because the platform is not verified. */
export class BlockedError extends Error {}

export function configure(settings) {
  Object.assign(session, settings);
}

function headers(method) {
  const result = {...PORTAL_HEADER, Accept: 'application/json, application/problem+json'};
  if (method !== 'GET' && session.csrf) result['X-CSRF-Token'] = session.csrf;
  return result;
}

/** JSON bodies as objects; anything else (an empty body, a proxy's HTML page) as null. */
function parse(text) {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

async function send(method, path, {json, patient = false} = {}) {
  if (patient) await session.gate();
  const init = {method, headers: headers(method), credentials: 'same-origin', cache: 'no-store', redirect: 'error'};
  if (json !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(json);
  }
  session.onRequest();
  const response = await fetch(path, init);
  const body = parse(await response.text());
  if (response.ok) return body;
  if (response.status === 401 && session.onSignedOut) session.onSignedOut();
  throw new ApiError(response.status, body, response.headers.get('Retry-After'));
}

export const getJson = (path, options) => send('GET', path, options);
export const postJson = (path, json, options) => send('POST', path, {...options, json});
export const remove = (path, options) => send('DELETE', path, options);

/** A multipart upload with progress (fetch cannot report upload progress); always patient data. */
export async function upload(path, formData, onUploadProgress, onUploaded) {
  await session.gate();
  session.onRequest();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    for (const [name, value] of Object.entries(headers('POST'))) xhr.setRequestHeader(name, value);
    xhr.responseType = 'text';
    xhr.upload.addEventListener('progress', e => e.lengthComputable && onUploadProgress(e.loaded / e.total));
    xhr.upload.addEventListener('load', onUploaded);
    xhr.addEventListener('load', () => {
      const body = parse(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body);
      if (xhr.status === 401 && session.onSignedOut) session.onSignedOut();
      reject(new ApiError(xhr.status, body, xhr.getResponseHeader('Retry-After')));
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, {detail: 'The platform could not be reached.'})));
    xhr.send(formData);
  });
}
