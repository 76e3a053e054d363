/**
 * The specs' shared set-up as Playwright fixtures: temporary files, a host serving the bundled sample, and a host
 * on a fresh copy of the sample for specs that write to its review. Every test gets hosts of its own; each worker
 * starts the next test's host while the current test runs, since a host's start-up (a node process loading the
 * command line) is otherwise time every test spends waiting.
 */
import { rmSync } from 'node:fs';
import { test as base } from '@playwright/test';
import { preparedSample, TempFiles } from './files';
import { startHost, type RunningHost } from './host';

export { expect } from '@playwright/test';

/** A host started ahead of time, with the folder it serves from when it has one. */
interface Prepared {
  readonly host: RunningHost;
  readonly dir?: string;
}

/**
 * Hosts started one test ahead, per kind. A kind is first started when a test asks for it, so a worker whose
 * tests never use a kind never starts one. A host is handed to one test only and stopped after it.
 */
class HostPool {
  private readonly next = new Map<string, Promise<Prepared>>();

  constructor(private readonly starts: Readonly<Record<string, () => Promise<Prepared>>>) {}

  /** A host of `kind`, started earlier when it could be; the next one starts at once. */
  take(kind: string): Promise<Prepared> {
    const taken = this.next.get(kind) ?? this.start(kind);
    this.next.set(kind, this.start(kind));
    return taken;
  }

  /** Stops the hosts no test took, and removes their folders. */
  async close(): Promise<void> {
    const left = [...this.next.values()];
    this.next.clear();
    await Promise.all(
      left.map(async (p) => {
        const prepared = await p.catch(() => undefined);
        await prepared?.host.stop();
        if (prepared?.dir) rmSync(prepared.dir, { recursive: true, force: true });
      }),
    );
  }

  private start(kind: string): Promise<Prepared> {
    const started = this.starts[kind]!();
    // A host that fails to start fails the test that takes it; until then the failure waits, unreported.
    started.catch(() => {});
    return started;
  }
}

export const test = base.extend<{ files: TempFiles; sampleReview: RunningHost; server: RunningHost }, { hosts: HostPool }>({
  hosts: [
    async ({}, use) => {
      const pool = new HostPool({
        // `redline serve` with no article: it opens the bundled sample, whose review lives in the host's data folder.
        server: async () => ({ host: await startHost() }),
        // `redline serve bridge.en.txt --source bridge.zh.txt` on a copy of the sample: the review file starts empty.
        sample: async () => {
          const { dir, args } = preparedSample('bridge');
          try {
            return { dir, host: await startHost(args) };
          } catch (error) {
            rmSync(dir, { recursive: true, force: true });
            throw error;
          }
        },
      });
      await use(pool);
      await pool.close();
    },
    { scope: 'worker' },
  ],
  files: async ({}, use) => {
    const files = new TempFiles();
    await use(files);
    files.remove();
  },
  // One per test: the data folder remembers the reviewer's place, recent files and the sample's flags, and a test
  // must not open where the last one left off.
  server: async ({ hosts }, use) => {
    const { host } = await hosts.take('server');
    await use(host);
    await host.stop();
  },
  // The copy of the sample is in the spec's own folder (`files.dir`), beside the review file the host writes.
  sampleReview: async ({ files, hosts }, use) => {
    const { host, dir } = await hosts.take('sample');
    files.adopt(dir!);
    await use(host);
    await host.stop();
  },
});
