// One ajv (JSON Schema 2020-12) instance per worker, compiling each response schema once and
// caching it by file. Schemas live under schemas/; a schema without `$id` gets its file path as
// `$id`, so relative `$ref`s between files resolve the way they read on disk, and a referenced
// file is loaded the first time a compile asks for it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import MissingRefError from 'ajv/dist/compile/ref_error';
import addFormats from 'ajv-formats';
import { isNotesRef, notesRef, notesSchema } from './notes-schema';

export interface CompiledSchema {
  file: string;
  validate: ValidateFunction;
  /** Flags properties the schema does not declare (as notes); undefined when nothing is open. */
  notes?: ValidateFunction;
}

export class SchemaRegistry {
  private readonly ajv: Ajv2020;
  private readonly compiled = new Map<string, CompiledSchema>();

  constructor(private readonly schemasDir: string) {
    // allErrors: a failure lists every mismatch at once. strict: a typo in a schema keyword is an
    // error, not a silently ignored rule; strictTypes stays off because it rejects plain,
    // valid 2020-12 (e.g. `properties` without `type: object` next to it). validateSchema off:
    // checking a schema against the 2020-12 meta-schema compiles the meta-schema first, about
    // 130 ms per worker, and the loader already checked every schema file a contract names
    // (loader/check-schema-files.ts, same options, meta-schema on) in the build before the run.
    this.ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, validateSchema: false });
    addFormats(this.ajv);
  }

  /** The compiled schema for a file relative to schemas/ (e.g. "truedat/session-created.json"). */
  get(file: string): CompiledSchema {
    let entry = this.compiled.get(file);
    if (!entry) {
      const schema = this.read(file);
      const id = String(schema.$id);
      const validate = this.compile(schema);
      const open = notesSchema(schema, notesRef(id));
      entry = { file, validate, notes: open ? this.compile(open) : undefined };
      this.compiled.set(file, entry);
    }
    return entry;
  }

  /** The file as a schema object; one without `$id` gets its path as `$id`. */
  private read(file: string): Record<string, unknown> {
    const absolute = path.join(this.schemasDir, file);
    let schema: unknown;
    try {
      schema = JSON.parse(readFileSync(absolute, 'utf8'));
    } catch (error) {
      throw new Error(`config: the response schema schemas/${file} cannot be read: ${(error as Error).message}`);
    }
    if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) {
      throw new Error(`config: the response schema schemas/${file} must be a JSON object`);
    }
    const record = schema as Record<string, unknown>;
    return typeof record.$id === 'string' ? record : { $id: file, ...record };
  }

  /** Compiles a schema, adding the files its $refs name first (each file is added once). */
  private compile(schema: Record<string, unknown>): ValidateFunction {
    const known = this.ajv.getSchema(String(schema.$id));
    if (known) return known; // already added as another schema's $ref target
    for (;;) {
      try {
        return this.ajv.compile(schema);
      } catch (error) {
        const missing = error instanceof MissingRefError ? error.missingSchema : undefined;
        if (missing === undefined || this.ajv.getSchema(missing) !== undefined || missing === schema.$id) throw error;
        this.ajv.addSchema(isNotesRef(missing) ? this.notesVariant(missing) : this.read(missing));
      }
    }
  }

  /** "shop/customer.notes.json": the notes variant of shop/customer.json, built on demand. */
  private notesVariant(id: string): Record<string, unknown> {
    const original = this.read(id.replace(/\.notes\.json$/, '.json'));
    // The variant sits beside the original, so relative $refs resolve to the same files.
    return notesSchema(original, id) ?? { ...original, $id: id };
  }
}
