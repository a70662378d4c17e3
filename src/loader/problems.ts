// Collects the errors found in one file, each placed at a node given by its path.
import type { SourceLocation } from '../dsl/model';
import type { ContractError } from '../dsl/errors';
import type { Located, Part, Path } from './located';

export interface ProblemOptions {
  part?: Part;
  hint?: string;
  /** Point at this text inside the node (e.g. one {{template}} in a longer string). */
  needle?: string;
}

export class Problems {
  readonly errors: ContractError[] = [];

  constructor(readonly source: Located) {}

  add(path: Path, title: string, message: string, options: ProblemOptions = {}): void {
    const spot = options.needle !== undefined ? this.source.spotOf(path, options.needle) : this.source.spot(path, options.part);
    this.errors.push({ title, ...spot, message, ...(options.hint ? { hint: options.hint } : {}) });
  }

  /** Where a model node comes from: a map entry's key, or a list item's first line. */
  loc(path: Path, part: Part = 'key'): SourceLocation {
    return this.source.spot(path, part).loc;
  }
}
