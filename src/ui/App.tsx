// The explorer's page. For now a title and a pointer to the command line; the app grows here.
export function App() {
  return (
    <main
      style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 720, margin: '3rem auto', padding: '0 1rem' }}
    >
      <h1>Symbolic Gradients Explorer</h1>
      <p>
        Train a neural network, take the normalised input-gradients of one neuron, and read the concept it
        learned back as a closed-form equation.
      </p>
      <p>
        The symbolic search runs headless today:{' '}
        <code>npm run cli -- search --experiment matrix-2x2-trace</code>.
      </p>
    </main>
  );
}
