package org.abusedesk.identity.internal;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ SignInThrottleProperties.class, IdentityProperties.class })
class SignInThrottleConfiguration {

	@Bean
	SignInThrottle signInThrottle(SignInThrottleProperties properties) {
		return new SignInThrottle(properties, Clock.systemUTC());
	}

}
