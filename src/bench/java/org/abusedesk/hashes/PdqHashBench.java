package org.abusedesk.hashes;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** PDQ hashes per second of a decoded 640 by 480 picture, on one thread. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PdqHashBench {

	private final PdqHasher hasher = new PdqHasher();

	private BufferedImage picture;

	@Setup
	public void setUp() {
		Random random = new Random(1);
		this.picture = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = this.picture.createGraphics();
		for (int i = 0; i < 60; i++) {
			g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
			g.fillOval(random.nextInt(640), random.nextInt(480), 20 + random.nextInt(200), 20 + random.nextInt(150));
		}
		g.dispose();
	}

	@Benchmark
	public long pdqHash640x480() {
		return this.hasher.hash(this.picture).hash().low();
	}

}
