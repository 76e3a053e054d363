/**
 * Bundles a TypeScript entry into one JavaScript file that plain node runs, for tests that start many child
 * processes: compiling once and starting plain node is what keeps each start cheap.
 */
export async function bundleForNode(entry: string, outfile: string): Promise<void> {
  const esbuild = await import('esbuild');
  await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'silent' });
}
