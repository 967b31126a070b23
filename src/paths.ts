/** Locations inside the installed package (works from `src/` via tsc output in `dist/src/`). */
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { existsSync } from 'node:fs';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'data'))) return dir;
    dir = resolve(dir, '..');
  }
  throw new Error('steppe: cannot find the package root (package.json + data/)');
}

/** Absolute path of the package root. */
export const PACKAGE_ROOT = findRoot();
/** Absolute path of `data/` (dictionaries, codebooks). */
export const DATA_DIR = join(PACKAGE_ROOT, 'data');
/** Absolute path of `../shared` next to the repository (development only; may not exist). */
export const SHARED_DIR = resolve(PACKAGE_ROOT, '..', 'shared');
