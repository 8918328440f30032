// KaTeX typesetting in slices: a front of twenty equations arriving at once would be typeset in
// one React commit, a long task that freezes the page. Here waiting equations are typeset in
// tasks of a few milliseconds each, and what was typeset is kept by its LaTeX, so an equation
// that shows again (the same row in the next snapshot, the pick in the verification) costs nothing.
import katex from 'katex';
import { layoutWritePending, layoutWritten } from '../state/pendingDraws.ts';

/** Typeset for about this long (ms) in one task, then let the page draw. */
const SLICE_MS = 8;
/** Typeset equations kept, the oldest forgotten first. */
const KEPT = 500;

interface Job {
  latex: string;
  display: boolean;
}

const kept = new Map<string, string>();
const waiting = new Map<HTMLElement, Job>();
/** Set while a slice is scheduled: marks the queue's drawing done once it is empty. */
let queueDrawn: (() => void) | null = null;

const keyOf = ({ latex, display }: Job): string => `${display ? 'display' : 'inline'}:${latex}`;

function htmlOf(job: Job): string {
  const key = keyOf(job);
  let html = kept.get(key);
  if (html === undefined) {
    // The LaTeX comes from our printer over a validated expression tree, never from user text;
    // KaTeX escapes what it prints and trusts no command that reaches outside.
    html = katex.renderToString(job.latex, { displayMode: job.display, throwOnError: false });
    if (kept.size >= KEPT) kept.delete(kept.keys().next().value!);
    kept.set(key, html);
  }
  return html;
}

function typesetSlice(): void {
  const until = performance.now() + SLICE_MS;
  for (const [element, job] of waiting) {
    waiting.delete(element);
    element.innerHTML = htmlOf(job);
    if (performance.now() > until) break;
  }
  if (waiting.size > 0) {
    setTimeout(typesetSlice, 0);
    return;
  }
  queueDrawn?.();
  queueDrawn = null;
}

function schedule(): void {
  if (queueDrawn) return;
  queueDrawn = layoutWritePending();
  setTimeout(typesetSlice, 0);
}

/** Shows `latex` in `element`: at once if it was typeset before, else in a coming slice. */
export function typesetInto(element: HTMLElement, latex: string, display: boolean): void {
  const job = { latex, display };
  const html = kept.get(keyOf(job));
  if (html === undefined) {
    waiting.set(element, job);
    schedule();
    return;
  }
  waiting.delete(element);
  element.innerHTML = html;
  layoutWritten();
}

/** Drops an element that leaves the page before its turn. */
export function forget(element: HTMLElement): void {
  waiting.delete(element);
}
