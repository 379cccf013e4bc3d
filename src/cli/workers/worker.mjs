// Worker threads do not inherit the main thread's module hooks: register tsx here too, so that the
// worker runs the same TypeScript sources as the command.
import { register } from 'tsx/esm/api';

register();
await import('./evaluateWorker.ts');
