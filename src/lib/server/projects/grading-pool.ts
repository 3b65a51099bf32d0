/**
 * Grading in worker threads, so one slow or hostile file cannot stall the server.
 *
 * A small pool (PROJECT_GRADE_WORKERS, default: the number of CPUs, at most 4) of worker threads
 * each loads the grading module (src/lib/projects/grade-core.ts) by its own address: in a build
 * that is the chunk the bundler made of it, in development and tests the TypeScript source (Node
 * strips the types). Jobs queue for a free worker; a job that runs longer than
 * PROJECT_GRADE_TIMEOUT_MS (default 10 s) has its worker terminated and is refused as `timeout`,
 * and a fresh worker takes its place. Each worker's heap is capped (PROJECT_GRADE_MEMORY_MB, default
 * 512); a worker that crashes or runs out of memory is replaced and the file refused as `corrupt`
 * (logged: a crash means a bug or a hostile file, never a learner's ordinary mistake).
 *
 * Warm pool: starting a worker and loading the grading code into it takes far longer than grading
 * a typical file (hundreds of milliseconds on a busy server against a few), and used to fall on a
 * learner's upload, counted against its time limit. `warmGradingPool()` (called when a page shows
 * a signed-in learner an upload form, and by the first upload) starts every worker and has it load
 * the code at once, without waiting for it; a worker that replaces a stopped one loads it as it
 * starts. A warm-up that fails is retried by the next job, which reports the error as before.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { GradeJob, GradeJobResult } from '../../projects/grade-core.ts';
import { log } from '../log.ts';

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
let loading;
const load = (url) =>
	(loading ??= import(url).then(
		(mod) => (typeof mod.gradeJob === 'function' ? mod.gradeJob : globalThis.__dakshataGradeJob),
		(error) => {
			loading = undefined;
			throw error;
		},
	));
parentPort.on('message', async ({ url, job }) => {
	if (!job) {
		// Warm-up: load the grading code now; nothing to answer (a failure shows on the next job).
		load(url).catch(() => {});
		return;
	}
	try {
		const grade = await load(url);
		parentPort.postMessage({ result: await grade(job) });
	} catch (error) {
		parentPort.postMessage({ error: String((error && error.stack) || error) });
	}
});`;

interface Slot {
	worker: Worker | null;
	busy: boolean;
}

interface Queued {
	job: GradeJob;
	resolve: (r: GradeJobResult) => void;
}

const size = Math.max(
	1,
	Math.min(4, Number(process.env.PROJECT_GRADE_WORKERS) || availableParallelism()),
);
const timeoutMs = Number(process.env.PROJECT_GRADE_TIMEOUT_MS) || 10_000;
const memoryMb = Number(process.env.PROJECT_GRADE_MEMORY_MB) || 512;
const slots: Slot[] = Array.from({ length: size }, () => ({ worker: null, busy: false }));
const queue: Queued[] = [];
let coreUrl: Promise<string> | undefined;

function getCoreUrl(): Promise<string> {
	// Importing the module here makes the bundler keep it as its own chunk, whose address we pass on.
	coreUrl ??= import('../../projects/grade-core.ts').then((m) => m.GRADE_CORE_URL);
	return coreUrl;
}

/**
 * A new worker for a slot, told to load the grading code as soon as it starts. A worker that stops
 * while idle (a job's own stop is handled by `run`) leaves its slot for a fresh one.
 */
function spawn(slot: Slot, url: string): Worker {
	const worker = new Worker(WORKER_SOURCE, {
		eval: true,
		resourceLimits: { maxOldGenerationSizeMb: memoryMb },
	});
	worker.unref();
	const forget = () => {
		if (slot.worker === worker && !slot.busy) slot.worker = null;
	};
	worker.on('error', (error: Error) => {
		if (!slot.busy) log.error({ error: error.message }, 'idle project grading worker stopped');
		forget();
	});
	worker.on('exit', forget);
	worker.postMessage({ url });
	return worker;
}

/**
 * Starts every worker of the pool that is not running and has it load the grading code, so the
 * next uploads do not wait for that. Returns at once; safe to call on every page view.
 */
export function warmGradingPool(): void {
	if (slots.every((slot) => slot.worker)) return;
	void getCoreUrl().then(
		(url) => {
			for (const slot of slots) if (!slot.busy) slot.worker ??= spawn(slot, url);
		},
		() => {},
	);
}

function pump(): void {
	const slot = slots.find((s) => !s.busy);
	const next = slot && queue.shift();
	if (!slot || !next) return;
	slot.busy = true;
	void run(slot, next).finally(() => {
		slot.busy = false;
		pump();
	});
}

async function run(slot: Slot, { job, resolve }: Queued): Promise<void> {
	const url = await getCoreUrl();
	const worker = (slot.worker ??= spawn(slot, url));
	await new Promise<void>((done) => {
		const timer = setTimeout(() => {
			cleanup();
			slot.worker = null;
			void worker.terminate();
			resolve({ ok: false, refusal: 'timeout' });
			done();
		}, timeoutMs);
		const onMessage = (msg: { result?: GradeJobResult; error?: string }) => {
			cleanup();
			if (msg.result) resolve(msg.result);
			else {
				log.error({ error: msg.error }, 'project grading failed');
				resolve({ ok: false, refusal: 'corrupt' });
			}
			done();
		};
		const onError = (error: Error) => {
			cleanup();
			slot.worker = null;
			void worker.terminate();
			log.error({ error: error.message }, 'project grading worker stopped');
			resolve({ ok: false, refusal: 'corrupt' });
			done();
		};
		const cleanup = () => {
			clearTimeout(timer);
			worker.off('message', onMessage);
			worker.off('error', onError);
		};
		worker.on('message', onMessage);
		worker.on('error', onError);
		const bytes = job.bytes.slice();
		worker.postMessage({ url, job: { ...job, bytes } }, [bytes.buffer]);
	});
}

/** Grades a file in a worker thread (queued when all are busy), with the pool's time limit. */
export function gradeInWorker(job: GradeJob): Promise<GradeJobResult> {
	warmGradingPool();
	return new Promise((resolve) => {
		queue.push({ job, resolve });
		pump();
	});
}
