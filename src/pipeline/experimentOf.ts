// The experiment a run's settings name: the catalogue's, or the user's typed concept (formula,
// box and, for a classifier, threshold), with what is wrong in which setting where it cannot be
// built. The same settings give the same experiment object, so a page can tell a changed concept
// from an unchanged one.

import { findExperiment } from '../experiments/index.ts';
import { conceptExperiment, type ConceptError } from '../experiments/concept.ts';
import type { Experiment } from '../experiments/types.ts';
import type { ResultJson } from './report.ts';

/** The settings that name the experiment; a typed concept's are absent (or undefined) when none is typed. */
export interface ExperimentSettings {
  experiment: string;
  concept?: string | undefined;
  box?: string | undefined;
  threshold?: number | undefined;
}

/** What is wrong, and in which setting (`experiment`, `concept`, `box` or `threshold`). */
export type ExperimentError = ConceptError | { field: 'experiment'; message: string; position?: undefined };

export type ExperimentRead = { ok: true; experiment: Experiment } | { ok: false; error: ExperimentError };

/** Typed concepts built lately, by their settings: the same settings, the same object. */
const built = new Map<string, ExperimentRead>();
const REMEMBERED = 16;

/** Whether the settings type a concept of their own (any of its three settings is set). */
export const typesConcept = (s: ExperimentSettings): boolean =>
  s.concept !== undefined || s.box !== undefined || s.threshold !== undefined;

/** `settings` with no typed concept (so they name the catalogue's experiment). */
export function withoutConcept<T extends ExperimentSettings>(
  settings: T,
): Omit<T, 'concept' | 'box' | 'threshold'> {
  const rest: Partial<T> = { ...settings };
  delete rest.concept;
  delete rest.box;
  delete rest.threshold;
  return rest as Omit<T, 'concept' | 'box' | 'threshold'>;
}

export function experimentOf(s: ExperimentSettings): ExperimentRead {
  if (!typesConcept(s)) {
    const experiment = findExperiment(s.experiment);
    return experiment
      ? { ok: true, experiment }
      : { ok: false, error: { field: 'experiment', message: `unknown experiment "${s.experiment}"` } };
  }
  if (s.concept === undefined)
    return {
      ok: false,
      error: {
        field: 'concept',
        message: "type the concept's formula (a box and a threshold apply to a typed concept)",
      },
    };
  if (s.box === undefined)
    return {
      ok: false,
      error: {
        field: 'box',
        message: 'name the inputs of the formula and their ranges, such as x:-2:2,v:-2:2',
      },
    };
  const key = JSON.stringify([s.concept, s.box, s.threshold]);
  const known = built.get(key);
  if (known) return known;
  const read = conceptExperiment({ formula: s.concept, box: s.box, threshold: s.threshold });
  const result: ExperimentRead = read.ok ? { ok: true, experiment: read.value } : read;
  if (built.size >= REMEMBERED) built.delete(built.keys().next().value as string);
  built.set(key, result);
  return result;
}

/** The error as one line: `at column 7: Unknown variable 'y' ...` (columns from 1). */
export const errorText = (error: ExperimentError): string =>
  `${error.position === undefined ? '' : `at column ${error.position + 1}: `}${error.message}`;

/** A result's input, as a run of these settings writes it: the experiment's id, or the typed concept. */
export function inputOf(s: ExperimentSettings): ResultJson['input'] {
  if (!typesConcept(s)) return { experiment: s.experiment };
  return {
    concept: s.concept ?? '',
    box: s.box ?? '',
    ...(s.threshold === undefined ? {} : { threshold: s.threshold }),
  };
}

/** The experiment a result was run on, from its input: the catalogue's or a typed concept. */
export function experimentOfInput(input: ResultJson['input']): ExperimentRead {
  const text = (key: string) => (typeof input[key] === 'string' ? (input[key] as string) : undefined);
  const threshold = input['threshold'];
  return experimentOf({
    experiment: text('experiment') ?? '',
    concept: text('concept'),
    box: text('box'),
    threshold: typeof threshold === 'number' ? threshold : undefined,
  });
}
