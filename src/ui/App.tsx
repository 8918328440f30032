// The explorer's page. For now: what the product does, the experiment catalogue and a pointer to the
// command line, which runs the symbolic search headless today. The interactive stages grow here.
import { experiments } from '../experiments/index.ts';
import { ExperimentTable } from './ExperimentTable.tsx';
import './app.css';

export function App() {
  return (
    <main className="page">
      <h1>Symbolic Gradients Explorer</h1>
      <p>
        Train a neural network on data that hides a concept, take the normalised input-gradients of one of its
        neurons, and read the concept back as a closed-form equation: a genetic-programming search looks for
        the formula whose gradients point the same way as the neuron&rsquo;s.
      </p>
      <p>
        The search runs from the command line today, for example{' '}
        <code>npm run cli -- search --experiment matrix-2x2-trace</code>; <code>npm run cli -- list</code>{' '}
        prints the catalogue below.
      </p>
      <h2>Experiments</h2>
      <ExperimentTable experiments={experiments} />
    </main>
  );
}
