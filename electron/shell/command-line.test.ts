import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchRequest } from './command-line';

const cwd = join('/', 'home', 'reviewer', 'articles');
const dev = { cwd, isPackaged: false };
const packaged = { cwd, isPackaged: true };

describe('what a launch of the desktop app asks to open', () => {
  it('nothing named: the bundled sample', () => {
    expect(launchRequest(['electron', '.'], dev)).toEqual({ kind: 'sample' });
    expect(launchRequest(['/opt/Redline/redline'], packaged)).toEqual({ kind: 'sample' });
  });

  it("in development the app's folder is not mistaken for an article", () => {
    expect(launchRequest(['electron', '/src/redline', 'story.txt'], dev)).toEqual({ kind: 'article', path: join(cwd, 'story.txt') });
  });

  it('a packaged app reads its first argument as the article', () => {
    expect(launchRequest(['/opt/Redline/redline', 'story.txt'], packaged)).toEqual({ kind: 'article', path: join(cwd, 'story.txt') });
  });

  it('an article and its source, relative to where Redline was launched, in either spelling of --source', () => {
    const expected = { kind: 'article', path: join(cwd, 'story.en.txt'), sourcePath: join(cwd, 'story.zh.txt') };
    expect(launchRequest(['electron', '.', 'story.en.txt', '--source', 'story.zh.txt'], dev)).toEqual(expected);
    expect(launchRequest(['electron', '.', '--source=story.zh.txt', 'story.en.txt'], dev)).toEqual(expected);
  });

  it("Chromium's and Node's switches and macOS process numbers are left alone", () => {
    const argv = ['electron', '--inspect=0', '--remote-debugging-port=0', '.', '--user-data-dir=/tmp/x', '-psn_0_1234', 'story.txt'];
    expect(launchRequest(argv, dev)).toEqual({ kind: 'article', path: join(cwd, 'story.txt') });
  });

  it('a review file is an article to open like any other (the service finds the article it reviews)', () => {
    expect(launchRequest(['/opt/Redline/redline', '/data/story.redline'], packaged)).toEqual({
      kind: 'article',
      path: '/data/story.redline',
    });
  });

  it('two articles, --source without a value, or a source without an article are usage errors that say so', () => {
    expect(launchRequest(['redline', 'a.txt', 'b.txt'], packaged)).toEqual({
      kind: 'usage-error',
      message: 'Redline opens one article at a time, but was given 2: a.txt, b.txt.',
    });
    expect(launchRequest(['redline', 'a.txt', '--source'], packaged)).toEqual({
      kind: 'usage-error',
      message: '--source needs a value: name the source text after it.',
    });
    expect(launchRequest(['redline', '--source', 'zh.txt'], packaged)).toEqual({
      kind: 'usage-error',
      message: '--source names the source text of an article: name the article too.',
    });
  });
});
