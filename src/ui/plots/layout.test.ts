import { describe, expect, it } from 'vitest';
import { composeLayout, fileName, legendEntries } from './layout.ts';
import type { Layout } from './plotly.ts';

const look = { title: 'Loss', large: false, ink: '#222', paper: 'transparent' };

describe('composeLayout', () => {
  it('keeps the caller’s axes, adds the shared look, and leaves the caller’s object alone', () => {
    const own: Partial<Layout> = { yaxis: { type: 'log' }, xaxis2: { matches: 'x' } };
    const out = composeLayout(own, look);
    expect(out.yaxis?.type).toBe('log');
    expect(out.yaxis?.gridcolor).toBeDefined();
    expect(out['xaxis2']?.matches).toBe('x');
    expect(out.title?.text).toBe('Loss');
    expect(own).toEqual({ yaxis: { type: 'log' }, xaxis2: { matches: 'x' } });
  });

  it('leaves fixed room for tick labels and axis titles: plotly never re-lays out for them', () => {
    const out = composeLayout({ yaxis: { type: 'log' } }, look);
    expect(out.yaxis?.automargin).toBe(false);
    expect(out.xaxis?.automargin).toBe(false);
    expect(out.yaxis).toMatchObject({ ticklabeloverflow: 'allow' });
    const lecture = composeLayout(undefined, { ...look, large: true });
    expect(lecture.margin?.l).toBeGreaterThan(out.margin?.l ?? Infinity);
    expect(lecture.margin?.b).toBeGreaterThan(out.margin?.b ?? Infinity);
  });

  it('uses bigger type in lecture mode', () => {
    expect(composeLayout(undefined, { ...look, large: true }).font?.size).toBeGreaterThan(
      composeLayout(undefined, look).font?.size ?? Infinity,
    );
  });
});

describe('fileName', () => {
  it('makes a short dashed name from a title', () => {
    expect(fileName('Pick against the ground truth (fresh points) · mean |cos| = 0.9987')).toBe(
      'pick-against-the-ground-truth-fresh-points',
    );
    expect(fileName('···')).toBe('chart');
  });
});

describe('titles', () => {
  it('leaves the title to the page, and exports it as a name over its statistics', () => {
    expect(composeLayout(undefined, { ...look, title: undefined }).title?.text).toBe('');
    const text = composeLayout(undefined, { ...look, title: 'Fit · r = 0.9 · a<b' }).title?.text;
    expect(text).toBe('Fit<br>r = 0.9 · a&lt;b');
  });
});

describe('legendEntries', () => {
  it('lists the traces plotly would show in its legend, with their colours and widths', () => {
    const entries = legendEntries([
      {
        type: 'contour',
        name: 'level sets',
        showlegend: true,
        colorscale: [
          [0, '#00f'],
          [1, '#00f'],
        ],
        line: { width: 1.5 },
      },
      { type: 'scatter', mode: 'lines', name: 'arrows', showlegend: true, line: { color: '#0a0', width: 2 } },
      {
        type: 'scatter',
        mode: 'lines',
        name: 'arrows',
        showlegend: false,
        line: { color: '#0a0', width: 2 },
      },
      {
        type: 'scatter',
        mode: 'markers',
        name: 'points',
        showlegend: true,
        marker: { color: '#888', size: 4 },
      },
    ]);
    expect(entries).toEqual([
      { name: 'level sets', colour: '#00f', width: 1.5 },
      { name: 'arrows', colour: '#0a0', width: 2 },
      { name: 'points', colour: '#888', width: 4 },
    ]);
  });
});
