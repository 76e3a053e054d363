/**
 * The most memory a benchmark's child process has held resident. `process.resourceUsage().maxRSS` will not do: on
 * Linux a process started by another begins with its parent's high-water mark, so a child of a benchmark run that
 * had grown large reported the parent's memory, not its own. Linux's `VmHWM` is the process's own; elsewhere the
 * resident size sampled so far is all there is.
 */
import { readFileSync } from 'node:fs';

export function residentPeak(sampled: number): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb !== undefined) return Math.max(sampled, Number(kb) * 1024);
  } catch {
    // Not Linux: no /proc.
  }
  return Math.max(sampled, process.memoryUsage().rss);
}
