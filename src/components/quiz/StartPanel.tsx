/**
 * The quiz island before its questions: start (or start again), continue an open attempt, try a
 * practice quiz again, or the reason a new attempt cannot start yet (no attempts left, cool-down).
 * Each is a real form or link, so it works before hydration and without JavaScript.
 */
import { Match, Show, Switch } from 'solid-js';
import type { QuizStatus, QuizStrings } from '~/lib/quiz/types.ts';
import { fill, getMinutesLeft, getStartBlock } from './quiz-helpers.ts';

export interface StartPanelProps {
	mode: 'learner' | 'practice';
	/** The quiz page (where the no-JavaScript forms post). */
	action: string;
	/** An attempt is open (started, not submitted). */
	open: boolean;
	status: QuizStatus | undefined;
	enrolled?: boolean;
	now: number;
	busy: boolean;
	strings: QuizStrings;
	onStart: (event: Event) => void;
}

export default function StartPanel(props: StartPanelProps) {
	const s = () => props.strings;
	const block = () => getStartBlock(props.status, props.now);
	const tried = () => (props.status?.history.length ?? 0) > 0;
	return (
		<Switch>
			<Match when={props.mode === 'practice'}>
				<a class="button" href={props.action} onClick={(e) => props.onStart(e)}>
					{s().tryAgain}
				</a>
			</Match>
			<Match when={props.open}>
				<a class="button" href={props.action} onClick={(e) => props.onStart(e)}>
					{s().continue}
				</a>
			</Match>
			<Match when={block() === 'cooldown'}>
				<p class="notice warning">
					{fill(s().cooldown, {
						minutes: getMinutesLeft(props.status?.cooldownUntil ?? props.now, props.now),
					})}
				</p>
			</Match>
			<Match when={block() === 'no-attempts'}>
				<p class="notice warning">
					{fill(s().noAttemptsLeft, { count: props.status?.history.length ?? 0 })}
				</p>
			</Match>
			<Match when={block() === 'none'}>
				<form method="post" action={props.action} onSubmit={(e) => props.onStart(e)}>
					<input type="hidden" name="intent" value="start" />
					<Show when={!props.enrolled && !tried()}>
						<p class="hint">{s().enrolNote}</p>
					</Show>
					<button type="submit" disabled={props.busy}>
						{props.busy ? s().starting : tried() ? s().startAgain : s().start}
					</button>
				</form>
			</Match>
		</Switch>
	);
}
