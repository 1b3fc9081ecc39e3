// Streams the value of one string field out of JSON that is still arriving token by token. Runtime: any.

/**
 * Feed it the growing raw JSON; it returns the newly decoded characters of `"<field>": "…"` each time,
 * so a reply can stream to the customer while the model is still writing the rest of the object.
 */
export class JsonStringFieldStream {
  private raw = '';
  private start = -1;
  private position = 0;
  private done = false;

  constructor(private readonly field: string) {}

  push(chunk: string): string {
    this.raw += chunk;
    if (this.done) return '';
    if (this.start === -1) {
      const match = new RegExp(`"${this.field}"\\s*:\\s*"`).exec(this.raw);
      if (match === null) return '';
      this.start = match.index + match[0].length;
      this.position = this.start;
    }
    let output = '';
    while (this.position < this.raw.length) {
      const char = this.raw[this.position] ?? '';
      if (char === '"') {
        this.done = true;
        break;
      }
      if (char !== '\\') {
        output += char;
        this.position += 1;
        continue;
      }
      const next = this.raw[this.position + 1];
      if (next === undefined) break;
      if (next === 'u') {
        const hex = this.raw.slice(this.position + 2, this.position + 6);
        if (hex.length < 4) break;
        output += String.fromCharCode(Number.parseInt(hex, 16));
        this.position += 6;
        continue;
      }
      output += ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' } as Record<string, string>)[next] ?? next;
      this.position += 2;
    }
    return output;
  }
}
