// Reads what the matchers and captures need from a response, once: status, headers (lower-case
// names), the cookies it sets, the body as text and, when it parses, as JSON.
import type { APIResponse } from '@playwright/test';
import { setCookies, type SetCookie } from '../matchers/set-cookies';

export interface ReadResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  cookies: Map<string, SetCookie>;
  text: string;
  json: unknown;
  isJson: boolean;
}

export async function readResponse(response: APIResponse, method: string): Promise<ReadResponse> {
  const headers = response.headers();
  const setCookieValues = response
    .headersArray()
    .filter((h) => h.name.toLowerCase() === 'set-cookie')
    .map((h) => h.value);
  const text = method === 'HEAD' ? '' : (await response.body()).toString('utf8');
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
  return { status: response.status(), statusText: response.statusText(), headers, cookies: setCookies(setCookieValues), text, json, isJson };
}
