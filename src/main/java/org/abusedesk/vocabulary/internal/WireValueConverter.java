package org.abusedesk.vocabulary.internal;

import java.util.Set;

import org.abusedesk.vocabulary.WireValue;

import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.format.FormatterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Request parameters and path variables of a glossary type are read from their wire
 * values (leniently, as JSON is), not from the Java constants' names.
 */
@Component
class WireValueConverter implements GenericConverter, WebMvcConfigurer {

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverter(this);
	}

	@Override
	public Set<ConvertiblePair> getConvertibleTypes() {
		return Set.of(new ConvertiblePair(String.class, WireValue.class));
	}

	@Override
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
		if (source == null || !targetType.getType().isEnum()) {
			return null;
		}
		return WireValue.read((Class) targetType.getType(), (String) source);
	}

}
