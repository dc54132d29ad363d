// The auditor filters the access log and checks the hash chain.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  scenario, visit, submit, navigate, login, logout,
} from '../lib/app.js';

/** The rows of the log table as objects keyed by column. */
async function entries(page) {
  return page.locator('main table tbody tr').evaluateAll((rows) => rows.map((r) => {
    const c = [...r.cells].map((td) => td.textContent.trim());
    // The action cell shows the action in words; its code is the cell's title.
    return { seq: Number(c[0]), time: c[1], actor: c[2], role: c[3], action: r.cells[4].title, actionText: c[4], object: c[5], outcome: c[6], client: c[7] };
  }));
}

test('the auditor filters the access log by user, object and date', () =>
  scenario('audit-filter', async (page) => {
    // Something to find: the expert logs in and out.
    await login(page, 'expert');
    await logout(page);

    await login(page, 'auditor');
    await visit(page, '/audit');
    const all = await entries(page);
    assert.ok(all.length >= 2, 'the log has entries');

    await page.getByLabel('Käyttäjä', { exact: true }).fill('demo-expert');
    await submit(page, page.getByRole('button', { name: 'Suodata' }), { status: 200 });
    const url = new URL(page.url());
    assert.equal(url.pathname, '/audit');
    assert.equal(url.searchParams.get('actor'), 'demo-expert');
    assert.equal(await page.getByLabel('Käyttäjä', { exact: true }).inputValue(), 'demo-expert', 'the filter is kept');
    let rows = await entries(page);
    assert.ok(rows.length >= 2, 'the expert\'s login and logout are listed');
    assert.ok(rows.every((r) => r.actor === 'demo-expert'), `only demo-expert: ${JSON.stringify(rows)}`);
    const actions = rows.map((r) => r.action);
    assert.ok(actions.includes('login') && actions.includes('logout'), `actions: ${actions}`);
    assert.ok(rows.some((r) => r.actionText === 'Kirjautuminen'), 'the action in Finnish words');
    assert.ok(rows.every((r, i) => i === 0 || rows[i - 1].seq > r.seq), 'newest first');

    // Narrow to the object and today's date (Helsinki).
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(new Date());
    await page.getByLabel('Kohteen tyyppi').fill('user');
    await page.getByLabel('Alkaen').fill(today);
    await page.getByLabel('Asti').fill(today);
    await submit(page, page.getByRole('button', { name: 'Suodata' }), { status: 200 });
    rows = await entries(page);
    assert.ok(rows.length >= 2 && rows.every((r) => r.actor === 'demo-expert' && r.object.startsWith('user')));

    // A day with nothing.
    await page.getByLabel('Alkaen').fill('2001-01-01');
    await page.getByLabel('Asti').fill('2001-01-02');
    await submit(page, page.getByRole('button', { name: 'Suodata' }), { status: 200 });
    assert.equal(await page.locator('main table').count(), 0);
    assert.match(await page.locator('main').textContent(), /Ei merkintöjä näillä ehdoilla\./);

    // The chain is intact.
    await navigate(page, () => page.locator('main a[href="/audit/verify"]').click(), { status: 200 });
    assert.match(await page.locator('main [role=status]').textContent(), /\d/);
    assert.equal(await page.locator('main [role=alert]').count(), 0);
  }));

test('other roles cannot open the access log', () =>
  scenario('audit-forbidden', async (page) => {
    await login(page, 'admin');
    await visit(page, '/audit', { status: 403 });
    await visit(page, '/audit/verify', { status: 403 });
  }));

test('the auditor looks up who has seen one client\'s data', () =>
  scenario('audit-client', async (page) => {
    await login(page, 'auditor');
    await visit(page, '/audit');
    await navigate(page, () => page.locator('main a[href="/audit/client"]').click(), { status: 200 });
    const code = page.getByLabel('Asiakkaan henkilötunnus');
    await code.fill('131052-308A');
    await submit(page, page.getByRole('button', { name: 'Hae käsittelyt' }), { status: 422 });
    assert.equal(await code.getAttribute('aria-invalid'), 'true', 'a wrong check character is named');
    await code.fill('010114B1231');
    await submit(page, page.getByRole('button', { name: 'Hae käsittelyt' }), { status: 200 });
    assert.match(await page.locator('main [role=status]').textContent(), /ei ole tunnistettu/);
    assert.equal(new URL(page.url()).search, '', 'the code never goes into a URL');
  }));
