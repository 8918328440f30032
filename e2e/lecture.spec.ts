// Lecture mode: large type, the stages explained with their formulas, the ground truth hidden
// until revealed, and the keyboard driving the run.
import { expect, test, SMALL_TRACE_RUN, watchForProblems } from './support.ts';

test.setTimeout(120_000);

test('lecture mode hides the truth until revealed, and space and the arrow keys drive the run', async ({
  page,
}, testInfo) => {
  const problems = watchForProblems(page);
  await page.goto(SMALL_TRACE_RUN);
  await page.getByLabel('Lecture mode').check();
  await expect(page.locator('.app.lecture')).toBeVisible();
  await expect(page.locator('.lecture-stages li')).toHaveCount(5);
  await expect(page.locator('.lecture-stages .katex').first()).toBeVisible();
  await expect(page.locator('.lecture-intro')).toContainText('Guess the law');
  await expect(page.locator('aside.left')).toHaveCount(0);
  await testInfo.attach('lecture mode', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });

  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('[data-stage="data"]')).toHaveAttribute('data-status', 'done');
  await expect(page.locator('[data-stage="train"]')).toHaveAttribute('data-status', 'idle');
  await page.keyboard.press(' ');
  await expect(page.locator('[data-stage="train"]')).toHaveAttribute('data-status', /running|done/);
  await page.keyboard.press(' ');
  await expect(page.locator('[data-stage="train"]')).toHaveAttribute('data-status', /paused|done/);
  await page.keyboard.press(' ');
  await expect(page.locator('[data-stage="verify"]')).toHaveAttribute('data-status', 'done', {
    timeout: 100_000,
  });

  await page.getByLabel('Reveal ground truth').check();
  await expect(page.locator('.lecture-intro .katex')).toBeVisible();
  await expect(page.locator('.verdict')).toContainText('recovers the ground truth');
  await testInfo.attach('lecture mode, revealed', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });
  expect(problems).toEqual([]);
});

test('in lecture mode the keys work whatever has focus, and Escape leaves it', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto(SMALL_TRACE_RUN);
  // Ticking the box leaves the focus on it: Space must run, not untick it.
  await page.getByLabel('Lecture mode').check();
  await expect(page.getByLabel('Lecture mode')).toBeFocused();
  await page.keyboard.press(' ');
  await expect(page.locator('[data-stage="data"]')).not.toHaveAttribute('data-status', 'idle');
  await expect(page.locator('.app.lecture')).toBeVisible();
  await expect(page.getByLabel('Lecture mode')).toBeChecked();
  await expect(page.locator('.key-legend')).toContainText('Esc');
  // A click on a button leaves the focus there too: Space still drives the run.
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeFocused();
  await page.keyboard.press(' ');
  await expect(page.locator('[data-stage="train"]')).toHaveAttribute('data-status', /paused|done/, {
    timeout: 60_000,
  });
  // Copy link in lecture mode copies a presenting link.
  await expect(page).toHaveURL(/lecture=1/);
  await page.keyboard.press('Escape');
  await expect(page.locator('.app.lecture')).toHaveCount(0);
  await expect(page).not.toHaveURL(/lecture=1/);
  expect(problems).toEqual([]);
});

test('a presenting link opens in lecture mode, runs at once and hides what it names', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto(`${SMALL_TRACE_RUN}&lecture=1&start=now&hide=plane,exports,neuron`);
  await expect(page.locator('.app.lecture')).toBeVisible();
  await expect(page.locator('[data-stage="verify"]')).toHaveAttribute('data-status', 'done', {
    timeout: 100_000,
  });
  await expect(page.locator('section[aria-label="Input plane"]')).toHaveCount(0);
  await expect(page.locator('section[aria-label="Neuron against the ground truth"]')).toHaveCount(0);
  await expect(page.locator('section[aria-label="Pareto front"]')).toHaveCount(1);
  await expect(page.locator('.exports')).toHaveCount(0);
  await expect(page).toHaveURL(/lecture=1/);
  await expect(page).toHaveURL(/hide=plane,exports,neuron/);
  // The Pareto front as the papers drew it: a bar per complexity, the chosen equation labelled.
  await page.getByLabel('As the papers drew it', { exact: false }).check();
  await expect(page.locator('section[aria-label="Pareto front"] .annotation-text')).toContainText('chosen:');
  // Each figure can be shown large, one at a time; Escape closes it before it leaves lecture mode.
  const front = page.locator('section[aria-label="Pareto front"]');
  await front.getByRole('button', { name: 'Show large' }).click();
  await expect(front).toHaveClass(/enlarged/);
  const large = (await front.boundingBox())!;
  expect(large.width).toBeGreaterThan(1000);
  await page.keyboard.press('Escape');
  await expect(front).not.toHaveClass(/enlarged/);
  await expect(page.locator('.app.lecture')).toBeVisible();
  expect(problems).toEqual([]);
});

test('a guided run stops after each stage on what just happened, until Space', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto(`${SMALL_TRACE_RUN}&lecture=1&guided=1`);
  await expect(page.getByLabel('Guided (stop after each stage)')).toBeChecked();
  await page.keyboard.press(' ');
  const stop = page.getByRole('region', { name: 'What just happened' });
  await expect(stop).toContainText('done');
  await expect(stop).toContainText('Look at:');
  await expect(page.locator('[data-stage="train"]')).toHaveAttribute('data-status', 'idle');
  await page.keyboard.press(' ');
  await expect(page.locator('[data-stage="train"]')).toHaveAttribute('data-status', 'done', {
    timeout: 60_000,
  });
  await expect(stop).toContainText('The loss curve falls');
  await expect(stop.locator('.katex')).toBeVisible();
  await expect(page.locator('[data-stage="gradients"]')).toHaveAttribute('data-status', 'idle');
  expect(problems).toEqual([]);
});
