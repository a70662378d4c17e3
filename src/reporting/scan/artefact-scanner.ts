// Searches artefacts for secret patterns, looking inside containers: zip files (traces, blob
// reports, the HTML report's data/*.zip), zips nested in zips, gzip files, and base64 data URLs
// embedded in text (the HTML report ships its whole result set as one). A plain `grep -r`
// misses all of these and calls a leaking report clean.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, unzipSync } from 'fflate';
import type { SecretPattern } from '../../redaction/secret-encodings';

export interface ScanHit {
  where: string; // "reports/html/index.html!data-url#1!<sha>.zip!report.json"
  name: string; // the secret's variable name; the value itself is never reported
  encoding: string;
}

export interface ScanResult {
  hits: ScanHit[];
  filesScanned: number; // files on disk
  membersScanned: number; // entries opened inside containers
  unreadable: string[]; // containers that could not be opened (reported, never skipped silently)
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);
// Data URLs with a base64 payload; long ones only, so tiny inline icons are not decoded.
const DATA_URL = /data:[a-z0-9.+/-]+(?:;[a-z0-9=.-]+)*;base64,([A-Za-z0-9+/]{64,}={0,2})/gi;
const MAX_DEPTH = 6;

function listFiles(root: string): string[] {
  let entries: string[];
  try {
    if (statSync(root).isFile()) return [root];
    entries = readdirSync(root);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => listFiles(path.join(root, entry)));
}

function looksLikeText(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 4096);
  return !sample.includes(0);
}

export class ArtefactScanner {
  private readonly result: ScanResult = { hits: [], filesScanned: 0, membersScanned: 0, unreadable: [] };

  constructor(private readonly patterns: readonly SecretPattern[]) {}

  /** Scans files and folders (recursively); missing paths are ignored. */
  scanPaths(paths: readonly string[]): ScanResult {
    for (const root of paths) {
      for (const file of listFiles(root)) {
        this.result.filesScanned += 1;
        this.scanBytes(readFileSync(file), file, 0);
      }
    }
    return this.result;
  }

  /** Scans one blob of bytes that did not come from a file (for example a captured stdout). */
  scanBuffer(bytes: Buffer, where: string): ScanResult {
    this.scanBytes(bytes, where, 0);
    return this.result;
  }

  private scanBytes(bytes: Buffer, where: string, depth: number): void {
    const seen = new Set<string>();
    for (const pattern of this.patterns) {
      const key = `${pattern.name}\0${pattern.encoding}`;
      if (seen.has(key) || bytes.indexOf(pattern.bytes) < 0) continue;
      seen.add(key);
      this.result.hits.push({ where, name: pattern.name, encoding: pattern.encoding });
    }
    if (depth >= MAX_DEPTH) return;
    if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) this.scanZip(bytes, where, depth);
    else if (bytes.subarray(0, 2).equals(GZIP_MAGIC)) this.scanGzip(bytes, where, depth);
    else if (looksLikeText(bytes)) this.scanDataUrls(bytes, where, depth);
  }

  private scanZip(bytes: Buffer, where: string, depth: number): void {
    let members: Record<string, Uint8Array>;
    try {
      members = unzipSync(bytes);
    } catch (error) {
      this.result.unreadable.push(`${where}: ${(error as Error).message}`);
      return;
    }
    for (const [name, content] of Object.entries(members)) {
      this.result.membersScanned += 1;
      this.scanBytes(Buffer.from(content), `${where}!${name}`, depth + 1);
    }
  }

  private scanGzip(bytes: Buffer, where: string, depth: number): void {
    try {
      this.result.membersScanned += 1;
      this.scanBytes(Buffer.from(gunzipSync(bytes)), `${where}!gunzip`, depth + 1);
    } catch (error) {
      this.result.unreadable.push(`${where}: ${(error as Error).message}`);
    }
  }

  private scanDataUrls(bytes: Buffer, where: string, depth: number): void {
    const text = bytes.toString('latin1');
    let index = 0;
    for (const match of text.matchAll(DATA_URL)) {
      index += 1;
      this.result.membersScanned += 1;
      this.scanBytes(Buffer.from(match[1] ?? '', 'base64'), `${where}!data-url#${index}`, depth + 1);
    }
  }
}
