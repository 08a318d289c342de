package org.abusedesk.hashes;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PDQ against the public test vectors of facebook/ThreatExchange, and on images drawn
 * here.
 *
 * <p>
 * The expected hashes are those of ThreatExchange's {@code pdq/python/pdqhashing/tests/
 * pdq_test.py} (the reference implementation's output for the images in
 * {@code pdq/data}). The images are copied unchanged into
 * {@code src/test/resources/pdq/threatexchange} (with ThreatExchange's licence and a
 * notice next to them); every one must be there.
 */
class PdqHasherTests {

	/** Decoders differ in the last bits of a pixel; the issue allows 16 bits. */
	private static final int TOLERANCE = 16;

	static final Map<String, String> VECTORS = Map.ofEntries(
			Map.entry("misc-images/c.png", "e64cc9d91e623842f8d1f1d9a398e78c9f199a3bd87924f2b7e11e0bf061b064"),
			Map.entry("misc-images/small.jpg", "0007001f003f003f007f00ff00ff00ff01ff01ff01ff03ff03ff03ff03ff03ff"),
			Map.entry("misc-images/wee.jpg", "6227401f601ff4ccafcc9fad4b0d95d371a2eb7265a3285234d228ca94deeb2d"),
			Map.entry("reg-test-input/labelme-subset/q0003.jpg",
					"54a977c221d14c1c43ba5e6e21d4a13989a3553f1462611cbb85fda7be83b677"),
			Map.entry("reg-test-input/labelme-subset/q0004.jpg",
					"992d44af36d69e6ca6b812585928bac11def254ef5398c6d07466c9abcc65b92"),
			Map.entry("reg-test-input/labelme-subset/q0122.jpg",
					"cfb2009ddd21c6dab0046a7745b5984757a8a4535b3377aea2591d32b33ff940"),
			Map.entry("reg-test-input/labelme-subset/q0291.jpg",
					"a0fe94f1e5cc1cc8dd855948498dc9243f7ca27336f036d7f212b74bc103c9a7"),
			Map.entry("reg-test-input/labelme-subset/q0746.jpg",
					"1049d96239e24d4dca2c55512b8bdb77425f4dbcf575a0a95555aaab5554aaaa"),
			Map.entry("reg-test-input/labelme-subset/q1050.jpg",
					"489db672e9190276d452aeab41eba20f02375fe4092d88defdf491a5c55c5f70"),
			Map.entry("reg-test-input/labelme-subset/q2821.jpg",
					"b150231ffae4710ffcf4f18bb574b109a576f14bb8543189f8743289f174b109"),
			Map.entry("reg-test-input/dih/bridge-1-original.jpg",
					"d8f8f0cce0f4a84f0e370a22028f67f0b36e2ed596623e1d33e6b39c4e9c9b22"),
			Map.entry("reg-test-input/dih/bridge-2-rotate-90.jpg",
					"38a50efd71c83f429013d68d0ffffc52e34e0e15ada952a9d29684214aa9e5af"),
			Map.entry("reg-test-input/dih/bridge-3-rotate-180.jpg",
					"2dadda64b5a142e5d362209057da895ae63b8c7fc277b4b766b319361f893188"),
			Map.entry("reg-test-input/dih/bridge-4-rotate-270.jpg",
					"a5f0a457248995e8c9065c275aaa54d8b61ba4bdf8fcfc0387c32f8b0bfc4f05"),
			Map.entry("reg-test-input/dih/bridge-5-flipx.jpg",
					"d8f80f31e0f417b00e37f5dd028f980fb36ed12a9662c1e233e64c634e9c64dd"),
			Map.entry("reg-test-input/dih/bridge-6-flipy.jpg",
					"0dad259bb1a1bd18d362576556da32a1e63b7380c2374b4866b3c6c91b89ce77"),
			Map.entry("reg-test-input/dih/bridge-7-flip-plus-1.jpg",
					"f0a5e10271dcc0bd9c5309720fff018de34ef1e8ada9a956d2967ade1ea91a50"),
			Map.entry("reg-test-input/dih/bridge-8-flip-minus-1.jpg",
					"69f05aa8a4996a17c146a2da5aaaab07b61b5b60f8fc07fc83c3d0740bfcb0fa"));

