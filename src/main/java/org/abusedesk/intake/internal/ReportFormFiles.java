package org.abusedesk.intake.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.abusedesk.problems.FieldError;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.web.multipart.MultipartFile;

/**
 * The files uploaded with the web form: evidence, checked by content and never by name or
 * declared type, and a legal order's document, which the validator checks as it checks
 * the API's.
 *
 * @param evidence the evidence files that passed their check
 * @param document the order document as uploaded, or {@code null}
 * @param errors one per evidence file refused, or one for too many files
 * @param uploads what was uploaded, for the archive: field, name, size and digest
 */
record ReportFormFiles(List<EvidenceFile> evidence, Upload document, List<FieldError> errors,
		List<Map<String, Object>> uploads) {

	/** One uploaded file; {@code content} is {@code null} when it is over the limit. */
	record Upload(String filename, String declaredType, byte[] content) {

		boolean tooLarge() {
			return this.content == null;
		}

	}

	static ReportFormFiles read(TypeSpec spec, List<MultipartFile> evidenceParts, MultipartFile documentPart)
			throws IOException {
		List<Map<String, Object>> uploads = new ArrayList<>();
		List<Upload> evidence = new ArrayList<>();
		for (MultipartFile part : chosen(evidenceParts)) {
			evidence.add(upload(part, "evidence", uploads));
		}
		Upload document = null;
		List<FieldError> errors = new ArrayList<>();
		if (spec.documentRequired() && isChosen(documentPart)) {
			document = upload(documentPart, "document", uploads);
			if (document.tooLarge()) {
				errors.add(tooLarge("document", document));
				document = null;
			}
		}
		List<EvidenceFile> accepted = new ArrayList<>();
		if (!evidence.isEmpty() && spec.ncmec()) {
			// the material itself must never reach us; the URLs are enough for a referral
			errors.add(new FieldError("evidence", "not_allowed", "Do not send files with this report; give the URLs."));
		}
		else if (evidence.size() > ReportLimits.MAX_FILES) {
			errors.add(new FieldError("evidence", "too_many",
					"At most " + ReportLimits.MAX_FILES + " evidence files per report."));
		}
		else {
			for (int i = 0; i < evidence.size(); i++) {
				check(evidence.get(i), "evidence[" + i + "]", accepted, errors);
			}
		}
		return new ReportFormFiles(accepted, document, errors, uploads);
	}

	/** The document as the API's {@code document} object, or {@code null}. */
	ObjectNode documentJson() {
		if (this.document == null) {
			return null;
		}
		ObjectNode node = JsonNodeFactory.instance.objectNode();
		node.put("filename", this.document.filename());
		if (this.document.declaredType() != null) {
			node.put("content_type", this.document.declaredType());
		}
		node.put("data_base64", Base64.getEncoder().encodeToString(this.document.content()));
		return node;
	}

	/**
	 * Whether anything was uploaded: a browser cannot keep files when the form comes
	 * back.
	 */
	boolean any() {
		return !this.uploads.isEmpty();
	}

	private static void check(Upload upload, String field, List<EvidenceFile> accepted, List<FieldError> errors) {
		if (upload.tooLarge()) {
			errors.add(tooLarge(field, upload));
			return;
		}
		Optional<String> detected = ContentSniffer.detect(upload.content());
		if (detected.isEmpty()) {
			errors.add(new FieldError(field, "unsupported_content",
					upload.filename() + " is not a PDF, PNG, JPEG, GIF, WebP or plain text file."));
			return;
		}
		accepted.add(new EvidenceFile(upload.filename(), upload.declaredType(), detected.get(), upload.content()));
	}

	private static FieldError tooLarge(String field, Upload upload) {
		return new FieldError(field, "too_large",
				upload.filename() + ": at most " + ReportLimits.MAX_FILE_BYTES / (1024 * 1024) + " MiB per file.");
	}

	private static List<MultipartFile> chosen(List<MultipartFile> parts) {
		return (parts != null) ? parts.stream().filter(ReportFormFiles::isChosen).toList() : List.of();
	}

	/** A file input left empty still sends a part, without a name or content. */
	private static boolean isChosen(MultipartFile part) {
		return part != null
				&& !(part.isEmpty() && (part.getOriginalFilename() == null || part.getOriginalFilename().isEmpty()));
	}

	private static Upload upload(MultipartFile part, String field, List<Map<String, Object>> uploads)
			throws IOException {
		String filename = (part.getOriginalFilename() != null) ? part.getOriginalFilename() : "";
		// browsers may send a path; only the last segment is the file's name
		filename = filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
		Map<String, Object> archived = new LinkedHashMap<>();
		archived.put("field", field);
		archived.put("filename", filename);
		archived.put("declared_type", part.getContentType());
		archived.put("size", part.getSize());
		if (part.getSize() > ReportLimits.MAX_FILE_BYTES) {
			// never held in memory: refused by its size alone
			archived.put("sha256", sha256(part));
			uploads.add(archived);
			return new Upload(filename, part.getContentType(), null);
		}
		byte[] content = part.getBytes();
		archived.put("sha256", RawSubmissionArchive.sha256(content));
		uploads.add(archived);
		return new Upload(filename, part.getContentType(), content);
	}

	private static String sha256(MultipartFile part) throws IOException {
		try (InputStream in = new DigestInputStream(part.getInputStream(), MessageDigest.getInstance("SHA-256"))) {
			in.transferTo(OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
