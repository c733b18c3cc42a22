package no.alisportalen.position;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import no.alisportalen.IntegrationTest;
import no.alisportalen.TestApi;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
class ChangeQueuesIntegrationTest {

    @Autowired
    ChangeQueues queues;

    @Autowired
    PositionService positions;

    @Autowired
    MongoTemplate mongo;

    @Test
    void a_marker_renewed_while_its_reader_works_survives_the_readers_clear() {
        var id = "6b0000000000000000000abc";
        queues.mark("test_queue", id);
        var seen = queues.markers("test_queue", 10).getFirst();
        assertThat(seen.positionId()).isEqualTo(id);
        queues.mark("test_queue", id); // a new write while the reader was busy
        queues.clear("test_queue", seen);
        assertThat(queues.markers("test_queue", 10)).extracting(ChangeQueues.Marker::positionId).containsExactly(id);
        queues.clear("test_queue", queues.markers("test_queue", 10).getFirst());
        assertThat(queues.markers("test_queue", 10)).isEmpty();
    }

    @Autowired
    FeedSequencer sequencer;

    @Test
    @WithUserDetails(TestApi.ADMIN_EMAIL)
    void a_feed_counter_left_behind_by_a_crash_never_reuses_a_sequence() {
        var first = publishedAndSequenced();
        long max = sequencer.lastSequence();
        // Simulate a run that appended entries but died before saving its counter.
        mongo.upsert(Query.query(Criteria.where("_id").is("position-feed")),
                org.springframework.data.mongodb.core.query.Update.update("value", 0L), "position_feed_counter");

        var second = publishedAndSequenced();
        var entry = mongo.findOne(Query.query(Criteria.where("changeId").regex("^" + second.id().value())), Document.class,
                "position_feed");
        assertThat(((Number) entry.get("_id")).longValue()).isEqualTo(max + 1);
    }

    @Test
    @WithUserDetails(TestApi.ADMIN_EMAIL)
    void a_change_sequenced_by_a_run_that_died_before_clearing_it_is_not_sequenced_twice() {
        var first = publishedAndSequenced();
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingFeed(first.id()).isEmpty());
        // Simulate a run that stored the entry but died before taking the change off the position.
        var entry = mongo.findOne(Query.query(Criteria.where("changeId").regex("^" + first.id().value()))
                .with(org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Direction.DESC,
                        "_id")), Document.class, "position_feed");
        var change = new Document(entry);
        change.remove("_id");
        change.remove("_class");
        mongo.updateFirst(Query.query(Criteria.where("_id").is(first.id().value())),
                new org.springframework.data.mongodb.core.query.Update().push("pendingFeed", change), "positions");
        queues.mark(ChangeQueues.FEED, first.id().value());
        sequencer.drain();

        assertThat(pendingFeed(first.id())).isEmpty();
        assertThat(mongo.count(Query.query(Criteria.where("changeId").is(entry.get("changeId"))), "position_feed"))
                .isOne();
    }

    @Test
    @WithUserDetails(TestApi.ADMIN_EMAIL)
    void changes_written_as_history_wait_for_the_history_and_then_reach_the_feed_in_order() {
        var data = PositionRulesTest.valid().withDates(java.time.LocalDate.now().plusMonths(4),
                java.time.LocalDate.now().plusMonths(2));
        var published = no.alisportalen.base.Backdating.during(() -> {
            var created = positions.create(data);
            var done = positions.publish(created.id(), created.version());
            sequencer.drain();
            assertThat(feedHas(done.id())).as("sequenced while the history is written").isFalse();
            return done;
        });
        sequencer.drain();
        var entries = mongo.find(Query.query(Criteria.where("changeId").regex("^" + published.id().value()))
                .with(org.springframework.data.domain.Sort.by("_id")), Document.class, "position_feed");
        assertThat(entries).isNotEmpty();
        assertThat(entries).extracting(e -> e.getDate("changedAt")).isSorted();
        assertThat(pendingFeed(published.id())).isEmpty();
    }

    private java.util.List<Object> pendingFeed(PositionId id) {
        var raw = mongo.findOne(Query.query(Criteria.where("_id").is(id.value())), Document.class, "positions");
        return raw == null ? java.util.List.of() : raw.getList("pendingFeed", Object.class, java.util.List.of());
    }

    /** A position created and published, once its publication is in the feed. */
    private Position publishedAndSequenced() {
        var created = positions.create(PositionRulesTest.valid().withDates(java.time.LocalDate.now().plusMonths(4),
                java.time.LocalDate.now().plusMonths(2)));
        var published = positions.publish(created.id(), created.version());
        await().atMost(Duration.ofSeconds(30)).until(() -> feedHas(published.id()));
        return published;
    }

    private boolean feedHas(PositionId id) {
        return mongo.exists(Query.query(Criteria.where("changeId").regex("^" + id.value())), "position_feed");
    }

    @Test
    @WithUserDetails(TestApi.ADMIN_EMAIL)
    void sequenced_and_indexed_changes_leave_no_work_behind_in_the_position_document() {
        var data = PositionRulesTest.valid().withDates(java.time.LocalDate.now().plusMonths(4),
                java.time.LocalDate.now().plusMonths(2));
        var created = positions.create(data);
        positions.publish(created.id(), created.version());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var raw = mongo.findOne(Query.query(Criteria.where("_id").is(created.id().value())), Document.class,
                    "positions");
            assertThat(raw).isNotNull();
            assertThat(raw.getList("pendingFeed", Object.class)).isEmpty();
            assertThat(raw.getBoolean("indexDirty")).isFalse();
            assertThat(mongo.exists(Query.query(Criteria.where("_id").is(created.id().value())),
                    ChangeQueues.FEED)).isFalse();
            assertThat(mongo.exists(Query.query(Criteria.where("_id").is(created.id().value())),
                    ChangeQueues.INDEX)).isFalse();
        });
    }
}
