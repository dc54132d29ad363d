// The knowledge bank (tietopankki) and the events (tapahtumat), as issue 18
// has them done: the coordinator writes a method card and a guide for
// professionals only and sends them for review; she cannot approve her own
// text, the expert approves both. She creates a public webinar with two
// places. The requester finds the card with an inflected query that is not
// in its text, sees why it matched, narrows by the evidence rating, reads
// the rating's meaning on the card and saves it; she registers for the
// webinar, takes its iCalendar file, finds it in "Oma osaaminen" and takes
// her certificate of the demo's past webinar. An anonymous visitor sees
// the public card and the webinar (without its meeting link), not the
// professionals' guide; and the bank in Swedish.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scenario, visit, submit, navigate, signIn, htmlLang } from '../lib/app.js';

// A word of its own in every title, so that a search finds this run's items.
const TAG = `e2e${Date.now().toString(36)}`;
const CARD = {
  title: `Rohkeat vanhemmat -ryhmä (${TAG})`,
  summary: 'Ryhmämuotoinen ohjaus ahdistuneiden lasten vanhemmille: vanhemmat oppivat tukemaan lasta pelottavissa tilanteissa.',
  body: [
    '## Kenelle',
    '',
    'Ryhmä on tarkoitettu **ahdistuneiden lasten vanhemmille**, kun lapsen pelot haittaavat koulunkäyntiä.',
    '',
    '- kahdeksan viikoittaista tapaamista',
    '- kotitehtävät arjen tilanteisiin',
  ].join('\n'),
  target: 'Ahdistuneiden 7–12-vuotiaiden lasten vanhemmat',
  aim: 'Vanhempi osaa tukea lasta kohtaamaan pelottavia tilanteita vähitellen',
  evidence: '2 – Tutkimusnäyttö tukee',
  meaning: 'Vähintään yksi satunnaistettu kontrolloitu tutkimus osoittaa menetelmän paremmaksi kuin vertailun',
  phenomenon: 'Vaativa koulunkäynnin tuki',
};
const GUIDE = {
  title: `Ammattilaisten muistilista vanhempien ohjaukseen (${TAG})`,
  summary: 'Sisäinen muistilista ohjausryhmien vetäjille.',
};
// The search: neither word is in the card in this form.
const QUERY = 'ahdistuneille lapsille';

// The webinar: 40 days from now, 13.00–14.30 Finnish time.
const DAY = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
const [Y, M, D] = DAY.split('-').map(Number);
const EVENT = {
  title: `Ahdistunut lapsi koulussa – webinaari vanhempien tukijoille (${TAG})`,
  description: 'Webinaarissa käydään läpi, miten koulu ja vanhemmat voivat yhdessä tukea ahdistunutta lasta.',
  link: `https://video.example.fi/${TAG}`,
  when: `${D}.${M}.${Y} klo 13.00–14.30`,
};
// The demo's past webinar that demo-requester attended.
const PAST_WEBINAR = 'Lähisuhdeväkivalta lapsen arjessa – tunnistaminen ja puheeksi otto';

const text = async (locator) => (await locator.textContent()).replace(/\s+/g, ' ').trim();
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const notice = (page) => text(page.locator('main .notice.success[role=status]'));
const h1 = (page) => text(page.locator('main h1'));
/** The value (dd) of the term `term` (dt) of the page's fact lists. */
const fact = (page, term) =>
  text(page.locator('main dl.facts dt').filter({ hasText: new RegExp(`^${escape(term)}$`) }).locator('xpath=following-sibling::dd[1]'));
/** The results of a knowledge search: title, link, meta line and the "why matched" list. */
const cards = (page) => page.locator('main ol.cards > li').evaluateAll((lis) => lis.map((li) => ({
  title: li.querySelector('h3 a').textContent.trim(),
  href: li.querySelector('h3 a').getAttribute('href'),
  meta: li.querySelector('.meta')?.textContent.replace(/\s+/g, ' ').trim() ?? '',
  why: [...li.querySelectorAll('ul.why li')].map((w) => w.textContent.trim()),
})));
const pathOf = (page) => new URL(page.url()).pathname;

/** GETs `path` with the page's session; returns the response and its body. */
async function download(page, path) {
  const res = await page.request.get(path);
  assert.equal(res.status(), 200, `GET ${path}`);
  return { type: res.headers()['content-type'] ?? '', body: await res.body() };
}

