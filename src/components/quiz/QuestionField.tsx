/**
 * One question of the quiz island as real form controls in a fieldset: radio buttons, check
 * boxes, text boxes, selects. The field names are those the no-JavaScript form posts (see
 * src/lib/quiz/answers.ts). Ordering is drag-free: position selects before the island hydrates (and
 * without JavaScript), Move up / Move down buttons after.
 */
import { For, Index, Match, Show, Switch } from 'solid-js';
import type { DisplayAnswer, PublicQuestion, QuizStrings } from '~/lib/quiz/types.ts';
import { answerOf, fill, moveItem, questionOf, setAt, toggleChoice } from './quiz-helpers.ts';

export interface QuestionFieldProps {
	q: PublicQuestion;
	number: number;
	total: number;
	answer: DisplayAnswer | undefined;
	onAnswer: (value: DisplayAnswer) => void;
	strings: QuizStrings;
	/** Element id prefix, unique on the page. */
	base: string;
	hydrated: boolean;
	hidden: boolean;
	announce: (text: string) => void;
}

export default function QuestionField(props: QuestionFieldProps) {
	const s = () => props.strings;
	const id = () => `${props.base}-${props.q.id}`;
	const name = () => `q.${props.q.id}`;
	const items = () => questionOf(props.q, 'ordering')?.items ?? [];
	const order = () => answerOf('ordering', props.answer) ?? items().map((_, i) => i);
	const unit = () => questionOf(props.q, 'numeric')?.unit;

	const move = (index: number, delta: number) => {
		const item = order()[index]!;
		const next = moveItem(order(), index, delta);
		const at = next.indexOf(item);
		props.onAnswer(next);
		props.announce(fill(s().moved, { item: items()[item]!, position: at + 1, total: next.length }));
		// The list re-renders; keep focus on the moved item, on the button that can still act.
		queueMicrotask(() => {
			const up = at > 0 && (delta < 0 || at === next.length - 1);
			document.getElementById(`${id()}-${up ? 'up' : 'down'}-${item}`)?.focus();
		});
	};

	// `checked` is a getter: a plain boolean argument would be read once, and the box would not follow
	// the answer when it changes (e.g. cleared for a new attempt).
	const choice = (
		type: 'radio' | 'checkbox',
		value: string,
		label: string,
		checked: () => boolean,
		onChange: (on: boolean) => void,
	) => (
		<label class="quiz-choice">
			<input
				type={type}
				name={name()}
				value={value}
				checked={checked()}
				onChange={(e) => onChange(e.currentTarget.checked)}
			/>
			<span>{label}</span>
		</label>
	);

	return (
		<fieldset class="quiz-q" id={id()} tabindex="-1" hidden={props.hidden}>
			<legend>
				<span class="quiz-num">
					{fill(s().questionOf, { number: props.number, total: props.total })}
				</span>{' '}
				<span class="quiz-prompt">{props.q.prompt || s().fillPrompt}</span>{' '}
				<span class="quiz-points">{fill(s().points, { points: props.q.points })}</span>
			</legend>
			<Switch>
				<Match when={questionOf(props.q, 'single')}>
					{(q) => (
						<Index each={q().options}>
							{(text, d) =>
								choice(
									'radio',
									String(d),
									text(),
									() => props.answer === d,
									() => props.onAnswer(d),
								)
							}
						</Index>
					)}
				</Match>
				<Match when={questionOf(props.q, 'multiple')}>
					{(q) => (
						<Index each={q().options}>
							{(text, d) =>
								choice(
									'checkbox',
									String(d),
									text(),
									() => (answerOf('multiple', props.answer) ?? []).includes(d),
									(on) => props.onAnswer(toggleChoice(answerOf('multiple', props.answer), d, on)),
								)
							}
						</Index>
					)}
				</Match>
				<Match when={props.q.type === 'true-false'}>
					{choice(
						'radio',
						'true',
						s().true,
						() => props.answer === true,
						() => props.onAnswer(true),
					)}
					{choice(
						'radio',
						'false',
						s().false,
						() => props.answer === false,
						() => props.onAnswer(false),
					)}
				</Match>
				<Match when={props.q.type === 'short-text' || props.q.type === 'numeric'}>
					<label class="quiz-label" for={`${id()}-text`}>
						{s().yourAnswer}
					</label>
					<span class="quiz-text">
						<input
							type="text"
							id={`${id()}-text`}
							name={name()}
							maxlength="500"
							autocomplete="off"
							spellcheck={false}
							inputmode={props.q.type === 'numeric' ? 'decimal' : undefined}
							aria-describedby={unit() ? `${id()}-unit` : undefined}
							value={
								answerOf(props.q.type === 'numeric' ? 'numeric' : 'short-text', props.answer) ?? ''
							}
							onInput={(e) => props.onAnswer(e.currentTarget.value)}
						/>
						<Show when={unit()}>
							<span id={`${id()}-unit`}>{unit()}</span>
						</Show>
					</span>
				</Match>
				<Match when={props.q.type === 'ordering' && !props.hydrated}>
					<ol class="quiz-order">
						<Index each={items()}>
							{(item, d) => (
								<li>
									<span>{item()}</span>
									<select name={`${name()}.${d}`} aria-label={fill(s().position, { item: item() })}>
										<Index each={items()}>
											{(_, r) => (
												<option value={r + 1} selected={r === d}>
													{r + 1}
												</option>
											)}
										</Index>
									</select>
								</li>
							)}
						</Index>
					</ol>
				</Match>
				<Match when={props.q.type === 'ordering'}>
					<ol class="quiz-order">
						<For each={order()}>
							{(item, i) => (
								<li>
									<span>{items()[item]}</span>
									<span class="quiz-moves">
										<button
											type="button"
											class="secondary"
											id={`${id()}-up-${item}`}
											disabled={i() === 0}
											aria-label={fill(s().moveUp, { item: items()[item]! })}
											onClick={() => move(i(), -1)}
										>
											↑
										</button>
										<button
											type="button"
											class="secondary"
											id={`${id()}-down-${item}`}
											disabled={i() === order().length - 1}
											aria-label={fill(s().moveDown, { item: items()[item]! })}
											onClick={() => move(i(), 1)}
										>
											↓
										</button>
									</span>
								</li>
							)}
						</For>
					</ol>
				</Match>
				<Match when={questionOf(props.q, 'matching')}>
					{(q) => (
						<Index each={q().lefts}>
							{(left, l) => (
								<div class="quiz-match">
									<label for={`${id()}-${l}`}>{left()}</label>
									<select
										id={`${id()}-${l}`}
										name={`${name()}.${l}`}
										onChange={(e) => {
											const v = e.currentTarget.value;
											props.onAnswer(
												setAt<number | null>(
													answerOf('matching', props.answer),
													q().lefts.length,
													l,
													v === '' ? null : Number(v),
													null,
												),
											);
										}}
									>
										<option value="">{s().choose}</option>
										<Index each={q().rights}>
											{(right, r) => (
												<option value={r} selected={answerOf('matching', props.answer)?.[l] === r}>
													{right()}
												</option>
											)}
										</Index>
									</select>
								</div>
							)}
						</Index>
					)}
				</Match>
				<Match when={questionOf(props.q, 'fill-blanks')}>
					{(q) => (
						<p class="quiz-fill">
							<Index each={q().parts}>
								{(part, b) => (
									<>
										{part()}
										<Show when={b < q().parts.length - 1}>
											<input
												type="text"
												name={`${name()}.${b}`}
												size="12"
												maxlength="500"
												autocomplete="off"
												spellcheck={false}
												aria-label={fill(s().blank, { number: b + 1 })}
												value={answerOf('fill-blanks', props.answer)?.[b] ?? ''}
												onInput={(e) =>
													props.onAnswer(
														setAt(
															answerOf('fill-blanks', props.answer),
															q().parts.length - 1,
															b,
															e.currentTarget.value,
															'',
														),
													)
												}
											/>
										</Show>
									</>
								)}
							</Index>
						</p>
					)}
				</Match>
			</Switch>
		</fieldset>
	);
}
