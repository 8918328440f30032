// A gate the training loop and the search await between steps: open, it resolves at once;
// paused, it holds them until resumed.

export class PauseGate {
  private release: (() => void) | null = null;
  private held: Promise<void> | null = null;

  get paused(): boolean {
    return this.held !== null;
  }

  pause(): void {
    if (this.held) return;
    this.held = new Promise((resolve) => (this.release = resolve));
  }

  resume(): void {
    this.release?.();
    this.release = null;
    this.held = null;
  }

  /** For the loops: resolves when not paused. */
  readonly wait = (): Promise<void> => this.held ?? Promise.resolve();
}
