package no.alisportalen.base.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Binds the {@code @RequestParam}s of {@link LeanRequestParams} handlers as Spring MVC's resolver does for simple
 * values and lists of them: one value as a string (a list splits it at commas), several as an array; an absent or
 * empty value takes the default; a value the conversion service cannot convert goes Spring's own way, and one
 * that does not bind there either is a {@link MethodArgumentTypeMismatchException}.
 */
final class LeanRequestParamResolver implements HandlerMethodArgumentResolver {

    private static final TypeDescriptor ONE = TypeDescriptor.valueOf(String.class);
    private static final TypeDescriptor SEVERAL = TypeDescriptor.valueOf(String[].class);

    /** The parameter, its default, and its type without its annotations (they made each look-up slow). */
    private record Binding(String name, boolean required, @Nullable String defaultValue, TypeDescriptor type) {}

    private final ConversionService conversions;
    private final Map<MethodParameter, Binding> bindings = new ConcurrentHashMap<>();

    LeanRequestParamResolver(ConversionService conversions) {
        this.conversions = conversions;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        var annotation = parameter.getParameterAnnotation(RequestParam.class);
        return annotation != null && parameter.hasMethodAnnotation(LeanRequestParams.class)
                && !Map.class.isAssignableFrom(parameter.getParameterType())
                && !parameter.getParameterType().getName().startsWith("org.springframework.web.multipart")
                && !parameter.getParameterType().getName().startsWith("jakarta.servlet.http.Part");
    }

    @Override
    public @Nullable Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
            NativeWebRequest request, @Nullable WebDataBinderFactory binders) throws Exception {
        var binding = bindings.computeIfAbsent(parameter, LeanRequestParamResolver::binding);
        var values = request.getParameterValues(binding.name());
        Object value = values == null ? null : values.length == 1 ? values[0] : values;
        if ((value == null || "".equals(value)) && binding.defaultValue() != null) {
            value = binding.defaultValue();
        }
        if (value == null) {
            if (binding.required()) {
                throw new MissingServletRequestParameterException(binding.name(),
                        parameter.getNestedParameterType().getSimpleName());
            }
            return null;
        }
        try {
            return conversions.convert(value, value instanceof String ? ONE : SEVERAL, binding.type());
        } catch (ConversionException e) {
            // Spring MVC's binder then tries its property editors (a blank number is null there): a value that
            // does not convert takes Spring's own path, so both bind alike. It is rare, so it may be slow.
            if (binders == null) {
                throw new MethodArgumentTypeMismatchException(value, parameter.getParameterType(), binding.name(),
                        parameter, e.getCause());
            }
            try {
                return binders.createBinder(request, null, binding.name()).convertIfNecessary(value,
                        parameter.getParameterType(), parameter);
            } catch (TypeMismatchException mismatch) {
                throw new MethodArgumentTypeMismatchException(value, parameter.getParameterType(), binding.name(),
                        parameter, mismatch.getCause());
            }
        }
    }

    private static Binding binding(MethodParameter parameter) {
        var annotation = java.util.Objects.requireNonNull(parameter.getParameterAnnotation(RequestParam.class));
        String name = annotation.name().isEmpty() ? parameter.getParameterName() : annotation.name();
        if (name == null || name.isEmpty()) {
            throw new IllegalStateException("No name for " + parameter + ": compile with -parameters");
        }
        String defaultValue = ValueConstants.DEFAULT_NONE.equals(annotation.defaultValue()) ? null
                : annotation.defaultValue();
        var type = new TypeDescriptor(ResolvableType.forMethodParameter(parameter), null, null);
        return new Binding(name, annotation.required() && defaultValue == null, defaultValue, type);
    }
}
