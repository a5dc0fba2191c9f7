/**
 * Cells that change the scenario as a whole rather than one field: make the
 * business yours (calibrate from the figures a company knows), how mature
 * the organisation is (the questionnaire of article 004, for the chance of
 * carrying the programme out), and a go/no-go stage gate. Each builds its
 * form once and hands the page a new scenario input.
 */
// One file a cell, in programme/; this is the entry point the page imports lazily.
export { calibrationCell } from './programme/calibration';
export { channelsCell } from './programme/channels';
export type { ProgrammeHost } from './programme/host';
export { maturityCell } from './programme/maturity';
export { stageGateCell, stageGateWords } from './programme/stage-gate';
export { syncProgrammeCells } from './programme/sync';
