/**
 * An incremental CSV reader (RFC 4180: commas, double quotes, "" inside quotes, CRLF or LF line ends,
 * line breaks inside quoted values). Text goes in piece by piece as it arrives; complete rows come
 * out, so a large file is never held whole: only the row in progress is kept between pieces. Values
 * are cut out of the text (no character-by-character building). A leading byte order mark is dropped.
 */
/** Longer than any row of a contact export; a longer one is not read (each piece would read it again). */
export const MAX_CSV_ROW_CHARS = 1_000_000;

export class CsvReader {
	/** The start of a row that the pieces so far did not complete. */
	private rest = '';
	private started = false;
	/** The last piece ended with a CR: an LF starting the next one belongs to that line end. */
	private afterCr = false;
	/** The text ended inside a quoted value. */
	private open = false;

	/** Reads the next piece of text; returns the rows it completed. */
	push(text: string): string[][] {
		if (!this.started && text.length) {
			this.started = true;
			if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
		}
		if (this.afterCr && text.length) {
			this.afterCr = false;
			if (text.charCodeAt(0) === 10) text = text.slice(1);
		}
		const rows = this.read(this.rest + text, false);
		if (this.rest.length > MAX_CSV_ROW_CHARS) {
			throw new Error(`A row of the CSV file is longer than ${MAX_CSV_ROW_CHARS.toLocaleString('en-US')} characters`);
		}
		return rows;
	}

	/** The end of the text: the last row, if it had no line end. */
	end(): string[][] {
		const rows = this.read(this.rest, true);
		this.rest = '';
		return rows;
	}

	/** Whether the text so far ends inside a quoted value (a cut-off file, if nothing follows). */
	get unterminated(): boolean {
		return this.open;
	}

	private read(text: string, last: boolean): string[][] {
		const rows: string[][] = [];
		const length = text.length;
		let start = 0;
		this.open = false;
		while (start < length) {
			const row: string[] = [];
			let at = start;
			let complete = false;
			for (;;) {
				let value: string;
				if (at < length && text.charCodeAt(at) === 34) {
					// A quoted value: up to the quote that is not doubled.
					let from = at + 1;
					value = '';
					for (;;) {
						const quote = text.indexOf('"', from);
						if (quote < 0) {
							this.open = true;
							break;
						}
						if (quote + 1 < length && text.charCodeAt(quote + 1) === 34) {
							value += text.slice(from, quote + 1);
							from = quote + 2;
							continue;
						}
						if (quote + 1 === length && !last) {
							// The next piece may start with the second quote of a "".
							this.open = true;
							break;
						}
						value += text.slice(from, quote);
						at = quote + 1;
						break;
					}
					if (this.open) break;
					// Anything between the closing quote and the delimiter is kept, as lenient readers do.
					const end = this.valueEnd(text, at);
					value += text.slice(at, end);
					at = end;
				} else {
					const end = this.valueEnd(text, at);
					value = text.slice(at, end);
					at = end;
				}
				if (at >= length) {
					if (!last) break;
					row.push(value);
					complete = true;
					break;
				}
				row.push(value);
				const c = text.charCodeAt(at);
				at++;
				if (c === 44) continue;
				// CR or LF: the row ends; a CRLF is one line end.
				if (c === 13) {
					if (at < length) {
						if (text.charCodeAt(at) === 10) at++;
					} else if (!last) this.afterCr = true;
				}
				complete = true;
				break;
			}
			if (!complete) break;
			// A blank line is no row.
			if (row.length > 1 || row[0] !== '' || text.charCodeAt(start) === 34) rows.push(row);
			start = at;
		}
		this.rest = start < length ? text.slice(start) : '';
		if (last && this.open) this.rest = '';
		return rows;
	}

	/** Where an unquoted value that starts at `from` ends: the next comma, CR or LF, or the end of the text. */
	private valueEnd(text: string, from: number): number {
		let i = from;
		const length = text.length;
		while (i < length) {
			const c = text.charCodeAt(i);
			if (c === 44 || c === 13 || c === 10) return i;
			i++;
		}
		return i;
	}
}
