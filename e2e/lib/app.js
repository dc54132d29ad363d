// Shared helpers of the end-to-end tests: the browser, a page per test with
// failure artefacts, logging in, and the axe-core check every page must pass.
//
// A scenario file (tests/*.test.js) looks like:
//
//   import { test } from 'node:test';
//   import { scenario, login, visit } from '../lib/app.js';
//   test('the coordinator sees the groups', () => scenario('groups', async (page) => {
//     await login(page, 'coordinator');
//     await visit(page, '/groups');
//     ...
//   }));
//
// Every document the page loads must be checked with checkA11y before the
// test moves on (visit, submit and login do it); scenario() fails a test
// that left a page unchecked.

import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);

export const BASE_URL = need('OTALUSTA_E2E_URL');
export const PASSWORD = need('OTALUSTA_E2E_PASSWORD');
export const ARTIFACTS = path.resolve(
  process.env.OTALUSTA_E2E_ARTIFACTS ?? new URL('../../test-artifacts/e2e', import.meta.url).pathname,
);
const CHROMIUM = process.env.OTALUSTA_E2E_CHROMIUM ?? '/usr/bin/chromium';

/** The demo accounts, by role. */
export const ROLES = ['requester', 'expert', 'secretary', 'coordinator', 'researcher', 'auditor', 'admin'];
export const username = (role) => (ROLES.includes(role) ? `demo-${role}` : role);

/** Visible strings the tests look for, per language. */
export const T = {
  fi: { login: 'Kirjaudu sisään', logout: 'Kirjaudu ulos', account: 'Oma tili', home: 'OT-keskusten sähköinen alusta', loginTitle: 'Kirjautuminen' },
  sv: { login: 'Logga in', logout: 'Logga ut', account: 'Mitt konto', home: 'OT-centrens elektroniska plattform', loginTitle: 'Inloggning' },
  en: { login: 'Log in', logout: 'Log out', account: 'My account', home: "The OT centres' electronic platform", loginTitle: 'Log in' },
};

function need(name) {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run the tests with scripts/e2e.sh`);
  return v;
}

// --- the browser: one per test file -----------------------------------------

let browser;
before(async () => {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
});
after(async () => {
  await browser?.close();
});

/**
 * Runs `fn(page)` in a fresh browser context (no cookies, Finnish
 * browser). On failure saves a screenshot and the page's HTML to
 * test-artifacts/e2e/<name>.{png,html}. Fails when a loaded page was not
 * checked for accessibility.
 */
export async function scenario(name, fn, { locale = 'fi-FI' } = {}) {
  const context = await browser.newContext({
    baseURL: BASE_URL,
    locale,
    // axe-core is injected as an inline script, which the app's CSP refuses.
    bypassCSP: true,
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  trackDocuments(page);
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    // A page answered with its (asserted) error status is no problem; a
    // failed sub-resource is caught below with its URL.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) {
      problems.push(`console error on ${page.url()}: ${m.text()}`);
    }
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.request().isNavigationRequest()) {
      problems.push(`${r.request().method()} ${r.url()} answered ${r.status()} (on ${page.url()})`);
    }
  });
  // A link that downloads a file (Content-Disposition: attachment) ends its
  // navigation as "aborted": that is no failure.
  const downloads = new Set();
  page.on('download', (d) => downloads.add(d.url()));
  const failed = [];
  page.on('requestfailed', (r) => failed.push({ method: r.method(), url: r.url(), error: r.failure()?.errorText }));
  try {
    await fn(page);
    const unchecked = page.__docs.filter((d) => !d.checked).map((d) => d.url);
    assert.deepEqual(unchecked, [], 'pages loaded but never checked with checkA11y');
    for (const f of failed) {
      if (f.error === 'net::ERR_ABORTED' && downloads.has(f.url)) continue;
      problems.push(`${f.method} ${f.url} failed: ${f.error}`);
    }
    assert.deepEqual(problems, [], 'the browser reported errors');
  } catch (e) {
    await saveArtifacts(page, name).catch((err) => console.error(`could not save artefacts: ${err}`));
    throw e;
  } finally {
    await context.close();
  }
}

async function saveArtifacts(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const base = path.join(ARTIFACTS, name.replace(/[^\w.-]+/g, '_'));
  await page.screenshot({ path: `${base}.png`, fullPage: true });
  writeFileSync(`${base}.html`, `<!-- ${page.url()} -->\n${await page.content()}`);
  console.error(`# failure artefacts: ${base}.png, ${base}.html (${page.url()})`);
}

// Every new document of the main frame (not a jump to #fragment) is listed;
// checkA11y marks the current one.
function trackDocuments(page) {
  page.__docs = [];
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame()) return;
    const url = frame.url();
    if (url === 'about:blank') return;
    const last = page.__docs.at(-1);
    if (last && url.split('#')[0] === last.url.split('#')[0] && url.includes('#')) return;
    page.__docs.push({ url, checked: false });
  });
}

// --- accessibility -------------------------------------------------------------

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_VERSION = JSON.parse(readFileSync(require.resolve('axe-core/package.json'), 'utf8')).version;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const FAILING_IMPACTS = new Set(['serious', 'critical']);
const reported = new Set();