/** An iCalendar file's text, its folded lines joined (RFC 5545 folds at octets). */
const unfold = (body) => Buffer.from(body.toString('latin1').replace(/\r\n[ \t]/g, ''), 'latin1').toString('utf8');

/** The coordinator fills the editor's common fields. */
async function fillItem(page, { kind, visibility, title, summary, body, note }) {
  await page.getByLabel('Sisältötyyppi').selectOption({ label: kind });
  await page.getByLabel('Näkyvyys').selectOption({ label: visibility });
  const fi = page.getByRole('group', { name: 'Suomeksi' });
  await fi.getByLabel('Otsikko').fill(title);
  await fi.getByLabel('Tiivistelmä').fill(summary);
  if (body) await fi.getByLabel('Teksti').fill(body);
  await page.getByLabel('Mitä muutit').fill(note);
}

/** On an item's page: sends the draft to review. */
async function sendToReview(page) {
  await submit(page, page.getByRole('button', { name: 'Lähetä tarkastettavaksi' }), { status: 200 });
  assert.equal(await notice(page), 'Lähetetty tarkastettavaksi.');
  assert.match(await text(page.locator('main .workflow')), /Tila: Tarkastettavana \(versio 1, kirjoittaja Tarja Korhonen\)/);
}

test('a method card is written, reviewed by a second person, found by an inflected search and saved; a webinar is created, registered for and in one\'s learning; the public sees only what is public', () =>
  scenario('knowledge', async (page) => {
    // 1. The coordinator writes the method card.
    await signIn(page, 'coordinator');
    await visit(page, '/knowledge');
    await navigate(page, () => page.getByRole('link', { name: 'Uusi sisältö' }).click(), { status: 200 });
    assert.equal(pathOf(page), '/knowledge/new');
    await fillItem(page, {
      kind: 'Menetelmäkortti',
      visibility: 'Julkinen (kaikille, myös ilman kirjautumista)',
      title: CARD.title,
      summary: CARD.summary,
      body: CARD.body,
      note: 'ensimmäinen versio',
    });
    await page.getByLabel('Kohderyhmä').fill(CARD.target);
    await page.getByLabel('Tavoite', { exact: true }).fill(CARD.aim);
    const evidence = page.getByRole('group', { name: /^Vaikuttavuusnäyttö/ });
    assert.equal(await evidence.getByRole('radio').count(), 6, 'the CEBC scale: 1–5 and NR');
    await evidence.getByLabel(CARD.evidence).check();
    await page.getByRole('group', { name: 'Ilmiöt' }).getByLabel(CARD.phenomenon).check();
    await page.getByRole('group', { name: 'Ikäryhmät' }).getByLabel('7–12 v').check();
    await submit(page, page.getByRole('button', { name: 'Tallenna luonnos' }), { status: 200 });
    const cardPath = pathOf(page);
    assert.match(cardPath, /^\/knowledge\/\d+$/);
    assert.match(await notice(page), /^Luonnos on tallennettu\./);
    assert.equal(await h1(page), CARD.title);
    assert.match(await text(page.locator('main .notice.warning')), /Näytät versiota 1 \(Luonnos\)/);
    await sendToReview(page);

    // Her own text: no approval offered, and refused when asked for anyway.
    assert.equal(await page.getByRole('button', { name: 'Hyväksy ja julkaise' }).count(), 0, 'the author is not offered the approval');
    const csrf = await page.locator('main form[action$="/step"] input[name=csrf]').first().inputValue();
    const refused = await page.request.post(`${cardPath}/step`, { form: { csrf, step: 'approve', expected: '1' }, maxRedirects: 0 });
    assert.equal(refused.status(), 403, 'the author cannot approve her own text');
    assert.match(await refused.text(), /Oman tekstin voi hyväksyä vain toinen asiantuntija tai koordinaattori\./);
    await visit(page, cardPath);
    assert.match(await text(page.locator('main .workflow')), /Tila: Tarkastettavana/, 'still waiting for review');

    // A guide for professionals only, to review as well.
    await visit(page, '/knowledge/new');
    await fillItem(page, {
      kind: 'Opas',
      visibility: 'Ammattilaiset (kirjautuneet käyttäjät)',
      title: GUIDE.title,
      summary: GUIDE.summary,
      note: 'ensimmäinen versio',
    });
    await submit(page, page.getByRole('button', { name: 'Tallenna luonnos' }), { status: 200 });
    const guidePath = pathOf(page);
    assert.match(guidePath, /^\/knowledge\/\d+$/);
    await sendToReview(page);

    // 2. The expert finds both waiting for his review and approves them.
    await scenario('knowledge-review', async (expert) => {
      await signIn(expert, 'expert');
      for (const [title, path] of [[CARD.title, cardPath], [GUIDE.title, guidePath]]) {
        await visit(expert, '/knowledge');
        await navigate(expert, () => expert.getByRole('link', { name: 'Omat ja tarkastettavat' }).click(), { status: 200 });
        const waiting = expert.getByRole('region', { name: 'Odottaa tarkastustasi' });
        await navigate(expert, () => waiting.getByRole('link', { name: title, exact: true }).click(), { status: 200 });
        assert.equal(pathOf(expert), path);
        assert.ok(await expert.getByRole('button', { name: 'Palauta luonnokseksi' }).isVisible(), 'the reviewer may also return it');
        await submit(expert, expert.getByRole('button', { name: 'Hyväksy ja julkaise' }), { status: 200 });
        assert.equal(await notice(expert), 'Hyväksytty ja julkaistu.');
        assert.match(await text(expert.locator('main article header .meta')), /julkaistu \d{1,2}\.\d{1,2}\.\d{4}/);
      }
    });
    await visit(page, cardPath);
    assert.match(await text(page.locator('main .workflow')), /Tila: Julkaistu \(versio 1, kirjoittaja Tarja Korhonen\)/);

    // 3. The coordinator creates a public webinar with two places.
    await visit(page, '/events');
    await navigate(page, () => page.getByRole('link', { name: 'Uusi tapahtuma' }).click(), { status: 200 });
    await page.getByLabel('Tapahtuman tyyppi').selectOption({ label: 'Webinaari' });
    await page.getByLabel('Nimi', { exact: true }).fill(EVENT.title);
    await page.getByLabel('Kuvaus').fill(EVENT.description);
    await page.getByLabel('Alkaa', { exact: true }).fill(`${DAY}T13:00`);
    await page.getByLabel('Päättyy', { exact: true }).fill(`${DAY}T14:30`);
    await page.getByLabel('Verkkotapahtuman linkki').fill(EVENT.link);
    await page.getByLabel('Järjestäjä').fill('Itä-Suomen OT-keskus');
    await page.getByRole('group', { name: 'Ilmiöt' }).getByLabel(CARD.phenomenon).check();
    await page.getByLabel('Paikkoja').fill('2');
    assert.ok(await page.getByLabel('Ilmoittautuminen on auki').isChecked());
    await page.getByLabel('Näkyvyys').selectOption({ label: 'Julkinen (näkyy kaikille)' });
    await submit(page, page.getByRole('button', { name: 'Tallenna', exact: true }), { status: 200 });
    const eventPath = pathOf(page);
    assert.match(eventPath, /^\/events\/\d+$/);
    assert.equal(await notice(page), 'Tapahtuma on tallennettu.');
    assert.equal(await h1(page), EVENT.title);
    assert.equal(await fact(page, 'Aika'), EVENT.when);
    await visit(page, '/events');
    const listed = page.locator('main li.event').filter({ has: page.getByRole('link', { name: EVENT.title, exact: true }) });
    assert.equal(await listed.count(), 1, 'the webinar is on /events');
    assert.match(await text(listed), new RegExp(`Webinaari · ${escape(EVENT.when)}.*2 paikkaa vapaana`));

    // 4. The requester searches with other forms of the words.
    await scenario('knowledge-requester', async (req) => {
      await signIn(req, 'requester');
      await visit(req, '/');
      await navigate(req, () => req.locator('nav.main-nav').getByRole('link', { name: 'Tietopankki', exact: true }).click(), { status: 200 });
      assert.equal(pathOf(req), '/knowledge');
      await req.getByLabel('Hae tietopankista').fill(QUERY);
      await req.getByRole('search').getByLabel('Sisältötyyppi').selectOption({ label: 'Menetelmäkortti' });
      await submit(req, req.getByRole('search').getByRole('button', { name: 'Hae' }), { status: 200 });
      assert.equal(new URL(req.url()).searchParams.get('q'), QUERY);
      let found = await cards(req);
      let card = found.find((c) => c.href === cardPath);
      assert.ok(card, `"${QUERY}" finds the card: ${found.map((c) => c.title).join(' | ')}`);
      assert.equal(card.title, CARD.title);
      assert.ok(found.every((c) => c.meta.startsWith('Menetelmäkortti')), 'only method cards');
      assert.ok(card.why.some((w) => w.startsWith('"ahdistuneille" → "ahdistunut"')), `why: ${card.why}`);
      assert.ok(card.why.some((w) => w.startsWith('"lapsille" → "lapsi"')), `why: ${card.why}`);
      const why = req.locator('main ol.cards > li').filter({ has: req.locator(`h3 a[href="${cardPath}"]`) })
        .getByRole('list', { name: 'Miksi tämä löytyi' });
      assert.ok(await why.isVisible(), 'the reasons are a named list under the result');

      // The evidence facet narrows the same search.
      const facet = req.getByRole('region', { name: 'Vaikuttavuusnäyttö' });
      await navigate(req, () => facet.getByRole('link', { name: CARD.evidence }).click(), { status: 200 });
      assert.equal(new URL(req.url()).searchParams.get('evidence'), 'cebc-2');
      assert.equal(new URL(req.url()).searchParams.get('q'), QUERY);
      found = await cards(req);
      card = found.find((c) => c.href === cardPath);
      assert.ok(card, 'the card is kept by its rating');
      assert.ok(found.every((c) => c.meta.includes(`Vaikuttavuusnäyttö: ${CARD.evidence}`)), JSON.stringify(found.map((c) => c.meta)));

      // The card: the method's facts, the rating with its meaning, the Markdown.
      await navigate(req, () => req.getByRole('link', { name: CARD.title, exact: true }).click(), { status: 200 });
      assert.equal(pathOf(req), cardPath);
      assert.equal(await h1(req), CARD.title);
      assert.equal(await fact(req, 'Kohderyhmä'), CARD.target);
      assert.equal(await fact(req, 'Tavoite'), CARD.aim);
      const rating = await fact(req, 'Vaikuttavuusnäyttö');
      assert.ok(rating.startsWith(CARD.evidence), rating);
      assert.ok(rating.includes(CARD.meaning), `the meaning of the rating: ${rating}`);
      assert.match(rating, /CEBC/);
      assert.match(await fact(req, 'Ilmiöt'), new RegExp(CARD.phenomenon));
      assert.equal(await text(req.locator('main article .body strong')), 'ahdistuneiden lasten vanhemmille');
      assert.deepEqual(await req.locator('main article .body li').allTextContents(), ['kahdeksan viikoittaista tapaamista', 'kotitehtävät arjen tilanteisiin']);
      assert.ok(!(await text(req.locator('main article'))).includes(QUERY), 'the query is not in the card as such');

      await submit(req, req.getByRole('button', { name: 'Tallenna omiin materiaaleihin' }), { status: 200 });
      assert.equal(await notice(req), 'Tallennettu omiin materiaaleihin.');
      assert.ok(await req.getByRole('button', { name: 'Poista omista materiaaleista' }).isVisible(), 'saved: it can be taken away');

      // Signed in, the professionals' guide opens and is found.
      await visit(req, guidePath);
      assert.equal(await h1(req), GUIDE.title);
      await visit(req, `/knowledge?q=${TAG}`);
      assert.deepEqual((await cards(req)).map((c) => c.href).sort(), [cardPath, guidePath].sort());

      // The webinar: register, the calendar file, "Oma osaaminen".
      await visit(req, '/events');
      await navigate(req, () => req.getByRole('link', { name: EVENT.title, exact: true }).click(), { status: 200 });
      assert.equal(pathOf(req), eventPath);
      assert.equal(await fact(req, 'Paikkoja'), '2 · 2 paikkaa vapaana');
      assert.equal(await req.getByText(EVENT.link).count(), 0, 'the meeting link only after registering');
      await submit(req, req.getByRole('region', { name: 'Ilmoittautuminen' }).getByRole('button', { name: 'Ilmoittaudu' }), { status: 200 });
      assert.equal(await notice(req), 'Olet ilmoittautunut. Tervetuloa!');
      assert.equal(await fact(req, 'Paikkoja'), '2 · 1 paikka vapaana');
      assert.ok(await req.getByRole('link', { name: EVENT.link }).isVisible(), 'the meeting link is shown to the registered');
      assert.ok(await req.getByRole('button', { name: 'Peru ilmoittautuminen' }).isVisible());

      const icsHref = await req.getByRole('link', { name: 'Lisää kalenteriin (.ics)' }).getAttribute('href');
      assert.equal(icsHref, `${eventPath}/event.ics`);
      const ics = await download(req, icsHref);
      assert.match(ics.type, /^text\/calendar/);
      const cal = unfold(ics.body);
      assert.match(cal, /^BEGIN:VCALENDAR\r\n/);
      assert.match(cal, /\r\nBEGIN:VEVENT\r\n[\s\S]*\r\nEND:VEVENT\r\n/);
      assert.ok(cal.includes(`\r\nSUMMARY:${EVENT.title}\r\n`), cal);
      assert.ok(cal.includes(`\r\nDTSTART:${DAY.replaceAll('-', '')}T`), cal);

      await navigate(req, () => req.locator('nav.main-nav').getByRole('link', { name: 'Oma osaaminen' }).click(), { status: 200 });
      assert.equal(pathOf(req), '/learning');
      assert.equal(await h1(req), 'Oma osaaminen');
      const coming = await text(req.getByRole('region', { name: 'Tulevat tapahtumani' }));
      assert.ok(coming.includes(`${EVENT.title} · ${EVENT.when} · Olet ilmoittautunut.`), coming);
      assert.match(await text(req.getByRole('region', { name: 'Osallistumani tapahtumat' })), new RegExp(escape(PAST_WEBINAR)));
      const certificate = req.getByRole('region', { name: 'Todistukset' })
        .getByRole('link', { name: `Osallistumistodistus: ${PAST_WEBINAR}` });
      const pdfHref = await certificate.getAttribute('href');
      assert.match(pdfHref, /^\/events\/\d+\/certificate\.pdf$/);
      const pdf = await download(req, pdfHref);
      assert.match(pdf.type, /^application\/pdf/);
      assert.equal(pdf.body.subarray(0, 5).toString('latin1'), '%PDF-');
      assert.ok(pdf.body.length > 1000, `a real PDF: ${pdf.body.length} bytes`);
    });

    // 5. Without logging in: the public card and webinar, not the guide.
    await scenario('knowledge-public', async (anon) => {
      await visit(anon, cardPath);
      assert.equal(await htmlLang(anon), 'fi');
      assert.equal(await anon.locator('main').count(), 1, 'one <main>');
      assert.equal(await anon.title(), `${CARD.title} – OT-alusta`);
      assert.equal(await anon.locator('head meta[name=description]').getAttribute('content'), CARD.summary);
      assert.equal(await h1(anon), CARD.title);
      assert.ok((await fact(anon, 'Vaikuttavuusnäyttö')).includes(CARD.meaning));
      assert.equal(await anon.getByRole('button', { name: 'Tallenna omiin materiaaleihin' }).count(), 0, 'nothing to save without an account');

      await visit(anon, '/knowledge');
      assert.equal(await anon.title(), 'Tietopankki – OT-alusta');
      assert.ok(await anon.locator('head meta[name=description]').getAttribute('content'));
      await anon.getByLabel('Hae tietopankista').fill(QUERY);
      await submit(anon, anon.getByRole('search').getByRole('button', { name: 'Hae' }), { status: 200 });
      assert.ok((await cards(anon)).some((c) => c.href === cardPath), 'the public card is found without logging in');
      await visit(anon, `/knowledge?q=${TAG}`);
      assert.deepEqual((await cards(anon)).map((c) => c.href), [cardPath], 'the professionals\' guide is not found');

      await visit(anon, guidePath, { status: 404 });
      assert.equal(await htmlLang(anon), 'fi');
      assert.equal(await anon.locator('main').count(), 1);
      assert.equal(await anon.title(), 'Sivua ei löydy – OT-alusta');
      assert.doesNotMatch(await anon.content(), new RegExp(escape(GUIDE.title)));

      await visit(anon, '/events');
      assert.equal(await anon.getByRole('link', { name: EVENT.title, exact: true }).count(), 1, 'the webinar is on /events');
      await navigate(anon, () => anon.getByRole('link', { name: EVENT.title, exact: true }).click(), { status: 200 });
      assert.equal(pathOf(anon), eventPath);
      assert.equal(await fact(anon, 'Aika'), EVENT.when);
      assert.equal(await fact(anon, 'Paikkoja'), '2 · 1 paikka vapaana');
      assert.doesNotMatch(await anon.content(), new RegExp(escape(EVENT.link)), 'no meeting link in public');
      for (const path of [`${eventPath}/event.ics`, '/events/calendar.ics']) {
        const { type, body } = await download(anon, path);
        assert.match(type, /^text\/calendar/, path);
        const cal = unfold(body);
        assert.ok(cal.includes(`\r\nSUMMARY:${EVENT.title}\r\n`), `${path} has the webinar`);
        assert.ok(!cal.includes(EVENT.link), `${path} has no meeting link in public`);
      }

      // In Swedish.
      await visit(anon, '/knowledge?lang=sv');
      assert.equal(await htmlLang(anon), 'sv');
      assert.equal(await h1(anon), 'Kunskapsbank');
      assert.equal(await anon.title(), 'Kunskapsbank – OT-plattformen');
      assert.ok(await anon.getByLabel('Sök i kunskapsbanken').isVisible());
      assert.ok(await anon.getByRole('search').getByRole('button', { name: 'Sök' }).isVisible());
      assert.ok(await anon.getByRole('heading', { name: 'Avgränsa' }).isVisible());
      assert.match(await text(anon.locator('#results-h')), /^\d+ träffar$/);
      await visit(anon, cardPath);
      assert.equal(await htmlLang(anon), 'sv');
      const rating = await fact(anon, 'Evidens för effekt');
      assert.ok(rating.startsWith('2 – Stöds av forskningsevidens'), rating);
      assert.match(await fact(anon, 'Målgrupp'), new RegExp(escape(CARD.target)), 'the Finnish-only text is shown as it is');
    });
  }));

