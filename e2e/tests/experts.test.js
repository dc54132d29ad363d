// The expert network: Finnish search with its reasons and filters, the
// channels in the same search, Swedish, the public directory, one's own
// profile, the coordinator's import and export, the taxonomy's synonyms,
// and the search by keyboard only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  scenario, visit, submit, navigate, signIn, focused, assertFocusVisible, tabTo, htmlLang,
} from '../lib/app.js';

const CUSTODY = 'Vaativat huoltoriidat ja haastavat erot';
const DEMO_GROUP = 'Haastavat erot -konsultaatioryhmä';

/** The number in the results heading ("41 tulosta", "1 tulos", "Ei tuloksia", "4 resultat"). */
async function total(page) {
  const h = (await page.locator('#results-h').textContent()).trim();
  const n = h.match(/^\d+/);
  return n ? Number(n[0]) : 0;
}

/** The results of the current page. */
async function results(page) {
  return page.locator('main ol.results > li').evaluateAll((lis) => lis.map((li) => ({
    kind: li.classList.contains('group') ? 'group' : 'expert',
    name: li.querySelector('h3 a').textContent.trim(),
    href: li.querySelector('h3 a').getAttribute('href'),
    text: li.textContent.replace(/\s+/g, ' ').trim(),
    reasons: [...li.querySelectorAll('.reasons .why')].map((s) => s.textContent.trim()),
  })));
}

/** Every result's link over all the pages of the current search. */
async function allHrefs(page) {
  const hrefs = [];
  for (;;) {
    hrefs.push(...(await results(page)).map((r) => r.href));
    const next = page.locator('main nav a', { hasText: 'Seuraava sivu' });
    if (await next.count() === 0) return hrefs;
    await navigate(page, () => next.click(), { status: 200 });
  }
}

/** Submits the search form with its button (Finnish "Hae"). */
const search = (page, name = 'Hae') => submit(page, page.locator('main form[role=search] button[type=submit]', { hasText: name }), { status: 200 });

/** A CSV file for setInputFiles. */
const csv = (name, lines) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8') });

/** Downloads the export of `area` from the import page and returns its text. */
async function exportCsv(page, areaName) {
  const link = page.locator('main li', { hasText: areaName }).getByRole('link', { name: 'CSV', exact: true });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  assert.match(download.suggestedFilename(), /^asiantuntijat-ita-suomi-\d{4}-\d{2}-\d{2}\.csv$/);
  const chunks = [];
  for await (const c of await download.createReadStream()) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}

test('the requester searches with an inflected word, narrows with filters, and finds a channel', () =>
  scenario('experts-search', async (page) => {
    await signIn(page, 'requester');
    await visit(page, '/experts');
    await page.getByLabel('Hakusanat').fill('huoltoriidoissa');
    await search(page);
    assert.equal(new URL(page.url()).searchParams.get('q'), 'huoltoriidoissa');
    const all = await total(page);
    const found = await results(page);
    assert.ok(all > 1 && found.length > 0, `results for huoltoriidoissa: ${all}`);
    assert.ok(
      found[0].reasons.some((r) => r === `Ilmiö ${CUSTODY}: huoltoriidoissa → huoltoriita`),
      `the reason names the base form: ${found[0].reasons}`,
    );
    assert.ok(found.every((r) => r.reasons.some((x) => x.includes('huoltoriidoissa → huoltoriita'))));

    // Each filter narrows the same search, and what is left fits it.
    await page.getByLabel('Sektori').selectOption({ label: 'Terveyspalvelut' });
    await search(page);
    const health = await total(page);
    assert.ok(health > 0 && health < all, `sector Terveyspalvelut: ${health} of ${all}`);
    await page.getByLabel('Palvelee aluetta').selectOption({ label: 'Itä-Suomen yhteistyöalue' });
    await search(page);
    const east = await total(page);
    assert.ok(east > 0 && east < health, `and Itä-Suomi: ${east} of ${health}`);
    assert.ok((await results(page)).every((r) => r.text.includes('Itä-Suomen yhteistyöalue')));
    await page.getByLabel('Vain etäkonsultaatio').check();
    await search(page);
    const remote = await total(page);
    assert.ok(remote > 0 && remote <= east, `and remote: ${remote} of ${east}`);
    assert.ok((await results(page)).every((r) => r.kind !== 'expert' || r.text.includes('Etäkonsultaatio mahdollinen')));
    assert.ok(await page.getByLabel('Vain etäkonsultaatio').isChecked(), 'the filters are kept');

    // Language instead: the same words in Swedish-speaking hands.
    await page.getByLabel('Sektori').selectOption('');
    await page.getByLabel('Palvelee aluetta').selectOption('');
    await page.getByLabel('Vain etäkonsultaatio').uncheck();
    await page.getByRole('search').getByLabel('Kieli').selectOption({ label: 'ruotsi' });
    await search(page);
    const swedish = await total(page);
    assert.ok(swedish > 0 && swedish < all, `language ruotsi: ${swedish} of ${all}`);
    assert.ok((await results(page)).every((r) => r.kind !== 'expert' || /\bruotsi\b/.test(r.text)));

    // Only the channels: the phenomenon and the area, no words.
    await page.getByLabel('Hakusanat').fill('');
    await page.getByRole('search').getByLabel('Kieli').selectOption('');
    await page.getByLabel('Näytä', { exact: true }).selectOption({ label: 'Vain konsultaatiokanavat' });
    await page.getByLabel('Ilmiö', { exact: true }).selectOption({ label: CUSTODY });
    await page.getByLabel('Palvelee aluetta').selectOption({ label: 'Itä-Suomen yhteistyöalue' });
    await search(page);
    assert.equal(new URL(page.url()).searchParams.get('kind'), 'groups');
    const channels = await results(page);
    assert.ok(channels.length > 0 && channels.every((r) => r.kind === 'group'), JSON.stringify(channels));
    const group = channels.find((r) => r.name === DEMO_GROUP);
    assert.ok(group, `${DEMO_GROUP} among ${channels.map((r) => r.name)}`);
    assert.match(group.text, /Konsultaatiokanava/);
    assert.match(group.href, /^\/groups\/\d+$/);
  }));

