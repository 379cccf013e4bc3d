/// <reference lib="webworker" />
import {
  createAnalyticsRunner,
  type AnalyticsChunkPart,
  type AnalyticsInit,
  type AnalyticsReady,
} from './analyticsChunk.ts';
import { serveChunks } from './serveChunks.ts';

serveChunks<AnalyticsInit, AnalyticsReady, AnalyticsChunkPart>(createAnalyticsRunner);
