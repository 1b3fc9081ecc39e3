// A word-level diff of two replies (longest common subsequence), for showing what changed between runs. Runtime: any.

export interface DiffPart {
  readonly kind: 'same' | 'added' | 'removed';
  readonly text: string;
}

/** Words and the spaces after them; replies are short, so the quadratic table is cheap. */
export function wordDiff(before: string, after: string): DiffPart[] {
  const left = before.match(/\S+\s*/g) ?? [];
  const right = after.match(/\S+\s*/g) ?? [];
  const rows = left.length + 1;
  const columns = right.length + 1;
  const table = new Uint16Array(rows * columns);
  for (let i = left.length - 1; i >= 0; i -= 1) {
    for (let j = right.length - 1; j >= 0; j -= 1) {
      table[i * columns + j] =
        left[i]?.trim() === right[j]?.trim()
          ? (table[(i + 1) * columns + j + 1] ?? 0) + 1
          : Math.max(table[(i + 1) * columns + j] ?? 0, table[i * columns + j + 1] ?? 0);
    }
  }
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    const last = parts.at(-1);
    if (last?.kind === kind) parts[parts.length - 1] = { kind, text: last.text + text };
    else parts.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    if (left[i]?.trim() === right[j]?.trim()) {
      push('same', right[j] ?? '');
      i += 1;
      j += 1;
    } else if ((table[(i + 1) * columns + j] ?? 0) >= (table[i * columns + j + 1] ?? 0)) {
      push('removed', left[i] ?? '');
      i += 1;
    } else {
      push('added', right[j] ?? '');
      j += 1;
    }
  }
  for (; i < left.length; i += 1) push('removed', left[i] ?? '');
  for (; j < right.length; j += 1) push('added', right[j] ?? '');
  return parts;
}
