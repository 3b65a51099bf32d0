/**
 * The quiz player: one Solid island per quiz. It renders on the server as a working
 * `<form method="post">` (the no-JavaScript path posts to the quiz page); once hydrated it sends
 * answers as JSON to /api/quiz/*, shows one question at a time when the quiz says so, tracks "N of
 * M answered", runs the timer (the server is the authority; the island only submits on time),
 * warns before leaving with unsaved answers, and announces results and errors in a live region.
 * Props hold only what the learner may see (src/lib/quiz/types.ts); grading happens on the server.
 * This component holds the state and the requests; StartPanel, QuestionForm (with a QuestionField
 * a question), ResultPanel and HistoryPanel render its parts.
 */
import { createSignal, onCleanup, onMount, Show } from 'solid-js';
import type {
	DisplayAnswer,
	DisplayAnswers,
	OpenAttempt,
	QuizIslandProps,
	QuizResult,
	QuizStatus,
} from '~/lib/quiz/types.ts';
import HistoryPanel from './HistoryPanel.tsx';
import QuestionForm from './QuestionForm.tsx';
import { fill, getAnswersToSend, setNumberLocale } from './quiz-helpers.ts';
import ResultPanel from './ResultPanel.tsx';
import StartPanel from './StartPanel.tsx';

