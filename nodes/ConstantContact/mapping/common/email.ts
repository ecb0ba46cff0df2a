import { utf8Length } from './values';

/** The longest address any endpoint takes (`/contacts`); a longer value is rejected without being scanned. */
export const MAX_EMAIL_LENGTH = 80;

// Each check is a character class or a class with fixed ends: one way to match, linear time. The
// address is split at its dots instead of matched by one pattern with repeated groups.
/** Controls, format characters (bidi overrides and isolates, zero-width joiners, soft hyphen, BOM), other invisibles, spaces, private use, lone surrogates. */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Default_Ignorable_Code_Point}\p{White_Space}]/u;
/** An atom of RFC 5321's dot-string: anything but the specials (RFC 6531 allows UTF-8). */
const ATOM = /^[^@"<>(),;:\\[\].]+$/;
/** A domain label: letters (any script, for IDN domains), marks, digits, hyphens. */
const LABEL = /^[\p{L}\p{M}\p{Nd}-]+$/u;
const LABEL_START = /^[\p{L}\p{Nd}]/u;
/** A top-level domain: letters (two or more, marks allowed after the first), or an IDN one in punycode. */
const TOP_LEVEL = /^(?:\p{L}[\p{L}\p{M}]+|xn--[a-z\d-]+)$/iu;

/**
 * RFC 5321's mailbox, as a person's address is written: a dot-string local part (at most 64
 * octets, no leading, trailing or double dot) and a domain of at least two labels (each 1-63
 * letters, digits and inner hyphens), the last a top-level domain of at least two letters. Nothing
 * invisible: a control, a zero-width or a bidi character would make two addresses look alike.
 */
export function isValidEmail(email: string): boolean {
	if (email.length > MAX_EMAIL_LENGTH || HIDDEN.test(email)) return false;
	const at = email.indexOf('@');
	if (at !== email.lastIndexOf('@')) return false;
	const local = email.slice(0, at);
	const labels = email.slice(at + 1).split('.');
	if (at < 1 || utf8Length(local) > 64 || !local.split('.').every((atom) => ATOM.test(atom))) return false;
	const labelOk = (label: string) => label.length <= 63 && LABEL.test(label) && LABEL_START.test(label) && !label.endsWith('-');
	return labels.length >= 2 && labels.every(labelOk) && TOP_LEVEL.test(labels[labels.length - 1]);
}
