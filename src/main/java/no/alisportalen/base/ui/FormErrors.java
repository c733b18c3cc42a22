package no.alisportalen.base.ui;

import com.vaadin.flow.component.HasValidation;
import java.util.Map;
import no.alisportalen.base.InvalidInputException;

/** Shows a service's field problems beside the fields they belong to. */
public final class FormErrors {

    private FormErrors() {}

    /** @return true when every problem found its field */
    public static boolean show(InvalidInputException e, Map<String, ? extends HasValidation> fields,
            java.util.function.BiFunction<String, Object[], String> translate) {
        boolean all = true;
        for (var problem : e.problems()) {
            var field = fields.get(problem.field());
            if (field == null) {
                all = false;
                continue;
            }
            field.setErrorMessage(translate.apply(problem.messageKey(), problem.args().toArray()));
            field.setInvalid(true);
        }
        return all;
    }
}
