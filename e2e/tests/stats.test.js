// Statistics (issue 19): the coordinator sees her region's figures from the
// demo's two years of requests, with charts (inline SVG with a text
// alternative) beside the tables, small counts as "<5", the rule explained,
// and the CSV and XLSX exports; another region is refused. The researcher
// sees every region and the whole country, but no case and no list of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scenario, visit, submit, signIn, htmlLang } from '../lib/app.js';

const text = async (locator) => (await locator.textContent()).replace(/\s+/g, ' ').trim();
/** The cells of the table captioned `caption`: rows of [header, …cells]. */
const table = (page, caption) => page.locator('main table').filter({ has: page.locator('caption', { hasText: caption }) })
  .first()
  .evaluate((t) => [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent.trim())));

test('the coordinator sees her region, its charts and exports, small counts protected', () =>
  scenario('stats-coordinator', async (page) => {
    await signIn(page, 'coordinator');
    await visit(page, '/');
    await submit(page, page.locator('nav a[href="/stats"]'), { status: 200 });
    assert.equal(await text(page.locator('main h1')), 'Tilastot');
    assert.match(await text(page.locator('main')), /Alue: Itä-Suomen yhteistyöalue\./);
    // The rule is on the page.
    assert.match(await text(page.locator('main section.stats-rule')), /alle 5 tapaukseen/);
    // Requests by month: this year's months and the total; the total is a
    // figure, and no cell shows a count from 1 to 4.
    const rows = await table(page, 'Konsultaatiopyynnöt kuukausittain');
    assert.ok(rows.length >= 2, `rows: ${JSON.stringify(rows)}`);
    const total = rows.at(-1);
    assert.equal(total[0], 'Yhteensä');
    assert.match(total[1], /^\d+$/, `the year's total is shown: ${total}`);
    assert.ok(Number(total[1]) >= 5);
    for (const r of rows) for (const c of r.slice(1)) assert.ok(!/^[1-4]$/.test(c), `small count shown: ${r}`);
    // The chart beside it: an image with a title and a description.
    const chart = page.locator('main figure svg[role=img]').first();
    assert.ok(await chart.count());
    const labelled = await chart.getAttribute('aria-labelledby');
    assert.match(labelled, /title .*desc/);
    assert.ok(await page.locator('main figure svg rect.chart-bar').count() > 0, 'bars drawn');
    // All years.
    await page.locator('#period').selectOption('all');
    await submit(page, page.getByRole('button', { name: 'Näytä' }), { status: 200 });
    const years = await table(page, 'Konsultaatiopyynnöt kuukausittain');
    assert.ok(years.length >= 3, `two years and the total: ${JSON.stringify(years)}`);
    // Exports of the same view.
    const csv = await page.request.get('/stats/export.csv?period=all&region=ita-suomi');
    assert.equal(csv.status(), 200);
    assert.match(csv.headers()['content-type'], /text\/csv/);
    assert.match((await csv.body()).toString('utf8'), /Konsultaatiopyynnöt kuukausittain/);
    const xlsx = await page.request.get('/stats/export.xlsx?period=all&region=ita-suomi');
    assert.equal(xlsx.status(), 200);
    assert.equal((await xlsx.body()).subarray(0, 2).toString(), 'PK', 'an XLSX (zip) file');
    // Another region: refused.
    await visit(page, '/stats?region=lansi-suomi', { status: 403 });
  }));

test('the researcher sees every region, in Swedish too, and never a case', () =>
  scenario('stats-researcher', async (page) => {
    await signIn(page, 'researcher');
    await visit(page, '/stats?period=all&region=all');
    const regions = await table(page, 'Konsultaatiopyynnöt alueittain');
    assert.ok(regions.some((r) => r[0] === 'Koko maa'), JSON.stringify(regions));
    assert.ok(regions.some((r) => r[0] === 'Itä-Suomen yhteistyöalue'), JSON.stringify(regions));
    await visit(page, '/stats?period=all&region=all&lang=sv');
    assert.equal(await htmlLang(page), 'sv');
    assert.equal(await text(page.locator('main h1')), 'Statistik');
    await visit(page, '/requests', { status: 403 });
    await visit(page, '/audit', { status: 403 });
  }));
