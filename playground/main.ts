/**
 * The cx-roi playground: a notebook of cells over the library's public API.
 * The page's state lives in one store and in the URL; an edit goes to the
 * store, the run pipeline simulates it in Web Workers, and every cell follows
 * the store (page/mount.ts wires them; cells/index.ts lists the cells).
 */
import { cells } from './cells/index';
import { mountPage } from './page/mount';

// The charts (Observable Plot and d3) load beside the first simulation, not before it: the answer's numbers need none of them.
mountPage(window, cells, { charts: import('./charts') });
