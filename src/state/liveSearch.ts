// The page during a search: its panels drawn between rounds, and its pick so far checked against
// the truth as soon as it shows, so a lecture sees whether the pick is the law without waiting for
// the search to settle (the verify stage gives the final pick the same check).

import type { Expr } from '../core/expr/types.ts';
import type { EntryCheck } from '../pipeline/report.ts';
import { untilNoDrawIsPending } from './pendingDraws.ts';
import type { LiveCheck } from './store.ts';

/** The longest the search waits for the charts and equations a refresh scheduled. */
const DRAW_WAIT_MS = 400;
/** The longest the search waits for a frame that shows its refreshed panels. */
const FRAME_WAIT_MS = 100;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Resolves once the panels refreshed in this task are on screen: React renders them at once, their
 * charts and equations draw in timers set meanwhile (`pendingDraws.ts`), and the browser lays out
 * and paints them in the next frame. The search waits for it before its next round, so that none of
 * this shares the processor with the island workers: on a machine with fewer cores than threads
 * each such task took two to three times as long. A hidden page draws nothing and is not waited for.
 */
export async function untilThePanelsHaveDrawn(): Promise<void> {
  if (document.visibilityState === 'hidden') return;
  await sleep(0);
  // Should a draw never end (a chart that throws past its handler), the search goes on.
  await Promise.race([untilNoDrawIsPending(), sleep(DRAW_WAIT_MS)]);
  await new Promise<void>((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    // Should no frame come (the page hidden meanwhile), the search goes on.
    setTimeout(resolve, FRAME_WAIT_MS);
  });
}

/**
 * The checks of a search's pick so far, each made once per pick (by its text, constants included)
 * in a worker. A result is held until the next refresh of the front takes it, so the page changes
 * only in the redraws the search waits for; checks that finish out of turn are dropped.
 */
export class LiveChecks {
  private latest = '';
  private result: LiveCheck | null = null;

  /** A new search: nothing checked, nothing to show. */
  reset(): void {
    this.latest = '';
    this.result = null;
  }

  /** Checks `pick` (shown as `expr` and `latex`, its tree `tree`) unless it was the last checked. */
  consider(
    pick: { expr: string; latex: string },
    check: (tree: Expr) => Promise<EntryCheck>,
    tree: Expr,
  ): void {
    if (pick.expr === this.latest) return;
    const asked = (this.latest = pick.expr);
    check(tree).then(
      (entry) => {
        if (asked === this.latest) this.result = { expr: pick.expr, latex: pick.latex, check: entry };
      },
      // A lost worker costs this pick its provisional verdict only: the verify stage checks the
      // final pick, and says what went wrong should its check fail too.
      () => undefined,
    );
  }

  /** The latest check back from its worker, once: the refresh that takes it shows it. */
  takeResult(): LiveCheck | null {
    const result = this.result;
    this.result = null;
    return result;
  }
}
