package no.alisportalen.base.web;

import java.util.ArrayList;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Puts the {@link LeanRequestParams} resolver before Spring MVC's own (resolvers added the usual way come after
 * the built-in ones, and the built-in {@code @RequestParam} resolver would take every parameter first). It
 * converts with the conversion service Spring MVC's binders use, so both bind alike.
 */
@Configuration(proxyBeanMethods = false)
class LeanRequestParamsConfiguration {

    @Bean
    static BeanPostProcessor leanRequestParamsFirst() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof RequestMappingHandlerAdapter adapter
                        && adapter.getWebBindingInitializer() instanceof ConfigurableWebBindingInitializer binding
                        && binding.getConversionService() != null && adapter.getArgumentResolvers() != null) {
                    var resolvers = new ArrayList<HandlerMethodArgumentResolver>();
                    resolvers.add(new LeanRequestParamResolver(binding.getConversionService()));
                    resolvers.addAll(adapter.getArgumentResolvers());
                    adapter.setArgumentResolvers(resolvers);
                }
                return bean;
            }
        };
    }
}
