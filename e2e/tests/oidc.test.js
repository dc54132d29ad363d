// Single sign-on through a real OpenID provider (e2e/oidc/provider.mjs,
// started by scripts/e2e.sh): the login page's provider button, the
// provider's login form, back signed in with the mapped roles; the logout
// page linking to the provider; an account waiting for approval.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scenario, visit, checkA11y, assertLoggedIn, logoutButton } from '../lib/app.js';

const ISSUER = process.env.OTALUSTA_E2E_OIDC_ISSUER;
assert.ok(ISSUER, 'OTALUSTA_E2E_OIDC_ISSUER is not set: run the browser tests through scripts/e2e.sh');

// The provider's own pages are not ours to check with axe: they are only
// passed through (marked checked so the scenario does not ask for it).
function passProviderPage(page) {
  const doc = page.__docs.at(-1);
  assert.ok(doc.url.startsWith(ISSUER), `at the provider: ${doc.url}`);
  doc.checked = true;
}

async function signInAtProvider(page, button, login) {
  // The provider's development login form loads a web font from the
  // internet, which is not reachable here (and not ours).
  await page.route('https://fonts.googleapis.com/**', (r) => r.fulfill({ status: 200, contentType: 'text/css', body: '' }));
  await Promise.all([page.waitForURL((u) => u.href.startsWith(ISSUER)), button.click()]);
  passProviderPage(page);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any');
  await Promise.all([
    page.waitForURL((u) => !u.href.startsWith(ISSUER), { timeout: 15_000 }),
    page.locator('button[type="submit"]').click(),
  ]);
  // Redirects through the provider leave documents of theirs behind.
  for (const d of page.__docs) if (d.url.startsWith(ISSUER)) d.checked = true;
  await page.waitForLoadState('load');
}

test('a person signs in through the organisation\'s identity provider', () =>
  scenario('oidc-login', async (page) => {
    await visit(page, '/login');
    const button = page.getByRole('link', { name: 'Kirjaudu: Testitunnistus' });
    await button.waitFor({ state: 'visible' });
    await signInAtProvider(page, button, 'e2e-sso-user');
    await checkA11y(page);
    assert.equal(new URL(page.url()).pathname, '/');
    await assertLoggedIn(page);
    assert.match(await page.locator('header a.who').textContent(), /Test e2e-sso-user/);

    // Logout: the platform's session ends; the page offers the provider's logout.
    await Promise.all([page.waitForNavigation(), logoutButton(page).click()]);
    await checkA11y(page);
    const link = page.locator('#provider-logout');
    assert.match(await link.textContent(), /Testitunnistus/);
    assert.ok((await link.getAttribute('href')).startsWith(`${ISSUER}/session/end`));
    assert.equal(await logoutButton(page).count(), 0, 'signed out here');
  }));

test('a new account waits for an administrator\'s approval', () =>
  scenario('oidc-approval', async (page) => {
    await visit(page, '/login');
    const button = page.getByRole('link', { name: 'Kirjaudu: Hyväksyttävä tunnistus' });
    await signInAtProvider(page, button, 'e2e-waiting');
    await checkA11y(page);
    assert.match(await page.locator('h1').textContent(), /odottaa hyväksyntää/);
    assert.match(await page.locator('main').textContent(), /Hyväksyttävä tunnistus/);
  }));
