package no.alisportalen.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import no.alisportalen.municipality.Region;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.SynthesizingMethodParameter;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;
import org.springframework.web.bind.support.DefaultDataBinderFactory;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.annotation.RequestParamMethodArgumentResolver;

/** The lean resolver binds every parameter and value as Spring MVC's own {@code @RequestParam} resolver does. */
class LeanRequestParamResolverTest {

    @LeanRequestParams
    @SuppressWarnings("unused")
    void handler(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable List<Region> region,
            @RequestParam(required = false) @Nullable List<String> county,
            @RequestParam(required = false) @Nullable List<Integer> centrality,
            @RequestParam(required = false) @Nullable Integer maxListLength,
            @RequestParam(required = false) @Nullable Double radiusKm,
            @RequestParam(required = false) @Nullable Boolean introductionAgreement,
            @RequestParam(defaultValue = "relevance") String sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "true") boolean recruitmentBoost,
            @RequestParam(name = "named", required = false) @Nullable String renamed,
            @RequestParam String required) {}

    private static final List<List<String>> VALUES = List.of(List.of(), List.of(""), List.of(" "), List.of("x"),
            List.of("NORD"), List.of("nord"), List.of("NORD,VEST"), List.of("NORD", "VEST"), List.of(" VEST "),
            List.of("12"), List.of(" 12 "), List.of("0x10"), List.of("-5"), List.of("1e3"), List.of("2.5"),
            List.of("NaN"), List.of("99999999999"), List.of("1,2"), List.of("1", "2"), List.of("true"),
            List.of("yes"), List.of("on"), List.of("0"), List.of("false,true"), List.of("a", ""));

    @Test
    void binds_every_value_as_spring_mvc_does() throws Exception {
        var conversions = new DefaultFormattingConversionService();
        var initializer = new ConfigurableWebBindingInitializer();
        initializer.setConversionService(conversions);
        var binders = new DefaultDataBinderFactory(initializer);
        var spring = new RequestParamMethodArgumentResolver(false);
        var lean = new LeanRequestParamResolver(conversions);
        Method method = getClass().getDeclaredMethod("handler", String.class, List.class, List.class, List.class,
                Integer.class, Double.class, Boolean.class, String.class, int.class, boolean.class, String.class,
                String.class);
        List<String> compared = new ArrayList<>();
        for (int i = 0; i < method.getParameterCount(); i++) {
            MethodParameter parameter = SynthesizingMethodParameter.forExecutable(method, i);
            parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            assertThat(lean.supportsParameter(parameter)).isTrue();
            String name = i == 10 ? "named" : parameter.getParameterName();
            for (var values : VALUES) {
                var request = new MockHttpServletRequest("GET", "/api/v1/positions");
                if (!values.isEmpty()) {
                    request.addParameter(name, values.toArray(String[]::new));
                }
                var web = new ServletWebRequest(request);
                var expected = outcome(() -> spring.resolveArgument(parameter, null, web, binders));
                var actual = outcome(() -> lean.resolveArgument(parameter, null, web, binders));
                assertThat(actual).as("%s = %s", name, values).isEqualTo(expected);
                compared.add(name + "=" + values + " -> " + expected);
            }
        }
        assertThat(compared).as("some values convert, some fail, some are missing")
                .anyMatch(c -> c.endsWith("[NORD, VEST]")).anyMatch(c -> c.contains("MethodArgumentTypeMismatch"))
                .anyMatch(c -> c.contains("MissingServletRequestParameter"));
    }

    @Test
    void leaves_handlers_without_the_annotation_to_spring_mvc() throws Exception {
        Method method = getClass().getDeclaredMethod("plain", String.class);
        var parameter = SynthesizingMethodParameter.forExecutable(method, 0);
        assertThat(new LeanRequestParamResolver(new DefaultFormattingConversionService()).supportsParameter(parameter))
                .isFalse();
    }

    @SuppressWarnings("unused")
    void plain(@RequestParam String q) {}

    private interface Call {
        @Nullable Object call() throws Exception;
    }

    /** The value bound, or the kind of error and the parameter it names. */
    private static String outcome(Call call) {
        try {
            var value = call.call();
            return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
        } catch (org.springframework.web.method.annotation.MethodArgumentTypeMismatchException e) {
            return "MethodArgumentTypeMismatch " + e.getName() + " "
                    + (e.getValue() instanceof Object[] values ? java.util.Arrays.toString(values) : e.getValue());
        } catch (org.springframework.web.bind.MissingServletRequestParameterException e) {
            return "MissingServletRequestParameter " + e.getParameterName();
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }
}
