import { HnswVectorIndex } from '../../src/adapters/vector/hnsw-index.ts';
import { ExactVectorIndex } from '../../src/core/retrieval/exact-vector-index.ts';
import { vectorIndexContract } from './vector-index.contract.ts';

vectorIndexContract('ExactVectorIndex', (vectors, dimensions) =>
  Promise.resolve(new ExactVectorIndex(vectors, dimensions)),
);
vectorIndexContract('HnswVectorIndex', (vectors, dimensions) => HnswVectorIndex.build(vectors, dimensions));
