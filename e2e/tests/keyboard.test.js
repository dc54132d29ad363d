// Keyboard only: the skip link, visible focus and a sensible tab order on
// the login form, then the password change form with a field error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  scenario, visit, navigate, checkA11y, focused, assertFocusVisible, tabTo, assertLoggedIn,
  username, PASSWORD,
} from '../lib/app.js';

const who = 'researcher';

/** The ids an element's aria-describedby names, and their text. */
async function description(page, selector) {
  return page.locator(selector).evaluate((el) => {
    const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    return { ids, text: ids.map((id) => document.getElementById(id)?.textContent.trim() ?? `(missing #${id})`).join(' ') };
  });
}

test('log in and change the password with the keyboard only', () =>
  scenario('keyboard', async (page) => {
    await visit(page, '/login');

    // The skip link is the first stop, visible when focused, and works.
    await page.keyboard.press('Tab');
    let f = await assertFocusVisible(page);
    assert.equal(f.href, '#main', `the first Tab stop is the skip link, not ${JSON.stringify(f)}`);
    assert.equal(f.text, 'Siirry sisältöön');
    const box = await page.locator('a.skip-link').boundingBox();
    assert.ok(box && box.x >= 0 && box.y >= 0, `the focused skip link is on screen: ${JSON.stringify(box)}`);
    await page.keyboard.press('Enter');
    assert.equal((await focused(page)).id, 'main', 'the skip link moves the focus to <main>');
    await checkA11y(page);

    // From <main>: user name → password → submit, each with visible focus.
    await page.keyboard.press('Tab');
    f = await assertFocusVisible(page);
    assert.equal(f.id, 'username', `after the skip link comes the user name, not ${JSON.stringify(f)}`);
    await page.keyboard.type(username(who));
    await page.keyboard.press('Tab');
    f = await assertFocusVisible(page);
    assert.equal(f.id, 'password');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Tab');
    f = await assertFocusVisible(page);
    assert.equal(f.tag, 'button');
    assert.equal(f.type, 'submit');
    await page.keyboard.press('Shift+Tab');
    assert.equal((await assertFocusVisible(page)).id, 'password', 'Shift+Tab goes back to the password');
    await page.keyboard.press('Tab');
    await navigate(page, () => page.keyboard.press('Enter'), { status: 200 });
    await assertLoggedIn(page);
    assert.equal(new URL(page.url()).pathname, '/');

    // To the account page through the menu, by keyboard.
    await page.locator('body').focus();
    f = await tabTo(page, (x) => x.href === '/account' && x.text === 'Oma tili');
    await assertFocusVisible(page);
    await navigate(page, () => page.keyboard.press('Enter'), { status: 200 });
    assert.equal(new URL(page.url()).pathname, '/account');

    // The password change form: a wrong current password.
    f = await tabTo(page, (x) => x.id === 'current');
    await assertFocusVisible(page);
    await page.keyboard.type('this is not it');
    await page.keyboard.press('Tab');
    assert.equal((await assertFocusVisible(page)).id, 'new', 'current → new password');
    await page.keyboard.type('uusi pitkä salasana 2026');
    await page.keyboard.press('Tab');
    assert.equal((await assertFocusVisible(page)).id, 'confirm', 'new → confirmation');
    await page.keyboard.type('uusi pitkä salasana 2026');
    await page.keyboard.press('Tab');
    f = await assertFocusVisible(page);
    assert.equal(f.tag, 'button');
    assert.equal(f.text, 'Vaihda salasana');
    await navigate(page, () => page.keyboard.press('Enter'), { status: 422 });

    // The error is shown, tied to its field and announced.
    const current = page.locator('#current');
    assert.equal(await current.getAttribute('aria-invalid'), 'true');
    const d = await description(page, '#current');
    assert.ok(d.ids.includes('current-error'), `aria-describedby of #current: ${d.ids}`);
    assert.match(d.text, /Nykyinen salasana on väärin\./);
    assert.ok(await page.locator('#current-error').isVisible(), 'the field error is visible');
    const alert = page.locator('main [role=alert]');
    assert.equal(await alert.count(), 1, 'a summary is announced (role=alert)');
    assert.ok(await alert.isVisible());
    assert.equal(await page.locator('#new').getAttribute('aria-invalid'), null, 'the new password was fine');
    assert.equal(await page.locator('#confirm').getAttribute('aria-invalid'), null);
    assert.equal(await current.inputValue(), '', 'passwords are not echoed back');
    // Nothing changed: still logged in.
    await assertLoggedIn(page);
  }));
