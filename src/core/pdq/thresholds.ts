/** Two PDQ hashes match when their Hamming distance is at most this (out of 256). */
export const PDQ_MATCH_THRESHOLD = 31;

/** Hashes of lower quality are not trusted for matching or for adding to banks; they are flagged instead. */
export const PDQ_MIN_QUALITY = 50;
