// Drives the example chat page in headless Chromium (Debian's, at /usr/bin/chromium) with playwright-core.
// ChatPageBrowserIT starts the server, runs this script and restarts the server when asked:
//   this script prints "@@server stop"  -> the Java test stops the server, then answers "stop done" on stdin;
//   this script prints "@@server start" -> the Java test starts it on the same port, then answers "start done".
// Environment: CHAT_URL (the page, e.g. http://127.0.0.1:8080/), SCREENSHOT (a .png path), CHROMIUM (optional).
// Exit code 0 when every check passed.
import { chromium, selectors } from 'playwright-core';
import readline from 'node:readline';

const CHAT_URL = required('CHAT_URL');
const SCREENSHOT = required('SCREENSHOT');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const WAIT_MS = 15_000; // the bound of every single wait
const ANSWER_MS = 60_000; // the bound of a server stop or start by the Java test

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`Set ${name}`);
  return value;
}

const started = Date.now();

function step(message) {
  console.log(`${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s  ${message}`);
}

// ---- talking to the Java test over stdout and stdin

const stdinLines = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();

async function server(command) {
  console.log(`@@server ${command}`);
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`The Java test did not answer "@@server ${command}" within ${ANSWER_MS} ms`)), ANSWER_MS);
  });
  try {
    const answer = await Promise.race([stdinLines.next(), timeout]);
    if (answer.done || answer.value.trim() !== `${command} done`) {
      throw new Error(`The Java test answered "@@server ${command}" with ${answer.done ? 'end of input' : `"${answer.value}"`}`);
    }
  } finally {
    clearTimeout(timer);
  }
}

// ---- the page, as a user sees it

const pageErrors = [];

async function openChat(browser, room, name) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 640 } });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  page.on('pageerror', (error) => pageErrors.push(`${name}: ${error.message}`));
  await page.goto(CHAT_URL, { timeout: WAIT_MS });
  await page.getByTestId('room').fill(room);
  await page.getByTestId('name').fill(name);
  await page.getByTestId('join').click();
  await expectStatus(page, 'connected');
  return page;
}

async function say(page, text) {
  await page.getByTestId('text').fill(text);
  await page.getByTestId('send').click();
}

/** Waits until the page's status line is in a state (data-state) whose text contains `words`, if given. */
async function expectStatus(page, state, words) {
  const selector = words
    ? `[data-test="status"][data-state="${state}"]:has-text("${words}")`
    : `[data-test="status"][data-state="${state}"]`;
  await page.locator(selector).waitFor({ timeout: WAIT_MS });
}

/** Waits until the texts of all elements with a data-test are exactly `expected`, in order. */
async function expectTexts(page, testId, expected, what) {
  try {
    await page.waitForFunction(
      ([id, texts]) => {
        const found = [...document.querySelectorAll(`[data-test="${id}"]`)].map((element) => element.textContent);
        return JSON.stringify(found) === JSON.stringify(texts);
      },
      [testId, expected],
      { timeout: WAIT_MS },
    );
  } catch (error) {
    const found = await page.getByTestId(testId).allTextContents();
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, found ${JSON.stringify(found)}`, { cause: error });
  }
}

async function expectOnline(page, names, who) {
  await expectTexts(page, 'online-name', names, `online list of ${who}`);
}

/** Waits until a message from `from` with exactly this text is shown. */
async function expectMessage(page, from, text) {
  await page.getByTestId('message')
    .filter({ has: page.getByTestId('message-from').getByText(from, { exact: true }) })
    .filter({ has: page.getByTestId('message-text').getByText(text, { exact: true }) })
    .first()
    .waitFor({ timeout: WAIT_MS });
}

// ---- the checks

async function run(browser) {
  const bobName = 'Bob <b>"&"</b>'; // must show as typed, never as markup
  const lobby = ['Ann', bobName];

  step('two pages join the lobby, a third the kitchen');
  const ann = await openChat(browser, 'lobby', 'Ann');
  const bob = await openChat(browser, 'lobby', bobName);
  const cy = await openChat(browser, 'kitchen', 'Cy');
  await expectOnline(ann, lobby, 'Ann');
  await expectOnline(bob, lobby, 'Bob');
  await expectOnline(cy, ['Cy'], 'Cy');
  if (await ann.locator('[data-test="online"] b').count() !== 0) throw new Error('A name was rendered as HTML');

  step('pages in the same room see each other\'s messages');
  const hello = 'Hello lobby, <i>this is not italic</i> & "quoted"';
  await say(ann, hello);
  await expectMessage(bob, 'Ann', hello);
  await expectMessage(ann, 'Ann', hello);
  await say(bob, 'Hi Ann');
  await expectMessage(ann, bobName, 'Hi Ann');
  if (await ann.locator('[data-test="messages"] i').count() !== 0) throw new Error('A message was rendered as HTML');

  step('the page in another room does not see them');
  await say(cy, 'Anyone in the kitchen?');
  await expectMessage(cy, 'Cy', 'Anyone in the kitchen?');
  await expectTexts(cy, 'message-text', ['Anyone in the kitchen?'], 'messages of Cy');
  await expectTexts(ann, 'message-text', [hello, 'Hi Ann'], 'messages of Ann');

  step('a page that closes leaves the online list of the others');
  const dee = await openChat(browser, 'lobby', 'Dee');
  await expectOnline(ann, [...lobby, 'Dee'].sort(), 'Ann');
  await dee.close();
  await expectOnline(ann, lobby, 'Ann');
  await expectOnline(bob, lobby, 'Bob');
  await expectOnline(cy, ['Cy'], 'Cy');

  step('the server stops: the pages say they are reconnecting');
  await server('stop');
  for (const page of [ann, bob, cy]) {
    await expectStatus(page, 'reconnecting', 'reconnecting…');
    await expectOnline(page, [], 'a page while the server is down');
  }

  step('the server starts again on the same port: the pages reconnect and messages flow again');
  await server('start');
  for (const page of [ann, bob, cy]) {
    await expectStatus(page, 'connected');
  }
  await expectOnline(ann, lobby, 'Ann');
  await expectOnline(bob, lobby, 'Bob');
  await expectOnline(cy, ['Cy'], 'Cy');
  await say(bob, 'Back again?');
  await expectMessage(ann, bobName, 'Back again?');
  await say(ann, 'Yes, back again.');
  await expectMessage(bob, 'Ann', 'Yes, back again.');
  await say(cy, 'Kitchen is back too');
  await expectMessage(cy, 'Cy', 'Kitchen is back too');
  await expectTexts(cy, 'message-text', ['Anyone in the kitchen?', 'Kitchen is back too'], 'messages of Cy');

  await ann.screenshot({ path: SCREENSHOT, fullPage: true, timeout: WAIT_MS });
  step(`screenshot saved to ${SCREENSHOT}`);

  if (pageErrors.length) throw new Error(`JavaScript errors on the pages: ${pageErrors.join('; ')}`);
}

selectors.setTestIdAttribute('data-test');
let browser;
let failed = false;
try {
  // Playwright gives every launch a new, empty --user-data-dir of its own and deletes it afterwards.
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 30_000,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic',
    ],
  });
  step(`Chromium ${browser.version()} at ${CHROMIUM}`);
  await run(browser);
  console.log(`PASS in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  failed = true;
  console.log(`FAIL: ${error.stack || error}`);
} finally {
  await browser?.close().catch((error) => console.log(`closing Chromium failed: ${error}`));
}
process.exit(failed ? 1 : 0);
