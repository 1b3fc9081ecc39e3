import { describe, expect, it } from 'vitest';
import { sniffAttachmentType } from './sniff.ts';

const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0)) : part)));

describe('sniffAttachmentType', () => {
  it('recognises PNG, JPEG, GIF, WebP and PDF by their first bytes', () => {
    expect(sniffAttachmentType(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe('image/png');
    expect(sniffAttachmentType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffAttachmentType(bytes('GIF89a', [1, 0]))).toBe('image/gif');
    expect(sniffAttachmentType(bytes('GIF87a'))).toBe('image/gif');
    expect(sniffAttachmentType(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))).toBe('image/webp');
    expect(sniffAttachmentType(bytes('%PDF-1.7\n'))).toBe('application/pdf');
  });

  it('refuses markup, SVG and scripts whatever they claim to be', () => {
    expect(sniffAttachmentType(bytes('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBeUndefined();
    expect(sniffAttachmentType(bytes('<!doctype html><script>alert(1)</script>'))).toBeUndefined();
    expect(sniffAttachmentType(bytes('MZ', [0x90, 0]))).toBeUndefined();
  });

  it('refuses a RIFF file that is not WebP and content too short to match', () => {
    expect(sniffAttachmentType(bytes('RIFF', [0, 0, 0, 0], 'WAVE'))).toBeUndefined();
    expect(sniffAttachmentType(bytes([0x89], 'PN'))).toBeUndefined();
    expect(sniffAttachmentType(new Uint8Array())).toBeUndefined();
  });
});
