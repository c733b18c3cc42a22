package no.alisportalen.infrastructure;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Cluster-wide locks (ShedLock, stored in MongoDB) for jobs that must run on one instance at a time. */
@Configuration(proxyBeanMethods = false)
class SchedulingLocksConfiguration {

    @Bean
    LockProvider lockProvider(MongoTemplate mongo) {
        return new MongoLockProvider(mongo.getCollection("scheduler_locks"));
    }

    @Bean
    LockingTaskExecutor lockingTaskExecutor(LockProvider lockProvider) {
        return new DefaultLockingTaskExecutor(lockProvider);
    }
}
