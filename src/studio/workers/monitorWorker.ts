/// <reference lib="webworker" />
import { createMonitorRunner, type MonitorChunkPart, type MonitorInit } from './monitorChunk.ts';
import { serveChunks } from './serveChunks.ts';

serveChunks<MonitorInit, object, MonitorChunkPart>(createMonitorRunner);
