export * from './guidance-content.ts';
export * from './protective-settings.ts';
export * from './warning-signs.ts';
