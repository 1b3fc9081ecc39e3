// A one-line progress bar for terminals; silent when stderr is not a TTY. Runtime: Node.

export function progressBar(
  label: string,
  stream: NodeJS.WriteStream = process.stderr,
): (done: number, total: number) => void {
  let last = -1;
  return (done, total) => {
    if (!stream.isTTY || total === 0) return;
    const percent = Math.floor((done / total) * 100);
    if (percent === last && done !== total) return;
    last = percent;
    const width = 30;
    const filled = Math.round((done / total) * width);
    stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${percent}%`);
    if (done === total) stream.write('\n');
  };
}
