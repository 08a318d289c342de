package org.abusedesk.intake.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.abusedesk.intake.ReportType;

import static org.abusedesk.intake.internal.FieldSpec.Kind.COUNTRY;
import static org.abusedesk.intake.internal.FieldSpec.Kind.COUNTRY_LIST;
import static org.abusedesk.intake.internal.FieldSpec.Kind.PORT_LIST;

/** The specification of every report type (DOMAIN.md, "Reports"). */
final class ReportTypeSpecs {

	private static final Map<ReportType, TypeSpec> SPECS = new EnumMap<>(ReportType.class);

	static {
		add(new TypeSpec(ReportType.DMCA, "Copyright infringement (DMCA)",
				"You own a copyright, or act for the owner, and a page uses the work without permission. "
						+ "This is a notice under 17 U.S.C. 512(c)(3); it is forwarded with your name and contact.",
				List.of(FieldSpec.textarea("work", "The copyrighted work",
						"Identify the work you say is infringed, e.g. its title and where the original is.", true,
						2000),
						FieldSpec.textarea("original_work_urls", "Where the original can be seen (optional)",
								"URLs of the original work, one per line.", false, 2000),
						FieldSpec.text("rights_holder_name", "Name of the rights holder",
								"The person or company that owns the copyright.", true, 255),
						FieldSpec.textarea("rights_holder_address", "Postal address of the rights holder",
								"Required by 512(c)(3)(A)(iv).", true, 1000),
						FieldSpec.affirmation("accuracy_statement", "Accuracy and authority",
								"I state, under penalty of perjury, that the information in this notice is accurate "
										+ "and that I am the owner, or authorised to act on behalf of the owner, "
										+ "of the right that is allegedly infringed."),
						FieldSpec.text("signature", "Signature",
								"Type your full legal name as your electronic signature.", true, 255)),
				false, true, false, false, false, false));
		add(new TypeSpec(ReportType.TRADEMARK, "Trademark infringement",
				"A site uses your registered trademark in a way that infringes it. Forwarded with your contact.",
				List.of(FieldSpec.text("mark", "The mark", "The word or design mark as registered.", true, 255),
						FieldSpec.text("registration_number", "Registration number", "The registration number.", true,
								100),
						FieldSpec.text("office", "Trademark office",
								"Where the mark is registered, e.g. USPTO, EUIPO, DPMA.", true, 100)),
				false, false, false, false, false, false));
		add(new TypeSpec(ReportType.PHISHING, "Phishing or malware",
				"A site imitates another to steal credentials or payment data, or distributes malware.",
				List.of(FieldSpec.text("targeted_brand", "Targeted brand (optional)",
						"The company or service the site imitates.", false, 255)),
				false, false, true, false, false, false));
		add(new TypeSpec(ReportType.CHILDREN, "Child sexual abuse material",
				"Images or video of the sexual abuse of children. Do not send the material itself. Your name "
						+ "and email are optional. We refer every report to NCMEC.",
				List.of(), true, true, true, true, false, false));
		add(new TypeSpec(ReportType.NCSEI, "Non-consensual intimate imagery",
				"Intimate images of a person shared without their consent.",
				List.of(FieldSpec.bool("reporter_is_depicted", "Are you the person depicted?",
						"We ask so that we can contact the right person; it does not change how we assess the report.")),
				false, true, true, false, false, false));
		add(new TypeSpec(ReportType.THREAT, "Violent threats, harassment or doxing that endangers someone",
				"Content that threatens violence against a person or group, or incites it. If someone's life is "
						+ "in immediate danger, call the emergency services first.",
				List.of(FieldSpec.bool("imminent", "Is the threat imminent?",
						"Yes if you believe someone may be harmed soon.")),
				false, true, true, false, false, false));
		add(new TypeSpec(ReportType.PRIVACY, "Disclosure of sensitive personal information",
				"A page discloses someone's personal data, such as a home address, identity documents or health "
						+ "data.",
				List.of(FieldSpec.textarea("exposed_data", "Which personal data is exposed",
						"Describe the data, not the data itself: e.g. 'home address and phone number'.", true, 1000)),
				false, true, true, false, false, false));
		add(new TypeSpec(ReportType.GENERAL, "Other illegal or harmful content, or network abuse",
				"Anything else: other illegal content, spam, or network abuse such as scanning or attacks from an "
						+ "IP address (give the addresses instead of URLs).",
				List.of(FieldSpec.of("ports", "Ports (optional)", "For network abuse: the ports involved.", PORT_LIST,
						false)),
				false, false, true, false, true, false));
		add(new TypeSpec(ReportType.LEGAL_ORDER, "Court or authority order",
				"An order of a court or competent authority that requires action on content.",
				List.of(FieldSpec.text("issuing_authority", "Issuing authority", "The court or authority.", true, 255),
						FieldSpec.of("jurisdiction", "Jurisdiction",
								"ISO 3166-1 country code, e.g. DE, or EU for an authority of the European Union.",
								COUNTRY, true),
						FieldSpec.text("legal_basis", "Legal basis", "The law the order relies on.", true, 1000),
						FieldSpec.text("order_reference", "Order reference", "The case or order number.", true, 255),
						FieldSpec.of("territorial_scope", "Territorial scope",
								"Where the order applies, within the authority's jurisdiction: ISO 3166-1 codes, separated by "
										+ "commas (EU for every member state).",
								COUNTRY_LIST, true)),
				false, false, true, false, false, true));
		add(new TypeSpec(ReportType.REGISTRAR_WHOIS, "Registration data (WHOIS) request",
				"Ask for disclosure of a domain's registration data, or report inaccurate registration data.",
				List.of(FieldSpec.choice("request_type", "Request", "Disclosure of data, or inaccurate data.",
						List.of("disclosure", "inaccuracy")),
						FieldSpec.text("legal_basis", "Legal basis",
								"For disclosure: your legitimate interest and its legal basis.", true, 1000)),
				false, false, true, false, false, false));
	}

	private ReportTypeSpecs() {
	}

	private static void add(TypeSpec spec) {
		SPECS.put(spec.type(), spec);
	}

	static TypeSpec of(ReportType type) {
		return SPECS.get(type);
	}

	/** Every report type's spec, in the order of {@link ReportType}. */
	static List<TypeSpec> all() {
		return List.copyOf(SPECS.values());
	}

}
