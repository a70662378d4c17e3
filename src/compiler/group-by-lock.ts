// Groups a vendor's contract files so that every lock lives in exactly one group: files whose
// scenarios share a lock end up together (transitively), every other file stands alone. The
// order is stable: groups by their first file, files in their given order.
import type { ContractFile } from '../dsl/model';

export function groupByLock(files: readonly ContractFile[]): ContractFile[][] {
  const parent = files.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] ?? i;
    return i;
  };
  const ownerOfLock = new Map<string, number>();
  files.forEach((file, i) => {
    for (const scenario of file.scenarios) {
      if (!scenario.lock) continue;
      const owner = ownerOfLock.get(scenario.lock);
      if (owner === undefined) ownerOfLock.set(scenario.lock, i);
      else parent[find(i)] = find(owner);
    }
  });
  const groups = new Map<number, ContractFile[]>();
  files.forEach((file, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), file]);
  });
  return [...groups.values()].sort((a, b) => files.indexOf(a[0] as ContractFile) - files.indexOf(b[0] as ContractFile));
}
