// allure-playwright's results writer, without an fsync per file. Its FileSystemWriter writes each
// result, container and attachment to a temporary file, fsyncs it and renames it into place; the
// fsync costs 3-6 ms of the runner's event loop per file on this kind of machine (and was 15 % of
// the runner's CPU in a profile at N = 600), for durability across a power cut that a test report
// does not need. This writer keeps the rest: the same file names and contents, each file written
// whole under a temporary name and renamed, so a reader never sees half a file.
import { copyFileSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { stringifyEnvInfo, type Writer } from 'allure-js-commons/sdk/reporter';

export class ResultsWriter implements Writer {
  constructor(private readonly resultsDir: string) {}

  private publish(name: string, write: (temp: string) => void): void {
    mkdirSync(this.resultsDir, { recursive: true });
    const target = path.join(this.resultsDir, name);
    const temp = path.join(this.resultsDir, `.allure-write-${randomUUID()}.tmp`);
    try {
      write(temp);
      renameSync(temp, target);
    } catch (error) {
      rmSync(temp, { force: true });
      throw error;
    }
  }

  private json(name: string, data: unknown): void {
    this.publish(name, (temp) => writeFileSync(temp, JSON.stringify(data), 'utf-8'));
  }

  writeResult(result: Parameters<Writer['writeResult']>[0]): void {
    this.json(`${result.uuid}-result.json`, result);
  }

  writeGroup(result: Parameters<Writer['writeGroup']>[0]): void {
    this.json(`${result.uuid}-container.json`, result);
  }

  writeAttachment(distFileName: string, content: Buffer): void {
    this.publish(distFileName, (temp) => writeFileSync(temp, content));
  }

  writeAttachmentFromPath(distFileName: string, from: string): void {
    this.publish(distFileName, (temp) => copyFileSync(from, temp));
  }

  writeEnvironmentInfo(info: Parameters<Writer['writeEnvironmentInfo']>[0]): void {
    this.publish('environment.properties', (temp) => writeFileSync(temp, stringifyEnvInfo(info), 'utf-8'));
  }

  writeCategoriesDefinitions(categories: Parameters<Writer['writeCategoriesDefinitions']>[0]): void {
    this.json('categories.json', categories);
  }

  writeGlobals(distFileName: string, info: Parameters<Writer['writeGlobals']>[1]): void {
    this.json(distFileName, info);
  }
}
