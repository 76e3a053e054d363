import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/security-policy';
import { createElectronStandIn } from './test-support/electron-stand-in';

// security.ts imports electron for hardenApp; these functions need none of it.
vi.mock('electron', () => createElectronStandIn({ userData: '/nonexistent' }).module);
const { isTrustedSender, withContentSecurityPolicy } = await import('./security');

const index = join('/', 'opt', 'Redline', 'resources', 'app.asar', 'out', 'renderer', 'index.html');
const indexUrl = pathToFileURL(index).href;

describe('which frames may call the review service', () => {
  it('our own index.html, with or without a query or fragment', () => {
    expect(isTrustedSender(indexUrl, index)).toBe(true);
    expect(isTrustedSender(`${indexUrl}?review=1`, index)).toBe(true);
    expect(isTrustedSender(`${indexUrl}#top`, index)).toBe(true);
  });

  it('no other page: a web page, another local file, a look-alike name, or a frame without a URL', () => {
    expect(isTrustedSender('https://example.com/', index)).toBe(false);
    expect(isTrustedSender(pathToFileURL(join('/', 'tmp', 'index.html')).href, index)).toBe(false);
    expect(isTrustedSender(`${indexUrl}.evil.html`, index)).toBe(false);
    expect(isTrustedSender(indexUrl.replace('index.html', 'index.htm'), index)).toBe(false);
    expect(isTrustedSender('about:blank', index)).toBe(false);
    expect(isTrustedSender('', index)).toBe(false);
    expect(isTrustedSender(undefined, index)).toBe(false);
  });
});

describe('the Content-Security-Policy header', () => {
  it('is added to a response that has none', () => {
    expect(withContentSecurityPolicy({ 'Content-Type': ['text/html'] })).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it("replaces the response's own policy, however its name is spelt", () => {
    const headers = withContentSecurityPolicy({
      'CONTENT-SECURITY-POLICY': ["script-src 'unsafe-inline'"],
      'content-security-policy': ['default-src *'],
    });
    expect(headers).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});
