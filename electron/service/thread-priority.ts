/**
 * Lowers the priority of the calling thread, for a thread that works beside the service's (an export, a long page
 * being parsed): the service's thread answers the reviewer, and wins whenever both want a core.
 *
 * On Linux each thread has a priority of its own; elsewhere the call would lower the whole process, so it is not
 * made there.
 */
import { setPriority } from 'node:os';

/** A background thread's nice value (0 is the process's, 19 the lowest priority). */
const BACKGROUND_NICENESS = 10;

export function giveWayToService(): void {
  if (process.platform !== 'linux') return;
  try {
    setPriority(BACKGROUND_NICENESS);
  } catch {
    // Left at the process's priority.
  }
}
