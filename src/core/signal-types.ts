// The signal type registry lives in ./signal-types/ (one module per type); this path stays for existing imports.
export * from './signal-types/index.ts';