	private final PdqHasher hasher = new PdqHasher();

	@Test
	void hashesThePublicVectorsWithinTolerance() throws IOException {
		int compared = 0;
		StringBuilder report = new StringBuilder();
		for (Map.Entry<String, String> vector : new TreeMap<>(VECTORS).entrySet()) {
			byte[] image;
			try (InputStream in = PdqHasherTests.class.getResourceAsStream("/pdq/threatexchange/" + vector.getKey())) {
				assertThat(in).as("test vector " + vector.getKey()).isNotNull();
				image = in.readAllBytes();
			}
			PdqHasher.Result result = this.hasher.hash(image).orElseThrow();
			int distance = result.hash().distance(PdqHash.parse(vector.getValue()));
			report
				.append(String.format("%-45s distance %3d quality %3d%n", vector.getKey(), distance, result.quality()));
			assertThat(distance).as(vector.getKey()).isLessThanOrEqualTo(TOLERANCE);
			compared++;
		}
		System.out.print(report);
		assertThat(compared).isEqualTo(VECTORS.size());
	}

	@Test
	void aResizedCopyMatchesAndAnotherPictureDoesNot() {
		BufferedImage picture = picture(new Random(7), 640, 480);
		PdqHasher.Result original = this.hasher.hash(picture);
		PdqHasher.Result smaller = this.hasher.hash(scaled(picture, 320, 240));
		PdqHasher.Result other = this.hasher.hash(picture(new Random(8), 640, 480));
		assertThat(original.quality()).isGreaterThan(49);
		assertThat(original.hash().distance(smaller.hash())).isLessThanOrEqualTo(TOLERANCE);
		assertThat(original.hash().distance(other.hash())).isGreaterThan(31 * 2);
	}

	@Test
	void aFeaturelessImageHasLowQuality() {
		BufferedImage grey = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = grey.createGraphics();
		g.setColor(Color.GRAY);
		g.fillRect(0, 0, 200, 100);
		g.dispose();
		assertThat(this.hasher.hash(grey).quality()).isZero();
	}

	@Test
	void anImageDeclaringAHugeCanvasIsNotDecoded() throws IOException {
		// a valid 1x1 PNG whose header then claims 60000 x 60000 pixels (its CRC fixed)
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png", out);
		byte[] png = out.toByteArray();
		java.nio.ByteBuffer.wrap(png, 16, 8).putInt(60_000).putInt(60_000);
		java.util.zip.CRC32 crc = new java.util.zip.CRC32();
		crc.update(png, 12, 17);
		java.nio.ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
		assertThat(this.hasher.hash(png)).isEmpty();
	}

	@Test
	void hexRoundTripsAndDistanceCountsBits() {
		String hex = "d8f8f0cce0f4a84f0e370a22028f67f0b36e2ed596623e1d33e6b39c4e9c9b22";
		PdqHash hash = PdqHash.parse(hex);
		assertThat(hash.hex()).isEqualTo(hex);
		assertThat(hash.distance(PdqHash.parse("0" + hex.substring(1)))).isEqualTo(3);
		assertThat(this.hasher.hash(new byte[] { 1, 2, 3 })).isEmpty();
	}

	static BufferedImage picture(Random random, int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, width, height);
		for (int i = 0; i < 40; i++) {
			g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
			g.fillOval(random.nextInt(width), random.nextInt(height), 20 + random.nextInt(width / 3),
					20 + random.nextInt(height / 3));
		}
		g.dispose();
		return image;
	}

	static BufferedImage scaled(BufferedImage image, int width, int height) {
		BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.drawImage(image, 0, 0, width, height, null);
		g.dispose();
		return out;
	}

}
