/**
 * The quiz player: one Solid island per quiz. It renders on the server as a working
 * `<form method="post">` (the no-JavaScript path posts to the quiz page); once hydrated it sends
 * answers as JSON to /api/quiz/*, shows one question at a time when the quiz says so, tracks "N of
 * M answered", runs the timer (the server is the authority; the island only submits on time),
 * warns before leaving with unsaved answers, and announces results and errors in a live region.
 * Props hold only what the learner may see (src/lib/quiz/types.ts); grading happens on the server.
 */
import { createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import type { DisplayAnswer, DisplayAnswers, OpenAttempt, QuizIslandProps, QuizResult, QuizStatus } from '~/lib/quiz/types.ts';
import QuestionField from './QuestionField.tsx';
import { countAnswered, fill, formatClock, getAnswersToSend, getMinutesLeft, getStartBlock, getVerdict } from './quiz-helpers.ts';

export default function QuizIsland(props: QuizIslandProps) {
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

	const questions = () => (result() ? [] : (props.practice?.questions ?? attempt()?.questions ?? []));
	const oneAtATime = () => hydrated() && props.display === 'one-at-a-time';
	const deadline = () => (result() ? null : (attempt()?.deadlineAt ?? null));
	const block = () => getStartBlock(status(), now());
	const announce = (text: string) => {
		// Clearing first makes a repeated message be announced again.
		setMessage('');
		queueMicrotask(() => setMessage(text));
	};
	const focus = (selector: string) => queueMicrotask(() => root.querySelector<HTMLElement>(selector)?.focus());

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
			const text = e instanceof TypeError || e instanceof SyntaxError ? s.networkError : (e as Error).message;
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
				? await post('practice', { course: props.courseSlug, quiz: props.quizId, seed: props.practice!.seed, answers: sent })
				: await post('submit', { attempt: attempt()!.id, answers: sent });
		if (!json) return;
		const r: QuizResult = json.result;
		setDirty(false);
		setAttempt(undefined);
		setResult(r);
		// The page around the island (the lesson's "Mark as complete") learns that the lesson is done.
		if (r.passed && props.mode !== 'practice') document.dispatchEvent(new CustomEvent('dakshata:lesson-completed'));
		announce(`${fill(s.score, { score: r.score })} ${r.passed ? s.passed : fill(s.failed, { mark: r.passMark })}${r.certificateUrl ? ` ${s.certificateEarned}` : ''}`);
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

	const historyResult = (row: QuizStatus['history'][number]) =>
		row.state === 'open' ? s.historyOpen : row.state === 'expired' ? s.historyExpired : row.passed ? s.historyPassed : s.historyFailed;

	return (
		<div class="quiz-player" ref={root}>
			<p class="hint quiz-facts">
				{fill(s.questions, { count: props.questionCount })} · {fill(s.passMark, { mark: props.passMark })}
				<Show when={props.timeLimitMinutes}> · {fill(s.timeLimit, { minutes: props.timeLimitMinutes! })}</Show>
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

			<Show when={result()}>
				{(r) => (
					<section class="quiz-result" aria-labelledby={`${base}-result`}>
						<h3 id={`${base}-result`} tabindex="-1">
							{s.result}
						</h3>
						<p class={r().passed ? 'notice success' : 'notice warning'}>
							<strong>{fill(s.score, { score: r().score })}</strong> {r().passed ? s.passed : fill(s.failed, { mark: r().passMark })}
						</p>
						<Show when={r().certificateUrl}>
							{(url) => (
								<p class="notice success" data-certificate-earned>
									{s.certificateEarned} <a href={url()}>{s.viewCertificate}</a>
								</p>
							)}
						</Show>
						<Show when={r().withheld}>
							<p class="hint">{{ never: s.withheldNever, 'after-passing': s.withheldAfterPassing, answers: s.withheldAnswers }[r().withheld!]}</p>
						</Show>
						<Show when={r().review}>
							<h4>{s.review}</h4>
							<ol class="quiz-review">
								<For each={r().review}>
									{(item) => (
										<li class={`quiz-verdict-${getVerdict(item.credit, item.yourAnswer !== '')}`}>
											<p>
												<strong>{item.prompt}</strong>
											</p>
											<p>
												<strong>{item.credit > 0 && item.credit < 1 ? fill(s.partly, { percent: Math.round(item.credit * 100) }) : s[getVerdict(item.credit, item.yourAnswer !== '')]}</strong>
											</p>
											<p>{fill(s.yourAnswerWas, { answer: item.yourAnswer || '—' })}</p>
											<Show when={item.credit < 1 && item.correctAnswer}>
												<p>{fill(s.correctAnswer, { answer: item.correctAnswer! })}</p>
											</Show>
											<For each={item.feedback}>{(f) => <p class="quiz-feedback">{f}</p>}</For>
											<Show when={item.explanation}>
												<p class="quiz-feedback">
													<strong>{s.explanation}</strong> {item.explanation}
												</p>
											</Show>
										</li>
									)}
								</For>
							</ol>
						</Show>
					</section>
				)}
			</Show>

			<Show when={questions().length > 0}>
				<form method="post" action={props.action} class="quiz-form" onSubmit={submit}>
					<input type="hidden" name="intent" value={props.mode === 'practice' ? 'practice' : 'submit'} />
					<Show when={props.practice} fallback={<input type="hidden" name="attempt" value={attempt()?.id} />}>
						<input type="hidden" name="seed" value={props.practice!.seed} />
					</Show>
					<Show when={deadline() !== null}>
						<p class="quiz-timer" role="timer" aria-live="off">
							{fill(s.timeLeft, { time: formatClock(deadline()! - now()) })}
						</p>
					</Show>
					<For each={questions()}>
						{(q, i) => (
							<QuestionField
								q={q}
								number={i() + 1}
								total={questions().length}
								answer={answers()[q.id]}
								onAnswer={(v) => setAnswer(q.id, v)}
								strings={s}
								base={base}
								hydrated={hydrated()}
								hidden={oneAtATime() && i() !== current()}
								announce={announce}
							/>
						)}
					</For>
					<div class="quiz-actions">
						<Show when={hydrated()}>
							<p class="quiz-progress">
								{fill(s.progress, { answered: countAnswered(questions(), answers()), total: questions().length })}
							</p>
						</Show>
						<Show when={oneAtATime()}>
							<button type="button" class="secondary" disabled={current() === 0} onClick={() => go(-1)}>
								{s.previous}
							</button>
							<button type="button" class="secondary" disabled={current() === questions().length - 1} onClick={() => go(1)}>
								{s.next}
							</button>
						</Show>
						<button type="submit" disabled={busy()}>
							{busy() ? s.submitting : s.submit}
						</button>
					</div>
				</form>
			</Show>

			<Show when={questions().length === 0}>
				<Show when={props.mode === 'practice'} fallback={
					<Show when={!attempt()} fallback={
						<a class="button" href={props.action} onClick={start}>
							{s.continue}
						</a>
					}>
						<Show when={block() === 'none'} fallback={
							<p class="notice warning">{block() === 'cooldown' ? fill(s.cooldown, { minutes: getMinutesLeft(status()!.cooldownUntil!, now()) }) : fill(s.noAttemptsLeft, { count: status()!.history.length })}</p>
						}>
							<form method="post" action={props.action} onSubmit={start}>
								<input type="hidden" name="intent" value="start" />
								<Show when={!props.enrolled && !status()?.history.length}>
									<p class="hint">{s.enrolNote}</p>
								</Show>
								<button type="submit" disabled={busy()}>
									{busy() ? s.starting : status()?.history.length ? s.startAgain : s.start}
								</button>
							</form>
						</Show>
					</Show>
				}>
					<a class="button" href={props.action} onClick={start}>
						{s.tryAgain}
					</a>
				</Show>
			</Show>

			<Show when={status()}>
				{(st) => (
					<div class="quiz-status">
						<p>
							<Show when={st().attemptsLeft !== null} fallback={s.attemptsUnlimited}>
								{fill(s.attemptsLeft, { count: st().attemptsLeft! })}
							</Show>
							<Show when={st().best !== null}> · {fill(s.best, { score: st().best! })}</Show>
						</p>
						{/* A list, not a table: the lesson's Prose wrapper rewrites tables, which would break hydration. */}
						<Show when={st().history.length > 0}>
							<h3>{s.history}</h3>
							<ol class="quiz-history">
								<For each={st().history}>
									{(row) => (
										<li>
											<Show when={row.state === 'submitted'} fallback={fill(s.historyAttempt, { number: row.number })}>
												<a href={row.href}>{fill(s.historyAttempt, { number: row.number })}</a>
											</Show>
											{` · ${row.date}${row.score === null ? '' : ` · ${row.score}%`} · ${historyResult(row)}`}
										</li>
									)}
								</For>
							</ol>
						</Show>
					</div>
				)}
			</Show>
		</div>
	);
}
