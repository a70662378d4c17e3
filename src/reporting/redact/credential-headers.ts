// Masks the values of credential-bearing headers wherever Playwright writes headers out: the
// "Call log" of an API error (`  - token: 3f9c…`) and a trace's recorded headers
// (`{"name":"token","value":"3f9c…"}`). The redactor knows the configured secrets and masks any
// Basic or Bearer credential, but a value captured at run time (a session token a vendor sends
// in its own header, a refresh cookie) is known only to the worker that captured it; its header
// name, though, is known here: the standard credential headers plus every custom auth header
// the contracts use (the manifest's credentialHeaders).
import { credentialHeaders } from '../manifest';

export const STANDARD_CREDENTIAL_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key', 'api-key', 'x-auth-token', 'x-access-token'];

/** Header names of `auth: { header: <name>, … }` in the suite's contracts, from its manifest. */
export function contractAuthHeaders(): string[] {
  return credentialHeaders();
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
