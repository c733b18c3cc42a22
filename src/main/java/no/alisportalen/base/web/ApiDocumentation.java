package no.alisportalen.base.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document as the contract (shared/docs/api-v1.md) states it: the security schemes, and on every
 * operation the problem-detail statuses it can answer with, so a client can rely on the document alone.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String PROBLEM = "Problem";
    private static final Set<PathItem.HttpMethod> WRITES = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.DELETE, PathItem.HttpMethod.PATCH);

    @Bean
    OpenAPI portalOpenApi() {
        return new OpenAPI()
                .info(new Info().title("ALIS-portalen API").version("v1")
                        .description("Public API of ALIS-portalen. Errors are RFC 9457 problem details in the "
                                + "request's language (Accept-Language: nb or en). An unknown path is 404, a "
                                + "method a path does not have is 405 with Allow, an Accept it cannot satisfy is "
                                + "406; never a 500 for anything a client sends."))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("An API key (POST /api/v1/me/api-keys), for "
                                        + "integrations: acts as its owner; ALIS office keys only read"))
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic").description("The portal account's e-mail and password"))
                        .addSecuritySchemes("session", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                                .description("The web UI's session (writes also need the CSRF token)")));
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            // Here, not on the bean: springdoc drops schemas nothing refers to before customizers add the references.
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            documentProblems(openApi);
        };
    }

    private static void documentProblems(OpenAPI openApi) {
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            boolean open = PublicApi.isPublic(method.name(), path);
            boolean body = op.getRequestBody() != null;
            var responses = op.getResponses();
            add(responses, "400", "Invalid input: a parameter or field (problem details with errors), or malformed JSON");
            add(responses, "404", "No such resource, or not visible to the caller");
            add(responses, "406", "The Accept header asks for a format the operation cannot produce");
            add(responses, "503", "A dependency (search or store) is down and no fallback exists");
            if (!open) {
                add(responses, "401", "No valid credentials");
                add(responses, "403", "The role or scope does not allow this");
                add(responses, "429", "Too many failed logins, or too many requests for one API key: wait "
                        + "Retry-After seconds");
                op.setSecurity(List.of(new SecurityRequirement().addList("bearer"),
                        new SecurityRequirement().addList("basic"),
                        new SecurityRequirement().addList("session")));
            } else {
                op.setSecurity(List.of());
            }
            if (WRITES.contains(method)) {
                add(responses, "409", "Conflict with the current state: a stale version, a duplicate, a closed position");
            }
            if (body) {
                add(responses, "413", "Body larger than 256 KiB");
                add(responses, "415", "Body is not application/json");
            }
        }));
    }

    private static void add(io.swagger.v3.oas.models.responses.ApiResponses responses, String status, String text) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(text).content(new Content()
                    .addMediaType("application/problem+json", new MediaType()
                            .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
        }
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        var error = new ObjectSchema().addProperty("field", new StringSchema()).addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .properties(Map.of(
                        "type", new StringSchema().format("uri"),
                        "title", new StringSchema(),
                        "status", new IntegerSchema(),
                        "detail", new StringSchema(),
                        "instance", new StringSchema(),
                        "errors", new ArraySchema().items(error)))
                .required(List.of("type", "title", "status"));
    }
}
