/**
 * Starting one of the service's second threads (counting words, writing a review's header, parsing a file read
 * whole, writing an export back): the built script beside the module that asks, or its TypeScript source through
 * the TypeScript loader the sources run with; and taking a thread's answers one at a time.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { ok, type Result } from '../../shared/result';

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

/**
 * A thread's answers, one at a time in the order they come, or why there will be no more: listened to from the
 * thread's start, so that one that fails before it is asked anything is not waited on for ever.
 */
export class ThreadAnswers<A> {
  private readonly queue: A[] = [];
  private waiting: ((answer: Result<A>) => void) | undefined;
  private end: Result<never> | undefined;

  /** `stopped` says, as a failure, why the thread stopped before it was done. */
  constructor(worker: Worker, stopped: (why: string) => Result<never>) {
    worker.on('message', (answer: A) => {
      const waiting = this.waiting;
      this.waiting = undefined;
      if (waiting) waiting(ok(answer));
      else this.queue.push(answer);
    });
    const stop = (why: string) => {
      this.end ??= stopped(why);
      const waiting = this.waiting;
      this.waiting = undefined;
      waiting?.(this.end);
    };
    worker.once('messageerror', () => stop('its answer could not be read'));
    worker.once('error', (e) => stop(e.message));
    worker.once('exit', (code) => stop(`it ended with code ${code}`));
  }

  /** True once the thread has failed or ended. */
  get stopped(): boolean {
    return this.end !== undefined;
  }

  /** The next answer, once it comes. */
  next(): Promise<Result<A>> {
    const answer = this.queue.shift();
    if (answer !== undefined) return Promise.resolve(ok(answer));
    if (this.end) return Promise.resolve(this.end);
    return new Promise((resolve) => (this.waiting = resolve));
  }
}
