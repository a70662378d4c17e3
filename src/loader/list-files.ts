// Sorted directory listings, so that the suite and its errors come out in the same order on
// every machine.
import { readdirSync } from 'node:fs';

export function listFiles(dir: string, suffix: string): string[] {
  return entries(dir).filter((e) => e.isFile() && e.name.endsWith(suffix)).map((e) => e.name);
}

export function listDirs(dir: string): string[] {
  return entries(dir).filter((e) => e.isDirectory()).map((e) => e.name);
}

function entries(dir: string): import('node:fs').Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}
