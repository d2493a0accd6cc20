/** Supportive information: help resources per country and age-appropriate messages, as data. */
export * from './help-resources.ts';
export * from './support-messages.ts';
export * from './support-policy.ts';
export * from './support-for.ts';
export * from './help-page-content.ts';
export * from './help-path.ts';
