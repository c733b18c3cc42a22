package no.alisportalen.base.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.alisportalen.base.ConflictException;
import no.alisportalen.base.FieldProblem;
import no.alisportalen.base.InvalidInputException;
import no.alisportalen.base.Messages;
import no.alisportalen.base.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as RFC 9457 problem details, in the request's language. Nothing a client sends may produce a
 * 500 or a stack trace; an unexpected failure is logged here and answered with a generic 500.
 */
@RestControllerAdvice(basePackages = "no.alisportalen")
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final Messages messages;

    ProblemDetailsAdvice(Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
        return problem(HttpStatus.BAD_REQUEST, "validation", messages.get("problem.validation.title"),
                messages.get("problem.validation.detail"), e.problems());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "conflict", messages.get("problem.conflict.title"),
                messages.get(e.messageKey(), e.args()), List.of());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", messages.get("problem.notFound.title"),
                messages.get("problem.notFound.detail"), List.of());
    }

    @ExceptionHandler(no.alisportalen.base.ServiceUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(no.alisportalen.base.ServiceUnavailableException e) {
        var response = problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", messages.get("problem.unavailable.title"),
                messages.get(e.messageKey()), List.of());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(response.getBody());
    }

    @ExceptionHandler(no.alisportalen.base.TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooMany(no.alisportalen.base.TooManyRequestsException e) {
        var response = problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                messages.get("problem.tooMany.title"), messages.get(e.messageKey()), List.of());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(response.getBody());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "validation", messages.get("problem.validation.title"),
                messages.get("problem.validation.detail"),
                List.of(FieldProblem.of(e.getName(), "validation.parameter.invalid", String.valueOf(e.getValue()))));
    }

    /** Security exceptions belong to the security filter chain, which answers 401 or 403 as problem details. */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void security(RuntimeException e) {
        throw e;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected error while handling an API request", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", messages.get("problem.internal.title"),
                messages.get("problem.internal.detail"), List.of());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(fe -> problems.add(new FieldProblem(fe.getField(),
                "raw:" + (fe.getDefaultMessage() == null ? "invalid" : fe.getDefaultMessage()), List.of())));
        ex.getBindingResult().getGlobalErrors().forEach(ge -> problems.add(new FieldProblem(ge.getObjectName(),
                "raw:" + (ge.getDefaultMessage() == null ? "invalid" : ge.getDefaultMessage()), List.of())));
        return widen(problem(HttpStatus.BAD_REQUEST, "validation", messages.get("problem.validation.title"),
                messages.get("problem.validation.detail"), problems));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        ex.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err -> problems.add(
                new FieldProblem(r.getMethodParameter().getParameterName() == null ? "parameter"
                        : r.getMethodParameter().getParameterName(),
                        "raw:" + (err.getDefaultMessage() == null ? "invalid" : err.getDefaultMessage()), List.of()))));
        return widen(problem(HttpStatus.BAD_REQUEST, "validation", messages.get("problem.validation.title"),
                messages.get("problem.validation.detail"), problems));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedByTooLarge(ex)) {
            return widen(problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", messages.get("problem.tooLarge.title"),
                    messages.get("problem.tooLarge.detail", RequestSizeLimitFilter.LIMIT_BYTES / 1024), List.of()));
        }
        log.debug("Unreadable request body: {}", ex.getMessage());
        return widen(problem(HttpStatus.BAD_REQUEST, "malformed", messages.get("problem.malformed.title"),
                messages.get("problem.malformed.detail"), List.of()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return widen(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                messages.get("problem.mediaType.title"), messages.get("problem.mediaType.detail"), List.of()));
    }

    /** Spring's own problem details for the remaining framework exceptions, with a localized title. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail pd && pd.getType().toString().equals("about:blank")) {
            pd.setType(java.net.URI.create(Problems.TYPE_BASE + "http-" + statusCode.value()));
        }
        var copy = new HttpHeaders();
        copy.putAll(headers);
        copy.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(body, copy, statusCode);
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail,
            List<FieldProblem> fieldProblems) {
        var problem = Problems.of(status, type, title, detail);
        if (!fieldProblems.isEmpty()) {
            Problems.withErrors(problem, fieldProblems.stream().map(p -> Map.of("field", p.field(), "message",
                    p.messageKey().startsWith("raw:") ? p.messageKey().substring(4)
                            : messages.get(p.messageKey(), p.args().toArray()))).toList());
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> widen(ResponseEntity<ProblemDetail> entity) {
        return (ResponseEntity) entity;
    }

    private static boolean causedByTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestSizeLimitFilter.TooLargeException) {
                return true;
            }
        }
        return false;
    }
}
