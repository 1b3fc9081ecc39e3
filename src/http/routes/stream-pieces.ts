// Cuts text the model produces into the `token` events of a streamed reply. Runtime: any.

/** Splits produced text into a few words per event, keeping whitespace, so clients can render it as it comes. */
export function streamPieces(text: string, wordsPerPiece = 3): string[] {
  const parts = text.match(/\S+\s*|\s+/g) ?? [];
  const pieces: string[] = [];
  for (let index = 0; index < parts.length; index += wordsPerPiece)
    pieces.push(parts.slice(index, index + wordsPerPiece).join(''));
  return pieces;
}
