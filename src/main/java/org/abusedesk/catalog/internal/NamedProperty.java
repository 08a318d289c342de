package org.abusedesk.catalog.internal;

import java.util.Set;

import org.abusedesk.catalog.Account;
import org.abusedesk.catalog.Origin;
import org.abusedesk.catalog.Service;

/**
 * A zone or hostname. Holds the first {@value #INLINE} characters of its name in its own
 * fields, so that {@link HostTable} confirms a match while it reads the property anyway,
 * without following a reference to the name's string (with a million properties each such
 * reference is likely a cache miss).
 */
final class NamedProperty extends IndexedProperty {

	static final int INLINE = 40;

	/**
	 * The length of the name, or -1 when no lookup can produce it (not ASCII, too long).
	 */
	private final int length;

	/** Characters 0 to 7 of the name, the first in the lowest byte; and so on. */
	private final long chars0;

	private final long chars1;

	private final long chars2;

	private final long chars3;

	private final long chars4;

	NamedProperty(long id, PropertyKind kind, String value, Account account, Set<Service> services, Origin origin) {
		super(id, kind, value, account, services, origin);
		if (kind == PropertyKind.IP_PREFIX) {
			throw new IllegalArgumentException("not a host name property: " + kind);
		}
		this.length = isMatchable(value) ? value.length() : -1;
		this.chars0 = pack(value, 0, 0);
		this.chars1 = pack(value, 0, 1);
		this.chars2 = pack(value, 0, 2);
		this.chars3 = pack(value, 0, 3);
		this.chars4 = pack(value, 0, 4);
	}

	/** Whether a normalised target can equal the name (ASCII, short enough). */
	private static boolean isMatchable(String name) {
		if (name.isEmpty() || name.length() > HostTable.MAX_NAME_LENGTH) {
			return false;
		}
		for (int i = 0; i < name.length(); i++) {
			if (name.charAt(i) >= 0x80) {
				return false;
			}
		}
		return true;
	}

	/** Whether a lookup can ever produce the name. */
	boolean isMatchable() {
		return this.length >= 0;
	}

	/**
	 * Whether the name equals {@code host} from {@code from} on, given the first
	 * {@value #INLINE} characters of that part of {@code host} as {@link #pack} packs
	 * them. (They are computed before the property is read, so that little work waits for
	 * that likely cache miss.)
	 */
	boolean nameEquals(String host, int from, long packed0, long packed1, long packed2, long packed3, long packed4) {
		int length = host.length() - from;
		if (((packed0 ^ this.chars0) | (packed1 ^ this.chars1) | (packed2 ^ this.chars2) | (packed3 ^ this.chars3)
				| (packed4 ^ this.chars4)) != 0 || length != this.length) {
			return false;
		}
		String value = value();
		for (int i = INLINE; i < length; i++) {
			if (host.charAt(from + i) != value.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Characters {@code 8 * word} to {@code 8 * word + 7} of {@code text} from
	 * {@code from}, within the first {@value #INLINE}, the first in the lowest byte. A
	 * character that is not ASCII packs into a byte no name has.
	 */
	static long pack(String text, int from, int word) {
		int start = from + 8 * word;
		int end = Math.min(start + 8, from + Math.min(text.length() - from, INLINE));
		long chars = 0;
		for (int i = end - 1; i >= start; i--) {
			char c = text.charAt(i);
			chars = (chars << 8) | ((c < 0x80) ? c : 0xFF);
		}
		return chars;
	}

}
