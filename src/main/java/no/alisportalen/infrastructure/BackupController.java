package no.alisportalen.infrastructure;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Online backups of the embedded store, for administrators (README "Backup and restore"). */
@RestController
@RequestMapping(path = "/api/v1/admin/backups", produces = "application/json")
@Tag(name = "Administration")
class BackupController {

    private final StoreBackups backups;

    BackupController(StoreBackups backups) {
        this.backups = backups;
    }

    @PostMapping
    @Operation(summary = "Take a consistent online backup of the embedded store now (ADMIN); 409 on an external MongoDB")
    StoreBackups.Backup create() {
        return backups.create();
    }

    @GetMapping
    @Operation(summary = "Backups in the data folder, newest first (ADMIN)")
    List<StoreBackups.Backup> list() {
        return backups.list();
    }
}
