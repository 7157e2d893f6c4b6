#!/usr/bin/env node
// Renders bound Adaptive Cards with the official `adaptivecards` renderer (pinned in package.json) inside Debian's
// headless Chromium (driven by playwright-core, which downloads no browser), and reports, per card, every parse
// event, every `validateProperties()` event, any exception, console error or page error, and the rendered size.
//
//   node render-cards.cjs <input.json> <output.json> [screenshot-folder]
//
// input.json:  { "cards": [ { "name": "help/help", "card": { ...bound AdaptiveCard... } } ] }
// output.json: { "chromium": "...", "renderer": "3.0.6", "timings": {...}, "blockedRequests": [...],
//                "pageErrors": [...], "results": [ { "name", "ok", "problems": [...], "width", "height", "ms",
//                "screenshot" } ] }
//
// The renderer is held to what Teams accepts: schema version 1.5 (newer properties are parse events, a card whose
// version is above 1.5 fails validation) and only the element and action types Teams supports. No network is
// needed or allowed: every request the page makes is aborted and listed, and DNS resolves nothing.
//
// CHROMIUM_PATH overrides the browser (default /usr/bin/chromium). Exit code 0 when the run completed (whatever the
// cards' results), 2 for bad arguments, 3 when the browser cannot be started or the run itself failed.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const TEAMS_ELEMENTS = [
  'TextBlock', 'RichTextBlock', 'Image', 'Container', 'ColumnSet', 'ImageSet', 'FactSet', 'ActionSet', 'Table',
  'Input.Text', 'Input.Number', 'Input.Date', 'Input.Time', 'Input.Toggle', 'Input.ChoiceSet',
];
const TEAMS_ACTIONS = ['Action.Execute', 'Action.Submit', 'Action.OpenUrl', 'Action.ShowCard', 'Action.ToggleVisibility'];

// Roughly the width of a card in a Teams chat on desktop.
const CARD_WIDTH_PX = 450;

async function main() {
  const [inputPath, outputPath, screenshotDir] = process.argv.slice(2);
  if (!inputPath || !outputPath) {
    console.error('usage: node render-cards.cjs <input.json> <output.json> [screenshot-folder]');
    process.exit(2);
  }

  const started = Date.now();
  const input = JSON.parse(fs.readFileSync(inputPath, 'utf8'));
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}: install Debian's package (apt-get install chromium; .ci/run does) or set CHROMIUM_PATH.`);
  }

  const { chromium } = require('playwright-core');
  const modules = path.join(__dirname, 'node_modules');
  const rendererScript = path.join(modules, 'adaptivecards', 'dist', 'adaptivecards.js');
  const markdownScript = path.join(modules, 'markdown-it', 'dist', 'browser', 'markdown-it.umd.min.js');
  const rendererVersion = JSON.parse(fs.readFileSync(path.join(modules, 'adaptivecards', 'package.json'), 'utf8')).version;

  const browser = await chromium.launch({
    executablePath,
    headless: true,
    timeout: 60_000,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-extensions', '--disable-default-apps',
      '--host-resolver-rules=MAP * ~NOTFOUND',
    ],
  });
  const launched = Date.now();
  const output = {
    chromium: browser.version(),
    renderer: rendererVersion,
    timings: {},
    blockedRequests: [],
    pageErrors: [],
    results: [],
  };

  try {
    const context = await browser.newContext({ viewport: { width: CARD_WIDTH_PX + 40, height: 800 }, deviceScaleFactor: 1 });
    await context.route('**/*', (route) => {
      output.blockedRequests.push(route.request().url());
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => output.pageErrors.push(`page error: ${error.stack || error.message}`));
    page.on('console', (message) => {
      const blocked = message.text().includes('ERR_BLOCKED_BY_CLIENT'); // an aborted request: listed in blockedRequests
      if ((message.type() === 'error' || message.type() === 'warning') && !blocked) {
        output.pageErrors.push(`console ${message.type()}: ${message.text()}`);
      }
    });

    await page.setContent(
      '<!doctype html><html><head><meta charset="utf-8"><style>' +
      'body{margin:0;padding:20px;background:#f5f5f5;font-family:"Segoe UI","DejaVu Sans",sans-serif}' +
      `.card{width:${CARD_WIDTH_PX}px;margin:0 0 20px 0;background:#fff;border-radius:4px}` +
      '.ac-pushButton{background:#fff;border:1px solid #d1d1d1;border-radius:4px;padding:5px 12px;font:inherit;' +
      'font-size:14px;color:#242424;cursor:pointer}' +
      // markdown-it's lists inside a TextBlock: keep them inside the block, as Teams does.
      '.ac-textBlock ul,.ac-textBlock ol{box-sizing:border-box;margin:0;padding-left:22px}' +
      '</style></head><body></body></html>');
    await page.addScriptTag({ path: markdownScript });
    await page.addScriptTag({ path: rendererScript });
    const ready = Date.now();

    const results = await page.evaluate(renderAll, { cards: input.cards, elements: TEAMS_ELEMENTS, actions: TEAMS_ACTIONS });
    const rendered = Date.now();

    for (const [index, result] of results.entries()) {
      if (screenshotDir && result.rendered && result.height > 0) {
        const file = path.join(screenshotDir, result.name.replace(/[\\/]/g, '__') + '.png');
        fs.mkdirSync(path.dirname(file), { recursive: true });
        await page.locator(`#card-${index}`).screenshot({ path: file });
        result.screenshot = file;
      }

      output.results.push(result);
    }

    output.timings = {
      launchMs: launched - started,
      pageMs: ready - launched,
      renderMs: rendered - ready,
      screenshotsMs: Date.now() - rendered,
      totalMs: Date.now() - started,
    };
  } finally {
    await browser.close();
  }

  fs.writeFileSync(outputPath, JSON.stringify(output, null, 2));
}

