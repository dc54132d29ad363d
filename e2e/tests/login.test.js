// Every demo role logs in and out through the real form and opens the
// pages of its menu; the 404 page is localized.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ROLES, T, scenario, login, logout, visit, submit, loginLink, htmlLang, username,
} from '../lib/app.js';

for (const role of ROLES) {
  test(`${role} logs in, opens the menu's pages and logs out`, () =>
    scenario(`login-${role}`, async (page) => {
      await visit(page, '/');
      await loginLink(page).waitFor({ state: 'visible' });
      await login(page, role);
      assert.equal(new URL(page.url()).pathname, '/');
      const name = (await page.locator('header a.who').textContent()).trim();
      assert.ok(name.length > 0, 'the user name is shown in the header');
      assert.match(await page.locator('main').textContent(), new RegExp(name));

      // Every page of this role's menu opens and passes the checks.
      const links = await page.locator('nav.main-nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.ok(links.includes('/account') && links.includes('/regions'), `menu: ${links}`);
      assert.equal(links.includes('/audit'), role === 'auditor', 'only the auditor has the access log');
      assert.equal(links.includes('/admin/users'), role === 'admin', 'only the admin has the users');
      for (const href of links.filter((h) => h !== '/')) {
        await visit(page, href);
        assert.equal(await page.locator('nav.main-nav a[aria-current="page"]').getAttribute('href'), href);
      }
      await visit(page, '/account');
      assert.match(await page.locator('main dl.facts').textContent(), new RegExp(username(role)));

      await logout(page);
      assert.equal(new URL(page.url()).pathname, '/');
      const res = await visit(page, '/account');
      assert.equal(new URL(page.url()).pathname, '/login', 'the account page needs a login again');
      assert.equal(new URL(page.url()).searchParams.get('next'), '/account');
      assert.ok(res.request().redirectedFrom(), 'reached /login through a redirect');
    }));
}

test('a wrong password is refused with an announced error', () =>
  scenario('login-wrong-password', async (page) => {
    await visit(page, '/login');
    await page.locator('#username').fill('demo-expert');
    await page.locator('#password').fill('not the password');
    await submit(page, page.locator('main form button[type=submit]'), { status: 401 });
    const alert = page.locator('[role=alert]');
    assert.equal((await alert.textContent()).trim(), 'Käyttäjätunnus tai salasana on väärin.');
    for (const id of ['#username', '#password']) {
      assert.equal(await page.locator(id).getAttribute('aria-invalid'), 'true');
      assert.equal(await page.locator(id).getAttribute('aria-describedby'), 'login-error');
    }
    assert.equal(await page.locator('#username').inputValue(), 'demo-expert', 'the user name is kept');
    assert.equal(await loginLink(page).count(), 1);
  }));

test('an unknown page answers 404 in the chosen language', () =>
  scenario('not-found', async (page) => {
    await visit(page, '/no-such-page', { status: 404 });
    assert.equal(await htmlLang(page), 'fi');
    assert.equal((await page.locator('h1').textContent()).trim(), 'Sivua ei löydy');
    await visit(page, '/no-such-page?lang=sv', { status: 404 });
    assert.equal(await htmlLang(page), 'sv');
    assert.equal((await page.locator('h1').textContent()).trim(), 'Sidan hittades inte');
    await visit(page, '/?lang=en');
    assert.equal((await page.locator('h1').textContent()).trim(), T.en.home);
    await visit(page, '/still-missing', { status: 404 });
    assert.equal((await page.locator('h1').textContent()).trim(), 'Page not found');
  }));
