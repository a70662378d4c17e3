// Refuses, before a scenario sends anything, a base URL that would carry credentials in clear
// text: anything but https:// unless the host is this machine (the sandbox, a local stand-in).
// A test environment served over plain HTTP on another host is allowed only by an explicit,
// per-vendor opt-out, so one vendor's exception never weakens another's.
import { BlockList, isIP } from 'node:net';
import { ConfigError, type TargetEnv } from './env';
import type { VendorInfo } from './scenario-info';

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** "TRUEDAT_BASE_URL" -> "TRUEDAT_ALLOW_PLAIN_HTTP": set to 1 to allow http:// to another host. */
export function plainHttpOptOut(baseUrlVar: string): string {
  return `${baseUrlVar.replace(/_BASE_URL$/, '')}_ALLOW_PLAIN_HTTP`;
}

/** True for names and addresses that can only mean this machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  // RFC 6761: localhost and its subdomains always resolve to the loopback interface.
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host)?.[1];
  if (mapped) return LOOPBACK.check(mapped, 'ipv4');
  const family = isIP(host);
  if (family === 0) return false;
  return LOOPBACK.check(host, family === 4 ? 'ipv4' : 'ipv6');
}

/** Throws ConfigError, naming the variable, when the vendor's base URL must not be used. */
export function checkBaseUrl(vendor: VendorInfo, env: TargetEnv): void {
  const name = vendor.baseUrlVar;
  const value = env.values[name];
  if (!value) return; // unset is decided by the scenario gate (a skip or its own config error)
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} must be an absolute URL such as https://api.example.com; it is not (set in ${env.file} or the process environment)`);
  }
  if (url.protocol === 'https:') return;
  const optOut = plainHttpOptOut(name);
  if (url.protocol === 'http:') {
    if (isLoopbackHost(url.hostname) || env.values[optOut] === '1') return;
    throw new ConfigError(
      `${name} must start with https:// (or point at this machine): http://${url.host} would send ${vendor.vendor}'s credentials in clear text. ` +
        `For a test environment that only speaks HTTP, set ${optOut}=1 in ${env.file}`,
    );
  }
  throw new ConfigError(`${name} must be an https:// URL; it uses ${url.protocol.replace(/:$/, '')}:`);
}
