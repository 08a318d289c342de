package org.abusedesk.mitigations.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MitigationProperties.class)
class MitigationConfiguration {

}
