// Consultation groups and their calendar: the coordinator sets a group up
// with the seed's rule (preview first), the form's errors, the secretary
// moves one meeting and restores it, "my meetings" with the personal feed,
// and the group's public iCalendar feed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  scenario, visit, submit, navigate, signIn, BASE_URL,
} from '../lib/app.js';

/** The seed's nine meetings of the 2022–2023 season and their deadlines. */
const SEASON = [
  ['13.10.2022', '6.10.2022'], ['10.11.2022', '3.11.2022'], ['8.12.2022', '1.12.2022'],
  ['12.1.2023', '5.1.2023'], ['9.2.2023', '2.2.2023'], ['9.3.2023', '2.3.2023'],
  ['13.4.2023', '6.4.2023'], ['11.5.2023', '4.5.2023'], ['8.6.2023', '1.6.2023'],
];
const DEMO_GROUP = 'Haastavat erot -konsultaatioryhmä';

/** The rows of a meetings table: date (weekday and date), time, deadline (without its tag), notes. */
async function meetingRows(table) {
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => {
    const [date, time, deadline, status, , notes] = [...r.cells];
    return {
      date: date.textContent.trim(),
      href: date.querySelector('a')?.getAttribute('href'),
      time: time.textContent.trim(),
      deadline: [...deadline.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent).join('').trim(),
      status: status.textContent.trim(),
      notes: notes.textContent.trim(),
    };
  }));
}

/** 2026-12-10 → 10.12.2026, as the pages write dates. */
const fiDate = (iso) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}.${m}.${y}`;
};
const addDays = (iso, n) => new Date(Date.parse(`${iso}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The ids an element's aria-describedby names, and their text. */
async function description(locator) {
  return locator.evaluate((el) => {
    const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    return { ids, text: ids.map((id) => document.getElementById(id)?.textContent.trim() ?? `(missing #${id})`).join(' ') };
  });
}

/** Fetches `url` outside the browser and checks it is an iCalendar document. */
async function fetchCalendar(url) {
  const res = await fetch(url);
  assert.equal(res.status, 200, `GET ${url}`);
  assert.match(res.headers.get('content-type'), /^text\/calendar\b/, `content type of ${url}`);
  const body = await res.text();
  assert.match(body, /^BEGIN:VCALENDAR\r?\n/);
  return body;
}

test('the coordinator creates a group with the seed\'s rule, previews and lists its season', () =>
  scenario('groups-create', async (page) => {
    const name = `E2E-erotyöryhmä ${Date.now().toString(36)}`;
    await signIn(page, 'coordinator');
    await visit(page, '/groups');
    await navigate(page, () => page.locator('main a[href="/groups/new"]').click(), { status: 200 });
    assert.equal((await page.locator('h1').textContent()).trim(), 'Uusi konsultaatioryhmä');

    await page.getByLabel('Nimi suomeksi').fill(name);
    await page.getByLabel('Ryhmän tyyppi').selectOption('separation');
    await page.getByLabel('Yhteistyöalue', { exact: true }).selectOption('ita-suomi');
    await page.getByLabel('Palvelee hyvinvointialuetta').selectOption('keski-suomi');
    await page.getByLabel('Kokoustapa').selectOption('both');
    await page.getByLabel('Kokouspaikka').fill('Jyväskylä, KOSKE');
    await page.getByLabel('Kokouslinkki').fill('https://video.example.fi/e2e');
    await page.getByLabel('Asioita kokousta kohden').fill('3');
    await page.getByLabel('Vaativat huoltoriidat ja haastavat erot').check();
    // The rule: second Thursday 13.00, 120 min, notice 7 days, no meetings
    // in July and August, season 1.10.2022–30.6.2023, keep and warn on holidays.
    await page.locator('#rec-nth-weekday').check();
    await page.getByLabel('Kuukauden', { exact: true }).selectOption('2');
    await page.getByLabel('Viikonpäivä', { exact: true }).selectOption('thu');
    await page.getByLabel('Alkaa klo').fill('13:00');
    await page.getByLabel('Kesto minuutteina').fill('120');
    await page.getByLabel('Asiat tiedoksi sihteerille, päivää ennen').fill('7');
    await page.getByLabel('Kellonaikaan mennessä').fill('');
    for (const month of ['heinäkuu', 'elokuu']) await page.getByLabel(month, { exact: true }).check();
    await page.getByLabel('Kausi alkaa').fill('2022-10-01');
    await page.getByLabel('Kausi päättyy').fill('2023-06-30');
    await page.getByLabel('Jos kokous osuu pyhäpäivälle').selectOption('keep-and-warn');

    // The preview lists the season's meetings; nothing is saved yet.
    await submit(page, page.getByRole('button', { name: 'Esikatsele kokouksia' }), { status: 200 });
    const preview = page.locator('main section[aria-labelledby="preview-h"] table');
    const previewed = await meetingRows(preview);
    assert.deepEqual(previewed.map((m) => m.date.split(' ').at(-1)), SEASON.map(([d]) => d), 'the preview shows the season');
    assert.ok(previewed.every((m) => m.time === '13.00–15.00'));
    assert.equal(await page.getByLabel('Nimi suomeksi').inputValue(), name, 'the form is kept under the preview');
    assert.equal(await page.getByLabel('Kausi päättyy').inputValue(), '2023-06-30');

    await submit(page, page.getByRole('button', { name: 'Tallenna', exact: true }), { status: 200 });
    const groupPath = new URL(page.url()).pathname;
    assert.match(groupPath, /^\/groups\/\d+$/);
    assert.equal((await page.locator('h1').textContent()).trim(), name);
    const facts = await page.locator('main dl.facts').textContent();
    assert.match(facts, /Joka kuukauden toinen torstai/);
    assert.match(facts, /Tauko: heinäkuu, elokuu/);

    // The meetings of the season through the range form.
    await page.getByLabel('Alkaen').fill('2022-10-01');
    await page.getByLabel('Asti').fill('2023-06-30');
    await submit(page, page.getByRole('button', { name: 'Näytä', exact: true }), { status: 200 });
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('from'), '2022-10-01');
    assert.equal(url.searchParams.get('to'), '2023-06-30');
    const rows = await meetingRows(page.locator('main section[aria-labelledby="meetings-h"] table'));
    assert.deepEqual(
      rows.map((m) => [m.date, m.time, m.deadline, m.status]),
      SEASON.map(([d, dl]) => [`torstai ${d}`, '13.00–15.00', `${dl} klo 23.59`, 'Pidetty']),
    );

    // Its public iCalendar feed, as a calendar program fetches it.
    const feed = page.locator('main section[aria-labelledby="meetings-h"] a[href$="/calendar.ics"]');
    const href = await feed.getAttribute('href');
    assert.equal(new URL(href).pathname, `${groupPath}/calendar.ics`);
    const ics = await fetchCalendar(`${BASE_URL}${groupPath}/calendar.ics?from=2022-10-01&to=2023-06-30`);
    assert.equal(ics.match(/^BEGIN:VEVENT/gm)?.length, 9, 'one event per meeting of the season');
    // 13.00 in Helsinki: summer time in October, standard time in December.
    assert.match(ics, /^DTSTART:20221013T100000Z\r?$/m);
    assert.match(ics, /^DTSTART:20221208T110000Z\r?$/m);
  }));

