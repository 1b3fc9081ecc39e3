// A one-entry memo for pure functions of a message's text. Runtime: any.

/**
 * `fn` that remembers its result for the last text it saw: while one reply is made, the policy, the rules
 * and the trained models' features each ask the detectors about the same message. Holds one entry, so
 * memory stays bounded whatever customers write. Results are shared: callers must not mutate them.
 */
export function rememberLast<R>(fn: (text: string) => R): (text: string) => R {
  let seen: { text: string; result: R } | undefined;
  return (text) => {
    if (seen?.text !== text) seen = { text, result: fn(text) };
    return seen.result;
  };
}
