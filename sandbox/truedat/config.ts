// The truedat sandbox's settings, read from env/sandbox.env. td-auth reads its token lifetimes from
// ACCESS_TOKEN_TTL_SECONDS / REFRESH_TOKEN_TTL_SECONDS (research §4 "Lifetime"); the sandbox takes
// the same defaults under TRUEDAT_-prefixed names so one env file can serve every vendor.
import type { VendorContext } from '../core/vendor-module';

export interface TruedatConfig {
  /** The seeded API user, as env/sandbox.env names it. */
  username: string;
  password: string;
  /**
   * A second API user (TRUEDAT_SECOND_USERNAME), so the contracts can lock per account: the
   * refresh and logout scenarios hold its sessions while others use the first. Unset: not seeded.
   */
  second?: { username: string; password: string };
  /**
   * A third API user (TRUEDAT_THIRD_USERNAME), sandbox only: the access-token expiry scenario, which
   * needs the sandbox clock, holds its session so that neither other user's chain grows past 15.
   */
  third?: { username: string; password: string };
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
}

function seconds(raw: string | undefined, fallback: number): number {
  const value = Number(raw);
  return raw !== undefined && raw !== '' && Number.isFinite(value) && value > 0 ? value : fallback;
}

export function readTruedatConfig(env: VendorContext['env']): TruedatConfig {
  return {
    username: env.TRUEDAT_USERNAME ?? 'api-integration',
    password: env.TRUEDAT_PASSWORD ?? '',
    ...(env.TRUEDAT_SECOND_USERNAME ? { second: { username: env.TRUEDAT_SECOND_USERNAME, password: env.TRUEDAT_SECOND_PASSWORD ?? '' } } : {}),
    ...(env.TRUEDAT_THIRD_USERNAME ? { third: { username: env.TRUEDAT_THIRD_USERNAME, password: env.TRUEDAT_THIRD_PASSWORD ?? '' } } : {}),
    accessTtlSeconds: seconds(env.TRUEDAT_ACCESS_TOKEN_TTL_SECONDS, 600),
    refreshTtlSeconds: seconds(env.TRUEDAT_REFRESH_TOKEN_TTL_SECONDS, 86_400),
  };
}