test('a bad group form comes back with its fields marked and a summary that moves the focus', () =>
  scenario('groups-form-errors', async (page) => {
    await signIn(page, 'coordinator');
    await visit(page, '/groups/new');
    await page.getByLabel('Nimi suomeksi').fill('');
    await page.getByLabel('Asioita kokousta kohden').fill('0');
    await page.getByLabel('Kokouspaikka').fill('Kuopio');
    await page.getByLabel('Kokouslinkki').fill('https://video.example.fi/e2e');
    await submit(page, page.getByRole('button', { name: 'Tallenna', exact: true }), { status: 422 });

    const summary = page.locator('main [role=alert]');
    assert.equal(await summary.count(), 1, 'one announced summary');
    // The summary took the focus when the page opened.
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), true, 'focus on the summary');
    for (const [id, message, label] of [['name_fi', 'Tämä tieto on pakollinen.', 'Nimi suomeksi'], ['capacity', 'Anna luku 1–50.', 'Asioita kokousta kohden']]) {
      const field = page.locator(`#${id}`);
      assert.equal(await field.getAttribute('aria-invalid'), 'true', `#${id} is marked invalid`);
      const d = await description(field);
      assert.ok(d.ids.includes(`${id}-error`), `aria-describedby of #${id}: ${d.ids}`);
      assert.ok(d.text.includes(message), `#${id} is described by "${d.text}"`);
      assert.ok(await page.locator(`#${id}-error`).isVisible());
      // The summary names the problem and its link takes the focus to the field.
      const link = summary.locator(`a[href="#${id}"]`);
      const linkText = (await link.textContent()).trim();
      assert.equal(linkText, `${label}: ${message}`, 'the summary names the field');
      await link.click();
      assert.equal(await page.evaluate(() => document.activeElement?.id), id, `the summary's link focuses #${id}`);
    }
    assert.equal(await page.locator('#place').getAttribute('aria-invalid'), null, 'a good field is not marked');
    assert.equal(await page.locator('#place').inputValue(), 'Kuopio', 'the input is kept');
  }));

/**
 * A meeting that has cases (other tests' requests may have been proposed
 * for it, depending on the day) asks what happens to them first: keep them
 * on the meeting, the default of a move.
 */
async function keepCases(page) {
  const save = page.getByRole('button', { name: 'Tallenna muutos' });
  if ((await save.count()) > 0) {
    await submit(page, save, { status: 200 });
  }
}

