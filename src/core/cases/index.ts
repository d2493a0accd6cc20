/** Cases: the pure part of human review (events, reducer, priority, routing, assessment and action registries). */
export * from './assessment.ts';
export * from './case-actions.ts';
export * from './case-event.ts';
export * from './case-priority.ts';
export * from './case-sources.ts';
export * from './queue-routing.ts';
export * from './reduce-case.ts';
export * from './review-policy.ts';
