/**
 * Starting one of the service's second threads (counting words, writing a review's header): the built script
 * beside the module that asks, or its TypeScript source through the TypeScript loader the sources run with.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/** The thread of `built` (or of `source` where the sources run unbuilt); undefined when neither can start. */
export function startServiceThread(built: URL, source: URL, resourceLimits: ResourceLimits): Worker | undefined {
  try {
    if (built.protocol === 'file:' && existsSync(fileURLToPath(built))) return new Worker(built, { resourceLimits });
    if (source.protocol !== 'file:' || !existsSync(fileURLToPath(source))) return undefined;
    // The sources run through tsx: the thread registers its ES module loader before loading the TypeScript.
    const tsx = tsxModuleApi();
    if (!tsx) return undefined;
    const code = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source.href)}); });`;
    return new Worker(code, { eval: true, resourceLimits });
  } catch {
    return undefined;
  }
}

/** The file URL of tsx's ES module API (`tsx/esm/api`, as `import` resolves it), where tsx is installed. */
function tsxModuleApi(): string | undefined {
  const manifest = createRequire(fileURLToPath(import.meta.url)).resolve('tsx/package.json');
  const exports = (JSON.parse(readFileSync(manifest, 'utf8')) as { exports?: Record<string, { import?: { default?: string } }> }).exports;
  const entry = exports?.['./esm/api']?.import?.default;
  return entry ? pathToFileURL(join(dirname(manifest), entry)).href : undefined;
}
