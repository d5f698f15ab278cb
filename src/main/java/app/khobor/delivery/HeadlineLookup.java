package app.khobor.delivery;

import app.khobor.news.StoredHeadline;
import java.util.Optional;

/** Finds a stored headline by id; the outbox keeps only ids. Wired to the headline store. */
@FunctionalInterface
public interface HeadlineLookup {
    Optional<StoredHeadline> byId(long headlineId);
}
