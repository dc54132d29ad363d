// The administrator creates an account through /admin/users/new; the new
// account can log in with the initial password, and must change it first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  scenario, visit, navigate, submit, login, logout, assertLoggedIn,
} from '../lib/app.js';

test('the admin creates a user, who can then log in', () =>
  scenario('admin-create-user', async (page) => {
    const name = `e2e-${Date.now().toString(36)}`;
    await login(page, 'admin');
    await visit(page, '/admin/users');
    await navigate(page, () => page.locator('main a[href="/admin/users/new"]').click(), { status: 200 });
    assert.equal((await page.locator('h1').textContent()).trim(), 'Uusi käyttäjä');

    // Every field has a label (axe checks it too) and the form starts clean.
    await page.getByLabel('Käyttäjätunnus').fill(name);
    await page.getByLabel('Nimi', { exact: true }).fill('Eetu Testaaja');
    await page.getByLabel('Sähköposti').fill(`${name}@example.fi`);
    await page.getByLabel('Ammattinimike').fill('Psykologi');
    await page.getByLabel('OT-koordinaattori').check();
    await page.getByLabel('Asiantuntija').check();

    // A coordinator needs an area: the server says so at the field.
    await submit(page, page.getByRole('button', { name: 'Luo käyttäjä' }), { status: 422 });
    assert.equal(await page.locator('main [role=alert]').count(), 1);
    const area = page.locator('#area');
    assert.equal(await area.getAttribute('aria-invalid'), 'true');
    assert.match(await area.getAttribute('aria-describedby'), /\barea-error\b/);
    assert.ok(await page.locator('#area-error').isVisible());
    assert.equal(await page.locator('#username').inputValue(), name, 'the input is kept');
    assert.ok(await page.getByLabel('Asiantuntija').isChecked());

    await area.selectOption('ita-suomi');
    await submit(page, page.getByRole('button', { name: 'Luo käyttäjä' }), { status: 200 });
    assert.equal((await page.locator('h1').textContent()).trim(), 'Käyttäjä luotu');
    assert.match(await page.locator('main [role=status]').textContent(), new RegExp(name));
    const initial = (await page.locator('code.secret').textContent()).trim();
    assert.ok(initial.length >= 12, 'an initial password is shown');

    await visit(page, '/admin/users');
    const row = page.locator('tbody tr', { has: page.locator(`a:text-is("${name}")`) });
    assert.equal(await row.count(), 1, 'the new user is listed');
    assert.match(await row.textContent(), /Eetu Testaaja/);
    await navigate(page, () => row.locator('a').click(), { status: 200 });
    assert.match(await page.locator('main').textContent(), /OT-koordinaattori \(ita-suomi\)/);
    await logout(page);

    // The new account works, but the administrator's password must be
    // changed first: every page leads to the password page until then.
    await login(page, name, { password: initial });
    await assertLoggedIn(page);
    assert.equal((await page.locator('header a.who').textContent()).trim(), 'Eetu Testaaja');
    assert.equal(new URL(page.url()).pathname, '/account/password');
    assert.equal(await page.locator('main [role=status]').count(), 1, 'the reason is shown');
    await visit(page, '/account');
    assert.equal(new URL(page.url()).pathname, '/account/password', 'other pages lead back');
    await page.locator('#current').fill(initial);
    await page.locator('#new').fill('salasana1234');
    await page.locator('#confirm').fill('salasana1234');
    await submit(page, page.getByRole('button', { name: 'Vaihda salasana' }), { status: 422 });
    assert.match(await page.locator('#new-error').textContent(), /liian yleinen/);
    const own = 'eetun oma pitkä salalause';
    await page.locator('#current').fill(initial);
    await page.locator('#new').fill(own);
    await page.locator('#confirm').fill(own);
    await submit(page, page.getByRole('button', { name: 'Vaihda salasana' }), { status: 200 });
    assert.equal(new URL(page.url()).pathname, '/account');
    await visit(page, '/regions');
    await logout(page);
  }));
