// Long loops (training, the final polish, the page's stages) pause here between slices of work,
// so the page can draw and timers, stop buttons and signals get their turn, in Node as well.

export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
