package no.alisportalen.base;

/** Nothing there, or nothing the caller may know exists; the API answers 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what);
    }
}
