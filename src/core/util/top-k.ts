// Keeps the k best-scoring items seen so far with a bounded min-heap. Runtime: any.

export interface Scored {
  readonly label: number;
  readonly score: number;
}

/** Collects the `k` highest scores in O(n log k); `sorted()` returns them best first. */
export class TopK {
  private readonly labels: number[] = [];
  private readonly scores: number[] = [];

  constructor(private readonly k: number) {}

  /** Smallest score that would still enter, or -Infinity while not full. */
  get threshold(): number {
    return this.labels.length < this.k ? Number.NEGATIVE_INFINITY : (this.scores[0] ?? Number.NEGATIVE_INFINITY);
  }

  push(label: number, score: number): void {
    if (this.k <= 0) return;
    if (this.labels.length < this.k) {
      this.labels.push(label);
      this.scores.push(score);
      this.siftUp(this.labels.length - 1);
    } else if (score > (this.scores[0] ?? Number.NEGATIVE_INFINITY)) {
      this.labels[0] = label;
      this.scores[0] = score;
      this.siftDown(0);
    }
  }

  sorted(): Scored[] {
    return this.labels
      .map((label, index) => ({ label, score: this.scores[index] ?? 0 }))
      .sort((left, right) => right.score - left.score || left.label - right.label);
  }

  private swap(a: number, b: number): void {
    const label = this.labels[a] ?? 0;
    const score = this.scores[a] ?? 0;
    this.labels[a] = this.labels[b] ?? 0;
    this.scores[a] = this.scores[b] ?? 0;
    this.labels[b] = label;
    this.scores[b] = score;
  }

  private siftUp(start: number): void {
    let index = start;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if ((this.scores[parent] ?? 0) <= (this.scores[index] ?? 0)) return;
      this.swap(parent, index);
      index = parent;
    }
  }

  private siftDown(start: number): void {
    let index = start;
    const size = this.labels.length;
    for (;;) {
      const left = index * 2 + 1;
      const right = left + 1;
      let smallest = index;
      if (left < size && (this.scores[left] ?? 0) < (this.scores[smallest] ?? 0)) smallest = left;
      if (right < size && (this.scores[right] ?? 0) < (this.scores[smallest] ?? 0)) smallest = right;
      if (smallest === index) return;
      this.swap(index, smallest);
      index = smallest;
    }
  }
}
