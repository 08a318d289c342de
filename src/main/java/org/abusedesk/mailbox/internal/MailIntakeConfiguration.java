package org.abusedesk.mailbox.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailIntakeProperties.class)
class MailIntakeConfiguration {

}
