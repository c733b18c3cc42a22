package no.alisportalen.round;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import no.alisportalen.base.NotFoundException;
import no.alisportalen.municipality.Region;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Match rounds, as shared/docs/api-v1.md ("Match rounds") states them. */
@RestController
@RequestMapping("/api/v1/rounds")
@Tag(name = "Match rounds")
class RoundController {

    /** Either a single applicant's {@code positionIds} or a couple's {@code pairs}. */
    record ApplicantRankingBody(@Nullable List<String> positionIds, @Nullable List<RoundService.Pair> pairs) {}

    record CoupleBody(@Nullable String partnerEmail) {}

    record PositionRankingBody(@Nullable List<String> applicantIds) {}

    private final RoundService rounds;

    RoundController(RoundService rounds) {
        this.rounds = rounds;
    }

    @PostMapping
    @Operation(summary = "Open a round on the region's published positions (ALIS_OFFICE for its region, ADMIN)")
    ResponseEntity<Round> create(@RequestBody RoundService.NewRound body) {
        var round = rounds.create(body);
        return ResponseEntity.created(URI.create("/api/v1/rounds/" + round.id())).body(round);
    }

    @GetMapping
    @Operation(summary = "Rounds (of a region): OPEN and PUBLISHED for anyone, all for the region's office and admins")
    List<Round> list(@RequestParam(required = false) @Nullable Region region) {
        return rounds.list(region);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One round")
    Round get(@PathVariable String id) {
        return rounds.findVisible(id).orElseThrow(() -> new NotFoundException("round"));
    }

    @GetMapping("/{id}/progress")
    @Operation(summary = "How many applicants ranked, couples formed, positions still unranked (office, ADMIN)")
    RoundService.Progress progress(@PathVariable String id) {
        return rounds.progress(id);
    }

    @GetMapping("/{id}/applicant-ranking")
    @Operation(summary = "The caller's ranking, partner and pairs in the round (APPLICANT)")
    RoundService.MyRanking myRanking(@PathVariable String id) {
        return rounds.myRanking(id);
    }

    @PutMapping("/{id}/applicant-ranking")
    @Operation(summary = "Rank the round's positions best first (APPLICANT), or as a couple rank pairs")
    RoundService.MyRanking rank(@PathVariable String id, @RequestBody ApplicantRankingBody body) {
        return body.pairs() != null ? rounds.rankPairs(id, body.pairs()) : rounds.rankPositions(id, body.positionIds());
    }

    @PostMapping("/{id}/couple")
    @Operation(summary = "Name a partner (APPLICANT); the couple exists once the partner names the caller too")
    RoundService.MyRanking couple(@PathVariable String id, @RequestBody CoupleBody body) {
        return rounds.couple(id, body.partnerEmail());
    }

    @GetMapping("/{id}/positions/{positionId}/ranking")
    @Operation(summary = "Who ranked this position, and the municipality's ranking of them (owning MUNICIPALITY, ADMIN)")
    RoundService.PositionRankingView positionRanking(@PathVariable String id, @PathVariable String positionId) {
        return rounds.positionRanking(id, positionId);
    }

    @PutMapping("/{id}/positions/{positionId}/ranking")
    @Operation(summary = "Rank the candidates best first; those left out are not acceptable (owning MUNICIPALITY, ADMIN)")
    RoundService.PositionRankingView rankCandidates(@PathVariable String id, @PathVariable String positionId,
            @RequestBody PositionRankingBody body) {
        return rounds.rankCandidates(id, positionId, body.applicantIds());
    }

    @PostMapping("/{id}/match")
    @Operation(summary = "Run the match (the region's ALIS_OFFICE, ADMIN); the round becomes MATCHED")
    RoundResult match(@PathVariable String id) {
        return rounds.match(id);
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "Publish the result (the region's ALIS_OFFICE, ADMIN): assigned applicants get offers")
    Round publish(@PathVariable String id) {
        return rounds.publish(id);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel an open or matched round (the region's ALIS_OFFICE, ADMIN)")
    Round cancel(@PathVariable String id) {
        return rounds.cancel(id);
    }

    @GetMapping("/{id}/result")
    @Operation(summary = "The result: the office everything, after publication a municipality its positions and an "
            + "applicant their own")
    RoundResult result(@PathVariable String id) {
        return rounds.result(id);
    }
}
