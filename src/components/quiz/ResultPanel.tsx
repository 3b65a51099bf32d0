/**
 * The quiz island's result: the score and verdict, a certificate earned, why answers are withheld,
 * and the per-question review as far as the quiz's reveal policy allows.
 */
import { For, Show } from 'solid-js';
import type { QuizResult, QuizStrings } from '~/lib/quiz/types.ts';
import { fill, getVerdict } from './quiz-helpers.ts';

export interface ResultPanelProps {
	result: QuizResult;
	strings: QuizStrings;
	/** Element id prefix, unique on the page. */
	base: string;
}

export default function ResultPanel(props: ResultPanelProps) {
	const s = () => props.strings;
	const r = () => props.result;
	return (
		<section class="quiz-result" aria-labelledby={`${props.base}-result`}>
			<h3 id={`${props.base}-result`} tabindex="-1">
				{s().result}
			</h3>
			<p class={r().passed ? 'notice success' : 'notice warning'}>
				<strong>{fill(s().score, { score: r().score })}</strong>{' '}
				{r().passed ? s().passed : fill(s().failed, { mark: r().passMark })}
			</p>
			<Show when={r().certificateUrl}>
				{(url) => (
					<p class="notice success" data-certificate-earned>
						{s().certificateEarned} <a href={url()}>{s().viewCertificate}</a>
					</p>
				)}
			</Show>
			<Show when={r().withheld}>
				{(withheld) => (
					<p class="hint">
						{
							{
								never: s().withheldNever,
								'after-passing': s().withheldAfterPassing,
								answers: s().withheldAnswers,
							}[withheld()]
						}
					</p>
				)}
			</Show>
			<Show when={r().review}>
				{(review) => (
					<>
						<h4>{s().review}</h4>
						<ol class="quiz-review">
							<For each={review()}>
								{(item) => {
									const verdict = () => getVerdict(item.credit, item.yourAnswer !== '');
									return (
										<li class={`quiz-verdict-${verdict()}`}>
											<p>
												<strong>{item.prompt}</strong>
											</p>
											<p>
												<strong>
													{item.credit > 0 && item.credit < 1
														? fill(s().partly, { percent: Math.round(item.credit * 100) })
														: s()[verdict()]}
												</strong>
											</p>
											<p>{fill(s().yourAnswerWas, { answer: item.yourAnswer || '—' })}</p>
											<Show when={item.credit < 1 && item.correctAnswer}>
												{(answer) => <p>{fill(s().correctAnswer, { answer: answer() })}</p>}
											</Show>
											<For each={item.feedback}>{(f) => <p class="quiz-feedback">{f}</p>}</For>
											<Show when={item.explanation}>
												<p class="quiz-feedback">
													<strong>{s().explanation}</strong> {item.explanation}
												</p>
											</Show>
										</li>
									);
								}}
							</For>
						</ol>
					</>
				)}
			</Show>
		</section>
	);
}
