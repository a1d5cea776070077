/**
 * One worker of examples/nps-workers.ts: it produces its slice of the survey
 * table, adds every row to a fresh grouped state, and posts the state back
 * as JSON text.
 */
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { accumulate } from 'successkit/metrics';
import { surveyAccumulator, surveyRows, type WorkerReply, type WorkerTask } from './survey-responses.js';

const { seed, start, end } = workerData as WorkerTask;
const began = performance.now();
const state = accumulate(surveyAccumulator, surveyRows(seed, start, end));
const reply: WorkerReply = { state: JSON.stringify(state), rows: end - start, ms: performance.now() - began };
parentPort?.postMessage(reply);
