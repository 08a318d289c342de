package org.abusedesk.policy;

import java.util.List;

/** Thrown when a policy document is not valid; carries every problem found. */
public class InvalidPolicyException extends RuntimeException {

	private final List<PolicyProblem> problems;

	public InvalidPolicyException(List<PolicyProblem> problems) {
		super(problems.size() + " problem(s) in the policy document: " + problems);
		this.problems = List.copyOf(problems);
	}

	public List<PolicyProblem> problems() {
		return this.problems;
	}

}
