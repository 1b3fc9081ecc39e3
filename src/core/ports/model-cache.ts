// Port: a cache of model completions keyed by a hash of model, prompt, input and repeat, so an unchanged
// eval re-run costs nothing. Runtime: any.

export interface ModelCallCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, completion: string): Promise<void>;
}