// Found while writing the scenario above (and fixed): the front page's
// shortcuts described, saved materials on "Oma osaaminen", and a
// Finnish-only card in Swedish marking only its Finnish text as Finnish.

test('the front page describes its shortcuts to the knowledge bank, events and learning', () =>
  scenario('knowledge-home-shortcuts', async (page) => {
    await signIn(page, 'requester');
    await visit(page, '/');
    for (const href of ['/knowledge', '/events', '/learning']) {
      const shortcut = page.locator('main ul.cards > li').filter({ has: page.locator(`a[href="${href}"]`) });
      const description = await text(shortcut.locator(':scope > span'));
      assert.ok(description && !description.startsWith('home-shortcut-'), `the shortcut to ${href} is described: "${description}"`);
    }
  }));

test('the saved materials are listed in "Oma osaaminen"', () =>
  scenario('knowledge-saved-in-learning', async (page) => {
    await signIn(page, 'requester');
    await visit(page, `/knowledge?q=${encodeURIComponent('Cool Kids')}`);
    const item = (await cards(page)).find((c) => c.title.startsWith('Cool Kids'));
    assert.ok(item, 'the demo card Cool Kids');
    await visit(page, item.href);
    const save = page.getByRole('button', { name: 'Tallenna omiin materiaaleihin' });
    if (await save.count()) {
      await submit(page, save, { status: 200 });
      assert.equal(await notice(page), 'Tallennettu omiin materiaaleihin.');
    }
    await visit(page, '/learning');
    assert.equal(await page.locator(`main a[href="${item.href}"]`).count(), 1, `${item.title} is among her materials on /learning`);
  }));

test('a Finnish-only card seen in Swedish marks only its Finnish text as Finnish', () =>
  scenario('knowledge-sv-language-of-parts', async (page) => {
    await visit(page, `/knowledge?q=${encodeURIComponent('Cool Kids')}`);
    const item = (await cards(page)).find((c) => c.title.startsWith('Cool Kids'));
    assert.ok(item, 'the demo card Cool Kids');
    await visit(page, `${item.href}?lang=sv`);
    assert.equal(await htmlLang(page), 'sv');
    const langOf = (locator) => locator.evaluate((el) => el.closest('[lang]').getAttribute('lang'));
    assert.equal(await langOf(page.locator('main h1')), 'fi', 'the Finnish title is marked Finnish');
    const term = page.locator('main dl.facts dt', { hasText: 'Evidens för effekt' });
    assert.equal(await langOf(term), 'sv', 'the Swedish label "Evidens för effekt" is marked Swedish');
    assert.equal(await langOf(term.locator('xpath=following-sibling::dd[1]')), 'sv', 'the Swedish rating is marked Swedish');
  }));
