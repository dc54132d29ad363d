// Own account: a personal API token is created, shown once, and revoked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scenario, visit, submit, login, BASE_URL } from '../lib/app.js';

test('a personal API token is created, works, and is revoked', () =>
  scenario('account-tokens', async (page) => {
    await login(page, 'requester');
    await visit(page, '/account');
    await page.getByLabel('Avaimen nimi').fill('e2e-skripti');
    await submit(page, page.getByRole('button', { name: 'Luo API-avain' }), { status: 200 });
    const token = (await page.locator('main [role=status] code.secret').textContent()).trim();
    assert.match(token, /^otl_/);

    // Outside the browser, as a script would use it.
    const me = await fetch(`${BASE_URL}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(me.status, 200);
    assert.equal((await me.json()).username, 'demo-requester');

    const row = page.locator('main table tbody tr', { hasText: 'e2e-skripti' });
    assert.equal(await row.count(), 1);
    await submit(page, row.getByRole('button'), { status: 200 });
    assert.equal(new URL(page.url()).search, '?done=revoked');
    assert.equal(await page.locator('main [role=status]').count(), 1);
    assert.equal(await page.locator('main code.secret').count(), 0, 'the token is not shown again');
    const after = await fetch(`${BASE_URL}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(after.status, 401, 'a revoked token no longer works');
  }));
