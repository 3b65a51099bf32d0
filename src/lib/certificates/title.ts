/**
 * The course title shown on a certificate and its verify page. A certificate stores the English
 * title as it was when it was issued (it never changes); a learner who studied in Bengali or Hindi
 * also sees the course's title in that language, looked up by course slug when the page or PDF is
 * drawn: "Translated title (English title)". Without a translation, just the English title.
 */
export interface CertificateTitle {
	/** The title in the learner's (or page's) language, when there is one that differs from English. */
	translated?: string;
	/** The English title stored on the certificate. */
	english: string;
	/** One line: "Translated (English)", or the English title alone. */
	text: string;
}

export function certificateTitle(english: string, translated?: string | null): CertificateTitle {
	const tr = translated?.trim();
	if (!tr || tr === english.trim()) return { english, text: english };
	return { translated: tr, english, text: `${tr} (${english})` };
}
