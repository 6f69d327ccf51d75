// The sign-in page: credentials go to POST /auth/session as JSON; on success the portal opens.

import {ApiError, postJson} from './api.js';
import {byId, fill} from './dom.js';

const NOTICES = {
  expired: 'Your session ended after a period without activity. Please sign in again.',
  signedout: 'You have signed out.',
  unavailable: 'The platform could not be reached. Try again in a moment.',
};

const notice = Object.keys(NOTICES).find(key => new URLSearchParams(location.search).has(key));
fill(byId('login-notice'), notice ? NOTICES[notice] : '');

byId('login-form').addEventListener('submit', async event => {
  event.preventDefault();
  const username = byId('username').value.trim();
  const password = byId('password').value;
  if (!username || !password) {
    fill(byId('login-error'), 'Enter your user name and password.');
    return;
  }
  byId('sign-in').disabled = true;
  try {
    await postJson('/auth/session', {username, password});
    location.replace('/');
  } catch (e) {
    byId('password').value = '';
    byId('password').focus();
    fill(byId('login-error'), !(e instanceof ApiError) || e.status === 0 ? 'The platform could not be reached.'
      : e.status === 429 ? `Too many failed attempts. Wait ${e.retryAfter || 'a minute'} seconds and try again.`
        : e.status === 401 ? 'The user name or password is not right.' : e.message);
  } finally {
    byId('sign-in').disabled = false;
  }
});
