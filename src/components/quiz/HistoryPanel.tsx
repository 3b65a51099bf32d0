/**
 * The quiz island's standing for a signed-in learner: attempts left, best score, and the list of
 * earlier attempts (a list, not a table: the lesson's Prose wrapper rewrites tables, which would
 * break hydration).
 */
import { For, Show } from 'solid-js';
import type { QuizStatus, QuizStrings } from '~/lib/quiz/types.ts';
import { fill } from './quiz-helpers.ts';

export interface HistoryPanelProps {
	status: QuizStatus;
	strings: QuizStrings;
}

export default function HistoryPanel(props: HistoryPanelProps) {
	const s = () => props.strings;
	const st = () => props.status;
	const outcome = (row: QuizStatus['history'][number]) =>
		row.state === 'open'
			? s().historyOpen
			: row.state === 'expired'
				? s().historyExpired
				: row.passed
					? s().historyPassed
					: s().historyFailed;
	return (
		<div class="quiz-status">
			<p>
				<Show when={st().attemptsLeft !== null} fallback={s().attemptsUnlimited}>
					{fill(s().attemptsLeft, { count: st().attemptsLeft ?? 0 })}
				</Show>
				<Show when={st().best !== null}> · {fill(s().best, { score: st().best ?? 0 })}</Show>
			</p>
			<Show when={st().history.length > 0}>
				<h3>{s().history}</h3>
				<ol class="quiz-history">
					<For each={st().history}>
						{(row) => (
							<li>
								<Show
									when={row.state === 'submitted'}
									fallback={fill(s().historyAttempt, { number: row.number })}
								>
									<a href={row.href}>{fill(s().historyAttempt, { number: row.number })}</a>
								</Show>
								{` · ${row.date}${row.score === null ? '' : ` · ${row.score}%`} · ${outcome(row)}`}
							</li>
						)}
					</For>
				</ol>
			</Show>
		</div>
	);
}
