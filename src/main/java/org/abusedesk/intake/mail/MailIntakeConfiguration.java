package org.abusedesk.intake.mail;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailIntakeProperties.class)
class MailIntakeConfiguration {

}
