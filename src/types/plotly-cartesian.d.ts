// Plotly's cartesian bundle ships no declarations of its own; its API is the full bundle's.
declare module 'plotly.js-cartesian-dist-min' {
  export { default } from 'plotly.js-dist-min';
}
