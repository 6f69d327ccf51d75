/**
 * The hospital web portal: the static pages and ES modules under {@code src/main/webapp} (served here, so
 * the browser loads nothing from another host), the clerk's session sign-in and sign-out on top of
 * {@code platform.security.SessionSignIn}, and the public configuration the page's trust panel verifies
 * the platform's attestation against. Imports only {@code platform}; no module imports it.
 */
package care.enclave.portal;
