package org.abusedesk.policy.internal;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.abusedesk.catalog.Service;
import org.abusedesk.policy.CampaignSettings;
import org.abusedesk.policy.EntityType;
import org.abusedesk.policy.MitigationType;
import org.abusedesk.policy.NotificationKind;
import org.abusedesk.policy.PolicyProblem;
import org.abusedesk.policy.RepeatInfringerLadder;
import org.abusedesk.policy.Priority;
import org.abusedesk.policy.Review;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a policy document (docs/policy.md) into a {@link CompiledPolicy}, or into the
 * list of everything wrong with it, each with its line and column. Works on the YAML node
 * tree (never constructs Java objects from tags), so positions are exact and hostile
 * documents cannot instantiate anything.
 */
final class PolicyCompiler {

	/** Default lifetime of an emergency block (DOMAIN.md). */
	static final Duration EMERGENCY_EXPIRY = Duration.ofHours(72);

	/** Default time until an emergency block must be looked at again. */
	static final Duration EMERGENCY_REVIEW = Duration.ofHours(24);

	private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

	private static final Pattern DURATION = Pattern.compile("(\\d{1,6})([mhd])");

	private static final Pattern JURISDICTION = Pattern.compile("[A-Z]{2}");

	private static final Duration MAX_DURATION = Duration.ofDays(366);

	/**
	 * A mitigation's {@code entity_type} as versions stored before ADR 0014 spell it; a
	 * stored version's text never changes, so it is still read.
	 */
	private static final String TARGET_ALIAS = "target";

	/**
	 * @param policy the compiled policy; {@code null} when there are problems
	 * @param version the version the document declares, or {@code null}
	 * @param problems everything wrong, in document order
	 */
	record Compilation(CompiledPolicy policy, String version, List<PolicyProblem> problems) {

		boolean valid() {
			return this.problems.isEmpty();
		}

	}

	private final List<PolicyProblem> problems = new ArrayList<>();

	private PolicyCompiler() {
	}

	static Compilation compile(String text) {
		return new PolicyCompiler().run(text);
	}

