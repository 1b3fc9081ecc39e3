import { describe, expect, it } from 'vitest';
import { MAX_FILE_NAME_LENGTH, sanitizeFileName } from './file-name.ts';

describe('sanitizeFileName', () => {
  it('keeps an ordinary name as it is, Cyrillic included', () => {
    expect(sanitizeFileName('Счёт за май.pdf', 'application/pdf')).toBe('Счёт за май.pdf');
  });

  it('drops folders of either kind of path', () => {
    expect(sanitizeFileName('../../etc/passwd', 'image/png')).toBe('passwd');
    expect(sanitizeFileName('C:\\Users\\anna\\photo.png', 'image/png')).toBe('photo.png');
  });

  it('removes control characters and bidirectional overrides that could disguise the extension', () => {
    expect(sanitizeFileName('invoice\u202Efdp.exe', 'application/pdf')).toBe('invoicefdp.exe');
    expect(sanitizeFileName('a\u0000b\u0007c\n.png', 'image/png')).toBe('abc.png');
    expect(sanitizeFileName('x\u2066y\u2069.png', 'image/png')).toBe('xy.png');
  });

  it('cuts a long name to 120 characters and keeps its extension', () => {
    const name = sanitizeFileName(`${'я'.repeat(300)}.jpeg`, 'image/jpeg');
    expect([...name]).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(name.endsWith('.jpeg')).toBe(true);
  });

  it('names a file by its type when nothing is left, and strips leading dots', () => {
    expect(sanitizeFileName('', 'image/webp')).toBe('file.webp');
    expect(sanitizeFileName('/\u202E/', 'application/pdf')).toBe('file.pdf');
    expect(sanitizeFileName('...hidden.png', 'image/png')).toBe('hidden.png');
  });
});
