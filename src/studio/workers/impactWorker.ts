/// <reference lib="webworker" />
import { createImpactRunner, type ImpactInit, type ImpactPart } from './impactChunk.ts';
import { serveChunks } from './serveChunks.ts';

serveChunks<ImpactInit, object, ImpactPart>(createImpactRunner);
