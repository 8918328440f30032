// Nothing overlaps at projector sizes, in and out of lecture mode: no card over another, no formula
// over another, no text or formula outside its card (unless inside something that scrolls), and
// lecture mode's type readable from the back of a hall. Screenshots of each size are attached.
import type { Page } from '@playwright/test';
import { expect, test, resultEntry, resultFile, watchForProblems } from './support.ts';

test.setTimeout(180_000);

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];

/** What overlaps or overflows on the page, in words; empty when nothing does. */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type Box = { left: number; right: number; top: number; bottom: number };
    const box = (e: Element): Box => {
      const r = e.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    };
    const visible = (e: Element) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
    };
    const overlap = (a: Box, b: Box) =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
      Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
    const name = (e: Element) =>
      `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? `.${e.className.split(' ')[0]}` : ''} "${(e.textContent ?? '').trim().slice(0, 30)}"`;
    /** Whether something between `e` and `card` scrolls sideways (then `e` may be wider than the card). */
    const scrolls = (e: Element, card: Element) => {
      for (let p = e.parentElement; p && p !== card; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
      }
      return false;
    };
    const problems: string[] = [];
    const cards = [...document.querySelectorAll('.card, .lecture-stages li')].filter(visible);
    for (let i = 0; i < cards.length; i++)
      for (let j = i + 1; j < cards.length; j++) {
        const [a, b] = [cards[i]!, cards[j]!];
        if (a.contains(b) || b.contains(a)) continue;
        if (overlap(box(a), box(b))) problems.push(`${name(a)} overlaps ${name(b)}`);
      }
    const formulas = [...document.querySelectorAll('.katex')].filter(visible);
    for (let i = 0; i < formulas.length; i++)
      for (let j = i + 1; j < formulas.length; j++) {
        const [a, b] = [formulas[i]!, formulas[j]!];
        if (a.contains(b) || b.contains(a)) continue;
        if (overlap(box(a), box(b))) problems.push(`formula ${name(a)} overlaps formula ${name(b)}`);
      }
    for (const e of [...document.querySelectorAll('.katex, p, h2, h3, td, th, button, label')].filter(
      visible,
    )) {
      const card = e.closest('.card, .lecture-stages li');
      if (!card || scrolls(e, card)) continue;
      const [inner, outer] = [box(e), box(card)];
      if (inner.left < outer.left - 1 || inner.right > outer.right + 1)
        problems.push(`${name(e)} leaves its card ${name(card)}`);
    }
    return problems;
  });
}

/** A finished run of `experiment` shown from a file, with a long equation on its front. */
const EXPERIMENTS = [
  { id: 'oscillator-sin', variables: ['x', 'v'], pick: 'square(v) + sin(x)' },
  { id: 'classifier-a1', variables: ['x0', 'x1'], pick: 'square(x0) + 2 * square(x1)' },
  {
    id: 'field-strength',
    variables: ['Ex', 'Ey', 'Ez', 'Bx', 'By', 'Bz'],
    pick: 'Ex * Bx + Ey * By + Ez * Bz',
  },
];

for (const experiment of EXPERIMENTS) {
  test(`${experiment.id}: nothing overlaps or leaves its card at projector sizes, in and out of lecture mode`, async ({
    page,
  }, testInfo) => {
    const problems = watchForProblems(page);
    await page.goto(`/?v=1&experiment=${experiment.id}&seed=3`);
    const [a, b] = experiment.variables as [string, string];
    const long = `${experiment.pick} + 0.001 * (square(square(${a} - 0.5)) / (1 + square(${b} * ${a})) - cos(${a} * ${b} + 0.25) * exp(-square(${a})))`;
    const pick = resultEntry(5, experiment.pick, 1e-3);
    const file = resultFile(experiment.id, experiment.variables, [pick, resultEntry(37, long, 1e-5)], pick);
    await page.locator('.file-button input').setInputFiles({
      name: 'run.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await expect(page.locator('table.candidates tbody tr')).toHaveCount(2);
    for (const lecture of [false, true]) {
      if (lecture) await page.getByLabel('Lecture mode').check();
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await page.waitForTimeout(300);
        const label = `${experiment.id} ${size.width}x${size.height}${lecture ? ', lecture' : ''}`;
        await testInfo.attach(label, {
          body: await page.screenshot({ fullPage: true }),
          contentType: 'image/png',
        });
        expect(await layoutProblems(page), label).toEqual([]);
        if (lecture && size.width === 1920) {
          const fontSize = await page
            .locator('.lecture-stages li p')
            .first()
            .evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
          expect(fontSize, 'lecture body text at 1920x1080').toBeGreaterThanOrEqual(24);
        }
      }
    }
    expect(problems).toEqual([]);
  });
}
