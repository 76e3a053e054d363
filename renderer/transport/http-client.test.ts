import { describe, expect, it } from 'vitest';
import { EventStreamParser } from './http-client';

describe('reading the event stream', () => {
  it('gives each event once it is complete, however the text is cut into chunks', () => {
    const text = ': connected\n\ndata: {"type":"a"}\n\ndata: {"type":"b"}\r\n\r\ndata: line one\ndata: line two\n\n';
    for (let cut = 1; cut < text.length; cut++) {
      const parser = new EventStreamParser();
      const events = [...parser.push(text.slice(0, cut)), ...parser.push(text.slice(cut))];
      expect(events, `cut at ${cut}`).toEqual(['{"type":"a"}', '{"type":"b"}', 'line one\nline two']);
    }
  });

  it('holds back an event whose blank line has not arrived yet', () => {
    const parser = new EventStreamParser();
    expect(parser.push('data: {"type":"a"}\n')).toEqual([]);
    expect(parser.push('\n')).toEqual(['{"type":"a"}']);
  });
});
