// The language switch (fi → sv → en) is kept across pages, after logging
// out and in, and in the account.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  T, scenario, visit, navigate, login, logout, htmlLang, loginLink, logoutButton,
} from '../lib/app.js';

/** Follows the language switch's link to `code`. */
async function switchTo(page, code) {
  await navigate(page, () => page.locator(`nav.langs a[hreflang="${code}"]`).click(), { status: 200 });
  assert.equal(await htmlLang(page), code);
  assert.equal(await page.locator('nav.langs a[aria-current]').getAttribute('hreflang'), code);
}

async function assertLanguage(page, code, heading) {
  assert.equal(await htmlLang(page), code, `<html lang> on ${page.url()}`);
  if (heading instanceof RegExp) assert.match((await page.locator('h1').textContent()).trim(), heading);
  else if (heading) assert.equal((await page.locator('h1').textContent()).trim(), heading);
}

/** The signed-in front page greets by name in each language. */
const WELCOME = { fi: /^Tervetuloa, /, sv: /^Välkommen, /, en: /^Welcome, / };

test('the chosen language is kept across pages, logout and login', () =>
  scenario('language', async (page) => {
    await visit(page, '/');
    await assertLanguage(page, 'fi', T.fi.home);
    assert.equal((await loginLink(page).textContent()).trim(), T.fi.login);

    await login(page, 'secretary');
    await assertLanguage(page, 'fi', WELCOME.fi);
    await switchTo(page, 'sv');
    await assertLanguage(page, 'sv', WELCOME.sv);
    assert.equal((await logoutButton(page).textContent()).trim(), T.sv.logout);
    await visit(page, '/regions');
    await assertLanguage(page, 'sv', 'Områden och organisationer');

    await switchTo(page, 'en');
    await assertLanguage(page, 'en', 'Regions and organisations');
    await visit(page, '/account');
    await assertLanguage(page, 'en', T.en.account);
    assert.equal((await logoutButton(page).textContent()).trim(), T.en.logout);

    // After logout the browser's choice stays.
    await logout(page);
    await assertLanguage(page, 'en', T.en.home);
    assert.equal((await loginLink(page).textContent()).trim(), T.en.login);
    await visit(page, '/login');
    await assertLanguage(page, 'en', T.en.loginTitle);

    // A browser without the cookie: Finnish until the account's saved
    // language takes over at login.
    await page.context().clearCookies();
    await visit(page, '/');
    await assertLanguage(page, 'fi', T.fi.home);
    await login(page, 'secretary');
    await assertLanguage(page, 'en', WELCOME.en);
    await visit(page, '/regions');
    await assertLanguage(page, 'en', 'Regions and organisations');

    // Back to Finnish for the other tests.
    await switchTo(page, 'fi');
    await assertLanguage(page, 'fi', 'Alueet ja organisaatiot');
  }));

test('a language chosen before login is kept after it and saved', () =>
  scenario('language-before-login', async (page) => {
    await visit(page, '/');
    await switchTo(page, 'sv');
    await visit(page, '/login');
    await assertLanguage(page, 'sv', T.sv.loginTitle);
    await login(page, 'coordinator');
    await assertLanguage(page, 'sv', WELCOME.sv);

    // Saved to the account: another browser gets it at login.
    await page.context().clearCookies();
    await login(page, 'coordinator');
    await assertLanguage(page, 'sv', WELCOME.sv);
    await switchTo(page, 'fi');
  }));
