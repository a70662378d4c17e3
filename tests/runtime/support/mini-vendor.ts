// The mini vendor (support/mini-server.ts) as the runtime sees it: its YAML file, locations in
// it, and its VendorInfo. Each test adds what it is about (evidence levels, drift).
import type { VendorInfo } from '../../../src/runtime/scenario-info';

export const MINI_FILE = 'specs/mini/session.yaml';

export const at = (line: number, col = 5): { file: string; line: number; col: number } => ({ file: MINI_FILE, line, col });

export function miniVendor(extra: Partial<VendorInfo> = {}): VendorInfo {
  return {
    vendor: 'mini',
    title: 'Mini',
    baseUrlVar: 'MINI_BASE_URL',
    variables: [
      { name: 'MINI_USER', secret: false, optional: false },
      { name: 'MINI_PASSWORD', secret: true, optional: false },
    ],
    ...extra,
  };
}
