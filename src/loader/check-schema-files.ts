// Response-body schemas named by `expect.schema`: the file must exist under schemas/, be valid
// JSON, and compile as JSON Schema 2020-12 the way the runtime compiles it (src/matchers/
// schema-registry.ts: one ajv per run, strict but not strictTypes, a schema without $id known
// by its path under schemas/, $refs to other files loaded on demand). Errors inside a schema
// file point at the schema file's own line:col.
import Ajv2020 from 'ajv/dist/2020';
import MissingRefError from 'ajv/dist/compile/ref_error';
import addFormats from 'ajv-formats';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ContractError } from '../dsl/errors';
import { describeValue, quote } from './describe';
import { JsonSource } from './json-source';
import type { Path } from './located';
import { readSource } from './read-source';
import { findRefCycle, type RefEdge } from './ref-cycles';
import { compileError, metaErrors } from './schema-errors';
import { isDict } from './view';

const DRAFT_2020 = 'https://json-schema.org/draft/2020-12/schema';

export interface SchemaFileResult {
  ok: boolean;
  errors: ContractError[]; // located in the schema file
}

let ajvInstance: Ajv2020 | undefined;

// A new ajv costs a meta-schema compile (a quarter of a second), so one instance serves every
// load in the process; each load starts by forgetting the schemas the previous one added.
function sharedAjv(): Ajv2020 {
  if (!ajvInstance) {
    ajvInstance = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, logger: false });
    addFormats(ajvInstance);
  }
  return ajvInstance.removeSchema();
}

/** Checks each schema file once per load, however many steps name it. */
export class SchemaFiles {
  private readonly results = new Map<string, SchemaFileResult>();
  private readonly ids = new Map<string, string>(); // $id -> file that declared it first
  private readonly pending = new Set<string>();
  private readonly sources = new Map<string, JsonSource | undefined>();
  private readonly ajv = sharedAjv();

  constructor(private readonly root: string) {}

  /** Every error found in the schema files checked so far, each reported once. */
  errors(): ContractError[] {
    // A $ref cycle spanning files is found from each of them; it is reported once per place.
    const seen = new Set<string>();
    return [...this.results.values()]
      .flatMap((r) => r.errors)
      .filter((e) => {
        const id = `${e.loc.file}:${e.loc.line}:${e.loc.col}:${e.message}`;
        return !seen.has(id) && Boolean(seen.add(id));
      });
  }

  /** Another schema file's JSON, for following $refs before ajv does; undefined when unreadable. */
  private peek(ref: string): JsonSource | undefined {
    if (this.sources.has(ref)) return this.sources.get(ref);
    const file = `schemas/${ref}`;
    const read = existsSync(path.join(this.root, file)) ? readSource(this.root, file) : undefined;
    const source = read?.text === undefined ? undefined : new JsonSource(file, read.text);
    const usable = source && source.syntaxErrors.length === 0 ? source : undefined;
    this.sources.set(ref, usable);
    return usable;
  }

  /** The error for an endless $ref cycle, at one of its $refs (in this file when it has one). */
  private cycleError(cycle: readonly RefEdge[], ref: string): ContractError | undefined {
    const order = (e: RefEdge): string => `${e.file}\u0000${e.at.join('/')}`;
    const sorted = [...cycle].sort((a, b) => (order(a) < order(b) ? -1 : 1));
    const edge = sorted.find((e) => e.file === ref) ?? sorted[0];
    const source = edge ? this.peek(edge.file) : undefined;
    if (!edge || !source) return undefined;
    const at = cycle.indexOf(edge);
    const steps = [...cycle.slice(at), ...cycle.slice(0, at)];
    const chain = [place(edge.file, edge.from, ref), ...steps.map((e) => place(e.target.file, e.target.pointer, ref))];
    return {
      title: 'circular $ref',
      ...source.spot(edge.at),
      message: `$ref ${quote(edge.ref)} must not lead back to the same place without reading into the body: ${chain.join(' -> ')} would recurse forever`,
      hint: 'Point the $ref at a schema that describes the value, or reach the recursion through properties or items.',
    };
  }

  /** `ref` as written in expect.schema, relative to schemas/. Undefined when the file does not exist. */
  check(ref: string): SchemaFileResult | undefined {
    const file = `schemas/${ref}`;
    const known = this.results.get(file);
    if (known) return known;
    const absolute = path.join(this.root, file);
    if (!existsSync(absolute)) return undefined;
    this.pending.add(ref);
    const read = readSource(this.root, file);
    const source = read.text === undefined ? undefined : new JsonSource(file, read.text);
    const errors = source === undefined ? read.errors : source.syntaxErrors.length > 0 ? source.syntaxErrors : this.schemaErrors(ref, source);
    this.pending.delete(ref);
    const result = { ok: errors.length === 0, errors };
    this.results.set(file, result);
    return result;
  }

  private schemaErrors(ref: string, source: JsonSource): ContractError[] {
    const data = source.data;
    const invalid = (at: Path, message: string): ContractError[] => [{ title: 'invalid JSON Schema', ...source.spot(at), message }];
    if (!isDict(data)) return invalid([], `${source.file} must hold a JSON Schema object, found ${describeValue(data)}`);
    if (data.$schema !== undefined && data.$schema !== DRAFT_2020) {
      return invalid(['$schema'], `$schema must be ${DRAFT_2020} (response bodies are checked with JSON Schema 2020-12); found ${describeValue(data.$schema)}`);
    }
    const schema = typeof data.$id === 'string' ? data : { $id: ref, ...data };
    const id = String(schema.$id);
    const first = this.ids.get(id);
    if (first !== undefined) return invalid(['$id'], `$id must be unique across schema files; ${first} already uses ${quote(id)}`);
    this.ids.set(id, source.file);
    if (!this.ajv.validateSchema(schema)) return metaErrors(this.ajv.errors ?? [], source);
    this.sources.set(ref, source);
    const cycle = findRefCycle(ref, data, (other) => this.peek(other)?.data);
    const cycleError = cycle ? this.cycleError(cycle, ref) : undefined;
    if (cycleError) return [cycleError];
    for (;;) {
      try {
        this.ajv.compile(schema);
        return [];
      } catch (err) {
        const next = err instanceof MissingRefError ? this.loadReferenced(err) : undefined;
        if (next === 'retry') continue;
        // A failed compile leaves the schema registered; remove it so it cannot break later files.
        this.ajv.removeSchema(schema);
        return [compileError((err as Error).message, source, next)];
      }
    }
  }

  /** Checks the file a $ref points to; 'retry' when it is now known to ajv. */
  private loadReferenced(err: MissingRefError): 'retry' | 'missing' | 'broken' {
    const target = err.missingSchema;
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || path.isAbsolute(target) || target.split('/').includes('..')) return 'missing';
    if (this.pending.has(target)) return 'missing';
    const result = this.check(target);
    if (result === undefined) return 'missing';
    return result.ok && this.ajv.getSchema(target) !== undefined ? 'retry' : result.ok ? 'missing' : 'broken';
  }
}

/** A schema in a cycle, as a reader of `ref` would name it: "#/$defs/a", or a file. */
function place(file: string, pointer: string, ref: string): string {
  if (file === ref && pointer !== '') return `#${pointer}`;
  return pointer === '' ? file : `${file}#${pointer}`;
}
