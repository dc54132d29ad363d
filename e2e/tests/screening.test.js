// The OT screening in the browser, as a team lives it: the requester starts a
// screening from the navigation, answers it and is told why OT-level support
// is indicated; she invites a colleague, who sees her answers under each
// question and adds his own (only his own are in his form); back on her page
// the result has changed with his answer; she marks it finished, opens the
// suggested channels with their reasons and makes a draft request to the
// first one, with the answers carried over. The channel's public page, seen
// without logging in, tells who may ask and how, and no meeting link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scenario, visit, submit, navigate, signIn, checkA11y } from '../lib/app.js';

const NOTE = `Koulu ja nuorisopsykiatria toivovat yhteistä suunnitelmaa (e2e ${Date.now().toString(36)}).`;

/** The requester's answers, by the start of the question (legend): anything else is "Ei" or "Ei lainkaan". */
const ANSWERS = [
  [/^Psyykkiset oireet/, 'Vakavasti'],
  [/^Koulunkäynnin vaikeudet/, 'Vakavasti'],
  [/^Oireet näkyvät useammalla elämänalueella/, 'Kyllä'],
  [/^Kuinka monen sektorin/, 'Kolme tai enemmän'],
  [/^Peruspalveluiden tuki on kokeiltu/, 'Kyllä'],
  [/^Erityistason palvelut .* on kokeiltu/, 'Kyllä'],
  [/^Lapsi on sijoitettuna/, 'Kyllä'],
  [/^Tarvittavaa asiantuntemusta ei voida järjestää/, 'Kyllä'],
  [/^Perheen ja lähiverkoston voimavarat/, 'Vähäiset'],
];

const text = async (locator) => (await locator.textContent()).replace(/\s+/g, ' ').trim();
const notice = (page) => text(page.locator('main .notice.success[role=status]'));
const answersForm = (page) => page.locator('main form[action$="/answers"]');
/** A question of the answers form, by its legend. */
const question = (page, legend) => answersForm(page).getByRole('group', { name: legend });
/** The items of the list under the result's subheading `heading`. */
const resultList = (page, heading) =>
  page.locator('#result h3', { hasText: heading }).locator('xpath=following-sibling::ul[1]/li')
    .evaluateAll((li) => li.map((l) => l.textContent.replace(/\s+/g, ' ').trim()));

