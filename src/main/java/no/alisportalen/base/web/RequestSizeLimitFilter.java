package no.alisportalen.base.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import no.alisportalen.base.Messages;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * API request bodies larger than 256 KiB get 413 problem details: at once when Content-Length says so, and while
 * reading when a chunked body grows past the limit (the handler maps {@link TooLargeException} to 413).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    static final long LIMIT_BYTES = 256 * 1024;

    private final Messages messages;

    RequestSizeLimitFilter(Messages messages) {
        this.messages = messages;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > LIMIT_BYTES) {
            var locale = Messages.of(request);
            var problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large",
                    messages.get("problem.tooLarge.title", locale),
                    messages.get("problem.tooLarge.detail", locale, LIMIT_BYTES / 1024));
            Problems.write(request, response, problem);
            return;
        }
        chain.doFilter(new LimitedRequest(request), response);
    }

    /** Thrown while reading a body past the limit. */
    static final class TooLargeException extends IOException {
        TooLargeException() {
            super("Request body larger than " + LIMIT_BYTES + " bytes");
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        LimitedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            var in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int off, int len) throws IOException {
                    int n = in.read(buffer, off, len);
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }

                private void count(int n) throws TooLargeException {
                    read += n;
                    if (read > LIMIT_BYTES) {
                        throw new TooLargeException();
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
