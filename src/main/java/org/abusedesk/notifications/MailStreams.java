package org.abusedesk.notifications;

/**
 * Jakarta Mail 2.1 looks up its {@code StreamProvider} with a {@code ServiceLoader} scan
 * of every jar on the class path each time a MIME part is written or a header encoded
 * (jakartaee/mail-api#861): with four messages per proxied report that was about an
 * eighth of the server's CPU. Named in the system property that Jakarta Mail reads first,
 * the lookup is a class already loaded. A provider named by the deployment is left as it
 * is. The application names it when its class is loaded, before anything sends or reads
 * mail.
 */
public final class MailStreams {

	public static final String PROPERTY = "jakarta.mail.util.StreamProvider";

	public static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

	private MailStreams() {
	}

	public static void nameTheProvider() {
		if (System.getProperty(PROPERTY) == null) {
			System.setProperty(PROPERTY, ANGUS);
		}
	}

}