// Runs inside the page: parses, validates and renders each card with the official renderer.
function renderAll({ cards, elements, actions }) {
  const AC = window.AdaptiveCards;
  const v15 = AC.Versions.v1_5;

  const elementRegistry = new AC.CardObjectRegistry();
  for (const name of elements) {
    const registration = AC.GlobalRegistry.elements.findByName(name);
    if (!registration) throw new Error(`the renderer does not know ${name}`);
    elementRegistry.register(name, registration.objectType, registration.schemaVersion);
  }

  const actionRegistry = new AC.CardObjectRegistry();
  for (const name of actions) {
    const registration = AC.GlobalRegistry.actions.findByName(name);
    if (!registration) throw new Error(`the renderer does not know ${name}`);
    actionRegistry.register(name, registration.objectType, registration.schemaVersion);
  }

  // Teams renders a subset of Markdown in TextBlock; markdown-it stands in for it (the renderer warns without one).
  const markdown = window.markdownit({ html: false, linkify: false, breaks: false });
  AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = markdown.render(text);
    result.didProcess = true;
  };

  const describe = (e) =>
    `${AC.ValidationEvent[e.event] || e.event}: ${e.message}` +
    (e.source && e.source.getJsonTypeName ? ` (at ${e.source.getJsonTypeName()}${e.source.id ? ' #' + e.source.id : ''})` : '');

  return cards.map(({ name, card }, index) => {
    const started = performance.now();
    const result = { name, ok: false, rendered: false, problems: [], clipped: [], width: 0, height: 0, ms: 0, inputs: 0, actions: 0 };
    // What the renderer logs while it handles this card is this card's problem.
    const original = { warn: console.warn, error: console.error };
    console.warn = (...args) => result.problems.push('console.warn: ' + args.map(String).join(' '));
    console.error = (...args) => result.problems.push('console.error: ' + args.map(String).join(' '));
    try {
      const adaptiveCard = new AC.AdaptiveCard();
      adaptiveCard.hostConfig = new AC.HostConfig({ fontFamily: 'Segoe UI, DejaVu Sans, sans-serif' });
      adaptiveCard.maxVersion = v15;

      const context = new AC.SerializationContext(v15);
      context.setElementRegistry(elementRegistry);
      context.setActionRegistry(actionRegistry);
      adaptiveCard.parse(card, context);
      for (let i = 0; i < context.eventCount; i++) {
        result.problems.push('parse ' + describe(context.getEventAt(i)));
      }

      for (const event of adaptiveCard.validateProperties().validationEvents) {
        result.problems.push('validation ' + describe(event));
      }

      const element = adaptiveCard.render();
      if (!element) {
        result.problems.push('render() returned nothing');
      } else {
        const holder = document.createElement('div');
        holder.id = `card-${index}`;
        holder.className = 'card';
        holder.appendChild(element);
        document.body.appendChild(holder);
        const box = holder.getBoundingClientRect();
        result.rendered = true;
        result.width = Math.round(box.width);
        result.height = Math.round(box.height);
        if (result.height === 0) result.problems.push('the card rendered with no height');
        // Reported, not failed: content cut off at the right edge at Teams' chat width (Teams' own layout differs).
        for (const node of holder.querySelectorAll('*')) {
          const style = getComputedStyle(node);
          if (node.scrollWidth > node.clientWidth + 1 && node.clientWidth > 0 && style.overflowX !== 'visible') {
            const what = (node.className || node.tagName).toString().split(' ')[0];
            const text = (node.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40);
            result.clipped.push(`${what} "${text}" needs ${node.scrollWidth}px, has ${node.clientWidth}px`);
          }
        }
        result.inputs = adaptiveCard.getAllInputs().length;
        result.actions = adaptiveCard.getActionCount();
      }
    } catch (error) {
      result.problems.push(`exception: ${error && error.stack ? error.stack : error}`);
    } finally {
      console.warn = original.warn;
      console.error = original.error;
    }

    result.ms = Math.round((performance.now() - started) * 10) / 10;
    result.ok = result.rendered && result.problems.length === 0;
    return result;
  });
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : String(error));
  process.exit(3);
});
