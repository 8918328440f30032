// What the training loop consumes: examples as row-major Float32 arrays (the layout tfjs wants),
// a training part and a held-out validation part.

/** `count` rows of `width` numbers, row after row. */
export interface Rows {
  values: Float32Array;
  count: number;
  width: number;
}

export interface TripletRows {
  anchor: Rows;
  positive: Rows;
  negative: Rows;
}

export interface LabelledRows {
  x: Rows;
  /** 0 or 1 per row. */
  y: Float32Array;
}

export type TrainingData =
  | { kind: 'latent'; train: TripletRows; validation: TripletRows }
  | { kind: 'classifier'; train: LabelledRows; validation: LabelledRows };

/** Column-major Float64 columns (the catalogue's layout) as row-major Float32 rows. */
export function rowsFromColumns(columns: readonly Float64Array[]): Rows {
  const width = columns.length;
  const count = columns[0]?.length ?? 0;
  const values = new Float32Array(count * width);
  columns.forEach((column, j) => column.forEach((v, i) => (values[i * width + j] = v)));
  return { values, count, width };
}

/** Rows `from` (inclusive) to `to` (exclusive). */
export function sliceRows(rows: Rows, from: number, to: number): Rows {
  return {
    values: rows.values.subarray(from * rows.width, to * rows.width),
    count: to - from,
    width: rows.width,
  };
}

/** Per-input mean and standard deviation of the rows (a constant input gets scale 1). */
export function standardisation(rows: Rows): { shift: number[]; scale: number[] } {
  const shift = new Array<number>(rows.width).fill(0);
  const scale = new Array<number>(rows.width).fill(0);
  for (let i = 0; i < rows.count; i++) {
    for (let j = 0; j < rows.width; j++) shift[j]! += rows.values[i * rows.width + j]! / rows.count;
  }
  for (let i = 0; i < rows.count; i++) {
    for (let j = 0; j < rows.width; j++)
      scale[j]! += (rows.values[i * rows.width + j]! - shift[j]!) ** 2 / rows.count;
  }
  return { shift, scale: scale.map((v) => (v > 0 ? Math.sqrt(v) : 1)) };
}
