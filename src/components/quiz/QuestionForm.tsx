/**
 * The quiz island's questions as one form: the hidden fields the no-JavaScript post needs, the
 * timer, every question (one shown at a time when the quiz says so, with Previous and Next), the
 * "N of M answered" count, and Submit.
 */
import { For, Show } from 'solid-js';
import type {
	DisplayAnswer,
	DisplayAnswers,
	PublicQuestion,
	QuizStrings,
} from '~/lib/quiz/types.ts';
import QuestionField from './QuestionField.tsx';
import { countAnswered, fill, formatClock } from './quiz-helpers.ts';

export interface QuestionFormProps {
	/** The quiz page (where the no-JavaScript form posts). */
	action: string;
	/** Practice: the layout seed; otherwise the open attempt's id. */
	practiceSeed?: string;
	attemptId?: string;
	questions: PublicQuestion[];
	answers: DisplayAnswers;
	onAnswer: (id: string, value: DisplayAnswer) => void;
	/** Epoch ms when time is up (null: no time limit), and the server's time now. */
	deadline: number | null;
	now: number;
	oneAtATime: boolean;
	current: number;
	onGo: (delta: number) => void;
	hydrated: boolean;
	busy: boolean;
	strings: QuizStrings;
	/** Element id prefix, unique on the page. */
	base: string;
	announce: (text: string) => void;
	onSubmit: (event: Event) => void;
}

export default function QuestionForm(props: QuestionFormProps) {
	const s = () => props.strings;
	const total = () => props.questions.length;
	return (
		<form method="post" action={props.action} class="quiz-form" onSubmit={(e) => props.onSubmit(e)}>
			<input
				type="hidden"
				name="intent"
				value={props.practiceSeed !== undefined ? 'practice' : 'submit'}
			/>
			<Show
				when={props.practiceSeed !== undefined}
				fallback={<input type="hidden" name="attempt" value={props.attemptId} />}
			>
				<input type="hidden" name="seed" value={props.practiceSeed} />
			</Show>
			<Show when={props.deadline !== null}>
				<p class="quiz-timer" role="timer" aria-live="off">
					{fill(s().timeLeft, { time: formatClock((props.deadline ?? props.now) - props.now) })}
				</p>
			</Show>
			<For each={props.questions}>
				{(q, i) => (
					<QuestionField
						q={q}
						number={i() + 1}
						total={total()}
						answer={props.answers[q.id]}
						onAnswer={(v) => props.onAnswer(q.id, v)}
						strings={s()}
						base={props.base}
						hydrated={props.hydrated}
						hidden={props.oneAtATime && i() !== props.current}
						announce={props.announce}
					/>
				)}
			</For>
			<div class="quiz-actions">
				<Show when={props.hydrated}>
					<p class="quiz-progress">
						{fill(s().progress, {
							answered: countAnswered(props.questions, props.answers),
							total: total(),
						})}
					</p>
				</Show>
				<Show when={props.oneAtATime}>
					<button
						type="button"
						class="secondary"
						disabled={props.current === 0}
						onClick={() => props.onGo(-1)}
					>
						{s().previous}
					</button>
					<button
						type="button"
						class="secondary"
						disabled={props.current === total() - 1}
						onClick={() => props.onGo(1)}
					>
						{s().next}
					</button>
				</Show>
				<button type="submit" disabled={props.busy}>
					{props.busy ? s().submitting : s().submit}
				</button>
			</div>
		</form>
	);
}