test('the search works in Swedish', () =>
  scenario('experts-swedish', async (page) => {
    await signIn(page, 'requester');
    try {
      await visit(page, '/experts?lang=sv');
      assert.equal(await htmlLang(page), 'sv');
      assert.equal((await page.locator('h1').textContent()).trim(), 'Experter och konsultationskanaler');
      await page.getByLabel('Sökord').fill('vårdnadstvister');
      await search(page, 'Sök');
      assert.equal(await htmlLang(page), 'sv');
      assert.match((await page.locator('#results-h').textContent()).trim(), /^\d+ resultat$/);
      const found = await results(page);
      assert.ok(found.length > 0, 'results for vårdnadstvister');
      assert.ok(
        found[0].reasons.some((r) => r.startsWith('Fenomen Svåra vårdnadstvister och separationer: vårdnadstvister')),
        `Swedish reasons: ${found[0].reasons}`,
      );
      // Channels that fit come first, in their own section; then the experts.
      assert.match(found[0].text, /Konsultationskanal/);
      assert.ok(found.some((r) => /Expert/.test(r.text)), 'experts follow the channels');
    } finally {
      // The account keeps the language: back to Finnish for the other tests.
      await visit(page, '/experts?lang=fi');
    }
    assert.equal(await htmlLang(page), 'fi');
  }));

test('an anonymous visitor sees the public directory, only published profiles', () =>
  scenario('experts-public', async (page) => {
    await visit(page, '/experts');
    assert.equal((await page.locator('h1').textContent()).trim(), 'Asiantuntijahakemisto');
    assert.equal(await page.locator('#paused').count(), 0, 'no "Näytä myös tauolla olevat" in public');
    assert.equal(await page.getByLabel('Näytä myös tauolla olevat').count(), 0);
    await page.getByLabel('Hakusanat').fill('huoltoriidoissa');
    await search(page);
    const published = await allHrefs(page);
    assert.ok(published.length > 0, 'the directory has published experts');
    const first = published.find((h) => h.startsWith('/experts/'));
    await visit(page, first);
    assert.equal(new URL(page.url()).pathname, first, 'a published profile opens without a login');

    // Signed in, the same search finds more (asked through the API); those
    // profiles are not public.
    await signIn(page, 'requester');
    const everyone = [];
    for (let n = 1; ; n++) {
      const res = await page.request.get(`/api/v1/experts?q=huoltoriidoissa&page=${n}`);
      assert.equal(res.status(), 200);
      const { total: all, hits } = await res.json();
      everyone.push(...hits.map((h) => `/${h.kind === 'group' ? 'groups' : 'experts'}/${h.id}`));
      if (hits.length === 0 || everyone.length >= all) break;
    }
    const hidden = everyone.filter((h) => h.startsWith('/experts/') && !published.includes(h));
    assert.ok(hidden.length > 0, `signed in finds more (${everyone.length}) than the directory (${published.length})`);
    assert.ok(published.every((h) => everyone.includes(h)), 'the directory shows nothing the network does not');
    await page.context().clearCookies();
    await visit(page, hidden[0]);
    assert.equal(new URL(page.url()).pathname, '/login', `an unpublished profile ${hidden[0]} needs a login`);
  }));

