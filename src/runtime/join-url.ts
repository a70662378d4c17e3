// Joins a vendor's base URL and a contract path. The base URL may carry a path prefix
// (Personr's `/api/1.1/wf`), which `new URL(path, base)` would drop for an absolute path, so the
// two are joined as text: exactly one slash between them, the prefix kept.

export function joinUrl(baseUrl: string, requestPath: string, query?: Readonly<Record<string, string>>): string {
  const base = baseUrl.endsWith('/') ? baseUrl.slice(0, -1) : baseUrl;
  const rest = requestPath === '' ? '' : requestPath.startsWith('/') ? requestPath : `/${requestPath}`;
  let url = base + rest;
  if (query) {
    const search = new URLSearchParams(query).toString();
    if (search) url += (url.includes('?') ? '&' : '?') + search;
  }
  return url;
}