	private Compilation run(String text) {
		Node root;
		try {
			LoaderOptions options = new LoaderOptions();
			options.setMaxAliasesForCollections(20);
			options.setCodePointLimit(2_000_000);
			root = new Yaml(options).compose(new StringReader(text));
		}
		catch (MarkedYAMLException ex) {
			Mark mark = (ex.getProblemMark() != null) ? ex.getProblemMark() : ex.getContextMark();
			int line = (mark != null) ? mark.getLine() + 1 : 0;
			int column = (mark != null) ? mark.getColumn() + 1 : 0;
			return failed(new PolicyProblem(line, column, "not valid YAML: " + ex.getProblem()));
		}
		catch (YAMLException ex) {
			return failed(new PolicyProblem(0, 0, "not valid YAML: " + ex.getMessage()));
		}
		if (!(root instanceof MappingNode)) {
			return failed(new PolicyProblem(1, 1, "the document must be a mapping with version and rules"));
		}
		Map<String, Node> top = mapping(root, Set.of("version", "rules", "repeat_infringers", "campaigns"));
		String version = required(root, top, "version");
		if (version != null && !VERSION.matcher(version).matches()) {
			problem(top.get("version"), "version must be 1 to 100 letters, digits, '.', '_' or '-'");
			version = null;
		}
		CampaignSettings campaigns = campaigns(version, top.get("campaigns"));
		List<CompiledRule> rules = new ArrayList<>();
		Node rulesNode = top.get("rules");
		if (rulesNode == null) {
			problem(root, "rules is required");
		}
		else if (!(rulesNode instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
			problem(rulesNode, "rules must be a non-empty list");
		}
		else {
			Map<String, Node> ids = new HashMap<>();
			for (Node ruleNode : sequence.getValue()) {
				CompiledRule rule = rule(ruleNode);
				if (rule == null) {
					continue;
				}
				Node earlier = ids.putIfAbsent(rule.id(), ruleNode);
				if (earlier != null) {
					problem(ruleNode, "rule id " + rule.id() + " is already used on line " + line(earlier));
				}
				rules.add(rule);
			}
			if (this.problems.isEmpty()) {
				coverage(rules, rulesNode);
			}
		}
		List<RepeatInfringerLadder.Step> ladder = ladder(top.get("repeat_infringers"), version);
		this.problems.sort(Comparator.comparingInt(PolicyProblem::line).thenComparingInt(PolicyProblem::column));
		if (!this.problems.isEmpty()) {
			return new Compilation(null, version, List.copyOf(this.problems));
		}
		return new Compilation(new CompiledPolicy(version, rules, ladder, campaigns), version, List.of());
	}

	/**
	 * The repeat-infringer ladder: steps of {@code report_type}, {@code strikes} and
	 * {@code propose}; per report type, each step proposes a later measure than the one
	 * before ({@link RepeatInfringerLadder#MEASURES}) at more strikes.
	 */
	private List<RepeatInfringerLadder.Step> ladder(Node node, String version) {
		if (node == null) {
			return List.of();
		}
		if (!(node instanceof SequenceNode sequence)) {
			problem(node, "repeat_infringers must be a list of steps with report_type, strikes and propose");
			return List.of();
		}
		List<RepeatInfringerLadder.Step> steps = new ArrayList<>();
		Map<String, RepeatInfringerLadder.Step> last = new HashMap<>();
		for (Node item : sequence.getValue()) {
			Map<String, Node> fields = mapping(item, Set.of("report_type", "strikes", "propose"));
			String type = required(item, fields, "report_type");
			String count = required(item, fields, "strikes");
			String propose = required(item, fields, "propose");
			if (type == null || count == null || propose == null) {
				continue;
			}
			if (Vocabulary.reportType(type) < 0) {
				problem(fields.get("report_type"), "unknown report_type " + type);
				continue;
			}
			int strikes;
			try {
				strikes = Integer.parseInt(count);
			}
			catch (NumberFormatException ex) {
				strikes = 0;
			}
			if (strikes < 1 || strikes > 1000) {
				problem(fields.get("strikes"), "strikes must be a whole number from 1 to 1000");
				continue;
			}
			int measure = RepeatInfringerLadder.MEASURES.indexOf(propose);
			if (measure < 0) {
				problem(fields.get("propose"),
						"unknown measure " + propose + "; one of " + String.join(", ", RepeatInfringerLadder.MEASURES));
				continue;
			}
			RepeatInfringerLadder.Step before = last.get(type);
			if (before != null && (RepeatInfringerLadder.MEASURES.indexOf(before.propose()) >= measure
					|| before.strikes() >= strikes)) {
				problem(item, "the steps of " + type + " must go from warning to account_review to suspension, "
						+ "each at more strikes than the one before");
				continue;
			}
			RepeatInfringerLadder.Step step = new RepeatInfringerLadder.Step(version, type, strikes, propose);
			last.put(type, step);
			steps.add(step);
		}
		return steps;
	}

	/**
	 * The {@code campaigns} section (issue 15): the window and thresholds of campaign
	 * detection and the per-target budget; what it omits stays {@code null}.
	 */
	private CampaignSettings campaigns(String version, Node node) {
		if (node == null) {
			return CampaignSettings.none(version);
		}
		Map<String, Node> fields = mapping(node, Set.of("window", "min_reporters", "min_near_identical", "similarity",
				"min_token_reports", "forward_budget", "at_risk_forward_budget"));
		Duration window = (fields.get("window") != null) ? duration(fields.get("window")) : null;
		if (Duration.ZERO.equals(window)) {
			problem(fields.get("window"), "window must be longer than 0");
		}
		Double similarity = null;
		if (fields.get("similarity") != null) {
			String text = scalar(fields.get("similarity"));
			try {
				similarity = (text != null) ? Double.valueOf(text) : null;
			}
			catch (NumberFormatException ex) {
				similarity = -1.0;
			}
			if (similarity != null && !(similarity > 0 && similarity <= 1)) {
				problem(fields.get("similarity"), "similarity must be a number above 0 and at most 1, e.g. 0.7");
				similarity = null;
			}
		}
		return new CampaignSettings(version, window, count(fields, "min_reporters", 2),
				count(fields, "min_near_identical", 2), similarity, count(fields, "min_token_reports", 2),
				count(fields, "forward_budget", 0), count(fields, "at_risk_forward_budget", 0));
	}

	/** A whole number from {@code min} to 100,000, or {@code null} when absent. */
	private Integer count(Map<String, Node> fields, String key, int min) {
		Node node = fields.get(key);
		if (node == null) {
			return null;
		}
		String text = scalar(node);
		if (text == null) {
			return null;
		}
		try {
			int value = Integer.parseInt(text);
			if (value >= min && value <= 100_000) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		problem(node, key + " must be a whole number from " + min + " to 100000");
		return null;
	}

	private CompiledRule rule(Node node) {
		if (!(node instanceof MappingNode)) {
			problem(node, "a rule must be a mapping with id, match and plan");
			return null;
		}
		int before = this.problems.size();
		Map<String, Node> fields = mapping(node, Set.of("id", "match", "plan"));
		String id = required(node, fields, "id");
		Map<String, Node> match = (fields.get("match") != null) ? mapping(fields.get("match"),
				Set.of("service", "report_type", "reporter_kind", "jurisdiction", "facts", "personal_data_kinds"))
				: Map.of();
		int services = mask(match.get("service"), "service",
				(value) -> Service.fromWire(value).map(Enum::ordinal).orElse(-1), Service.values().length);
		int types = mask(match.get("report_type"), "report_type", Vocabulary::reportType,
				Vocabulary.REPORT_TYPES.size());
		int kinds = (match.get("reporter_kind") != null) ? mask(match.get("reporter_kind"), "reporter_kind",
				Vocabulary::reporterKind, Vocabulary.REPORTER_KINDS.size()) : CompiledRule.ANY;
		Set<String> jurisdictions = jurisdictions(match.get("jurisdiction"));
		int[] facts = facts(match.get("facts"));
		// every kind listed must have been found
		for (ScalarNode value : scalars(match.get("personal_data_kinds"))) {
			int bit = Fact.kindBit(value.getValue());
			if (bit == 0) {
				problem(value, "unknown personal data kind " + value.getValue() + "; one of "
						+ String.join(", ", Vocabulary.PERSONAL_DATA_KINDS));
			}
			facts[0] |= bit;
		}
		Node planNode = fields.get("plan");
		if (planNode == null) {
			problem(node, "plan is required");
			return null;
		}
		Map<String, Node> plan = mapping(planNode,
				Set.of("notify", "mitigations", "review", "priority", "due", "deny", "explanation"));
		LinkedHashSet<NotificationKind> notifications = new LinkedHashSet<>();
		for (ScalarNode value : scalars(plan.get("notify"))) {
			NotificationKind.fromWire(value.getValue())
				.ifPresentOrElse(notifications::add, () -> problem(value, "unknown notification " + value.getValue()));
		}
		List<MitigationTemplate> mitigations = mitigations(plan.get("mitigations"));
		if (mitigations.stream().anyMatch((m) -> m.type() == MitigationType.EMERGENCY_BLOCK)) {
			// DSA Art. 18: an emergency always informs law enforcement, whatever the rule
			// says
			notifications.add(NotificationKind.LAW_ENFORCEMENT_REFERRAL);
		}
		Review review = null;
		String reviewText = required(planNode, plan, "review");
		if (reviewText != null) {
			review = Review.fromWire(reviewText).orElse(null);
			if (review == null) {
				problem(plan.get("review"), "review must be none, one, two_distinct_approvers or senior");
			}
		}
		Priority priority = null;
		String priorityText = required(planNode, plan, "priority");
		if (priorityText != null) {
			priority = Priority.fromWire(priorityText).orElse(null);
			if (priority == null) {
				problem(plan.get("priority"), "priority must be p1, p2, p3 or p4");
			}
		}
		Duration due = (plan.get("due") != null) ? duration(plan.get("due")) : null;
		if (plan.get("due") == null) {
			problem(planNode, "due is required");
		}
		String deny = (plan.get("deny") != null) ? scalar(plan.get("deny")) : null;
		if (deny != null && !Vocabulary.DENIAL_REASONS.contains(deny)) {
			problem(plan.get("deny"), "unknown denial reason " + deny);
		}
		if (deny != null && !mitigations.isEmpty()) {
			problem(plan.get("deny"), "a plan that denies the report cannot propose mitigations");
		}
		String explanationText = required(planNode, plan, "explanation");
		List<String> templateProblems = new ArrayList<>();
		ExplanationTemplate explanation = ExplanationTemplate
			.parse((explanationText != null) ? explanationText.strip() : "", templateProblems);
		templateProblems.forEach((message) -> problem(plan.get("explanation"), message));
		if (this.problems.size() > before) {
			return null;
		}
		CompiledRule rule = new CompiledRule(id, line(node), services, types, kinds, jurisdictions, facts[0], facts[1],
				List.copyOf(notifications), mitigations, review, priority, due, deny, explanation);
		Guardrails.check(rule).forEach((message) -> problem(planNode, "rule " + id + ": " + message));
		return rule;
	}

	private List<MitigationTemplate> mitigations(Node node) {
		if (node == null) {
			return List.of();
		}
		if (!(node instanceof SequenceNode sequence)) {
			problem(node, "mitigations must be a list");
			return List.of();
		}
		List<MitigationTemplate> mitigations = new ArrayList<>();
		for (Node item : sequence.getValue()) {
			if (!(item instanceof MappingNode)) {
				problem(item, "a mitigation must be a mapping with type and entity_type");
				continue;
			}
			Map<String, Node> fields = mapping(item,
					Set.of("type", "entity_type", TARGET_ALIAS, "scope", "delay", "expires", "review"));
			if (fields.containsKey(TARGET_ALIAS)) {
				if (fields.containsKey("entity_type")) {
					problem(fields.get(TARGET_ALIAS),
							"target is the old spelling of entity_type: give entity_type only");
				}
				fields.putIfAbsent("entity_type", fields.get(TARGET_ALIAS));
			}
			MitigationType type = enumValue(item, fields, "type", MitigationType::fromWire);
			EntityType entityType = enumValue(item, fields, "entity_type", EntityType::fromWire);
			String scope = (fields.get("scope") != null) ? scalar(fields.get("scope")) : "global";
			if (scope != null && !scope.equals("global") && !scope.equals("order")) {
				problem(fields.get("scope"), "scope must be global or order (the legal order's territory)");
			}
			Duration delay = (fields.get("delay") != null) ? duration(fields.get("delay")) : Duration.ZERO;
			boolean emergency = type == MitigationType.EMERGENCY_BLOCK;
			Duration expires = (fields.get("expires") != null) ? duration(fields.get("expires"))
					: emergency ? EMERGENCY_EXPIRY : null;
			Duration review = (fields.get("review") != null) ? duration(fields.get("review"))
					: emergency ? EMERGENCY_REVIEW : null;
			if (type != null && entityType != null) {
				mitigations
					.add(new MitigationTemplate(type, entityType, "order".equals(scope), delay, expires, review));
			}
		}
		return List.copyOf(mitigations);
	}

	private void coverage(List<CompiledRule> rules, Node rulesNode) {
		for (Service service : Service.values()) {
			for (int type = 0; type < Vocabulary.REPORT_TYPES.size(); type++) {
				int serviceBit = 1 << service.ordinal();
				int typeBit = 1 << type;
				boolean covered = rules.stream()
					.anyMatch((rule) -> rule.isFallback() && (rule.services() & serviceBit) != 0
							&& (rule.reportTypes() & typeBit) != 0);
				if (!covered) {
					problem(rulesNode, "coverage: no rule without reporter, jurisdiction or fact conditions matches "
							+ "service " + service.wire() + " and report_type " + Vocabulary.REPORT_TYPES.get(type));
				}
			}
		}
	}

	private int mask(Node node, String field, Function<String, Integer> index, int size) {
		if (node == null) {
			return (1 << size) - 1;
		}
		int mask = 0;
		List<ScalarNode> values = scalars(node);
		for (ScalarNode value : values) {
			int at = index.apply(value.getValue());
			if (at < 0) {
				problem(value, "unknown " + field + " " + value.getValue());
			}
			else {
				mask |= 1 << at;
			}
		}
		if (values.isEmpty()) {
			problem(node, field + " must name at least one value");
		}
		return mask;
	}

	private Set<String> jurisdictions(Node node) {
		if (node == null) {
			return null;
		}
		Set<String> codes = new LinkedHashSet<>();
		for (ScalarNode value : scalars(node)) {
			if (JURISDICTION.matcher(value.getValue()).matches()) {
				codes.add(value.getValue());
			}
			else {
				problem(value, "jurisdiction must be an ISO 3166 alpha-2 code in capitals, e.g. DE");
			}
		}
		return Set.copyOf(codes);
	}

	/** The facts required true and required false, as two masks. */
	private int[] facts(Node node) {
		int[] masks = new int[2];
		if (node == null) {
			return masks;
		}
		if (!(node instanceof MappingNode mapping)) {
			problem(node, "facts must be a mapping of fact: true|false");
			return masks;
		}
		for (NodeTuple tuple : mapping.getValue()) {
			String name = scalar(tuple.getKeyNode());
			String value = scalar(tuple.getValueNode());
			Fact fact = (name != null) ? Fact.fromWire(name).orElse(null) : null;
			if (fact == null) {
				problem(tuple.getKeyNode(), "unknown fact " + name);
			}
			else if ("true".equals(value)) {
				masks[0] |= fact.bit();
			}
			else if ("false".equals(value)) {
				masks[1] |= fact.bit();
			}
			else {
				problem(tuple.getValueNode(), "fact " + name + " must be true or false");
			}
		}
		return masks;
	}

	private Duration duration(Node node) {
		String text = scalar(node);
		if (text == null) {
			return null;
		}
		if (text.equals("0")) {
			return Duration.ZERO;
		}
		Matcher matcher = DURATION.matcher(text);
		if (!matcher.matches()) {
			problem(node, "a duration is 0 or a number with m, h or d, e.g. 24h");
			return null;
		}
		long amount = Long.parseLong(matcher.group(1));
		Duration duration = switch (matcher.group(2)) {
			case "m" -> Duration.ofMinutes(amount);
			case "h" -> Duration.ofHours(amount);
			default -> Duration.ofDays(amount);
		};
		if (duration.compareTo(MAX_DURATION) > 0) {
			problem(node, "a duration must not exceed 366 days");
			return null;
		}
		return duration;
	}

	private <E> E enumValue(Node parent, Map<String, Node> fields, String key,
			Function<String, java.util.Optional<E>> parse) {
		String text = required(parent, fields, key);
		if (text == null) {
			return null;
		}
		E value = parse.apply(text).orElse(null);
		if (value == null) {
			problem(fields.get(key), "unknown " + key + " " + text);
		}
		return value;
	}

	/** The fields of a mapping; unknown and repeated keys are problems. */
	private Map<String, Node> mapping(Node node, Set<String> allowed) {
		Map<String, Node> fields = new LinkedHashMap<>();
		if (!(node instanceof MappingNode mapping)) {
			problem(node, "expected a mapping with " + String.join(", ", allowed.stream().sorted().toList()));
			return fields;
		}
		for (NodeTuple tuple : mapping.getValue()) {
			String key = scalar(tuple.getKeyNode());
			if (key == null) {
				continue;
			}
			if (!allowed.contains(key)) {
				problem(tuple.getKeyNode(), "unknown key " + key + "; expected one of "
						+ String.join(", ", allowed.stream().sorted().toList()));
			}
			else if (fields.putIfAbsent(key, tuple.getValueNode()) != null) {
				problem(tuple.getKeyNode(), "key " + key + " appears twice");
			}
		}
		return fields;
	}

	private String required(Node parent, Map<String, Node> fields, String key) {
		Node node = fields.get(key);
		if (node == null) {
			if (parent instanceof MappingNode) {
				problem(parent, key + " is required");
			}
			return null;
		}
		String value = scalar(node);
		if (value != null && value.isBlank()) {
			problem(node, key + " must not be empty");
			return null;
		}
		return value;
	}

	private String scalar(Node node) {
		if (node instanceof ScalarNode scalar) {
			return scalar.getValue();
		}
		problem(node, "expected a single value");
		return null;
	}

	/** A single value or a list of values. */
	private List<ScalarNode> scalars(Node node) {
		if (node == null) {
			return List.of();
		}
		if (node instanceof ScalarNode scalar) {
			return List.of(scalar);
		}
		if (node instanceof SequenceNode sequence) {
			List<ScalarNode> values = new ArrayList<>();
			for (Node item : sequence.getValue()) {
				if (item instanceof ScalarNode scalar) {
					values.add(scalar);
				}
				else {
					problem(item, "expected a single value");
				}
			}
			return values;
		}
		problem(node, "expected a value or a list of values");
		return List.of();
	}

	private void problem(Node node, String message) {
		this.problems.add(new PolicyProblem(line(node), node.getStartMark().getColumn() + 1, message));
	}

	private static int line(Node node) {
		return node.getStartMark().getLine() + 1;
	}

	private static Compilation failed(PolicyProblem problem) {
		return new Compilation(null, null, List.of(problem));
	}

}
