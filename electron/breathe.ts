/**
 * Lets the event loop run before going on: long work on a large review (reading or writing its header, counting
 * its words) is cut into steps with a breath between, so the service keeps answering meanwhile.
 */
export function breathe(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
