// Exact Hamming-radius search over PDQ hashes (multi-index hashing), with a linear scan as reference.
export { PdqIndex, type PdqIndexStats } from './pdq-index.ts';
export type { PdqMatch } from './match-sink.ts';
export type { ReadSnapshotOptions } from './index-snapshot.ts';
export { SNAPSHOT_VERSION } from './index-snapshot.ts';
export { linearScan, type ScanMatch } from './linear-scan.ts';
export { clusteredHashes, nearDuplicate, randomHashes, XorShift32, type ClusterOptions } from './synthetic-hashes.ts';
