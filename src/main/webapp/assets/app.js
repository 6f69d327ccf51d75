// The portal's entry point: only a signed-in browser loads the portal's code; others go to the sign-in page.

import {getJson} from './api.js';

let me = null;
try {
  me = await getJson('/auth/session');
} catch (e) {
  location.replace(e.status === 401 ? '/login' : '/login?unavailable');
}
if (me) {
  const portal = await import('./portal.js');
  await portal.start(me);
}
