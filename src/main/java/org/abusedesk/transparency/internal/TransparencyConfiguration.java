package org.abusedesk.transparency.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TransparencyProperties.class)
class TransparencyConfiguration {

}
