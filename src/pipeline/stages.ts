// The stages of a run, in order: the page runs them one by one, and a setting names the first
// one it shapes.

export const STAGES = ['data', 'train', 'gradients', 'search', 'verify'] as const;
export type StageId = (typeof STAGES)[number];
