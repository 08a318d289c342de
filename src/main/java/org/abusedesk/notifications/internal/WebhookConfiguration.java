package org.abusedesk.notifications.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ WebhookProperties.class, NotificationProperties.class })
class WebhookConfiguration {

}
