/**
 * The renderer's Content-Security-Policy, declared once for every way the page is served: only our own files,
 * no inline script, no plugins, no forms posting elsewhere. The browser host and the desktop shell send it as a
 * header; the built index.html carries it as a meta tag too (for file:// loads, where there are no headers).
 */
const DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
] as const;

/** The policy as a response header. */
export const CONTENT_SECURITY_POLICY = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ');

/** The policy as a meta tag can hold it: browsers ignore frame-ancestors there (the header covers it). */
export const CONTENT_SECURITY_POLICY_META = DIRECTIVES.join('; ');
