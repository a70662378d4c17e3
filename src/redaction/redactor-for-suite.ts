// Builds the redactor a run starts with: every variable that a vendor manifest declares
// `secret: true`, under its own name, with the value the environment gives it. The runtime
// (per worker) and the reporters (in the runner process) build it the same way, so a secret is
// masked with the same placeholder everywhere.
import { Redactor } from './redactor';

/** The part of a vendor manifest the redactor needs; both the loader's model and the generated manifest fit. */
export interface SecretSource {
  variables: readonly { name: string; secret: boolean }[];
}

export function redactorForSuite(
  vendors: readonly SecretSource[],
  env: Readonly<Record<string, string | undefined>>,
): Redactor {
  const redactor = new Redactor();
  for (const vendor of vendors) {
    for (const variable of vendor.variables) {
      const value = env[variable.name];
      if (variable.secret && value) redactor.add(variable.name, value);
    }
  }
  return redactor;
}