test('a team screens a case, sees why OT-level support is indicated and opens a request to a suggested channel', () =>
  scenario('screening', async (page) => {
    await signIn(page, 'requester');
    await visit(page, '/');

    // 1. Started from the navigation.
    const nav = page.locator('nav.main-nav').getByRole('link', { name: 'OT-seula', exact: true });
    assert.equal(await nav.getAttribute('href'), '/screenings');
    await navigate(page, () => nav.click(), { status: 200 });
    await navigate(page, () => page.getByRole('link', { name: 'Aloita seulonta' }).click(), { status: 200 });
    await page.getByLabel('Lapsen tai nuoren ikä').selectOption({ label: '13–15 vuotta' });
    await page.getByLabel('Perheen kieli').selectOption({ label: 'suomi' });
    await submit(page, page.getByRole('button', { name: 'Aloita', exact: true }), { status: 200 });
    const screeningPath = new URL(page.url()).pathname;
    assert.match(screeningPath, /^\/screenings\/\d+$/);
    const id = screeningPath.split('/').at(-1);
    assert.equal(await text(page.locator('h1')), `Seulonta ${id}`);

    // 2. Her answers: every question of the form, the named ones as above.
    const fieldsets = await answersForm(page).locator('fieldset').all();
    assert.ok(fieldsets.length >= 10, `the questions: ${fieldsets.length}`);
    const used = new Set();
    for (const fs of fieldsets) {
      const legend = await text(fs.locator('legend'));
      const hit = ANSWERS.find(([re]) => re.test(legend));
      let choice;
      if (hit) {
        used.add(hit[0]);
        choice = hit[1];
      } else {
        choice = (await fs.getByLabel('Ei', { exact: true }).count()) > 0 ? 'Ei' : 'Ei lainkaan';
      }
      const input = fs.getByLabel(choice, { exact: true });
      assert.equal(await input.count(), 1, `"${legend}" has the choice "${choice}"`);
      await input.check();
    }
    assert.deepEqual(ANSWERS.filter(([re]) => !used.has(re)).map(([re]) => String(re)), [], 'every named question is on the form');
    await page.getByLabel('Oma huomiosi (vapaaehtoinen)').fill(NOTE);
    await submit(page, page.getByRole('button', { name: 'Tallenna vastaukset' }), { status: 200 });
    assert.equal(new URL(page.url()).pathname, screeningPath);
    assert.match(await notice(page), /Vastauksesi on tallennettu/);
    assert.match(await text(page.locator('#result-h')), /OT-tason tuki on aiheellinen/);
    const reasons = await resultList(page, 'Mihin tulos perustuu');
    assert.ok(reasons.some((r) => r.startsWith('Psyykkiset oireet')), `the reasons name Psyykkiset oireet: ${reasons.join(' | ')}`);
    assert.match(await text(page.locator('#team')), new RegExp(NOTE.replace(/[().]/g, '\\$&')), 'her note is shown with the team');

    // 3. The colleague joins the team.
    await page.getByLabel('Kutsu kollega (käyttäjätunnus)').fill('demo-expert');
    await submit(page, page.getByRole('button', { name: 'Kutsu', exact: true }), { status: 200 });
    assert.equal(await notice(page), 'Kollega on lisätty tiimiin.');

    // 4. The colleague, in a browser of his own, sees her answers and adds his.
    await scenario('screening-colleague', async (page2) => {
      await signIn(page2, 'expert');
      await visit(page2, screeningPath);
      assert.equal(await answersForm(page2).locator('input:checked').count(), 0, 'only his own answers (none yet) are in his form');
      const others = await text(question(page2, /^Psyykkiset oireet/).locator('ul.others'));
      assert.match(others, /Laura Niskanen/, `her answer under the question: ${others}`);
      assert.match(others, /Vakavasti/);
      await question(page2, /^Nuoren tai vanhemman päihteiden käyttö/).getByLabel('Vakavasti', { exact: true }).check();
      await submit(page2, page2.getByRole('button', { name: 'Tallenna vastaukset' }), { status: 200 });
      assert.match(await notice(page2), /Vastauksesi on tallennettu/);
      assert.ok(await question(page2, /^Nuoren tai vanhemman päihteiden käyttö/).getByLabel('Vakavasti', { exact: true }).isChecked(), 'his answer is kept');
      assert.equal(await page2.getByRole('button', { name: 'Merkitse valmiiksi' }).count(), 0, 'only the owner finishes');
    });

    // 5. Back on her page: his answer is in the result; she marks it finished.
    const reloaded = await page.reload();
    assert.equal(reloaded.status(), 200);
    await checkA11y(page);
    const phenomena = await resultList(page, 'Ilmiöt, joihin vastaukset viittaavat');
    assert.ok(phenomena.some((p) => /Päihteiden käyttö/.test(p)), `the phenomena: ${phenomena.join(' | ')}`);
    await submit(page, page.getByRole('button', { name: 'Merkitse valmiiksi' }), { status: 200 });
    assert.match(await notice(page), /Seulonta on merkitty valmiiksi/);
    assert.equal(await answersForm(page).count(), 0, 'a finished screening takes no answers');

    // 6. The suggested channels, with reasons; a draft request to the first.
    await navigate(page, () => page.getByRole('link', { name: 'Katso ehdotetut kanavat ja asiantuntijat' }).click(), { status: 200 });
    assert.equal(new URL(page.url()).pathname, `${screeningPath}/guidance`);
    const channels = page.locator('main section[aria-labelledby="channels-h"] li.result');
    assert.ok((await channels.count()) > 0, 'channels are suggested');
    const channelsText = await text(page.locator('main section[aria-labelledby="channels-h"]'));
    assert.match(channelsText, /Seuraava kokous/);
    assert.match(channelsText, /Palvelee tasoa: OT-taso/);
    const first = channels.first();
    const channelName = await text(first.locator('h3 a'));
    const channelPath = await first.locator('h3 a').getAttribute('href');
    assert.match(channelPath, /^\/groups\/\d+$/, `the channel's link: ${channelPath}`);
    const button = first.getByRole('button', { name: /Tee konsultaatiopyyntö/ });
    assert.match(await button.textContent(), /Tee konsultaatiopyyntö/);
    await submit(page, button, { status: 200 });
    assert.match(new URL(page.url()).pathname, /^\/requests\/\d+\/edit$/);
    assert.match(await notice(page), /Konsultaatiopyynnön luonnos on tehty seulonnan vastauksista/);
    let situation = '';
    for (const area of await page.locator('main form textarea').all()) {
      const v = await area.inputValue();
      if (v.includes('Psyykkiset oireet')) situation = v;
    }
    assert.ok(situation, 'a textarea carries the answers');
    // The item's label is carried whole: "Psyykkiset oireet (esim. …): Vakavasti".
    assert.match(situation, /Psyykkiset oireet[^:\n]*: Vakavasti/, situation);
    assert.ok(await page.getByLabel('13–15 vuotta', { exact: true }).isChecked(), 'the age band is carried over');
    assert.ok((await text(page.locator('main .lead'))).includes(channelName), 'the draft is to the chosen channel');
    const requestId = new URL(page.url()).pathname.split('/')[2];
    // The screening lists the request made from it.
    await visit(page, screeningPath);
    assert.equal(await page.locator(`#result a[href="/requests/${requestId}"]`).count(), 1, 'the request is listed on the screening');

    // 7. The channel's public page, without logging in.
    await scenario('screening-public-channel', async (anon) => {
      await visit(anon, channelPath);
      assert.equal(await text(anon.locator('h1')), channelName);
      assert.ok(await anon.getByRole('heading', { name: 'Kuka voi pyytää konsultaatiota ja miten' }).isVisible());
      assert.doesNotMatch(await anon.content(), /video\.example\.fi/);
    });
  }));
