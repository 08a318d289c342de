package org.abusedesk.mailbox.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.abusedesk.CommandRun;
import org.abusedesk.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

class MailCommandTests extends IntegrationTest {

	@Autowired
	private ApplicationContext context;

	@Test
	void printsOneJsonLinePerMessageFromFilesOrStandardInput(@TempDir Path dir) throws Exception {
		String id = UUID.randomUUID().toString();
		Path first = dir.resolve("one.eml");
		Files.writeString(first, "From: a-" + id + "@people.example\r\nSubject: spam\r\n\r\nspam from 192.0.2.31\r\n");
		Path second = dir.resolve("two.eml");
		Files.writeString(second, "From: b-" + id + "@people.example\r\nSubject: hi\r\n\r\nnothing\r\n");

		CommandRun files = CommandRun.run(this.context, "", "intake", "mail", first.toString(), second.toString());
		CommandRun again = CommandRun.run(this.context, Files.readString(first), "intake", "mail");

		assertThat(files.exit()).as(files.err()).isZero();
		assertThat(again.exit()).as(again.err()).isZero();
		List<JsonNode> lines = (files.out() + again.out()).lines()
			.map((line) -> JsonMapper.builder().build().readTree(line))
			.toList();
		assertThat(lines).hasSize(3);
		assertThat(lines.get(0).get("status").asString()).isEqualTo("accepted");
		assertThat(lines.get(0).get("format").asString()).isEqualTo("text");
		assertThat(lines.get(0).get("reports").get(0).get("ips").get(0).asString()).isEqualTo("192.0.2.31");
		assertThat(lines.get(0).get("reports").get(0).get("type").asString()).isEqualTo("general");
		assertThat(lines.get(0).has("message_id")).isTrue();
		assertThat(lines.get(1).get("status").asString()).isEqualTo("quarantined");
		assertThat(lines.get(1).get("reason").asString()).isNotBlank();
		assertThat(lines.get(2).get("status").asString()).isEqualTo("duplicate");
	}

}
