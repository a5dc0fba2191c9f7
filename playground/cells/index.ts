/**
 * The notebook's cells, in the order they mount (and so draw): a new cell is
 * one file in this folder and one line here. Each mounts itself on the page
 * and follows the store (see page/page.ts).
 */
import type { Cell } from '../page/page';
import { answerMarks } from './answer-marks';
import { breakEvenCell } from './break-even';
import { businessCell } from './business';
import { chartFrames } from './chart-frames';
import { compareCell } from './compare';
import { exportsCell } from './exports';
import { headlineCell } from './headline';
import { npsCell } from './nps';
import { pairedCell } from './paired';
import { programmeCells } from './programme';
import { robustnessCell } from './robustness';
import { sensitivityCell } from './sensitivity';
import { swingsCell } from './swings';
import { valueOfInformationCell } from './value-of-information';

export const cells: readonly Cell[] = [
  headlineCell,
  businessCell,
  robustnessCell,
  programmeCells,
  chartFrames,
  npsCell,
  swingsCell,
  breakEvenCell,
  sensitivityCell,
  valueOfInformationCell,
  compareCell,
  pairedCell,
  exportsCell,
  // Last, so it marks what the cells above have drawn.
  answerMarks,
];
