package org.abusedesk.cases.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ CaseProperties.class, RoutingProperties.class })
class CaseConfiguration {

}
