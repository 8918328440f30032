// The experiment the page's settings name (the catalogue's or a typed concept), for the panels.
import { experimentOf, type ExperimentRead } from '../pipeline/experimentOf.ts';
import { useApp } from '../state/store.ts';

export function useExperiment(): ExperimentRead {
  return experimentOf({
    experiment: useApp((s) => s.settings.experiment),
    concept: useApp((s) => s.settings.concept),
    box: useApp((s) => s.settings.box),
    threshold: useApp((s) => s.settings.threshold),
  });
}
