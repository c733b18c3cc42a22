package no.alisportalen.round.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.dnd.GridDropLocation;
import com.vaadin.flow.component.grid.dnd.GridDropMode;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A ranking, best first, that can be reordered by drag and drop and, for keyboards and screen readers, by
 * "move up" and "move down" buttons on every row; "remove" takes an entry out of the ranking.
 */
final class RankList<T> extends Grid<T> {

    private final List<T> items = new ArrayList<>();
    private final Function<T, String> label;
    private @Nullable T dragged;
    private Runnable onChange = () -> {};

    RankList(String ariaLabel, Function<T, String> label, Function<T, Component> details) {
        this.label = label;
        setAriaLabel(ariaLabel);
        addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        setAllRowsVisible(true);
        addColumn(item -> items.indexOf(item) + 1).setHeader(getTranslation("round.rank")).setAutoWidth(true)
                .setFlexGrow(0);
        addComponentColumn(details::apply).setHeader(getTranslation("round.entry")).setFlexGrow(1);
        addComponentColumn(this::actions).setHeader(getTranslation("round.actions")).setAutoWidth(true)
                .setFlexGrow(0);
        setRowsDraggable(true);
        setDropMode(GridDropMode.BETWEEN);
        addDragStartListener(e -> dragged = e.getDraggedItems().isEmpty() ? null : e.getDraggedItems().getFirst());
        addDragEndListener(e -> dragged = null);
        addDropListener(e -> e.getDropTargetItem().ifPresent(target -> {
            var moving = dragged;
            if (moving == null || moving.equals(target)) {
                return;
            }
            items.remove(moving);
            int at = items.indexOf(target) + (e.getDropLocation() == GridDropLocation.BELOW ? 1 : 0);
            items.add(at, moving);
            changed();
        }));
    }

    void onChange(Runnable listener) {
        this.onChange = listener;
    }

    List<T> ranked() {
        return List.copyOf(items);
    }

    void set(List<T> ranking) {
        items.clear();
        items.addAll(ranking);
        setItems(items);
    }

    void add(T item) {
        if (!items.contains(item)) {
            items.add(item);
            changed();
        }
    }

    boolean contains(T item) {
        return items.contains(item);
    }

    void move(T item, int by) {
        int from = items.indexOf(item);
        int to = from + by;
        if (from < 0 || to < 0 || to >= items.size()) {
            return;
        }
        items.remove(from);
        items.add(to, item);
        changed();
    }

    private void changed() {
        setItems(items);
        onChange.run();
    }

    private Component actions(T item) {
        var name = label.apply(item);
        var up = small(getTranslation("round.up"), getTranslation("round.up.label", name), () -> move(item, -1));
        var down = small(getTranslation("round.down"), getTranslation("round.down.label", name), () -> move(item, 1));
        var remove = small(getTranslation("round.remove"), getTranslation("round.remove.label", name), () -> {
            items.remove(item);
            changed();
        });
        remove.addThemeVariants(ButtonVariant.ERROR);
        int at = items.indexOf(item);
        up.setEnabled(at > 0);
        down.setEnabled(at < items.size() - 1);
        return new HorizontalLayout(up, down, remove);
    }

    private static Button small(String text, String ariaLabel, Runnable action) {
        var button = new Button(text, e -> action.run());
        button.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        button.getElement().setAttribute("aria-label", ariaLabel);
        return button;
    }

    static Span text(String value) {
        return new Span(value);
    }
}
