// The given-data estimators live with the other statistics of per-run figures (summary/), where a result's warnings use them too.
export * from '../maths/first-order.js';
