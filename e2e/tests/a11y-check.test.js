// The accessibility check itself: it must catch what it is there to catch,
// or every other test would pass for nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scenario, checkA11y } from '../lib/app.js';

test('checkA11y fails on serious violations and names rule and element', () =>
  scenario('a11y-selftest', async (page) => {
    await page.setContent(`<!doctype html><html lang="fi"><head><title>t</title></head><body>
      <main><h1>Otsikko</h1>
        <input id="unlabelled" type="text">
        <p id="faint" style="color:#bbb;background:#fff">Heikko kontrasti</p>
      </main></body></html>`);
    await assert.rejects(checkA11y(page), (e) => {
      assert.match(e.message, /critical label .*\n\s+#unlabelled/);
      assert.match(e.message, /serious color-contrast .*\n\s+#faint/);
      return true;
    });
    await page.setContent(`<!doctype html><html lang="fi"><head><title>t</title></head><body>
      <main><h1>Otsikko</h1><label for="ok">Nimi</label><input id="ok" type="text"></main></body></html>`);
    await checkA11y(page);
  }));
