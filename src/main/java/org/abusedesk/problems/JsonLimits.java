package org.abusedesk.problems;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Readers of JSON that people outside send (reports, batches, catalogs, X-ARF mail), with
 * limits on nesting and on the number of tokens, so that no document makes the tree it is
 * read into grow beyond a known bound. A body within its size limit can still be a
 * million empty arrays; the token limit stops it while it is read.
 */
public final class JsonLimits {

	private JsonLimits() {
	}

	/**
	 * A mapper for reading trees within these limits (duplicate keys are an error).
	 * @param maxDepth how deeply objects and arrays may nest
	 * @param maxTokens how many tokens a document may have
	 */
	public static JsonMapper treeReader(int maxDepth, long maxTokens) {
		StreamReadConstraints constraints = StreamReadConstraints.builder()
			.maxNestingDepth(maxDepth)
			.maxTokenCount(maxTokens)
			.build();
		return JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints).build())
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.build();
	}

	/** The field error for a document over the limits. */
	public static InvalidInputException tooComplex(StreamConstraintsException ex) {
		return new InvalidInputException("", "too_complex",
				"The JSON document is nested too deeply or has too many elements: " + ex.getOriginalMessage());
	}

}
