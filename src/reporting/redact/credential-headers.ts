// Masks the values of credential-bearing headers wherever Playwright writes headers out: the
// "Call log" of an API error (`  - token: 3f9c…`) and a trace's recorded headers
// (`{"name":"token","value":"3f9c…"}`). The redactor knows the configured secrets and masks any
// Basic or Bearer credential, but a value captured at run time (a session token a vendor sends
// in its own header, a refresh cookie) is known only to the worker that captured it; its header
// name, though, is known here: the standard credential headers plus every custom auth header
// the contracts use (`auth: { header: <name>, … }` in specs/).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../secrets/target-env';

export const STANDARD_CREDENTIAL_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key', 'api-key', 'x-auth-token', 'x-access-token'];

/** Header names of `auth: { header: <name>, … }` in any contract file. */
export function contractAuthHeaders(root = PROJECT_ROOT): string[] {
  const specs = path.join(root, 'specs');
  const names = new Set<string>();
  if (!existsSync(specs)) return [];
  for (const vendor of readdirSync(specs)) {
    const dir = path.join(specs, vendor);
    let files: string[];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'));
    } catch {
      continue;
    }
    for (const file of files) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      for (const match of text.matchAll(/\bauth:\s*\{\s*header:\s*["']?([A-Za-z0-9_-]+)/g)) names.add((match[1] ?? '').toLowerCase());
      for (const match of text.matchAll(/\bauth:\s*\n\s+header:\s*["']?([A-Za-z0-9_-]+)/g)) names.add((match[1] ?? '').toLowerCase());
    }
  }
  return [...names];
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A value that is already only placeholders («NAME», "Basic «basic-credentials»") stays readable.
const PLACEHOLDER_ONLY = /^(?:[A-Za-z]+\s+)?(?:«[^»\n]*»)+$/;

export function credentialHeaderMasker(names: readonly string[]): (text: string) => string {
  const alternatives = [...new Set(names.map((n) => n.toLowerCase()))].map(escape).join('|');
  // A call-log line: optional colour code, indentation, "- " and an arrow, then "name: value".
  const logLine = new RegExp(`^((?:\\u001b\\[[0-9;]*m)?[ \\t]*(?:-[ \\t]+)?(?:[→←][ \\t]+)?)(${alternatives})([ \\t]*:[ \\t]*)([^\\n\\u001b]*)`, 'gim');
  // A trace's header record, raw or JSON-escaped inside another JSON string.
  const record = new RegExp(`("name\\\\?"\\s*:\\s*\\\\?"(?:${alternatives})\\\\?"\\s*,\\s*\\\\?"value\\\\?"\\s*:\\s*\\\\?")((?:[^"\\\\]|\\\\(?!"))*)`, 'gi');
  const mask = (value: string): string => (value.trim() === '' || PLACEHOLDER_ONLY.test(value.trim()) ? value : '«masked»');
  return (text: string): string =>
    text
      .replace(logLine, (_m, lead: string, name: string, sep: string, value: string) => `${lead}${name}${sep}${mask(value)}`)
      .replace(record, (_m, lead: string, value: string) => `${lead}${mask(value)}`);
}