/**
 * Runs axe-core (WCAG 2.1 A and AA) on the current page. Fails on any
 * violation of impact serious or critical, naming the URL, the rule and
 * the offending elements; prints milder ones once per rule and page.
 */
export async function checkA11y(page) {
  await page.waitForLoadState('load');
  const hasAxe = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!hasAxe) await page.addScriptTag({ content: AXE_SOURCE });
  const results = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    AXE_TAGS,
  );
  const url = page.url();
  const failing = [];
  for (const v of results.violations) {
    const line = `${v.impact} ${v.id} (${v.help}) at ${url}\n${v.nodes
      .map((n) => `    ${n.target.join(' ')}${n.failureSummary ? `: ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`)
      .join('\n')}`;
    if (FAILING_IMPACTS.has(v.impact)) failing.push(line);
    else if (!reported.has(`${v.id} ${new URL(url).pathname}`)) {
      reported.add(`${v.id} ${new URL(url).pathname}`);
      console.log(`# accessibility (not failing): ${line}`);
    }
  }
  const doc = page.__docs?.at(-1);
  if (failing.length) {
    throw new assert.AssertionError({ message: `accessibility violations:\n  ${failing.join('\n  ')}` });
  }
  if (doc) doc.checked = true;
  checkedPages += 1;
}

let checkedPages = 0;
after(() => console.log(`# accessibility: ${checkedPages} page states checked with axe-core ${AXE_VERSION}`));

// --- navigation ----------------------------------------------------------------

/** Opens `path` (relative to the base URL), checks the answer and a11y. */
export async function visit(page, path, { status = 200 } = {}) {
  const res = await page.goto(path);
  assert.equal(res?.status(), status, `GET ${path}`);
  await checkA11y(page);
  return res;
}

/**
 * Runs `action` (a click, an Enter…) that submits a form or follows a link,
 * waits for the new page and checks it. Returns the final response.
 */
export async function navigate(page, action, { status } = {}) {
  const [res] = await Promise.all([page.waitForNavigation(), action()]);
  if (status !== undefined) assert.equal(res?.status(), status, `after navigation to ${page.url()}`);
  await checkA11y(page);
  return res;
}

/** Clicks `locator` (a submit button) and checks the resulting page. */
export const submit = (page, locator, opts) => navigate(page, () => locator.click(), opts);

/** The header's logout button (a form button), in any language. */
export const logoutButton = (page) => page.locator('header form[action="/logout"] button');
/** The header's login link. */
export const loginLink = (page) => page.locator('header .account a[href="/login"]');

/** Logs `role` ('admin' is demo-admin; any other name as it is) in through the login form. */
export async function login(page, role, { password = PASSWORD } = {}) {
  const name = username(role);
  await visit(page, '/login');
  await page.locator('#username').fill(name);
  await page.locator('#password').fill(password);
  await submit(page, page.locator('main form[action="/login"] button[type=submit]'), { status: 200 });
  await assertLoggedIn(page);
}

/**
 * Signs `role` in through the JSON API (`POST /api/v1/session`), which sets
 * the same session cookie as the login form, without opening a page. For
 * scenarios about something else than logging in (the form has its own
 * tests); it saves two page loads and their checks per scenario.
 */
export async function signIn(page, role, { password = PASSWORD } = {}) {
  const name = username(role);
  const res = await page.request.post('/api/v1/session', { data: { username: name, password } });
  assert.equal(res.status(), 200, `POST /api/v1/session as ${name}: ${await res.text()}`);
}

export async function assertLoggedIn(page) {
  await logoutButton(page).waitFor({ state: 'visible' });
  await page.locator('header a.who').waitFor({ state: 'visible' });
}

/** Logs out through the header's form and checks the login link is back. */
export async function logout(page) {
  await submit(page, logoutButton(page), { status: 200 });
  await loginLink(page).waitFor({ state: 'visible' });
  assert.equal(await logoutButton(page).count(), 0, 'no logout button after logout');
}

/** `<html lang>` of the current page. */
export const htmlLang = (page) => page.locator('html').getAttribute('lang');

/** The element that has the keyboard focus, described for messages. */
export async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: 'body' };
    const s = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      name: el.getAttribute('name'),
      type: el.getAttribute('type'),
      href: el.getAttribute('href'),
      text: (el.textContent ?? '').trim().slice(0, 60),
      outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
      outlineVisible: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
      boxShadow: s.boxShadow,
    };
  });
}

/** Fails unless the focused element shows a focus indicator. */
export async function assertFocusVisible(page) {
  const f = await focused(page);
  assert.ok(
    f.outlineVisible || (f.boxShadow && f.boxShadow !== 'none'),
    `focus not visible on ${JSON.stringify(f)}`,
  );
  return f;
}

/** Presses Tab until `predicate(focused)` holds (at most `max` presses). */
export async function tabTo(page, predicate, { max = 40, key = 'Tab' } = {}) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const f = await focused(page);
    seen.push(f.id || f.href || f.text || f.tag);
    if (predicate(f)) return f;
  }
  throw new assert.AssertionError({ message: `${key} never reached the element; focus went through: ${seen.join(' → ')}` });
}
