// The input plane of a two-input experiment: arrows at the data, the neuron's level sets, and at
// verification the equation's beside them, in a plot of its own. Its legend is HTML above the plot and names the panels
// (plotly measures the text of its own legend and titles on every draw); plotly draws none on the page.
import { expect, test, watchForProblems } from './support.ts';

test.setTimeout(240_000);

test('the input plane shows its legend in HTML, with the equation’s level sets at verification', async ({
  page,
}) => {
  const problems = watchForProblems(page);
  await page.goto(
    '/?v=1&experiment=oscillator-harmonic&seed=2&examples=1500&hidden=16,16&epochs=10&lr=0.01&backend=wasm&check=off&timeLimit=10',
  );
  await page.getByRole('button', { name: 'Run all' }).click();
  const plane = page.locator('section[aria-label="Input plane"]');
  const legend = plane.locator('.chart__legend li');
  await expect(legend).toHaveText(['neuron level sets', 'neuron gradient at the data'], { timeout: 120_000 });
  await expect(page.locator('[data-stage="verify"]')).toHaveAttribute('data-status', 'done', {
    timeout: 200_000,
  });
  // Two panels, a plot each, each with its legend (no titles drawn in the plot: plotly measures them).
  await expect(plane.locator('figure')).toHaveCount(2);
  await expect(legend).toHaveText([
    'neuron level sets',
    'neuron gradient at the data',
    'recovered equation level sets',
    'neuron gradient at the data',
  ]);
  // Both panels drawn: a level-set trace and the arrows in each, and no plotly legend.
  await expect(plane.locator('g.contour')).toHaveCount(2);
  await expect(plane.locator('.scatterlayer .trace')).toHaveCount(2);
  await expect(plane.locator('g.legend')).toHaveCount(0);
  expect(problems).toEqual([]);
});
