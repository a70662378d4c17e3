// Allure 3's report pages load Google Analytics (a googletagmanager.com script plus a gtag()
// call carrying the report's id), hard-coded in the awesome plugin with no option to turn it
// off. The reports describe vendors' authentication endpoints and must not phone home when a
// person opens them, so every generated page has both scripts removed.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const LOADER = /<script[^>]*src="https:\/\/www\.googletagmanager\.com\/[^"]*"[^>]*>\s*<\/script>/gi;
const GTAG_CALL = /<script>(?:(?!<\/script>)[\s\S])*?\bgtag\((?:(?!<\/script>)[\s\S])*?<\/script>/gi;

export function stripAnalytics(html: string): string {
  return html.replace(LOADER, '').replace(GTAG_CALL, '');
}

/** Strips every .html file under the folder; returns how many changed. */
export function stripAnalyticsInTree(dir: string): number {
  let changed = 0;
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) changed += stripAnalyticsInTree(full);
    else if (entry.endsWith('.html')) {
      const html = readFileSync(full, 'utf8');
      const stripped = stripAnalytics(html);
      if (stripped !== html) {
        writeFileSync(full, stripped);
        changed += 1;
      }
    }
  }
  return changed;
}
