// Reads what the matchers and captures need from a response, once: status, headers (lower-case
// names), the cookies it sets, the body as text and, when it parses, as JSON. The body was
// already read, up to its cap, by send-request.ts.
import { setCookies, type SetCookie } from '../matchers/set-cookies';
import type { RawResponse } from './send-request';

export interface ReadResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  cookies: Map<string, SetCookie>;
  text: string;
  json: unknown;
  isJson: boolean;
}

export function readResponse(response: RawResponse): ReadResponse {
  const { headers } = response;
  const text = response.body.toString('utf8');
  let json: unknown;
  let isJson = false;
  // Parsed whatever the Content-Type says: a JSON body with the wrong media type is still
  // checkable, and the header matcher is where a wrong media type is caught.
  const first = text.trimStart()[0];
  if (first === '{' || first === '[' || first === '"' || (text.trim() !== '' && /json/i.test(headers['content-type'] ?? ''))) {
    try {
      json = JSON.parse(text);
      isJson = true;
    } catch {
      isJson = false;
    }
  }
  const withCookies = response.setCookies.length > 0 ? { ...headers, 'set-cookie': response.setCookies.join('\n') } : headers;
  return { status: response.status, statusText: response.statusText, headers: withCookies, cookies: setCookies(response.setCookies), text, json, isJson };
}
