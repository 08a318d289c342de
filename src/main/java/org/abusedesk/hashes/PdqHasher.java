package org.abusedesk.hashes;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * PDQ, Meta's perceptual image hash (ThreatExchange, {@code hashing/hashing.pdf}): the
 * image's luminance, blurred with two passes of a Jarosz box filter and sampled down to
 * 64 by 64; the 16 by 16 lowest non-constant frequencies of its discrete cosine
 * transform; one bit per frequency, set when it is above their median. The quality (0 to
 * 100) counts strong gradients in the 64 by 64 image; featureless images score low and
 * their hashes match too easily to be trusted.
 *
 * <p>
 * Written from the published description; decoders differ in the last bits of a pixel, so
 * hashes of the same file from different implementations may differ in a few bits.
 */
public final class PdqHasher {

	/** Result of hashing one image. */
	public record Result(PdqHash hash, int quality) {
	}

	/** Images declaring more pixels than this (50 megapixels) are not decoded. */
	public static final long MAX_PIXELS = 50_000_000L;

	private static final int SIZE = 64;

	private static final int DCT = 16;

	private static final float[][] DCT_MATRIX = dctMatrix();

	/**
	 * Hashes an image given as file bytes; empty when Java cannot decode them, or when
	 * the image declares more than {@link #MAX_PIXELS} pixels (a small file can declare a
	 * huge canvas, and decoding it would exhaust the heap).
	 */
	public Optional<Result> hash(byte[] imageFile) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(imageFile))) {
			Iterator<ImageReader> readers = (in != null) ? ImageIO.getImageReaders(in) : Collections.emptyIterator();
			if (!readers.hasNext()) {
				return Optional.empty();
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
					return Optional.empty();
				}
				return Optional.of(hash(reader.read(0)));
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			// not an image Java can decode (CMYK JPEG, truncated file): no PDQ hash
			return Optional.empty();
		}
	}

	/** Hashes a decoded image. */
	public Result hash(BufferedImage image) {
		int rows = image.getHeight();
		int cols = image.getWidth();
		float[] luma = new float[rows * cols];
		int[] rgb = image.getRGB(0, 0, cols, rows, null, 0, cols);
		for (int i = 0; i < rgb.length; i++) {
			int p = rgb[i];
			luma[i] = 0.299f * ((p >> 16) & 0xFF) + 0.587f * ((p >> 8) & 0xFF) + 0.114f * (p & 0xFF);
		}
		return hash(luma, rows, cols);
	}

	/**
	 * Hashes a luminance matrix of {@code rows} by {@code cols}, row-major, values 0 to
	 * 255. The matrix is used as scratch space.
	 */
	public Result hash(float[] luma, int rows, int cols) {
		float[] small = downsample(luma, rows, cols);
		int quality = quality(small);
		float[] dct = dct(small);
		float[] sorted = dct.clone();
		Arrays.sort(sorted);
		// the lower median, as the reference's selection algorithm returns for 256 values
		float median = sorted[DCT * DCT / 2 - 1];
		boolean[] bits = new boolean[DCT * DCT];
		for (int k = 0; k < bits.length; k++) {
			bits[k] = dct[k] > median;
		}
		return new Result(PdqHash.fromBits(bits), quality);
	}

	/**
	 * Two passes of the Jarosz filter (box blur along rows, then columns), then sampling.
	 */
	static float[] downsample(float[] luma, int rows, int cols) {
		if (rows == SIZE && cols == SIZE) {
			return luma.clone();
		}
		int windowAlongRows = windowSize(cols);
		int windowAlongCols = windowSize(rows);
		float[] scratch = new float[luma.length];
		for (int pass = 0; pass < 2; pass++) {
			for (int i = 0; i < rows; i++) {
				box(luma, scratch, i * cols, 1, cols, windowAlongRows);
			}
			for (int j = 0; j < cols; j++) {
				box(scratch, luma, j, cols, rows, windowAlongCols);
			}
		}
		float[] out = new float[SIZE * SIZE];
		for (int i = 0; i < SIZE; i++) {
			int from = (int) (((i + 0.5) * rows) / SIZE);
			for (int j = 0; j < SIZE; j++) {
				int fromCol = (int) (((j + 0.5) * cols) / SIZE);
				out[i * SIZE + j] = luma[from * cols + fromCol];
			}
		}
		return out;
	}

	/** The box width that halves the resolution per pass: about a 128th of the side. */
	static int windowSize(int oldDimension) {
		return (oldDimension + 2 * SIZE - 1) / (2 * SIZE);
	}

	/**
	 * A box blur of one row or column: output {@code o} is the mean of the inputs from
	 * {@code o - (w - h)} to {@code o + h - 1}, clipped to the vector, where
	 * {@code h = (w + 2) / 2}.
	 */
	private static void box(float[] in, float[] out, int offset, int stride, int length, int window) {
		int half = (window + 2) / 2;
		int behind = window - half;
		int ahead = half - 1;
		float sum = 0;
		int lo = 0;
		int hi = -1;
		for (int o = 0; o < length; o++) {
			int wantHi = Math.min(length - 1, o + ahead);
			int wantLo = Math.max(0, o - behind);
			while (hi < wantHi) {
				hi++;
				sum += in[offset + hi * stride];
			}
			while (lo < wantLo) {
				sum -= in[offset + lo * stride];
				lo++;
			}
			out[offset + o * stride] = sum / (hi - lo + 1);
		}
	}

	/** Sum of quantised gradients between neighbours, scaled to 0..100. */
	static int quality(float[] small) {
		int sum = 0;
		for (int i = 0; i < SIZE - 1; i++) {
			for (int j = 0; j < SIZE; j++) {
				sum += Math.abs((int) (((small[i * SIZE + j] - small[(i + 1) * SIZE + j]) * 100) / 255));
			}
		}
		for (int i = 0; i < SIZE; i++) {
			for (int j = 0; j < SIZE - 1; j++) {
				sum += Math.abs((int) (((small[i * SIZE + j] - small[i * SIZE + j + 1]) * 100) / 255));
			}
		}
		return Math.min(100, sum / 90);
	}

	/** D A D', with D the 16 by 64 DCT-II rows 1 to 16 (row 0, the mean, is skipped). */
	static float[] dct(float[] a) {
		float[] t = new float[DCT * SIZE];
		for (int i = 0; i < DCT; i++) {
			for (int j = 0; j < SIZE; j++) {
				float sum = 0;
				for (int k = 0; k < SIZE; k++) {
					sum += DCT_MATRIX[i][k] * a[k * SIZE + j];
				}
				t[i * SIZE + j] = sum;
			}
		}
		float[] b = new float[DCT * DCT];
		for (int i = 0; i < DCT; i++) {
			for (int j = 0; j < DCT; j++) {
				float sum = 0;
				for (int k = 0; k < SIZE; k++) {
					sum += t[i * SIZE + k] * DCT_MATRIX[j][k];
				}
				b[i * DCT + j] = sum;
			}
		}
		return b;
	}

	private static float[][] dctMatrix() {
		float[][] d = new float[DCT][SIZE];
		double scale = Math.sqrt(2.0 / SIZE);
		for (int i = 0; i < DCT; i++) {
			for (int j = 0; j < SIZE; j++) {
				d[i][j] = (float) (scale * Math.cos((Math.PI / 2.0 / SIZE) * (i + 1) * (2 * j + 1)));
			}
		}
		return d;
	}

}
