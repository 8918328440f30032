// The experiment the page's settings name (the catalogue's or a typed concept), for the panels.
import { experimentOf, type ExperimentRead } from '../pipeline/experimentOf.ts';
import { useApp } from '../state/store.ts';

export function useExperiment(): ExperimentRead {
  const experiment = useApp((s) => s.settings.experiment);
  const concept = useApp((s) => s.settings.concept);
  const box = useApp((s) => s.settings.box);
  const threshold = useApp((s) => s.settings.threshold);
  return experimentOf({
    experiment,
    ...(concept === undefined ? {} : { concept }),
    ...(box === undefined ? {} : { box }),
    ...(threshold === undefined ? {} : { threshold }),
  });
}
