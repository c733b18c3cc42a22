package no.alisportalen.alert;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import no.alisportalen.base.NotFoundException;
import no.alisportalen.position.PositionId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Saved searches and favourites")
class AlertController {

    private final AlertService alerts;

    AlertController(AlertService alerts) {
        this.alerts = alerts;
    }

    /** Switches e-mail for a saved search on or off. */
    record EmailSetting(@Nullable Boolean email) {}

    @GetMapping("/me/saved-searches")
    @Operation(summary = "The applicant's saved searches (APPLICANT)")
    List<SavedSearch> savedSearches() {
        return alerts.savedSearches();
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/me/saved-searches")
    @Operation(summary = "Save a search (query: search URL parameters) or preferences; matching positions published "
            + "or changed from now on appear in /me/notifications (and by e-mail when SMTP is set up) (APPLICANT)")
    ResponseEntity<SavedSearch> save(@RequestBody NewSavedSearch request) {
        var saved = alerts.save(request);
        return ResponseEntity.created(URI.create("/api/v1/me/saved-searches/" + saved.id())).body(saved);
    }

    @PutMapping("/me/saved-searches/{id}/email")
    @Operation(summary = "Turn e-mail for a saved search on or off (APPLICANT)")
    SavedSearch email(@PathVariable String id, @RequestBody EmailSetting setting) {
        return alerts.setEmail(id, setting.email() == null || setting.email());
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/me/saved-searches/{id}")
    @Operation(summary = "Delete a saved search (APPLICANT)")
    ResponseEntity<Void> delete(@PathVariable String id) {
        alerts.delete(id);
        return ResponseEntity.noContent().build();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/unsubscribe")
    @Operation(summary = "One-click unsubscribe from a saved search's e-mails (anyone holding the e-mail's token; "
            + "RFC 8058 List-Unsubscribe-Post)")
    ResponseEntity<Void> unsubscribe(@RequestParam String token) {
        if (alerts.unsubscribe(token) == null) {
            throw new NotFoundException("savedSearch");
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me/favourites")
    @Operation(summary = "The applicant's favourite positions (APPLICANT)")
    List<Favourite> favourites() {
        return alerts.favourites();
    }

    @PutMapping("/me/favourites/{positionId}")
    @Operation(summary = "Add a favourite; notices follow when its deadline approaches or it closes (APPLICANT)")
    Favourite addFavourite(@PathVariable String positionId) {
        return alerts.addFavourite(PositionId.fromPath(positionId));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/me/favourites/{positionId}")
    @Operation(summary = "Remove a favourite (APPLICANT)")
    ResponseEntity<Void> removeFavourite(@PathVariable String positionId) {
        alerts.removeFavourite(PositionId.fromPath(positionId));
        return ResponseEntity.noContent().build();
    }
}
