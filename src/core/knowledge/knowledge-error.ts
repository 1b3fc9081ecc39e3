// Problems found in knowledge-base files, each naming the file and, where known, the line. Runtime: any.

export interface KnowledgeProblem {
  readonly file: string;
  readonly line?: number | undefined;
  readonly message: string;
}

export function formatProblem(problem: KnowledgeProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  return `${where}: ${problem.message}`;
}

/** Thrown when the knowledge base cannot be ingested; lists every problem found, not just the first. */
export class KnowledgeError extends Error {
  readonly code = 'bad_request:knowledge';
  constructor(readonly problems: readonly KnowledgeProblem[]) {
    super(`knowledge base has ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'KnowledgeError';
  }
}
