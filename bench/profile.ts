import { simulate } from '../src/index.js';
simulate({}, { runs: 2000 });
const t0 = performance.now();
simulate({}, { runs: 10000 });
console.log('simulate 10k ms', (performance.now() - t0).toFixed(0));
