package org.abusedesk.policy;

/** Whether, and by whom, a person must review a plan before it takes effect. */
public enum Review {

	NONE("none"), ONE("one"), TWO_DISTINCT_APPROVERS("two_distinct_approvers"), SENIOR("senior");

	private final String wire;

	Review(String wire) {
		this.wire = wire;
	}

	public String wire() {
		return this.wire;
	}

	public static Review fromWire(String value) {
		for (Review candidate : values()) {
			if (candidate.wire.equals(value)) {
				return candidate;
			}
		}
		throw new IllegalArgumentException("Unknown review: " + value);
	}

}
