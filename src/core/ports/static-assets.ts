// Port: where a runtime keeps its static files (the web UI's bundles, Swagger UI), prepared for serving: compressed
// once and with a validator. Node holds them in memory; Workers would serve them as static assets. Runtime: any.

export interface StaticAsset {
  readonly type: string;
  readonly body: Uint8Array;
  readonly gzip?: Uint8Array | undefined;
  readonly brotli?: Uint8Array | undefined;
  /** A strong validator of `body`, quoted (`"…"`). */
  readonly etag: string;
  readonly maxAgeSeconds: number;
  /** Loadable from other sites (the widget script). */
  readonly crossOrigin?: boolean | undefined;
}

/** Where a runtime keeps its static files; undefined for a name it does not have. */
export type StaticAssets = (name: string) => Promise<StaticAsset | undefined>;
