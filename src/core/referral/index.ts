export * from './cybertipline-report.ts';
export * from './file-facts.ts';
export * from './referral-input.ts';
export * from './xml-writer.ts';
export * from './submission-journal.ts';
export * from './referral-destinations.ts';
export * from './referral-export.ts';
