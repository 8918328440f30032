// A network of the user's own with the points to read it at, checked against each other: the
// same inputs (a model with this tool's metadata names them; one without, as a converted Keras
// model comes, takes the table's names), or a line that names what differs.

import type { PointsTable } from '../core/io/labelledCsv.ts';
import type { ModelMetadata } from '../model/modelFormat.ts';

/** What differs between a network's inputs and a table's columns, or null where they agree. */
export function inputMismatch(
  metadata: ModelMetadata,
  variables: readonly string[],
  table: string,
): string | null {
  const inputs = metadata.variables;
  if (inputs.join(',') === variables.join(',')) return null;
  return inputs.length === variables.length
    ? `the network was trained on inputs (${inputs.join(', ')}); ${table} has (${variables.join(', ')})`
    : `the network takes ${inputs.length} inputs (${inputs.join(', ')}); ${table} has ${variables.length} (${variables.join(', ')})`;
}

/** What the page shows of a network in use: its layers and the table it is read at. */
export interface NetworkInUse {
  modelFile: string;
  pointsFile: string;
  kind: ModelMetadata['kind'];
  inputs: string[];
  hidden: number[];
  activation: string;
  /** Output units: a latent space's size. */
  outputs: number;
  rows: number;
}

export const networkSummary = (
  metadata: ModelMetadata,
  points: PointsTable,
  modelFile: string,
  pointsFile: string,
): NetworkInUse => ({
  modelFile,
  pointsFile,
  kind: metadata.kind,
  inputs: [...metadata.variables],
  hidden: [...metadata.network.hidden],
  activation: metadata.network.activation,
  outputs: metadata.network.outputs ?? 1,
  rows: points.x[0]?.length ?? 0,
});
