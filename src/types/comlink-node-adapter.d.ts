// Comlink ships its Node adapter as an .mjs file beside a .d.ts that TypeScript cannot pair with it.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  export { default } from 'comlink/dist/esm/node-adapter';
}
