// Daily work from the front page: each role finds what waits for it in its
// inbox and reaches the work by following it, without knowing a URL; the
// minutes open from the meeting; and every page a role can reach holds on
// a phone (390 px wide; the secretary's pages, the most tables, also at
// 320 px): no horizontal scrolling of the page, and axe-core clean.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scenario, visit, navigate, signIn, checkA11y, ROLES } from '../lib/app.js';

/** The front page's waiting items: [text, href]. */
const inbox = (page) =>
  page.locator('main section[aria-labelledby="waiting-h"] ul.inbox-list > li > a').evaluateAll((as) =>
    as.map((a) => [a.textContent.replace(/\s+/g, ' ').trim(), a.getAttribute('href')]));
const coming = (page) =>
  page.locator('main section[aria-labelledby="meetings-h"] ul.inbox-list > li > a').evaluateAll((as) =>
    as.map((a) => [a.textContent.replace(/\s+/g, ' ').trim(), a.getAttribute('href')]));

test('the secretary finds a request to triage on her front page and opens it from there', () =>
  scenario('inbox-secretary', async (page) => {
    await signIn(page, 'secretary');
    await visit(page, '/');
    const badge = page.locator('nav.main-nav a[href="/"] .count');
    const items = await inbox(page);
    const triage = items.find(([t]) => t.startsWith('Uusi pyyntö'));
    assert.ok(triage, `a request to triage: ${JSON.stringify(items)}`);
    assert.equal(Number((await badge.textContent()).match(/\d+/)[0]), items.length, 'the navigation counts them');
    await navigate(page, () => page.locator(`main ul.inbox-list a[href="${triage[1]}"]`).click(), { status: 200 });
    assert.match(page.url(), /\/requests\/\d+$/);
    assert.ok(await page.getByRole('button', { name: 'Hyväksy kokoukseen' }).isVisible(), 'the triage form is there');

    // Her coming meeting leads to its agenda, and the agenda to the minutes.
    await visit(page, '/');
    const [meeting] = await coming(page);
    assert.ok(meeting, 'a coming meeting');
    await navigate(page, () => page.locator(`main ul.inbox-list a[href="${meeting[1]}"]`).click(), { status: 200 });
    assert.match(page.url(), /\/agenda$/);
    await navigate(page, () => page.getByRole('link', { name: 'Pöytäkirja' }).click(), { status: 200 });
    assert.match(page.url(), /\/minutes$/);
    const pdf = await page.locator('a[href$="/minutes.pdf"]').getAttribute('href');
    const res = await page.request.get(pdf);
    assert.equal(res.status(), 200);
    assert.equal(res.headers()['content-type'], 'application/pdf');
    assert.ok((await res.body()).subarray(0, 5).toString() === '%PDF-', 'a PDF');
  }));

test('the requester finds her draft and her meetings from the front page', () =>
  scenario('inbox-requester', async (page) => {
    await signIn(page, 'requester');
    await visit(page, '/');
    const items = await inbox(page);
    const draft = items.find(([t]) => t.startsWith('Luonnos odottaa lähettämistä'));
    assert.ok(draft, `her draft waits: ${JSON.stringify(items)}`);
    await navigate(page, () => page.locator(`main ul.inbox-list a[href="${draft[1]}"]`).click(), { status: 200 });
    assert.equal((await page.locator('h1').textContent()).trim(), 'Esitietolomake');
    // The attachments are part of the form, above the send button.
    const order = await page.locator('main form').first().evaluate((f) => {
      const at = f.querySelector('#attachments');
      const send = f.querySelector('button[value="submit"]');
      return Boolean(at.compareDocumentPosition(send) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    assert.ok(order, 'the attachments come before Send');
  }));

test('a member sees the coming meetings of her groups with their agendas', () =>
  scenario('inbox-expert', async (page) => {
    await signIn(page, 'expert');
    await visit(page, '/');
    const meetings = await coming(page);
    assert.ok(meetings.length > 0, 'coming meetings');
    await navigate(page, () => page.locator(`main ul.inbox-list a[href="${meetings[0][1]}"]`).click(), { status: 200 });
    assert.match(page.url(), /\/groups\/\d+\/meetings\/\d{4}-\d{2}-\d{2}\/agenda$/);
  }));

test('the coordinator reaches the form editor from a group page', () =>
  scenario('inbox-coordinator', async (page) => {
    await signIn(page, 'coordinator');
    await visit(page, '/');
    assert.ok(await page.locator('#waiting-h').isVisible(), 'the coordinator has an inbox');
    await navigate(page, () => page.locator('main ul.cards a[href="/groups"]').click(), { status: 200 });
    await navigate(page, () => page.locator('main .card h2 a').first().click(), { status: 200 });
    await navigate(page, () => page.getByRole('link', { name: /esitietolomake/i }).click(), { status: 200 });
    assert.match(page.url(), /\/groups\/\d+\/form$/);
  }));

test('a researcher is told her work is statistics, with no case inbox', () =>
  scenario('inbox-researcher', async (page) => {
    await signIn(page, 'researcher');
    await visit(page, '/');
    assert.equal(await page.locator('#waiting-h').count(), 0);
    assert.match(await page.locator('main').textContent(), /tilastoja/);
  }));

// --- phones --------------------------------------------------------------------------

/** Paths worth one visit each: the same page with another number is the same layout. */
const shape = (p) => p.replace(/\d+/g, 'N');
const SKIP = /\.(ics|pdf|csv|xlsx|svg)$|^\/logout|\/feed|\/attachments\/|^\/api\//;

/** Every page `role` reaches by links from the front page, two clicks deep. */
async function crawl(page, width) {
  await page.setViewportSize({ width, height: 800 });
  const seen = new Set();
  let frontier = ['/'];
  const wide = [];
  for (let depth = 0; depth < 3 && frontier.length; depth += 1) {
    const next = [];
    for (const path of frontier) {
      if (seen.has(shape(path))) continue;
      seen.add(shape(path));
      const res = await page.goto(path);
      assert.ok((res?.headers()['content-type'] || '').startsWith('text/html'), `${path} is a page`);
      // Every page reached is checked with axe-core, refusals too.
      await checkA11y(page);
      if (res.status() !== 200) continue;
      const { scroll, viewport } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        viewport: window.innerWidth,
      }));
      if (scroll > viewport) {
        const culprits = await page.evaluate((vw) => [...document.querySelectorAll('main *')]
          .filter((e) => e.getBoundingClientRect().right > vw + 1 && !e.closest('.table-wrap'))
          .slice(0, 3).map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${e.className}`), viewport);
        wide.push(`${path}: ${scroll}px (${culprits.join(', ')})`);
      }
      const links = await page.locator('a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      for (const href of links) {
        const p = href.split('#')[0].split('?')[0];
        if (!SKIP.test(p) && !seen.has(shape(p))) next.push(p);
      }
    }
    frontier = [...new Set(next)];
  }
  return { wide, seen: seen.size };
}

for (const role of ROLES) {
  test(`${role}: every reachable page fits a 390 px phone`, () =>
    scenario(`phone-${role}`, async (page) => {
      await signIn(page, role);
      const { wide, seen } = await crawl(page, 390);
      assert.ok(seen > 5, `crawled ${seen} pages`);
      assert.deepEqual(wide, [], 'pages wider than the phone');
    }));
}

test('secretary: every reachable page fits a 320 px phone', () =>
  scenario('phone-secretary-320', async (page) => {
    await signIn(page, 'secretary');
    const { wide } = await crawl(page, 320);
    assert.deepEqual(wide, [], 'pages wider than the phone');
  }));
