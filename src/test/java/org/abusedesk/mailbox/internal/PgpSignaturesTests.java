package org.abusedesk.mailbox.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.Date;
import java.util.List;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyPair;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed feeds: signatures made here with a key made here, checked on the raw message.
 */
class PgpSignaturesTests {

	private static PGPKeyPair feedKey;

	private static PGPKeyPair otherKey;

	private static PGPPublicKeyRingCollection feedKeys;

	@BeforeAll
	static void keys() throws Exception {
		feedKey = keyPair();
		otherKey = keyPair();
		feedKeys = PgpSignatures.keys(new ByteArrayInputStream(armouredPublicKey(feedKey)));
	}

	private static PGPKeyPair keyPair() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		return new JcaPGPKeyPair(4, PGPPublicKey.RSA_GENERAL, generator.generateKeyPair(), new Date());
	}

	private static byte[] armouredPublicKey(PGPKeyPair pair) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ArmoredOutputStream armoured = new ArmoredOutputStream(out)) {
			new PGPPublicKeyRing(List.of(pair.getPublicKey())).encode(armoured);
		}
		return out.toByteArray();
	}

	private static String sign(PGPKeyPair pair, int type, byte[] content) throws Exception {
		PGPSignatureGenerator generator = new PGPSignatureGenerator(
				new JcaPGPContentSignerBuilder(PGPPublicKey.RSA_GENERAL, HashAlgorithmTags.SHA256),
				pair.getPublicKey());
		generator.init(type, pair.getPrivateKey());
		generator.update(content);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ArmoredOutputStream armoured = new ArmoredOutputStream(out)) {
			generator.generate().encode(armoured);
		}
		return out.toString(StandardCharsets.US_ASCII).replace("\r\n", "\n");
	}

	/** A PGP/MIME message as RFC 3156 describes it, signed over its first part. */
	private static String pgpMime(PGPKeyPair signer, String signedPart) throws Exception {
		String signature = sign(signer, PGPSignature.BINARY_DOCUMENT,
				signedPart.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII));
		return """
				From: reports@feed.example
				To: abuse@desk.example
				Subject: daily report
				MIME-Version: 1.0
				Content-Type: multipart/signed; micalg=pgp-sha256;
				  protocol="application/pgp-signature"; boundary="sig-boundary"

				This is an OpenPGP/MIME signed message.
				--sig-boundary
				%s
				--sig-boundary
				Content-Type: application/pgp-signature; name="signature.asc"

				%s
				--sig-boundary--
				""".formatted(signedPart, signature).replace("\n", "\r\n");
	}

	private static final String PART = """
			Content-Type: text/plain; charset=us-ascii

			Phishing at https://login.hosted.example/bank/
			- a line starting with a dash""";

	@Test
	void aPgpMimeMessageSignedByTheFeedsKeyIsValid() throws Exception {
		byte[] raw = pgpMime(feedKey, PART).getBytes(StandardCharsets.US_ASCII);
		assertThat(PgpSignatures.check(raw, feedKeys)).isEqualTo(PgpSignatures.Result.VALID);
	}

	@Test
	void aChangedPartOrAnotherKeyIsInvalid() throws Exception {
		String message = pgpMime(feedKey, PART);
		byte[] changed = message.replace("login.hosted.example", "login.hosted.exampl3")
			.getBytes(StandardCharsets.US_ASCII);
		assertThat(PgpSignatures.check(changed, feedKeys)).isEqualTo(PgpSignatures.Result.INVALID);
		byte[] otherSigner = pgpMime(otherKey, PART).getBytes(StandardCharsets.US_ASCII);
		assertThat(PgpSignatures.check(otherSigner, feedKeys)).isEqualTo(PgpSignatures.Result.INVALID);
	}

	@Test
	void anInlineCleartextSignatureIsChecked() throws Exception {
		String text = "Phishing at https://login.hosted.example/bank/\r\n- a dashed line\r\nlast line";
		String signature = sign(feedKey, PGPSignature.CANONICAL_TEXT_DOCUMENT,
				text.getBytes(StandardCharsets.US_ASCII));
		String body = """
				-----BEGIN PGP SIGNED MESSAGE-----
				Hash: SHA256

				Phishing at https://login.hosted.example/bank/
				- - a dashed line
				last line  \n%s""".formatted(signature);
		String message = ("From: reports@feed.example\nSubject: x\n\n" + body).replace("\n", "\r\n");
		assertThat(PgpSignatures.check(message.getBytes(StandardCharsets.US_ASCII), feedKeys))
			.isEqualTo(PgpSignatures.Result.VALID);
		assertThat(PgpSignatures.check(message.replace("bank", "b4nk").getBytes(StandardCharsets.US_ASCII), feedKeys))
			.isEqualTo(PgpSignatures.Result.INVALID);
	}

	@Test
	void anUnsignedMessageIsUnsignedAndGarbageIsNeverAnError() {
		assertThat(
				PgpSignatures.check("From: a@b.example\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII), feedKeys))
			.isEqualTo(PgpSignatures.Result.UNSIGNED);
		byte[] broken = "Content-Type: multipart/signed; protocol=\"application/pgp-signature\"; boundary=x\r\n\r\n--x\r\n-----BEGIN PGP SIGNATURE-----\r\n!!\r\n-----END PGP SIGNATURE-----\r\n--x\r\n-----BEGIN PGP SIGNATURE-----\r\nnot base64\r\n-----END PGP SIGNATURE-----\r\n--x--\r\n"
			.getBytes(StandardCharsets.US_ASCII);
		assertThat(PgpSignatures.check(broken, feedKeys)).isEqualTo(PgpSignatures.Result.INVALID);
	}

	@Test
	void aFeedThatRequiresPgpIsTrustedOnlyWithItsSignature() throws Exception {
		MailIntakeProperties.Feed feed = new MailIntakeProperties.Feed("reports@feed.example", "phishing", false,
				new ByteArrayResource(armouredPublicKey(feedKey)), true);
		KnownSenders senders = new KnownSenders(List.of(feed), null);
		MailParser parser = new MailParser(MailLimits.DEFAULTS);
		byte[] signed = pgpMime(feedKey, PART).getBytes(StandardCharsets.US_ASCII);
		byte[] forged = pgpMime(otherKey, PART).getBytes(StandardCharsets.US_ASCII);
		byte[] unsigned = "From: reports@feed.example\r\nSubject: x\r\n\r\nhttps://login.hosted.example/bank/\r\n"
			.getBytes(StandardCharsets.US_ASCII);
		assertThat(senders.match(parser.parse(signed), signed)).contains(feed);
		assertThat(senders.match(parser.parse(forged), forged)).isEmpty();
		assertThat(senders.match(parser.parse(unsigned), unsigned)).isEmpty();
	}

}
