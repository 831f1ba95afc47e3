// agora serve in Chromium: an open page reloads by itself after an edit,
// shows the overlay when the edit breaks the build, and loses it once the
// file is fixed. Waits are generous; nothing depends on how fast.
//
// Usage: node live_reload.test.js AGORA_BINARY FIXTURE_SITE_DIR [SCREENSHOT_DIR]
// (a screenshot of the overlay goes to SCREENSHOT_DIR/serve-overlay.png)
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { launch } = require('./chromium.js');

const TIMEOUT = 180000;
const DOC = 'content/notes/first-session.md';

function expect(cond, message) {
  if (!cond) throw new Error(message);
  console.log('ok: ' + message);
}

// Starts agora serve on a free port; resolves with the process and its URL.
function serve(agora, site) {
  const proc = spawn(agora, ['serve', '--config', path.join(site, 'site.yaml'), '--port', '0']);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no URL from agora serve')), TIMEOUT);
    proc.stdout.on('data', (chunk) => {
      process.stdout.write(chunk.toString().replace(/^(?=.)/gm, '  | '));
      output += chunk;
      const m = /agora serve: (http:\/\/127\.0\.0\.1:\d+\/) serves/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, url: m[1] });
      }
    });
    proc.stderr.on('data', (chunk) => process.stdout.write(chunk.toString().replace(/^(?=.)/gm, '  ! ')));
    proc.on('exit', (code) => reject(new Error('agora serve exited with ' + code)));
  });
}

// Saves as editors do: a new file renamed over the old one.
function save(site, text) {
  const file = path.join(site, DOC);
  fs.writeFileSync(file + '.tmp-edit', text);
  fs.renameSync(file + '.tmp-edit', file);
}

// Resolves once the page has navigated (reloaded) and its event stream is open.
async function reloaded(page, before) {
  await page.waitForFunction(
    (generation) => window.agoraServe && window.agoraServe.generation > generation &&
      window.agoraServe.open,
    before, { timeout: TIMEOUT, polling: 100 });
  return page.evaluate(() => window.agoraServe.generation);
}

(async () => {
  const [agora, fixture, shotDir] = process.argv.slice(2);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'agora-live-'));
  const site = path.join(work, 'site');
  fs.cpSync(fixture, site, { recursive: true });
  const original = fs.readFileSync(path.join(site, DOC), 'utf8');
  const { proc, url } = await serve(agora, site);
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    // The first build may still run: the waiting page reloads into the site.
    await page.goto(url + 'notes/first-session/');
    await page.waitForSelector('h1', { timeout: TIMEOUT });
    await page.waitForFunction(() => window.agoraServe && window.agoraServe.open &&
      document.querySelector('main'), null, { timeout: TIMEOUT, polling: 100 });
    let generation = await page.evaluate(() => window.agoraServe.generation);
    // Set in this page only: a reload clears it, proving the page reloaded
    // itself rather than being navigated by the test.
    await page.evaluate(() => { window.notReloaded = true; });

    const edited = original.replace('The champions opened the meeting.',
      'The champions opened the meeting with a marker-4711 word.');
    save(site, edited);
    generation = await reloaded(page, generation);
    expect(await page.evaluate(() => window.notReloaded === undefined), 'the page reloaded by itself');
    expect((await page.textContent('main')).includes('marker-4711'), 'the reloaded page shows the edit');

    const broken = edited.replace('date: 2019-12-10', 'date: 2019-13-45');
    const line = broken.split('\n').indexOf('date: 2019-13-45') + 1;
    save(site, broken);
    generation = await reloaded(page, generation);
    const overlay = await page.waitForSelector('#agora-serve-problems', { state: 'visible', timeout: TIMEOUT });
    const text = await overlay.textContent();
    expect(text.includes(`${DOC}:${line}:`), `the overlay names ${DOC}:${line}: ${text.slice(0, 160)}...`);
    expect((await page.textContent('main')).includes('marker-4711'), 'the last good page stays under the overlay');
    if (shotDir) {
      fs.mkdirSync(shotDir, { recursive: true });
      await page.setViewportSize({ width: 1024, height: 640 });
      await page.screenshot({ path: path.join(shotDir, 'serve-overlay.png') });
    }

    save(site, edited.replace('marker-4711', 'marker-4712'));
    generation = await reloaded(page, generation);
    expect(await page.$('#agora-serve-problems') === null, 'the overlay went away after the fix');
    expect((await page.textContent('main')).includes('marker-4712'), 'the fixed page is shown');
  } finally {
    await browser.close();
    proc.kill('SIGINT');
    await new Promise((resolve) => proc.exitCode !== null ? resolve() : proc.on('exit', resolve));
    fs.rmSync(work, { recursive: true, force: true });
  }
})().catch((e) => { console.error('FAIL: ' + e.message); process.exit(1); });
