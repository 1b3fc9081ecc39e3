// Where a contract's test runs: as it is on Node; inside a Durable Object in the Workers lane, whose storage can be
// used only from within the object (test/workers/store-contracts.test.ts).
export type Within = (body: () => Promise<void>) => Promise<void>;

export const run: Within = (body) => body();
