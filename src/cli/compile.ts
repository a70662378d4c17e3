// `npm run compile`: loads specs/, writes generated/ and says what it wrote.
//   npm run compile                          compile every vendor
//   npm run compile -- --vendor truedat      only these vendors (repeatable)
//   npm run compile -- --stdout specs/truedat/create-session.yaml
//                                            print that file's generated code, write nothing
// Every load error is printed with file:line:col; any error exits 1.
import path from 'node:path';
import { buildGenerated } from './build-generated';
import { contractsRoot } from '../runtime/paths';

interface Args {
  vendors: string[];
  stdout?: string;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { vendors: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = argv[i + 1];
    if ((arg === '--stdout' || arg === '--vendor') && (value === undefined || value.startsWith('--'))) {
      throw new Error(`${arg} needs a value`);
    }
    if (arg === '--stdout') args.stdout = value;
    else if (arg === '--vendor') args.vendors.push(value as string);
    else throw new Error(`unknown argument "${arg}"; use --vendor <name> or --stdout <specs/vendor/file.yaml>`);
    i += 1;
  }
  return args;
}

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  const root = contractsRoot();
  const build = buildGenerated(root, { vendors: args.vendors.length ? args.vendors : undefined, write: args.stdout === undefined });
  if (build.errors.length > 0) {
    process.stderr.write(build.rendered);
    return 1;
  }
  if (args.stdout !== undefined) {
    const wanted = path.relative(root, path.resolve(args.stdout)).split(path.sep).join('/');
    // A contract file prints its spec, or its specs: the one with its scenarios without a lock and
    // each lock's chain it has scenarios in (all ranked in generated/0-serial/); vendor.yaml prints
    // its findings spec.
    const specs = build.files.filter((f) => f.sources.includes(wanted) && f.path.endsWith('.spec.ts'));
    if (specs.length === 0) {
      const known = [...new Set(build.files.flatMap((f) => f.sources))].join(', ');
      process.stderr.write(`${args.stdout} is not a contract file of the suite; contract files: ${known}\n`);
      return 1;
    }
    const only = specs.length === 1 ? specs[0] : undefined;
    process.stdout.write(only ? only.code : specs.map((f) => `// ===== generated/${f.path}\n${f.code}`).join('\n'));
    return 0;
  }
  const generated = path.relative(process.cwd(), build.generatedDir) || '.';
  for (const result of build.written) {
    const source = build.files.find((f) => f.path === result.path)?.sources.join(', ');
    process.stdout.write(`${result.status.padEnd(9)} ${generated}/${result.path}${source ? `  (from ${source})` : ''}\n`);
  }
  const count = (status: string): number => build.written.filter((r) => r.status === status).length;
  process.stdout.write(`${build.files.length} files: ${count('written')} written, ${count('unchanged')} unchanged, ${count('removed')} removed\n`);
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  process.stderr.write(`compile failed: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
