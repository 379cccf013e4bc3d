// Worker threads do not inherit the main thread's module hooks: register tsx here too (as
// worker.mjs does for evaluate).
import { register } from 'tsx/esm/api';

register();
await import('./monitorWorker.ts');