export default function QuizIsland(props: QuizIslandProps) {
	setNumberLocale(props.locale);
	const s = props.strings;
	const base = `quiz-${props.quizId}`;
	const [hydrated, setHydrated] = createSignal(false);
	const [attempt, setAttempt] = createSignal<OpenAttempt | undefined>(props.attempt);
	const [status, setStatus] = createSignal<QuizStatus | undefined>(props.status);
	const [result, setResult] = createSignal<QuizResult | undefined>(props.result);
	const [answers, setAnswers] = createSignal<DisplayAnswers>({});
	const [current, setCurrent] = createSignal(0);
	const [busy, setBusy] = createSignal(false);
	const [dirty, setDirty] = createSignal(false);
	const [error, setError] = createSignal(props.notice ?? '');
	const [message, setMessage] = createSignal('');
	const [now, setNow] = createSignal(props.serverNow);
	let offset = 0;
	let warned = false;
	let timedOut = false;
	let root!: HTMLDivElement;

	const questions = () =>
		result() ? [] : (props.practice?.questions ?? attempt()?.questions ?? []);
	const oneAtATime = () => hydrated() && props.display === 'one-at-a-time';
	const deadline = () => (result() ? null : (attempt()?.deadlineAt ?? null));
	const announce = (text: string) => {
		// Clearing first makes a repeated message be announced again.
		setMessage('');
		queueMicrotask(() => setMessage(text));
	};
	const focus = (selector: string) =>
		queueMicrotask(() => root.querySelector<HTMLElement>(selector)?.focus());

	const post = async (path: string, body: object) => {
		setBusy(true);
		setError('');
		try {
			const res = await fetch(`/api/quiz/${path}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', accept: 'application/json' },
				body: JSON.stringify({ ...body, locale: props.locale }),
			});
			const json = await res.json();
			if (!res.ok) throw new Error(json.error ?? s.networkError);
			if (json.status) setStatus(json.status);
			if (json.serverNow) {
				offset = json.serverNow - Date.now();
				setNow(json.serverNow);
			}
			return json;
		} catch (e) {
			const text =
				e instanceof TypeError || e instanceof SyntaxError ? s.networkError : (e as Error).message;
			setError(text);
			announce(text);
			return null;
		} finally {
			setBusy(false);
		}
	};

	const start = async (event?: Event) => {
		event?.preventDefault();
		if (props.mode === 'learner' && !attempt()) {
			const json = await post('start', { course: props.courseSlug, quiz: props.quizId });
			if (!json) return;
			setAttempt(json.attempt);
		}
		// Clear before the questions show, so no control starts from the last attempt's answers.
		setAnswers({});
		setCurrent(0);
		warned = timedOut = false;
		setResult(undefined);
		focus('fieldset');
	};

	const submit = async (event?: Event) => {
		event?.preventDefault();
		if (busy()) return;
		const sent = getAnswersToSend(questions(), answers());
		const json =
			props.mode === 'practice'
				? await post('practice', {
						course: props.courseSlug,
						quiz: props.quizId,
						seed: props.practice!.seed,
						answers: sent,
					})
				: await post('submit', { attempt: attempt()!.id, answers: sent });
		if (!json) return;
		const r: QuizResult = json.result;
		setDirty(false);
		setAttempt(undefined);
		setResult(r);
		// The page around the island (the lesson's "Mark as complete") learns that the lesson is done.
		if (r.passed && props.mode !== 'practice')
			document.dispatchEvent(new CustomEvent('dakshata:lesson-completed'));
		announce(
			`${fill(s.score, { score: r.score })} ${r.passed ? s.passed : fill(s.failed, { mark: r.passMark })}${r.certificateUrl ? ` ${s.certificateEarned}` : ''}`,
		);
		focus('.quiz-result h3');
	};

	const setAnswer = (id: string, value: DisplayAnswer) => {
		setAnswers((a) => ({ ...a, [id]: value }));
		setDirty(true);
	};

	const go = (delta: number) => {
		setCurrent((c) => Math.min(questions().length - 1, Math.max(0, c + delta)));
		focus(`fieldset:not([hidden])`);
	};

	onMount(() => {
		offset = props.serverNow - Date.now();
		setHydrated(true);
		const tick = setInterval(() => {
			setNow(Date.now() + offset);
			const d = deadline();
			if (d === null || busy()) return;
			if (d - now() <= 60_000 && !warned) {
				warned = true;
				announce(s.oneMinute);
			}
			if (d - now() <= 0 && !timedOut) {
				timedOut = true;
				announce(s.timeUp);
				void submit();
			}
		}, 1000);
		const beforeUnload = (e: BeforeUnloadEvent) => {
			if (dirty() && !busy()) e.preventDefault();
		};
		addEventListener('beforeunload', beforeUnload);
		onCleanup(() => {
			clearInterval(tick);
			removeEventListener('beforeunload', beforeUnload);
		});
	});

	return (
		<div class="quiz-player" ref={root}>
			<p class="hint quiz-facts">
				{fill(s.questions, { count: props.questionCount })} ·{' '}
				{fill(s.passMark, { mark: props.passMark })}
				<Show when={props.timeLimitMinutes}>
					{(minutes) => <> · {fill(s.timeLimit, { minutes: minutes() })}</>}
				</Show>
			</p>
			<Show when={props.mode === 'practice'}>
				<p class="notice quiz-practice">
					{s.practiceNote} <a href={props.signInUrl}>{s.signInToCount}</a>
				</p>
			</Show>
			<p class="quiz-live visually-hidden" role="status" aria-live="polite">
				{message()}
			</p>
			<p class="notice error" role="alert" hidden={!error()}>
				{error()}
			</p>

			<Show when={result()}>{(r) => <ResultPanel result={r()} strings={s} base={base} />}</Show>

			<Show
				when={questions().length > 0}
				fallback={
					<StartPanel
						mode={props.mode}
						action={props.action}
						open={attempt() !== undefined}
						status={status()}
						enrolled={props.enrolled}
						now={now()}
						busy={busy()}
						strings={s}
						onStart={start}
					/>
				}
			>
				<QuestionForm
					action={props.action}
					practiceSeed={props.practice?.seed}
					attemptId={attempt()?.id}
					questions={questions()}
					answers={answers()}
					onAnswer={setAnswer}
					deadline={deadline()}
					now={now()}
					oneAtATime={oneAtATime()}
					current={current()}
					onGo={go}
					hydrated={hydrated()}
					busy={busy()}
					strings={s}
					base={base}
					announce={announce}
					onSubmit={submit}
				/>
			</Show>

			<Show when={status()}>{(st) => <HistoryPanel status={st()} strings={s} />}</Show>
		</div>
	);
}
