import { version as packageVersion } from '../package.json';

/** The version of cx-roi, recorded in every result so a figure can be traced to the code that made it. */
export const version: string = packageVersion;
