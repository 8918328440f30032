// A network of the user's own: its model.json, its weights file and a CSV of the points to read it
// at, chosen together and checked against each other before it can be used; then a picture of its
// layers, where a click on a unit (or on the output) chooses the neuron whose gradients are read.
import { useState } from 'react';
import { reset } from '../state/driver.ts';
import { appStore, runIsBusy, setSettings, useApp } from '../state/store.ts';
import { putNetworkInUse, readNetworkFiles, type NetworkRead } from '../state/userNetwork.ts';
import type { NeuronRef } from '../model/options.ts';

/** Units drawn per layer; a wider layer's others are chosen by number. */
const DRAWN_UNITS = 64;

function chooseNeuron(neuron: NeuronRef): void {
  setSettings({ ...appStore.getState().settings, neuron });
}

function LayerPicture() {
  const network = useApp((s) => s.network);
  const neuron = useApp((s) => s.settings.neuron);
  const busy = useApp(runIsBusy);
  if (!network) return null;
  const { outputs } = network;
  const chosen = (layer: number, index: number) =>
    neuron.kind === 'hidden' && neuron.layer === layer && neuron.index === index;
  return (
    <div className="layers" aria-label="The network's layers">
      <div className="layer">
        <span>inputs</span>
        <span className="hint">{network.inputs.join(', ')}</span>
      </div>
      {network.hidden.map((width, l) => (
        <div className="layer" key={l}>
          <span>
            layer {l + 1}: {width} {network.activation}
          </span>
          <span className="units">
            {Array.from({ length: Math.min(width, DRAWN_UNITS) }, (_, i) => (
              <button
                key={i}
                type="button"
                className={chosen(l + 1, i) ? 'unit chosen' : 'unit'}
                title={`layer ${l + 1}, unit ${i}`}
                aria-label={`layer ${l + 1}, unit ${i}`}
                aria-pressed={chosen(l + 1, i)}
                disabled={busy}
                onClick={() => chooseNeuron({ kind: 'hidden', layer: l + 1, index: i })}
              />
            ))}
            {width > DRAWN_UNITS && (
              <span className="hint"> and {width - DRAWN_UNITS} more (Neuron setting)</span>
            )}
          </span>
        </div>
      ))}
      <div className="layer">
        {Array.from({ length: outputs }, (_, unit) => {
          const isChosen = neuron.kind === 'output' && (neuron.unit ?? 0) === unit;
          return (
            <button
              key={unit}
              type="button"
              className={isChosen ? 'unit output chosen' : 'unit output'}
              aria-pressed={isChosen}
              disabled={busy}
              onClick={() => chooseNeuron(unit === 0 ? { kind: 'output' } : { kind: 'output', unit })}
            >
              {outputs === 1 ? 'output' : `output ${unit}`}
            </button>
          );
        })}
      </div>
    </div>
  );
}

export function NetworkCard() {
  const inUse = useApp((s) => s.network);
  const busy = useApp(runIsBusy);
  const [read, setRead] = useState<NetworkRead | null>(null);
  return (
    <section className="card network-card" aria-label="Your network">
      <h2>Your network</h2>
      <p className="hint">
        A TensorFlow.js layers model (model.json and its weights file, as the Network button or a Keras
        converter writes them) and a CSV of points with a header naming its inputs. They stay in this browser.
      </p>
      <label className="drop-zone">
        Choose the three files together{' '}
        <input
          type="file"
          multiple
          accept=".json,.bin,.csv"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            void readNetworkFiles(files).then(setRead);
          }}
        />
      </label>
      {read && !read.ok && (
        <p className="concept-error" role="alert">
          {read.error}
        </p>
      )}
      {read?.ok && (
        <>
          <p className="table-summary">
            {read.summary.modelFile}: inputs {read.summary.inputs.join(', ')}, hidden layers{' '}
            {read.summary.hidden.join(', ')} ({read.summary.activation}); read at{' '}
            {read.summary.rows.toLocaleString('en-US')} points of {read.summary.pointsFile}.
          </p>
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              putNetworkInUse(read.network, read.summary);
              setRead(null);
              void reset();
            }}
          >
            Use this network
          </button>
        </>
      )}
      {inUse && !read && (
        <p className="table-summary" data-network={inUse.modelFile}>
          In use: {inUse.modelFile} at {inUse.rows.toLocaleString('en-US')} points of {inUse.pointsFile}.
          Nothing is trained, and nothing is checked: there is no ground truth. Choose the neuron:
        </p>
      )}
      <LayerPicture />
    </section>
  );
}