test('the expert edits their own profile and the search finds the new word inflected', () =>
  scenario('experts-own-profile', async (page) => {
    await signIn(page, 'expert');
    await visit(page, '/experts/me');
    const profile = new URL(page.url()).pathname;
    assert.match(profile, /^\/experts\/\d+$/, 'Oma profiili leads to the own profile');
    const name = (await page.locator('h1').textContent()).trim();
    await navigate(page, () => page.getByRole('link', { name: 'Muokkaa profiilia' }).click(), { status: 200 });
    const description = page.getByLabel('Kuvaus suomeksi');
    const before = await description.inputValue();
    assert.doesNotMatch(before, /sirkus/);
    await description.fill(`${before} Ohjaan myös sirkusterapiaa.`);
    await submit(page, page.getByRole('button', { name: 'Tallenna', exact: true }), { status: 200 });
    assert.equal(new URL(page.url()).pathname, profile);
    assert.equal((await page.locator('main [role=status]').textContent()).trim(), 'Profiili on tallennettu.');
    assert.match(await page.locator('main .prewrap').textContent(), /Ohjaan myös sirkusterapiaa\./);

    await visit(page, '/experts?q=sirkusterapiassa');
    const found = await results(page);
    const me = found.find((r) => r.href === profile);
    assert.ok(me, `${name} is found by sirkusterapiassa: ${found.map((r) => r.name)}`);
    assert.ok(me.reasons.includes('Osaaminen: sirkusterapiassa → sirkusterapia'), `reasons: ${me.reasons}`);
  }));

test('the coordinator exports the area, an import with a bad row imports nothing, a good one is imported', () =>
  scenario('experts-import', async (page) => {
    const tag = Date.now().toString(36);
    const header = 'sähköposti;nimi;nimike;alue;sektorit;ilmiöt;kielet;etä;osaaminen';
    const good = [
      `hilda.tuontinen.${tag}@example.fi;Hilda Tuontinen;psykologi;Itä-Suomi;terveys;Vaativa sijaishuolto;suomi;kyllä;Teen leikkiterapiaa sijoitetuille lapsille.`,
      `olli.tuontinen.${tag}@example.fi;Olli Tuontinen;sosiaalityöntekijä;Itä-Suomi;sosiaali;${CUSTODY};"suomi; ruotsi";ei;Eroauttaminen.`,
    ];
    await signIn(page, 'coordinator');
    await visit(page, '/experts');
    await navigate(page, () => page.locator('main a[href="/experts/import"]').click(), { status: 200 });
    assert.equal((await page.locator('h1').textContent()).trim(), 'Tuo ja vie asiantuntijaluettelo');

    const exported = await exportCsv(page, 'Itä-Suomen yhteistyöalue');
    const lines = exported.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    assert.match(lines[0], /^email;name;title;/);
    assert.ok(lines.length > 10, `the area has experts: ${lines.length - 1}`);
    assert.ok(exported.includes('demo-expert@example.invalid'), 'the demo expert of Itä-Suomi is exported');

    // One row without its title (nimike): nothing is imported.
    const broken = [...good];
    broken[1] = broken[1].replace(';sosiaalityöntekijä;', ';;');
    await page.getByLabel('Taulukkotiedosto').setInputFiles(csv('e2e-virhe.csv', [header, ...broken]));
    await submit(page, page.getByRole('button', { name: 'Tarkista tiedosto' }), { status: 422 });
    assert.match(await page.locator('main [role=alert]').textContent(), /mitään ei tuotu[\s\S]*e2e-virhe\.csv/);
    const problems = await page.locator('main table tbody tr').evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.textContent.trim())));
    assert.equal(problems.length, 1, JSON.stringify(problems));
    const [row, column, message] = problems[0];
    assert.equal(row, '3', 'the spreadsheet row (header is row 1)');
    assert.match(column, /^(title|nimike)$/, `the column: ${column}`);
    assert.equal(message, 'Tämä tieto on pakollinen.');
    assert.ok(!(await exportCsv(page, 'Itä-Suomen yhteistyöalue')).includes(`.${tag}@example.fi`), 'neither row was imported');

    // The whole file fixed: preview, then confirm.
    await page.getByLabel('Taulukkotiedosto').setInputFiles(csv('e2e-hyva.csv', [header, ...good]));
    await submit(page, page.getByRole('button', { name: 'Tarkista tiedosto' }), { status: 200 });
    assert.equal((await page.locator('h1').textContent()).trim(), 'Tarkista tuonti');
    assert.match(await page.locator('main [role=status]').textContent(), /e2e-hyva\.csv.*2 uutta ja 0 päivitettävää/);
    const preview = await page.locator('main table tbody tr td:nth-child(2)').allTextContents();
    assert.deepEqual(preview, ['Hilda Tuontinen', 'Olli Tuontinen']);
    await submit(page, page.getByRole('button', { name: 'Tuo kaikki rivit' }), { status: 200 });
    assert.equal((await page.locator('h1').textContent()).trim(), 'Tuonti valmis');
    assert.match(await page.locator('main [role=status]').textContent(), /e2e-hyva\.csv: 2 profiilia tallennettu\./);

    // Searchable at once.
    await visit(page, '/experts?q=leikkiterapiassa');
    const found = await results(page);
    assert.ok(found.some((r) => r.name === 'Hilda Tuontinen'), `imported and indexed: ${found.map((r) => r.name)}`);
  }));

