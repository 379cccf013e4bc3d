export * from './api.ts';
export * from './cacheDb.ts';
export * from './outbox.ts';
export * from './schemas.ts';
export * from './session.ts';
export * from './teamPacks.ts';
export * from './review.ts';
