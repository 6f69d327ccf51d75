// The clerk's portal, loaded by app.js once a session exists. Patient ids and records live only in this
// module's state, never in the address bar, so they reach neither the browser history nor any log of URLs.

import * as api from './api.js';
import {BlockedError} from './api.js';
import {createDelineation} from './delineate.js';
import {byId, fill, focusHeading, h} from './dom.js';
import {idViolation} from './fields.js';
import {createIntake, setError} from './intake.js';
import {renderRecord} from './record.js';
import {createTrustPanel} from './trust.js';

const state = {patient: null, lastRequest: Date.now(), idleSeconds: 900};

function describe(error) {
  if (error instanceof BlockedError) return error.message;
  if (error instanceof TypeError || error.status === 0) return 'The platform could not be reached. Check the network and try again.';
  if (error.status === 403) return 'Your role does not allow this.';
  if (error.status === 503) return `The record store is briefly unavailable. Try again in ${error.retryAfter || 'a few'} seconds.`;
  return error.message;
}

function show(sectionId) {
  for (const id of ['intake-section', 'record-section']) byId(id).hidden = id !== sectionId;
  if (sectionId) focusHeading(byId(sectionId));
}

function openRecord(patient) {
  state.patient = patient;
  renderRecord(byId('record'), patient);
  fill(byId('record-title'), `${patient.fname} ${patient.lname}`);
  fill(byId('delineate-context'), 'For the open record of ', h('strong', {}, `${patient.fname} ${patient.lname}`), '.');
  show('record-section');
}

function lookup(intake) {
  byId('lookup-form').addEventListener('submit', async event => {
    event.preventDefault();
    const id = byId('f-lookup-id').value.trim();
    const problem = idViolation(id);
    setError('lookup-id', problem, 'Patient id');
    if (problem) return;
    fill(byId('lookup-status'), 'Looking up…');
    try {
      openRecord(await api.getJson(`/patient/${encodeURIComponent(id)}`, {patient: true}));
      fill(byId('lookup-status'), '');
    } catch (e) {
      if (e.status !== 404) return fill(byId('lookup-status'), describe(e));
      fill(byId('lookup-status'), 'No patient has this id yet: the intake form below is ready for them.');
      intake.open(id);
      show('intake-section');
    }
  });
  byId('new-patient').addEventListener('click', () => {
    intake.open(byId('f-lookup-id').value.trim());
    show('intake-section');
  });
}

function openExisting(id) {
  const button = h('button', {type: 'button', class: 'secondary'}, 'Open their record');
  button.addEventListener('click', async () => openRecord(await api.getJson(`/patient/${encodeURIComponent(id)}`, {patient: true})));
  return button;
}

async function signOut(reason = 'signedout') {
  state.patient = null;
  await api.remove('/auth/session').catch(() => null);
  location.replace(`/login?${reason}`);
}

function watchIdleness() {
  setInterval(() => {
    if (Date.now() - state.lastRequest > state.idleSeconds * 1000) location.replace('/login?expired');
  }, 15_000);
}

function onTrustState(trustState) {
  const blocked = trustState === 'failed';
  byId('blocked').hidden = !blocked;
  for (const fieldset of document.querySelectorAll('fieldset.patient-data')) fieldset.disabled = blocked;
}

/** Opens the portal for the signed-in caller {user, roles, csrfToken, idleTimeoutSeconds}. */
export async function start(me) {
  state.idleSeconds = me.idleTimeoutSeconds || state.idleSeconds;
  api.configure({csrf: me.csrfToken, onSignedOut: () => location.replace('/login?expired'),
    onRequest: () => { state.lastRequest = Date.now(); }});
  fill(byId('user-name'), me.user);
  byId('sign-out').addEventListener('click', () => signOut());
  byId('account').hidden = false;
  const trust = createTrustPanel(await api.getJson('/portal/config'), onTrustState);
  api.configure({gate: trust.gate});
  byId('main').hidden = false;
  if (!me.roles.includes('clerk')) {
    fill(byId('main'), h('p', {role: 'alert'}, 'This portal is for hospital clerks; your account cannot open patient records.'));
    return;
  }
  const intake = createIntake({onCreated: openRecord, onExists: openExisting, describe});
  lookup(intake);
  createDelineation({patientId: () => state.patient?.id, onResult: result => trust.showProvider(result)});
  watchIdleness();
  trust.verify();
}