test('the secretary moves one meeting with a reason and restores it', () =>
  scenario('groups-move-meeting', async (page) => {
    await signIn(page, 'secretary');
    await visit(page, '/groups');
    await navigate(page, () => page.locator('main .card h2 a', { hasText: DEMO_GROUP }).click(), { status: 200 });
    assert.equal((await page.locator('h1').textContent()).trim(), DEMO_GROUP);
    // A coming meeting (not the first: it might be today).
    const coming = await meetingRows(page.locator('main section[aria-labelledby="meetings-h"] table'));
    assert.ok(coming.length >= 2, 'the group has coming meetings');
    const { href } = coming[1];
    const ruleDate = href.split('/').at(-1);
    await navigate(page, () => page.locator(`main table a[href="${href}"]`).click(), { status: 200 });
    assert.equal((await page.locator('h1').textContent()).trim(), `${DEMO_GROUP}: kokous ${fiDate(ruleDate)}`);
    assert.equal(await page.getByLabel('Uusi päivä').inputValue(), ruleDate);

    // No reason: refused, the field says why.
    const newDate = addDays(ruleDate, 7);
    await page.getByLabel('Uusi päivä').fill(newDate);
    await page.getByLabel('Uusi alkamisaika').fill('14:00');
    await submit(page, page.getByRole('button', { name: 'Siirrä kokous' }), { status: 422 });
    assert.equal(await page.locator('main [role=alert]').count(), 1);
    const reason = page.getByLabel('Syy');
    assert.equal(await reason.getAttribute('aria-invalid'), 'true');
    assert.match((await description(reason)).text, /Kirjoita syy muutokselle\./);
    assert.equal(await page.getByLabel('Uusi päivä').inputValue(), newDate, 'the new date is kept');
    assert.equal(new URL(page.url()).pathname, `${href}/move`);

    // With a reason: moved, and the page says from when and why.
    const why = 'Puheenjohtaja on estynyt (e2e)';
    await reason.fill(why);
    await submit(page, page.getByRole('button', { name: 'Siirrä kokous' }), { status: 200 });
    await keepCases(page);
    assert.equal(new URL(page.url()).pathname, href, 'back on the meeting\'s own page');
    const facts = await page.locator('main dl.facts').textContent();
    assert.match(facts, new RegExp(`torstai ${fiDate(newDate).replaceAll('.', '\\.')}`));
    assert.match(facts, /14\.00–16\.00/);
    const notes = page.locator('main section[aria-labelledby="notes-h"]');
    assert.equal(
      (await notes.locator('li').last().textContent()).trim(),
      `Siirretty ajalta ${fiDate(ruleDate)} klo 13.00. Syy: ${why}`,
    );

    // Back to the rule.
    await submit(page, page.getByRole('button', { name: 'Palauta säännön mukaiseksi' }), { status: 200 });
    await keepCases(page);
    assert.equal(new URL(page.url()).pathname, href);
    assert.match(await page.locator('main dl.facts').textContent(), new RegExp(`${fiDate(ruleDate).replaceAll('.', '\\.')}[\\s\\S]*13\\.00–15\\.00`));
    assert.doesNotMatch(await page.locator('main').textContent(), /Siirretty ajalta/);
    assert.equal(await page.getByRole('button', { name: 'Palauta säännön mukaiseksi' }).count(), 0);
  }));

test('"my meetings" lists the group\'s meetings and makes a personal calendar link', () =>
  scenario('groups-my-meetings', async (page) => {
    await signIn(page, 'secretary');
    await visit(page, '/meetings');
    assert.equal((await page.locator('h1').textContent()).trim(), 'Omat kokoukset');
    const groups = await page.locator('main table tbody tr td:nth-child(3)').allTextContents();
    assert.ok(groups.length > 0 && groups.every((g) => g.trim() === DEMO_GROUP), `the secretary's group: ${groups}`);
    assert.ok((await page.locator('main table tbody tr td:nth-child(4)').allTextContents()).every((r) => r.trim() === 'Sihteeri'));

    await submit(page, page.getByRole('button', { name: 'Luo kalenterilinkki' }), { status: 200 });
    const url = (await page.locator('main [role=status] code.secret').textContent()).trim();
    assert.match(url, /^http:\/\/[^/]+\/calendar\/[^/]+\/meetings\.ics$/);
    const ics = await fetchCalendar(url);
    assert.match(ics, /^BEGIN:VEVENT/m);
    assert.match(ics, new RegExp(`^SUMMARY:${DEMO_GROUP}`, 'm'));

    // Shown once: not on the next visit, which says a link is in use.
    await visit(page, '/meetings');
    assert.equal(await page.locator('main code.secret').count(), 0, 'the link is not shown again');
    assert.match(await page.locator('main section[aria-labelledby="feed-h"]').textContent(), /Kalenterilinkki on käytössä/);
    await submit(page, page.getByRole('button', { name: 'Poista kalenterilinkki' }), { status: 200 });
    assert.equal((await fetch(url)).status, 404, 'a revoked link no longer answers');
  }));
