// Entry point of the experiment catalogue: the types and the catalogue. Families and their
// helpers stay importable from their own modules.

export type { Columns, Experiment, Triplets } from './types.ts';
export { emptyColumns, rowCount, rowOf } from './types.ts';
export { experimentIds, experiments, findExperiment } from './catalogue.ts';
export type { ClassifierExperiment } from './classifiers.ts';
export { LABEL_NOISE } from './classifiers.ts';
