// A step's `base:` must name one of its vendor's bases, and a vendor with several bases needs
// every step to say which host it calls: a default would send a request to the wrong host
// without anyone noticing (Nexudus's portal and admin resources live on different hosts).
import type { StepSpec, VendorManifest } from '../dsl/model';
import { didYouMean } from './did-you-mean';
import { quote } from './describe';
import type { Path } from './located';
import type { Problems } from './problems';

export function checkBases(steps: readonly StepSpec[], scenario: Path, manifest: VendorManifest, problems: Problems): void {
  const names = manifest.bases.map((b) => b.name);
  steps.forEach((step, j) => {
    const at = [...scenario, 'steps', j];
    if (names.length === 0) {
      if (step.base !== undefined) {
        problems.add([...at, 'base'], 'base without bases', `base must not be set: ${manifest.file} declares one baseUrl, not bases; found ${quote(step.base)}`, {
          hint: 'Remove base:, or declare bases: { <name>: <VARIABLE>, … } in vendor.yaml.',
        });
      }
      return;
    }
    if (step.base === undefined) {
      problems.add(at, 'step without base', `step ${j + 1} must name its base: ${manifest.file} declares several (${names.join(', ')})`, {
        hint: `Add base: ${names[0] ?? ''} (or another of ${names.join(', ')}) to the step.`,
      });
    } else if (!names.includes(step.base)) {
      problems.add([...at, 'base'], 'unknown base', `base must be one of the bases in ${manifest.file} (${names.join(', ')}); found ${quote(step.base)}`, {
        hint: didYouMean(step.base, names),
      });
    }
  });
}
