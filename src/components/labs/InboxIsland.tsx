/**
 * The inbox lab's mail client: one Solid island. On the server (and without JavaScript) it renders
 * every message as a disclosure with its own action fields, one plain form the lab page posts.
 * Once hydrated it becomes a two-pane client: a message list (sender, subject, time and what the
 * learner has done so far, as text) and a reading pane with the actions for the selected message;
 * choosing a template fills an empty reply box. Every message's fields stay in the form (hidden when
 * not selected), so the same POST is sent either way. Props carry only the public inbox
 * (src/lib/labs/public.ts): no expected actions, no explanations.
 */
import { createSignal, For, onMount, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { PublicInbox, PublicMessage } from '~/lib/labs/public.ts';
import type { InboxStrings } from '~/lib/labs/inbox-strings.ts';

export interface InboxIslandProps {
	view: PublicInbox;
	strings: InboxStrings;
	/** Largest reply accepted by the server. */
	maxReply: number;
}

interface Action {
	folder: string;
	reply: string;
	text: string;
	meeting: string;
	flag: boolean;
	archive: boolean;
	phishing: boolean;
}

const fill = (template: string, vars: Record<string, string>) =>
	template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);

export default function InboxIsland(props: InboxIslandProps) {
	const s = props.strings;
	const [enhanced, setEnhanced] = createSignal(false);
	const [selected, setSelected] = createSignal(props.view.messages[0]?.id ?? '');
	const [actions, setActions] = createStore<Record<string, Action>>(
		Object.fromEntries(
			props.view.messages.map((m) => [
				m.id,
				{
					folder: 'inbox',
					reply: 'none',
					text: '',
					meeting: '',
					flag: false,
					archive: false,
					phishing: false,
				},
			]),
		),
	);
	onMount(() => setEnhanced(true));

	const templateBody = (id: string) => props.view.templates.find((t) => t.id === id)?.body;
	const folderLabel = (id: string) =>
		id === 'inbox' ? s.folderInbox : (props.view.folders.find((f) => f.id === id)?.label ?? id);
	const describe = (id: string) => {
		const a = actions[id]!;
		const parts = [
			a.folder !== 'inbox' ? folderLabel(a.folder) : '',
			a.flag ? s.flagged : '',
			a.archive ? s.archived : '',
			a.phishing ? s.reported : '',
			a.reply === 'forward' ? s.forward : a.reply !== 'none' ? s.replied : '',
		];
		return parts.filter(Boolean).join(' · ');
	};
	const choose = (id: string) => {
		setSelected(id);
		queueMicrotask(() => document.getElementById(`pane-${id}`)?.focus());
	};
	const setReply = (id: string, value: string) => {
		setActions(id, 'reply', value);
		const body = templateBody(value);
		if (body && actions[id]!.text.trim() === '') setActions(id, 'text', body);
	};

	const fields = (m: PublicMessage) => (
		<fieldset class="lab-actions">
			<legend>{fill(s.actions, { subject: m.subject })}</legend>
			<div class="lab-grid">
				<div>
					<label for={`folder-${m.id}`}>{s.folder}</label>
					<select
						id={`folder-${m.id}`}
						name={`folder:${m.id}`}
						value={actions[m.id]!.folder}
						onChange={(e) => setActions(m.id, 'folder', e.currentTarget.value)}
					>
						<option value="inbox">{s.folderInbox}</option>
						<For each={props.view.folders}>{(f) => <option value={f.id}>{f.label}</option>}</For>
					</select>
				</div>
				<div>
					<label for={`reply-${m.id}`}>{s.reply}</label>
					<select
						id={`reply-${m.id}`}
						name={`reply:${m.id}`}
						value={actions[m.id]!.reply}
						onChange={(e) => setReply(m.id, e.currentTarget.value)}
					>
						<option value="none">{s.noReply}</option>
						<option value="forward">{s.forward}</option>
						<For each={props.view.templates}>
							{(t) => <option value={t.id}>{fill(s.useTemplate, { template: t.label })}</option>}
						</For>
					</select>
				</div>
			</div>
			<label class="lab-check">
				<input
					type="checkbox"
					name={`flag:${m.id}`}
					checked={actions[m.id]!.flag}
					onChange={(e) => setActions(m.id, 'flag', e.currentTarget.checked)}
				/>
				{s.flag}
			</label>
			<label class="lab-check">
				<input
					type="checkbox"
					name={`archive:${m.id}`}
					checked={actions[m.id]!.archive}
					onChange={(e) => setActions(m.id, 'archive', e.currentTarget.checked)}
				/>
				{s.archive}
			</label>
			<label class="lab-check">
				<input
					type="checkbox"
					name={`phishing:${m.id}`}
					checked={actions[m.id]!.phishing}
					onChange={(e) => setActions(m.id, 'phishing', e.currentTarget.checked)}
				/>
				{s.phishing}
			</label>
			<label for={`text-${m.id}`}>{s.replyText}</label>
			<textarea
				id={`text-${m.id}`}
				name={`text:${m.id}`}
				rows="6"
				maxLength={props.maxReply}
				value={actions[m.id]!.text}
				onInput={(e) => setActions(m.id, 'text', e.currentTarget.value)}
			/>
			<label for={`meeting-${m.id}`}>{fill(s.meeting, { zone: props.view.client.timeZone })}</label>
			<input
				type="datetime-local"
				id={`meeting-${m.id}`}
				name={`meeting:${m.id}`}
				value={actions[m.id]!.meeting}
				onInput={(e) => setActions(m.id, 'meeting', e.currentTarget.value)}
			/>
		</fieldset>
	);

	const body = (m: PublicMessage) => (
		<>
			<p class="hint">{fill(s.fromLine, { name: m.fromName, email: m.fromEmail })}</p>
			<For each={m.body.split(/\n\s*\n/).filter((p) => p.trim())}>
				{(p) => <p class="lab-para">{p.trim()}</p>}
			</For>
			<Show when={m.links.length > 0}>
				<ul class="lab-links">
					<For each={m.links}>
						{(l) => (
							<li>
								<span class="lab-link">{l.text}</span>{' '}
								<span class="hint">{fill(s.linkGoesTo, { href: l.href })}</span>
							</li>
						)}
					</For>
				</ul>
			</Show>
		</>
	);

	return (
		<div class="lab-inbox">
			<Show
				when={enhanced()}
				fallback={
					<ol class="lab-messages">
						<For each={props.view.messages}>
							{(m) => (
								<li>
									<details class="lab-message" id={`msg-${m.id}`}>
										<summary>
											<span class="lab-from">{m.fromName}</span>
											<span class="lab-subject">{m.subject}</span>
											<span class="hint">{m.date.replace('T', ' ')}</span>
										</summary>
										<div class="lab-message-body">
											{body(m)}
											{fields(m)}
										</div>
									</details>
								</li>
							)}
						</For>
					</ol>
				}
			>
				<div class="lab-client">
					<nav aria-label={s.listLabel}>
						<ul class="lab-list">
							<For each={props.view.messages}>
								{(m) => (
									<li>
										<button
											type="button"
											class="lab-list-item"
											aria-current={selected() === m.id ? 'true' : undefined}
											onClick={() => choose(m.id)}
										>
											<span class="lab-from">{m.fromName}</span>
											<span class="lab-subject">{m.subject}</span>
											<span class="hint">
												{m.date.replace('T', ' ')}
												<Show when={describe(m.id)}>{(d) => <> · {d()}</>}</Show>
											</span>
										</button>
									</li>
								)}
							</For>
						</ul>
					</nav>
					<For each={props.view.messages}>
						{(m) => (
							<section
								class="lab-pane"
								hidden={selected() !== m.id}
								aria-labelledby={`pane-${m.id}`}
							>
								<h3 id={`pane-${m.id}`} tabindex="-1">
									{m.subject}
								</h3>
								{body(m)}
								{fields(m)}
							</section>
						)}
					</For>
				</div>
			</Show>
		</div>
	);
}
