package org.abusedesk.notifications;

import jakarta.mail.util.StreamProvider;
import org.abusedesk.AbusedeskApplication;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailStreamsTests {

	@Test
	void theApplicationNamesAngusAsTheStreamProviderSoJakartaMailNeedNotScanTheClassPath() throws Exception {
		Class.forName(AbusedeskApplication.class.getName(), true, getClass().getClassLoader());
		assertThat(System.getProperty(MailStreams.PROPERTY)).isEqualTo(MailStreams.ANGUS);
		assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(MailStreams.ANGUS);
	}

}