test('the coordinator adds a synonym to a phenomenon and the search finds its experts by it', () =>
  scenario('experts-taxonomy', async (page) => {
    await signIn(page, 'coordinator');
    await visit(page, '/experts?q=vieraannuttamisesta');
    assert.equal(await total(page), 0, 'nothing before the synonym');
    await visit(page, `/experts?phenomenon=custody-disputes`);
    const experts = await total(page);
    assert.ok(experts > 0);

    await visit(page, '/phenomena');
    assert.equal((await page.locator('h1').textContent()).trim(), 'Ilmiöt');
    assert.ok((await page.locator('main table tbody tr').count()) >= 10, 'the taxonomy is listed');
    await navigate(page, () => page.locator('main table th a', { hasText: CUSTODY }).click(), { status: 200 });
    assert.equal((await page.locator('h1').textContent()).trim(), 'Muokkaa ilmiötä');
    const synonyms = page.getByLabel('Muut nimitykset');
    await synonyms.fill(`${await synonyms.inputValue()}, vieraannuttaminen`);
    await submit(page, page.getByRole('button', { name: 'Tallenna', exact: true }), { status: 200 });
    assert.equal(new URL(page.url()).pathname, '/phenomena');
    assert.match(await page.locator('main table tbody tr', { hasText: CUSTODY }).textContent(), /vieraannuttaminen/);

    await visit(page, '/experts?q=vieraannuttamisesta');
    assert.equal(await total(page), experts, 'the synonym finds the phenomenon\'s experts and channels');
    const found = await results(page);
    // Voikko takes the -minen noun to its verb: vieraannuttamisesta → vieraannuttaa.
    assert.ok(found.every((r) => r.reasons.some((x) => x.startsWith(`Ilmiö ${CUSTODY}: vieraannuttamisesta → vieraannutta`))), JSON.stringify(found[0]));
  }));

test('search with the keyboard only: skip link, type, Enter, Tab to the first result', () =>
  scenario('experts-keyboard', async (page) => {
    await signIn(page, 'requester');
    await visit(page, '/experts');
    await page.locator('body').focus();
    await page.keyboard.press('Tab');
    assert.equal((await assertFocusVisible(page)).href, '#main', 'the first stop is the skip link');
    await page.keyboard.press('Enter');
    assert.equal((await focused(page)).id, 'main');
    await page.keyboard.press('Tab');
    assert.equal((await assertFocusVisible(page)).id, 'q', 'after the skip link comes the search box');
    await page.keyboard.type('huoltoriidoissa');
    await navigate(page, () => page.keyboard.press('Enter'), { status: 200 });
    assert.equal(new URL(page.url()).searchParams.get('q'), 'huoltoriidoissa');

    const first = (await results(page))[0].href;
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).href, '#main');
    await page.keyboard.press('Enter');
    await tabTo(page, (f) => f.tag === 'a' && f.href === first);
    await assertFocusVisible(page);
    assert.ok(
      await page.evaluate(() => document.activeElement === document.querySelector('main ol.results > li h3 a')),
      'the focus is on the first result\'s link',
    );
    await navigate(page, () => page.keyboard.press('Enter'), { status: 200 });
    assert.equal(new URL(page.url()).pathname, first);
  }));
